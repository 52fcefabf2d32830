package postgres

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/storetest"
	"github.com/alboran/alboran/internal/testcorpus"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), pgtest.Fresh(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

// TestMigration3Relinks takes a store back to the chained clusters of schema 2 and checks
// that migration 3 gives the clusters of a fresh ingest.
func TestMigration3Relinks(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := testcorpus.Linked(20, 5)
	storetest.PutAll(t, db, storetest.Entries(t, docs), 30)
	want := clusterMap(t, db)
	toSchema3(t, db)
	for _, q := range []string{
		`DROP TABLE event_keys`,
		`CREATE TABLE event_keys (type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, date TEXT NOT NULL,
			location TEXT NOT NULL, root TEXT NOT NULL, PRIMARY KEY (type, source, target, date, location, root))`,
		`ALTER TABLE events DROP COLUMN link_key`,
		`ALTER TABLE events DROP COLUMN mention`,
		`UPDATE events SET cluster = x.root FROM (SELECT type, source_actor, target_actor, min(uid) AS root FROM events
			GROUP BY 1, 2, 3) x WHERE x.type = events.type AND x.source_actor = events.source_actor AND x.target_actor = events.target_actor`,
		`DELETE FROM clusters`,
		`INSERT INTO clusters SELECT cluster, cluster, count(*) FROM events GROUP BY cluster`,
		`INSERT INTO event_keys SELECT DISTINCT type, source_actor, target_actor, date, location, cluster FROM events WHERE date IS NOT NULL`,
		`DELETE FROM schema_migrations WHERE version = 3`,
	} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if got := clusterMap(t, db); reflect.DeepEqual(got, want) {
		t.Fatal("schema 2's chained clusters are those of schema 3: the test tests nothing")
	}
	db.Close()
	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := clusterMap(t, db); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("after migration 3 the clusters differ from a fresh ingest's (%d and %d events)", len(got), len(want))
	}
	storetest.CheckDyads(t, db, "after migrations 3 and 4")
}

// toSchema3 takes a store back to schema 3, before migration 4: no aggregates.
func toSchema3(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		`DROP TABLE totals`, `DROP TABLE dyad_clusters`, `DROP TABLE claim_values`, `DROP TABLE claim_docs`,
		`DROP TABLE claim_conflicts`, `DROP TABLE entity_names`, `DROP INDEX quotes_speaker`, `DROP INDEX event_keys_source`,
		`CREATE INDEX events_cluster ON events (cluster)`, `DROP INDEX events_cluster_doc`,
		`DELETE FROM schema_migrations WHERE version = 4`,
		// Migrations after 4 are undone too, so that they run again.
		`DROP INDEX documents_uid`, `ALTER TABLE documents DROP COLUMN uid`, `DROP INDEX event_keys_date`, `DROP INDEX event_keys_type`,
		`DELETE FROM schema_migrations WHERE version >= 5`,
	} {
		if _, err := db.pool.Exec(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigration4Backfills takes a store back to schema 3 and checks that migration 4 counts
// what every write keeps from the rows.
func TestMigration4Backfills(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := testcorpus.Linked(25, 3)
	docs = append(docs, testcorpus.Generate(120, 8)...)
	storetest.PutAll(t, db, storetest.Entries(t, docs), 40)
	toSchema3(t, db)
	db.Close()
	if db, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("schema version %d (%v), want %d", v, err, len(migrations))
	}
	storetest.CheckAggregates(t, db, "after migration 4")
	// Migration 5 gave every document its stable id.
	storetest.CheckStableIDs(t, db, storetest.Entries(t, docs[:10]))
}

// TestErrorsSayWhose checks that a value PostgreSQL refuses is the document's fault
// (store.ErrRejected), and that a server that cannot be reached is an outage, not a refusal.
func TestErrorsSayWhose(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	es := storetest.Entries(t, testcorpus.Generate(3, 11))
	dup := es[1]
	dup.Extraction.Statistics = append(dup.Extraction.Statistics, dup.Extraction.Statistics...) // duplicate keys: 23505
	if _, err := db.Put(ctx, []store.Entry{es[0], dup}); !errors.Is(err, store.ErrRejected) || Unavailable(err) {
		t.Errorf("duplicate record ids: %v, want a rejection", err)
	}
	if _, err := db.pool.Exec(ctx, `ALTER TABLE documents ADD CONSTRAINT no_poison CHECK (title NOT LIKE 'POISON%')`); err != nil {
		t.Fatal(err)
	}
	poison := es[2]
	poison.Doc.Title = "POISON"
	if _, err := db.Put(ctx, []store.Entry{es[0], poison}); !errors.Is(err, store.ErrRejected) {
		t.Errorf("a broken check constraint: %v, want a rejection", err)
	}
	if outs, err := db.Put(ctx, es[:1]); err != nil || outs[0] != store.Inserted {
		t.Errorf("the batch without them: %v %v", outs, err)
	}
	has, err := db.Holds(ctx, []store.DocKey{keyOf(es[0]), keyOf(es[2]), {Hash: "x"}})
	if err != nil || !has[0] || has[1] || has[2] {
		t.Errorf("holds %v (%v), want [true false false]", has, err)
	}
	if n, err := db.DocumentCount(ctx); n != 1 || err != nil {
		t.Errorf("%d documents (%v)", n, err)
	}

	// Nothing listens on port 1; a wrong password is no outage.
	_, err = Open(ctx, "postgres://alboran:alboran@127.0.0.1:1/alboran?connect_timeout=2")
	if !Unavailable(err) || errors.Is(err, store.ErrRejected) {
		t.Errorf("a refused connection: %v, want unavailable", err)
	}
	u, _ := url.Parse(dsn)
	u.User = url.UserPassword(u.User.Username(), "wrong-password")
	if _, err = Open(ctx, u.String()); err == nil || Unavailable(err) {
		t.Errorf("a wrong password: %v, want an error that is not an outage", err)
	}
}

func keyOf(e store.Entry) store.DocKey {
	h, u := store.Key(e.Doc)
	return store.DocKey{Hash: h, URL: u}
}

// TestMigration7LinksUndated takes a store back to schema 6, where an undated event stayed
// alone, and checks that migration 7 gives the clusters of a fresh ingest.
func TestMigration7LinksUndated(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutAll(t, db, storetest.UndatedEntries(t, 20, 7), 25)
	want := clusterMap(t, db)
	for _, q := range append(storetest.BeforeUndated("true"), `DELETE FROM schema_migrations WHERE version = 7`) {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if got := clusterMap(t, db); reflect.DeepEqual(got, want) {
		t.Fatal("schema 6's clusters are those of schema 7: the test tests nothing")
	}
	db.Close()
	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := clusterMap(t, db); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("after migration 7 the clusters differ from a fresh ingest's (%d and %d events)", len(got), len(want))
	}
	storetest.CheckDyads(t, db, "after migration 7")
}

// clusterMap maps each stored event's uid to its cluster's public id.
func clusterMap(t *testing.T, db *DB) map[string]string {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), `SELECT e.uid, k.id FROM events e JOIN clusters k ON k.root = e.cluster`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, c string
		if err := rows.Scan(&u, &c); err != nil {
			t.Fatal(err)
		}
		out[u] = c
	}
	return out
}
