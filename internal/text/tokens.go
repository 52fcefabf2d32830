package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, with inner hyphens, apostrophes and abbreviation dots
	Number             // digits, with inner thousands separators and decimal points
	Poss               // a possessive 's or ’s split off the word before it
	Punct              // anything else, one rune a token
)

// Token is one token with its byte range in the text.
type Token struct {
	Start, End int
	Text       string
	Low        string // Text in lower case
	Kind       Kind
	Para, Sent int // index of the paragraph and sentence that hold the token
}

// Lower returns the token text in lower case.
func (t Token) Lower() string { return t.Low }

// IsCap reports whether the token starts with an upper-case letter.
func (t Token) IsCap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsQuoteMark reports whether the token is a quotation mark of any style.
func (t Token) IsQuoteMark() bool {
	return t.Kind == Punct && strings.ContainsAny(t.Text, "\"“”‘’'«»„")
}

// IsSpace reports whether r separates tokens: Unicode spaces, including the no-break space,
// and the "Â" that mis-decoded no-break spaces leave behind.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// Tokenize splits s into tokens with byte offsets.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsSpace(r):
			i += w
		case r == 'Â' && i+w < len(s) && nextIsSpace(s[i+w:]):
			i += w // mis-decoded no-break space
		case unicode.IsDigit(r):
			j := scanNumber(s, i)
			toks = append(toks, Token{Start: i, End: j, Text: s[i:j], Kind: Number})
			i = j
		case isLetter(r):
			j, poss := scanWord(s, i)
			if e := elision(s[i:j]); e > 0 {
				// French "l'Espagne", "d'euros", "qu'il": the elided article stands apart.
				toks = append(toks, Token{Start: i, End: i + e, Text: s[i : i+e], Kind: Word})
				i += e
			}
			toks = append(toks, Token{Start: i, End: j, Text: s[i:j], Kind: Word})
			if poss > j {
				toks = append(toks, Token{Start: j, End: poss, Text: s[j:poss], Kind: Poss})
				j = poss
			}
			i = j
		default:
			toks = append(toks, Token{Start: i, End: i + w, Text: s[i : i+w], Kind: Punct})
			i += w
		}
	}
	for k := range toks {
		toks[k].Low = strings.ToLower(toks[k].Text)
	}
	return toks
}

func nextIsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsSpace(r)
}

// scanNumber returns the end of the number starting at i: digits with inner "," "." ":"
// followed by a digit ("9,179", "2.5", "19:00").
func scanNumber(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == ':') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	return j
}

// scanWord returns the end of the word starting at i, and the end of a possessive that
// follows it (equal to the word's end when there is none).
func scanWord(s string, i int) (end, poss int) {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if isLetter(r) || unicode.IsDigit(r) {
			j += w
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' {
			n, nw := utf8.DecodeRuneInString(s[j+w:])
			if r == '.' {
				// U.S., U.N., a.m.: a dot between single letters.
				if isLetter(n) && runeLenBack(s[i:j]) == 1 {
					j += w + nw
					if j < len(s) && s[j] == '.' {
						j++
					}
					continue
				}
				break
			}
			if (r == '\'' || r == '’') && (n == 's' || n == 'S') {
				after, _ := utf8.DecodeRuneInString(s[j+w+nw:])
				if !isLetter(after) {
					return j, j + w + nw
				}
			}
			if isLetter(n) || (r == '-' && unicode.IsDigit(n)) {
				j += w
				continue
			}
		}
		break
	}
	// Plural possessive: "migrants’ arrival".
	return j, j
}

// runeLenBack returns the number of letters at the end of s since the last dot.
func runeLenBack(s string) int {
	k := strings.LastIndexByte(s, '.')
	return utf8.RuneCountInString(s[k+1:])
}

// elisions are the French words that drop their vowel before another word: "l'", "d'", "qu'".
var elisions = []string{"l", "d", "qu", "n", "s", "c", "j", "m", "jusqu", "lorsqu", "puisqu"}

// elision returns the length of an elided French word with its apostrophe at the start of
// word w ("l'" in "l'Espagne", "d’" in "d’euros"), or 0. English words do not start so, but
// for a rare name ("d'Estaing"), which the dictionaries split the same way.
func elision(w string) int {
	for _, e := range elisions {
		if len(w) <= len(e)+1 || !strings.EqualFold(w[:len(e)], e) {
			continue
		}
		rest := w[len(e):]
		for _, ap := range []string{"'", "’"} {
			if strings.HasPrefix(rest, ap) {
				r, _ := utf8.DecodeRuneInString(rest[len(ap):])
				if isLetter(r) {
					return len(e) + len(ap)
				}
			}
		}
	}
	return 0
}
