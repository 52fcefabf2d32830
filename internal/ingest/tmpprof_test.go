package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/alboran/alboran/internal/store/sqlite"
)

func BenchmarkTmpBig(b *testing.B) {
	x := extractor(b)
	for i := 0; i < b.N; i++ {
		db, _ := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		_, err := Run(context.Background(), x, db, Options{Inputs: []string{"/tmp/big10k.jsonl"}})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
