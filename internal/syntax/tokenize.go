package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into tokens as UD English (the Web Treebank) does: white space separates;
// punctuation is split off (a run of the same mark, "..." or "!!", is one token); clitics are
// split from their word ("don't" → "do" "n't", "I'm" → "I" "'m", "Spain's" → "Spain" "'s",
// "cannot" → "can" "not"); hyphens between words are tokens of their own ("Europe-bound" →
// "Europe" "-" "bound") except after a prefix such as "co-" or "non-"; numbers keep their inner
// separators ("9,179", "2.5"); abbreviations keep their dots ("U.S.", "Mr."); URLs and e-mail
// addresses are one token. Offsets are in code points from the start of s. Only Form, Start,
// End and SpaceAfter are set; Head is -1.
func Tokenize(s string) []Token {
	var out []Token
	tokenizeInto(s, 0, &out)
	return out
}

// TokenizeAt is Tokenize with offsets counted from base, the code-point offset of s's start in
// a longer text.
func TokenizeAt(s string, base int) []Token {
	var out []Token
	tokenizeInto(s, base, &out)
	return out
}

// piece is a token under construction: a byte range of the input.
type piece struct{ start, end int }

// A splitter is a language's rule for cutting the text between spaces into tokens; the loop
// over the text, the white space and the offsets are tokenizeWith's, the same for every
// language.
type splitter interface {
	// joins reports whether the white space at s[k] is inside a word ("12 000").
	joins(s string, k int) bool
	// split appends the tokens of the chunk s[i:j]; at turns a byte offset of s, never less
	// than the one it was last given, into a code-point offset.
	split(s string, i, j int, at func(int) int, out *[]Token)
}

// tokenizeWith appends the tokens of s to out. When s starts with white space, the last token
// already in out gets SpaceAfter.
func tokenizeWith(sp splitter, s string, base int, out *[]Token) {
	// Byte offset -> code point offset, computed incrementally since pieces come in order.
	cpByte, cp := 0, base
	at := func(b int) int {
		for cpByte < b {
			_, w := utf8.DecodeRuneInString(s[cpByte:])
			cpByte += w
			cp++
		}
		return cp
	}
	first := len(*out)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			if n := len(*out); n > 0 && (n > first || i == 0) {
				(*out)[n-1].SpaceAfter = true
			}
			i += w
			continue
		}
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) && !sp.joins(s, j) {
				break
			}
			j += w
		}
		sp.split(s, i, j, at, out)
		i = j
	}
}

// english is the splitter of UD English (see Tokenize).
type english struct{ pieces []piece }

func (*english) joins(string, int) bool { return false }

func (e *english) split(s string, i, j int, at func(int) int, out *[]Token) {
	e.pieces = splitChunk(s, i, j, e.pieces[:0])
	for _, p := range e.pieces {
		st, en := at(p.start), at(p.end)
		*out = append(*out, Token{Form: s[p.start:p.end], Start: st, End: en, Head: -1})
	}
}

func tokenizeInto(s string, base int, out *[]Token) {
	tokenizeWith(&english{}, s, base, out)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// splitChunk splits a run of non-space characters s[i:j] into pieces.
func splitChunk(s string, i, j int, out []piece) []piece {
	chunk := s[i:j]
	if isURL(chunk) {
		// Trailing sentence punctuation is not part of the address.
		k := j
		for k > i {
			r, w := utf8.DecodeLastRuneInString(s[i:k])
			if !strings.ContainsRune(".,;:!?)\"'”’", r) {
				break
			}
			k -= w
		}
		out = append(out, piece{i, k})
		return splitChunk(s, k, j, out)
	}
	for i < j {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			k := scanWordEnd(s, i, j)
			out = splitClitics(s, i, k, out)
			i = k
		case isApos(r) && i+w < j:
			// A leading clitic written alone or after a quote: 's, 'm, n't forms are handled
			// in splitClitics; here an apostrophe before letters ('90s, 'em) stays with them.
			if c := clitic(s[i:j]); c > 0 {
				out = append(out, piece{i, i + c})
				i += c
				continue
			}
			out = append(out, piece{i, i + w})
			i += w
		default:
			// A run of the same punctuation mark is one token ("...", "!!", "--"); ".?" too.
			k := i + w
			for k < j {
				r2, w2 := utf8.DecodeRuneInString(s[k:])
				if r2 != r && !(r == '.' && (r2 == '?' || r2 == '!')) {
					break
				}
				k += w2
			}
			out = append(out, piece{i, k})
			i = k
		}
	}
	return out
}

