package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
)

// ftsTerms turns what a user typed into FTS5 terms: every word must occur, in one of its
// forms ("networks" finds "network", "rescued" finds "rescuing": see store.Forms), as an OR
// of the forms, which the index iterates newest first and lazily, not as a prefix query,
// which merges the posting lists of every word with that start; a phrase in double quotes
// must occur as written. Everything is quoted, so no FTS5 operator or column name in the
// input takes effect. keep, when set, drops the forms the index does not hold.
func ftsTerms(s string, keep func(string) bool) []string {
	var terms []string
	words, phrases := store.QueryWords(s)
	for _, forms := range words {
		var quoted []string
		for i, f := range forms {
			if i == 0 || keep == nil || keep(f) {
				quoted = append(quoted, `"`+f+`"`)
			}
		}
		terms = append(terms, `(`+strings.Join(quoted, " OR ")+`)`)
	}
	for _, p := range phrases {
		terms = append(terms, `"`+strings.Join(p, " ")+`"`)
	}
	return terms
}

// known remembers which words the index holds, so that a search asks for the forms of a word
// that occur and not for the dozen that do not (each costs a lookup in every segment). What it
// learns is forgotten when this process stores reports, and after knownFor, when another may
// have.
type known struct {
	mu    sync.Mutex
	words map[string]bool
	since time.Time
}

const knownFor = 10 * time.Minute

// forget forgets what the index was known to hold.
func (k *known) forget() {
	k.mu.Lock()
	k.words = nil
	k.mu.Unlock()
}

// holds reports whether the index holds word, asking it once.
func (s *DB) holds(ctx context.Context, word string) bool {
	k := &s.known
	k.mu.Lock()
	if k.words == nil || len(k.words) > 100_000 || time.Since(k.since) > knownFor {
		k.words, k.since = map[string]bool{}, time.Now()
	}
	held, ok := k.words[word]
	k.mu.Unlock()
	if ok {
		return held
	}
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1`, `{title body} : "`+word+`"`).Scan(new(int))
	held = err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return true // when in doubt, ask for it
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.words != nil { // forgotten meanwhile: a write may have brought the word
		k.words[word] = held
	}
	return held
}

// isCode tells an actor code ("MAR", "UNHCR") from a name ("Karima Benyaich").
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// matchExpr builds the full-text expression of a query: the words in the title and body, and
// each filter as facet tokens.
func matchExpr(q store.Query, keep func(string) bool) (expr string, hasText bool, err error) {
	var and []string
	if terms := ftsTerms(q.Text, keep); len(terms) > 0 {
		and = append(and, `{title body} : (`+strings.Join(terms, " AND ")+`)`)
		hasText = true
	} else if strings.TrimSpace(q.Text) != "" {
		return "", false, fmt.Errorf("the query %q has no words to search for", q.Text)
	}
	if q.Actor != "" {
		if isCode(q.Actor) {
			and = append(and, `facets : `+store.FacetToken("act", q.Actor))
		} else if terms := ftsTerms(`"`+q.Actor+`"`, nil); len(terms) > 0 {
			and = append(and, `{title body} : `+terms[0])
		}
	}
	if q.EventType != "" {
		and = append(and, `facets : `+store.FacetToken("typ", q.EventType))
	}
	if q.Category != "" {
		and = append(and, `facets : `+store.FacetToken("cat", q.Category))
	}
	if q.Since != "" || q.Until != "" {
		cover := store.DateCover(q.Since, q.Until)
		if len(cover) == 0 {
			return "", false, fmt.Errorf("--since %s is after --until %s", q.Since, q.Until)
		}
		and = append(and, `facets : (`+strings.Join(cover, " OR ")+`)`)
	}
	return strings.Join(and, " AND "), hasText, nil
}

// rankCap bounds the work of ranking: when more reports match, the newest rankCap matches are
// ranked (store.RankHits, from their titles and the start of their texts). The index gives
// them newest first and stops there, so a search costs the same however many reports match.
const rankCap = 100

// Search ranks the newest rankCap reports that match q by their words (store.RankHits);
// without words, the newest matches come first. Filters are facet tokens in the same index.
// A hit carries the start of its text.
func (s *DB) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	expr, hasText, err := matchExpr(q, func(w string) bool { return s.holds(ctx, w) })
	if err != nil {
		return nil, err
	}
	if !hasText {
		// Newest first: a page starts below the last id given.
		before := int64(1) << 62
		if q.After != nil {
			before = q.After.ID
		}
		query, args := `SELECT id FROM documents WHERE id < ? ORDER BY id DESC LIMIT ?`, []any{before, q.Limit}
		if expr != "" {
			query, args = `SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
				[]any{expr, before, q.Limit}
		}
		return s.hits(ctx, query, args, store.HitTextChars)
	}
	hits, err := s.hits(ctx, `SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, []any{expr, rankCap}, rankChars)
	if err != nil {
		return nil, err
	}
	store.RankHits(hits, q.Text)
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Rank != hits[j].Rank {
			return hits[i].Rank < hits[j].Rank
		}
		return hits[i].DocID > hits[j].DocID
	})
	if q.After != nil {
		k := sort.Search(len(hits), func(i int) bool {
			h := hits[i]
			return h.Rank > q.After.Rank || h.Rank == q.After.Rank && h.DocID < q.After.ID
		})
		hits = hits[k:]
	}
	hits = hits[:min(len(hits), q.Limit)]
	// The hits given carry more of their text, to pick the sentence that matches.
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.DocID
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, substr(body, 1, ?) FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
		store.HitTextChars, jsonText(ids))
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	text := map[int64]string{}
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return nil, err
		}
		text[id] = t
	}
	for i := range hits {
		hits[i].Text = text[hits[i].DocID]
	}
	return hits, s.explain(rows.Err())
}

// rankChars is how much of each matching report's text ranking reads: the lead, which says
// what the report is about.
const rankChars = 600

// hits reads the reports whose ids (as id) query gives, newest first, each with its title and
// the first chars of its text.
func (s *DB) hits(ctx context.Context, query string, args []any, chars int) ([]store.Hit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.source, d.title, coalesce(d.published, ''), 0.0, substr(d.body, 1, ?)
		FROM (`+query+`) m JOIN documents d ON d.id = m.id`, append([]any{chars}, args...)...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.DocID, &h.Source, &h.Title, &h.Published, &h.Rank, &h.Text); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DocID > out[j].DocID })
	return out, nil
}

