package store

import (
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
)

// The exported rows, one type per table. Their names follow one scheme (docs/naming.md):
// every row names its document by doc_id; ids are stable (the document's id is derived from
// its text and URL, a record's from its document's id and its id in the document, so that the
// same report gives the same ids in any database); the codebook's field names are kept, with
// the record's name before a name that is a SQL keyword or would be ambiguous (event_type,
// event_date), and the name of another record before that record's fields (doc_source,
// place_lat). Dates are typed (the start of the period, its end, and the precision the text
// gave); what is unknown is null, never "". The doc tag describes each column for the data
// dictionary (docs/data-dictionary.md), which is generated from these types.

// DocumentRow is one stored document.
type DocumentRow struct {
	DocID            string     `json:"doc_id" parquet:"doc_id" doc:"stable id of the document: 16 hex digits of SHA-256 over its content hash and URL"`
	DocRowID         int64      `json:"doc_rowid" parquet:"doc_rowid" doc:"the document's number in this database (/api/v1/documents/{doc_rowid}); not stable across databases"`
	ContentHash      string     `json:"content_hash" parquet:"content_hash" doc:"SHA-256 of the text (the codebook's document.id)"`
	URL              *string    `json:"url" parquet:"url" doc:"the page the document came from"`
	Source           string     `json:"source" parquet:"source" doc:"the file, URL or feed it was read from"`
	Title            *string    `json:"title" parquet:"title" doc:"title"`
	Published        *time.Time `json:"published" parquet:"published,date" doc:"publication date"`
	Dateline         *string    `json:"dateline" parquet:"dateline" doc:"the place the report is filed from (Rabat in 'Rabat –')"`
	Language         string     `json:"language" parquet:"language" doc:"ISO 639-1 language code"`
	Partial          bool       `json:"partial" parquet:"partial" doc:"true when only a feed item's summary was stored"`
	Chars            int64      `json:"chars" parquet:"chars" doc:"length of the text in code points"`
	IngestedAt       time.Time  `json:"ingested_at" parquet:"ingested_at,timestamp(millisecond)" doc:"when it was stored (UTC)"`
	ExtractorVersion string     `json:"extractor_version" parquet:"extractor_version" doc:"version of the rules that made its records"`
}

// EntityRow is one actor of one document.
type EntityRow struct {
	EntityID         string   `json:"entity_id" parquet:"entity_id" doc:"stable id: doc_id/e1"`
	DocID            string   `json:"doc_id" parquet:"doc_id" doc:"the document"`
	Type             string   `json:"type" parquet:"type" doc:"person, country or organization"`
	Name             string   `json:"name" parquet:"name" doc:"the fullest name in the text"`
	Country          *string  `json:"country" parquet:"country" doc:"ISO 3166-1 alpha-3 code of the country the actor acts for"`
	Code             *string  `json:"code" parquet:"code" doc:"actor code of a country or organization (MAR, EU, UNHCR)"`
	Titles           []string `json:"titles" parquet:"titles,list" doc:"titles and roles (Ambassador to Spain)"`
	Mentions         int64    `json:"mentions" parquet:"mentions" doc:"number of mentions in the text"`
	ExtractorVersion string   `json:"extractor_version" parquet:"extractor_version" doc:"version of the rules"`
}

// PlaceColumns are the columns of a resolved place (record.Geo), shared by events and
// statistics.
type PlaceColumns struct {
	PlaceName       *string  `json:"place_name" parquet:"place_name" doc:"name of the place in the gazetteer (GeoNames, CC BY 4.0)"`
	PlaceGeoNamesID *int64   `json:"place_geonames_id" parquet:"place_geonames_id" doc:"GeoNames id of the place (null for countries, regions and seas)"`
	PlaceKind       *string  `json:"place_kind" parquet:"place_kind" doc:"city, region, country, island, archipelago, sea, strait, river or camp"`
	PlaceCountry    *string  `json:"place_country" parquet:"place_country" doc:"ISO 3166-1 alpha-3 code of the place's country (null for waters between countries)"`
	PlaceRegion     *string  `json:"place_region" parquet:"place_region" doc:"first-level region of the place (GeoNames admin1 name)"`
	PlaceLat        *float64 `json:"place_lat" parquet:"place_lat" doc:"latitude (WGS 84): the place, a region's seat, a country's centroid or a feature's centre"`
	PlaceLon        *float64 `json:"place_lon" parquet:"place_lon" doc:"longitude (WGS 84)"`
}

