// Package sqlite is the embedded store: one SQLite file, written through modernc.org/sqlite
// (pure Go, no cgo), in WAL mode. Each Put is one transaction, so a document and all its
// records are committed together or not at all, and a killed ingest leaves nothing half
// written.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// DB is a store in one SQLite file.
type DB struct {
	db       *sql.DB
	path     string
	noLink   bool
	clusters store.ClusterCache
	known    known
}

// SetLinking turns the linking of events across reports on (the default) or off. Off is for
// measuring what linking costs; a store ingested without it has no clusters.
func (s *DB) SetLinking(on bool) { s.noLink = !on }

var _ store.Store = (*DB)(nil)

// Open opens or creates the database at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	// A new file gets 16 KiB pages before anything else touches it: bigger pages mean fewer
	// B-tree splits and page writes on ingest. The page size of an existing file stays.
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := newFile(path); err != nil {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
	}
	// Readers map the file (mmap_size): a write makes every other connection drop its page
	// cache, and reading the pages again through the file costs a system call each, which
	// under a stream of posts took most of a server's time.
	q := url.Values{}
	for _, p := range []string{"busy_timeout(5000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)", "cache_size(-32768)", "wal_autocheckpoint(5000)", "temp_store(MEMORY)", "mmap_size(1073741824)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Connections stay open between requests: a new one starts with an empty page cache and
	// reads the schema again, and database/sql keeps only two idle ones by default. A server
	// answers with a few at a time (pure-Go SQLite is bound by the cores), and the others wait.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &DB{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, s.explain(err))
	}
	return s, nil
}

// maxConns bounds the open connections: enough for reads to overlap a write and each other.
const maxConns = 8

// newFile creates an empty database with 16 KiB pages.
func newFile(path string) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, q := range []string{`PRAGMA page_size = 16384`, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`} {
		if _, err := db.Exec(q); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// SchemaVersion returns the number of migrations applied.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("the database has schema version %d, newer than this binary's %d; upgrade alboran", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if up := upgrades[i+1]; up != nil {
			if err := up(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, ?)`, i+1, now()); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// explain turns SQLite's errors about locks and full disks into messages that say what to do.
func (s *DB) explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY"):
		return fmt.Errorf("%s: %w", s.path, store.ErrLocked)
	case strings.Contains(msg, "disk is full") || strings.Contains(msg, "SQLITE_FULL"):
		return fmt.Errorf("%s: the disk is full; free some space and run the same command again (nothing was half written): %w", s.path, err)
	case strings.Contains(msg, "file is not a database") || strings.Contains(msg, "SQLITE_NOTADB"):
		return fmt.Errorf("%s is not an Alboran database (not SQLite): %w", s.path, err)
	}
	return err
}

// Put writes entries in one transaction. Documents go in one statement each (to learn which
// are new); their records, and the full-text index, go in one statement per table for the
// whole batch.
func (s *DB) Put(ctx context.Context, entries []store.Entry) ([]store.Outcome, error) {
	for i := range entries {
		store.Clean(&entries[i]) // stored the same way as in PostgreSQL
	}
	out := make([]store.Outcome, len(entries))
	err := s.inWriteTx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO documents (content_hash, url, source, title, published, dateline,
			language, partial, body, facets, extractor_version, ingested_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (content_hash, url) DO NOTHING RETURNING id`)
		if err != nil {
			return err
		}
		defer ins.Close()
		var b bulk
		var ids []int64
		var w store.Written
		for i, e := range entries {
			hash, u := store.Key(e.Doc)
			uid := store.UID(hash, u)
			var id int64
			err := ins.QueryRowContext(ctx, hash, u, e.Doc.Source, e.Doc.Title, nullable(e.Doc.Published),
				e.Extraction.Document.Dateline, e.Doc.Language, e.Doc.Partial, e.Doc.Text, strings.Join(store.Facets(e), " "), e.Version, now(), uid).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				out[i] = store.Unchanged
				continue
			}
			if err != nil {
				return fmt.Errorf("document %s: %w", e.Doc.Source, err)
			}
			out[i] = store.Inserted
			ids = append(ids, id)
			b.add(id, uid, e)
			w.Add(id, e.Extraction)
		}
		if len(ids) == 0 {
			return nil
		}
		w.Counts["documents"] = int64(len(ids))
		dyads := map[dyad]int{}
		if !s.noLink {
			if err := linkEvents(ctx, tx, b.linked, dyads); err != nil {
				return err
			}
			b.placeEvents()
		}
		if err := b.write(ctx, tx); err != nil {
			return err
		}
		if err := indexDocs(ctx, tx, ids); err != nil {
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
		return nil, err
	}
	s.known.forget() // new reports may hold forms of words the index did not
	return out, nil
}

// Replace swaps the records of stored documents for new ones made by a newer extractor.
func (s *DB) Replace(ctx context.Context, ids []int64, entries []store.Entry) error {
	if len(ids) != len(entries) {
		return fmt.Errorf("replace: %d ids for %d entries", len(ids), len(entries))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		list := jsonText(ids)
		old, stale, err := dyadsOf(ctx, tx, list)
		if err != nil {
			return err
		}
		// What the documents brought before is taken from the aggregates, what they bring now
		// added.
		oldFigs, err := storedFigures(ctx, tx, list)
		if err != nil {
			return err
		}
		oldTallies, oldMulti := store.Tallies(oldFigs)
		if err := unsample(ctx, tx, oldTallies); err != nil {
			return err
		}
		w := store.Written{}
		if w.Counts, err = storedCounts(ctx, tx, list); err != nil {
			return err
		}
		oldNames, err := storedNames(ctx, tx, list)
		if err != nil {
			return err
		}
		for name := range w.Counts {
			w.Counts[name] = -w.Counts[name]
		}
		for _, t := range []string{"entities", "events", "statistics", "quotes"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id IN (SELECT value FROM json_each(?))`, list); err != nil {
				return err
			}
		}
		// The facets change with the records, so the documents leave the index and come back.
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (documents_fts, rowid, title, body, facets)
			SELECT 'delete', id, title, body, facets FROM documents WHERE id IN (SELECT value FROM json_each(?))`, list); err != nil {
			return err
		}
		var b bulk
		for i, e := range entries {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET extractor_version = ?, dateline = ?, facets = ? WHERE id = ?`,
				e.Version, e.Extraction.Document.Dateline, strings.Join(store.Facets(e), " "), ids[i]); err != nil {
				return err
			}
			b.add(ids[i], store.DocUID(e), e)
			w.Add(ids[i], e.Extraction)
		}
		if err := b.write(ctx, tx); err != nil {
			return err
		}
		// Removing events can split clusters, so the dyads they touched are linked afresh.
		for _, e := range b.linked {
			old[dyadOf(e.Type, e.Source, e.Target)] = true
		}
		if err := relink(ctx, tx, old, stale); err != nil {
			return err
		}
		if err := indexDocs(ctx, tx, ids); err != nil {
			return err
		}
		ts, multi := store.Tallies(w.Figures)
		if err := tallyClaims(ctx, tx, append(store.Negate(oldTallies), ts...), multi, oldMulti); err != nil {
			return err
		}
		if err := addNames(ctx, tx, append(store.NegateNames(store.Names(oldNames)), store.Names(w.Entities)...), ids); err != nil {
			return err
		}
		return addTotals(ctx, tx, w.Counts)
	})
	if err == nil {
		s.clusters.Forget()
		s.known.forget()
	}
	return err
}

