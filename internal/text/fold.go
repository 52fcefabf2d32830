package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldAccents removes combining marks after canonical decomposition: "Côte" -> "Cote".
func FoldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var foldPunct = strings.NewReplacer("-", " ", "‐", " ", "‑", " ", "–", " ", "—", " ", "_", " ", ".", " ")

// FoldName folds a name the way the codebook matches names: case, accents, and hyphens and dots
// to spaces, with runs of spaces collapsed.
func FoldName(n string) string {
	return strings.Join(strings.Fields(foldPunct.Replace(strings.ToLower(FoldAccents(n)))), " ")
}
