// Package postgres is the store for many workers: PostgreSQL through pgx, behind the same
// store.Store interface as the SQLite store. Full-text search uses PostgreSQL's own tsvector
// with a GIN index; search filters are facet tokens in a GIN-indexed array. Linking events
// across reports is safe with concurrent writers: each transaction takes an advisory lock per
// dyad it links, in a fixed order, before reading and moving clusters.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// DB is a store in a PostgreSQL database.
type DB struct {
	pool     *pgxpool.Pool
	clusters store.ClusterCache
}

var _ store.Store = (*DB)(nil)

// Open connects to the database a postgres:// URL names and brings its schema up to date.
// Concurrent Opens migrate one at a time.
func Open(ctx context.Context, dsn string) (*DB, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &DB{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// Close closes the connections.
func (s *DB) Close() error { s.pool.Close(); return nil }

func (s *DB) migrate(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7340001)`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("the database has schema version %d, newer than this binary's %d; upgrade alboran", v, len(migrations))
		}
		for i := v; i < len(migrations); i++ {
			if _, err := tx.Exec(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
			if up := upgrades[i+1]; up != nil {
				if err := up(ctx, tx); err != nil {
					return fmt.Errorf("migration %d: %w", i+1, err)
				}
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, i+1); err != nil {
				return err
			}
		}
		return nil
	})
}

// SchemaVersion returns the number of migrations applied.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func nullable(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Put writes entries in one transaction, linking their events.
func (s *DB) Put(ctx context.Context, entries []store.Entry) ([]store.Outcome, error) {
	out := make([]store.Outcome, len(entries))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var linked []linkEvent
		var rows tableRows
		var w store.Written
		for i, e := range entries {
			hash, u := store.Key(e.Doc)
			var id int64
			err := tx.QueryRow(ctx, `INSERT INTO documents (content_hash, url, source, title, published, dateline, language, partial,
				body, facets, extractor_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
				ON CONFLICT (content_hash, url) DO NOTHING RETURNING id`,
				hash, u, e.Doc.Source, e.Doc.Title, nullable(e.Doc.Published), e.Extraction.Document.Dateline, e.Doc.Language,
				e.Doc.Partial, e.Doc.Text, store.Facets(e), e.Version).Scan(&id)
			if errors.Is(err, pgx.ErrNoRows) {
				out[i] = store.Unchanged
				continue
			}
			if err != nil {
				return fmt.Errorf("document %s: %w", e.Doc.Source, err)
			}
			out[i] = store.Inserted
			linked = append(linked, rows.add(id, e)...)
			w.Add(id, e.Extraction)
			w.Counts["documents"]++
		}
		if err := rows.copy(ctx, tx); err != nil {
			return err
		}
		dyads := map[dyadKey]int{}
		if err := linkEvents(ctx, tx, linked, dyads); err != nil {
			return err
		}
		ts, multi := store.Tallies(w.Figures)
		if err := tallyClaims(ctx, tx, ts, multi, nil); err != nil {
			return err
		}
		if err := addDyads(ctx, tx, dyads); err != nil {
			return err
		}
		if err := addNames(ctx, tx, store.Names(w.Entities), nil); err != nil {
			return err
		}
		return addTotals(ctx, tx, w.Counts)
	})
	if err != nil {
		return nil, explain(err)
	}
	return out, nil
}

// explain says what to do about errors a user can fix.
func explain(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" {
		return fmt.Errorf("the database server's disk is full; free some space and run the same command again (nothing was half written): %w", err)
	}
	return err
}

// tableRows gathers a batch's records, so that each table takes one COPY for the batch.
type tableRows struct {
	ents, evs, sts, qs [][]any
}

// add gathers a document's records and returns its events for linking.
func (t *tableRows) add(id int64, e store.Entry) []linkEvent {
	x, v := e.Extraction, e.Version
	var linked []linkEvent
	for _, en := range x.Entities {
		spans := make([][2]int, len(en.Mentions))
		for k, m := range en.Mentions {
			spans[k] = [2]int{m.Start, m.End}
		}
		b, _ := json.Marshal(spans)
		t.ents = append(t.ents, []any{id, en.ID, en.Type, en.Name, en.Country, en.Code, strings.Join(en.Titles, "; "), string(b), v, store.Surname(en)})
	}
	for _, ev := range x.Events {
		uid := store.DocUID(e) + "/" + ev.ID
		t.evs = append(t.evs, []any{id, ev.ID, ev.Type, ev.Mode, strings.Join(ev.Contexts, ";"), ev.Source.Actor, ev.Source.Entity,
			ev.Target.Actor, ev.Target.Entity, nullable(ev.Date), ev.DateInferred, ev.Location, ev.Trigger, ev.Evidence.Start,
			ev.Evidence.End, ev.Confidence, v, uid, uid})
		linked = append(linked, linkEvent{doc: id, id: ev.ID, uid: uid, typ: ev.Type, src: ev.Source.Actor, tgt: ev.Target.Actor,
			date: deref(ev.Date), place: ev.Location})
	}
	for _, st := range x.Statistics {
		t.sts = append(t.sts, []any{id, st.ID, st.Kind, st.Value, st.Bound, st.Category, st.Unit, st.Subject, st.Country, nullable(st.Period),
			st.Source, st.Qualifier, st.PartOf, st.Span.Start, st.Span.End, st.Evidence.Start, st.Evidence.End, v})
	}
	for _, q := range x.Quotes {
		b, _ := json.Marshal(q.Spans)
		t.qs = append(t.qs, []any{id, q.ID, q.Speaker.Name, q.Speaker.Entity, q.Text, nullable(q.Date), string(b), q.Evidence.Start, q.Evidence.End, v})
	}
	return linked
}

// copy writes the gathered rows with pgx's COPY.
func (t *tableRows) copy(ctx context.Context, tx pgx.Tx) error {
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"entities", []string{"doc_id", "entity_id", "type", "name", "country", "code", "titles", "spans", "version", "surname"}, t.ents},
		{"events", []string{"doc_id", "event_id", "type", "mode", "contexts", "source_actor", "source_entity", "target_actor", "target_entity",
			"date", "date_inferred", "location", "trigger", "ev_start", "ev_end", "confidence", "version", "uid", "cluster"}, t.evs},
		{"statistics", []string{"doc_id", "stat_id", "kind", "value", "bound", "category", "unit", "subject", "country", "period",
			"claimed_source", "qualifier", "part_of", "span_start", "span_end", "ev_start", "ev_end", "version"}, t.sts},
		{"quotes", []string{"doc_id", "quote_id", "speaker", "speaker_entity", "text", "date", "spans", "ev_start", "ev_end", "version"}, t.qs},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return nil
}

// linkEvent is what linking needs of one event.
type linkEvent struct {
	doc           int64
	id, uid       string
	typ, src, tgt string
	date, place   string
	root, name    string // for a candidate: its cluster's root and public id
	size          int
}

type dyadKey struct{ typ, a, b string }

func dyadOf(e linkEvent) dyadKey {
	a, b := e.src, e.tgt
	if link.Symmetric[e.typ] && b < a {
		a, b = b, a
	}
	return dyadKey{e.typ, a, b}
}

func lockID(d dyadKey) int64 {
	h := fnv.New64a()
	h.Write([]byte(d.typ + "|" + d.a + "|" + d.b))
	return int64(h.Sum64())
}

// linkEvents joins each new event to the clusters it agrees with, as the SQLite store does,
// and adds to delta the change in each dyad's number of clusters. Workers that link the same
// dyad at once would race, so each transaction first takes a transaction-scoped advisory lock
// per dyad, in sorted order, which also rules out deadlocks; the lock also guards the dyad's
// count.
func linkEvents(ctx context.Context, tx pgx.Tx, events []linkEvent, delta map[dyadKey]int) error {
	var dyads []dyadKey
	seen := map[dyadKey]bool{}
	for _, e := range events {
		if d := dyadOf(e); !seen[d] {
			seen[d] = true
			dyads = append(dyads, d)
		}
	}
	sort.Slice(dyads, func(i, j int) bool { return lockID(dyads[i]) < lockID(dyads[j]) })
	for _, d := range dyads {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockID(d)); err != nil {
			return err
		}
	}
	for _, e := range events {
		if e.date == "" {
			if _, err := tx.Exec(ctx, `INSERT INTO clusters VALUES ($1, $1, 1) ON CONFLICT (root) DO NOTHING`, e.uid); err != nil {
				return err
			}
			delta[dyadOf(e)]++
			continue
		}
		lo, hi, coarser := link.DateWindow(e.date)
		pairs := [][2]string{{e.src, e.tgt}}
		if link.Symmetric[e.typ] && e.src != e.tgt {
			pairs = append(pairs, [2]string{e.tgt, e.src})
		}
		roots := map[string]linkEvent{}
		if !link.Agree(e.date, e.date, e.place, e.place) {
			pairs = nil // a date that agrees with no date, not even itself, links to nothing
		}
		for _, p := range pairs {
			rows, err := tx.Query(ctx, `SELECT DISTINCT k.root, k.date, k.location, c.id, c.size FROM event_keys k JOIN clusters c ON c.root = k.root
				WHERE k.type = $1 AND k.source = $2 AND k.target = $3 AND (k.date BETWEEN $4 AND $5 OR k.date = ANY($6))`,
				e.typ, p[0], p[1], lo, hi, coarser)
			if err != nil {
				return err
			}
			for rows.Next() {
				var c linkEvent
				if err := rows.Scan(&c.root, &c.date, &c.place, &c.name, &c.size); err != nil {
					rows.Close()
					return err
				}
				if _, ok := roots[c.root]; !ok && link.Agree(e.date, c.date, e.place, c.place) {
					roots[c.root] = c
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		target, best := e.uid, linkEvent{name: e.uid}
		for r, c := range roots {
			if target == e.uid || c.size > best.size || c.size == best.size && r < target {
				target, best = r, c
			}
		}
		id, size := best.name, best.size+1
		if e.uid < id {
			id = e.uid
		}
		delta[dyadOf(e)] += 1 - len(roots) // a new cluster, or len(roots) made one
		for r, c := range roots {
			if r == target {
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE events SET cluster = $1 WHERE cluster = $2`, target, r); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO event_keys SELECT type, source, target, date, location, $1 FROM event_keys WHERE root = $2
				ON CONFLICT DO NOTHING`, target, r); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `DELETE FROM event_keys WHERE root = $1`, r); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `DELETE FROM clusters WHERE root = $1`, r); err != nil {
				return err
			}
			size += c.size
			if c.name < id {
				id = c.name
			}
		}
		// The three writes go in one round trip.
		b := &pgx.Batch{}
		b.Queue(`UPDATE events SET cluster = $1 WHERE doc_id = $2 AND event_id = $3`, target, e.doc, e.id)
		b.Queue(`INSERT INTO event_keys VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, e.typ, e.src, e.tgt, e.date, e.place, target)
		b.Queue(`INSERT INTO clusters VALUES ($1, $2, $3) ON CONFLICT (root) DO UPDATE SET id = $2, size = $3`, target, id, size)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
	}
	return nil
}

