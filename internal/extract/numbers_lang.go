package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/text"
)

// number reads the numeric expression at token i, by the conventions of the document's
// language.
func (s *state) number(i int) (number, bool) {
	if s.ownLang() == "" {
		return readNumber(s.doc.Tokens, i)
	}
	return readNumberLang(s.doc.Text, s.doc.Tokens, i, s.lx)
}

// readNumberLang reads a number written the Spanish or French way: dots or spaces part
// thousands ("18.500", "12 000", "75 184"), a comma is the decimal mark ("1,5 millones", "2,3
// millions d'euros"), number words come from the language's list ("doscientos", "deux cents"),
// the currency follows, often after "de" ("3.000 euros", "152 millions d'euros").
func readNumberLang(src string, toks []text.Token, i int, lx *lexicon.Lexicon) (number, bool) {
	t := toks[i]
	n := number{start: i}
	j := i + 1
	switch t.Kind {
	case text.Number:
		if strings.Contains(t.Text, ":") {
			return n, false
		}
		digits := t.Text
		switch {
		case strings.Contains(digits, ","):
			digits = strings.Replace(strings.ReplaceAll(digits, ".", ""), ",", ".", 1)
		case europeanThousands(digits):
			digits = strings.ReplaceAll(digits, ".", "")
		case !strings.Contains(digits, ".") && len(digits) <= 3:
			// "12 000", "75 184", with any space between the groups (also no-break ones)
			for j < len(toks) && toks[j].Kind == text.Number && len(toks[j].Text) == 3 &&
				!strings.ContainsAny(toks[j].Text, ".,:") && toks[j].Sent == t.Sent && onlySpace(src[toks[j-1].End:toks[j].Start]) {
				digits += toks[j].Text
				j++
			}
			// "75 184,5": a decimal part after the last group
		}
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			return n, false
		}
		n.value = v
		if j < len(toks) && toks[j].Start == toks[j-1].End && toks[j].Kind == text.Word {
			if cur := currencyWord(toks[j].Low, lx); cur != "" {
				n.currency = cur
				j++
			} else {
				return n, false // "14h", "1er", "2ª"
			}
		}
	case text.Word:
		v, end, ok := numberWords(toks, i, lx)
		if !ok {
			return n, false
		}
		n.value, j, n.words = v, end, true
	default:
		return n, false
	}
	// "1,5 millones", "152 millions", "3 mil"
	if j < len(toks) && toks[j].Kind == text.Word {
		if nw, ok := lx.Numbers[toks[j].Low]; ok && nw.Kind == "scale" && nw.Value >= 1e3 {
			n.value *= nw.Value
			j++
		}
	}
	n.end = j
	// the currency: "euros", "de euros", "d'euros", "€"
	if j < len(toks) {
		w := toks[j].Low
		if cur := currencyWord(strings.TrimPrefix(strings.TrimPrefix(w, "d'"), "d’"), lx); cur != "" && toks[j].Kind == text.Word {
			n.currency, n.end = cur, j+1
		} else if (w == "de" || w == "del" || w == "d'" || w == "d’") && j+1 < len(toks) && toks[j+1].Kind == text.Word {
			if cur := currencyWord(toks[j+1].Low, lx); cur != "" {
				n.currency, n.end = cur, j+2
			}
		} else if toks[j].Text == "€" || toks[j].Text == "$" {
			n.currency, n.end = currencies[toks[j].Text], j+1
		}
	}
	if n.currency == "" && n.start > 0 {
		if cur, ok := currencies[toks[n.start-1].Text]; ok && toks[n.start-1].Kind == text.Punct {
			n.currency, n.start = cur, n.start-1
		}
	}
	if j < len(toks) && n.currency == "" {
		if toks[j].Text == "%" {
			n.percent, n.end = true, j+1
		} else if j+1 < len(toks) && (toks[j].Low == "por" || toks[j].Low == "pour") && (toks[j+1].Low == "ciento" || toks[j+1].Low == "cent") {
			n.percent, n.end = true, j+2
		}
	}
	n.bound = boundLang(toks, n.start, lx)
	return n, true
}

// onlySpace reports whether s is one space of any kind, as parts thousands: " ", "\u00a0",
// "\u202f".
func onlySpace(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	return w == len(s) && w > 0 && (text.IsSpace(r) || r == '\u202f') && r != '\n'
}

// currencyWord returns the ISO 4217 code of a currency word, in the language or in English.
func currencyWord(w string, lx *lexicon.Lexicon) string {
	if c := lx.Currency[w]; c != "" {
		return c
	}
	return currencies[w]
}

// numberWords reads a number in words at token i: "cuatro", "treinta y dos", "deux cents",
// "quatre-vingt-dix", "un millón". "un", "una", "une" alone are articles, not numbers.
func numberWords(toks []text.Token, i int, lx *lexicon.Lexicon) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	last := 0.0 // the value of the last unit read, for "quatre-vingt"
	for ; j < len(toks) && toks[j].Kind == text.Word && toks[j].Sent == toks[i].Sent; j++ {
		parts := strings.Split(toks[j].Low, "-")
		words := make([]lexicon.NumberWord, 0, len(parts))
		for _, p := range parts {
			nw, ok := lx.Numbers[p]
			if !ok {
				words = nil
				break
			}
			words = append(words, nw)
		}
		if len(words) == 0 {
			break
		}
		if len(words) == 1 && words[0].Kind == "join" {
			// "treinta y dos", "vingt et un": a join between two number words
			if j == i || j+1 >= len(toks) || lx.Numbers[strings.Split(toks[j+1].Low, "-")[0]].Kind != "unit" {
				break
			}
			continue
		}
		for _, nw := range words {
			switch nw.Kind {
			case "unit":
				if nw.Value == 20 && last == 4 {
					cur += 80 - 4 // "quatre-vingt"
				} else {
					cur += nw.Value
				}
				last = nw.Value
			case "hundred":
				if cur == 0 {
					cur = 1
				}
				cur *= nw.Value
				last = 0
			case "scale":
				if cur == 0 {
					cur = 1
				}
				if nw.Value >= 1e3 {
					total += cur * nw.Value
					cur = 0
				} else {
					cur *= nw.Value // "una docena", "une centaine"
				}
				last = 0
			}
		}
	}
	v := total + cur
	if j == i || v == 0 {
		return 0, i, false
	}
	if j == i+1 && v == 1 {
		return 0, i, false // "un", "una", "une": an article
	}
	return v, j, true
}

// boundLang reads the bound before a number: "más de", "cerca de", "au moins", "environ".
func boundLang(toks []text.Token, i int, lx *lexicon.Lexicon) string {
	if i == 0 {
		return "exact"
	}
	p := toks[i-1].Low
	pp := p
	if i > 1 {
		pp = toks[i-2].Low + " " + p
	}
	for _, b := range []string{"at_least", "at_most", "approximate"} {
		if lx.Word(b, pp) || lx.Word(b, p) {
			return b
		}
	}
	return "exact"
}
