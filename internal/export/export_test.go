package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
)

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
	for _, d := range testcorpus.Generate(40, 9) {
		es = append(es, store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version})
	}
	if _, err := db.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestFormatsRoundTrip writes each table in each format and reads it back: the CSV header is
// the column list, every row has every column, JSON lines parse, and Parquet reads back the
// same rows.
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
					got = parquetRows(t, what, buf.Bytes())
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
}

func parquetRows(t *testing.T, what string, b []byte) int {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if what == "events" {
		r := parquet.NewGenericReader[store.EventRow](bytes.NewReader(b))
		rows := make([]store.EventRow, f.NumRows())
		n, _ := r.Read(rows)
		if n > 0 && (rows[0].EventType == "" || rows[0].CAMEORoot == "" || rows[0].Evidence == "") {
			t.Errorf("first event read back empty: %+v", rows[0])
		}
	}
	return int(f.NumRows())
}

func TestColumnsFollowTheJSONNames(t *testing.T) {
	cols := Columns[store.EventRow]()
	want := map[string]bool{"event_type": true, "event_mode": true, "actor_country": true, "recipient_country": true, "cameo_root": true, "story_id": true}
	for _, c := range cols {
		delete(want, c)
	}
	if len(want) > 0 {
		t.Errorf("event columns lack %v", want)
	}
}
