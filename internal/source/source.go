// Package source reads inputs and normalizes each into the one record.Document that extraction
// reads: report files (codebook section 2), plain text, HTML pages, RSS and Atom feeds, OPML
// feed lists, JSON Lines, gzip files, directories, globs, URLs and standard input. A bad input
// is reported with its source and line and does not stop the rest.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/alboran/alboran/internal/lang"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Item is one document read from an input, or the error that kept it from being read.
type Item struct {
	Doc      record.Document
	Warnings []string
	Err      error // set when the document could not be read; Doc.Source still names it
}

// ErrNoReports means that a directory or a glob held nothing to read.
var ErrNoReports = errors.New("no reports found (want .txt, .html, .xml, .opml, .jsonl or .gz files)")

// Options say how inputs are read. The zero value reads local inputs and fetches URLs with a
// client that has timeouts.
type Options struct {
	// Client fetches URLs; nil means a client with a 30 s timeout.
	Client *http.Client
	// FetchArticles downloads the page a feed item links to and reads it as HTML, through
	// Crawler: robots.txt, a per-host rate limit and Retry-After.
	FetchArticles bool
	// Crawler fetches the articles; nil means one for this Read, with the defaults and Client.
	// Share one across calls to keep each host's robots.txt and rate.
	Crawler *Crawler
	// Bytes, when set, counts the bytes read from local files, for progress reports.
	Bytes *atomic.Int64
	// Language, an ISO 639-1 code, is the language of every document read (the --lang flag);
	// empty, each document's own (a JSON Lines "language" field) or the detected one.
	Language string
}

// Read reads every input in order with the default options.
func Read(ctx context.Context, inputs []string, stdin io.Reader, fn func(Item) error) error {
	return Options{}.Read(ctx, inputs, stdin, fn)
}

// Read reads every input in order and calls fn with each item. "-" is standard input. It
// stops early only when fn returns an error or ctx is done.
func (o Options) Read(ctx context.Context, inputs []string, stdin io.Reader, fn func(Item) error) error {
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if o.FetchArticles && o.Crawler == nil {
		o.Crawler = &Crawler{Client: o.Client}
	}
	if o.Language != "" {
		next := fn
		fn = func(it Item) error {
			if it.Err == nil {
				it.Doc.Language = o.Language
				it.Warnings = dropLanguageWarning(it.Warnings)
			}
			return next(it)
		}
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := o.readOne(ctx, in, stdin, fn); err != nil {
			return err
		}
	}
	return nil
}

// Size returns the total size of the local files among inputs, for progress reports; inputs
// that are not local files count nothing.
func Size(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		for _, p := range expand(in) {
			_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && (q == p || isReportName(q)) {
					if info, err := d.Info(); err == nil {
						n += info.Size()
					}
				}
				return nil
			})
		}
	}
	return n
}

// expand returns the paths a glob names, or the input itself.
func expand(in string) []string {
	if _, err := os.Stat(in); err == nil || !strings.ContainsAny(in, "*?[") {
		return []string{in}
	}
	m, _ := filepath.Glob(in)
	return m
}

func (o Options) readOne(ctx context.Context, in string, stdin io.Reader, fn func(Item) error) error {
	if in == "-" {
		return o.readStream(ctx, "-", stdin, fn)
	}
	if isURL(in) {
		return o.readURL(ctx, in, fn)
	}
	st, err := os.Stat(in)
	if err != nil && strings.ContainsAny(in, "*?[") {
		paths := expand(in)
		if len(paths) == 0 {
			return fn(Item{Doc: record.Document{Source: in}, Err: ErrNoReports})
		}
		for _, p := range paths {
			if err := o.readOne(ctx, p, stdin, fn); err != nil {
				return err
			}
		}
		return nil
	}
	if err != nil {
		return fn(Item{Doc: record.Document{Source: in}, Err: friendly(err)})
	}
	if st.IsDir() {
		return o.readDir(ctx, in, stdin, fn)
	}
	return o.readFile(ctx, in, fn)
}

// readDir reads the reports under a directory, recursively, in name order.
func (o Options) readDir(ctx context.Context, dir string, stdin io.Reader, fn func(Item) error) error {
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
		if err := o.readFile(ctx, p, fn); err != nil {
			return err
		}
	}
	return nil
}

// kinds of input, by file name.
const (
	kindReport = iota
	kindJSONL
	kindHTML
	kindFeed
	kindOPML
)

func kindOf(name string) int {
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(base) {
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".xml", ".rss", ".atom":
		return kindFeed
	case ".opml":
		return kindOPML
	}
	return kindReport
}

func isReportName(p string) bool {
	base := strings.TrimSuffix(strings.ToLower(p), ".gz")
	switch filepath.Ext(base) {
	case ".txt", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".opml":
		return true
	}
	return false
}

