package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/storetest"
	"github.com/alboran/alboran/internal/testcorpus"
)

func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func entries(t testing.TB, docs []record.Document) []store.Entry {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lx)
	out := make([]store.Entry, len(docs))
	for i, d := range docs {
		out[i] = store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version}
	}
	return out
}

func TestMigrationsRecordTheSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	for i := 0; i < 2; i++ { // opening again applies nothing twice
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.SchemaVersion(context.Background())
		if err != nil || v != len(migrations) {
			t.Fatalf("schema version %d (%v), want %d", v, err, len(migrations))
		}
		db.Close()
	}
}

func TestPutIsIdempotent(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	es := entries(t, testcorpus.Generate(20, 1))
	outs, err := db.Put(ctx, es)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != store.Inserted {
			t.Fatalf("entry %d: %v on first put, want Inserted", i, o)
		}
	}
	before, _ := db.Counts(ctx)
	outs, err = db.Put(ctx, es)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != store.Unchanged {
			t.Fatalf("entry %d: %v on second put, want Unchanged", i, o)
		}
	}
	after, _ := db.Counts(ctx)
	for table, n := range before {
		if after[table] != n {
			t.Errorf("%s: %d rows after the second put, %d before", table, after[table], n)
		}
	}
	if before["events"] == 0 || before["statistics"] == 0 || before["entities"] == 0 || before["mentions"] == 0 {
		t.Errorf("records missing after a put: %v", before)
	}
}

func TestSameTextAtAnotherURLIsAnotherDocument(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	d := testcorpus.Generate(1, 2)[0]
	d2 := d
	d2.URL = "https://example.org/a"
	outs, err := db.Put(ctx, entries(t, []record.Document{d, d2}))
	if err != nil || outs[0] != store.Inserted || outs[1] != store.Inserted {
		t.Fatalf("outcomes %v (%v), want both inserted", outs, err)
	}
}

// TestPutIsAllOrNothing fails the second entry of a batch and checks that the first was not
// written either.
func TestPutIsAllOrNothing(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	es := entries(t, testcorpus.Generate(2, 3))
	bad := es[1]
	bad.Extraction.Events = append(bad.Extraction.Events, bad.Extraction.Events...) // duplicate ids
	if len(bad.Extraction.Events) == 0 {
		bad.Extraction.Entities = append(bad.Extraction.Entities, bad.Extraction.Entities...)
	}
	if _, err := db.Put(ctx, []store.Entry{es[0], bad}); err == nil {
		t.Fatal("a batch with a broken entry was stored")
	}
	c, _ := db.Counts(ctx)
	for table, n := range c {
		if n != 0 {
			t.Errorf("%s has %d rows after a failed batch", table, n)
		}
	}
}

func TestSearch(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	docs := testcorpus.Generate(200, 4)
	if _, err := db.Put(ctx, entries(t, docs)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    store.Query
		ok   func(store.Hit) bool
	}{
		{"words", store.Query{Text: "trafficking network"}, func(h store.Hit) bool { return contains(h.Title+" "+h.Text, "trafficking network") }},
		{"actor", store.Query{Text: "rescued", Actor: "GRC"}, func(h store.Hit) bool { return contains(h.Text, "Gree") }},
		{"type", store.Query{EventType: "COERCE"}, func(h store.Hit) bool {
			v, err := db.Document(ctx, h.DocID)
			for _, e := range v.Records.Events {
				if e.Type == "COERCE" {
					return err == nil
				}
			}
			return false
		}},
		{"category", store.Query{Category: "networks_dismantled"}, func(h store.Hit) bool { return contains(h.Text, "networks") }},
		{"dates", store.Query{Text: "migrants", Since: "2020-01-01", Until: "2020-06"}, func(h store.Hit) bool {
			return h.Published >= "2020-01-01" && h.Published <= "2020-06-30"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			for _, h := range hits {
				if !tt.ok(h) {
					t.Errorf("hit %q does not fit the query", h.Title)
				}
			}
		})
	}
	if _, err := db.Search(ctx, store.Query{Text: `!!! ---`}); err == nil {
		t.Error("a query of punctuation only was accepted")
	}
	// FTS5 operators and SQL in a query are searched for as words, never run.
	for _, q := range []string{`network") OR ("x`, `x' OR 1=1; DROP TABLE documents; --`, `NEAR(a b) AND body:*`} {
		if _, err := db.Search(ctx, store.Query{Text: q}); err != nil {
			t.Errorf("query %q failed: %v", q, err)
		}
	}
	if c, _ := db.Counts(ctx); c["documents"] != 200 {
		t.Errorf("%d documents after hostile queries, want 200", c["documents"])
	}
}

var contains = strings.Contains