// Figures returns the counts reported for a category. Figures that are part of a larger one
// ("including 6,162 foreign nationals") are left out. With a Limit, they come a page at a time,
// newest report first.
func (s *DB) Figures(ctx context.Context, q store.SeriesQuery) ([]store.Figure, error) {
	where := []string{`t.category <> 'other'`, `t.kind = 'count'`, `t.part_of = ''`}
	var args []any
	var facets []string
	if q.Category != "" {
		where = append(where, `t.category = ?`)
		args = append(args, q.Category)
		facets = append(facets, store.FacetToken("cat", q.Category))
	}
	if q.Country != "" {
		where = append(where, `t.country = ?`)
		args = append(args, q.Country)
		facets = append(facets, store.FacetToken("sc", q.Country))
	}
	if q.Limit > 0 {
		return s.figurePage(ctx, q, where, args, facets)
	}
	// The reports that can hold such figures come from their facet tokens (see store.Facets).
	if len(facets) > 0 {
		where = append(where, `t.doc_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`)
		args = append(args, `facets : (`+strings.Join(facets, " AND ")+`)`)
	}
	// Without evidence the documents are not read at all: Evidence fills in what is shown.
	cols, from := `d.source, coalesce(d.published, ''), substr(d.body, t.ev_start + 1, t.ev_end - t.ev_start)`,
		`statistics t JOIN documents d ON d.id = t.doc_id`
	if q.NoEvidence {
		cols, from = `'', '', ''`, `statistics t`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT t.category, coalesce(t.period, ''), t.value, t.bound, t.country, t.claimed_source,
			t.doc_id, t.stat_id, `+cols+`
		FROM `+from+`
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY t.category, t.period, t.doc_id, t.stat_id`, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []store.Figure
	for rows.Next() {
		var f store.Figure
		if err := rows.Scan(&f.Category, &f.Period, &f.Value, &f.Bound, &f.Country, &f.Source, &f.DocID, &f.StatID, &f.DocSource,
			&f.Published, &f.Evidence); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, s.explain(rows.Err())
}

// figureChunk is how many reports a page of figures reads from the index at a time.
const figureChunk = 256

// figurePage reads a page of figures, newest report first. With a category or a country, the
// reports come from their facet tokens newest first, a chunk at a time, until the page is full.
func (s *DB) figurePage(ctx context.Context, q store.SeriesQuery, where []string, args []any, facets []string) ([]store.Figure, error) {
	before, stat := int64(1)<<62, ""
	if q.After != nil {
		before, stat = q.After.DocID, q.After.StatID
	}
	// The order is the primary key's, backwards: a row value reads it as a range.
	var out []store.Figure
	var spans [][2]int
	for len(out) < q.Limit {
		w := append(where, `(t.doc_id, t.stat_id) < (?, ?)`)
		a := append(append([]any(nil), args...), before, stat)
		from := `statistics t`
		if len(facets) > 0 {
			from = `(SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?) m
				JOIN statistics t ON t.doc_id = m.id`
			a = append([]any{`facets : (` + strings.Join(facets, " AND ") + `)`, before, figureChunk}, a...)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT t.category, coalesce(t.period, ''), t.value, t.bound, t.country, t.claimed_source,
				t.doc_id, t.stat_id, t.ev_start, t.ev_end
			FROM `+from+` WHERE `+strings.Join(w, " AND ")+` ORDER BY t.doc_id DESC, t.stat_id DESC LIMIT ?`, append(a, q.Limit-len(out))...)
		if err != nil {
			return nil, s.explain(err)
		}
		n := 0
		for rows.Next() {
			var f store.Figure
			var sp [2]int
			if err := rows.Scan(&f.Category, &f.Period, &f.Value, &f.Bound, &f.Country, &f.Source, &f.DocID, &f.StatID, &sp[0], &sp[1]); err != nil {
				rows.Close()
				return nil, err
			}
			out, spans = append(out, f), append(spans, sp)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.explain(err)
		}
		if len(facets) == 0 {
			break // the statistics were read in order to the end or to the page's end
		}
		// The next chunk of reports starts below the chunk just read.
		var low sql.NullInt64
		if err := s.db.QueryRowContext(ctx, `SELECT min(id) FROM (SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?
			AND rowid <= ? ORDER BY rowid DESC LIMIT ?)`, `facets : (`+strings.Join(facets, " AND ")+`)`, before, figureChunk).Scan(&low); err != nil {
			return nil, s.explain(err)
		}
		if !low.Valid || n == 0 && low.Int64 >= before {
			break
		}
		if len(out) < q.Limit {
			before, stat = low.Int64, ""
		}
		if before < 1 {
			break
		}
	}
	if q.NoEvidence {
		return out, nil
	}
	refs := make([]store.EvidenceRef, len(out))
	for i := range out {
		refs[i] = store.EvidenceRef{Doc: out[i].DocID, Start: spans[i][0], End: spans[i][1], Text: &out[i].Evidence, Source: &out[i].DocSource, Published: &out[i].Published}
	}
	return out, s.cut(ctx, refs)
}

