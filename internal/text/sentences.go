package text

import (
	"strings"
	"unicode/utf8"
)

// Span is a byte range [Start, End) into the text.
type Span struct{ Start, End int }

// Sentence is a sentence: its byte range and its tokens.
type Sentence struct {
	Span
	Para   int
	Tokens []Token // a sub-slice of Doc.Tokens
	First  int     // index of the first token in Doc.Tokens
	Cut    bool    // a piece of a run with no sentence end, cut at MaxSentenceTokens
}

// Doc is a text split into paragraphs, sentences and tokens.
type Doc struct {
	Text   string
	Paras  []Span
	Sents  []Sentence
	Tokens []Token
	Cut    int     // how many times an over-long sentence was cut at MaxSentenceTokens
	runes  []int32 // code-point offset of each byte, nil when the text is ASCII
}

// MaxSentenceTokens bounds a sentence: a run of more tokens with no sentence end (a paragraph
// with no full stop, a table flattened into a line of numbers) is cut into pieces of at most
// this many, after the last comma, semicolon, colon or dash of the second half of each piece
// when there is one. Extraction reads each sentence as a whole, often once per word, so the
// bound is what keeps its cost linear in the length of the text. The longest sentence of the
// dev reports has 72 tokens; a cut sentence is counted in Doc.Cut, and extraction warns.
const MaxSentenceTokens = 120

// abbreviations do not end a sentence when a dot follows them.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "cpl": true, "adm": true, "cmdr": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "st": true, "jr": true, "sr": true,
	"no": true, "nos": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "dept": true, "est": true, "approx": true, "fig": true, "art": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
	"u.s.": true, "u.k.": true, "u.n.": true, "e.g.": true, "i.e.": true, "a.m.": true, "p.m.": true,
	// Spanish and French titles: "la Sra. Pérez", "Mme. Dupont"; "M. Laftit" is an initial.
	"sra": true, "srta": true, "dña": true, "mme": true, "mlle": true, "ee.uu": true,
}

// Analyze splits text into paragraphs, sentences and tokens.
func Analyze(s string) *Doc {
	d := &Doc{Text: s}
	d.buildRuneMap()
	d.Tokens = Tokenize(s)
	d.Paras = paragraphs(s)
	d.sentences()
	return d
}

// paragraphs splits at blank lines.
func paragraphs(s string) []Span {
	var out []Span
	start := -1
	i := 0
	for i < len(s) {
		nl := strings.IndexByte(s[i:], '\n')
		end := len(s)
		if nl >= 0 {
			end = i + nl
		}
		line := s[i:end]
		if strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", "")) == "" {
			if start >= 0 {
				out = append(out, Span{start, trimRight(s, i)})
				start = -1
			}
		} else if start < 0 {
			start = i + (len(line) - len(strings.TrimLeft(line, " \t")))
		}
		i = end + 1
	}
	if start >= 0 {
		out = append(out, Span{start, trimRight(s, len(s))})
	}
	return out
}

func trimRight(s string, end int) int {
	for end > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:end])
		if !IsSpace(r) {
			break
		}
		end -= w
	}
	return end
}

