// Package export writes stored rows as CSV (RFC 4180, with a header row), JSON Lines or
// Parquet, in forms that pandas, R, polars and DuckDB read without cleaning: plain column
// names; dates as dates (Parquet DATE, ISO 8601 text elsewhere); unknowns as nulls (an empty
// CSV field, JSON null, a Parquet optional column); lists as lists (JSON arrays, Parquet LIST,
// "; "-joined in CSV); a number column always of one type (a float column always has a
// decimal point). The columns and their meaning are the row types of package store;
// Dictionary documents them.
package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/alboran/alboran/internal/store"
)

// Formats are the output formats.
var Formats = []string{"csv", "jsonl", "parquet"}

// Profiles are the column sets: Alboran's names, or POLECAT's for events.
var Profiles = []string{"alboran", "polecat"}

// Tables are the exportable tables.
var Tables = append(append([]string{}, store.Tables...), "clusters")

// Write exports table what of st to w in format, with Alboran's column names.
func Write(ctx context.Context, st store.Store, what, format string, w io.Writer) (int, error) {
	return WriteProfile(ctx, st, what, format, "alboran", w)
}

// WriteProfile exports table what of st to w in format, with the columns of profile.
func WriteProfile(ctx context.Context, st store.Store, what, format, profile string, w io.Writer) (int, error) {
	if !contains(Formats, format) {
		return 0, fmt.Errorf("unknown format %q: choose one of %s", format, strings.Join(Formats, ", "))
	}
	switch profile {
	case "alboran", "":
	case "polecat":
		if what != "events" {
			return 0, fmt.Errorf("the polecat profile has events only, not %s", what)
		}
		return write(ctx, st, "events", format, w, func(row any) PolecatRow { return Polecat(row.(store.EventRow)) })
	default:
		return 0, fmt.Errorf("unknown profile %q: choose one of %s", profile, strings.Join(Profiles, ", "))
	}
	switch what {
	case "documents":
		return write(ctx, st, what, format, w, same[store.DocumentRow])
	case "entities":
		return write(ctx, st, what, format, w, same[store.EntityRow])
	case "events":
		return write(ctx, st, what, format, w, same[store.EventRow])
	case "statistics":
		return write(ctx, st, what, format, w, same[store.StatisticRow])
	case "quotes":
		return write(ctx, st, what, format, w, same[store.QuoteRow])
	case "clusters":
		return write(ctx, st, what, format, w, same[store.ClusterRow])
	}
	return 0, fmt.Errorf("cannot export %q: choose one of %s", what, strings.Join(Tables, ", "))
}

func same[T any](row any) T { return row.(T) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func write[T any](ctx context.Context, st store.Store, what, format string, w io.Writer, conv func(any) T) (int, error) {
	n := 0
	cols := columnsOf(reflect.TypeFor[T]())
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name
		}
		if err := cw.Write(names); err != nil {
			return 0, err
		}
		rec := make([]string, len(cols))
		err := st.Export(ctx, what, func(row any) error {
			n++
			v := reflect.ValueOf(conv(row))
			for i, c := range cols {
				rec[i] = csvCell(c, v.FieldByIndex(c.index))
			}
			return cw.Write(rec)
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
		return n, err
	case "jsonl":
		bw := bufio.NewWriterSize(w, 64<<10)
		var line []byte
		err := st.Export(ctx, what, func(row any) error {
			n++
			line = appendJSON(line[:0], cols, reflect.ValueOf(conv(row)))
			_, err := bw.Write(line)
			return err
		})
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		return n, err
	default:
		pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd))
		buf := make([]T, 0, 1024)
		err := st.Export(ctx, what, func(row any) error {
			n++
			buf = append(buf, conv(row))
			if len(buf) == cap(buf) {
				_, err := pw.Write(buf)
				buf = buf[:0]
				return err
			}
			return nil
		})
		if err == nil && len(buf) > 0 {
			_, err = pw.Write(buf)
		}
		if cerr := pw.Close(); err == nil {
			err = cerr
		}
		return n, err
	}
}

// Column is one column of a row type, as the data dictionary gives it.
type Column struct {
	Name     string // the column name
	Type     string // string, integer, float, boolean, date, timestamp or list of strings
	Nullable bool
	Doc      string
	index    []int
}

// Columns returns the columns of a row type, embedded structs flattened.
func Columns[T any]() []Column { return columnsOf(reflect.TypeFor[T]()) }

func columnsOf(t reflect.Type) []Column {
	var out []Column
	for _, f := range reflect.VisibleFields(t) {
		if f.Anonymous || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		c := Column{Name: name, Doc: f.Tag.Get("doc"), index: f.Index}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			c.Nullable = true
			ft = ft.Elem()
		}
		switch {
		case ft == reflect.TypeFor[time.Time]():
			c.Type = "timestamp"
			if strings.Contains(f.Tag.Get("parquet"), ",date") {
				c.Type = "date"
			}
		case ft.Kind() == reflect.String:
			c.Type = "string"
		case ft.Kind() == reflect.Int64:
			c.Type = "integer"
		case ft.Kind() == reflect.Float64:
			c.Type = "float"
		case ft.Kind() == reflect.Bool:
			c.Type = "boolean"
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			c.Type = "list of strings"
		default:
			panic(fmt.Sprintf("export: column %s of %s has type %s, which no format writes", name, t, f.Type))
		}
		out = append(out, c)
	}
	return out
}

// csvCell formats one field: nothing for null, ISO dates, floats with a decimal point, lists
// joined by "; ".
func csvCell(c Column, v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	switch c.Type {
	case "string":
		return v.String()
	case "integer":
		return strconv.FormatInt(v.Int(), 10)
	case "float":
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return ""
		}
		return float(f)
	case "boolean":
		return strconv.FormatBool(v.Bool())
	case "date":
		return v.Interface().(time.Time).Format(time.DateOnly)
	case "timestamp":
		return v.Interface().(time.Time).UTC().Format(time.RFC3339)
	default:
		return strings.Join(v.Interface().([]string), "; ")
	}
}

// float formats a float with a decimal point always, so that every reader takes the column
// as floats: 130 is "130.0".
func float(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// appendJSON appends one row as a JSON object and a newline.
func appendJSON(b []byte, cols []Column, v reflect.Value) []byte {
	b = append(b, '{')
	for i, c := range cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, c.Name)
		b = append(b, ':')
		f := v.FieldByIndex(c.index)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				b = append(b, "null"...)
				continue
			}
			f = f.Elem()
		}
		switch c.Type {
		case "string":
			b = appendString(b, f.String())
		case "integer":
			b = strconv.AppendInt(b, f.Int(), 10)
		case "float":
			if x := f.Float(); math.IsNaN(x) || math.IsInf(x, 0) {
				b = append(b, "null"...)
			} else {
				b = append(b, float(x)...)
			}
		case "boolean":
			b = strconv.AppendBool(b, f.Bool())
		case "date", "timestamp":
			b = appendString(b, csvCell(c, f))
		default:
			b = append(b, '[')
			for k, s := range f.Interface().([]string) {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendString(b, s)
			}
			b = append(b, ']')
		}
	}
	return append(b, '}', '\n')
}

// appendString appends s as a JSON string, without escaping HTML.
func appendString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...)
}