func TestFiguresAndExport(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if _, err := db.Put(ctx, entries(t, testcorpus.Generate(100, 5))); err != nil {
		t.Fatal(err)
	}
	figs, err := db.Figures(ctx, store.SeriesQuery{Category: "migrants_rescued"})
	if err != nil || len(figs) == 0 {
		t.Fatalf("%d figures (%v)", len(figs), err)
	}
	for _, f := range figs {
		if f.Evidence == "" || !contains(f.Evidence, "rescued") {
			t.Errorf("figure %v has evidence %q", f.Value, f.Evidence)
		}
	}
	c, _ := db.Counts(ctx)
	for _, table := range store.Tables {
		n := int64(0)
		err := db.Export(ctx, table, func(row any) error {
			n++
			if e, ok := row.(store.EventRow); ok && (e.CAMEORoot == "" || e.Evidence == "") {
				t.Errorf("event %s lacks its CAMEO root or evidence", e.EventID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != c[table] {
			t.Errorf("%s: exported %d rows of %d", table, n, c[table])
		}
	}
	if err := db.Export(ctx, "users; DROP TABLE documents", func(any) error { return nil }); err == nil {
		t.Error("an unknown table was exported")
	}
}

func TestReprocessReplacesStaleRecords(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	es := entries(t, testcorpus.Generate(30, 6))
	for i := range es {
		es[i].Version = "0.0.1"
		es[i].Extraction.Events = nil
	}
	if _, err := db.Put(ctx, es); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	var fresh []store.Entry
	err := db.Stale(ctx, extract.Version, func(s store.Stale) error {
		ids = append(ids, s.ID)
		fresh = append(fresh, entries(t, []record.Document{s.Doc})...)
		return nil
	})
	if err != nil || len(ids) != 30 {
		t.Fatalf("%d stale documents (%v), want 30", len(ids), err)
	}
	if err := db.Replace(ctx, ids, fresh); err != nil {
		t.Fatal(err)
	}
	n := 0
	db.Stale(ctx, extract.Version, func(store.Stale) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d documents still stale after replace", n)
	}
	c, _ := db.Counts(ctx)
	if c["events"] == 0 {
		t.Error("replace did not write the new events")
	}
}

func TestFeedState(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	st, err := db.FeedState(ctx, "https://example.org/feed")
	if err != nil || st.ETag != "" || !st.NextPoll.IsZero() {
		t.Fatalf("new feed state %+v (%v)", st, err)
	}
	want := store.FeedState{URL: "https://example.org/feed", ETag: `"abc"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT", Failures: 2,
		NextPoll: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := db.SetFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, _ := db.FeedState(ctx, want.URL)
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestLockedDatabaseSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	a, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	tx, err := a.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO feeds (url) VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	b, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.db.Exec(`PRAGMA busy_timeout = 50`)
	_, err = b.Put(context.Background(), entries(t, testcorpus.Generate(1, 8)))
	if !errors.Is(err, store.ErrLocked) {
		t.Errorf("got %v, want ErrLocked", err)
	}
}

func TestDateCover(t *testing.T) {
	tests := []struct {
		since, until string
		want         string
	}{
		{"2021", "2021", "y2021"},
		{"2021-01-01", "2022-02", "y2021 m202201 m202202"},
		{"2021-03-30", "2021-05-02", "d20210330 d20210331 m202104 d20210501 d20210502"},
		{"2021-02", "2021-02-28", "m202102"},
		{"2021-05-01", "2021-04-30", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(store.DateCover(tt.since, tt.until), " "); got != tt.want {
			t.Errorf("store.DateCover(%s, %s) = %q, want %q", tt.since, tt.until, got, tt.want)
		}
	}
	if n := len(store.DateCover("", "2020-06-30")); n != 120+6 {
		t.Errorf("an open lower bound gave %d tokens, want years from 1900 and six months", n)
	}
}

// TestFullDiskSaysSoAndWritesNothing fills the database to a page limit, which SQLite reports
// exactly as a full disk, and checks the message and that the batch left nothing behind.
func TestFullDiskSaysSoAndWritesNothing(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if _, err := db.Put(ctx, entries(t, testcorpus.Generate(5, 12))); err != nil {
		t.Fatal(err)
	}
	before, _ := db.Counts(ctx)
	db.db.SetMaxOpenConns(1) // the page limit is set on the one connection
	var pages int64
	if err := db.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	_, err := db.Put(ctx, entries(t, testcorpus.Generate(400, 13)))
	if err == nil || !strings.Contains(err.Error(), "the disk is full") {
		t.Fatalf("got %v, want a full-disk message", err)
	}
	after, _ := db.Counts(ctx)
	for table, n := range before {
		if after[table] != n {
			t.Errorf("%s: %d rows after the failed batch, %d before", table, after[table], n)
		}
	}
}

// TestSearchFindsOtherForms checks that a word finds its inflected forms, which the index
// keeps unstemmed, and that a quoted phrase finds itself only, in its order.
func TestSearchFindsOtherForms(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	pub := "2021-04-14"
	docs := []record.Document{
		{Source: "a.txt", Title: "Networks", Published: &pub, Text: "Police dismantled two trafficking networks near the EU border."},
		{Source: "b.txt", Title: "Rescue", Published: &pub, Text: "The coast guard was rescuing 40 people off Lesbos."},
	}
	if _, err := db.Put(ctx, entries(t, docs)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"trafficked network", []string{"a.txt"}},
		{"dismantling", []string{"a.txt"}},
		{"rescued", []string{"b.txt"}},
		{"EU", []string{"a.txt"}},
		{`"trafficking network"`, nil},
		{`"Trafficking networks"`, []string{"a.txt"}},
		{`"networks trafficking"`, nil}, // the words, not the phrase
		{`coast "coast guard" rescue`, []string{"b.txt"}},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, store.Query{Text: tt.text})
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Source)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q found %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestPutLeavesForeignKeysOn checks that the connection a Put took, with foreign keys off for
// its transaction, goes back to the pool with them on.
func TestPutLeavesForeignKeysOn(t *testing.T) {
	db := open(t)
	db.db.SetMaxOpenConns(1) // the one connection Put used is the one asked below
	if _, err := db.Put(context.Background(), entries(t, testcorpus.Generate(3, 5))); err != nil {
		t.Fatal(err)
	}
	var on int
	if err := db.db.QueryRow(`PRAGMA foreign_keys`).Scan(&on); err != nil {
		t.Fatal(err)
	}
	if on != 1 {
		t.Errorf("foreign_keys = %d after Put, want 1", on)
	}
}

// TestMigration8AddsFacetsToOldReports builds a store as it was before migration 8 (its
// indexes, no surname or figure-country tokens), opens it again, and checks that people,
// organizations and a country's figures are found as in a store ingested afresh.
func TestMigration8AddsFacetsToOldReports(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(ctx, entries(t, testcorpus.Generate(300, 8))); err != nil {
		t.Fatal(err)
	}
	type found struct {
		people, orgs int
		figures      int
	}
	look := func(db *DB) found {
		var f found
		for _, name := range []string{"Omar Haddad", "Garcia", "Rossi"} {
			ms, err := db.EntityMentions(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			f.people += len(ms)
		}
		for _, code := range []string{"UNHCR", "GRC", "MAR"} {
			ms, err := db.EntityMentions(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			f.orgs += len(ms)
		}
		figs, err := db.Figures(ctx, store.SeriesQuery{Category: "migrants_rescued", Country: "GRC", NoEvidence: true})
		if err != nil {
			t.Fatal(err)
		}
		f.figures = len(figs)
		return f
	}
	want := look(db)
	if want.people == 0 || want.orgs == 0 || want.figures == 0 {
		t.Fatalf("the fresh store finds too little to compare: %+v", want)
	}

	// Back to schema 7: the old indexes, and facets without the new tokens.
	toSchema9(t, db)
	rows, err := db.db.QueryContext(ctx, `SELECT id, facets FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	old := map[int64]string{}
	for rows.Next() {
		var id int64
		var facets string
		if err := rows.Scan(&id, &facets); err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, tok := range strings.Fields(facets) {
			if !strings.HasPrefix(tok, "sn") && !strings.HasPrefix(tok, "sc") {
				keep = append(keep, tok)
			}
		}
		old[id] = strings.Join(keep, " ")
	}
	rows.Close()
	for id, facets := range old {
		if _, err := db.db.ExecContext(ctx, `UPDATE documents SET facets = ? WHERE id = ?`, facets, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`,
		`CREATE INDEX entities_surname ON entities (surname) WHERE type = 'person'`,
		`CREATE INDEX entities_code ON entities (code) WHERE type <> 'person'`,
		`CREATE INDEX statistics_series ON statistics (category, country, doc_id) WHERE category <> 'other' AND kind = 'count' AND part_of = ''`,
		// Migrations after 8 are undone too, so that 8 and those after it run again.
		`ALTER TABLE events DROP COLUMN place`,
		`ALTER TABLE statistics DROP COLUMN place`,
		`DELETE FROM schema_migrations WHERE version >= 8`,
	} {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	// People are found through migration 11's counts now; figures still through the tokens.
	if figs, err := db.Figures(ctx, store.SeriesQuery{Category: "migrants_rescued", Country: "GRC", NoEvidence: true}); err != nil || len(figs) != 0 {
		t.Fatalf("without the tokens the store still finds %d figures (%v)", len(figs), err)
	}
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := look(db); got != want {
		t.Errorf("after migration 8 the store finds %+v, want %+v as ingested afresh", got, want)
	}
}

// TestSearchWhileWriting searches and writes at once (run it with -race): what the store
// remembers of the words its index holds is forgotten by writes while searches read it.
func TestSearchWhileWriting(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "sw.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	es := entries(t, testcorpus.Generate(60, 21))
	if _, err := db.Put(ctx, es[:20]); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if _, err := db.Search(ctx, store.Query{Text: "migrants rescued boats"}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for i := 20; i < 60; i += 4 {
		if _, err := db.Put(ctx, es[i:i+4]); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}

// TestMigration12BackfillsUIDs takes a store back to before migration 12 (no stable ids in
// documents), opens it again, and checks that every document is found by its stable id.
func TestMigration12BackfillsUIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	es := entries(t, testcorpus.Generate(40, 4))
	if _, err := db.Put(ctx, es); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP INDEX documents_uid`, `ALTER TABLE documents DROP COLUMN uid`, `DROP INDEX event_keys_date`, `DROP INDEX event_keys_type`,
		`DELETE FROM schema_migrations WHERE version >= 12`} {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckStableIDs(t, db, es)
}
