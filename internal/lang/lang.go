// Package lang tells the language of a report, so that it is parsed and extracted with the
// rules of that language.
//
// Detection is whatlanggo's trigram model (github.com/RadhiFadlillah/whatlanggo), read on at
// most the first MaxRunes of the title and text together. A report is English, Spanish or
// French when that is what whatlanggo finds among those three with enough confidence; another
// language is reported only when whatlanggo is sure of it among all it knows; anything else
// (a short text, a mixed one, a low confidence) is English, the default. A text is given the
// same language every time: detection is deterministic.
package lang

import (
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
const MaxRunes = 4000

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
	Confidence float64 // whatlanggo's confidence, 0 to 1; 0 when the default was taken
}

// Detect returns the language of a report from its title and text.
func Detect(title, text string) Result {
	s := sample(title, text)
	if letters(s) < minLetters {
		return Result{Code: English}
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

// sample joins title and text and cuts the result at MaxRunes, at a space when there is one.
func sample(title, text string) string {
	s := strings.TrimSpace(title)
	if s != "" {
		s += ".\n"
	}
	s += text
	if utf8.RuneCountInString(s) <= MaxRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxRunes {
			s = s[:i]
			break
		}
		n++
	}
	if k := strings.LastIndexAny(s, " \n\t"); k > len(s)/2 {
		s = s[:k]
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
