package lexicon

import (
	"strings"
	"unicode"

	"github.com/alboran/alboran/internal/text"
)

// Trie maps token sequences to values. Keys are lower-cased tokens; an entry may also demand
// the exact case of an acronym ("US" is not "us").
type Trie[V any] struct {
	root *node[V]
}

type node[V any] struct {
	next map[string]*node[V]
	vals []entry[V]
}

type entry[V any] struct {
	val     V
	exact   []string // the tokens as written, when case matters
	capital bool     // the first token must be capitalised in the text
}

// NewTrie returns an empty trie.
func NewTrie[V any]() *Trie[V] { return &Trie[V]{root: &node[V]{}} }

// Add adds a phrase. With proper set, the phrase is a name: its first token must be
// capitalised in the text, and all-capital tokens (acronyms) must match exactly.
func (t *Trie[V]) Add(phrase string, v V, proper bool) {
	toks := Tokens(phrase)
	if len(toks) == 0 {
		return
	}
	n := t.root
	for _, w := range toks {
		k := strings.ToLower(w)
		if n.next == nil {
			n.next = map[string]*node[V]{}
		}
		c := n.next[k]
		if c == nil {
			c = &node[V]{}
			n.next[k] = c
		}
		n = c
	}
	e := entry[V]{val: v, capital: proper}
	if proper {
		for _, w := range toks {
			if isAcronym(w) {
				e.exact = toks
				break
			}
		}
	}
	n.vals = append(n.vals, e)
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// Match is a phrase found in a token sequence: tokens [Start, End) and its values.
type Match[V any] struct {
	Start, End int
	Vals       []V
}

// Longest returns the longest phrase that starts at toks[i], if any.
func (t *Trie[V]) Longest(toks []text.Token, i int) (Match[V], bool) {
	var best Match[V]
	found := false
	n := t.root
	for j := i; j < len(toks); j++ {
		c := n.next[toks[j].Lower()]
		if c == nil {
			break
		}
		n = c
		if len(n.vals) == 0 {
			continue
		}
		var vals []V
		for _, e := range n.vals {
			if e.fits(toks[i : j+1]) {
				vals = append(vals, e.val)
			}
		}
		if len(vals) > 0 {
			best, found = Match[V]{Start: i, End: j + 1, Vals: vals}, true
		}
	}
	return best, found
}

func (e entry[V]) fits(toks []text.Token) bool {
	if e.capital && !toks[0].IsCap() {
		return false
	}
	if e.exact != nil {
		for k, w := range e.exact {
			if isAcronym(w) && toks[k].Text != w {
				return false
			}
		}
	}
	return true
}

// Word returns the values of the single word w (any case), whatever its case in a text.
func (t *Trie[V]) Word(w string) []V {
	c := t.root.next[strings.ToLower(w)]
	if c == nil {
		return nil
	}
	out := make([]V, len(c.vals))
	for k, e := range c.vals {
		out[k] = e.val
	}
	return out
}

// Has reports whether the single word w (any case) is a key.
func (t *Trie[V]) Has(w string) bool {
	c := t.root.next[strings.ToLower(w)]
	return c != nil && len(c.vals) > 0
}
