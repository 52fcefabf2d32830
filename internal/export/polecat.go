package export

import (
	"time"

	"github.com/alboran/alboran/internal/store"
)

// PolecatRow is an event with the column names of POLECAT, the PLOVER-coded event data set
// that replaced ICEWS (its weekly files' header: Event ID, Event Date, Event Type, ...), so
// that an event export can be read with the code written for POLECAT. Columns that Alboran has
// no data for (Event Intensity, the COW codes, sectors, titles, Wikipedia ids, District, Story
// People/Organizations/Locations, Headline) are left out.
type PolecatRow struct {
	EventID         string     `json:"Event ID" parquet:"Event ID" doc:"event_id"`
	EventDate       *time.Time `json:"Event Date" parquet:"Event Date,date" doc:"event_date (its first day)"`
	EventType       string     `json:"Event Type" parquet:"Event Type" doc:"event_type"`
	EventMode       *string    `json:"Event Mode" parquet:"Event Mode" doc:"event_mode"`
	QuadCode        int64      `json:"Quad Code" parquet:"Quad Code" doc:"quad_class"`
	Contexts        []string   `json:"Contexts" parquet:"Contexts,list" doc:"contexts"`
	ActorName       *string    `json:"Actor Name" parquet:"Actor Name" doc:"source_name, else source_actor"`
	ActorCountry    *string    `json:"Actor Country" parquet:"Actor Country" doc:"source_actor when it is a country"`
	RecipientName   *string    `json:"Recipient Name" parquet:"Recipient Name" doc:"target_name, else target_actor"`
	RecipientCntry  *string    `json:"Recipient Country" parquet:"Recipient Country" doc:"target_actor when it is a country"`
	Placename       *string    `json:"Placename" parquet:"Placename" doc:"place_name"`
	City            *string    `json:"City" parquet:"City" doc:"place_name when the place is a city"`
	Province        *string    `json:"Province" parquet:"Province" doc:"place_region"`
	Country         *string    `json:"Country" parquet:"Country" doc:"place_country"`
	Latitude        *float64   `json:"Latitude" parquet:"Latitude" doc:"place_lat"`
	Longitude       *float64   `json:"Longitude" parquet:"Longitude" doc:"place_lon"`
	GeoNamesID      *int64     `json:"GeoNames ID" parquet:"GeoNames ID" doc:"place_geonames_id"`
	RawPlacename    *string    `json:"Raw Placename" parquet:"Raw Placename" doc:"location"`
	FeatureType     *string    `json:"Feature Type" parquet:"Feature Type" doc:"place_kind"`
	Source          string     `json:"Source" parquet:"Source" doc:"doc_source"`
	PublicationDate *time.Time `json:"Publication Date" parquet:"Publication Date,date" doc:"doc_published"`
	Version         string     `json:"Version" parquet:"Version" doc:"extractor_version"`
}

// Polecat maps an event to POLECAT's columns.
func Polecat(e store.EventRow) PolecatRow {
	r := PolecatRow{EventID: e.EventID, EventDate: e.EventDate, EventType: e.EventType, EventMode: e.EventMode, QuadCode: e.QuadClass,
		Contexts: e.Contexts, ActorName: orCode(e.SourceName, e.SourceActor), ActorCountry: country(e.SourceActor),
		RecipientName: orCode(e.TargetName, e.TargetActor), RecipientCntry: country(e.TargetActor), Placename: e.PlaceName,
		Province: e.PlaceRegion, Country: e.PlaceCountry, Latitude: e.PlaceLat, Longitude: e.PlaceLon, GeoNamesID: e.PlaceGeoNamesID,
		RawPlacename: e.Location, FeatureType: e.PlaceKind, Source: e.DocSource, PublicationDate: e.DocPublished, Version: e.ExtractorVersion}
	if e.PlaceKind != nil && *e.PlaceKind == "city" {
		r.City = e.PlaceName
	}
	return r
}

func orCode(name, code *string) *string {
	if name != nil {
		return name
	}
	return code
}

// country keeps an actor code that is a country's (three capital letters), not an
// organization's (EU, UNHCR).
func country(code *string) *string {
	if code == nil || len(*code) != 3 || *code == "IOM" || *code == "WHO" {
		return nil
	}
	return code
}
