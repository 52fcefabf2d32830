package store

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/record"
)

func TestClean(t *testing.T) {
	pub := "2021-04-15"
	tests := []struct {
		name, text, title string
		quote             string
		want, wantQuote   string
		warn              string
	}{
		{"clean", "Morocco met Spain.", "T", "fine", "Morocco met Spain.", "fine", ""},
		{"NUL in the text and a quote", "Morocco\x00 met\x00 Spain.", "T", "we\x00 agree", "Morocco\uFFFD met\uFFFD Spain.", "we\uFFFD agree", "2 NUL characters replaced"},
		{"NUL in the title", "Morocco met Spain.", "T\x00", "", "Morocco met Spain.", "", "1 NUL character replaced"},
		{"bytes that are not UTF-8", "Morocco \xff\xfe met Spain.", "T", "", "Morocco \uFFFD\uFFFD met Spain.", "", "2 bytes that are not UTF-8 replaced"},
		{"both", "a\x00b\xffc", "T", "", "a\uFFFDb\uFFFDc", "", "1 NUL character and 1 byte that are not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Entry{Doc: record.Document{Source: "r.txt", Title: tt.title, Text: tt.text, Published: &pub}}
			if tt.quote != "" {
				e.Extraction.Quotes = []record.Quote{{ID: "q1", Text: tt.quote}}
			}
			before := utf8.RuneCountInString(tt.text)
			h1, _ := Key(e.Doc)
			warn := Clean(&e)
			if e.Doc.Text != tt.want {
				t.Errorf("text %q, want %q", e.Doc.Text, tt.want)
			}
			if n := utf8.RuneCountInString(e.Doc.Text); n != before {
				t.Errorf("%d code points after cleaning, %d before: offsets would move", n, before)
			}
			if tt.quote != "" && e.Extraction.Quotes[0].Text != tt.wantQuote {
				t.Errorf("quote %q, want %q", e.Extraction.Quotes[0].Text, tt.wantQuote)
			}
			if strings.ContainsRune(e.Doc.Title, 0) {
				t.Errorf("title %q", e.Doc.Title)
			}
			if tt.warn == "" && warn != "" || !strings.Contains(warn, tt.warn) || tt.warn != "" && !strings.HasPrefix(warn, "r.txt: ") {
				t.Errorf("warning %q, want %q", warn, tt.warn)
			}
			if h2, _ := Key(e.Doc); h1 != h2 {
				t.Error("the key changed with cleaning: a document would be stored twice")
			}
		})
	}
}
