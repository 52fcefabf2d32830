package syntax

// The parser is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta, 2011): a stack that starts
// with ROOT, a buffer that is the rest of the sentence, and three moves:
//
//	SHIFT    push the buffer's first word b0 onto the stack
//	LEFT-l   s0 (the stack's top) becomes a dependent of b0 with relation l; pop it
//	RIGHT-l  s0 becomes a dependent of s1 (the word under it) with relation l; pop it
//
// RIGHT onto ROOT is allowed only once the buffer is empty, so a sentence has exactly one
// root. Every word is shifted once and popped once: 2n moves, each of constant cost.

// move types; a class is a move type and a label: 0 SHIFT, 1+l LEFT-l, 1+L+l RIGHT-l.
const (
	mShift = iota
	mLeft
	mRight
)

// pstate is a parser configuration. Tokens are 0..n-1; ROOT is n.
type pstate struct {
	n      int
	stack  []int32
	b      int
	heads  []int32 // -1 while unattached; n for the root
	labels []int16
	// Children kept for features: the two leftmost and two rightmost, their counts, and the
	// set of their labels.
	l1, l2, r1, r2 []int32
	nl, nr         []int16
	lset, rset     []uint64
}

func (s *pstate) reset(n int) {
	s.n = n
	s.b = 0
	s.stack = append(s.stack[:0], int32(n))
	grow := func(x []int32) []int32 {
		if cap(x) < n+1 {
			return make([]int32, n+1)
		}
		return x[:n+1]
	}
	grow16 := func(x []int16) []int16 {
		if cap(x) < n+1 {
			return make([]int16, n+1)
		}
		return x[:n+1]
	}
	grow64 := func(x []uint64) []uint64 {
		if cap(x) < n+1 {
			return make([]uint64, n+1)
		}
		return x[:n+1]
	}
	s.heads, s.l1, s.l2, s.r1, s.r2 = grow(s.heads), grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	s.labels, s.nl, s.nr = grow16(s.labels), grow16(s.nl), grow16(s.nr)
	s.lset, s.rset = grow64(s.lset), grow64(s.rset)
	for i := 0; i <= n; i++ {
		s.heads[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1
		s.labels[i], s.nl[i], s.nr[i] = -1, 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func (s *pstate) done() bool { return s.b >= s.n && len(s.stack) == 1 }

// top returns the k-th element of the stack from the top, or -1.
func (s *pstate) top(k int) int {
	if k >= len(s.stack) {
		return -1
	}
	return int(s.stack[len(s.stack)-1-k])
}

// buf returns the k-th word of the buffer, or -1.
func (s *pstate) buf(k int) int {
	if s.b+k >= s.n {
		return -1
	}
	return s.b + k
}

// legal reports which move types are allowed.
func (s *pstate) legal() (shift, left, right bool) {
	s0 := s.top(0)
	shift = s.b < s.n
	left = s.b < s.n && s0 != s.n
	right = len(s.stack) >= 2 && (s.top(1) != s.n || s.b >= s.n)
	return
}

// attach makes d a dependent of h with label l.
func (s *pstate) attach(h, d int, l int) {
	s.heads[d] = int32(h)
	s.labels[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		switch {
		case s.l1[h] < 0 || int32(d) < s.l1[h]:
			s.l2[h], s.l1[h] = s.l1[h], int32(d)
		case s.l2[h] < 0 || int32(d) < s.l2[h]:
			s.l2[h] = int32(d)
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		switch {
		case int32(d) > s.r1[h]:
			s.r2[h], s.r1[h] = s.r1[h], int32(d)
		case int32(d) > s.r2[h]:
			s.r2[h] = int32(d)
		}
	}
}

// apply performs a move with label l.
func (s *pstate) apply(move, l int) {
	switch move {
	case mShift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case mLeft:
		s0 := s.top(0)
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, s0, l)
	case mRight:
		s0, s1 := s.top(0), s.top(1)
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s1, s0, l)
	}
}

// Parser feature templates.
const (
	pS0w = iota + 1
	pS0p
	pS0wp
	pS1w
	pS1p
	pS1wp
	pN0w
	pN0p
	pN0wp
	pN1w
	pN1p
	pN1wp
	pN2w
	pN2p
	pN2wp
	pS2p
	pS2w
	pS0wpN0wp
	pS0wpN0w
	pS0wN0wp
	pS0wpN0p
	pS0pN0wp
	pS0wN0w
	pS0pN0p
	pN0pN1p
	pS1wpS0wp
	pS1wS0w
	pS1pS0p
	pS1wpS0p
	pS1pS0wp
	pN0pN1pN2p
	pS0pN0pN1p
	pS1pS0pN0p
	pS0pS0LpN0p
	pS0pS0RpN0p
	pS0pN0pN0Lp
	pS1pS0pS0Lp
	pS1pS0pS0Rp
	pS1pS1RpS0p
	pS2pS1pS0p
	pS1pS1LpS0p
	pS0wD
	pS0pD
	pN0wD
	pN0pD
	pS0wN0wD
	pS0pN0pD
	pS1pS0pD
	pS1wS0wD
	pS0wVr
	pS0pVr
	pS0wVl
	pS0pVl
	pN0wVl
	pN0pVl
	pS1pVr
	pS1pVl
	pS0Lw
	pS0Lp
	pS0Ll
	pS0Rw
	pS0Rp
	pS0Rl
	pN0Lw
	pN0Lp
	pN0Ll
	pS1Lp
	pS1Ll
	pS1Rp
	pS1Rl
	pS1Rw
	pS0L2p
	pS0L2l
	pS0R2p
	pS0R2l
	pN0L2p
	pN0L2l
	pS0pS0LpS0L2p
	pS0pS0RpS0R2p
	pN0pN0LpN0L2p
	pS0wRset
	pS0pRset
	pS0wLset
	pS0pLset
	pN0wLset
	pN0pLset
	pS1pRset
	pS0pS1pN0pN1p
	pS0wN0pN1p
	pS0pS0RlN0p
	pS1pS0pS0Ll
	pS0uN0u
	pS1uS0u
	pS0uN0uN1u
	pS1uS0uN0u
	pS0wN0u
	pS0uN0w
	pDepthS0pN0p
	pRestS0pN0p
	pPunctS0N0
	pPunctS1S0
	pRestS0w
)

// sentence-level values for features: a word's normalized form, its tag class, and the two
// combined, with sentinels for none and ROOT.
type pwords struct {
	w, p, wp, u []uint64 // u: the universal tag alone
	punct       []int32  // punct[i]: number of punctuation tokens before token i
}

var (
	hNone = hashString("<none>")
	hRoot = hashString("<root>")
)

func (pw *pwords) fill(info []wordInfo, tags []int, coarse []uint8) {
	n := len(info)
	pw.w, pw.p, pw.wp, pw.u = pw.w[:0], pw.p[:0], pw.wp[:0], pw.u[:0]
	pw.punct = append(pw.punct[:0], 0)
	for i := 0; i < n; i++ {
		k := pw.punct[i]
		if isPunct(info[i]) {
			k++
		}
		pw.punct = append(pw.punct, k)
		p := uint64(tags[i] + 2)
		pw.w = append(pw.w, info[i].norm)
		pw.p = append(pw.p, p)
		pw.wp = append(pw.wp, f1(info[i].norm, p))
		pw.u = append(pw.u, uint64(coarse[tags[i]])+2)
	}
	// ROOT at n, none at n+1.
	pw.w = append(pw.w, hRoot, hNone)
	pw.p = append(pw.p, 1, 0)
	pw.wp = append(pw.wp, f1(hRoot, 1), f1(hNone, 0))
	pw.u = append(pw.u, 1, 0)
}

// puncts is the hash of a punctuation word's normalized form, for isPunct.
var puncts = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, p := range []string{",", ".", ":", ";", "-", "--", "(", ")", "\"", "'", "?", "!", "...", "“", "”"} {
		m[hashString(p)] = true
	}
	return m
}()

func isPunct(w wordInfo) bool { return puncts[w.norm] }

// between counts the punctuation tokens strictly between tokens a < b, capped at 3.
func (pw *pwords) between(a, b int) uint64 {
	if a > b {
		a, b = b, a
	}
	if a < 0 || b >= len(pw.punct) || b <= a {
		return 0
	}
	return uint64(min(pw.punct[b]-pw.punct[a+1], 3))
}

func bucket(k int) uint64 {
	switch {
	case k <= 3:
		return uint64(k)
	case k <= 6:
		return 4
	case k <= 10:
		return 5
	default:
		return 6
	}
}

func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	default:
		return 7
	}
}

