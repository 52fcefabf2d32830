package text

import (
	"strings"
	"unicode"
)

// BestSentence returns the sentence of body that holds the most query words, else the first.
func BestSentence(body, query string) string {
	doc := Analyze(body)
	if len(doc.Sents) == 0 {
		return ""
	}
	words := strings.FieldsFunc(strings.ToLower(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	best, bestN := 0, 0
	for i, s := range doc.Sents {
		n := 0
		for _, t := range s.Tokens {
			for _, w := range words {
				if strings.HasPrefix(t.Low, w) {
					n++
				}
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	s := doc.Sents[best]
	return strings.TrimSpace(body[s.Start:s.End])
}
