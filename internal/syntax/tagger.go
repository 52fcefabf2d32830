package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tagger feature templates.
const (
	tBias = iota + 1
	tWord
	tCased
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre3
	tShape
	tP1
	tP2
	tP1P2
	tP1W
	tWm1
	tWm1Suf3
	tWm2
	tWp1
	tWp1Suf3
	tWp2
	tWm1W
	tWWp1
	tFirstCap
	tP1Wp1
	tShapeP1
	tWm1Shape
	tWp1Shape
	tP1Suf3
	tWm1P1
	tWp1Wp2
	tSuf5
	tWm2Wm1
	tP2W
)

// tagClasses are the tagger's classes: pairs of a UPOS and an XPOS tag.
type tagClasses struct {
	upos, xpos []string
	coarse     []uint8 // class -> index of its UPOS among the classes' UPOS tags
}

// setCoarse numbers the classes' UPOS tags.
func (tc *tagClasses) setCoarse() {
	ids := map[string]uint8{}
	tc.coarse = tc.coarse[:0]
	for _, u := range tc.upos {
		id, ok := ids[u]
		if !ok {
			id = uint8(len(ids))
			ids[u] = id
		}
		tc.coarse = append(tc.coarse, id)
	}
}

// wordInfo holds a token's interned hashes, computed once per sentence.
type wordInfo struct {
	norm, cased, suf1, suf2, suf3, suf4, suf5, pre1, pre3, shape uint64
	firstCap                                                     bool
}

// boundary values for positions outside the sentence.
var (
	hStart = hashString("<s>")
	hEnd   = hashString("</s>")
)

// normWord is the form the tagger and parser see: lower case, with digits folded so that
// every number of a shape is one word.
func normWord(form string) string {
	hasDigit := false
	for i := 0; i < len(form); i++ {
		if form[i] >= '0' && form[i] <= '9' {
			hasDigit = true
			break
		}
	}
	if !hasDigit {
		return strings.ToLower(form)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(form) {
		if r >= '0' && r <= '9' {
			r = '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shapeOf maps letters to X or x and digits to d, collapsing runs longer than two.
func shapeOf(form string) string {
	var b [32]byte
	n := 0
	var last byte
	run := 0
	for _, r := range form {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

// suffix returns the last n code points of s.
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// infos interns the sentence's words.
func infos(toks []Token, out []wordInfo) []wordInfo {
	out = out[:0]
	for i := range toks {
		f := toks[i].Form
		n := normWord(f)
		r, _ := utf8.DecodeRuneInString(f)
		out = append(out, wordInfo{
			norm: hashString(n), cased: hashString(f),
			suf1: hashString(suffix(n, 1)), suf2: hashString(suffix(n, 2)), suf3: hashString(suffix(n, 3)), suf4: hashString(suffix(n, 4)), suf5: hashString(suffix(n, 5)),
			pre1: hashString(prefix(n, 1)), pre3: hashString(prefix(n, 3)), shape: hashString(shapeOf(f)),
			firstCap: i == 0 && unicode.IsUpper(r),
		})
	}
	return out
}

// tagFeatures appends the features of position i given the two previous tags (class+1, 0 at
// the start).
func tagFeatures(w []wordInfo, i int, p1, p2 uint64, out []uint64) []uint64 {
	at := func(k int) *wordInfo {
		if k < 0 || k >= len(w) {
			return nil
		}
		return &w[k]
	}
	norm := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.norm
		}
		if k < 0 {
			return hStart
		}
		return hEnd
	}
	suf3 := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.suf3
		}
		return norm(k)
	}
	shape := func(k int) uint64 {
		if x := at(k); x != nil {
			return x.shape
		}
		return norm(k)
	}
	c := &w[i]
	fc := uint64(0)
	if c.firstCap {
		fc = 1
	}
	return append(out,
		f1(tBias, 0),
		f1(tWord, c.norm),
		f1(tCased, c.cased),
		f1(tSuf1, c.suf1),
		f1(tSuf2, c.suf2),
		f1(tSuf3, c.suf3),
		f1(tSuf4, c.suf4),
		f1(tPre1, c.pre1),
		f1(tPre3, c.pre3),
		f1(tShape, c.shape),
		f1(tP1, p1),
		f1(tP2, p2),
		f2(tP1P2, p1, p2),
		f2(tP1W, p1, c.norm),
		f1(tWm1, norm(i-1)),
		f1(tWm1Suf3, suf3(i-1)),
		f1(tWm2, norm(i-2)),
		f1(tWp1, norm(i+1)),
		f1(tWp1Suf3, suf3(i+1)),
		f1(tWp2, norm(i+2)),
		f2(tWm1W, norm(i-1), c.norm),
		f2(tWWp1, c.norm, norm(i+1)),
		f2(tFirstCap, fc, c.shape),
		f2(tP1Wp1, p1, norm(i+1)),
		f2(tShapeP1, c.shape, p1),
		f2(tWm1Shape, shape(i-1), c.shape),
		f2(tWp1Shape, c.shape, shape(i+1)),
		f2(tP1Suf3, p1, c.suf3),
		f2(tWm1P1, norm(i-1), p1),
		f2(tWp1Wp2, norm(i+1), norm(i+2)),
		f1(tSuf5, c.suf5),
		f2(tWm2Wm1, norm(i-2), norm(i-1)),
		f2(tP2W, p2, c.norm),
	)
}

// tagger tags a sentence greedily from left to right.
type tagger struct {
	classes tagClasses
	dict    map[uint64]int // word as written -> class, for frequent unambiguous words
	model   scorer
}

// tag sets each token's class (index into classes) in out.
func (tg *tagger) tag(w []wordInfo, out []int, feats []uint64, scores []float32) ([]int, []uint64) {
	out = out[:0]
	for i := range w {
		var p1, p2 uint64
		if i > 0 {
			p1 = uint64(out[i-1] + 1)
		}
		if i > 1 {
			p2 = uint64(out[i-2] + 1)
		}
		if c, ok := tg.dict[w[i].cased]; ok {
			out = append(out, c)
			continue
		}
		feats = tagFeatures(w, i, p1, p2, feats[:0])
		tg.model.scores(feats, scores)
		out = append(out, argmax(scores))
	}
	return out, feats
}

func argmax(s []float32) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}