// EventRow is one PLOVER event.
type EventRow struct {
	EventID       string     `json:"event_id" parquet:"event_id" doc:"stable id: doc_id/v1"`
	DocID         string     `json:"doc_id" parquet:"doc_id" doc:"the document"`
	EventType     string     `json:"event_type" parquet:"event_type" doc:"PLOVER event type (codebook type)"`
	EventMode     *string    `json:"event_mode" parquet:"event_mode" doc:"PLOVER mode (codebook mode)"`
	Contexts      []string   `json:"contexts" parquet:"contexts,list" doc:"PLOVER contexts"`
	SourceActor   *string    `json:"source_actor" parquet:"source_actor" doc:"actor code of the source (codebook source.actor)"`
	SourceName    *string    `json:"source_name" parquet:"source_name" doc:"name of the source entity"`
	SourceEntity  *string    `json:"source_entity" parquet:"source_entity" doc:"entity_id of the source"`
	TargetActor   *string    `json:"target_actor" parquet:"target_actor" doc:"actor code of the target (codebook target.actor)"`
	TargetName    *string    `json:"target_name" parquet:"target_name" doc:"name of the target entity"`
	TargetEntity  *string    `json:"target_entity" parquet:"target_entity" doc:"entity_id of the target"`
	EventDate     *time.Time `json:"event_date" parquet:"event_date,date" doc:"first day of the event's date (codebook date)"`
	EventDateEnd  *time.Time `json:"event_date_end" parquet:"event_date_end,date" doc:"last day of the event's date"`
	DatePrecision *string    `json:"date_precision" parquet:"date_precision" doc:"day, month, year or interval: what the text gave"`
	DateInferred  bool       `json:"date_inferred" parquet:"date_inferred" doc:"true when the date is the publication date, for want of one in the text"`
	Location      *string    `json:"location" parquet:"location" doc:"the place as the text names it (codebook location)"`
	PlaceColumns
	Trigger          string     `json:"trigger" parquet:"trigger" doc:"the words that made the event"`
	Confidence       float64    `json:"confidence" parquet:"confidence" doc:"confidence of the coding, 0 to 1, two decimals"`
	CAMEORoot        string     `json:"cameo_root" parquet:"cameo_root" doc:"CAMEO root code and name ('07 Provide aid'), text so that CSV readers keep the leading zero; the code is its first two characters"`
	QuadClass        int64      `json:"quad_class" parquet:"quad_class" doc:"1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"`
	ClusterID        string     `json:"cluster_id" parquet:"cluster_id" doc:"the real event across reports: the least event_id of its cluster"`
	ClusterRole      string     `json:"cluster_role" parquet:"cluster_role" doc:"member (an event dated to a day) or mention (dated by a month, a year or an interval, pointing at the one cluster that fits, if any)"`
	ClusterSources   int64      `json:"cluster_sources" parquet:"cluster_sources" doc:"reports that tell of the cluster"`
	Evidence         string     `json:"evidence" parquet:"evidence" doc:"the sentence"`
	EvidenceStart    int64      `json:"evidence_start" parquet:"evidence_start" doc:"code-point offset of the sentence in the text"`
	EvidenceEnd      int64      `json:"evidence_end" parquet:"evidence_end" doc:"code-point offset of its end (exclusive)"`
	DocSource        string     `json:"doc_source" parquet:"doc_source" doc:"the document's file or URL"`
	DocPublished     *time.Time `json:"doc_published" parquet:"doc_published,date" doc:"the document's publication date"`
	ExtractorVersion string     `json:"extractor_version" parquet:"extractor_version" doc:"version of the rules"`
}

// StatisticRow is one reported figure.
type StatisticRow struct {
	StatID          string     `json:"stat_id" parquet:"stat_id" doc:"stable id: doc_id/s1"`
	DocID           string     `json:"doc_id" parquet:"doc_id" doc:"the document"`
	Kind            string     `json:"kind" parquet:"kind" doc:"count, amount or change"`
	Value           float64    `json:"value" parquet:"value" doc:"the number (a ratio for a change: 0.5 is halved)"`
	Bound           string     `json:"bound" parquet:"bound" doc:"exact, approximate, at_least or at_most"`
	Category        string     `json:"category" parquet:"category" doc:"what is counted (codebook section 6)"`
	Unit            *string    `json:"unit" parquet:"unit" doc:"persons, boats... or an ISO 4217 currency for an amount"`
	Subject         *string    `json:"subject" parquet:"subject" doc:"the counted noun phrase"`
	Country         *string    `json:"country" parquet:"country" doc:"ISO 3166-1 alpha-3 code of where it happened or whose authority acted"`
	Period          *time.Time `json:"period" parquet:"period,date" doc:"first day of the period the number covers"`
	PeriodEnd       *time.Time `json:"period_end" parquet:"period_end,date" doc:"last day of the period"`
	PeriodPrecision *string    `json:"period_precision" parquet:"period_precision" doc:"day, month, year or interval"`
	PlaceColumns
	Source           *string    `json:"source" parquet:"source" doc:"who gives the figure (codebook source)"`
	Qualifier        *string    `json:"qualifier" parquet:"qualifier" doc:"which part of a larger figure this is"`
	PartOf           *string    `json:"part_of" parquet:"part_of" doc:"stat_id of the larger figure"`
	SpanStart        int64      `json:"span_start" parquet:"span_start" doc:"code-point offset of the number in the text"`
	SpanEnd          int64      `json:"span_end" parquet:"span_end" doc:"code-point offset of its end (exclusive)"`
	Evidence         string     `json:"evidence" parquet:"evidence" doc:"the sentence"`
	DocSource        string     `json:"doc_source" parquet:"doc_source" doc:"the document's file or URL"`
	DocPublished     *time.Time `json:"doc_published" parquet:"doc_published,date" doc:"the document's publication date"`
	ExtractorVersion string     `json:"extractor_version" parquet:"extractor_version" doc:"version of the rules"`
}

