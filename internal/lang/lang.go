// Package lang tells the language of a report, so that it is parsed and extracted with the
// rules of that language.
//
// Detection is whatlanggo's trigram model (github.com/RadhiFadlillah/whatlanggo), read on at
// most the first MaxRunes of the title and text together. The trigram model costs a few
// milliseconds, several times the extraction of a report, so a report whose first words are
// plainly English function words ("the", "of", "was", and few of Spanish or French) is English
// without it (function_words.tsv). A report is English, Spanish or
// French when that is what whatlanggo finds among those three with enough confidence; another
// language is reported only when whatlanggo is sure of it among all it knows; anything else
// (a short text, a mixed one, a low confidence) is English, the default. A text is given the
// same language every time: detection is deterministic.
package lang

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// The languages Alboran has syntax models and extraction rules for, as ISO 639-1 codes.
const (
	English = "en"
	Spanish = "es"
	French  = "fr"
)

// Supported reports whether code is a language with its own models and rules.
func Supported(code string) bool {
	return code == English || code == Spanish || code == French
}

// Normalize returns the ISO 639-1 code of a language given by a user or a feed ("ES",
// "es-ES", "fr_FR", "spa", "French"), or "" when it is not one whatlanggo knows.
func Normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch len(s) {
	case 0:
		return ""
	case 2:
		for l := range whatlanggo.Langs {
			if l.Iso6391() == s {
				return s
			}
		}
		return ""
	case 3:
		if l := whatlanggo.CodeToLang(s); l != -1 {
			return l.Iso6391()
		}
		return ""
	}
	for l, name := range whatlanggo.Langs {
		if strings.ToLower(name) == s {
			return l.Iso6391()
		}
	}
	return ""
}

// MaxRunes bounds the text that detection reads: the first runes say the language as well
// as the whole, and the cost stays fixed for any length.
const MaxRunes = 1000

// minLetters is the fewest letters a text needs for a guess other than English: a headline
// of three words is too little to tell.
const minLetters = 40

// Thresholds of whatlanggo's confidence (0 to 1): among English, Spanish and French, and for
// another language among all.
const (
	minConfidence      = 0.2
	minOtherConfidence = whatlanggo.ReliableConfidenceThreshold
)

var ours = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Eng: true, whatlanggo.Spa: true, whatlanggo.Fra: true}}

// Result is a detected language and how sure the detector was.
type Result struct {
	Code       string  // ISO 639-1: "en", "es", "fr", or another language's code
	Confidence float64 // whatlanggo's confidence, 0 to 1; 1 when function words decided, 0 for the default
}

// Detect returns the language of a report from its title and text.
func Detect(title, text string) Result {
	s := sample(title, text)
	if letters(s) < minLetters {
		return Result{Code: English}
	}
	if plainlyEnglish(s) {
		return Result{Code: English, Confidence: 1}
	}
	// Another language: one whatlanggo is sure of, or any in another script than Latin.
	if all := whatlanggo.Detect(s); all.Lang >= 0 && (all.Confidence >= minOtherConfidence || all.Script != unicode.Latin) {
		if code := all.Lang.Iso6391(); code != "" && !Supported(code) {
			return Result{Code: code, Confidence: all.Confidence}
		}
	}
	in := whatlanggo.DetectWithOptions(s, ours)
	code := in.Lang.Iso6391()
	if !Supported(code) || in.Confidence < minConfidence {
		return Result{Code: English}
	}
	return Result{Code: code, Confidence: in.Confidence}
}

// sample joins title and text, cut at MaxRunes runes, at a space when there is one; only
// what it keeps is read or copied.
func sample(title, text string) string {
	title = strings.TrimSpace(title)
	if title != "" {
		title += ".\n"
	}
	n := utf8.RuneCountInString(title)
	if n >= MaxRunes {
		return cut(title, MaxRunes)
	}
	return title + cut(text, MaxRunes-n)
}

// cut returns s's first n runes, ending before a space in the second half when there is one.
func cut(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			s = s[:i]
			if sp := strings.LastIndexAny(s, " \n\t"); sp > len(s)/2 {
				s = s[:sp]
			}
			return s
		}
		k++
	}
	return s
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

//go:embed function_words.tsv
var functionWordsData string

// functionWords maps a lower-case word to the languages it is a function word of (bits:
// 1 English, 2 Spanish, 4 French).
var functionWords = func() map[string]uint8 {
	m := map[string]uint8{}
	bit := map[string]uint8{English: 1, Spanish: 2, French: 4}
	for _, line := range strings.Split(functionWordsData, "\n") {
		code, w, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || strings.HasPrefix(code, "#") {
			continue
		}
		m[w] |= bit[code]
	}
	return m
}()

// Thresholds of plainlyEnglish: at least this many English function words, and this many
// times as many as of Spanish or of French.
const (
	minEnglishWords = 8
	englishRatio    = 4
)

// plainlyEnglish reports whether the function words of s are English by a wide margin.
func plainlyEnglish(s string) bool {
	var n [3]int
	start := -1
	var buf [16]byte
	count := func(w string) {
		if len(w) > len(buf) {
			return // longer than any function word
		}
		// Lower-case ASCII in place; a word with other letters is looked up as written.
		b := buf[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		m := functionWords[string(b)]
		for i := range n {
			if m&(1<<i) != 0 {
				n[i]++
			}
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			count(s[start:i])
			start = -1
			// Twice the evidence needed: the rest cannot change the answer much.
			if n[0] >= 2*minEnglishWords && n[0] >= 2*englishRatio*max(n[1], n[2]) {
				return true
			}
		}
	}
	if start >= 0 {
		count(s[start:])
	}
	return n[0] >= minEnglishWords && n[0] >= englishRatio*n[1] && n[0] >= englishRatio*n[2]
}
