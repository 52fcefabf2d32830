package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
	"github.com/alboran/alboran/internal/text"
)

var update = flag.Bool("update", false, "rewrite docs/data-dictionary.md")

// examples are real reports with places, dates of every precision and nulls.
func examples(t *testing.T) []record.Document {
	t.Helper()
	paths, _ := filepath.Glob("../../examples/*.txt")
	if len(paths) == 0 {
		t.Fatal("no examples")
	}
	var docs []record.Document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := text.ParseReport(b)
		if err != nil {
			t.Fatal(err)
		}
		d := record.Document{Source: p, Title: r.Header.Title, Text: r.Body, Language: "en"}
		if r.Header.Published != "" {
			d.Published = &r.Header.Published
		}
		docs = append(docs, d)
	}
	return docs
}

func filled(t *testing.T) store.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	lx, _ := lexicon.Default()
	x := extract.New(lx)
	var es []store.Entry
	for _, d := range append(examples(t), testcorpus.Generate(40, 9)...) {
		es = append(es, store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version})
	}
	if _, err := db.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestFormatsRoundTrip writes each table in each format and reads it back: the CSV header is
// the column list, every row has every column, JSON lines parse with the same keys, and
// Parquet reads back the same number of rows.
func TestFormatsRoundTrip(t *testing.T) {
	db := filled(t)
	ctx := context.Background()
	c, _ := db.Counts(ctx)
	for _, what := range store.Tables {
		for _, format := range Formats {
			t.Run(what+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				n, err := Write(ctx, db, what, format, &buf)
				if err != nil {
					t.Fatal(err)
				}
				if int64(n) != c[what] || n == 0 {
					t.Fatalf("wrote %d rows, the table has %d", n, c[what])
				}
				var got int
				switch format {
				case "csv":
					recs, err := csv.NewReader(&buf).ReadAll()
					if err != nil {
						t.Fatal(err)
					}
					if len(recs[0]) == 0 || recs[0][0] == "" {
						t.Fatalf("bad header %v", recs[0])
					}
					got = len(recs) - 1
				case "jsonl":
					sc := bufio.NewScanner(&buf)
					sc.Buffer(nil, 1<<20)
					for sc.Scan() {
						var m map[string]any
						if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
							t.Fatalf("line %d: %v", got+1, err)
						}
						got++
					}
				case "parquet":
					f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
					if err != nil {
						t.Fatal(err)
					}
					got = int(f.NumRows())
				}
				if got != n {
					t.Errorf("read back %d rows of %d", got, n)
				}
			})
		}
	}
	if _, err := Write(ctx, db, "events", "xlsx", io.Discard); err == nil {
		t.Error("an unknown format was accepted")
	}
	if _, err := WriteProfile(ctx, db, "quotes", "csv", "polecat", io.Discard); err == nil {
		t.Error("the polecat profile wrote quotes")
	}
}

// TestJSONTypes checks the JSON forms an analyst's reader depends on: value always a float
// with a decimal point, lists as arrays, unknowns as null, dates as ISO days.
func TestJSONTypes(t *testing.T) {
	db := filled(t)
	var buf bytes.Buffer
	if _, err := Write(context.Background(), db, "statistics", "jsonl", &buf); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if v := string(m["value"]); !strings.ContainsAny(v, ".eE") {
			t.Fatalf("line %d: value %s is not written as a float", i+1, v)
		}
		if p := string(m["period"]); p != "null" && len(p) != 12 {
			t.Fatalf("line %d: period %s is not a day", i+1, p)
		}
	}
	buf.Reset()
	if _, err := Write(context.Background(), db, "events", "jsonl", &buf); err != nil {
		t.Fatal(err)
	}
	var e map[string]any
	json.Unmarshal([]byte(strings.SplitN(buf.String(), "\n", 2)[0]), &e)
	if _, ok := e["contexts"].([]any); !ok {
		t.Errorf("contexts is %T, want an array", e["contexts"])
	}
	if r, _ := e["cameo_root"].(string); len(r) < 3 || r[2] != ' ' {
		t.Errorf("cameo_root %q is not a code and a name", r)
	}
}

// TestStableIDs checks that ids come from the content: the same reports stored in another
// database, in another order, export the same ids.
func TestStableIDs(t *testing.T) {
	ctx := context.Background()
	lx, _ := lexicon.Default()
	x := extract.New(lx)
	docs := examples(t)
	ids := func(docs []record.Document) map[string]bool {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var es []store.Entry
		for _, d := range docs {
			es = append(es, store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version})
		}
		if _, err := db.Put(ctx, es); err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		db.Export(ctx, "events", func(row any) error { out[row.(store.EventRow).EventID] = true; return nil })
		db.Export(ctx, "statistics", func(row any) error { out[row.(store.StatisticRow).StatID] = true; return nil })
		return out
	}
	a := ids(docs)
	rev := append([]record.Document{}, docs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	b := ids(append(testcorpus.Generate(3, 5), rev...))
	if len(a) == 0 {
		t.Fatal("no ids")
	}
	for id := range a {
		if !b[id] {
			t.Errorf("%s is not in the other database", id)
		}
	}
}

// TestDataDictionary fails when docs/data-dictionary.md is not what the row types generate.
func TestDataDictionary(t *testing.T) {
	path := "../../docs/data-dictionary.md"
	want := Dictionary()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/export -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s differs from the row types; run go test ./internal/export -update and review the diff", path)
	}
	for _, col := range []string{"`event_date` | date | yes", "`contexts` | list of strings", "`place_geonames_id` | integer | yes", "`Event Date` | date"} {
		if !strings.Contains(want, col) {
			t.Errorf("the dictionary lacks %q", col)
		}
	}
}