// isURL reports whether a chunk is a web address or an e-mail address.
func isURL(c string) bool {
	l := strings.ToLower(c)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") {
		return len(l) > 7
	}
	at := strings.IndexByte(l, '@')
	return at > 0 && strings.IndexByte(l[at:], '.') > 1 && !strings.ContainsAny(l, "()\"")
}

// hyphenPrefixes stay joined to the word after their hyphen, as the treebank keeps them.
var hyphenPrefixes = map[string]bool{"e": true, "co": true, "pre": true, "post": true, "non": true, "semi": true,
	"re": true, "pro": true, "multi": true, "mid": true, "ex": true, "anti": true, "self": true, "inter": true,
	"sub": true, "cross": true, "counter": true, "vice": true, "over": true, "under": true, "ultra": true,
	"trans": true, "extra": true, "intra": true, "neo": true, "pseudo": true, "quasi": true, "mis": true, "un": true}

// abbreviations keep their final dot.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"vs": true, "etc": true, "inc": true, "co": true, "corp": true, "ltd": true, "jr": true, "sr": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "ft": true, "mt": true, "lt": true, "gen": true, "col": true,
	"sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "dept": true,
	"approx": true, "est": true, "fig": true, "nos": true, "cf": true, "al": true, "adm": true, "cmdr": true}

// scanWordEnd returns the end of the word starting at i (before j): letters and digits, with
// inner apostrophes, inner dots of abbreviations, inner separators of numbers, and hyphens
// after a prefix.
func scanWordEnd(s string, i, j int) int {
	k := i
	for k < j {
		r, w := utf8.DecodeRuneInString(s[k:])
		if isWordRune(r) {
			k += w
			continue
		}
		if k+w >= j {
			// A final dot belongs to an abbreviation: "Mr.", "U.S.", "a.m.".
			if r == '.' && isAbbrev(s[i:k]) {
				return k + w
			}
			break
		}
		n, _ := utf8.DecodeRuneInString(s[k+w:])
		switch {
		case isApos(r) && unicode.IsLetter(n):
			k += w // "don't", "O'Brien": clitics are split later
		case (r == ',' || r == '.' || r == ':' || r == '/') && unicode.IsDigit(n) && k > i && isDigitBefore(s, k):
			k += w // "9,179", "2.5", "19:00", "1/2"
		case r == '.' && unicode.IsLetter(n) && dottedLetters(s[i:k]):
			k += w // "U.S", "e.g"
		case r == '-' && unicode.IsLetter(n) && hyphenPrefixes[strings.ToLower(s[i:k])]:
			k += w
		case r == '.' && isAbbrev(s[i:k]) && !unicode.IsLetter(n) && !unicode.IsDigit(n):
			return k + w // "Mr.," keeps its dot
		default:
			return k
		}
	}
	return k
}

func isDigitBefore(s string, k int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:k])
	return unicode.IsDigit(r)
}

// dottedLetters reports whether w is single letters separated by dots ("U", "U.S", "e.g").
func dottedLetters(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			if n != 1 {
				return false
			}
			n = 0
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n == 1
}

func isAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return dottedLetters(w)
	}
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	// A single capital letter: an initial ("George W. Bush").
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// clitic returns the byte length of a clitic at the start of w ('s, 'm, 're, 've, 'll, 'd,
// n't), provided it ends the word; 0 when there is none.
func clitic(w string) int {
	l := strings.ToLower(w)
	for _, c := range [...]string{"n't", "n’t", "'s", "’s", "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"} {
		if strings.HasPrefix(l, c) {
			rest := w[len(c):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || !isWordRune(r) {
				return len(c)
			}
		}
	}
	return 0
}

// splitClitics appends the pieces of word s[i:k]: the word and its clitics.
func splitClitics(s string, i, k int, out []piece) []piece {
	w := s[i:k]
	l := strings.ToLower(w)
	// n't: "don't" -> "do" "n't", "can't" -> "ca" "n't", "won't" -> "wo" "n't".
	for _, nt := range [...]string{"n't", "n’t"} {
		if strings.HasSuffix(l, nt) && len(l) > len(nt) {
			m := k - len(nt)
			return append(out, piece{i, m}, piece{m, k})
		}
	}
	for _, c := range [...]string{"'s", "’s", "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"} {
		if strings.HasSuffix(l, c) && len(l) > len(c) {
			m := k - len(c)
			return append(out, piece{i, m}, piece{m, k})
		}
	}
	switch l {
	case "cannot":
		return append(out, piece{i, i + 3}, piece{i + 3, k})
	case "gonna", "wanna", "gotta":
		return append(out, piece{i, i + 3}, piece{i + 3, k})
	}
	return append(out, piece{i, k})
}
