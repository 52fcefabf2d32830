package syntax

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/nouns.en.txt
var domainNouns string

// addNouns puts the nouns of a list (one singular a line, '#' comments) into the tag
// dictionary: the singular as NOUN NN, the plural in -s as NOUN NNS, each also capitalized.
// A model without those classes is left as it is.
func (m *Model) addNouns(list string) {
	tg := m.tg
	sing, plur := -1, -1
	for c := range tg.classes.upos {
		switch {
		case tg.classes.upos[c] == "NOUN" && tg.classes.xpos[c] == "NN":
			sing = c
		case tg.classes.upos[c] == "NOUN" && tg.classes.xpos[c] == "NNS":
			plur = c
		}
	}
	if sing < 0 || plur < 0 {
		return
	}
	for _, line := range strings.Split(list, "\n") {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		for _, f := range []string{w, capitalize(w)} {
			tg.dict[hashString(f)] = sing
			tg.dict[hashString(f+"s")] = plur
		}
	}
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}
