package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
)

// tsQuery builds a tsquery from what a user typed: every word must occur; a phrase in
// double quotes must occur as written. It returns the SQL and its arguments, numbered from n.
func tsQuery(s string, n int) (string, []any) {
	var parts []string
	var args []any
	for i, chunk := range strings.Split(s, `"`) {
		words := strings.FieldsFunc(chunk, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) == 0 {
			continue
		}
		if i%2 == 1 {
			parts = append(parts, fmt.Sprintf("phraseto_tsquery('english', $%d)", n+len(args)))
			args = append(args, strings.Join(words, " "))
			continue
		}
		parts = append(parts, fmt.Sprintf("plainto_tsquery('english', $%d)", n+len(args)))
		args = append(args, strings.Join(words, " "))
	}
	return strings.Join(parts, " && "), args
}

// rankCap bounds ranking work as in the SQLite store.
const rankCap = 1000

// Search ranks reports by ts_rank among the newest rankCap matches; filters are facets.
func (s *DB) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	var where []string
	var args []any
	tsq, targs := tsQuery(q.Text, 1)
	if tsq == "" && strings.TrimSpace(q.Text) != "" {
		return nil, fmt.Errorf("the query %q has no words to search for", q.Text)
	}
	if tsq != "" {
		where = append(where, "tsv @@ ("+tsq+")")
		args = append(args, targs...)
	}
	var must []string
	if q.Actor != "" {
		must = append(must, store.FacetToken("act", q.Actor))
	}
	if q.EventType != "" {
		must = append(must, store.FacetToken("typ", q.EventType))
	}
	if q.Category != "" {
		must = append(must, store.FacetToken("cat", q.Category))
	}
	if len(must) > 0 {
		args = append(args, must)
		where = append(where, fmt.Sprintf("facets @> $%d", len(args)))
	}
	if q.Since != "" || q.Until != "" {
		cover := store.DateCover(q.Since, q.Until)
		if len(cover) == 0 {
			return nil, fmt.Errorf("--since %s is after --until %s", q.Since, q.Until)
		}
		args = append(args, cover)
		where = append(where, fmt.Sprintf("facets && $%d", len(args)))
	}
	cond := "true"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	rank := "0.0::float8"
	if tsq != "" {
		rank = "ts_rank(tsv, " + tsq + ")::float8"
	}
	// The rank is computed on the newest rankCap matches only, and a body is read for the
	// page's hits only: the work of a search is bounded by rankCap, not by the archive. A page
	// after a hit starts after its rank and id; a hit carries the start of its body.
	after := ""
	if q.After != nil {
		args = append(args, q.After.Rank, q.After.ID)
		after = fmt.Sprintf(` WHERE r < $%d OR r = $%d AND id < $%d`, len(args)-1, len(args)-1, len(args))
	}
	args = append(args, q.Limit)
	sql := `WITH m AS (SELECT id, ` + rank + ` AS r FROM documents WHERE ` + cond + ` ORDER BY id DESC LIMIT ` + fmt.Sprint(rankCap) + `),
		t AS (SELECT id, r FROM m` + after + ` ORDER BY r DESC, id DESC LIMIT $` + fmt.Sprint(len(args)) + `)
		SELECT d.id, d.source, d.title, coalesce(d.published, ''), t.r, substr(d.body, 1, ` + fmt.Sprint(store.HitTextChars) + `)
		FROM t JOIN documents d ON d.id = t.id ORDER BY t.r DESC, d.id DESC`
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
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
	return out, rows.Err()
}

