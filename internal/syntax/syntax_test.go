package syntax

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ewt is the treebank the model is trained on, beside the checkout.
const ewt = "../../../shared/corpora/ud-english-ewt"

// treebank returns the path of a treebank file, or skips outside CI when it is missing.
func treebank(t testing.TB, name string) string {
	p := filepath.Join(ewt, name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("treebank missing in CI: %v", err)
		}
		t.Skipf("treebank not found: %v", err)
	}
	return p
}

func model(t testing.TB) *Model {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCoNLLURoundTrip(t *testing.T) {
	for _, name := range []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		p := treebank(t, name)
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		ranges, empty := 0, 0
		err = ReadCoNLLU(context.Background(), bytes.NewReader(raw), func(s *ConllSentence) error {
			for _, r := range s.Rows {
				switch {
				case strings.Contains(r[0], "-"):
					ranges++
				case strings.Contains(r[0], "."):
					empty++
				}
			}
			return WriteCoNLLU(&out, s)
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), raw) {
			t.Errorf("%s: written file differs from the one read", name)
		}
		if ranges == 0 || empty == 0 {
			t.Errorf("%s: %d multiword ranges and %d empty nodes read; the test needs both", name, ranges, empty)
		}
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	for _, in := range []string{
		"1\ta\n",                              // too few columns
		"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",   // id out of sequence
		"1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n\n", // head out of range
	} {
		err := ReadCoNLLU(context.Background(), strings.NewReader(in), func(*ConllSentence) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: err = %v, want a malformed CoNLL-U error naming line 1", in, err)
		}
	}
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Morocco's police don't stop.", "Morocco|'s|police|do|n't|stop|."},
		{"I'm sure they’re gone, aren't they?", "I|'m|sure|they|’re|gone|,|are|n't|they|?"},
		{"We cannot wait... Really!!", "We|can|not|wait|...|Really|!!"},
		{"9,179 Europe-bound migrants (2.5%)", "9,179|Europe|-|bound|migrants|(|2.5|%|)"},
		{"Mr. Smith of the U.S. met co-workers.", "Mr.|Smith|of|the|U.S.|met|co-workers|."},
		{"See www.example.org, or mail a@b.org.", "See|www.example.org|,|or|mail|a@b.org|."},
		{"the migrants' boats", "the|migrants|'|boats"},
		{"", ""},
	} {
		toks := Tokenize(c.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Form)
			if r := []rune(c.in); string(r[tk.Start:tk.End]) != tk.Form {
				t.Errorf("%q: token %q has offsets %d:%d giving %q", c.in, tk.Form, tk.Start, tk.End, string(r[tk.Start:tk.End]))
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("Tokenize(%q) = %s, want %s", c.in, g, c.want)
		}
	}
}

func TestTokenizeOffsetsInCodePoints(t *testing.T) {
	toks := TokenizeAt("Señora Ñúñez’s “visit”", 10)
	want := []struct {
		form       string
		start, end int
	}{{"Señora", 10, 16}, {"Ñúñez", 17, 22}, {"’s", 22, 24}, {"“", 25, 26}, {"visit", 26, 31}, {"”", 31, 32}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %v, want %d", len(toks), toks, len(want))
	}
	for i, w := range want {
		if toks[i].Form != w.form || toks[i].Start != w.start || toks[i].End != w.end {
			t.Errorf("token %d = %q %d:%d, want %q %d:%d", i, toks[i].Form, toks[i].Start, toks[i].End, w.form, w.start, w.end)
		}
	}
	if toks[0].SpaceAfter != true || toks[1].SpaceAfter != false {
		t.Errorf("SpaceAfter = %v, %v; want true, false", toks[0].SpaceAfter, toks[1].SpaceAfter)
	}
}

func TestParseGivesATree(t *testing.T) {
	m := model(t)
	s := m.ParseText("Police arrested the suspects in Rabat on Monday.")
	if !s.Valid() {
		t.Fatalf("not a tree: %+v", s.Tokens)
	}
	verb := s.Root()
	if verb < 0 || s.Tokens[verb].Form != "arrested" || s.Tokens[verb].Lemma != "arrest" {
		t.Fatalf("root = %d, want 'arrested' with lemma arrest: %+v", verb, s.Tokens)
	}
	if subj := s.Dependent(verb, "nsubj"); subj < 0 || s.Tokens[subj].Form != "Police" {
		t.Errorf("nsubj of arrested = %d, want Police", subj)
	}
	if obj := s.Dependent(verb, "obj"); obj < 0 || s.Tokens[obj].Form != "suspects" {
		t.Errorf("obj of arrested = %d, want suspects", obj)
	}
}