// QuoteRow is one quotation.
type QuoteRow struct {
	QuoteID          string     `json:"quote_id" parquet:"quote_id" doc:"stable id: doc_id/q1"`
	DocID            string     `json:"doc_id" parquet:"doc_id" doc:"the document"`
	Speaker          *string    `json:"speaker" parquet:"speaker" doc:"the speaker's fullest name (codebook speaker.name)"`
	SpeakerEntity    *string    `json:"speaker_entity" parquet:"speaker_entity" doc:"entity_id of the speaker"`
	Text             string     `json:"text" parquet:"text" doc:"the quotation"`
	QuoteDate        *time.Time `json:"quote_date" parquet:"quote_date,date" doc:"first day of the quote's date (codebook date)"`
	QuoteDateEnd     *time.Time `json:"quote_date_end" parquet:"quote_date_end,date" doc:"last day of the quote's date"`
	DatePrecision    *string    `json:"date_precision" parquet:"date_precision" doc:"day, month, year or interval"`
	Evidence         string     `json:"evidence" parquet:"evidence" doc:"the sentences"`
	DocSource        string     `json:"doc_source" parquet:"doc_source" doc:"the document's file or URL"`
	DocPublished     *time.Time `json:"doc_published" parquet:"doc_published,date" doc:"the document's publication date"`
	ExtractorVersion string     `json:"extractor_version" parquet:"extractor_version" doc:"version of the rules"`
}

// ClusterRow is one event cluster: one real event, however many reports tell of it.
type ClusterRow struct {
	ClusterID      string     `json:"cluster_id" parquet:"cluster_id" doc:"the least event_id of the cluster's events"`
	EventType      string     `json:"event_type" parquet:"event_type" doc:"PLOVER event type"`
	CAMEORoot      string     `json:"cameo_root" parquet:"cameo_root" doc:"CAMEO root code and name ('07 Provide aid')"`
	QuadClass      int64      `json:"quad_class" parquet:"quad_class" doc:"1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"`
	SourceActor    *string    `json:"source_actor" parquet:"source_actor" doc:"actor code of the source"`
	TargetActor    *string    `json:"target_actor" parquet:"target_actor" doc:"actor code of the target"`
	EventDate      *time.Time `json:"event_date" parquet:"event_date,date" doc:"first day of the canonical date (the most precise, the most reported)"`
	EventDateEnd   *time.Time `json:"event_date_end" parquet:"event_date_end,date" doc:"last day of the canonical date"`
	DatePrecision  *string    `json:"date_precision" parquet:"date_precision" doc:"day, month, year or interval"`
	Location       *string    `json:"location" parquet:"location" doc:"the most reported location"`
	Sources        int64      `json:"sources" parquet:"sources" doc:"reports that tell of it"`
	Mentions       int64      `json:"mentions" parquet:"mentions" doc:"events in the cluster"`
	FirstDocID     string     `json:"first_doc_id" parquet:"first_doc_id" doc:"doc_id of the earliest report"`
	FirstSource    string     `json:"first_doc_source" parquet:"first_doc_source" doc:"its file or URL"`
	FirstPublished *time.Time `json:"first_doc_published" parquet:"first_doc_published,date" doc:"its publication date"`
	Evidence       string     `json:"evidence" parquet:"evidence" doc:"its sentence"`
}

// QuoteHit is a quote as the API and the dashboard list it.
type QuoteHit struct {
	DocID            int64  `json:"-"`        // the report's row in the store
	QuoteID          string `json:"-"`        // the quote's id in the report (q1)
	DocUID           string `json:"doc_id"`   // the report's stable id
	QuoteUID         string `json:"quote_id"` // the quote's stable id: doc_id/q1
	Speaker          string `json:"speaker"`
	SpeakerEntity    string `json:"speaker_entity"` // the speaker's stable entity id (doc_id/e1) once UIDs are filled
	Text             string `json:"text"`
	Date             string `json:"quote_date"`
	Published        string `json:"doc_published"`
	Source           string `json:"doc_source"`
	Evidence         string `json:"evidence"`
	ExtractorVersion string `json:"extractor_version"`
}