func capv(v int16) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// features appends the features of a configuration.
func (s *pstate) features(pw *pwords, out []uint64) []uint64 {
	none := s.n + 1
	or := func(i int) int {
		if i < 0 {
			return none
		}
		return i
	}
	s0, s1, s2 := or(s.top(0)), or(s.top(1)), or(s.top(2))
	n0, n1, n2 := or(s.buf(0)), or(s.buf(1)), or(s.buf(2))
	child := func(x []int32, i int) int {
		if i >= s.n {
			return none
		}
		return or(int(x[i]))
	}
	lab := func(i int) uint64 {
		if i >= s.n || s.labels[i] < 0 {
			return 0
		}
		return uint64(s.labels[i]) + 1
	}
	val := func(x []int16, i int) uint64 {
		if i >= s.n {
			return 7
		}
		return capv(x[i])
	}
	set := func(x []uint64, i int) uint64 {
		if i >= s.n {
			return 0
		}
		return x[i]
	}
	s0l, s0l2, s0r, s0r2 := child(s.l1, s0), child(s.l2, s0), child(s.r1, s0), child(s.r2, s0)
	s1l, s1r := child(s.l1, s1), child(s.r1, s1)
	n0l, n0l2 := child(s.l1, n0), child(s.l2, n0)
	w, p, wp, u := pw.w, pw.p, pw.wp, pw.u
	d := uint64(0)
	if s0 < s.n && n0 < s.n {
		d = dist(s0, n0)
	}
	d1 := uint64(0)
	if s0 < s.n && s1 < s.n {
		d1 = dist(s1, s0)
	}
	return append(out,
		// s0's tag and its children's
		f1(pS0p, p[s0]), f2(pS0pVr, p[s0], val(s.nr, s0)), f2(pS0pVl, p[s0], val(s.nl, s0)),
		f1(pS0Lp, p[s0l]), f1(pS0Ll, lab(s0l)), f1(pS0Rp, p[s0r]), f1(pS0Rl, lab(s0r)),
		f1(pS0L2p, p[s0l2]), f1(pS0L2l, lab(s0l2)), f1(pS0R2p, p[s0r2]), f1(pS0R2l, lab(s0r2)),
		f3(pS0pS0LpS0L2p, p[s0], p[s0l], p[s0l2]), f3(pS0pS0RpS0R2p, p[s0], p[s0r], p[s0r2]),
		f2(pS0pRset, p[s0], set(s.rset, s0)), f2(pS0pLset, p[s0], set(s.lset, s0)), f1(pS0Lw, w[s0l]),
		f1(pS0Rw, w[s0r]),
		// s1's and s2's
		f1(pS1p, p[s1]), f2(pS1pVr, p[s1], val(s.nr, s1)), f2(pS1pVl, p[s1], val(s.nl, s1)),
		f1(pS1Lp, p[s1l]), f1(pS1Ll, lab(s1l)), f1(pS1Rp, p[s1r]), f1(pS1Rl, lab(s1r)),
		f2(pS1pRset, p[s1], set(s.rset, s1)), f1(pS2p, p[s2]), f1(pS1Rw, w[s1r]),
		// the buffer's
		f1(pN0p, p[n0]), f1(pN1p, p[n1]), f1(pN2p, p[n2]), f2(pN0pN1p, p[n0], p[n1]),
		f3(pN0pN1pN2p, p[n0], p[n1], p[n2]), f1(pN1w, w[n1]), f1(pN1wp, wp[n1]), f1(pN2w, w[n2]),
		f1(pN2wp, wp[n2]), f1(pN0w, w[n0]), f1(pN0wp, wp[n0]),
		// n0's children's
		f2(pN0pVl, p[n0], val(s.nl, n0)), f1(pN0Lp, p[n0l]), f1(pN0Ll, lab(n0l)), f1(pN0L2p, p[n0l2]),
		f1(pN0L2l, lab(n0l2)), f3(pN0pN0LpN0L2p, p[n0], p[n0l], p[n0l2]),
		f2(pN0pLset, p[n0], set(s.lset, n0)), f1(pN0Lw, w[n0l]),
		// the rest, scored afresh in every configuration
		f1(pS0w, w[s0]), f1(pS0wp, wp[s0]), f1(pS1w, w[s1]), f1(pS1wp, wp[s1]), f1(pS2w, w[s2]),
		f2(pS0wpN0wp, wp[s0], wp[n0]), f2(pS0wpN0w, wp[s0], w[n0]), f2(pS0wN0wp, w[s0], wp[n0]),
		f2(pS0wpN0p, wp[s0], p[n0]), f2(pS0pN0wp, p[s0], wp[n0]), f2(pS0wN0w, w[s0], w[n0]),
		f2(pS0pN0p, p[s0], p[n0]), f2(pS1wpS0wp, wp[s1], wp[s0]), f2(pS1wS0w, w[s1], w[s0]),
		f2(pS1pS0p, p[s1], p[s0]), f2(pS1wpS0p, wp[s1], p[s0]), f2(pS1pS0wp, p[s1], wp[s0]),
		f3(pS0pN0pN1p, p[s0], p[n0], p[n1]), f3(pS1pS0pN0p, p[s1], p[s0], p[n0]),
		f3(pS0pS0LpN0p, p[s0], p[s0l], p[n0]), f3(pS0pS0RpN0p, p[s0], p[s0r], p[n0]),
		f3(pS0pN0pN0Lp, p[s0], p[n0], p[n0l]), f3(pS1pS0pS0Lp, p[s1], p[s0], p[s0l]),
		f3(pS1pS0pS0Rp, p[s1], p[s0], p[s0r]), f3(pS1pS1RpS0p, p[s1], p[s1r], p[s0]),
		f3(pS2pS1pS0p, p[s2], p[s1], p[s0]), f3(pS1pS1LpS0p, p[s1], p[s1l], p[s0]), f2(pS0wD, w[s0], d),
		f2(pS0pD, p[s0], d), f2(pN0wD, w[n0], d), f2(pN0pD, p[n0], d), f3(pS0wN0wD, w[s0], w[n0], d),
		f3(pS0pN0pD, p[s0], p[n0], d), f3(pS1pS0pD, p[s1], p[s0], d1), f3(pS1wS0wD, w[s1], w[s0], d1),
		f2(pS0wVr, w[s0], val(s.nr, s0)), f2(pS0wVl, w[s0], val(s.nl, s0)),
		f2(pN0wVl, w[n0], val(s.nl, n0)), f2(pS0wRset, w[s0], set(s.rset, s0)),
		f2(pS0wLset, w[s0], set(s.lset, s0)), f2(pN0wLset, w[n0], set(s.lset, n0)),
		f3(pS0pS1pN0pN1p, f1(p[s0], p[s1]), p[n0], p[n1]), f3(pS0wN0pN1p, w[s0], p[n0], p[n1]),
		f3(pS0pS0RlN0p, p[s0], lab(s0r), p[n0]), f3(pS1pS0pS0Ll, p[s1], p[s0], lab(s0l)),
		f2(pS0uN0u, u[s0], u[n0]), f2(pS1uS0u, u[s1], u[s0]), f3(pS0uN0uN1u, u[s0], u[n0], u[n1]),
		f3(pS1uS0uN0u, u[s1], u[s0], u[n0]), f2(pS0wN0u, w[s0], u[n0]), f2(pS0uN0w, u[s0], w[n0]),
		f3(pDepthS0pN0p, bucket(len(s.stack)-1), p[s0], p[n0]),
		f3(pRestS0pN0p, bucket(s.n-s.b), p[s0], p[n0]),
		f3(pPunctS0N0, punctBetween(pw, s0, n0, s.n), p[s0], p[n0]),
		f3(pPunctS1S0, punctBetween(pw, s1, s0, s.n), p[s1], p[s0]),
		f2(pRestS0w, bucket(s.n-s.b), w[s0]),
	)
}

