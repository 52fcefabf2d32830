package extract

import "github.com/alboran/alboran/internal/text"

// reducedRelative reports whether the cue at token j, after number n, is a Spanish or French
// participle that describes the people counted rather than tells what was done to them: a
// participle without an auxiliary, right after the counted noun and its adjectives ("ont
// renvoyé 52 migrants marocains entrés à la nage", "45 menores llegados a Ceuta"). A verb
// before the number then tells the figure's category. Always false for English.
func (s *state) reducedRelative(n number, j int) bool {
	if s.ownLang() == "" || j-n.end > 4 || j == n.end {
		return false
	}
	toks := s.doc.Tokens
	for k := n.end; k < j; k++ {
		t := toks[k]
		if t.Kind != text.Word || s.word("auxiliary", t.Low) || s.isBeforeVerb(t.Low) {
			return false
		}
	}
	return true
}

// describing reports whether the predicate after a Spanish or French counted noun, of category
// c, is a participle that describes the people (no auxiliary before it) while the verb of the
// clause, of category verb, tells another: "ha devuelto a 30 menores llegados a Ceuta" counts
// returns. Always false for English.
func (s *state) describing(nounEnd int, verb, c string) bool {
	toks := s.doc.Tokens
	return s.ownLang() != "" && verb != "" && verb != c && nounEnd < len(toks) && !s.word("auxiliary", toks[nounEnd].Low) && !s.isBeforeVerb(toks[nounEnd].Low)
}

// collectiveOf reports whether token j is the "de" that joins a Spanish or French collective
// number to what it counts: "una veintena de migrantes", "une centaine de migrants", "un
// millar de personas". The noun after it is what the number counts, as after English "of".
// Always false for English.
func (s *state) collectiveOf(n number, j int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || !n.words || j != n.end || j == 0 {
		return false
	}
	switch toks[j].Low {
	case "de", "d'", "d’":
	default:
		return false
	}
	nw, ok := s.lx.Numbers[toks[j-1].Low]
	return ok && nw.Kind == "scale"
}
