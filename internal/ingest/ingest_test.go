package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
)

func extractor(t testing.TB) *extract.Extractor {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(lx)
}

// reports writes n generated reports and one bad file into a directory.
func reports(t testing.TB, n int) string {
	dir := t.TempDir()
	for i, d := range testcorpus.Generate(n, 3) {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(d.Source)), []byte(testcorpus.Report(d)), 0o644); err != nil {
			t.Fatal(err)
		}
		_ = i
	}
	os.WriteFile(filepath.Join(dir, "zz-empty.txt"), nil, 0o644)
	return dir
}

func TestRunCountsAndIsIdempotent(t *testing.T) {
	dir := reports(t, 120)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	x := extractor(t)
	o := Options{Inputs: []string{dir}, BatchSize: 50}
	sum, err := Run(context.Background(), x, db, o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 120 || sum.Unchanged != 0 || sum.Skipped != 1 || sum.Records == 0 {
		t.Fatalf("first run: %+v", sum)
	}
	var b strings.Builder
	sum.Print(&b)
	if !strings.Contains(b.String(), "skipped 1: empty") {
		t.Errorf("the summary does not give the reason:\n%s", b.String())
	}
	sum, err = Run(context.Background(), x, db, o)
	if err != nil || sum.Ingested != 0 || sum.Unchanged != 120 {
		t.Fatalf("second run: %+v %v", sum, err)
	}
}

// realReports writes n reports as JSON Lines, cycling through the unlabeled real reports
// beside the project (dev-set-sized, about 5 KB each) with a URL each, so that every line is
// a new document; the generated reports stand in when they are missing.
func realReports(b *testing.B, n int) string {
	paths, _ := filepath.Glob("../../../shared/eval/unlabeled/*.txt")
	if len(paths) == 0 {
		return reports(b, n)
	}
	var lines []byte
	for i := 0; i < n; i++ {
		raw, err := os.ReadFile(paths[i%len(paths)])
		if err != nil {
			b.Fatal(err)
		}
		it := source.Report(paths[i%len(paths)], raw)
		line, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://example.org/%d", i), "title": it.Doc.Title,
			"published": *it.Doc.Published, "text": it.Doc.Text})
		lines = append(append(lines, line...), '\n')
	}
	p := filepath.Join(b.TempDir(), "real.jsonl")
	if err := os.WriteFile(p, lines, 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkIngest ingests 2,000 real-sized reports into a fresh database per iteration, with
// and without linking events across reports. ALBORAN_BENCH_INPUT names another input.
func BenchmarkIngest(b *testing.B) {
	input := os.Getenv("ALBORAN_BENCH_INPUT")
	if input == "" {
		input = realReports(b, 2000)
	}
	x := extractor(b)
	for _, linked := range []bool{true, false} {
		name := "linked"
		if !linked {
			name = "unlinked"
		}
		b.Run(name, func(b *testing.B) {
			stored := 0
			for i := 0; i < b.N; i++ {
				db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
				if err != nil {
					b.Fatal(err)
				}
				db.SetLinking(linked)
				sum, err := Run(context.Background(), x, db, Options{Inputs: []string{input}})
				if err != nil {
					b.Fatal(err)
				}
				stored += sum.Ingested
				db.Close()
			}
			b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}

func BenchmarkExtractOnly(b *testing.B) {
	dir := reports(b, 2000)
	x := extractor(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := source.Options{}.Read(context.Background(), []string{dir}, nil, func(it source.Item) error {
			if it.Err == nil {
				x.Extract(it.Doc)
				n++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "reports/s")
}
