package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/storetest"
	"github.com/alboran/alboran/internal/testcorpus"
)

func ingestInBatches(t *testing.T, db *DB, docs []record.Document, size int) {
	t.Helper()
	es := entries(t, docs)
	for i := 0; i < len(es); i += size {
		if _, err := db.Put(context.Background(), es[i:min(i+size, len(es))]); err != nil {
			t.Fatal(err)
		}
	}
}

func clusterMap(t *testing.T, db *DB) map[string]string {
	t.Helper()
	rows, err := db.db.Query(`SELECT e.uid, k.id FROM events e JOIN clusters k ON k.root = e.cluster`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, c string
		rows.Scan(&u, &c)
		out[u] = c
	}
	return out
}

// TestLinkedCorpus ingests a generated corpus with known ground truth (events told by several
// reports in different words, conflicting and rounded figures, namesakes) in two orders, and
// checks the clusters, the claims and the people.
func TestLinkedCorpus(t *testing.T) {
	docs, truth := testcorpus.Linked(70, 1)
	if len(docs) < 200 {
		t.Fatalf("only %d reports", len(docs))
	}
	ctx := context.Background()
	db := open(t)
	ingestInBatches(t, db, docs, 37)

	// The same reports in reverse order, in other batches, give the same clusters.
	rev := append([]record.Document(nil), docs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	db2, err := Open(ctx, filepath.Join(t.TempDir(), "rev.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	ingestInBatches(t, db2, rev, 11)
	if a, b := clusterMap(t, db), clusterMap(t, db2); !reflect.DeepEqual(a, b) {
		t.Errorf("the clusters depend on the order of ingest (%d and %d events)", len(a), len(b))
	}
	checkStore(t, db)
	checkStore(t, db2)

	// Purity and completeness of the clusters against the real events.
	cs, err := db.Clusters(ctx, store.ClusterQuery{})
	if err != nil {
		t.Fatal(err)
	}
	type cell struct{ cluster, real string }
	n := 0
	joint := map[cell]int{}
	for _, c := range cs {
		for _, m := range c.Mentions {
			real, ok := truth.Events[m.DocSource+"|"+m.Type+"|"+m.Source+"|"+m.Target]
			if !ok {
				continue // an event the truth does not speak of
			}
			n++
			joint[cell{c.ID, real}]++
		}
	}
	bestOf := func(byCluster bool) float64 {
		best := map[string]int{}
		for k, v := range joint {
			key := k.real
			if byCluster {
				key = k.cluster
			}
			best[key] = max(best[key], v)
		}
		sum := 0
		for _, v := range best {
			sum += v
		}
		return float64(sum) / float64(n)
	}
	purity, completeness := bestOf(true), bestOf(false)
	t.Logf("%d reports, %d labelled event mentions, %d clusters: purity %.3f, completeness %.3f", len(docs), n, len(cs), purity, completeness)
	if n < 150 || purity < 0.95 || completeness < 0.95 {
		t.Errorf("purity %.3f and completeness %.3f over %d mentions, want both at least 0.95", purity, completeness, n)
	}

	// Every planted conflict is found; rounded and repeated figures are not conflicts.
	figs, err := db.Figures(ctx, store.SeriesQuery{})
	if err != nil {
		t.Fatal(err)
	}
	conflicts := map[string]bool{}
	for _, c := range link.Claims(figs) {
		if c.Conflict {
			conflicts[c.Category+"|"+c.Country+"|"+c.Period] = true
		}
	}
	for _, s := range truth.Conflicts {
		if !conflicts[s] {
			t.Errorf("planted conflict %s not found", s)
		}
	}
	for _, s := range truth.Agreeing {
		if conflicts[s] {
			t.Errorf("agreeing figures of %s flagged as a conflict", s)
		}
	}

	// Namesakes stay apart; a surname alone joins the one person of its country.
	for _, pair := range truth.Namesakes {
		ms, err := db.EntityMentions(ctx, pair[0])
		if err != nil {
			t.Fatal(err)
		}
		found := [2]bool{}
		for _, e := range link.Entities(ms) {
			names := strings.Join(e.Names, "|")
			if contains(names, pair[0]) && contains(names, pair[1]) {
				t.Errorf("namesakes %s and %s merged", pair[0], pair[1])
			}
			found[0] = found[0] || contains(names, pair[0])
			found[1] = found[1] || contains(names, pair[1])
			// The report that names only the surname, with the country of the first, joins it.
			surname := strings.Fields(pair[0])[1]
			if contains(names, pair[0]) && !contains("|"+names+"|", "|"+surname+"|") {
				t.Errorf("%s was not joined by %q alone: %v", pair[0], surname, e.Names)
			}
		}
		if !found[0] || !found[1] {
			t.Errorf("namesakes %v: found %v", pair, found)
		}
	}
}

// TestReprocessKeepsClusters re-extracts every document of a linked corpus and checks that
// the clusters are those of a fresh ingest.
func TestReprocessKeepsClusters(t *testing.T) {
	docs, _ := testcorpus.Linked(20, 3)
	ctx := context.Background()
	fresh := open(t)
	ingestInBatches(t, fresh, docs, 25)
	db := open(t)
	es := entries(t, docs)
	for i := range es {
		es[i].Version = "0.0.1" // stale: every document will be re-extracted
		if i%2 == 0 {
			es[i].Extraction.Events = nil // and half of them gain their events only then
		}
	}
	for i := 0; i < len(es); i += 25 {
		if _, err := db.Put(ctx, es[i:min(i+25, len(es))]); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	var again []store.Entry
	if err := db.Stale(ctx, "0.1.0-test", func(s store.Stale) error {
		ids = append(ids, s.ID)
		again = append(again, entries(t, []record.Document{s.Doc})...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ids); i += 10 {
		j := min(i+10, len(ids))
		if err := db.Replace(ctx, ids[i:j], again[i:j]); err != nil {
			t.Fatal(err)
		}
	}
	if a, b := clusterMap(t, fresh), clusterMap(t, db); !reflect.DeepEqual(a, b) || len(a) == 0 {
		t.Errorf("clusters after reprocess differ from a fresh ingest (%d and %d events)", len(a), len(b))
	}
	checkStore(t, db)
	var stale int
	db.db.QueryRow(`SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.root)`).Scan(&stale)
	if stale != 0 {
		t.Errorf("%d clusters rows that no event holds after reprocess", stale)
	}
}

// TestCopiesInOneBatchLinkAsOneByOne stores copies of reports (the same events, other URLs)
// in one batch and one at a time: the clusters must be the same. A copy of a day joins its
// original; a copy dated by a long interval, which dates no one act, stays on its own.
func TestCopiesInOneBatchLinkAsOneByOne(t *testing.T) {
	day, span := "2021-04-14", "2021-01-01/2021-06-30"
	var es []store.Entry
	for i := 0; i < 6; i++ {
		date := &day
		if i%2 == 1 {
			date = &span
		}
		pub := "2021-04-15"
		es = append(es, store.Entry{
			Doc: record.Document{Source: fmt.Sprintf("copy-%d.txt", i), URL: fmt.Sprintf("https://example.org/%d", i),
				Title: "Copy", Published: &pub, Text: fmt.Sprintf("Morocco and Spain met. (%d)", i/2)},
			Extraction: record.Extraction{Events: []record.Event{{ID: "v1", Type: "CONSULT",
				Source: record.Actor{Actor: "MAR"}, Target: record.Actor{Actor: "ESP"}, Date: date}}},
			Version: "test",
		})
	}
	ctx := context.Background()
	one, each := open(t), open(t)
	if _, err := one.Put(ctx, es); err != nil {
		t.Fatal(err)
	}
	for i := range es {
		if _, err := each.Put(ctx, es[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	a, b := clusterMap(t, one), clusterMap(t, each)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("one batch: %v\none at a time: %v", a, b)
	}
	ids := map[string]bool{}
	for _, id := range b {
		ids[id] = true
	}
	if len(b) != 6 || len(ids) != 4 { // the three days together, each interval alone
		t.Errorf("%d events in %d clusters, want 6 in 4: %v", len(b), len(ids), b)
	}
}

// BenchmarkLinkLongIntervals stores 4,000 copies of a report whose events are dated by a
// long interval, which links to nothing, and by a day inside it. Linking must not read the
// keys of every earlier copy for each new one: the throughput stays flat as copies pile up.
func BenchmarkLinkLongIntervals(b *testing.B) {
	day, span := "2021-04-14", "2021-01-01/2021-06-30"
	var es []store.Entry
	for i := 0; i < 4000; i++ {
		es = append(es, store.Entry{
			Doc: record.Document{Source: fmt.Sprintf("copy-%d.txt", i), URL: fmt.Sprintf("https://example.org/%d", i),
				Title: "Copy", Text: "Morocco and Spain met."},
			Extraction: record.Extraction{Events: []record.Event{
				{ID: "v1", Type: "CONSULT", Source: record.Actor{Actor: "MAR"}, Target: record.Actor{Actor: "ESP"}, Date: &span},
				{ID: "v2", Type: "CONSULT", Source: record.Actor{Actor: "MAR"}, Target: record.Actor{Actor: "ESP"}, Date: &day},
			}},
			Version: "test",
		})
	}
	for i := 0; i < b.N; i++ {
		db, err := Open(context.Background(), filepath.Join(b.TempDir(), "l.db"))
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < len(es); k += 256 {
			if _, err := db.Put(context.Background(), es[k:min(k+256, len(es))]); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
	}
	b.ReportMetric(float64(len(es)*b.N)/b.Elapsed().Seconds(), "reports/s")
}

// toSchema9 takes a store back to schema 9, before migration 10: event_keys of (dyad, date,
// place) and no key or role on events, with the clusters that single-link chaining made at
// worst: every event of a dyad in one cluster.
func toSchema9(t *testing.T, db *DB) {
	t.Helper()
	toSchema10(t, db)
	for _, q := range []string{
		`DROP TABLE event_keys`,
		`CREATE TABLE event_keys (type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, date TEXT NOT NULL,
			location TEXT NOT NULL, root TEXT NOT NULL, PRIMARY KEY (type, source, target, date, location, root)) WITHOUT ROWID`,
		`CREATE INDEX event_keys_root ON event_keys (root)`,
		`CREATE INDEX event_keys_pair ON event_keys (source, target, date)`,
		`CREATE INDEX event_keys_target ON event_keys (target, date)`,
		`ALTER TABLE events DROP COLUMN link_key`,
		`ALTER TABLE events DROP COLUMN mention`,
		`UPDATE events SET cluster = (SELECT min(x.uid) FROM events x WHERE x.type = events.type
			AND x.source_actor = events.source_actor AND x.target_actor = events.target_actor)`,
		`DELETE FROM clusters`,
		`INSERT INTO clusters SELECT cluster, cluster, count(*) FROM events GROUP BY cluster`,
		`INSERT OR IGNORE INTO event_keys SELECT type, source_actor, target_actor, date, location, cluster FROM events WHERE date IS NOT NULL`,
		`DELETE FROM schema_migrations WHERE version = 10`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// toSchema10 takes a store back to schema 10, before migration 11: no aggregates.
func toSchema10(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		`DROP TABLE totals`, `DROP TABLE dyad_clusters`, `DROP TABLE claim_values`, `DROP TABLE claim_docs`,
		`DROP TABLE claim_conflicts`, `DROP TABLE entity_names`, `DROP INDEX quotes_speaker`, `DROP INDEX event_keys_source`,
		`DELETE FROM schema_migrations WHERE version = 11`,
		// Migrations after 11 are undone too, so that they run again.
		`DROP INDEX documents_uid`, `ALTER TABLE documents DROP COLUMN uid`, `DROP INDEX event_keys_date`, `DROP INDEX event_keys_type`,
		`DELETE FROM schema_migrations WHERE version >= 12`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigration11Backfills takes a store back to schema 10 and checks that migration 11
// counts what every write keeps from the rows.
func TestMigration11Backfills(t *testing.T) {
	ctx := context.Background()
	docs, _ := testcorpus.Linked(25, 3)
	docs = append(docs, testcorpus.Generate(120, 8)...)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingestInBatches(t, db, docs, 40)
	toSchema10(t, db)
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("schema version %d (%v), want %d", v, err, len(migrations))
	}
	storetest.CheckAggregates(t, db, "after migration 11")
}

// TestMigration10Relinks takes a store back to the chained clusters of schema 9 and checks
// that migration 10 gives the clusters of a fresh ingest.
func TestMigration10Relinks(t *testing.T) {
	docs, _ := testcorpus.Linked(30, 5)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ingestInBatches(t, db, docs, 40)
	want := clusterMap(t, db)
	toSchema9(t, db)
	if got := clusterMap(t, db); reflect.DeepEqual(got, want) {
		t.Fatal("schema 9's chained clusters are those of schema 10: the test tests nothing")
	}
	db.Close()
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := clusterMap(t, db); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("after migration 10: %d events in other clusters than a fresh ingest's", len(diff(got, want)))
	}
	checkStore(t, db)
	storetest.CheckDyads(t, db, "after migrations 10 and 11")
}

func diff(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if b[k] != v {
			out = append(out, k)
		}
	}
	return out
}

// checkStore checks what linking keeps against the events: each event holds its key's root,
// each key counts its events, and each cluster row's id and size are those of its events.
func checkStore(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []struct{ what, sql string }{
		{"events whose root is not their key's", `SELECT count(*) FROM events e JOIN event_keys k ON k.id = e.link_key WHERE k.root <> e.cluster`},
		{"events whose key is missing", `SELECT count(*) FROM events e WHERE e.link_key <> '' AND NOT EXISTS (SELECT 1 FROM event_keys k WHERE k.id = e.link_key)`},
		{"keys that miscount their events", `SELECT count(*) FROM event_keys k WHERE k.n <> (SELECT count(*) FROM events e WHERE e.link_key = k.id)
			OR k.first_uid <> (SELECT min(uid) FROM events e WHERE e.link_key = k.id)`},
		{"clusters of the wrong size", `SELECT count(*) FROM clusters c WHERE c.size <> (SELECT count(*) FROM events e WHERE e.cluster = c.root)`},
		{"events without a clusters row", `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.root = e.cluster)`},
		{"clusters whose id is not their least member's", `SELECT count(*) FROM clusters c WHERE c.id <> coalesce(
			(SELECT min(uid) FROM events e WHERE e.cluster = c.root AND NOT e.mention), (SELECT min(uid) FROM events e WHERE e.cluster = c.root))`},
	} {
		var n int
		if err := db.db.QueryRow(q.sql).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q.what, err)
		}
		if n != 0 {
			t.Errorf("%d %s", n, q.what)
		}
	}
}

// BenchmarkLinkDenseDyad stores 4,000 reports of one busy dyad, as the Channel crossings of
// 2020 were: each tells of a day's detentions in a year (distinct figures, so distinct keys),
// and one in four also gives the running total for the year (a mention). Every new key
// regroups the days around it and points again the year's mentions of its act: the cost of
// linking where it is highest, with and without it.
func BenchmarkLinkDenseDyad(b *testing.B) {
	r := rand.New(rand.NewPCG(4, 4))
	year := "2020"
	var es []store.Entry
	for i := 0; i < 4000; i++ {
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(366)).Format(time.DateOnly)
		evs := []record.Event{{ID: "v1", Type: "COERCE", Source: record.Actor{Actor: "GBR"}, Target: record.Actor{Actor: "GBR"},
			Date: &day, Trigger: "detained", Evidence: record.Evidence{Start: 0, End: 40}}}
		stats := []record.Statistic{{ID: "s1", Kind: record.KindCount, Value: float64(10 + r.IntN(400)), Category: "migrants_intercepted",
			Evidence: record.Evidence{Start: 0, End: 40}}}
		if i%4 == 0 {
			evs = append(evs, record.Event{ID: "v2", Type: "COERCE", Source: record.Actor{Actor: "GBR"}, Target: record.Actor{Actor: "GBR"},
				Date: &year, Trigger: "intercepted", Evidence: record.Evidence{Start: 41, End: 90}})
			stats = append(stats, record.Statistic{ID: "s2", Kind: record.KindCount, Value: float64(1000 + i), Category: "migrants_intercepted",
				Evidence: record.Evidence{Start: 41, End: 90}})
		}
		es = append(es, store.Entry{
			Doc: record.Document{Source: fmt.Sprintf("dense-%d.txt", i), URL: fmt.Sprintf("https://example.org/dense/%d", i),
				Title: "Crossings", Text: fmt.Sprintf("Border Force detained migrants (%d).", i)},
			Extraction: record.Extraction{Events: evs, Statistics: stats},
			Version:    "test",
		})
	}
	for _, linked := range []bool{true, false} {
		name := "linked"
		if !linked {
			name = "unlinked"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				db, err := Open(context.Background(), filepath.Join(b.TempDir(), "d.db"))
				if err != nil {
					b.Fatal(err)
				}
				db.SetLinking(linked)
				for k := 0; k < len(es); k += 256 {
					if _, err := db.Put(context.Background(), es[k:min(k+256, len(es))]); err != nil {
						b.Fatal(err)
					}
				}
				db.Close()
			}
			b.ReportMetric(float64(len(es)*b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}

// TestMigration14LinksUndated takes a store back to schema 13, where an undated event stayed
// alone, and checks that migration 14 gives the clusters of a fresh ingest.
func TestMigration14LinksUndated(t *testing.T) {
	es := storetest.UndatedEntries(t, 20, 7)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutAll(t, db, es, 25)
	want := clusterMap(t, db)
	for _, q := range append(storetest.BeforeUndated("1"), `DELETE FROM schema_migrations WHERE version = 14`) {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if got := clusterMap(t, db); reflect.DeepEqual(got, want) {
		t.Fatal("schema 13's clusters are those of schema 14: the test tests nothing")
	}
	db.Close()
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := clusterMap(t, db); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("after migration 14: %d events in other clusters than a fresh ingest's", len(diff(got, want)))
	}
	checkStore(t, db)
	storetest.CheckDyads(t, db, "after migration 14")
}
