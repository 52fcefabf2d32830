package store

import (
	"strings"
	"time"
)

// The Raw types are what the stores read for an export: the stored columns as they are. Their
// Row methods make the exported rows, so that both stores export the same thing.

// RawDocument is a stored document for export.
type RawDocument struct {
	RowID                    int64
	Hash, URL, Source, Title string
	Published                *string
	Dateline, Language       string
	Partial                  bool
	Chars                    int64
	IngestedAt, Version      string
}

// Row makes the exported row.
func (r RawDocument) Row() DocumentRow {
	at, _ := time.Parse(time.RFC3339, r.IngestedAt)
	return DocumentRow{DocID: UID(r.Hash, r.URL), DocRowID: r.RowID, ContentHash: r.Hash, URL: Null(r.URL), Source: r.Source,
		Title: Null(r.Title), Published: published(r.Published), Dateline: Null(r.Dateline), Language: r.Language, Partial: r.Partial,
		Chars: r.Chars, IngestedAt: at.UTC(), ExtractorVersion: r.Version}
}

// RawEntity is a stored entity for export.
type RawEntity struct {
	Hash, URL, ID, Type, Name, Country, Code, Titles string
	Mentions                                         int64
	Version                                          string
}

// Row makes the exported row.
func (r RawEntity) Row() EntityRow {
	doc := UID(r.Hash, r.URL)
	titles := []string{}
	if r.Titles != "" {
		titles = strings.Split(r.Titles, "; ")
	}
	return EntityRow{EntityID: RecordID(doc, r.ID), DocID: doc, Type: r.Type, Name: r.Name, Country: Null(r.Country), Code: Null(r.Code),
		Titles: titles, Mentions: r.Mentions, ExtractorVersion: r.Version}
}

// RawEvent is a stored event for export.
type RawEvent struct {
	UID, ID                               string
	Date                                  *string
	DateInferred                          bool
	Type, Mode, Contexts                  string
	SourceActor, SourceEntity, SourceName string
	TargetActor, TargetEntity, TargetName string
	Location                              string
	Place                                 *string
	Trigger                               string
	Published                             *string
	DocSource, Evidence                   string
	EvStart, EvEnd                        int64
	Confidence                            float64
	Cluster, Role                         string
	Sources                               int64
	Version                               string
}

// Row makes the exported row.
func (r RawEvent) Row() EventRow {
	doc := docOfUID(r.UID)
	contexts := []string{}
	if r.Contexts != "" {
		contexts = strings.Split(r.Contexts, ";")
	}
	row := EventRow{EventID: r.UID, DocID: doc, EventType: r.Type, EventMode: Null(r.Mode), Contexts: contexts,
		SourceActor: Null(r.SourceActor), SourceName: Null(r.SourceName), SourceEntity: Null(RecordID(doc, r.SourceEntity)),
		TargetActor: Null(r.TargetActor), TargetName: Null(r.TargetName), TargetEntity: Null(RecordID(doc, r.TargetEntity)),
		DateInferred: r.DateInferred, Location: Null(r.Location), Trigger: r.Trigger, Confidence: Round2(r.Confidence),
		ClusterID: r.Cluster, ClusterRole: r.Role, ClusterSources: r.Sources, Evidence: r.Evidence, EvidenceStart: r.EvStart, EvidenceEnd: r.EvEnd,
		DocSource: r.DocSource, DocPublished: published(r.Published), ExtractorVersion: r.Version}
	if r.Date != nil {
		row.EventDate, row.EventDateEnd, row.DatePrecision = DateRange(*r.Date)
	}
	row.PlaceColumns.Set(ParsePlace(r.Place))
	row.CAMEORoot, row.QuadClass = CAMEO(r.Type)
	return row
}

// RawStatistic is a stored figure for export.
type RawStatistic struct {
	Hash, URL, ID, Kind                     string
	Value                                   float64
	Bound, Category, Unit, Subject, Country string
	Period, Place                           *string
	Source, Qualifier, PartOf               string
	SpanStart, SpanEnd                      int64
	Published                               *string
	DocSource, Evidence, Version            string
}

// Row makes the exported row.
func (r RawStatistic) Row() StatisticRow {
	doc := UID(r.Hash, r.URL)
	row := StatisticRow{StatID: RecordID(doc, r.ID), DocID: doc, Kind: r.Kind, Value: r.Value, Bound: r.Bound, Category: r.Category,
		Unit: Null(r.Unit), Subject: Null(r.Subject), Country: Null(r.Country), Source: Null(r.Source), Qualifier: Null(r.Qualifier),
		PartOf: Null(RecordID(doc, r.PartOf)), SpanStart: r.SpanStart, SpanEnd: r.SpanEnd, Evidence: r.Evidence,
		DocSource: r.DocSource, DocPublished: published(r.Published), ExtractorVersion: r.Version}
	if r.Period != nil {
		row.Period, row.PeriodEnd, row.PeriodPrecision = DateRange(*r.Period)
	}
	row.PlaceColumns.Set(ParsePlace(r.Place))
	return row
}

// RawQuote is a stored quote for export.
type RawQuote struct {
	Hash, URL, ID, Speaker, SpeakerEntity, Text string
	Date, Published                             *string
	DocSource, Evidence, Version                string
}

// Row makes the exported row.
func (r RawQuote) Row() QuoteRow {
	doc := UID(r.Hash, r.URL)
	row := QuoteRow{QuoteID: RecordID(doc, r.ID), DocID: doc, Speaker: Null(r.Speaker), SpeakerEntity: Null(RecordID(doc, r.SpeakerEntity)),
		Text: r.Text, Evidence: r.Evidence, DocSource: r.DocSource, DocPublished: published(r.Published), ExtractorVersion: r.Version}
	if r.Date != nil {
		row.QuoteDate, row.QuoteDateEnd, row.DatePrecision = DateRange(*r.Date)
	}
	return row
}

func published(p *string) *time.Time {
	if p == nil {
		return nil
	}
	return Day0(*p)
}