// readFile reads one local file by its name.
func (o Options) readFile(ctx context.Context, path string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Doc: record.Document{Source: path}, Err: friendly(err)})
	}
	defer f.Close()
	var r io.Reader = f
	if o.Bytes != nil {
		r = countingReader{f, o.Bytes}
	}
	return o.readStream(ctx, path, r, fn)
}

// countingReader adds the bytes it reads to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// readStream reads a named stream, unpacking gzip and telling its kind by name, else by its
// first bytes.
func (o Options) readStream(ctx context.Context, name string, r io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(Item{Doc: record.Document{Source: name}, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	kind := kindOf(name)
	if kind == kindReport {
		kind = sniff(br)
	}
	switch kind {
	case kindJSONL:
		return readJSONL(ctx, name, br, fn)
	case kindHTML, kindFeed, kindOPML:
		raw, err := io.ReadAll(io.LimitReader(br, text.MaxReportBytes+1))
		if err != nil {
			return fn(Item{Doc: record.Document{Source: name}, Err: friendly(err)})
		}
		if len(raw) > text.MaxReportBytes {
			return fn(Item{Doc: record.Document{Source: name}, Err: text.ErrTooLarge})
		}
		return o.readMarkup(ctx, kind, name, "", raw, fn)
	}
	raw, err := io.ReadAll(io.LimitReader(br, text.MaxReportBytes+1))
	if err != nil {
		return fn(Item{Doc: record.Document{Source: name}, Err: friendly(err)})
	}
	return fn(Report(name, raw))
}

// sniff tells JSON Lines, HTML, feeds and OPML from a report by the first bytes.
func sniff(br *bufio.Reader) int {
	head, _ := br.Peek(512)
	h := strings.ToLower(strings.TrimSpace(string(head)))
	switch {
	case strings.HasPrefix(h, "{"):
		return kindJSONL
	case strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html"):
		return kindHTML
	case strings.HasPrefix(h, "<?xml") || strings.HasPrefix(h, "<rss") || strings.HasPrefix(h, "<feed") || strings.HasPrefix(h, "<opml"):
		if strings.Contains(h, "<opml") {
			return kindOPML
		}
		if strings.Contains(h, "<html") {
			return kindHTML
		}
		return kindFeed
	}
	return kindReport
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
	setLanguage(&it)
	return it
}

// jsonDoc is one line of a JSON Lines input.
type jsonDoc struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Language  string `json:"language"` // ISO 639-1 ("es") or a name; detected when empty
}

// readJSONL reads one document a line; a bad line is an item with an error naming the line.
func readJSONL(ctx context.Context, name string, r *bufio.Reader, fn func(Item) error) error {
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLarge, err := readLine(r)
		if len(b) > 0 || tooLarge {
			line++
			if e := fn(jsonItem(name, line, b, tooLarge)); e != nil {
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

// readLine reads one line of any length. A line over the report size limit is read to its
// end but not kept: it comes back as tooLarge, with none of its bytes.
func readLine(r *bufio.Reader) (line []byte, tooLarge bool, err error) {
	var buf []byte
	n := 0
	for {
		part, err := r.ReadSlice('\n')
		n += len(part)
		if n <= text.MaxReportBytes+1 {
			buf = append(buf, part...)
		} else {
			tooLarge, buf = true, nil
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimSpace(buf), tooLarge, err
	}
}

func jsonItem(name string, line int, b []byte, tooLarge bool) Item {
	src := fmt.Sprintf("%s:%d", name, line)
	if tooLarge || len(b) > text.MaxReportBytes {
		return Item{Doc: record.Document{Source: src}, Err: text.ErrTooLarge}
	}
	var jd jsonDoc
	if err := json.Unmarshal(b, &jd); err != nil {
		return Item{Doc: record.Document{Source: src}, Err: fmt.Errorf("not a JSON object: %w", err)}
	}
	if strings.TrimSpace(jd.Text) == "" {
		return Item{Doc: record.Document{Source: src}, Err: text.ErrEmpty}
	}
	d := record.Document{ID: jd.ID, Source: jd.URL, URL: jd.URL, Title: jd.Title, Text: jd.Text, Language: lang.Normalize(jd.Language)}
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
	it := Item{Doc: d, Warnings: warns}
	setLanguage(&it)
	return it
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

// setLanguage detects the language of an item's document when it has none. A language
// without rules of its own is kept as detected, with a warning that the English rules read it.
func setLanguage(it *Item) {
	if it.Doc.Language == "" {
		it.Doc.Language = lang.Detect(it.Doc.Title, it.Doc.Text).Code
	}
	if !lang.Supported(it.Doc.Language) {
		it.Warnings = append(it.Warnings, languageWarning(it.Doc.Language))
	}
}

const languageWarningText = "read with the English rules (there are rules for en, es and fr; --lang sets the language)"

func languageWarning(code string) string {
	return fmt.Sprintf("language %q %s", code, languageWarningText)
}

func dropLanguageWarning(ws []string) []string {
	out := ws[:0]
	for _, w := range ws {
		if !strings.HasSuffix(w, languageWarningText) {
			out = append(out, w)
		}
	}
	return out
}
