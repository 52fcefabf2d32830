package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/store"
)

// duckdb returns the node_modules folder that holds DuckDB's Node API (scripts/services
// installs it and exports ALBORAN_TEST_DUCKDB). Outside CI the test skips without it; in CI a
// missing DuckDB is a failure.
func duckdb(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ALBORAN_TEST_DUCKDB")
	_, err := exec.LookPath("node")
	if dir == "" || err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("DuckDB is needed: run the tests through ./scripts/test (scripts/services installs node and @duckdb/node-api and sets ALBORAN_TEST_DUCKDB)")
		}
		t.Skip("ALBORAN_TEST_DUCKDB is not set or node is missing: eval \"$(scripts/services)\" first")
	}
	return dir
}

// TestDuckDBReadsEveryExport writes every table in every format, reads each file with DuckDB's
// own readers and type inference (read_csv, read_json, read_parquet), as an analyst would, and
// checks that DuckDB finds every column with the type the data dictionary gives (dates as
// DATE, numbers as BIGINT or DOUBLE, lists as VARCHAR[] where the format has lists) and
// exactly the nulls the rows hold.
func TestDuckDBReadsEveryExport(t *testing.T) {
	dir := duckdb(t)
	db := filled(t)
	ctx := context.Background()
	out := t.TempDir()
	type table struct {
		what, profile string
		cols          []Column
		conv          func(any) any
	}
	tables := []table{
		{"documents", "", Columns[store.DocumentRow](), nil},
		{"entities", "", Columns[store.EntityRow](), nil},
		{"events", "", Columns[store.EventRow](), nil},
		{"statistics", "", Columns[store.StatisticRow](), nil},
		{"quotes", "", Columns[store.QuoteRow](), nil},
		{"clusters", "", Columns[store.ClusterRow](), nil},
		{"events", "polecat", Columns[PolecatRow](), func(r any) any { return Polecat(r.(store.EventRow)) }},
	}
	var files []string
	for _, tb := range tables {
		for _, format := range Formats {
			f := filepath.Join(out, tb.what+tb.profile+"."+format)
			var buf bytes.Buffer
			if _, err := WriteProfile(ctx, db, tb.what, format, tb.profile, &buf); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	cmd := exec.CommandContext(ctx, "node", append([]string{"testdata/duckdb.mjs"}, files...)...)
	cmd.Env = append(os.Environ(), "ALBORAN_TEST_DUCKDB="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("duckdb: %v\n%s", err, stderr.String())
	}
	var got map[string]struct {
		Rows    int
		Columns []struct {
			Name, Type string
			Nulls      int
		}
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("duckdb output: %v\n%s", err, raw)
	}
	for _, tb := range tables {
		// What the rows hold: per column, the nulls and the values that are not null.
		nulls := make([]int, len(tb.cols))
		values := make([]int, len(tb.cols))
		empty := make([]int, len(tb.cols)) // empty strings and lists, which CSV cannot tell from null
		rows := 0
		err := db.Export(ctx, tb.what, func(row any) error {
			if tb.conv != nil {
				row = tb.conv(row)
			}
			rows++
			v := reflect.ValueOf(row)
			for i, c := range tb.cols {
				f := v.FieldByIndex(c.index)
				switch {
				case f.Kind() == reflect.Pointer && f.IsNil():
					nulls[i]++
				case f.Kind() == reflect.String && f.Len() == 0, f.Kind() == reflect.Slice && f.Len() == 0:
					empty[i]++
				default:
					values[i]++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range Formats {
			name := tb.what + tb.profile + "." + format
			g, ok := got[filepath.Join(out, name)]
			if !ok {
				t.Errorf("%s: DuckDB did not read it", name)
				continue
			}
			if g.Rows != rows || rows == 0 {
				t.Errorf("%s: DuckDB reads %d rows, the export has %d", name, g.Rows, rows)
			}
			if len(g.Columns) != len(tb.cols) {
				t.Errorf("%s: DuckDB finds %d columns, want %d", name, len(g.Columns), len(tb.cols))
				continue
			}
			for i, c := range tb.cols {
				d := g.Columns[i]
				if d.Name != c.Name {
					t.Errorf("%s: column %d is %q, want %q", name, i, d.Name, c.Name)
				}
				if want := duckType(c.Type, format); values[i] > 0 && !strings.HasPrefix(d.Type, want) {
					t.Errorf("%s: %s is %s in DuckDB, want %s", name, c.Name, d.Type, want)
				}
				wantNulls := nulls[i]
				if format == "csv" {
					wantNulls += empty[i]
				}
				if d.Nulls != wantNulls {
					t.Errorf("%s: %s has %d nulls in DuckDB, the rows %d", name, c.Name, d.Nulls, wantNulls)
				}
			}
		}
	}
}

// duckType is the type DuckDB should infer for a column type in a format.
func duckType(typ, format string) string {
	switch typ {
	case "integer":
		return "BIGINT"
	case "float":
		return "DOUBLE"
	case "boolean":
		return "BOOLEAN"
	case "date":
		return "DATE"
	case "timestamp":
		return "TIMESTAMP"
	case "list of strings":
		if format == "csv" {
			return "VARCHAR"
		}
		return "VARCHAR[]"
	}
	return "VARCHAR"
}
