package extract

import (
	"errors"

	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/text"
)

// The bridge between extraction and the syntax layer.
//
// Extraction works on text tokens (indexes into s.doc.Tokens). A sentence's dependency tree
// is built on first use and cached, so that only the sentences a rule asks about are parsed,
// and a document whose rules never ask costs nothing more. The syntax tokens of a sentence map
// both ways to its text tokens: a text token may be several syntax tokens ("don't" is "do"
// "n't", "Europe-bound" is "Europe" "-" "bound"), and a run of punctuation text tokens ("." "."
// ".") is one syntax token ("...").
//
// The helpers below take and return text-token indexes; -1 means none. A text token stands
// for its main syntax token: the one of its pieces whose head lies outside the token (the
// first such piece when there are several).

// sentTree is one sentence's parse and its maps to and from the text tokens.
type sentTree struct {
	*syntax.Sentence
	first    int     // index in s.doc.Tokens of the sentence's first text token
	textOf   []int32 // syntax token -> first text token it covers (document index)
	textLast []int32 // syntax token -> last text token it covers
	synOf    []int32 // text token (minus first) -> its main syntax token
	kids     [][]int32
	lo, hi   []int32 // syntax token -> first and last syntax token of its subtree
}

// tree returns the parse of text sentence sent (an index into s.doc.Sents), parsing it on
// first use; nil when sent is out of range, or when the embedded model cannot be loaded (a
// broken build, which the syntax package's tests rule out). The model is the document's
// language's (s.lang: English, Spanish or French; a language without a model of its own is
// read with the English one, as its extraction uses the English rules); each is loaded once
// per process, on its first call.
func (s *state) tree(sent int) *sentTree {
	if sent < 0 || sent >= len(s.doc.Sents) {
		return nil
	}
	if s.trees == nil {
		s.trees = make([]*sentTree, len(s.doc.Sents))
	}
	if t := s.trees[sent]; t != nil {
		return t
	}
	// A piece of a run with no sentence end (a paragraph with no full stop, cut at the
	// sentence bound) is no sentence: its tree would be noise, and parsing every piece of a
	// long run is the largest cost of such a text. The rules read its words only.
	if s.doc.Sents[sent].Cut {
		return nil
	}
	m, err := syntax.For(s.lang)
	if errors.Is(err, syntax.ErrNoModel) {
		m, err = syntax.Default()
	}
	if err != nil {
		return nil
	}
	t := buildTree(s.doc, sent, m, s.lang, s.cache)
	s.trees[sent] = t
	return t
}

// buildTree tokenizes a text sentence for the parser as language lang does, parses it
// (through cache when it is not nil) and builds the maps.
func buildTree(doc *text.Doc, sent int, m *syntax.Model, lang string, cache *syntax.ParseCache) *sentTree {
	ts := doc.Sents[sent]
	t := &sentTree{Sentence: &syntax.Sentence{}, first: ts.First, synOf: make([]int32, len(ts.Tokens))}
	for k := 0; k < len(ts.Tokens); k++ {
		tok := ts.Tokens[k]
		// A run of the same punctuation mark with nothing between is one token: "...", "!!".
		last := k
		for tok.Kind == text.Punct && last+1 < len(ts.Tokens) && ts.Tokens[last+1].Text == tok.Text && ts.Tokens[last+1].Start == ts.Tokens[last].End {
			last++
		}
		// The syntax tokens of this text token; those before are the context of a word whose
		// splitting depends on it (French "des").
		n0 := len(t.Tokens)
		if last > k {
			t.Tokens = append(t.Tokens, syntax.Token{Form: doc.Text[tok.Start:ts.Tokens[last].End], Start: doc.Runes(tok.Start), End: doc.Runes(ts.Tokens[last].End), Head: -1})
		} else {
			t.Tokens = syntax.AppendTokens(lang, t.Tokens, tok.Text, doc.Runes(tok.Start))
			if len(t.Tokens) == n0 { // not expected: a text token always has text
				t.Tokens = append(t.Tokens, syntax.Token{Form: tok.Text, Start: doc.Runes(tok.Start), End: doc.Runes(tok.End), Head: -1})
			}
		}
		pieces := t.Tokens[n0:]
		pieces[len(pieces)-1].SpaceAfter = last+1 < len(ts.Tokens) && ts.Tokens[last+1].Start > ts.Tokens[last].End
		for range pieces {
			t.textOf = append(t.textOf, int32(ts.First+k))
			t.textLast = append(t.textLast, int32(ts.First+last))
		}
		k = last
	}
	m.ParseCached(t.Sentence, cache)
	n := len(t.Tokens)
	// Main syntax token of each text token: the first of its pieces whose head is outside the
	// token, else its first piece.
	for i := range t.synOf {
		t.synOf[i] = -1
	}
	for i := 0; i < n; i++ {
		for k := t.textOf[i]; k <= t.textLast[i]; k++ {
			j := &t.synOf[int(k)-t.first]
			if *j < 0 || (!t.headOutside(int(*j)) && t.headOutside(i)) {
				*j = int32(i)
			}
		}
	}
	// Children lists and subtree spans, in linear time.
	t.kids = make([][]int32, n)
	root := -1
	for i := 0; i < n; i++ {
		if h := t.Tokens[i].Head; h >= 0 {
			t.kids[h] = append(t.kids[h], int32(i))
		} else {
			root = i
		}
	}
	t.lo, t.hi = make([]int32, n), make([]int32, n)
	if root >= 0 {
		order := make([]int32, 0, n)
		stack := []int32{int32(root)}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			order = append(order, v)
			stack = append(stack, t.kids[v]...)
		}
		for k := len(order) - 1; k >= 0; k-- {
			v := order[k]
			t.lo[v], t.hi[v] = v, v
			for _, c := range t.kids[v] {
				t.lo[v] = min(t.lo[v], t.lo[c])
				t.hi[v] = max(t.hi[v], t.hi[c])
			}
		}
	}
	return t
}