// Figures returns the counts reported for a category, parts left out.
func (s *DB) Figures(ctx context.Context, q store.SeriesQuery) ([]store.Figure, error) {
	where := []string{`t.category <> 'other'`, `t.kind = 'count'`, `t.part_of = ''`}
	var args []any
	if q.Category != "" {
		args = append(args, q.Category)
		where = append(where, fmt.Sprintf("t.category = $%d", len(args)))
	}
	if q.Country != "" {
		args = append(args, q.Country)
		where = append(where, fmt.Sprintf("t.country = $%d", len(args)))
	}
	if q.Limit > 0 {
		// A page, newest report first: the primary key read backwards, or a category's index.
		if q.After != nil {
			args = append(args, q.After.DocID, q.After.StatID)
			where = append(where, fmt.Sprintf("(t.doc_id, t.stat_id) < ($%d, $%d)", len(args)-1, len(args)))
		}
		rows, err := s.pool.Query(ctx, `SELECT t.category, coalesce(t.period, ''), t.value, t.bound, t.country, t.claimed_source, t.doc_id, t.stat_id,
				t.ev_start, t.ev_end FROM statistics t WHERE `+strings.Join(where, " AND ")+` ORDER BY t.doc_id DESC, t.stat_id DESC LIMIT `+fmt.Sprint(q.Limit), args...)
		if err != nil {
			return nil, err
		}
		var out []store.Figure
		var refs []store.EvidenceRef
		for rows.Next() {
			var f store.Figure
			var r store.EvidenceRef
			if err := rows.Scan(&f.Category, &f.Period, &f.Value, &f.Bound, &f.Country, &f.Source, &f.DocID, &f.StatID, &r.Start, &r.End); err != nil {
				rows.Close()
				return nil, err
			}
			out, refs = append(out, f), append(refs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil || q.NoEvidence {
			return out, err
		}
		for i := range out {
			refs[i].Doc, refs[i].Text, refs[i].Source, refs[i].Published = out[i].DocID, &out[i].Evidence, &out[i].DocSource, &out[i].Published
		}
		return out, s.cut(ctx, refs)
	}
	cols, from := `d.source, coalesce(d.published, ''), substr(d.body, t.ev_start + 1, t.ev_end - t.ev_start)`, `statistics t JOIN documents d ON d.id = t.doc_id`
	if q.NoEvidence {
		cols, from = `'', '', ''`, `statistics t`
	}
	rows, err := s.pool.Query(ctx, `SELECT t.category, coalesce(t.period, ''), t.value, t.bound, t.country, t.claimed_source, t.doc_id, t.stat_id, `+cols+`
		FROM `+from+` WHERE `+strings.Join(where, " AND ")+` ORDER BY t.category, t.period, t.doc_id, t.stat_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Figure
	for rows.Next() {
		var f store.Figure
		if err := rows.Scan(&f.Category, &f.Period, &f.Value, &f.Bound, &f.Country, &f.Source, &f.DocID, &f.StatID, &f.DocSource, &f.Published, &f.Evidence); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Evidence fills in figures' reports and sentences: their offsets in one statement, then each
// report's text once.
func (s *DB) Evidence(ctx context.Context, figs []*store.Figure) error {
	if len(figs) == 0 {
		return nil
	}
	docs, stats := make([]int64, len(figs)), make([]string, len(figs))
	at := map[store.FigureKey][]*store.Figure{}
	for i, f := range figs {
		docs[i], stats[i] = f.DocID, f.StatID
		k := store.FigureKey{DocID: f.DocID, StatID: f.StatID}
		at[k] = append(at[k], f)
	}
	rows, err := s.pool.Query(ctx, `SELECT t.doc_id, t.stat_id, t.ev_start, t.ev_end FROM statistics t
		JOIN unnest($1::bigint[], $2::text[]) AS k (doc_id, stat_id) ON t.doc_id = k.doc_id AND t.stat_id = k.stat_id`, docs, stats)
	if err != nil {
		return err
	}
	var refs []store.EvidenceRef
	for rows.Next() {
		var k store.FigureKey
		var start, end int
		if err := rows.Scan(&k.DocID, &k.StatID, &start, &end); err != nil {
			rows.Close()
			return err
		}
		for _, f := range at[k] {
			refs = append(refs, store.EvidenceRef{Doc: k.DocID, Start: start, End: end, Text: &f.Evidence, Source: &f.DocSource, Published: &f.Published})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return s.cut(ctx, refs)
}

// exports are the queries behind Export, each in a stable order; store.Raw* make the rows.
var exports = map[string]string{
	"documents": `SELECT id, content_hash, url, source, title, published, dateline, language, partial,
		length(body)::bigint, to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), extractor_version FROM documents ORDER BY id`,
	"entities": `SELECT d.content_hash, d.url, n.entity_id, n.type, n.name, n.country, n.code, n.titles,
		json_array_length(n.spans::json)::bigint, n.version
		FROM entities n JOIN documents d ON d.id = n.doc_id ORDER BY n.doc_id, n.entity_id`,
	"events": `SELECT e.uid, e.event_id, e.date, e.date_inferred, e.type, e.mode, e.contexts,
		e.source_actor, e.source_entity, coalesce((SELECT name FROM entities n WHERE n.doc_id = e.doc_id AND n.entity_id = e.source_entity), ''),
		e.target_actor, e.target_entity, coalesce((SELECT name FROM entities n WHERE n.doc_id = e.doc_id AND n.entity_id = e.target_entity), ''),
		e.location, e.place::text, e.trigger, d.published, d.source, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start),
		e.ev_start::bigint, e.ev_end::bigint, e.confidence, coalesce(k.id, e.uid), ` + store.RoleSQL + `,
		(SELECT count(DISTINCT c.doc_id) FROM events c WHERE c.cluster = e.cluster), e.version
		FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters k ON k.root = e.cluster
		ORDER BY e.doc_id, e.event_id`,
	"statistics": `SELECT d.content_hash, d.url, t.stat_id, t.kind, t.value, t.bound, t.category, t.unit, t.subject, t.country,
		t.period, t.place::text, t.claimed_source, t.qualifier, t.part_of, t.span_start::bigint, t.span_end::bigint,
		d.published, d.source, substr(d.body, t.ev_start + 1, t.ev_end - t.ev_start), t.version
		FROM statistics t JOIN documents d ON d.id = t.doc_id ORDER BY t.doc_id, t.stat_id`,
	"quotes": `SELECT d.content_hash, d.url, q.quote_id, q.speaker, q.speaker_entity, q.text, q.date,
		d.published, d.source, substr(d.body, q.ev_start + 1, q.ev_end - q.ev_start), q.version
		FROM quotes q JOIN documents d ON d.id = q.doc_id ORDER BY q.doc_id, q.quote_id`,
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
	rows, err := s.pool.Query(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var row any
		var err error
		switch what {
		case "documents":
			var r store.RawDocument
			err = rows.Scan(&r.RowID, &r.Hash, &r.URL, &r.Source, &r.Title, &r.Published, &r.Dateline, &r.Language, &r.Partial, &r.Chars, &r.IngestedAt, &r.Version)
			row = r.Row()
		case "entities":
			var r store.RawEntity
			err = rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Type, &r.Name, &r.Country, &r.Code, &r.Titles, &r.Mentions, &r.Version)
			row = r.Row()
		case "events":
			var r store.RawEvent
			err = rows.Scan(&r.UID, &r.ID, &r.Date, &r.DateInferred, &r.Type, &r.Mode, &r.Contexts, &r.SourceActor, &r.SourceEntity,
				&r.SourceName, &r.TargetActor, &r.TargetEntity, &r.TargetName, &r.Location, &r.Place, &r.Trigger, &r.Published,
				&r.DocSource, &r.Evidence, &r.EvStart, &r.EvEnd, &r.Confidence, &r.Cluster, &r.Role, &r.Sources, &r.Version)
			row = r.Row()
		case "statistics":
			var r store.RawStatistic
			err = rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Kind, &r.Value, &r.Bound, &r.Category, &r.Unit, &r.Subject, &r.Country,
				&r.Period, &r.Place, &r.Source, &r.Qualifier, &r.PartOf, &r.SpanStart, &r.SpanEnd, &r.Published, &r.DocSource,
				&r.Evidence, &r.Version)
			row = r.Row()
		default:
			var r store.RawQuote
			err = rows.Scan(&r.Hash, &r.URL, &r.ID, &r.Speaker, &r.SpeakerEntity, &r.Text, &r.Date, &r.Published, &r.DocSource, &r.Evidence, &r.Version)
			row = r.Row()
		}
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeOrder is the order of Export's rows, by table, for Places.
var placeOrder = map[string]string{"events": "doc_id, event_id", "statistics": "doc_id, stat_id"}

// Places returns the places of the first limit rows of table, in Export's order.
func (s *DB) Places(ctx context.Context, table string, limit int) ([]*record.Geo, int, error) {
	order, ok := placeOrder[table]
	if !ok {
		return nil, 0, fmt.Errorf("no places in %q", table)
	}
	rows, err := s.pool.Query(ctx, `SELECT place::text FROM `+table+` ORDER BY `+order+` LIMIT $1`, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	return store.ReadPlaces(rows)
}

func pairWhere(a, b string, n int) (string, []any) {
	switch {
	case a != "" && b != "":
		return fmt.Sprintf("((source = $%d AND target = $%d) OR (source = $%d AND target = $%d))", n, n+1, n+1, n), []any{a, b}
	case a != "":
		return fmt.Sprintf("(source = $%d OR target = $%d)", n, n), []any{a}
	}
	return "true", nil
}

// Clusters returns the event clusters of a dyad or an actor (or of every actor) a page at a
// time, in order of their first date (see store.PageClusters), each with its first mentions;
// with no actor and no limit, every cluster with all its mentions, for export.
func (s *DB) Clusters(ctx context.Context, q store.ClusterQuery) ([]link.Cluster, error) {
	if q.A == "" && q.Limit == 0 {
		return s.everyCluster(ctx)
	}
	k := newKeys(s, q)
	at, err := store.PageClusters(ctx, k, len(k.streams), q, q.Limit)
	if err != nil {
		return nil, err
	}
	return s.summarize(ctx, at)
}

// everyCluster returns every cluster with all its mentions, for export.
func (s *DB) everyCluster(ctx context.Context) ([]link.Cluster, error) {
	rows, err := s.pool.Query(ctx, `SELECT coalesce(k.id, e.uid), e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type,
			e.source_actor, e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start)
		FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters k ON k.root = e.cluster ORDER BY 1, e.uid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[string][]link.EventMention{}
	var order []string
	for rows.Next() {
		var id string
		var m link.EventMention
		if err := rows.Scan(&id, &m.UID, &m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Source, &m.Target, &m.Date, &m.Place, &m.Role, &m.Evidence); err != nil {
			return nil, err
		}
		if byID[id] == nil {
			order = append(order, id)
		}
		byID[id] = append(byID[id], m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]link.Cluster, 0, len(order))
	for _, id := range order {
		c := link.Summarize(id, byID[id])
		_, c.QuadClass = store.CAMEO(c.Type)
		c.Total = len(c.Mentions)
		out = append(out, c)
	}
	sortClusters(out)
	return out, nil
}

