package store

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The embedded store ranks search hits itself. FTS5's bm25 counts, for every query, every
// report that holds each term (its inverse document frequency), so its cost grows with the
// archive; and a prefix query ("rescu*") merges the whole posting list of every word that
// starts so. A query instead names the forms of each word (Forms), which the index iterates
// newest first and stops at the cap; the hits are then scored here from their titles and the
// start of their text.

// stemSuffixes are the endings cut from a word to find its stem, longest first.
var stemSuffixes = []string{"ing", "ed", "es", "s"}

// formSuffixes are the endings added back to a stem: the English inflections and the
// commonest derivations.
var formSuffixes = []string{"", "s", "es", "e", "ed", "d", "ing", "er", "ers", "ion", "ions", "ation", "ations", "ment", "ments", "y", "ies", "ied"}

// Stem cuts an English inflection off a word: "trafficking" → "traffick", "boats" → "boat",
// "rescued" → "rescu". It returns "" for a word too short to widen: "EU" stays "EU".
func Stem(w string) string {
	w = strings.ToLower(w)
	for _, suf := range stemSuffixes {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if len([]rune(w)) < 4 {
		return ""
	}
	return w
}

// Forms returns the forms a search for word finds, lower case: the word itself, and its stem
// with each inflection ("rescued" finds rescue, rescues, rescued, rescuing, rescuer...).
func Forms(word string) []string {
	w := strings.ToLower(word)
	st := Stem(word)
	if st == "" {
		return []string{w}
	}
	out := []string{w}
	for _, suf := range formSuffixes {
		if f := st + suf; f != w {
			out = append(out, f)
		}
	}
	return out
}

// QueryWords splits what a user typed into words (each with its forms) and phrases (in
// double quotes, each word as written, lower case).
func QueryWords(s string) (words [][]string, phrases [][]string) {
	for i, chunk := range strings.Split(s, `"`) {
		ws := strings.FieldsFunc(chunk, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(ws) == 0 {
			continue
		}
		if i%2 == 1 {
			for k := range ws {
				ws[k] = strings.ToLower(ws[k])
			}
			phrases = append(phrases, ws)
			continue
		}
		for _, w := range ws {
			words = append(words, Forms(w))
		}
	}
	return words, phrases
}

// RankHits scores hits for a query, from their titles (each occurrence worth titleWeight) and
// texts, with BM25's saturation and length normalization (k1 1.2, b 0.75); the hits all hold
// every word, so no word weighs more than another. It sets each hit's Rank to minus its score:
// lower is better, as with bm25.
func RankHits(hits []Hit, query string) {
	words, phrases := QueryWords(query)
	group := map[string][]int{} // form -> the words it is a form of
	for g, forms := range words {
		for _, f := range forms {
			group[f] = append(group[f], g)
		}
	}
	// count adds a text's occurrences of the words (by a map lookup per token, no copy of the
	// text) and of the phrases to tf, and returns its length in tokens.
	count := func(text string, tf []float64, weight float64) int {
		var toks []string // only kept when there are phrases
		n := 0
		eachToken(text, func(tok []byte) {
			n++
			for _, g := range group[string(tok)] {
				tf[g] += weight
			}
			if len(phrases) > 0 {
				toks = append(toks, string(tok))
			}
		})
		for p, ph := range phrases {
			tf[len(words)+p] += weight * float64(countPhrase(toks, ph))
		}
		return n
	}
	const k1, b, titleWeight = 1.2, 0.75, 5.0
	lens := make([]float64, len(hits))
	tfs := make([][]float64, len(hits))
	total := 0.0
	for i, h := range hits {
		tfs[i] = make([]float64, len(words)+len(phrases))
		lens[i] = float64(count(h.Title, tfs[i], titleWeight) + count(h.Text, tfs[i], 1))
		total += lens[i]
	}
	avg := math.Max(total/math.Max(float64(len(hits)), 1), 1)
	for i := range hits {
		score := 0.0
		for _, tf := range tfs[i] {
			score += tf * (k1 + 1) / (tf + k1*(1-b+b*lens[i]/avg))
		}
		hits[i].Rank = -score
	}
}

// eachToken calls fn with each word of s (letters and digits) in lower case; the bytes are
// reused from one call to the next.
func eachToken(s string, fn func(tok []byte)) {
	buf := make([]byte, 0, 32)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				buf = append(buf, c)
				continue
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
				continue
			}
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				continue
			}
		}
		if len(buf) > 0 {
			fn(buf)
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		fn(buf)
	}
}

func countPhrase(toks []string, p []string) int {
	n := 0
	for i := 0; i+len(p) <= len(toks); i++ {
		match := true
		for k, w := range p {
			if toks[i+k] != w {
				match = false
				break
			}
		}
		if match {
			n++
		}
	}
	return n
}
