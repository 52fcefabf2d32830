package export

import (
	"fmt"
	"strings"

	"github.com/alboran/alboran/internal/store"
)

// Dictionary returns the data dictionary of the exports as Markdown, generated from the row
// types, so that it cannot drift from what is written. docs/data-dictionary.md is its output; a
// test fails when the committed file differs.
func Dictionary() string {
	var b strings.Builder
	b.WriteString(`# Data dictionary

Generated from the row types (internal/store/rows.go, internal/export/polecat.go) by
` + "`go test ./internal/export -update`" + `; do not edit by hand. The naming scheme is in
[naming.md](naming.md).

Types: **string**; **integer** (64-bit); **float** (64-bit; in CSV and JSON always written with
a decimal point); **boolean**; **date** (Parquet DATE, ISO 8601 ` + "`YYYY-MM-DD`" + ` in CSV and JSON);
**timestamp** (Parquet TIMESTAMP in milliseconds, UTC; RFC 3339 in CSV and JSON); **list of
strings** (Parquet LIST, JSON array, joined by "; " in CSV). A nullable column is a Parquet
optional column, JSON null, and an empty CSV field.
`)
	tables := []struct {
		name, what string
		cols       []Column
	}{
		{"documents", "one row per stored report", Columns[store.DocumentRow]()},
		{"entities", "one row per actor of a report", Columns[store.EntityRow]()},
		{"events", "one row per PLOVER event of a report", Columns[store.EventRow]()},
		{"statistics", "one row per figure of a report", Columns[store.StatisticRow]()},
		{"quotes", "one row per quotation", Columns[store.QuoteRow]()},
		{"clusters", "one row per real event, however many reports tell of it (`--clusters`)", Columns[store.ClusterRow]()},
		{"events, --profile polecat", "the events with POLECAT's column names; each column says which Alboran column it holds", Columns[PolecatRow]()},
	}
	for _, t := range tables {
		fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n| column | type | null | meaning |\n|---|---|---|---|\n", t.name, strings.ToUpper(t.what[:1])+t.what[1:])
		for _, c := range t.cols {
			null := ""
			if c.Nullable {
				null = "yes"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Name, c.Type, null, strings.ReplaceAll(c.Doc, "|", "\\|"))
		}
	}
	return b.String()
}