func sortClusters(cs []link.Cluster) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].Date < cs[j-1].Date || cs[j].Date == cs[j-1].Date && cs[j].ID < cs[j-1].ID); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// Months counts a dyad's event clusters per month and type.
func (s *DB) Months(ctx context.Context, a, b string) ([]link.Month, error) {
	where, args := pairWhere(a, b, 1)
	rows, err := s.pool.Query(ctx, `SELECT substr(date, 1, 7), type, count(DISTINCT root) FROM event_keys
		WHERE `+where+` AND length(date) >= 7 AND strpos(date, '/') = 0 GROUP BY 1, 2 ORDER BY 1`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []link.Month
	for rows.Next() {
		var m, typ string
		var n int
		if err := rows.Scan(&m, &typ, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Month != m {
			out = append(out, link.Month{Month: m})
		}
		_, quad := store.CAMEO(typ)
		out[len(out)-1].Add(quad, n)
	}
	return out, rows.Err()
}

// EntityMentions returns the people who share the last word of name and the organizations
// coded name: the ways reports name them, counted as reports are stored.
func (s *DB) EntityMentions(ctx context.Context, name string) ([]link.Mention, error) {
	sn := store.Surname(record.Entity{Type: record.Person, Name: name})
	rows, err := s.pool.Query(ctx, `SELECT e.first_doc, d.source, coalesce(d.published, ''), e.type, e.name, e.country, e.code, e.titles, e.reports
		FROM entity_names e JOIN documents d ON d.id = e.first_doc
		WHERE (e.key = $1 AND e.type = 'person' OR e.key = $2 AND e.type <> 'person') AND e.reports > 0 ORDER BY e.first_doc, e.name`,
		store.NameKey("person", "", sn), store.NameKey("organization", strings.ToUpper(strings.TrimSpace(name)), ""))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []link.Mention
	for rows.Next() {
		var m link.Mention
		if err := rows.Scan(&m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Name, &m.Country, &m.Code, &m.Titles, &m.Reports); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Document returns one stored document with all its records. Its five queries go to the
// server as one batch, on one connection: one round trip, and one wait for the pool.
func (s *DB) Document(ctx context.Context, id int64) (store.DocView, error) {
	var v store.DocView
	b := &pgx.Batch{}
	b.Queue(`SELECT id, uid, content_hash, source, url, title, published, dateline, language, partial, body, extractor_version
		FROM documents WHERE id = $1`, id)
	b.Queue(`SELECT entity_id, type, name, country, code, titles, spans FROM entities WHERE doc_id = $1 ORDER BY entity_id`, id)
	b.Queue(`SELECT e.event_id, e.type, e.mode, e.contexts, e.source_actor, e.source_entity, e.target_actor, e.target_entity,
			e.date, e.date_inferred, e.location, e.trigger, e.ev_start, e.ev_end, e.confidence, coalesce(k.id, e.uid),
			`+store.RoleSQL+`, e.cluster, coalesce(k.size, 1), e.place::text
		FROM events e LEFT JOIN clusters k ON k.root = e.cluster WHERE e.doc_id = $1 ORDER BY e.event_id`, id)
	b.Queue(`SELECT stat_id, kind, value, bound, category, unit, subject, country, period, claimed_source,
			qualifier, part_of, span_start, span_end, ev_start, ev_end, place::text FROM statistics WHERE doc_id = $1 ORDER BY span_start, stat_id`, id)
	b.Queue(`SELECT quote_id, speaker, speaker_entity, text, date, spans, ev_start, ev_end FROM quotes WHERE doc_id = $1 ORDER BY quote_id`, id)
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	err := br.QueryRow().Scan(&v.ID, &v.DocID, &v.Doc.ID, &v.Doc.Source, &v.Doc.URL, &v.Doc.Title, &v.Doc.Published, &v.Doc.Dateline,
		&v.Doc.Language, &v.Doc.Partial, &v.Text, &v.Version)
	if errors.Is(err, pgx.ErrNoRows) {
		return v, store.ErrNotFound
	}
	if err != nil {
		return v, err
	}
	// The codebook's document.id is the SHA-256 of the text, as alboran extract gives it.
	x := &v.Records
	x.Document = v.Doc
	rows, err := br.Query()
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var e record.Entity
		var titles, spans string
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Country, &e.Code, &titles, &spans); err != nil {
			rows.Close()
			return v, err
		}
		if titles != "" {
			e.Titles = strings.Split(titles, "; ")
		}
		var sp [][2]int
		json.Unmarshal([]byte(spans), &sp)
		for _, p := range sp {
			e.Mentions = append(e.Mentions, record.Span{Start: p[0], End: p[1]})
		}
		x.Entities = append(x.Entities, e)
	}
	rows.Close()
	if rows, err = br.Query(); err != nil {
		return v, err
	}
	v.Clusters = map[string]store.ClusterRef{}
	var roots []store.EventRoot
	for rows.Next() {
		var e record.Event
		var contexts string
		var ref store.ClusterRef
		var r store.EventRoot
		var place *string
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &contexts, &e.Source.Actor, &e.Source.Entity, &e.Target.Actor, &e.Target.Entity,
			&e.Date, &e.DateInferred, &e.Location, &e.Trigger, &e.Evidence.Start, &e.Evidence.End, &e.Confidence, &ref.ID, &ref.Role,
			&r.Root, &r.Size, &place); err != nil {
			rows.Close()
			return v, err
		}
		e.Place = store.ParsePlace(place)
		r.Event = e.ID
		roots = append(roots, r)
		if contexts != "" {
			e.Contexts = strings.Split(contexts, ";")
		}
		v.Clusters[e.ID] = ref
		x.Events = append(x.Events, e)
	}
	rows.Close()
	if rows, err = br.Query(); err != nil {
		return v, err
	}
	for rows.Next() {
		var t record.Statistic
		var place *string
		if err := rows.Scan(&t.ID, &t.Kind, &t.Value, &t.Bound, &t.Category, &t.Unit, &t.Subject, &t.Country, &t.Period, &t.Source,
			&t.Qualifier, &t.PartOf, &t.Span.Start, &t.Span.End, &t.Evidence.Start, &t.Evidence.End, &place); err != nil {
			rows.Close()
			return v, err
		}
		t.Place = store.ParsePlace(place)
		x.Statistics = append(x.Statistics, t)
	}
	rows.Close()
	if rows, err = br.Query(); err != nil {
		return v, err
	}
	for rows.Next() {
		var q record.Quote
		var spans string
		if err := rows.Scan(&q.ID, &q.Speaker.Name, &q.Speaker.Entity, &q.Text, &q.Date, &spans, &q.Evidence.Start, &q.Evidence.End); err != nil {
			rows.Close()
			return v, err
		}
		json.Unmarshal([]byte(spans), &q.Spans)
		x.Quotes = append(x.Quotes, q)
	}
	rows.Close()
	if err := br.Close(); err != nil {
		return v, err
	}
	// The batch's connection is back in the pool before the clusters' reports are counted.
	if err := s.clusters.FillSources(ctx, v.Clusters, roots, sampler{s}.Sources); err != nil {
		return v, err
	}
	runes := []rune(v.Text)
	cut := func(e *record.Evidence) {
		if e.Start >= 0 && e.End <= len(runes) && e.Start <= e.End {
			e.Text = string(runes[e.Start:e.End])
		}
	}
	for i := range x.Events {
		cut(&x.Events[i].Evidence)
	}
	for i := range x.Statistics {
		cut(&x.Statistics[i].Evidence)
	}
	for i := range x.Quotes {
		cut(&x.Quotes[i].Evidence)
	}
	x.Normalize()
	return v, nil
}

// Lookup returns the row id of the document stored with key.
func (s *DB) Lookup(ctx context.Context, key store.DocKey) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT id FROM documents WHERE content_hash = $1 AND url = $2`, key.Hash, key.URL).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	return id, err
}

// Find returns the row id of the document whose stable id is uid.
func (s *DB) Find(ctx context.Context, uid string) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT id FROM documents WHERE uid = $1`, uid).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	return id, err
}