// punctBetween counts the punctuation between two words; 0 when either is ROOT or none.
func punctBetween(pw *pwords, a, b, n int) uint64 {
	if a >= n || b >= n {
		return 0
	}
	return pw.between(a, b)
}

// parser scores moves with a perceptron over the features of the configuration.
type parser struct {
	labels []string // label id -> relation; labels[root] == "root"
	root   int
	model  scorer
}

func (ps *parser) classes() int { return 1 + 2*len(ps.labels) }

// outputs is the number of scores the model gives: one per class, then one per move type. A
// class's score is its own plus its move type's, so that the decision to attach is learned
// from every label's examples and the label refines it.
func (ps *parser) outputs() int { return ps.classes() + 3 }

// score returns the score of class c from the model's outputs.
func (ps *parser) score(scores []float32, c int) float32 {
	m, _ := moveOf(c, len(ps.labels))
	return scores[c] + scores[ps.classes()+m]
}

func moveOf(class, nl int) (move, label int) {
	switch {
	case class == 0:
		return mShift, -1
	case class <= nl:
		return mLeft, class - 1
	default:
		return mRight, class - 1 - nl
	}
}

// allowed reports whether class c is legal in s.
func (ps *parser) allowed(s *pstate, c int, shift, left, right bool) bool {
	m, l := moveOf(c, len(ps.labels))
	switch m {
	case mShift:
		return shift
	case mLeft:
		return left && l != ps.root
	default:
		if !right {
			return false
		}
		return (s.top(1) == s.n) == (l == ps.root)
	}
}