// Evidence fills in figures' reports and sentences: their offsets in one statement, then each
// report's text once.
func (s *DB) Evidence(ctx context.Context, figs []*store.Figure) error {
	if len(figs) == 0 {
		return nil
	}
	keys := make([][2]any, len(figs))
	at := map[store.FigureKey][]*store.Figure{}
	for i, f := range figs {
		keys[i] = [2]any{f.DocID, f.StatID}
		k := store.FigureKey{DocID: f.DocID, StatID: f.StatID}
		at[k] = append(at[k], f)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT t.doc_id, t.stat_id, t.ev_start, t.ev_end FROM statistics t
		JOIN json_each(?) j ON t.doc_id = j.value ->> 0 AND t.stat_id = j.value ->> 1`, jsonText(keys))
	if err != nil {
		return s.explain(err)
	}
	defer rows.Close()
	var refs []store.EvidenceRef
	for rows.Next() {
		var k store.FigureKey
		var start, end int
		if err := rows.Scan(&k.DocID, &k.StatID, &start, &end); err != nil {
			return err
		}
		for _, f := range at[k] {
			refs = append(refs, store.EvidenceRef{Doc: k.DocID, Start: start, End: end, Text: &f.Evidence, Source: &f.DocSource, Published: &f.Published})
		}
	}
	if err := rows.Err(); err != nil {
		return s.explain(err)
	}
	return s.cut(ctx, refs)
}

// exports are the queries behind Export, each in a stable order; store.Raw* make the rows.
var exports = map[string]string{
	"documents": `SELECT id, content_hash, url, source, title, published, dateline, language, partial,
		length(body), ingested_at, extractor_version FROM documents ORDER BY id`,
	"entities": `SELECT d.content_hash, d.url, n.entity_id, n.type, n.name, n.country, n.code, n.titles,
		json_array_length(n.spans), n.version
		FROM entities n JOIN documents d ON d.id = n.doc_id ORDER BY n.doc_id, n.entity_id`,
	"events": `SELECT e.uid, e.event_id, e.date, e.date_inferred, e.type, e.mode, e.contexts,
		e.source_actor, e.source_entity, coalesce((SELECT name FROM entities n WHERE n.doc_id = e.doc_id AND n.entity_id = e.source_entity), ''),
		e.target_actor, e.target_entity, coalesce((SELECT name FROM entities n WHERE n.doc_id = e.doc_id AND n.entity_id = e.target_entity), ''),
		e.location, e.place, e.trigger, d.published, d.source, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start),
		e.ev_start, e.ev_end, e.confidence, coalesce(k.id, e.uid), ` + store.RoleSQL + `,
		(SELECT count(DISTINCT c.doc_id) FROM events c WHERE c.cluster = e.cluster), e.version
		FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters k ON k.root = e.cluster
		ORDER BY e.doc_id, e.event_id`,
	"statistics": `SELECT d.content_hash, d.url, t.stat_id, t.kind, t.value, t.bound, t.category, t.unit, t.subject, t.country,
		t.period, t.place, t.claimed_source, t.qualifier, t.part_of, t.span_start, t.span_end,
		d.published, d.source, substr(d.body, t.ev_start + 1, t.ev_end - t.ev_start), t.version
		FROM statistics t JOIN documents d ON d.id = t.doc_id ORDER BY t.doc_id, t.stat_id`,
	"quotes": `SELECT d.content_hash, d.url, q.quote_id, q.speaker, q.speaker_entity, q.text, q.date,
		d.published, d.source, substr(d.body, q.ev_start + 1, q.ev_end - q.ev_start), q.version
		FROM quotes q JOIN documents d ON d.id = q.doc_id ORDER BY q.doc_id, q.quote_id`,
}

// placeOrder is the order of Export's rows, by table, for Places.
var placeOrder = map[string]string{"events": "doc_id, event_id", "statistics": "doc_id, stat_id"}

// Places returns the places of the first limit rows of table, in Export's order.
func (s *DB) Places(ctx context.Context, table string, limit int) ([]*record.Geo, int, error) {
	order, ok := placeOrder[table]
	if !ok {
		return nil, 0, fmt.Errorf("no places in %q", table)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT place FROM `+table+` ORDER BY `+order+` LIMIT ?`, limit)
	if err != nil {
		return nil, 0, s.explain(err)
	}
	defer rows.Close()
	out, n, err := store.ReadPlaces(rows)
	return out, n, s.explain(err)
}

