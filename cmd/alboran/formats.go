package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
)

// --format takes one vocabulary across commands, each command accepting the values that
// apply to what it prints: table (for people, aligned columns), json (one document, indented),
// jsonl (one JSON object a line, for streams and jq), csv (RFC 4180, a header row) and parquet.
const (
	formatTable   = "table"
	formatJSON    = "json"
	formatJSONL   = "jsonl"
	formatCSV     = "csv"
	formatParquet = "parquet"
)

// formatFlag adds --format with its default and the values the command accepts.
func formatFlag(fs *flag.FlagSet, def string, allowed ...string) *string {
	return fs.String("format", def, "output: "+orList(allowed))
}

// checkFormat returns a usage error when format is not among allowed.
func checkFormat(cmd, format string, allowed ...string) error {
	if contains(allowed, format) {
		return nil
	}
	return usageError{fmt.Sprintf("%s: unknown format %q (want %s)%s", cmd, format, orList(allowed), didYouMean(format, allowed))}
}

// orList writes "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// writeItems writes a list as one indented JSON array (json) or one object a line (jsonl).
func writeItems[T any](w io.Writer, format string, items []T) error {
	if format == formatJSONL {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	}
	if items == nil {
		items = []T{}
	}
	return writeJSON(w, items)
}
