package extract

import (
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/text"
)

// tokenAt returns the index of the first text token with the given text.
func tokenAt(t *testing.T, s *state, word string) int {
	t.Helper()
	for i, tok := range s.doc.Tokens {
		if tok.Text == word {
			return i
		}
	}
	t.Fatalf("no token %q", word)
	return -1
}

func TestTreeHelpers(t *testing.T) {
	s := &state{doc: text.Analyze("Police arrested 466 suspects of the smuggling network. The coast guard didn't stop the Europe-bound boat... It was not intercepted by the navy.")}
	if s.trees != nil {
		t.Fatal("trees allocated before any rule asked")
	}
	detained := tokenAt(t, s, "arrested")
	if got := s.synRel(detained); got != "root" {
		t.Errorf("rel of detained = %q, want root", got)
	}
	if s.trees[1] != nil || s.trees[2] != nil {
		t.Error("sentences that no rule asked about were parsed")
	}
	if got := s.synDep(detained, "nsubj"); got != tokenAt(t, s, "Police") {
		t.Errorf("nsubj of detained = %d, want police", got)
	}
	suspects := tokenAt(t, s, "suspects")
	if got := s.synDep(detained, "obj"); got != suspects {
		t.Errorf("obj of detained = %d, want suspects", got)
	}
	if got := s.synDeps(suspects, "nummod"); len(got) != 1 || s.doc.Tokens[got[0]].Text != "466" {
		t.Errorf("nummod of suspects = %v, want [466]", got)
	}
	if got := s.synHead(suspects); got != detained {
		t.Errorf("head of suspects = %d, want detained (%d)", got, detained)
	}
	network := tokenAt(t, s, "network")
	if first, last := s.synSpan(suspects); first != tokenAt(t, s, "466") || last != network {
		t.Errorf("span of suspects = %d..%d, want 466..network", first, last)
	}
	if got := s.synAncestor(tokenAt(t, s, "smuggling"), "obj"); got != suspects {
		t.Errorf("obj ancestor of smuggling = %d, want suspects", got)
	}
	if s.synNegated(detained) {
		t.Error("detained is not negated")
	}
	if got := s.synLemma(detained); got != "arrest" {
		t.Errorf("lemma of detained = %q", got)
	}

	// "didn't" is one text token and two syntax tokens; "Europe-bound" three; "..." one.
	stop := tokenAt(t, s, "stop")
	if !s.synNegated(stop) {
		t.Error("'didn't stop' is negated")
	}
	if got := s.synDeps(stop, "aux"); len(got) != 1 || s.doc.Tokens[got[0]].Text != "didn't" {
		t.Errorf("aux of stop = %v, want [didn't]", got)
	}
	bound := tokenAt(t, s, "Europe-bound")
	tr, i := s.node(bound)
	if tr == nil || tr.Tokens[i].Form == "-" {
		t.Fatalf("main syntax token of Europe-bound = %v", i)
	}
	if got := s.synHead(bound); got != tokenAt(t, s, "boat") {
		t.Errorf("head of Europe-bound = %d, want boat", got)
	}
	dots := 0
	for _, tk := range tr.Tokens {
		if tk.Form == "..." {
			dots++
		}
	}
	if dots != 1 {
		t.Errorf("want one '...' syntax token, got %d in %+v", dots, tr.Tokens)
	}
	for k := range tr.Tokens {
		if a := tr.text(k); a < tr.first || a >= tr.first+len(tr.synOf) {
			t.Errorf("syntax token %d maps to text token %d outside its sentence", k, a)
		}
	}
	// Offsets of syntax tokens are code points within the document.
	for _, tk := range tr.Tokens {
		if got := string([]rune(s.doc.Text)[tk.Start:tk.End]); got != tk.Form {
			t.Errorf("token %q has offsets giving %q", tk.Form, got)
		}
	}

	intercepted := tokenAt(t, s, "intercepted")
	if !s.synNegated(intercepted) {
		t.Error("'was not intercepted' is negated")
	}
	if got := s.synDep(intercepted, "obl:agent"); got != tokenAt(t, s, "navy") {
		t.Errorf("obl:agent of intercepted = %d, want navy", got)
	}
	if got := s.synDep(intercepted, "nsubj"); got != tokenAt(t, s, "It") {
		t.Errorf("nsubj (matching nsubj:pass) of intercepted = %d, want It", got)
	}

	// Out of range asks get nothing.
	if s.synHead(-1) != -1 || s.synDep(len(s.doc.Tokens), "") != -1 || s.tree(99) != nil {
		t.Error("out-of-range tokens and sentences must give -1 and nil")
	}
}