// Export calls fn with each row of a table as its store row type.
func (s *DB) Export(ctx context.Context, what string, fn func(any) error) error {
	if what == "clusters" {
		cs, err := s.Clusters(ctx, store.ClusterQuery{})
		if err != nil {
			return err
		}
		for _, c := range cs {
			if err := fn(store.ClusterRowOf(c)); err != nil {
				return err
			}
		}
		return nil
	}
	q, ok := exports[what]
	if !ok {
		return fmt.Errorf("cannot export %q: choose one of %s", what, strings.Join(store.Tables, ", "))
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return s.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		row, err := scanRow(what, rows)
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return s.explain(rows.Err())
}

func scanRow(what string, rows *sql.Rows) (any, error) {
	switch what {
	case "documents":
		var r store.RawDocument
		err := rows.Scan(&r.RowID, &r.Hash, &r.URL, &r.Source, &r.Title, &r.Published, &r.Dateline, &r.Language,
			&r.Partial, &r.Chars, &r.IngestedAt, &r.Version)
		return r.Row(), err
	case "entities":
		var r store.RawEntity
		err := rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Type, &r.Name, &r.Country, &r.Code, &r.Titles, &r.Mentions, &r.Version)
		return r.Row(), err
	case "events":
		var r store.RawEvent
		err := rows.Scan(&r.UID, &r.ID, &r.Date, &r.DateInferred, &r.Type, &r.Mode, &r.Contexts, &r.SourceActor, &r.SourceEntity,
			&r.SourceName, &r.TargetActor, &r.TargetEntity, &r.TargetName, &r.Location, &r.Place, &r.Trigger, &r.Published,
			&r.DocSource, &r.Evidence, &r.EvStart, &r.EvEnd, &r.Confidence, &r.Cluster, &r.Role, &r.Sources, &r.Version)
		return r.Row(), err
	case "statistics":
		var r store.RawStatistic
		err := rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Kind, &r.Value, &r.Bound, &r.Category, &r.Unit, &r.Subject, &r.Country,
			&r.Period, &r.Place, &r.Source, &r.Qualifier, &r.PartOf, &r.SpanStart, &r.SpanEnd, &r.Published, &r.DocSource,
			&r.Evidence, &r.Version)
		return r.Row(), err
	default:
		var r store.RawQuote
		err := rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Speaker, &r.SpeakerEntity, &r.Text, &r.Date, &r.Published, &r.DocSource,
			&r.Evidence, &r.Version)
		return r.Row(), err
	}
}
