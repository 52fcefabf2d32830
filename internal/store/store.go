// Package store keeps documents and their extracted records. Store is the interface; the
// sqlite package implements it on one embedded file, and the postgres package on a server.
// A document and all its records are written together or not at all.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// ErrNotFound means that no record has the id asked for.
var ErrNotFound = errors.New("not found")

// ErrLocked means another process holds the database.
var ErrLocked = errors.New("the database is locked by another process; wait for it to finish or use another --db")

// Entry is one document with its extraction, ready to store.
type Entry struct {
	Doc        record.Document
	Extraction record.Extraction
	Version    string // the extractor version that made the records
}

// ErrRejected marks a write that the database refused because of what an entry holds (a
// value it cannot store, a broken constraint, a limit), not because it is unavailable: the
// same batch without the entry that causes it can be stored. Stores wrap such errors with it.
var ErrRejected = errors.New("the database refused a document")

// Key returns a document's identity: the hash of its text, plus its URL when it has one. It
// is the identity of the document as stored, after Clean.
func Key(d record.Document) (hash, url string) {
	sum := sha256.Sum256([]byte(CleanText(d.Text)))
	return hex.EncodeToString(sum[:]), CleanText(d.URL)
}

// DocKey is a document's identity as Key gives it.
type DocKey struct{ Hash, URL string }

// DocUID is a document's identity, short: the same whatever the order of ingest. An event's
// uid is DocUID + "/" + its id.
func DocUID(e Entry) string {
	return UID(Key(e.Doc))
}

// UID is DocUID from a document's key, for a caller that has it already.
func UID(hash, url string) string {
	sum := sha256.Sum256([]byte(hash + "\x00" + url))
	return hex.EncodeToString(sum[:8])
}

// Surname is the folded last word of a person's name, which finds the same person in other
// reports; it is empty for other entities.
func Surname(en record.Entity) string {
	if en.Type != record.Person {
		return ""
	}
	f := strings.Fields(en.Name)
	if len(f) == 0 {
		return ""
	}
	return text.FoldName(f[len(f)-1])
}

// Outcome says what storing an entry did.
type Outcome int

const (
	Inserted  Outcome = iota // the document is new
	Unchanged                // the same document was already stored
)

// Query selects reports for search. Text is a full-text query; the filters are optional.
type Query struct {
	Text      string
	Actor     string // an actor code in an event ("MAR") or an entity name
	EventType string // a PLOVER type
	Category  string // a statistic category
	Since     string // ISO date, inclusive, on the publication date
	Until     string
	Limit     int
	After     *HitKey // the page after this hit, in the same ranking
}

// HitKey is a hit's place in a ranking: best rank first, then the newest report.
type HitKey struct {
	Rank float64
	ID   int64
}

// Hit is one ranked report.
type Hit struct {
	DocID     int64
	DocUID    string // the stable id, once Fill gives it
	Source    string
	Title     string
	Published string
	Rank      float64
	Text      string // the start of the body (HitTextChars at most), for picking the matching sentence
}

// HitTextChars bounds the text a hit carries: a list of reports never reads whole bodies.
const HitTextChars = 4000

// SeriesQuery selects reported figures: counts of a category (all categories when empty),
// in a country (all when empty). Parts of a larger figure are left out. With a Limit, the
// figures come newest report first, a page at a time after After.
type SeriesQuery struct {
	Category   string
	Country    string
	By         string // "year", "month" or "period" (the period as reported)
	NoEvidence bool   // leave the figures' report and sentence empty: reading them is the costly part
	Limit      int
	After      *FigureKey
}

// FigureKey is a figure's place in a list of figures, newest report first (and in a report,
// by id, last first).
type FigureKey struct {
	DocID  int64
	StatID string
}

// ClaimKey is a claim's place in the list of claims.
type ClaimKey struct {
	Category, Country, Period string
}

// ClaimQuery selects the stored claims, in (category, country, period) order.
type ClaimQuery struct {
	Category  string // all when empty
	Country   string // all when empty
	Conflicts bool   // only the claims whose reports disagree
	After     *ClaimKey
	Limit     int  // 0: all
	Evidence  bool // give the listed figures their report and sentence
}

// QuoteQuery selects quotes, newest report first, optionally by one speaker.
type QuoteQuery struct {
	Speaker string
	After   *QuoteKey
	Limit   int
}

// QuoteKey is a quote's place in a list of quotes.
type QuoteKey struct {
	DocID   int64
	QuoteID string
}

// Figure is one reported value of a statistic; the rules that make claims of them are in
// package link.
type Figure = link.Figure

// DocView is one stored document with its records, as the API and the dashboard show it.
type DocView struct {
	DocID    string                `json:"doc_id"`    // its stable id (UID)
	ID       int64                 `json:"doc_rowid"` // its row in this database, as the documents export gives it
	Doc      record.Document       `json:"document"`
	Text     string                `json:"text"`
	Version  string                `json:"extractor_version"`
	Records  record.Extraction     `json:"records"`
	Clusters map[string]ClusterRef `json:"clusters"` // by event id
}

// ClusterRef is the cluster an event belongs to, and how: a "member" (an event dated to a
// day) or a "mention" (dated by a month, a year or an interval, or not at all; see package link).
type ClusterRef struct {
	ID      string `json:"cluster_id"`
	Role    string `json:"role"`
	Sources int    `json:"sources"`
}

// RoleSQL is the SQL expression of an event row's role in its cluster.
const RoleSQL = `CASE WHEN e.mention THEN 'mention' ELSE 'member' END`