// Replace swaps the records of stored documents for new ones and relinks the dyads touched.
func (s *DB) Replace(ctx context.Context, ids []int64, entries []store.Entry) error {
	if len(ids) != len(entries) {
		return fmt.Errorf("replace: %d ids for %d entries", len(ids), len(entries))
	}
	err := explain(pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// What the documents brought before is taken from the aggregates, what they bring now
		// added.
		oldFigs, err := storedFigures(ctx, tx, ids)
		if err != nil {
			return err
		}
		oldTallies, oldMulti := store.Tallies(oldFigs)
		w := store.Written{}
		if w.Counts, err = storedCounts(ctx, tx, ids); err != nil {
			return err
		}
		oldNames, err := storedNames(ctx, tx, ids)
		if err != nil {
			return err
		}
		for name := range w.Counts {
			w.Counts[name] = -w.Counts[name]
		}
		old := map[dyadKey]bool{}
		rows, err := tx.Query(ctx, `SELECT DISTINCT type, source_actor, target_actor FROM events WHERE doc_id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e linkEvent
			rows.Scan(&e.typ, &e.src, &e.tgt)
			old[dyadOf(e)] = true
		}
		rows.Close()
		for _, t := range []string{"entities", "events", "statistics", "quotes"} {
			if _, err := tx.Exec(ctx, `DELETE FROM `+t+` WHERE doc_id = ANY($1)`, ids); err != nil {
				return err
			}
		}
		var fresh tableRows
		for i, e := range entries {
			if _, err := tx.Exec(ctx, `UPDATE documents SET extractor_version = $1, dateline = $2, facets = $3 WHERE id = $4`,
				e.Version, e.Extraction.Document.Dateline, store.Facets(e), ids[i]); err != nil {
				return err
			}
			for _, ev := range fresh.add(ids[i], e) {
				old[dyadOf(ev)] = true
			}
			w.Add(ids[i], e.Extraction)
		}
		if err := fresh.copy(ctx, tx); err != nil {
			return err
		}
		if err := relink(ctx, tx, old); err != nil {
			return err
		}
		ts, multi := store.Tallies(w.Figures)
		all := append(store.Negate(oldTallies), ts...)
		if err := unsample(ctx, tx, oldTallies); err != nil {
			return err
		}
		if err := tallyClaims(ctx, tx, all, multi, oldMulti); err != nil {
			return err
		}
		if err := addNames(ctx, tx, append(store.NegateNames(store.Names(oldNames)), store.Names(w.Entities)...), ids); err != nil {
			return err
		}
		return addTotals(ctx, tx, w.Counts)
	}))
	if err == nil {
		s.clusters.Forget()
	}
	return err
}

// relink recomputes whole dyads' clusters from scratch.
func relink(ctx context.Context, tx pgx.Tx, dyads map[dyadKey]bool) error {
	keys := make([]dyadKey, 0, len(dyads))
	for d := range dyads {
		keys = append(keys, d)
	}
	sort.Slice(keys, func(i, j int) bool { return lockID(keys[i]) < lockID(keys[j]) })
	for _, d := range keys {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockID(d)); err != nil {
			return err
		}
		sym := link.Symmetric[d.typ]
		match := `type = $1 AND ((source_actor = $2 AND target_actor = $3) OR ($4 AND source_actor = $3 AND target_actor = $2))`
		rows, err := tx.Query(ctx, `SELECT uid, coalesce(date, ''), location, source_actor, target_actor, doc_id, event_id, cluster FROM events WHERE `+match,
			d.typ, d.a, d.b, sym)
		if err != nil {
			return err
		}
		var evs []link.Event
		var lev []linkEvent
		oldRoots := map[string]bool{}
		for rows.Next() {
			var le linkEvent
			if err := rows.Scan(&le.uid, &le.date, &le.place, &le.src, &le.tgt, &le.doc, &le.id, &le.root); err != nil {
				rows.Close()
				return err
			}
			le.typ = d.typ
			oldRoots[le.root] = true
			evs = append(evs, link.Event{ID: le.uid, Date: le.date, Place: le.place})
			lev = append(lev, le)
		}
		rows.Close()
		roots := make([]string, 0, len(oldRoots))
		for r := range oldRoots {
			roots = append(roots, r)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM clusters WHERE root = ANY($1)`, roots); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM event_keys WHERE type = $1 AND ((source = $2 AND target = $3) OR ($4 AND source = $3 AND target = $2))`,
			d.typ, d.a, d.b, sym); err != nil {
			return err
		}
		comp := link.Components(evs)
		size := map[string]int{}
		for _, c := range comp {
			size[c]++
		}
		for _, e := range lev {
			c := comp[e.uid]
			if _, err := tx.Exec(ctx, `UPDATE events SET cluster = $1 WHERE doc_id = $2 AND event_id = $3`, c, e.doc, e.id); err != nil {
				return err
			}
			if e.date != "" {
				if _, err := tx.Exec(ctx, `INSERT INTO event_keys VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, e.typ, e.src, e.tgt, e.date, e.place, c); err != nil {
					return err
				}
			}
		}
		for c, n := range size {
			if _, err := tx.Exec(ctx, `INSERT INTO clusters VALUES ($1, $1, $2) ON CONFLICT (root) DO UPDATE SET id = $1, size = $2`, c, n); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO dyad_clusters VALUES ($1, $2, $3, $4) ON CONFLICT (type, source, target) DO UPDATE SET n = $4`,
			d.typ, d.a, d.b, len(size)); err != nil {
			return err
		}
	}
	return nil
}

// Stale calls fn with each document whose extractor version differs from version.
func (s *DB) Stale(ctx context.Context, version string, fn func(store.Stale) error) error {
	var last int64
	for {
		rows, err := s.pool.Query(ctx, `SELECT id, source, url, title, published, language, partial, body FROM documents
			WHERE extractor_version <> $1 AND id > $2 ORDER BY id LIMIT 256`, version, last)
		if err != nil {
			return err
		}
		var page []store.Stale
		for rows.Next() {
			var st store.Stale
			var pub *string
			if err := rows.Scan(&st.ID, &st.Doc.Source, &st.Doc.URL, &st.Doc.Title, &pub, &st.Doc.Language, &st.Doc.Partial, &st.Doc.Text); err != nil {
				rows.Close()
				return err
			}
			st.Doc.Published = pub
			page = append(page, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, st := range page {
			if err := fn(st); err != nil {
				return err
			}
		}
		last = page[len(page)-1].ID
	}
}

// FeedState returns what watch remembers of a feed.
func (s *DB) FeedState(ctx context.Context, u string) (store.FeedState, error) {
	st := store.FeedState{URL: u}
	var next *time.Time
	err := s.pool.QueryRow(ctx, `SELECT etag, last_modified, failures, next_poll FROM feeds WHERE url = $1`, u).
		Scan(&st.ETag, &st.LastModified, &st.Failures, &next)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	}
	if next != nil {
		st.NextPoll = next.UTC()
	}
	return st, err
}

// SetFeedState saves what watch learned of a feed.
func (s *DB) SetFeedState(ctx context.Context, st store.FeedState) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO UPDATE
		SET etag = $2, last_modified = $3, failures = $4, next_poll = $5`, st.URL, st.ETag, st.LastModified, st.Failures, st.NextPoll)
	return err
}
