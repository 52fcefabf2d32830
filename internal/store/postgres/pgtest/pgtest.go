// Package pgtest gives tests an empty PostgreSQL database on the server that
// ALBORAN_TEST_POSTGRES names. In CI a missing server is a failure, never a skip: .ci/run
// starts PostgreSQL on loopback and sets the variable.
package pgtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// DSN returns the test server's URL.
func DSN(t testing.TB) string {
	dsn := os.Getenv("ALBORAN_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ALBORAN_TEST_POSTGRES is not set; .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("set ALBORAN_TEST_POSTGRES=postgres://user:pass@127.0.0.1/db to run the PostgreSQL tests")
	}
	return dsn
}

// Fresh creates an empty database on the test server, dropped when the test ends, and returns
// its URL.
func Fresh(t testing.TB) string { return FreshOn(t, DSN(t)) }

// FreshOn creates an empty database on the server base names.
func FreshOn(t testing.TB, base string) string {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connecting to the test PostgreSQL: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("alboran_test_%d", rand.Uint64()>>1)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}
