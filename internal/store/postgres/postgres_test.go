package postgres

import (
	"context"
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
	clusterMap := func() map[string]string {
		rows, err := db.pool.Query(ctx, `SELECT e.uid, k.id FROM events e JOIN clusters k ON k.root = e.cluster`)
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
	want := clusterMap()
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
	if got := clusterMap(); reflect.DeepEqual(got, want) {
		t.Fatal("schema 2's chained clusters are those of schema 3: the test tests nothing")
	}
	db.Close()
	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := clusterMap(); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("after migration 3 the clusters differ from a fresh ingest's (%d and %d events)", len(got), len(want))
	}
}
