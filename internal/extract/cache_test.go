package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/syntax"
)

// Extraction through a parse cache gives what extraction without one gives, on first sight
// of a report and on every later one.
func TestParseCacheKeepsOutput(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.txt")
	if len(paths) == 0 {
		t.Fatal("no example reports")
	}
	plain := extractor(t)
	cached := extractor(t)
	cached.Cache = syntax.NewParseCache(10_000)
	for round := 0; round < 2; round++ {
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			d := source.Report(p, raw).Doc
			a, _ := json.Marshal(plain.Extract(d))
			b, _ := json.Marshal(cached.Extract(d))
			if !bytes.Equal(a, b) {
				t.Fatalf("round %d, %s: extraction through the cache differs", round, p)
			}
		}
	}
	if req, hits := cached.Cache.Stats(); req == 0 || hits*2 < req {
		t.Fatalf("the cache answered %d of %d parses; the second round should all be hits", hits, req)
	}
}
