package text

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseReport(t *testing.T) {
	tests := []struct {
		name, in   string
		pub, title string
		body       string
		warn       bool
		err        error
	}{
		{"header", " date 2021-04-15 Morocco and Spain\n\nRabat – text.", "2021-04-15", "Morocco and Spain", "Rabat – text.", false, nil},
		{"no leading space", "date 2021-04-15 T\n\nBody", "2021-04-15", "T", "Body", false, nil},
		{"no header", "Just a body.\n\nMore.", "", "", "Just a body.\n\nMore.", true, nil},
		{"bad date", " date 2021-13-45 T\n\nBody", "", "2021-13-45 T", "Body", true, nil},
		{"empty", "  \n\n", "", "", "", false, ErrEmpty},
		{"binary", "\x00\x01\x02abc", "", "", "", false, ErrBinary},
		{"crlf", " date 2020-01-02 T\r\n\r\nA\r\n\r\nB", "2020-01-02", "T", "A\n\nB", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseReport([]byte(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if r.Header.Published != tt.pub || r.Header.Title != tt.title || r.Body != tt.body {
				t.Errorf("got (%q, %q, %q), want (%q, %q, %q)", r.Header.Published, r.Header.Title, r.Body, tt.pub, tt.title, tt.body)
			}
			if (len(r.Warnings) > 0) != tt.warn {
				t.Errorf("warnings = %v, want some: %v", r.Warnings, tt.warn)
			}
		})
	}
}

func TestParseReportRepairsUTF8AndRefusesLarge(t *testing.T) {
	r, err := ParseReport([]byte(" date 2020-01-02 T\n\nbad \xff byte"))
	if err != nil || len(r.Warnings) == 0 || !utf8.ValidString(r.Body) {
		t.Fatalf("got %+v, %v; want a repaired body with a warning", r, err)
	}
	if _, err := ParseReport(make([]byte, MaxReportBytes+1)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Gen. Smith met U.S. officials. They agreed.", []string{"Gen. Smith met U.S. officials.", "They agreed."}},
		{"Agent Matthew J. Hudak said so. No. 5 is here.", []string{"Agent Matthew J. Hudak said so.", "No. 5 is here."}},
		{"It began at 2 a.m. Police arrived.", []string{"It began at 2 a.m.", "Police arrived."}},
		{"“We will,” he said. “We must.” Then he left.", []string{"“We will,” he said.", "“We must.”", "Then he left."}},
		{"First paragraph\n\nSecond one.", []string{"First paragraph", "Second one."}},
		{"The 2.5 million figure rose. Then 9,179 left.", []string{"The 2.5 million figure rose.", "Then 9,179 left."}},
		// A straight mark glued to the next word opens the next sentence's quotation.
		{"They saw it. \"The boat was full,\" one said. 'It sank.'", []string{"They saw it.", "\"The boat was full,\" one said.", "'It sank.'"}},
		{"\"We will.\" Then he left.", []string{"\"We will.\"", "Then he left."}},
	}
	for _, tt := range tests {
		d := Analyze(tt.in)
		var got []string
		for _, s := range d.Sents {
			got = append(got, tt.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Analyze(%q) sentences = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Morocco’s envoy", "Morocco|’s|envoy"},
		{"Spain's 9,179 migrants", "Spain|'s|9,179|migrants"},
		{"U.S. and Grande-Marlaska", "U.S.|and|Grande-Marlaska"},
		{"don't 'single' quotes", "don't|'|single|'|quotes"},
		{"Malacca,Â\u00a0off", "Malacca|,|off"},
		{"19:00 GMT", "19:00|GMT"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestRuneOffsets(t *testing.T) {
	s := "Rabat – Morocco’s envoy"
	d := Analyze(s)
	for _, tok := range d.Tokens {
		r := []rune(s)
		got := string(r[d.Runes(tok.Start):d.Runes(tok.End)])
		if got != tok.Text {
			t.Errorf("code-point slice %q, want %q", got, tok.Text)
		}
	}
}

func TestFoldName(t *testing.T) {
	if got := FoldName("Fernando Grande-Marlaska"); got != "fernando grande marlaska" {
		t.Errorf("FoldName = %q", got)
	}
	if got := FoldName("Jesús  Pérea"); got != "jesus perea" {
		t.Errorf("FoldName = %q", got)
	}
}

func FuzzParseReport(f *testing.F) {
	f.Add([]byte(" date 2021-04-15 T\n\nBody."))
	f.Add([]byte("date x"))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := ParseReport(b)
		if err == nil && !utf8.ValidString(r.Body) {
			t.Fatalf("body is not valid UTF-8")
		}
		d := Analyze(r.Body)
		n := utf8.RuneCountInString(r.Body)
		for _, s := range d.Sents {
			if s.Start > s.End || d.Runes(s.End) > n {
				t.Fatalf("bad sentence span %+v", s)
			}
		}
	})
}

// TestLongSentencesAreCut checks the bound on sentences: no sentence holds more than
// MaxSentenceTokens tokens, a cut falls after a comma when one is near the bound, every token
// stays in exactly one sentence, and the cuts are counted.
func TestLongSentencesAreCut(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		cuts   int
		commas bool // every piece but the last ends with a comma
	}{
		{"numbers", strings.Repeat("1234 ", 1000), 1000/MaxSentenceTokens - 1 + min(1, 1000%MaxSentenceTokens), false},
		{"clauses", strings.Repeat("the boat sank near the coast , ", 100), -1, true},
		{"a real sentence", "Morocco prevented 9,179 migrants from leaving in 2020, officials said.", 0, false},
	}
	for _, tt := range tests {
		d := Analyze(tt.in)
		if tt.cuts >= 0 && d.Cut != tt.cuts {
			t.Errorf("%s: %d cuts, want %d", tt.name, d.Cut, tt.cuts)
		}
		next := 0
		for i, s := range d.Sents {
			if len(s.Tokens) > MaxSentenceTokens {
				t.Errorf("%s: sentence %d has %d tokens", tt.name, i, len(s.Tokens))
			}
			if s.First != next {
				t.Errorf("%s: sentence %d starts at token %d, want %d", tt.name, i, s.First, next)
			}
			for _, tok := range s.Tokens {
				if tok.Sent != i {
					t.Fatalf("%s: a token of sentence %d says %d", tt.name, i, tok.Sent)
				}
			}
			next += len(s.Tokens)
			if tt.commas && i < len(d.Sents)-1 && s.Tokens[len(s.Tokens)-1].Text != "," {
				t.Errorf("%s: piece %d ends with %q, not after a comma", tt.name, i, s.Tokens[len(s.Tokens)-1].Text)
			}
		}
		if next != len(d.Tokens) {
			t.Errorf("%s: the sentences hold %d of %d tokens", tt.name, next, len(d.Tokens))
		}
	}
}

// TestElision: a French elided word is a token of its own, with its offsets; an English
// contraction or name is not split.
func TestElision(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"l'Espagne", []string{"l'", "Espagne"}},
		{"d’euros", []string{"d’", "euros"}},
		{"qu'il", []string{"qu'", "il"}},
		{"don't", []string{"don't"}},
		{"O'Brien", []string{"O'Brien"}},
		{"l'", []string{"l", "'"}},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tc.in[tk.Start:tk.End])
			if tk.Text != tc.in[tk.Start:tk.End] {
				t.Errorf("%q: token %q has offsets of %q", tc.in, tk.Text, tc.in[tk.Start:tk.End])
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSentencesLang: Spanish and French titles before a name end no sentence.
func TestSentencesLang(t *testing.T) {
	for _, in := range []string{
		"La Sra. Pérez habló ayer con la prensa.",
		"Según el Sr. Martínez no hubo incidentes.",
		"Selon M. Laftit, la coopération est exemplaire.",
		"Mme. Dupont a déclaré que tout allait bien.",
	} {
		if d := Analyze(in); len(d.Sents) != 1 {
			t.Errorf("%q: %d sentences, want 1", in, len(d.Sents))
		}
	}
}
