package syntax

import (
	"reflect"
	"testing"
)

var cacheSentences = []string{
	"The coastguard rescued 223 migrants from 18 dinghies on Monday.",
	"Spain and Morocco agreed to strengthen their cooperation on migration.",
	"\"We must act now,\" the minister told reporters in Rabat.",
	"Police arrested three suspected smugglers near the port.",
	"The talks, which lasted two days, ended without a statement.",
}

// A cached parse is the parse: the same tokens, field by field, on a miss and on a hit.
func TestParseCacheExact(t *testing.T) {
	m := model(t)
	c := NewParseCache(100)
	for round := 0; round < 2; round++ {
		for _, text := range cacheSentences {
			want := m.ParseText(text)
			got := &Sentence{Tokens: Tokenize(text)}
			m.ParseCached(got, c)
			if !reflect.DeepEqual(got.Tokens, want.Tokens) {
				t.Fatalf("round %d: cached parse of %q differs:\n got %+v\nwant %+v", round, text, got.Tokens, want.Tokens)
			}
		}
	}
	req, hits := c.Stats()
	if n := uint64(len(cacheSentences)); req != 2*n || hits != n {
		t.Fatalf("requests %d, hits %d; want %d and %d", req, hits, 2*n, n)
	}
}

// The cache stays within its size, and keeps what is used.
func TestParseCacheBounded(t *testing.T) {
	m := model(t)
	c := NewParseCache(4)
	keep := &Sentence{Tokens: Tokenize(cacheSentences[0])}
	for _, text := range cacheSentences[1:] {
		m.ParseCached(&Sentence{Tokens: Tokenize(keep.Tokens[0].Form)}, c) // a one-word sentence
		m.ParseCached(&Sentence{Tokens: Tokenize(text)}, c)
		if n := len(c.young) + len(c.old); n > 4 {
			t.Fatalf("cache holds %d sentences, more than its size 4", n)
		}
	}
	_, before := c.Stats()
	m.ParseCached(&Sentence{Tokens: Tokenize(keep.Tokens[0].Form)}, c)
	if _, after := c.Stats(); after != before+1 {
		t.Fatal("a sentence asked for again and again was dropped")
	}
	// Another model's parse of the same words is not the first model's.
	other := &Model{tg: m.tg, lm: m.lm, ps: m.ps}
	_, before = c.Stats()
	other.ParseCached(&Sentence{Tokens: Tokenize(keep.Tokens[0].Form)}, c)
	if _, after := c.Stats(); after != before {
		t.Fatal("the cache answered for another model")
	}
}
