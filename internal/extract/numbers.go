package extract

import (
	"strconv"
	"strings"

	"github.com/alboran/alboran/internal/text"
)

// number is a numeric expression: tokens [start, end) and its value.
type number struct {
	start, end int
	value      float64
	currency   string // ISO 4217 code for money
	percent    bool
	bound      string
	words      bool // written in words
}

var units = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var tens = map[string]float64{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90}

var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "mln": 1e6, "trillion": 1e12}

var currencies = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "dollar": "USD",
	"euros": "EUR", "euro": "EUR", "pounds": "GBP", "dirhams": "MAD", "dirham": "MAD", "us$": "USD",
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "ringgit": "MYR", "lira": "TRY", "liras": "TRY"}

var bounds = map[string]string{"nearly": "approximate", "about": "approximate", "around": "approximate",
	"approximately": "approximate", "roughly": "approximate", "some": "approximate", "almost": "approximate",
	"estimated": "approximate", "an": "", "over": "at_least", "least": "at_least", "upwards": "at_least",
	"than": "", "under": "at_most", "fewer": "at_most", "less": "at_most", "exceeded": "at_least",
	"nearing": "approximate", "circa": "approximate", "some-": "approximate"}

// wordValue reads a number written in words: "twenty-one", "a dozen", "one hundred eighty-nine".
func wordValue(toks []text.Token, i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(toks) {
		w := toks[j].Low
		if toks[j].Kind != text.Word {
			break
		}
		if v, ok := units[w]; ok {
			cur += v
		} else if v, ok := tens[w]; ok {
			cur += v
		} else if a, b, ok := strings.Cut(w, "-"); ok && tens[a] > 0 && units[b] > 0 {
			cur += tens[a] + units[b]
		} else if w == "dozen" {
			if cur == 0 {
				cur = 1
			}
			cur *= 12
		} else if v, ok := scales[w]; ok && seen && w != "m" && w != "k" && w != "bn" && w != "mn" {
			if cur == 0 {
				cur = 1
			}
			if v == 100 {
				cur *= v
			} else {
				total += cur * v
				cur = 0
			}
		} else if w == "and" && seen && j+1 < len(toks) && (units[toks[j+1].Low] > 0 || tens[toks[j+1].Low] > 0) {
			// "one hundred and five"
		} else if w == "a" && !seen && j+1 < len(toks) && (toks[j+1].Low == "dozen" || toks[j+1].Low == "hundred" || toks[j+1].Low == "thousand" || toks[j+1].Low == "million") {
			cur = 1
		} else {
			break
		}
		seen = true
		j++
	}
	v := total + cur
	if !seen || v == 0 || (j == i+1 && toks[i].Low == "a") {
		return 0, i, false
	}
	return v, j, true
}

// europeanThousands reports whether digits use dots to part thousands, as European sources do in
// English text: "2.500.000", "1.250".
func europeanThousands(d string) bool {
	if strings.Contains(d, ",") {
		return false
	}
	groups := strings.Split(d, ".")
	if len(groups) < 2 || len(groups[0]) > 3 || groups[0] == "0" {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// readNumber reads the numeric expression at token i.
func readNumber(toks []text.Token, i int) (number, bool) {
	t := toks[i]
	n := number{start: i}
	var j int
	switch t.Kind {
	case text.Number:
		digits := strings.ReplaceAll(t.Text, ",", "")
		j = i + 1
		switch {
		case europeanThousands(t.Text):
			// "2.500.000 euros", and "1.250 migrants" unless a scale follows ("1.250 million")
			if strings.Count(t.Text, ".") > 1 || j >= len(toks) || scales[toks[j].Low] == 0 {
				digits = strings.ReplaceAll(t.Text, ".", "")
			}
		case !strings.ContainsAny(t.Text, ".,") && len(t.Text) <= 3:
			// "12 000": thousands parted by spaces
			for j < len(toks) && toks[j].Kind == text.Number && toks[j].Start == toks[j-1].End+1 && len(toks[j].Text) == 3 && !strings.ContainsAny(toks[j].Text, ".,:") && toks[j-1].Sent == toks[j].Sent {
				digits += toks[j].Text
				j++
			}
		}
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil || strings.Contains(t.Text, ":") {
			return n, false
		}
		n.value = v
		// "a 9-billion-euro budget": a scale and a currency glued to the digits by hyphens
		if j+1 < len(toks) && toks[j].Text == "-" && toks[j+1].Start == toks[j].End && toks[j].Start == toks[j-1].End {
			parts := strings.Split(toks[j+1].Low, "-")
			if sc, ok := scales[parts[0]]; ok && sc >= 1e3 {
				n.value *= sc
				if len(parts) > 1 {
					n.currency = currencies[parts[1]]
					if n.currency == "" {
						n.currency = currencies[parts[1]+"s"]
					}
				}
				j += 2
			}
		}
		// "2.5m", "1bn" glued to the digits
		if j < len(toks) && toks[j].Start == t.End && toks[j].Kind == text.Word {
			if sc, ok := scales[toks[j].Low]; ok && sc >= 1e3 {
				n.value *= sc
				j++
			} else if cur, ok := currencies[toks[j].Low]; ok {
				n.currency = cur
				j++
			} else {
				return n, false // "2am", "1st", "A1"
			}
		}
		if j < len(toks) && toks[j].Kind == text.Word {
			if sc, ok := scales[toks[j].Low]; ok && sc >= 1e3 && toks[j].Low != "m" && toks[j].Low != "k" {
				n.value *= sc
				j++
			}
		}
	case text.Word:
		v, end, ok := wordValue(toks, i)
		if !ok {
			return n, false
		}
		n.value, j, n.words = v, end, true
	default:
		return n, false
	}
	n.end = j
	// Currency before: "$2 million", "US$5", "€1.59m".
	if i > 0 {
		if cur, ok := currencies[toks[i-1].Low]; ok {
			n.currency = cur
			n.start = i - 1
			if i > 1 && toks[i-2].Text == "US" && toks[i-1].Text == "$" {
				n.start = i - 2
			}
		}
	}
	if j < len(toks) {
		if cur, ok := currencies[toks[j].Low]; ok && toks[j].Kind == text.Word {
			n.currency = cur
			n.end = j + 1
		}
		if toks[j].Text == "%" || toks[j].Low == "percent" || toks[j].Low == "per" && j+1 < len(toks) && toks[j+1].Low == "cent" {
			n.percent = true
			n.end = j + 1
			if toks[j].Low == "per" {
				n.end = j + 2
			}
		}
	}
	n.bound = boundBefore(toks, n.start)
	return n, true
}

// boundBefore reads "nearly", "more than", "at least", "up to" before a number.
func boundBefore(toks []text.Token, i int) string {
	if i == 0 {
		return "exact"
	}
	p := toks[i-1].Low
	pp := ""
	if i > 1 {
		pp = toks[i-2].Low
	}
	switch {
	case p == "than" && (pp == "more" || pp == "over"):
		return "at_least"
	case p == "than" && (pp == "fewer" || pp == "less"):
		return "at_most"
	case p == "least" && pp == "at":
		return "at_least"
	case p == "to" && pp == "up":
		return "at_most"
	case p == "most" && pp == "at":
		return "at_most"
	case p == "of" && pp == "upwards":
		return "at_least"
	}
	if b := bounds[p]; b != "" {
		return b
	}
	return "exact"
}