// indexDocs adds documents to the full-text index in one statement.
func indexDocs(ctx context.Context, tx *sql.Tx, ids []int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, body, facets)
		SELECT id, title, body, facets FROM documents WHERE id IN (SELECT value FROM json_each(?))`, jsonText(ids))
	return err
}

func (s *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	return s.finish(tx, fn(tx))
}

// inWriteTx runs fn in a transaction that checks no foreign keys. Put gives each record the
// id of a document it has just inserted in the same transaction, so the check guards nothing
// there, and it costs a lookup per record and a statement journal (a copy of each page a
// multi-row INSERT touches) per statement. The pragma holds only outside a transaction, so the
// transaction takes a connection of its own and gives it back with the check on again.
func (s *DB) inWriteTx(ctx context.Context, fn func(*sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return s.explain(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	return s.finish(tx, fn(tx))
}

// finish commits tx, or rolls it back when err is set.
func (s *DB) finish(tx *sql.Tx, err error) error {
	if err != nil {
		tx.Rollback()
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}

// bulk gathers a batch's records, one list of rows per table, so that each table takes a few
// multi-row INSERTs for the whole batch rather than one statement per row.
type bulk struct {
	entities, events, statistics, quotes [][]any
	linked                               []linkEvent
}

// The positions of the columns that linking fills in an event row: its columns are in the
// table's order, as the migrations made it (cluster by migration 3, place by 9, link_key and
// mention by 10).
const (
	eventCluster = 18
	eventLinkKey = 20
	eventMention = 21
)

// add gathers the rows of the document stored as id; docUID is its store.DocUID.
func (b *bulk) add(id int64, docUID string, e store.Entry) {
	x, v := e.Extraction, e.Version
	for _, en := range x.Entities {
		// The spans as JSON, [[start, end], ...], written directly: a report has some thirty.
		spans := []byte{'['}
		for k, m := range en.Mentions {
			if k > 0 {
				spans = append(spans, ',')
			}
			spans = append(strconv.AppendInt(append(strconv.AppendInt(append(spans, '['), int64(m.Start), 10), ','), int64(m.End), 10), ']')
		}
		spans = append(spans, ']')
		b.entities = append(b.entities, []any{id, en.ID, en.Type, en.Name, en.Country, en.Code, strings.Join(en.Titles, "; "), string(spans), v, store.Surname(en)})
	}
	for _, ev := range x.Events {
		uid := docUID + "/" + ev.ID
		// The cluster, link_key and mention columns are those of an event alone until linking
		// places it.
		b.events = append(b.events, []any{id, ev.ID, ev.Type, ev.Mode, strings.Join(ev.Contexts, ";"), ev.Source.Actor,
			ev.Source.Entity, ev.Target.Actor, ev.Target.Entity, nullable(ev.Date), ev.DateInferred, ev.Location, ev.Trigger,
			ev.Evidence.Start, ev.Evidence.End, ev.Confidence, v, uid, uid, store.PlaceJSON(ev.Place), "", false})
		b.linked = append(b.linked, linkEvent{Event: link.EventOf(uid, ev, x.Statistics, deref(e.Doc.Published))})
	}
	for _, st := range x.Statistics {
		b.statistics = append(b.statistics, []any{id, st.ID, st.Kind, st.Value, st.Bound, st.Category, st.Unit, st.Subject,
			st.Country, nullable(st.Period), st.Source, st.Qualifier, st.PartOf, st.Span.Start, st.Span.End, st.Evidence.Start,
			st.Evidence.End, v, store.PlaceJSON(st.Place)})
	}
	for _, q := range x.Quotes {
		spans, _ := json.Marshal(q.Spans)
		b.quotes = append(b.quotes, []any{id, q.ID, q.Speaker.Name, q.Speaker.Entity, q.Text, nullable(q.Date), string(spans),
			q.Evidence.Start, q.Evidence.End, v})
	}
}

// placeEvents gives the event rows the cluster root, key and role that linking gave them.
func (b *bulk) placeEvents() {
	for i, e := range b.linked {
		row := b.events[i]
		row[eventCluster], row[eventLinkKey], row[eventMention] = e.place.Root, e.place.Key, e.place.Mention
	}
}

// write inserts the gathered rows with multi-row INSERT statements: chunks of chunkRows rows
// through one prepared statement per table, then one statement for the rest. OR FAIL, not the
// default OR ABORT: a failed statement fails the whole transaction anyway, and ABORT would make
// SQLite keep a statement journal to undo just the statement.
func (b *bulk) write(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct {
		table string
		rows  [][]any
	}{
		{"entities", b.entities}, {"events", b.events}, {"statistics", b.statistics}, {"quotes", b.quotes},
	} {
		if len(t.rows) == 0 {
			continue
		}
		cols := len(t.rows[0])
		insert := func(n int) string {
			tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
			return `INSERT OR FAIL INTO ` + t.table + ` VALUES ` + strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
		}
		args := make([]any, 0, chunkRows*cols)
		rows := t.rows
		if len(rows) >= chunkRows {
			stmt, err := tx.PrepareContext(ctx, insert(chunkRows))
			if err != nil {
				return fmt.Errorf("%s: %w", t.table, err)
			}
			for ; len(rows) >= chunkRows; rows = rows[chunkRows:] {
				args = args[:0]
				for _, r := range rows[:chunkRows] {
					args = append(args, r...)
				}
				if _, err := stmt.ExecContext(ctx, args...); err != nil {
					stmt.Close()
					return fmt.Errorf("%s: %w", t.table, err)
				}
			}
			stmt.Close()
		}
		if len(rows) > 0 {
			args = args[:0]
			for _, r := range rows {
				args = append(args, r...)
			}
			if _, err := tx.ExecContext(ctx, insert(len(rows)), args...); err != nil {
				return fmt.Errorf("%s: %w", t.table, err)
			}
		}
	}
	return nil
}

// chunkRows is how many rows one INSERT carries; 128 rows of the widest table stay far under
// SQLite's limit of bound parameters.
const chunkRows = 128

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nullable(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// Stale calls fn with each document whose extractor version differs from version, in id order.
// It reads in pages, so fn may write to the store.
func (s *DB) Stale(ctx context.Context, version string, fn func(store.Stale) error) error {
	var last int64
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT id, source, url, title, published, language, partial, body
			FROM documents WHERE extractor_version <> ? AND id > ? ORDER BY id LIMIT 256`, version, last)
		if err != nil {
			return s.explain(err)
		}
		var page []store.Stale
		for rows.Next() {
			var st store.Stale
			var pub sql.NullString
			if err := rows.Scan(&st.ID, &st.Doc.Source, &st.Doc.URL, &st.Doc.Title, &pub, &st.Doc.Language, &st.Doc.Partial, &st.Doc.Text); err != nil {
				rows.Close()
				return err
			}
			if pub.Valid {
				p := pub.String
				st.Doc.Published = &p
			}
			page = append(page, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.explain(err)
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

// FeedState returns what watch remembers of a feed; a feed never polled has a zero state.
func (s *DB) FeedState(ctx context.Context, u string) (store.FeedState, error) {
	st := store.FeedState{URL: u}
	var next string
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, failures, next_poll FROM feeds WHERE url = ?`, u).
		Scan(&st.ETag, &st.LastModified, &st.Failures, &next)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, s.explain(err)
	}
	st.NextPoll, _ = time.Parse(time.RFC3339, next)
	return st, nil
}

// SetFeedState saves what watch learned of a feed.
func (s *DB) SetFeedState(ctx context.Context, st store.FeedState) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, failures, next_poll) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		failures = excluded.failures, next_poll = excluded.next_poll`,
		st.URL, st.ETag, st.LastModified, st.Failures, st.NextPoll.UTC().Format(time.RFC3339))
	return s.explain(err)
}
