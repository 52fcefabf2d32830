package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
)

// BenchmarkExtractDev measures full extraction of the dev reports beside the project, parsing
// only the sentences a rule asks about, and reports the share of sentences parsed. For the
// one-core figure: GOMAXPROCS=1 go test -run XXX -bench ExtractDev ./internal/extract
func BenchmarkExtractDev(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/eval/dev/*.txt")
	if len(paths) == 0 {
		b.Skip("no dev reports beside the project (../shared/eval/dev)")
	}
	var docs []record.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		it := source.Report(p, raw)
		docs = append(docs, it.Doc)
	}
	x := extractor(b)
	x.Extract(docs[0]) // load the syntax model outside the timing
	x.parses = &parseCount{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	if n := x.parses.sentences.Load(); n > 0 {
		b.ReportMetric(float64(x.parses.parsed.Load())/float64(n), "parsed/sentence")
	}
}
