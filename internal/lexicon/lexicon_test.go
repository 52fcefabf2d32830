package lexicon

import (
	"testing"

	"github.com/alboran/alboran/internal/text"
)

// TestStatCues checks the counted nouns and verbs of statistics.en.tsv: one-word stems, whole
// phrases, and phrases with a gap of up to three words.
func TestStatCues(t *testing.T) {
	lx, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, cat string
		noun      bool
		words     int // how many words the cue covers
	}{
		{"drownings", "migrants_dead_missing", false, 1},
		{"smugglers", "suspects_arrested", true, 1},
		{"made the crossing", "migrants_arrived", false, 3},
		{"made the long cold journey", "migrants_arrived", false, 5},
		{"made their way", "migrants_arrived", false, 3},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.text)
		m, ok := lx.StatCueAt(toks, 0)
		if !ok || m.Vals[0].Category != tt.cat || m.Vals[0].Noun != tt.noun || m.End != tt.words {
			t.Errorf("%q: %+v %v, want %s (noun %v) over %d words", tt.text, m, ok, tt.cat, tt.noun, tt.words)
		}
	}
	// A phrase of kind none holds no cue: "in return", "a return flight".
	for _, c := range []struct {
		s string
		i int
	}{{"sent in return", 2}, {"a return flight", 1}} {
		if m, ok := lx.StatCueAt(text.Tokenize(c.s), c.i); ok {
			t.Errorf("%q: word %d is a cue: %+v", c.s, c.i, m)
		}
	}
	if _, ok := lx.StatCueAt(text.Tokenize("were returned"), 1); !ok {
		t.Error(`"returned" is no cue`)
	}
	// A gap is at most three words, and stops at punctuation.
	for _, s := range []string{"made a lot of very slow journey", "made a plan, then a journey"} {
		if m, ok := lx.StatCueAt(text.Tokenize(s), 0); ok && m.End > 1 {
			t.Errorf("%q: %+v matches a gap phrase", s, m)
		}
	}
}

// TestStatCueLine checks that a malformed line of statistics.en.tsv is refused.
func TestStatCueLine(t *testing.T) {
	lx := &Lexicon{StatCues: NewTrie[StatCue](), statBlocks: NewTrie[bool]()}
	for _, c := range [][]string{{"drown", "adverb", "migrants_dead_missing"}, {"", "verb", "x"}, {"made ...", "verb", "migrants_arrived"}} {
		if err := lx.addStatCue(c); err == nil {
			t.Errorf("%q: no error", c)
		}
	}
}

// TestLanguages compiles the dictionaries of every language and checks an entry of each file.
func TestLanguages(t *testing.T) {
	for lang, want := range map[string][]string{
		"es": {"España", "marroquí", "Guardia Civil", "declaró", "ministro del interior", "pateras"},
		"fr": {"Espagne", "marocaine", "Gendarmerie royale", "déclaré", "ministre de l'intérieur", "passeurs"},
	} {
		lx, err := For(lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if lx.Lang != lang {
			t.Errorf("For(%q).Lang = %q", lang, lx.Lang)
		}
		actor := func(p string) bool {
			toks := text.Tokenize(p)
			m, ok := lx.Actors.Longest(toks, 0)
			return ok && m.End == len(toks)
		}
		if !actor(want[0]) || !actor(want[1]) || !actor(want[2]) {
			t.Errorf("%s: actors %v not all known", lang, want[:3])
		}
		if _, ok := lx.Speech[want[3]]; !ok {
			t.Errorf("%s: speech verb %q unknown", lang, want[3])
		}
		if m, ok := lx.Titles.Longest(text.Tokenize(want[4]), 0); !ok || !m.Vals[0].Gov {
			t.Errorf("%s: title %q unknown or not a state office", lang, want[4])
		}
		if _, ok := lx.StatCueAt(text.Tokenize(want[5]), 0); !ok {
			t.Errorf("%s: counted noun %q unknown", lang, want[5])
		}
	}
	en, _ := For("en")
	if def, _ := Default(); en != def {
		t.Error(`For("en") is not the default dictionaries`)
	}
	if _, err := LoadLang("de"); err == nil {
		t.Error("LoadLang(de) should fail: no German dictionaries")
	}
}

// TestDemonyms checks that the demonyms built from i18n-nationality (demonyms.tsv) name their
// country in every form the rules make, and that the hand-written countries.tsv keeps the
// countries it lists.
func TestDemonyms(t *testing.T) {
	for _, tc := range []struct{ lang, word, code string }{
		{"fr", "ghanéen", "GHA"}, {"fr", "ghanéennes", "GHA"}, {"fr", "béninoise", "BEN"},
		{"fr", "togolais", "TGO"}, {"fr", "marocaine", "MAR"},
		{"es", "togolés", "TGO"}, {"es", "togolesas", "TGO"}, {"es", "beninés", "BEN"},
		{"es", "liberianos", "LBR"}, {"es", "marroquí", "MAR"},
		{"fr", "indien", ""}, // "l'océan Indien"
	} {
		lx, err := For(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if m, ok := lx.Actors.Longest(text.Tokenize(tc.word), 0); ok {
			for _, v := range m.Vals {
				if v.Kind == CountryAdj {
					got = v.Code
				}
			}
		}
		if got != tc.code {
			t.Errorf("%s %q: country %q, want %q", tc.lang, tc.word, got, tc.code)
		}
	}
}