// cameo maps a PLOVER type to its CAMEO root code and name and its quad class (1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
var cameo = map[string]struct {
	root string
	quad int64
}{
	"REQUEST": {"02 Appeal", 1}, "AGREE": {"03 Express intent to cooperate", 1}, "CONSULT": {"04 Consult", 1},
	"SUPPORT": {"05 Engage in diplomatic cooperation", 1}, "COOPERATE": {"06 Engage in material cooperation", 2},
	"AID": {"07 Provide aid", 2}, "CONCEDE": {"08 Yield", 2}, "RETREAT": {"08 Yield", 2},
	"ACCUSE": {"11 Disapprove", 3}, "REJECT": {"12 Reject", 3}, "THREATEN": {"13 Threaten", 3},
	"PROTEST": {"14 Protest", 4}, "MOBILIZE": {"15 Exhibit force posture", 4}, "SANCTION": {"16 Reduce relations", 4},
	"COERCE": {"17 Coerce", 4}, "ASSAULT": {"18 Assault", 4},
}

// CAMEO returns the CAMEO root of a PLOVER type, as its two-digit code and name ("07 Provide
// aid"), and the quad class.
func CAMEO(plover string) (string, int64) {
	c := cameo[plover]
	return c.root, c.quad
}

// Date precisions.
const (
	Day      = "day"
	Month    = "month"
	Year     = "year"
	Interval = "interval"
)

// DateRange reads an ISO date at the precision a text gives ("2021", "2021-04", "2021-04-14"
// or an interval "2021-01-01/2021-04-15") as its first and last day and its precision. A date
// that is empty or not one of these gives nils.
func DateRange(d string) (start, end *time.Time, precision *string) {
	if a, b, ok := strings.Cut(d, "/"); ok {
		s, _, _ := DateRange(a)
		_, e, _ := DateRange(b)
		if s == nil || e == nil {
			return nil, nil, nil
		}
		return s, e, ptr(Interval)
	}
	var t time.Time
	var err error
	var p string
	switch len(d) {
	case 10:
		t, err = time.Parse("2006-01-02", d)
		p = Day
	case 7:
		t, err = time.Parse("2006-01", d)
		p = Month
	case 4:
		t, err = time.Parse("2006", d)
		p = Year
	default:
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, nil
	}
	e := t
	switch p {
	case Month:
		e = t.AddDate(0, 1, -1)
	case Year:
		e = t.AddDate(1, 0, -1)
	}
	return &t, &e, &p
}

// Day0 reads a day ("2021-04-15"), or gives nil.
func Day0(d string) *time.Time {
	if len(d) != 10 {
		return nil
	}
	s, _, _ := DateRange(d)
	return s
}

// Null gives nil for "" and a pointer to s otherwise.
func Null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func ptr[T any](v T) *T { return &v }

// Round2 rounds a confidence to two decimals.
func Round2(f float64) float64 { return math.Round(f*100) / 100 }

// RecordID is a record's stable id: its document's id and its id in the document.
func RecordID(docID, id string) string {
	if id == "" {
		return ""
	}
	return docID + "/" + id
}

// PlaceJSON encodes a resolved place for the stores' place column; nil stays NULL.
func PlaceJSON(p *record.Geo) any {
	if p == nil {
		return nil
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// ParsePlace decodes a stored place column; NULL or a bad value gives nil.
func ParsePlace(s *string) *record.Geo {
	if s == nil || *s == "" {
		return nil
	}
	var p record.Geo
	if json.Unmarshal([]byte(*s), &p) != nil {
		return nil
	}
	return &p
}

// Rows is what both stores' query results have in common.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ReadPlaces reads rows of one place column each (JSON, or NULL): the places, and how many
// rows were read.
func ReadPlaces(rows Rows) ([]*record.Geo, int, error) {
	var out []*record.Geo
	n := 0
	for rows.Next() {
		var p *string
		if err := rows.Scan(&p); err != nil {
			return nil, 0, err
		}
		n++
		if g := ParsePlace(p); g != nil {
			out = append(out, g)
		}
	}
	return out, n, rows.Err()
}

// Set fills a place's columns.
func (c *PlaceColumns) Set(p *record.Geo) {
	if p == nil {
		*c = PlaceColumns{}
		return
	}
	*c = PlaceColumns{PlaceName: Null(p.Name), PlaceGeoNamesID: p.GeoNamesID, PlaceKind: Null(p.Kind),
		PlaceCountry: Null(p.Country), PlaceRegion: Null(p.Region), PlaceLat: ptr(p.Lat), PlaceLon: ptr(p.Lon)}
}
