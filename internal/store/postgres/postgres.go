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
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// poolConns is the default size of the connection pool.
const poolConns = 16

// DB is a store in a PostgreSQL database.
type DB struct {
	pool     *pgxpool.Pool
	clusters store.ClusterCache
}

var _ store.Store = (*DB)(nil)

// Open connects to the database a postgres:// URL names and brings its schema up to date.
// Concurrent Opens migrate one at a time.
//
// The pool holds up to poolConns connections unless the URL sets pool_max_conns: pgx's
// default of four (on a small machine) lets one slow query, a search, hold up the quick reads
// queued behind it, which at 200 requests a second is most of the tail.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = poolConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
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
	for i := range entries {
		store.Clean(&entries[i]) // PostgreSQL refuses NUL in text
	}
	out := make([]store.Outcome, len(entries))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var rows tableRows
		var w store.Written
		for i, e := range entries {
			hash, u := store.Key(e.Doc)
			var id int64
			err := tx.QueryRow(ctx, `INSERT INTO documents (content_hash, url, source, title, published, dateline, language, partial,
				body, facets, extractor_version, uid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
				ON CONFLICT (content_hash, url) DO NOTHING RETURNING id`,
				hash, u, e.Doc.Source, e.Doc.Title, nullable(e.Doc.Published), e.Extraction.Document.Dateline, e.Doc.Language,
				e.Doc.Partial, e.Doc.Text, store.Facets(e), e.Version, store.UID(hash, u)).Scan(&id)
			if errors.Is(err, pgx.ErrNoRows) {
				out[i] = store.Unchanged
				continue
			}
			if err != nil {
				return fmt.Errorf("document %s: %w", e.Doc.Source, err)
			}
			out[i] = store.Inserted
			rows.add(id, e)
			w.Add(id, e.Extraction)
			w.Counts["documents"]++
		}
		// Linking runs before the events are written, so that each row carries its cluster.
		dyads := map[dyad]int{}
		if err := linkEvents(ctx, tx, rows.linked, dyads); err != nil {
			return err
		}
		rows.placeEvents()
		if err := rows.copy(ctx, tx); err != nil {
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

// explain says what to do about errors a user can fix, and marks those that belong to what a
// document holds with store.ErrRejected.
func explain(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" {
		return fmt.Errorf("the database server's disk is full; free some space and run the same command again (nothing was half written): %w", err)
	}
	if Rejected(err) {
		return fmt.Errorf("%w: %w", store.ErrRejected, err)
	}
	return err
}

// tableRows gathers a batch's records, so that each table takes one COPY for the batch, and
// the batch's events for linking.
type tableRows struct {
	ents, evs, sts, qs [][]any
	linked             []linkEvent
}

// add gathers a document's records.
func (t *tableRows) add(id int64, e store.Entry) {
	x, v := e.Extraction, e.Version
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
		// The cluster, link_key and mention columns are those of an event alone until linking
		// places it.
		t.evs = append(t.evs, []any{id, ev.ID, ev.Type, ev.Mode, strings.Join(ev.Contexts, ";"), ev.Source.Actor, ev.Source.Entity,
			ev.Target.Actor, ev.Target.Entity, nullable(ev.Date), ev.DateInferred, ev.Location, ev.Trigger, ev.Evidence.Start,
			ev.Evidence.End, ev.Confidence, v, uid, uid, store.PlaceJSON(ev.Place), "", false})
		t.linked = append(t.linked, linkEvent{Event: link.EventOf(uid, ev, x.Statistics, deref(e.Doc.Published))})
	}
	for _, st := range x.Statistics {
		t.sts = append(t.sts, []any{id, st.ID, st.Kind, st.Value, st.Bound, st.Category, st.Unit, st.Subject, st.Country, nullable(st.Period),
			st.Source, st.Qualifier, st.PartOf, st.Span.Start, st.Span.End, st.Evidence.Start, st.Evidence.End, v, store.PlaceJSON(st.Place)})
	}
	for _, q := range x.Quotes {
		b, _ := json.Marshal(q.Spans)
		t.qs = append(t.qs, []any{id, q.ID, q.Speaker.Name, q.Speaker.Entity, q.Text, nullable(q.Date), string(b), q.Evidence.Start, q.Evidence.End, v})
	}
}

// The positions of the columns that linking fills in an event row (see copy's column list).
const (
	evCluster = 18
	evLinkKey = 20
	evMention = 21
)

// placeEvents gives the event rows the cluster root, key and role that linking gave them.
func (t *tableRows) placeEvents() {
	for i, e := range t.linked {
		row := t.evs[i]
		row[evCluster], row[evLinkKey], row[evMention] = e.place.Root, e.place.Key, e.place.Mention
	}
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
			"date", "date_inferred", "location", "trigger", "ev_start", "ev_end", "confidence", "version", "uid", "cluster", "place", "link_key", "mention"}, t.evs},
		{"statistics", []string{"doc_id", "stat_id", "kind", "value", "bound", "category", "unit", "subject", "country", "period",
			"claimed_source", "qualifier", "part_of", "span_start", "span_end", "ev_start", "ev_end", "version", "place"}, t.sts},
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
		old, stale, err := dyadsOf(ctx, tx, ids)
		if err != nil {
			return err
		}
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
			fresh.add(ids[i], e)
			w.Add(ids[i], e.Extraction)
		}
		if err := fresh.copy(ctx, tx); err != nil {
			return err
		}
		// Removing events can split clusters, so the dyads they touched are linked afresh.
		for _, e := range fresh.linked {
			old[dyadOf(e.Type, e.Source, e.Target)] = true
		}
		if err := relink(ctx, tx, old, stale); err != nil {
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

// Holds says, for each key, whether its document is stored.
func (s *DB) Holds(ctx context.Context, keys []store.DocKey) ([]bool, error) {
	out := make([]bool, len(keys))
	for lo := 0; lo < len(keys); lo += 1000 {
		part := keys[lo:min(lo+1000, len(keys))]
		hashes, urls := make([]string, len(part)), make([]string, len(part))
		for i, k := range part {
			hashes[i], urls[i] = k.Hash, k.URL
		}
		rows, err := s.pool.Query(ctx, `SELECT k.i FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(hash, url, i)
			JOIN documents d ON d.content_hash = k.hash AND d.url = k.url`, hashes, urls)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var i int
			if err := rows.Scan(&i); err != nil {
				rows.Close()
				return nil, err
			}
			out[lo+i-1] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DocumentCount returns the number of stored documents.
func (s *DB) DocumentCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&n)
	return n, err
}