// TestExtractParsesOnlyWhatItNeeds: only a sentence that can hold a record is parsed (the
// bridge costs nothing for the others).
func TestExtractParsesOnlyWhatItNeeds(t *testing.T) {
	x := extractor(t)
	s := &state{lx: x.lx, doc: text.Analyze("Spain and Morocco signed an agreement on Monday. The weather was fine."), entityKey: map[string]int{}}
	s.findActors()
	s.sortMentions()
	s.findPersons()
	s.findTimes()
	s.findQuotes()
	s.findStatistics()
	s.findEvents()
	if len(s.trees) != 2 || s.trees[0] == nil {
		t.Fatal("the sentence with an event trigger was not parsed")
	}
	if s.trees[1] != nil {
		t.Error("a sentence with nothing to extract was parsed")
	}
}

// TestCutSentencesAreNotParsed checks that the pieces of a run with no sentence end, cut at
// text.MaxSentenceTokens, get no tree, while a real sentence of the same text does.
func TestCutSentencesAreNotParsed(t *testing.T) {
	var b strings.Builder
	b.WriteString("Police arrested 466 suspects.\n\n")
	for b.Len() < 4000 {
		b.WriteString("the coast guard rescued 120 migrants off Libya , ")
	}
	s := &state{doc: text.Analyze(b.String())}
	if len(s.doc.Sents) < 3 || s.doc.Cut == 0 {
		t.Fatalf("want the run cut into pieces: %d sentences, %d cuts", len(s.doc.Sents), s.doc.Cut)
	}
	if s.doc.Sents[0].Cut || s.tree(0) == nil {
		t.Errorf("the whole sentence: cut %v, tree %v", s.doc.Sents[0].Cut, s.tree(0) != nil)
	}
	for i := 1; i < len(s.doc.Sents); i++ {
		if !s.doc.Sents[i].Cut {
			t.Errorf("piece %d of the run is not marked as cut", i)
		}
		if s.tree(i) != nil {
			t.Errorf("piece %d of the run was parsed", i)
		}
	}
}

// TestTreeLanguages: a Spanish or French document is parsed with its language's model and
// tokenizer; a contraction is one text token and two syntax tokens, and stands for the one of
// them whose head is outside it.
func TestTreeLanguages(t *testing.T) {
	tests := []struct {
		lang, text, verb, subj, obj, lemma string
	}{
		{"es", "La Guardia Civil detuvo al patrón de la patera en Almería.", "detuvo", "Guardia", "patrón", "detener"},
		{"fr", "Les gendarmes ont arrêté deux passeurs au port de Tanger.", "arrêté", "gendarmes", "passeurs", "arrêter"},
	}
	for _, tc := range tests {
		s := &state{doc: text.Analyze(tc.text), lang: tc.lang}
		verb := tokenAt(t, s, tc.verb)
		if got := s.synRel(verb); got != "root" {
			t.Errorf("%s: rel of %s = %q, want root", tc.lang, tc.verb, got)
		}
		if got := s.synDep(verb, "nsubj"); got != tokenAt(t, s, tc.subj) {
			t.Errorf("%s: nsubj of %s = %d, want %s", tc.lang, tc.verb, got, tc.subj)
		}
		if got := s.synHead(tokenAt(t, s, tc.obj)); got != verb {
			t.Errorf("%s: head of %s = %d, want %s", tc.lang, tc.obj, got, tc.verb)
		}
		if got := s.synLemma(verb); got != tc.lemma {
			t.Errorf("%s: lemma of %s = %q, want %s", tc.lang, tc.verb, got, tc.lemma)
		}
		tr := s.trees[0]
		if n, words := len(s.doc.Sents[0].Tokens), tr.Len(); words != n+1 {
			t.Errorf("%s: %d text tokens gave %d syntax tokens, want one more for the contraction", tc.lang, n, words)
		}
	}
	// Another language is read with the English model, not left without trees.
	s := &state{doc: text.Analyze("Police arrested 466 suspects."), lang: "de"}
	if got := s.synRel(tokenAt(t, s, "arrested")); got != "root" {
		t.Errorf("de: rel of arrested = %q, want root", got)
	}
}