// headOutside reports whether syntax token i's head lies outside its text token.
func (t *sentTree) headOutside(i int) bool {
	h := t.Tokens[i].Head
	return h < 0 || t.textOf[h] != t.textOf[i]
}

// syn returns the main syntax token of text token tok, or -1 when tok is not in the sentence.
func (t *sentTree) syn(tok int) int {
	k := tok - t.first
	if k < 0 || k >= len(t.synOf) {
		return -1
	}
	return int(t.synOf[k])
}

// text returns the text token of syntax token i, or -1.
func (t *sentTree) text(i int) int {
	if i < 0 || i >= len(t.textOf) {
		return -1
	}
	return int(t.textOf[i])
}

// textSpan returns the first and last text token covered by the subtree of syntax token i.
func (t *sentTree) textSpan(i int) (first, last int) {
	if i < 0 || i >= len(t.lo) {
		return -1, -1
	}
	return int(t.textOf[t.lo[i]]), int(t.textLast[t.hi[i]])
}

// node returns the tree of text token tok and its main syntax token; nil and -1 when the
// token is out of range.
func (s *state) node(tok int) (*sentTree, int) {
	if tok < 0 || tok >= len(s.doc.Tokens) {
		return nil, -1
	}
	t := s.tree(s.doc.Tokens[tok].Sent)
	if t == nil {
		return nil, -1
	}
	return t, t.syn(tok)
}

// synHead returns the text token of tok's head, or -1 for the root.
func (s *state) synHead(tok int) int {
	t, i := s.node(tok)
	if i < 0 {
		return -1
	}
	return t.text(t.Tokens[i].Head)
}

// synRel returns the relation of tok to its head ("nsubj:pass", "root"), or "".
func (s *state) synRel(tok int) string {
	t, i := s.node(tok)
	if i < 0 {
		return ""
	}
	return t.Tokens[i].Rel
}

// synDeps returns the text tokens, in order, of tok's dependents whose relation matches rel
// (syntax.RelIs: "nsubj" matches "nsubj:pass"; "" matches all). A dependent inside tok itself
// (the "n't" of "don't") is left out.
func (s *state) synDeps(tok int, rel string) []int {
	t, i := s.node(tok)
	if i < 0 {
		return nil
	}
	var out []int
	for _, c := range t.kids[i] {
		if rel != "" && !syntax.RelIs(t.Tokens[c].Rel, rel) {
			continue
		}
		if x := t.text(int(c)); x != tok && (len(out) == 0 || out[len(out)-1] != x) {
			out = append(out, x)
		}
	}
	return out
}

// synDep returns the first dependent of tok whose relation matches rel, or -1.
func (s *state) synDep(tok int, rel string) int {
	if d := s.synDeps(tok, rel); len(d) > 0 {
		return d[0]
	}
	return -1
}

// synSpan returns the first and last text token of tok's subtree; -1, -1 when tok is out of
// range.
func (s *state) synSpan(tok int) (first, last int) {
	t, i := s.node(tok)
	if i < 0 {
		return -1, -1
	}
	return t.textSpan(i)
}

// synAncestor returns the nearest proper ancestor of tok attached by a relation matching rel,
// or -1.
func (s *state) synAncestor(tok int, rel string) int {
	t, i := s.node(tok)
	if i < 0 {
		return -1
	}
	return t.text(t.Ancestor(i, rel))
}

// synNegated reports whether tok is negated: a "not", "n't" or "never" modifier, or a
// negative determiner ("no migrants").
func (s *state) synNegated(tok int) bool {
	t, i := s.node(tok)
	return i >= 0 && t.Negated(i)
}

// synPOS returns tok's universal part-of-speech tag, or "".
func (s *state) synPOS(tok int) string {
	t, i := s.node(tok)
	if i < 0 {
		return ""
	}
	return t.Tokens[i].UPOS
}

// synLemma returns tok's lemma, or "".
func (s *state) synLemma(tok int) string {
	t, i := s.node(tok)
	if i < 0 {
		return ""
	}
	return t.Tokens[i].Lemma
}
