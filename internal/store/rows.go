package store

// The exported rows. Field names follow the codebook; event rows also carry the POLECAT and
// PLOVER names (event_type, event_mode, event_context, actor_country, recipient_country,
// placename, story_date) and a CAMEO root code, so that GDELT and POLECAT users can join them.
// Every row names its document (doc_id) and the extractor version that made it.

// DocumentRow is one stored document.
type DocumentRow struct {
	DocID            int64  `json:"doc_id" parquet:"doc_id"`
	ContentHash      string `json:"content_hash" parquet:"content_hash"`
	URL              string `json:"url" parquet:"url"`
	Source           string `json:"source" parquet:"source"`
	Title            string `json:"title" parquet:"title"`
	Published        string `json:"published" parquet:"published"`
	Dateline         string `json:"dateline" parquet:"dateline"`
	Language         string `json:"language" parquet:"language"`
	Partial          bool   `json:"partial" parquet:"partial"`
	Chars            int64  `json:"chars" parquet:"chars"`
	IngestedAt       string `json:"ingested_at" parquet:"ingested_at"`
	ExtractorVersion string `json:"extractor_version" parquet:"extractor_version"`
}

// EntityRow is one actor of one document.
type EntityRow struct {
	DocID            int64  `json:"doc_id" parquet:"doc_id"`
	EntityID         string `json:"entity_id" parquet:"entity_id"`
	Type             string `json:"type" parquet:"type"`
	Name             string `json:"name" parquet:"name"`
	Country          string `json:"country" parquet:"country"`
	Code             string `json:"code" parquet:"code"`
	Titles           string `json:"titles" parquet:"titles"` // joined by "; "
	Mentions         int64  `json:"mentions" parquet:"mentions"`
	ExtractorVersion string `json:"extractor_version" parquet:"extractor_version"`
}

// EventRow is one PLOVER event.
type EventRow struct {
	EventID          string  `json:"event_id" parquet:"event_id"` // "<doc_id>-<id>"
	DocID            int64   `json:"story_id" parquet:"story_id"`
	EventDate        string  `json:"event_date" parquet:"event_date"`
	DateInferred     bool    `json:"date_inferred" parquet:"date_inferred"`
	EventType        string  `json:"event_type" parquet:"event_type"`
	EventMode        string  `json:"event_mode" parquet:"event_mode"`
	EventContext     string  `json:"event_context" parquet:"event_context"` // joined by ";"
	CAMEORoot        string  `json:"cameo_root" parquet:"cameo_root"`
	QuadClass        int64   `json:"quad_class" parquet:"quad_class"`
	ActorCountry     string  `json:"actor_country" parquet:"actor_country"`
	ActorName        string  `json:"actor_name" parquet:"actor_name"`
	RecipientCountry string  `json:"recipient_country" parquet:"recipient_country"`
	RecipientName    string  `json:"recipient_name" parquet:"recipient_name"`
	Placename        string  `json:"placename" parquet:"placename"`
	Trigger          string  `json:"trigger" parquet:"trigger"`
	StoryDate        string  `json:"story_date" parquet:"story_date"`
	Source           string  `json:"source" parquet:"source"`
	Evidence         string  `json:"evidence" parquet:"evidence"`
	EvidenceStart    int64   `json:"evidence_start" parquet:"evidence_start"`
	EvidenceEnd      int64   `json:"evidence_end" parquet:"evidence_end"`
	Confidence       float64 `json:"confidence" parquet:"confidence"`
	ClusterID        string  `json:"cluster_id" parquet:"cluster_id"`     // the real event, across reports
	ClusterRole      string  `json:"cluster_role" parquet:"cluster_role"` // "member" (dated to a day) or "mention"
	Sources          int64   `json:"sources" parquet:"sources"`           // reports that tell of it
	ExtractorVersion string  `json:"extractor_version" parquet:"extractor_version"`
}

// StatisticRow is one reported figure.
type StatisticRow struct {
	DocID            int64   `json:"doc_id" parquet:"doc_id"`
	StatID           string  `json:"stat_id" parquet:"stat_id"`
	Kind             string  `json:"kind" parquet:"kind"`
	Value            float64 `json:"value" parquet:"value"`
	Bound            string  `json:"bound" parquet:"bound"`
	Category         string  `json:"category" parquet:"category"`
	Unit             string  `json:"unit" parquet:"unit"`
	Subject          string  `json:"subject" parquet:"subject"`
	Country          string  `json:"country" parquet:"country"`
	Period           string  `json:"period" parquet:"period"`
	ClaimedSource    string  `json:"claimed_source" parquet:"claimed_source"`
	Qualifier        string  `json:"qualifier" parquet:"qualifier"`
	PartOf           string  `json:"part_of" parquet:"part_of"`
	SpanStart        int64   `json:"span_start" parquet:"span_start"`
	SpanEnd          int64   `json:"span_end" parquet:"span_end"`
	Published        string  `json:"published" parquet:"published"`
	Source           string  `json:"source" parquet:"source"`
	Evidence         string  `json:"evidence" parquet:"evidence"`
	ExtractorVersion string  `json:"extractor_version" parquet:"extractor_version"`
}

// QuoteRow is one quotation.
type QuoteRow struct {
	DocID            int64  `json:"doc_id" parquet:"doc_id"`
	QuoteID          string `json:"quote_id" parquet:"quote_id"`
	Speaker          string `json:"speaker" parquet:"speaker"`
	SpeakerEntity    string `json:"speaker_entity" parquet:"speaker_entity"`
	Text             string `json:"text" parquet:"text"`
	Date             string `json:"date" parquet:"date"`
	Published        string `json:"published" parquet:"published"`
	Source           string `json:"source" parquet:"source"`
	Evidence         string `json:"evidence" parquet:"evidence"`
	ExtractorVersion string `json:"extractor_version" parquet:"extractor_version"`
}

// cameo maps a PLOVER type to its CAMEO root code and quad class (1 verbal cooperation, 2
// material cooperation, 3 verbal conflict, 4 material conflict).
var cameo = map[string]struct {
	root string
	quad int64
}{
	"REQUEST": {"02", 1}, "AGREE": {"03", 1}, "CONSULT": {"04", 1}, "SUPPORT": {"05", 1},
	"COOPERATE": {"06", 2}, "AID": {"07", 2}, "CONCEDE": {"08", 2}, "RETREAT": {"08", 2},
	"ACCUSE": {"11", 3}, "REJECT": {"12", 3}, "THREATEN": {"13", 3},
	"PROTEST": {"14", 4}, "MOBILIZE": {"15", 4}, "SANCTION": {"16", 4}, "COERCE": {"17", 4}, "ASSAULT": {"18", 4},
}

// CAMEO returns the CAMEO root code and the quad class of a PLOVER type.
func CAMEO(plover string) (string, int64) {
	c := cameo[plover]
	return c.root, c.quad
}
