// Package export writes stored rows as CSV (RFC 4180, with a header row), JSON Lines or
// Parquet, in forms that pandas and R read directly: one header, plain column names, ISO
// dates as text, numbers as numbers and empty strings rather than nulls.
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/alboran/alboran/internal/store"
)

// Formats are the output formats.
var Formats = []string{"csv", "jsonl", "parquet"}

// Write exports table what of st to w in format.
func Write(ctx context.Context, st store.Store, what, format string, w io.Writer) (int, error) {
	switch what {
	case "documents":
		return write[store.DocumentRow](ctx, st, what, format, w)
	case "entities":
		return write[store.EntityRow](ctx, st, what, format, w)
	case "events":
		return write[store.EventRow](ctx, st, what, format, w)
	case "statistics":
		return write[store.StatisticRow](ctx, st, what, format, w)
	case "quotes":
		return write[store.QuoteRow](ctx, st, what, format, w)
	case "clusters":
		return write[store.ClusterRow](ctx, st, what, format, w)
	}
	return 0, fmt.Errorf("cannot export %q: choose one of %s", what, strings.Join(store.Tables, ", "))
}

func write[T any](ctx context.Context, st store.Store, what, format string, w io.Writer) (int, error) {
	n := 0
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(Columns[T]()); err != nil {
			return 0, err
		}
		err := st.Export(ctx, what, func(row any) error {
			n++
			return cw.Write(csvRecord(reflect.ValueOf(row.(T))))
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
		return n, err
	case "jsonl":
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := st.Export(ctx, what, func(row any) error {
			n++
			return enc.Encode(row)
		})
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		return n, err
	case "parquet":
		pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd))
		buf := make([]T, 0, 1024)
		err := st.Export(ctx, what, func(row any) error {
			n++
			buf = append(buf, row.(T))
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
	return 0, fmt.Errorf("unknown format %q: choose one of %s", format, strings.Join(Formats, ", "))
}

// Columns returns the column names of a row type: its JSON field names.
func Columns[T any]() []string {
	t := reflect.TypeFor[T]()
	cols := make([]string, t.NumField())
	for i := range cols {
		cols[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return cols
}

// csvRecord formats a row's fields: numbers in full precision, booleans as true and false.
func csvRecord(v reflect.Value) []string {
	out := make([]string, v.NumField())
	for i := range out {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			out[i] = f.String()
		case reflect.Int, reflect.Int64:
			out[i] = strconv.FormatInt(f.Int(), 10)
		case reflect.Float64:
			out[i] = strconv.FormatFloat(f.Float(), 'f', -1, 64)
		case reflect.Bool:
			out[i] = strconv.FormatBool(f.Bool())
		default:
			out[i] = fmt.Sprint(f.Interface())
		}
	}
	return out
}