// devSlice is the number of dev sentences TestDevFloor scores.
const devSlice = 600

// TestDevFloor scores the model on a fixed slice of the dev treebank (gold tokens), so that a
// worse model cannot land unnoticed. The floors sit a little under the measured figures.
func TestDevFloor(t *testing.T) {
	cs, err := ReadCoNLLUFile(context.Background(), treebank(t, "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	sc := model(t).Evaluate(context.Background(), Sentences(cs[:devSlice]))
	t.Logf("dev[:%d]: %s", devSlice, sc)
	for _, f := range []struct {
		name      string
		got, want float64
	}{{"UPOS", sc.UPOSAcc(), 94.5}, {"UAS", sc.UASAcc(), 84}, {"LAS", sc.LASAcc(), 80.8}, {"lemma", sc.LemmaAcc(), 96.5}} {
		if f.got < f.want {
			t.Errorf("%s %.2f under its floor %.2f", f.name, f.got, f.want)
		}
	}
}

func TestLemmas(t *testing.T) {
	m := model(t)
	s := m.ParseText("The coastguards were rescuing migrants who had escaped and were carried to ports.")
	want := map[string]string{"coastguards": "coastguard", "were": "be", "rescuing": "rescue", "migrants": "migrant",
		"had": "have", "escaped": "escape", "carried": "carry", "ports": "port"}
	for _, tk := range s.Tokens {
		if w, ok := want[tk.Form]; ok && tk.Lemma != w {
			t.Errorf("lemma of %q (%s) = %q, want %q", tk.Form, tk.XPOS, tk.Lemma, w)
		}
	}
}

func TestRelIsAndHelpers(t *testing.T) {
	if !RelIs("nsubj:pass", "nsubj") || !RelIs("obl", "obl") || RelIs("nsubj", "nsubj:pass") || RelIs("nmod", "nmo") {
		t.Error("RelIs matches a relation and its subtypes only")
	}
	// "No boats were not stopped": tokens 0..4, a hand-made tree.
	s := &Sentence{Tokens: []Token{
		{Form: "No", Head: 1, Rel: "det"}, {Form: "boats", Head: 4, Rel: "nsubj:pass"},
		{Form: "were", Head: 4, Rel: "aux:pass"}, {Form: "not", Head: 4, Rel: "advmod"}, {Form: "stopped", Head: -1, Rel: "root"},
	}}
	if !s.Valid() || s.Root() != 4 {
		t.Fatal("hand-made tree is valid with root 4")
	}
	if !s.Negated(4) || !s.Negated(1) || s.Negated(2) {
		t.Error("Negated: 'stopped' (not) and 'boats' (no) are, 'were' is not")
	}
	if got := s.Dependents(4, "aux"); len(got) != 1 || got[0] != 2 {
		t.Errorf("aux dependents of stopped = %v", got)
	}
	if got := s.Dependent(4, "nsubj"); got != 1 {
		t.Errorf("nsubj of stopped = %d", got)
	}
	if f, l := s.Span(1); f != 0 || l != 1 {
		t.Errorf("span of boats = %d..%d", f, l)
	}
	if a := s.Ancestor(0, "nsubj"); a != 1 {
		t.Errorf("nsubj ancestor of No = %d", a)
	}
	if !s.Dominates(4, 0) || s.Dominates(1, 4) {
		t.Error("Dominates")
	}
	// Malformed trees are not valid, and the helpers still end.
	cyc := &Sentence{Tokens: []Token{{Head: 1, Rel: "x"}, {Head: 0, Rel: "x"}, {Head: -1, Rel: "root"}}}
	if cyc.Valid() || cyc.Ancestor(0, "y") != -1 || cyc.Dominates(2, 0) {
		t.Error("a cycle is not a tree, and walks over it end")
	}
	two := &Sentence{Tokens: []Token{{Head: -1, Rel: "root"}, {Head: -1, Rel: "root"}}}
	if two.Valid() {
		t.Error("two roots are not a tree")
	}
}
