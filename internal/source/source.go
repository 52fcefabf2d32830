// Package source reads inputs and normalizes each into the one record.Document that extraction
// reads: report files (codebook section 2), plain text, JSON Lines, gzip files, directories and
// standard input. A bad input is reported with its source and line and does not stop the rest.
package source

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Item is one document read from an input, or the error that kept it from being read.
type Item struct {
	Doc      record.Document
	Warnings []string
	Err      error // set when the document could not be read; Doc.Source still names it
}

// ErrNoReports means that a directory held nothing to read.
var ErrNoReports = errors.New("no reports found (want .txt, .jsonl or .gz files)")

// Read reads every input in order and calls fn with each item. "-" is standard input. It
// stops early only when fn returns an error or ctx is done.
func Read(ctx context.Context, inputs []string, stdin io.Reader, fn func(Item) error) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readOne(ctx, in, stdin, fn); err != nil {
			return err
		}
	}
	return nil
}

func readOne(ctx context.Context, in string, stdin io.Reader, fn func(Item) error) error {
	if in == "-" {
		return readStream(ctx, "-", stdin, fn)
	}
	st, err := os.Stat(in)
	if err != nil {
		return fn(Item{Doc: record.Document{Source: in}, Err: friendly(err)})
	}
	if st.IsDir() {
		return readDir(ctx, in, stdin, fn)
	}
	return readFile(ctx, in, fn)
}

// readDir reads the reports under a directory, recursively, in name order.
func readDir(ctx context.Context, dir string, stdin io.Reader, fn func(Item) error) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isReportName(p) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return fn(Item{Doc: record.Document{Source: dir}, Err: friendly(err)})
	}
	if len(paths) == 0 {
		return fn(Item{Doc: record.Document{Source: dir}, Err: ErrNoReports})
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := readFile(ctx, p, fn); err != nil {
			return err
		}
	}
	return nil
}

func isReportName(p string) bool {
	p = strings.TrimSuffix(strings.ToLower(p), ".gz")
	return strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson")
}

// readFile reads one file: JSON Lines by its name, anything else as a report.
func readFile(ctx context.Context, path string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Doc: record.Document{Source: path}, Err: friendly(err)})
	}
	defer f.Close()
	return readStream(ctx, path, f, fn)
}

// readStream reads a named stream, unpacking gzip and telling JSON Lines from a report.
func readStream(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(Item{Doc: record.Document{Source: name}, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	if strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson") || name == "-" && looksJSON(br) {
		return readJSONL(ctx, name, br, fn)
	}
	raw, err := io.ReadAll(io.LimitReader(br, text.MaxReportBytes+1))
	if err != nil {
		return fn(Item{Doc: record.Document{Source: name}, Err: friendly(err)})
	}
	return fn(Report(name, raw))
}

func looksJSON(br *bufio.Reader) bool {
	b, _ := br.Peek(1)
	return len(b) == 1 && b[0] == '{'
}

// Report parses a report file's bytes into an item.
func Report(name string, raw []byte) Item {
	rep, err := text.ParseReport(raw)
	it := Item{Doc: record.Document{Source: name}, Warnings: rep.Warnings}
	if err != nil {
		it.Err = err
		return it
	}
	it.Doc.Title = rep.Header.Title
	if rep.Header.Published != "" {
		p := rep.Header.Published
		it.Doc.Published = &p
	}
	it.Doc.Text = rep.Body
	it.Doc.ID = hash(rep.Body)
	it.Doc.Language = "en"
	return it
}

// jsonDoc is one line of a JSON Lines input.
type jsonDoc struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// readJSONL reads one document a line; a bad line is an item with an error naming the line.
func readJSONL(ctx context.Context, name string, r *bufio.Reader, fn func(Item) error) error {
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := readLine(r)
		if len(b) > 0 {
			line++
			if e := fn(jsonItem(name, line, b)); e != nil {
				return e
			}
		} else if err == nil {
			line++
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fn(Item{Doc: record.Document{Source: fmt.Sprintf("%s:%d", name, line+1)}, Err: friendly(err)})
		}
	}
}

// readLine reads one line of any length, refusing lines over the report size limit.
func readLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		part, err := r.ReadSlice('\n')
		if len(buf)+len(part) <= text.MaxReportBytes+1 {
			buf = append(buf, part...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return []byte(strings.TrimSpace(string(buf))), err
	}
}

func jsonItem(name string, line int, b []byte) Item {
	src := fmt.Sprintf("%s:%d", name, line)
	if len(b) > text.MaxReportBytes {
		return Item{Doc: record.Document{Source: src}, Err: text.ErrTooLarge}
	}
	var jd jsonDoc
	if err := json.Unmarshal(b, &jd); err != nil {
		return Item{Doc: record.Document{Source: src}, Err: fmt.Errorf("not a JSON object: %w", err)}
	}
	if strings.TrimSpace(jd.Text) == "" {
		return Item{Doc: record.Document{Source: src}, Err: text.ErrEmpty}
	}
	d := record.Document{ID: jd.ID, Source: jd.URL, Title: jd.Title, Text: jd.Text, Language: "en"}
	if d.Source == "" {
		d.Source = src
	}
	if d.ID == "" {
		d.ID = hash(jd.Text)
	}
	var warns []string
	if p := strings.TrimSpace(jd.Published); p != "" {
		if len(p) >= 10 && validDate(p[:10]) {
			p = p[:10]
			d.Published = &p
		} else {
			warns = append(warns, fmt.Sprintf("%s: unreadable published date %q", src, jd.Published))
		}
	}
	return Item{Doc: d, Warnings: warns}
}

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// friendly turns file system errors into short messages that say what is wrong.
func friendly(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}