// Dyad is a pair of actors and the number of real events between them.
type Dyad struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Events int    `json:"events"`
}

// ClusterQuery selects event clusters: those between actors A and B (either may act), or
// with A on either side when B is empty, or all when both are empty; of one type, and dated
// within Since and Until, when they are set. Clusters come in order of their first date, then
// their id.
type ClusterQuery struct {
	A, B         string
	Type         string
	Since, Until string
	Limit        int // a page of clusters; 0 means all
	After        *ClusterKey
}

// ClusterKey is a cluster's place in date order.
type ClusterKey struct {
	Date, ID string
}

// Stale is a document whose records an older extractor made.
type Stale struct {
	ID  int64
	Doc record.Document
}

// Store is where ingest writes and where search, stats and export read.
type Store interface {
	// Put writes entries in one transaction and says, for each, whether it was new. It
	// cleans the entries in place first (Clean). An error wrapping ErrRejected means the
	// database refused what an entry holds; any other error says nothing about the entries.
	Put(ctx context.Context, entries []Entry) ([]Outcome, error)
	// Search ranks reports for q.
	Search(ctx context.Context, q Query) ([]Hit, error)
	// Figures returns the reported values of a series.
	Figures(ctx context.Context, q SeriesQuery) ([]Figure, error)
	// Export calls fn with each row of a table, in a stable order: what is one of Tables or
	// "clusters", and each row is the matching *Row type (DocumentRow, EntityRow, EventRow,
	// StatisticRow, QuoteRow, ClusterRow).
	Export(ctx context.Context, what string, fn func(any) error) error
	// Places returns the places of the first limit rows of table ("events" or "statistics"),
	// in Export's order, and how many rows it read: a row without a place gives none. It reads
	// the place column only.
	Places(ctx context.Context, table string, limit int) ([]*record.Geo, int, error)
	// Stale calls fn with each document whose extractor version differs from version.
	Stale(ctx context.Context, version string, fn func(Stale) error) error
	// Replace swaps the records of stored documents for new ones.
	Replace(ctx context.Context, ids []int64, entries []Entry) error
	// Clusters returns the event clusters of a dyad (either direction; all when A is empty),
	// oldest first, a page of Limit at a time; with no actor and no Limit, every cluster with
	// all its mentions, for export.
	Clusters(ctx context.Context, q ClusterQuery) ([]link.Cluster, error)
	// Evidence fills in figures' reports and sentences, for figures read with NoEvidence or
	// taken from claims, reading each report once; a figure not found is left empty.
	Evidence(ctx context.Context, figs []*Figure) error
	// Months counts a dyad's event clusters per month and PLOVER type.
	Months(ctx context.Context, a, b string) ([]link.Month, error)
	// EntityMentions returns, from every report, the people who share the last word of name
	// and the organizations and countries with name as their code.
	EntityMentions(ctx context.Context, name string) ([]link.Mention, error)
	// Document returns one stored document with all its records.
	Document(ctx context.Context, id int64) (DocView, error)
	// Lookup returns the row id of the document stored with a key (Key of the cleaned
	// document), or ErrNotFound.
	Lookup(ctx context.Context, key DocKey) (int64, error)
	// Find returns the row id of the document whose stable id (UID, the API's and the
	// exports' doc_id) is uid, or ErrNotFound.
	Find(ctx context.Context, uid string) (int64, error)
	// UIDs returns the stable ids of the documents stored with these row ids; a row id that
	// is not stored is left out.
	UIDs(ctx context.Context, ids []int64) (map[int64]string, error)
	// Recent returns the newest documents with an id below before (0: the newest).
	Recent(ctx context.Context, before int64, limit int) ([]Hit, error)
	// Dyads returns the pairs of actors with the most event clusters, of one actor when actor
	// is set; they are counted as clusters are made, not when asked.
	Dyads(ctx context.Context, actor string, limit int) ([]Dyad, error)
	// Quotes returns a page of quotes, newest report first.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
	// Claims returns a page of the claims, which every write keeps up to date: each claim's
	// groups (at most link.MaxGroups) list a few of their figures.
	Claims(ctx context.Context, q ClaimQuery) ([]link.Claim, error)
	// Counts returns the number of rows per table, kept by every write.
	Counts(ctx context.Context) (map[string]int64, error)
	// Feed state for watch: conditional GET validators and back-off.
	FeedState(ctx context.Context, url string) (FeedState, error)
	SetFeedState(ctx context.Context, st FeedState) error
	Close() error
}

// FeedState is what watch remembers of a feed between polls.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	Failures     int
	NextPoll     time.Time
}

// Tables are the exportable tables.
var Tables = []string{"documents", "entities", "events", "statistics", "quotes"}

// ClusterRowOf flattens a cluster for export.
func ClusterRowOf(c link.Cluster) ClusterRow {
	root, quad := CAMEO(c.Type)
	start, end, prec := DateRange(c.Date)
	return ClusterRow{ClusterID: c.ID, EventType: c.Type, CAMEORoot: root, QuadClass: quad, SourceActor: Null(c.Source),
		TargetActor: Null(c.Target), EventDate: start, EventDateEnd: end, DatePrecision: prec, Location: Null(c.Place),
		Sources: int64(c.Sources), Mentions: int64(len(c.Mentions)), FirstDocID: docOfUID(c.First.UID), FirstSource: c.First.DocSource,
		FirstPublished: Day0(c.First.Published), Evidence: c.First.Evidence}
}

// docOfUID is the document's id in an event's uid (doc_id/v1).
func docOfUID(uid string) string {
	d, _, _ := strings.Cut(uid, "/")
	return d
}
