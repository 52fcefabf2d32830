package syntax

import "strings"

// Token is one syntactic word of a sentence.
type Token struct {
	Form  string
	Lemma string
	UPOS  string // universal part-of-speech tag: NOUN, VERB, PROPN, ...
	XPOS  string // Penn Treebank tag: NN, VBD, ...
	Feats string // morphological features, "Number=Plur|..." or "" for none
	Head  int    // index of the head in Sentence.Tokens; -1 for the root
	Rel   string // UD relation to the head, with its subtype ("nsubj:pass"); "root" for the root
	// Start and End are the token's code-point offsets in the text it was read from; for a
	// part of a split word ("do" and "n't" of "don't") they cover that part. Both are -1 when
	// the token came without a text (a CoNLL-U file).
	Start, End int
	// SpaceAfter tells whether white space follows the token in the text.
	SpaceAfter bool
}

// Sentence is a sequence of tokens and, once parsed, their tree.
type Sentence struct {
	Tokens []Token
}

// Len returns the number of tokens.
func (s *Sentence) Len() int { return len(s.Tokens) }

// Root returns the index of the root token, or -1 when the sentence is empty or unparsed.
func (s *Sentence) Root() int {
	for i := range s.Tokens {
		if s.Tokens[i].Head < 0 && s.Tokens[i].Rel == "root" {
			return i
		}
	}
	return -1
}

// RelIs reports whether relation rel is want or one of its subtypes: RelIs("nsubj:pass",
// "nsubj") and RelIs("nsubj", "nsubj") hold, RelIs("nsubj", "nsubj:pass") does not.
func RelIs(rel, want string) bool {
	return rel == want || (len(rel) > len(want) && rel[len(want)] == ':' && strings.HasPrefix(rel, want))
}

// Head returns the index of token i's head, or -1 for the root or an index out of range.
func (s *Sentence) Head(i int) int {
	if i < 0 || i >= len(s.Tokens) {
		return -1
	}
	return s.Tokens[i].Head
}

// Dependents returns, in sentence order, the dependents of token i whose relation matches rel
// (RelIs: subtypes match their type); an empty rel matches every relation.
func (s *Sentence) Dependents(i int, rel string) []int {
	var out []int
	for j := range s.Tokens {
		if s.Tokens[j].Head == i && i >= 0 && (rel == "" || RelIs(s.Tokens[j].Rel, rel)) {
			out = append(out, j)
		}
	}
	return out
}

// Dependent returns the first dependent of token i whose relation matches rel, or -1.
func (s *Sentence) Dependent(i int, rel string) int {
	for j := range s.Tokens {
		if s.Tokens[j].Head == i && i >= 0 && (rel == "" || RelIs(s.Tokens[j].Rel, rel)) {
			return j
		}
	}
	return -1
}

// Ancestor returns the nearest proper ancestor of token i that is attached to its own head by
// a relation matching rel, or -1. The walk is bounded by the sentence's length, so a malformed
// tree with a cycle cannot make it loop.
func (s *Sentence) Ancestor(i int, rel string) int {
	if i < 0 || i >= len(s.Tokens) {
		return -1
	}
	for n, h := 0, s.Tokens[i].Head; h >= 0 && h < len(s.Tokens) && n < len(s.Tokens); n, h = n+1, s.Tokens[h].Head {
		if RelIs(s.Tokens[h].Rel, rel) {
			return h
		}
	}
	return -1
}

// Dominates reports whether token a is token d or one of its ancestors.
func (s *Sentence) Dominates(a, d int) bool {
	for n := 0; d >= 0 && d < len(s.Tokens) && n <= len(s.Tokens); n++ {
		if d == a {
			return true
		}
		d = s.Tokens[d].Head
	}
	return false
}

// Span returns the first and last token index of the subtree of token i (its yield); with a
// projective subtree every token in between belongs to it. It costs one pass over the sentence.
func (s *Sentence) Span(i int) (first, last int) {
	if i < 0 || i >= len(s.Tokens) {
		return -1, -1
	}
	first, last = i, i
	in := s.subtreeMask(i)
	for j, ok := range in {
		if ok {
			first = min(first, j)
			last = max(last, j)
		}
	}
	return first, last
}

// subtreeMask marks the tokens dominated by i, in time linear in the sentence's length.
func (s *Sentence) subtreeMask(i int) []bool {
	n := len(s.Tokens)
	// state: 0 unknown, 1 inside, 2 outside.
	st := make([]uint8, n)
	st[i] = 1
	path := make([]int, 0, 16)
	for j := 0; j < n; j++ {
		path = path[:0]
		k := j
		for k >= 0 && k < n && st[k] == 0 && len(path) <= n {
			path = append(path, k)
			k = s.Tokens[k].Head
		}
		v := uint8(2)
		if k >= 0 && k < n && st[k] == 1 {
			v = 1
		}
		for _, p := range path {
			st[p] = v
		}
	}
	in := make([]bool, n)
	for j, v := range st {
		in[j] = v == 1
	}
	return in
}

// negators are the words that negate their head as an advmod or det dependent.
var negators = map[string]bool{"not": true, "n't": true, "nt": true, "never": true, "no": true, "neither": true, "nor": true, "none": true, "nobody": true, "nothing": true, "nowhere": true, "without": true}

// Negated reports whether token i is negated: it has a neg, advmod or det dependent that is a
// negative word ("not", "n't", "never", "no"), a negative subject or object ("nobody",
// "nothing"), or a "without" marking it.
func (s *Sentence) Negated(i int) bool {
	for j := range s.Tokens {
		if s.Tokens[j].Head != i || i < 0 {
			continue
		}
		t := &s.Tokens[j]
		w := strings.ToLower(t.Form)
		if !negators[w] {
			continue
		}
		switch {
		case RelIs(t.Rel, "advmod"), RelIs(t.Rel, "neg"), RelIs(t.Rel, "det"), RelIs(t.Rel, "cc:preconj"):
			return true
		case RelIs(t.Rel, "nsubj"), RelIs(t.Rel, "obj"):
			return w != "no" && w != "neither" && w != "nor"
		case RelIs(t.Rel, "mark"), RelIs(t.Rel, "case"):
			return w == "without"
		}
	}
	return false
}

// Valid reports whether the sentence's heads form a tree: exactly one root (Head -1, Rel
// "root"), every head in range, no cycles. An empty sentence is valid.
func (s *Sentence) Valid() bool {
	n := len(s.Tokens)
	if n == 0 {
		return true
	}
	roots := 0
	for i := range s.Tokens {
		h := s.Tokens[i].Head
		if h == -1 {
			roots++
			if s.Tokens[i].Rel != "root" {
				return false
			}
			continue
		}
		if h < 0 || h >= n || h == i {
			return false
		}
	}
	if roots != 1 {
		return false
	}
	// Every token reaches the root: follow heads with a colouring, linear overall.
	st := make([]uint8, n) // 0 unseen, 1 on the current path, 2 reaches the root
	for i := 0; i < n; i++ {
		k := i
		var path []int
		for k >= 0 && st[k] == 0 {
			st[k] = 1
			path = append(path, k)
			k = s.Tokens[k].Head
		}
		if k >= 0 && st[k] == 1 {
			return false // a cycle
		}
		for _, p := range path {
			st[p] = 2
		}
	}
	return true
}