// sentences splits each paragraph's tokens into sentences.
func (d *Doc) sentences() {
	p := 0
	start := 0
	var emit func(end int, cut bool)
	flush := func(end int) {
		cut := end-start > MaxSentenceTokens
		for end-start > MaxSentenceTokens {
			d.Cut++
			emit(d.cutPoint(start), true)
		}
		emit(end, cut)
	}
	emit = func(end int, cut bool) {
		if end <= start {
			return
		}
		toks := d.Tokens[start:end]
		si := len(d.Sents)
		for k := range toks {
			toks[k].Para, toks[k].Sent = p, si
		}
		d.Sents = append(d.Sents, Sentence{Span: Span{toks[0].Start, toks[len(toks)-1].End}, Para: p, Tokens: toks, First: start, Cut: cut})
		start = end
	}
	for i := 0; i < len(d.Tokens); i++ {
		t := d.Tokens[i]
		for p < len(d.Paras)-1 && t.Start >= d.Paras[p].End {
			flush(i)
			p++
		}
		// "a.m." and "p.m." keep their dot; before a capital they end the sentence.
		if t.Kind == Word && (t.Low == "a.m." || t.Low == "p.m.") && i+1 < len(d.Tokens) && d.Tokens[i+1].IsCap() && d.Tokens[i+1].Start < d.Paras[p].End {
			flush(i + 1)
			continue
		}
		if t.Kind != Punct || (t.Text != "." && t.Text != "!" && t.Text != "?" && t.Text != "…") {
			continue
		}
		// Closing quotes and brackets stay with the sentence they close.
		j := i + 1
		for j < len(d.Tokens) && d.Tokens[j].Kind == Punct && strings.ContainsAny(d.Tokens[j].Text, "\"”’')]") && d.Tokens[j].Start < d.Paras[p].End && !d.opensQuote(j) {
			j++
		}
		if j >= len(d.Tokens) || d.Tokens[j].Start >= d.Paras[p].End {
			continue // the paragraph end closes it
		}
		if t.Text == "." && !d.endsSentence(i, j) {
			continue
		}
		flush(j)
		i = j - 1
	}
	flush(len(d.Tokens))
}

// opensQuote reports whether the straight mark at token j opens a quotation: a space before
// it and a word glued after it ('it. "The boat').
func (d *Doc) opensQuote(j int) bool {
	t := d.Tokens[j]
	if t.Text != "\"" && t.Text != "'" || j == 0 || j+1 >= len(d.Tokens) {
		return false
	}
	next := d.Tokens[j+1]
	return d.Tokens[j-1].End < t.Start && next.Start == t.End && next.Kind != Punct
}

// cutPoint returns where to cut an over-long sentence that starts at token start: after the
// last weak break (comma, semicolon, colon, dash) in the second half of the bound, else at the
// bound itself.
func (d *Doc) cutPoint(start int) int {
	end := start + MaxSentenceTokens
	for k := end - 1; k > start+MaxSentenceTokens/2; k-- {
		if t := d.Tokens[k]; t.Kind == Punct && strings.Contains(",;:–—", t.Text) {
			return k + 1
		}
	}
	return end
}

// endsSentence decides whether the dot at token i ends a sentence, given that token j opens
// what follows.
func (d *Doc) endsSentence(i, j int) bool {
	next := d.Tokens[j]
	if i > 0 {
		prev := d.Tokens[i-1]
		if prev.End == d.Tokens[i].Start && prev.Kind == Word {
			low := prev.Lower()
			if abbreviations[strings.TrimSuffix(low, ".")] {
				// "a.m." and "p.m." end a sentence when a capitalised word follows.
				if (low == "a.m" || low == "p.m") && next.IsCap() {
					return true
				}
				return false
			}
			// An initial: "Matthew J. Hudak".
			if utf8.RuneCountInString(prev.Text) == 1 && prev.IsCap() && next.IsCap() {
				return false
			}
		}
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	return next.IsCap() || next.Kind == Number || strings.ContainsRune("\"“‘'([", r)
}

// buildRuneMap records the code-point offset of each byte when the text is not ASCII.
func (d *Doc) buildRuneMap() {
	ascii := true
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return
	}
	// runes[i] counts the code points that start before byte i.
	d.runes = make([]int32, len(d.Text)+1)
	n := int32(0)
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i]&0xC0 != 0x80 {
			n++
		}
		d.runes[i+1] = n
	}
}

// Runes converts a byte offset into the text to a code-point offset.
func (d *Doc) Runes(b int) int {
	if d.runes == nil {
		return b
	}
	if b < 0 {
		return 0
	}
	if b > len(d.Text) {
		b = len(d.Text)
	}
	return int(d.runes[b])
}

// SentenceOf returns the index of the sentence holding byte offset b, or -1.
func (d *Doc) SentenceOf(b int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sents[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sents) && d.Sents[lo].Start <= b {
		return lo
	}
	return -1
}