// UIDs returns the stable ids of stored documents by row id.
func (s *DB) UIDs(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id, uid FROM documents WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var uid string
		if err := rows.Scan(&id, &uid); err != nil {
			return nil, err
		}
		out[id] = uid
	}
	return out, rows.Err()
}

// Recent returns the newest documents with an id below before.
func (s *DB) Recent(ctx context.Context, before int64, limit int) ([]store.Hit, error) {
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := s.pool.Query(ctx, `SELECT id, source, title, coalesce(published, '') FROM documents WHERE id < $1 ORDER BY id DESC LIMIT $2`, before, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.DocID, &h.Source, &h.Title, &h.Published); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Quotes returns a page of quotes, newest report first, optionally of one speaker.
func (s *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error) {
	// Only the conditions asked for, so that a generic plan still uses the speaker's index.
	where, args := []string{`true`}, []any{}
	if q.Speaker != "" {
		args = append(args, q.Speaker)
		where = append(where, fmt.Sprintf(`lower(q.speaker) = lower($%d)`, len(args)))
	}
	if q.After != nil {
		args = append(args, q.After.DocID, q.After.QuoteID)
		where = append(where, fmt.Sprintf(`(q.doc_id, q.quote_id) < ($%d, $%d)`, len(args)-1, len(args)))
	}
	limit := ""
	if q.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.pool.Query(ctx, `SELECT q.doc_id, q.quote_id, q.speaker, q.speaker_entity, q.text, coalesce(q.date, ''), q.ev_start, q.ev_end, q.version
		FROM quotes q WHERE `+strings.Join(where, " AND ")+` ORDER BY q.doc_id DESC, q.quote_id DESC`+limit, args...)
	if err != nil {
		return nil, err
	}
	var out []store.QuoteHit
	var refs []store.EvidenceRef
	for rows.Next() {
		var r store.QuoteHit
		var e store.EvidenceRef
		if err := rows.Scan(&r.DocID, &r.QuoteID, &r.Speaker, &r.SpeakerEntity, &r.Text, &r.Date, &e.Start, &e.End, &r.ExtractorVersion); err != nil {
			rows.Close()
			return nil, err
		}
		out, refs = append(out, r), append(refs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		refs[i].Doc, refs[i].Text, refs[i].Source, refs[i].Published = out[i].DocID, &out[i].Evidence, &out[i].Source, &out[i].Published
	}
	return out, s.cut(ctx, refs)
}
