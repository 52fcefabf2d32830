package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/storetest"
)

// testDSN returns the server the integration tests use, from ALBORAN_TEST_POSTGRES. In CI its
// absence is a failure, never a skip: .ci/run starts PostgreSQL on loopback and sets it.
func testDSN(t testing.TB) string {
	dsn := os.Getenv("ALBORAN_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ALBORAN_TEST_POSTGRES is not set; .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("set ALBORAN_TEST_POSTGRES=postgres://user:pass@127.0.0.1/db to run the PostgreSQL tests")
	}
	return dsn
}

// freshDB creates an empty database on the test server and returns its URL.
func freshDB(t testing.TB) string {
	base := testDSN(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("alboran_test_%d", rand.Int64())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err == nil {
			c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(context.Background(), freshDB(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
