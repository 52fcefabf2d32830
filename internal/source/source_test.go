package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/text"
)

func readAll(t *testing.T, o Options, inputs ...string) []Item {
	t.Helper()
	var items []Item
	if err := o.Read(context.Background(), inputs, nil, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items
}

func TestHTMLPageKeepsTheArticleOnly(t *testing.T) {
	items := readAll(t, Options{}, "testdata/page.html")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	d := items[0].Doc
	if d.Title != "Coast guard rescues 47 migrants off Lesbos" {
		t.Errorf("title %q", d.Title)
	}
	if d.Published == nil || *d.Published != "2023-03-08" {
		t.Errorf("published %v, want 2023-03-08", d.Published)
	}
	for _, want := range []string{"rescued 47 migrants", "feared dead", "called on the European Commission", "stopped more than 2,000"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("the article text lacks %q", want)
		}
	}
	for _, junk := range []string{"Subscribe now", "ADVERTISEMENT", "Cheap flights", "outrageous", "previous comment", "All rights reserved", "best beaches"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("the article text keeps %q", junk)
		}
	}
	if !strings.Contains(d.Text, "\n\n") {
		t.Error("paragraphs are not separated by blank lines")
	}
}

func TestFeeds(t *testing.T) {
	tests := []struct {
		file    string
		titles  []string
		partial []bool
		pub     []string
	}{
		{"testdata/feed.rss", []string{"Spain and Morocco hold talks on migration", "Coast guard rescues 47 off Lesbos"}, []bool{false, true}, []string{"2021-04-15", "2023-03-08"}},
		{"testdata/atom.xml", []string{"Boat capsizes off Yemen"}, []bool{false}, []string{"2024-06-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			items := readAll(t, Options{}, tt.file)
			if len(items) != len(tt.titles) {
				t.Fatalf("%d items, want %d", len(items), len(tt.titles))
			}
			for i, it := range items {
				if it.Err != nil {
					t.Fatalf("item %d: %v", i, it.Err)
				}
				if it.Doc.Title != tt.titles[i] || it.Doc.Partial != tt.partial[i] || it.Doc.Published == nil || *it.Doc.Published != tt.pub[i] {
					t.Errorf("item %d: %q partial=%v published=%v", i, it.Doc.Title, it.Doc.Partial, it.Doc.Published)
				}
				if strings.Contains(it.Doc.Text, "<") {
					t.Errorf("item %d keeps markup: %q", i, it.Doc.Text)
				}
				if it.Doc.URL == "" {
					t.Errorf("item %d has no URL", i)
				}
			}
		})
	}
}

// TestURLsOPMLAndArticles serves a page, a feed and an OPML list on loopback.
func TestURLsOPMLAndArticles(t *testing.T) {
	page, _ := os.ReadFile("testdata/page.html")
	feed, _ := os.ReadFile("testdata/feed.rss")
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		// the second item links to /page, whose full text replaces its summary
		w.Write(bytes.ReplaceAll(feed, []byte("https://example.org/lesbos"), []byte(srv.URL+"/page")))
	})
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/x-opml")
		w.Write([]byte(`<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="` + srv.URL + `/feed"/><outline xmlUrl="` + srv.URL + `/missing"/></body></opml>`))
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	items := readAll(t, Options{}, srv.URL+"/page")
	if len(items) != 1 || items[0].Err != nil || items[0].Doc.URL != srv.URL+"/page" || !strings.Contains(items[0].Doc.Text, "47 migrants") {
		t.Fatalf("page by URL: %+v", items)
	}
	items = readAll(t, Options{FetchArticles: true}, srv.URL+"/list.opml")
	if len(items) != 3 {
		t.Fatalf("%d items from the OPML list, want 2 feed items and 1 failed feed", len(items))
	}
	if items[1].Doc.Partial || !strings.Contains(items[1].Doc.Text, "feared dead") {
		t.Errorf("the linked article did not replace the summary: %+v", items[1].Doc)
	}
	if items[2].Err == nil || !strings.Contains(items[2].Err.Error(), "404") {
		t.Errorf("a missing feed gave %v", items[2].Err)
	}
}

func TestLocalInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.txt", " date 2021-04-15 A\n\nMorocco met Spain.\n")
	write("b.txt", " date 2021-04-16 B\n\nSpain met Morocco.\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{\"id\":\"1\",\"title\":\"J\",\"published\":\"2021-01-02\",\"text\":\"Italy met Libya.\"}\nnot json\n"))
	zw.Close()
	write("c.jsonl.gz", gz.String())
	big := write("big.txt", " date 2021-01-01 Big\n\n"+strings.Repeat("x", text.MaxReportBytes+1))

	tests := []struct {
		name   string
		inputs []string
		ok     int
		failed int
		warn   bool
	}{
		{"glob", []string{filepath.Join(dir, "*.txt")}, 2, 1, false},
		{"glob without match", []string{filepath.Join(dir, "*.none")}, 0, 1, false},
		{"jsonl.gz with a bad line", []string{filepath.Join(dir, "c.jsonl.gz")}, 1, 1, false},
		{"over the size limit", []string{big}, 0, 1, false},
		{"text without a header", []string{"testdata/noheader.txt"}, 1, 0, true},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, 0, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, failed, warned := 0, 0, false
			for _, it := range readAll(t, Options{}, tt.inputs...) {
				if it.Err != nil {
					failed++
					if it.Doc.Source == "" {
						t.Error("a failed item names no source")
					}
				} else {
					ok++
				}
				warned = warned || len(it.Warnings) > 0
			}
			if ok != tt.ok || failed != tt.failed || warned != tt.warn {
				t.Errorf("ok %d failed %d warned %v, want %d %d %v", ok, failed, warned, tt.ok, tt.failed, tt.warn)
			}
		})
	}
}

func TestSize(t *testing.T) {
	if n := Size([]string{"testdata"}); n <= 0 {
		t.Errorf("size of testdata is %d", n)
	}
	if n := Size([]string{"https://example.org/feed", "-"}); n != 0 {
		t.Errorf("size of non-files is %d", n)
	}
}

// TestJSONLinesOverTheLimit reads a line just under the size limit, one over it and a short
// one after: the long line is refused as too large (not as broken JSON), with its line
// number, and the lines around it are read.
func TestJSONLinesOverTheLimit(t *testing.T) {
	line := func(n int) string {
		return `{"title":"T","text":"` + strings.Repeat("word ", n/5) + `"}` + "\n"
	}
	under := line(text.MaxReportBytes - 100)
	in := under + line(text.MaxReportBytes+1<<20) + `{"text":"Italy met Libya."}` + "\n"
	p := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, Options{}, p)
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	if items[0].Err != nil || len(items[0].Doc.Text) < text.MaxReportBytes-200 {
		t.Errorf("line 1 (%d bytes): %v", len(under), items[0].Err)
	}
	if items[1].Err != text.ErrTooLarge || !strings.HasSuffix(items[1].Doc.Source, "a.jsonl:2") {
		t.Errorf("line 2: %s: %v, want the 10 MB limit", items[1].Doc.Source, items[1].Err)
	}
	if items[2].Err != nil || items[2].Doc.Text != "Italy met Libya." {
		t.Errorf("line 3: %q %v", items[2].Doc.Text, items[2].Err)
	}
}
