package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
)

// Document returns one stored document with all its records.
func (s *DB) Document(ctx context.Context, id int64) (store.DocView, error) {
	var v store.DocView
	var pub sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, uid, content_hash, source, url, title, published, dateline, language, partial, body, extractor_version
		FROM documents WHERE id = ?`, id).Scan(&v.ID, &v.DocID, &v.Doc.ID, &v.Doc.Source, &v.Doc.URL, &v.Doc.Title, &pub, &v.Doc.Dateline,
		&v.Doc.Language, &v.Doc.Partial, &v.Text, &v.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return v, store.ErrNotFound
	}
	if err != nil {
		return v, s.explain(err)
	}
	if pub.Valid {
		p := pub.String
		v.Doc.Published = &p
	}
	// The codebook's document.id is the SHA-256 of the text, as alboran extract gives it.
	x := &v.Records
	x.Document = v.Doc
	rows, err := s.db.QueryContext(ctx, `SELECT entity_id, type, name, country, code, titles, spans FROM entities WHERE doc_id = ? ORDER BY entity_id`, id)
	if err != nil {
		return v, s.explain(err)
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
	rows, err = s.db.QueryContext(ctx, `SELECT e.event_id, e.type, e.mode, e.contexts, e.source_actor, e.source_entity, e.target_actor,
			e.target_entity, e.date, e.date_inferred, e.location, e.trigger, e.ev_start, e.ev_end, e.confidence, coalesce(k.id, e.uid),
			`+store.RoleSQL+`, e.cluster, coalesce(k.size, 1), e.place
		FROM events e LEFT JOIN clusters k ON k.root = e.cluster WHERE e.doc_id = ? ORDER BY e.event_id`, id)
	if err != nil {
		return v, s.explain(err)
	}
	v.Clusters = map[string]store.ClusterRef{}
	var roots []store.EventRoot
	for rows.Next() {
		var e record.Event
		var contexts string
		var date sql.NullString
		var ref store.ClusterRef
		var r store.EventRoot
		var place *string
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &contexts, &e.Source.Actor, &e.Source.Entity, &e.Target.Actor, &e.Target.Entity,
			&date, &e.DateInferred, &e.Location, &e.Trigger, &e.Evidence.Start, &e.Evidence.End, &e.Confidence, &ref.ID, &ref.Role,
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
		if date.Valid {
			d := date.String
			e.Date = &d
		}
		v.Clusters[e.ID] = ref
		x.Events = append(x.Events, e)
	}
	rows.Close()
	if err := s.clusters.FillSources(ctx, v.Clusters, roots, sampler{s}.Sources); err != nil {
		return v, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT stat_id, kind, value, bound, category, unit, subject, country, period, claimed_source,
			qualifier, part_of, span_start, span_end, ev_start, ev_end, place FROM statistics WHERE doc_id = ? ORDER BY span_start, stat_id`, id)
	if err != nil {
		return v, s.explain(err)
	}
	for rows.Next() {
		var t record.Statistic
		var period sql.NullString
		var place *string
		if err := rows.Scan(&t.ID, &t.Kind, &t.Value, &t.Bound, &t.Category, &t.Unit, &t.Subject, &t.Country, &period, &t.Source,
			&t.Qualifier, &t.PartOf, &t.Span.Start, &t.Span.End, &t.Evidence.Start, &t.Evidence.End, &place); err != nil {
			rows.Close()
			return v, err
		}
		t.Place = store.ParsePlace(place)
		if period.Valid {
			p := period.String
			t.Period = &p
		}
		x.Statistics = append(x.Statistics, t)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT quote_id, speaker, speaker_entity, text, date, spans, ev_start, ev_end FROM quotes WHERE doc_id = ? ORDER BY quote_id`, id)
	if err != nil {
		return v, s.explain(err)
	}
	for rows.Next() {
		var q record.Quote
		var date sql.NullString
		var spans string
		if err := rows.Scan(&q.ID, &q.Speaker.Name, &q.Speaker.Entity, &q.Text, &date, &spans, &q.Evidence.Start, &q.Evidence.End); err != nil {
			rows.Close()
			return v, err
		}
		if date.Valid {
			d := date.String
			q.Date = &d
		}
		json.Unmarshal([]byte(spans), &q.Spans)
		x.Quotes = append(x.Quotes, q)
	}
	rows.Close()
	// Evidence text is cut from the body by code points.
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
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ? AND url = ?`, key.Hash, key.URL).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	if err != nil {
		return 0, s.explain(err)
	}
	return id, nil
}

// Find returns the row id of the document whose stable id is uid.
func (s *DB) Find(ctx context.Context, uid string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE uid = ?`, uid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	if err != nil {
		return 0, s.explain(err)
	}
	return id, nil
}

// UIDs returns the stable ids of stored documents by row id.
func (s *DB) UIDs(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, uid FROM documents WHERE id IN (SELECT value FROM json_each(?))`, jsonText(ids))
	if err != nil {
		return nil, s.explain(err)
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

// Recent returns the newest stored documents, id below before (0: from the newest).
func (s *DB) Recent(ctx context.Context, before int64, limit int) ([]store.Hit, error) {
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, source, title, coalesce(published, ''), 0.0, '' FROM documents
		WHERE id < ? ORDER BY id DESC LIMIT ?`, before, limit)
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
	return out, s.explain(rows.Err())
}

// Quotes returns a page of quotes, newest report first (and in a report, by id, last first),
// optionally of one speaker, after q.After: the primary key (or the speaker's index) read
// backwards from a row value.
func (s *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error) {
	// Only the conditions asked for: an "?1 = '' OR" would keep SQLite from the speaker's index.
	where, args := []string{`1`}, []any{}
	if q.Speaker != "" {
		where, args = append(where, `q.speaker = ? COLLATE NOCASE`), append(args, q.Speaker)
	}
	if q.After != nil {
		where = append(where, `(q.doc_id, q.quote_id) < (?, ?)`)
		args = append(args, q.After.DocID, q.After.QuoteID)
	}
	limit := ""
	if q.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT q.doc_id, q.quote_id, q.speaker, q.speaker_entity, q.text, coalesce(q.date, ''), q.ev_start,
			q.ev_end, q.version
		FROM quotes q WHERE `+strings.Join(where, " AND ")+` ORDER BY q.doc_id DESC, q.quote_id DESC`+limit, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	var out []store.QuoteHit
	var spans [][2]int
	for rows.Next() {
		var r store.QuoteHit
		var sp [2]int
		if err := rows.Scan(&r.DocID, &r.QuoteID, &r.Speaker, &r.SpeakerEntity, &r.Text, &r.Date, &sp[0], &sp[1], &r.ExtractorVersion); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
		spans = append(spans, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	refs := make([]store.EvidenceRef, len(out))
	for i := range out {
		refs[i] = store.EvidenceRef{Doc: out[i].DocID, Start: spans[i][0], End: spans[i][1], Text: &out[i].Evidence, Source: &out[i].Source, Published: &out[i].Published}
	}
	return out, s.cut(ctx, refs)
}