// best returns the legal class with the highest score: the first of them in class order on a
// tie. It is allowed and score over every class, unrolled by move type: a class's legality
// depends only on its move type and whether its label is the root's.
func (ps *parser) best(s *pstate, scores []float32) int {
	shift, left, right := s.legal()
	nl := len(ps.labels)
	nc := 1 + 2*nl
	bc := -1
	var bs float32
	if shift {
		bc, bs = 0, scores[0]+scores[nc+mShift]
	}
	if left {
		base := scores[nc+mLeft]
		for l, sc := range scores[1 : 1+nl] {
			if sc += base; l != ps.root && (bc < 0 || sc > bs) {
				bc, bs = 1+l, sc
			}
		}
	}
	if right {
		base := scores[nc+mRight]
		rootOnly := s.top(1) == s.n // s1 is ROOT: only the root's label attaches to it
		for l, sc := range scores[1+nl : nc] {
			if sc += base; (l == ps.root) == rootOnly && (bc < 0 || sc > bs) {
				bc, bs = 1+nl+l, sc
			}
		}
	}
	return bc
}

// featureGroups are where the groups of features that features lists first end: s0's tags
// and its children's, s1's and s2's, the buffer's and n0's children's. A frozen model sums
// each group once per distinct pattern (see memo).
var featureGroups = []int{17, 27, 38, 46}

// newMemo returns working memory for parse, or nil when the model is not frozen.
func (ps *parser) newMemo() *memo {
	t, ok := ps.model.(*table)
	if !ok {
		return nil
	}
	return newMemo(t.classes, featureGroups...)
}

// parse fills heads (-1 for the root) and labels of a tagged sentence. m, from newMemo, may
// be nil.
func (ps *parser) parse(s *pstate, pw *pwords, n int, feats []uint64, scores []float32, m *memo) []uint64 {
	t, frozen := ps.model.(*table)
	s.reset(n)
	for !s.done() {
		feats = s.features(pw, feats[:0])
		if frozen && m != nil {
			t.scoresMemo(feats, m, scores)
		} else {
			ps.model.scores(feats, scores)
		}
		c := ps.best(s, scores)
		m, l := moveOf(c, len(ps.labels))
		s.apply(m, l)
	}
	return feats
}
