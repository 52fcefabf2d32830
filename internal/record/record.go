// Package record holds Alboran's output types: the codebook's section 1 contract.
//
// Every type marshals to the field names the codebook gives. Lists are never nil after
// Normalize, so they encode as [] rather than null. Offsets count Unicode code points into
// Document.Text, end exclusive.
package record

// Document is one normalized input: a report file, a web page, a feed item or a JSON line.
type Document struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Dateline  string  `json:"dateline"`
	Language  string  `json:"language"`
	// URL is the page the document came from, when it came from the web.
	URL string `json:"url,omitempty"`
	// Partial marks a feed item stored from its summary only.
	Partial bool `json:"partial,omitempty"`
	// Text is the body that extraction reads and that offsets count into. It is not part of
	// the extraction output.
	Text string `json:"-"`
}

// Span is a code-point range into the document text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Evidence is the sentence a record came from.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity types.
const (
	Person       = "person"
	Country      = "country"
	Organization = "organization"
	Place        = "place"
)

// Entity is an actor: a person, a country or an organization.
type Entity struct {
	ID       string       `json:"id"`
	Type     string       `json:"type"`
	Name     string       `json:"name"`
	Country  string       `json:"country"`
	Code     string       `json:"code,omitempty"`
	Titles   []string     `json:"titles"`
	Mentions []Span       `json:"mentions"`
	Explain  *Explanation `json:"explain,omitempty"`
}

// Explanation says why a record is there: the rule or frame that made it, and the tokens it
// used, each with the role it played. It is filled only when extraction is asked to explain
// (alboran extract --explain) and is never stored.
type Explanation struct {
	Rule string `json:"rule"`
	Uses []Use  `json:"uses,omitempty"`
}

// Use is one piece of text a rule used, with its role ("trigger", "source: nsubj", "value").
type Use struct {
	Role string `json:"role"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Actor is one side of an event: an actor code and, when known, the entity behind it.
type Actor struct {
	Actor  string `json:"actor"`
	Entity string `json:"entity,omitempty"`
}

// Event is one PLOVER-coded act.
type Event struct {
	ID           string       `json:"id"`
	Type         string       `json:"type"`
	Mode         string       `json:"mode"`
	Contexts     []string     `json:"contexts"`
	Source       Actor        `json:"source"`
	Target       Actor        `json:"target"`
	Date         *string      `json:"date"`
	DateInferred bool         `json:"date_inferred,omitempty"`
	Location     string       `json:"location"`
	Place        *Geo         `json:"place"`
	Trigger      string       `json:"trigger"`
	Negated      bool         `json:"-"`
	Evidence     Evidence     `json:"evidence"`
	Confidence   float64      `json:"confidence"`
	Explain      *Explanation `json:"explain,omitempty"`
}

// Place kinds: a populated place, a first-level region, a country, and the features that
// migration news names.
const (
	PlaceCity        = "city"
	PlaceRegion      = "region"
	PlaceCountry     = "country"
	PlaceIsland      = "island"
	PlaceArchipelago = "archipelago"
	PlaceSea         = "sea"
	PlaceStrait      = "strait"
	PlaceRiver       = "river"
	PlaceCamp        = "camp"
)

// Geo is where something happened, resolved in the gazetteer: its name there, its GeoNames
// id (nil for countries, regions and features that the embedded gazetteer has no id for), its
// kind, its country (ISO 3166-1 alpha-3; "" for waters between countries), its first-level
// region, and a point (WGS 84 degrees): the place itself, a region's seat, a country's
// centroid, or a feature's approximate centre.
type Geo struct {
	Name       string  `json:"name"`
	GeoNamesID *int64  `json:"geonames_id"`
	Kind       string  `json:"kind"`
	Country    string  `json:"country"`
	Region     string  `json:"region"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
}

// Statistic kinds and bounds.
const (
	KindCount  = "count"
	KindAmount = "amount"
	KindChange = "change"

	BoundExact       = "exact"
	BoundApproximate = "approximate"
	BoundAtLeast     = "at_least"
	BoundAtMost      = "at_most"
)

// Statistic is a number the report states about the world.
type Statistic struct {
	ID        string       `json:"id"`
	Kind      string       `json:"kind"`
	Value     float64      `json:"value"`
	Bound     string       `json:"bound"`
	Category  string       `json:"category"`
	Unit      string       `json:"unit"`
	Subject   string       `json:"subject"`
	Country   string       `json:"country"`
	Period    *string      `json:"period"`
	Place     *Geo         `json:"place"`
	Source    string       `json:"source"`
	Qualifier string       `json:"qualifier"`
	PartOf    string       `json:"part_of"`
	Span      Span         `json:"span"`
	Evidence  Evidence     `json:"evidence"`
	Explain   *Explanation `json:"explain,omitempty"`
}

// Speaker names who said a quote.
type Speaker struct {
	Entity string `json:"entity"`
	Name   string `json:"name"`
}

// Quote is a direct quotation with its speaker.
type Quote struct {
	ID       string       `json:"id"`
	Speaker  Speaker      `json:"speaker"`
	Text     string       `json:"text"`
	Date     *string      `json:"date"`
	Spans    []Span       `json:"spans"`
	Evidence Evidence     `json:"evidence"`
	Explain  *Explanation `json:"explain,omitempty"`
}

// Extraction is everything Alboran extracts from one document.
type Extraction struct {
	Document   Document    `json:"document"`
	Entities   []Entity    `json:"entities"`
	Events     []Event     `json:"events"`
	Statistics []Statistic `json:"statistics"`
	Quotes     []Quote     `json:"quotes"`
	Warnings   []string    `json:"warnings,omitempty"`
}

// Normalize replaces nil lists by empty ones so that JSON shows [] and never null.
func (x *Extraction) Normalize() {
	if x.Entities == nil {
		x.Entities = []Entity{}
	}
	if x.Events == nil {
		x.Events = []Event{}
	}
	if x.Statistics == nil {
		x.Statistics = []Statistic{}
	}
	if x.Quotes == nil {
		x.Quotes = []Quote{}
	}
	for i := range x.Entities {
		e := &x.Entities[i]
		if e.Titles == nil {
			e.Titles = []string{}
		}
		if e.Mentions == nil {
			e.Mentions = []Span{}
		}
	}
	for i := range x.Events {
		if x.Events[i].Contexts == nil {
			x.Events[i].Contexts = []string{}
		}
	}
	for i := range x.Quotes {
		if x.Quotes[i].Spans == nil {
			x.Quotes[i].Spans = []Span{}
		}
	}
}
