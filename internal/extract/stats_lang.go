package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/lexicon"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// reducedRelative reports whether the cue at token j, after number n, is a Spanish or French
// participle that describes the people counted rather than tells what was done to them: a
// participle without an auxiliary, right after the counted noun and its adjectives ("ont
// renvoyé 52 migrants marocains entrés à la nage", "45 menores llegados a Ceuta"). A verb
// before the number then tells the figure's category. Always false for English.
func (s *state) reducedRelative(n number, j int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || j-n.end > 4 || j == n.end || !s.participle(toks[j].Low) {
		return false // a finite verb tells what the people did: "Cuatro migrantes murieron"
	}
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

// partWhole finds the total that a Spanish or French figure is a part of, when an anaphoric
// partitive introduces it: "dont 9 femmes", "entre ellas 34 mujeres", "De ellos, 4.820 …",
// "Parmi eux figurent 9 400 Maliens", "siete de ellas en Ceuta", "sept d'entre eux", or the
// next of a list the partitive opened ("… y cuatro en Tetuán", "… et 7 100 Sénégalais"). The
// whole is the last count or amount before it in the sentence or, when the partitive opens the sentence,
// in the two sentences before. It returns the whole's index in s.stats, or -1 (always for
// English).
func (s *state) partWhole(n number, sent int) int {
	if s.ownLang() == "" {
		return -1
	}
	toks := s.doc.Tokens
	first := s.doc.Sents[sent].First
	k := s.boundStart(n.start, first) - 1
	prev := k
	if k >= first && toks[k].Low == "," {
		k-- // "De ellos, 4.820"
	}
	opens := -1 // the first token of the partitive
	switch {
	case k < first:
	case s.word("part", toks[k].Low) && !s.word("preposition", toks[k].Low):
		opens = k // "dont 9 femmes"
	case s.word("part-pronoun", toks[k].Low) && k > first && (s.word("part", toks[k-1].Low) || s.word("part-of", toks[k-1].Low)):
		opens = k - 1 // "entre ellas 34 mujeres"
	case s.word("part-relative", toks[k].Low) && k > first && (s.word("part", toks[k-1].Low) || s.word("part-of", toks[k-1].Low)):
		opens = k - 1 // "parmi lesquelles 418 ressortissants"
	case s.word("part-relative", toks[k].Low) && k > first+1 && s.word("part-article", toks[k-1].Low) && (s.word("part", toks[k-2].Low) || s.word("part-of", toks[k-2].Low)):
		opens = k - 2 // "de los cuales 5.912"
	case s.word("list-join", toks[k].Low) && s.listedPart(k, sent) && !s.thingsAfterPeople(n):
		return s.stats[len(s.stats)-1].partIndex()
	case (toks[prev].Low == "," || s.word("list-join", toks[prev].Low)) && s.gappedPart(n, prev, sent):
		return s.stats[len(s.stats)-1].partIndex() // "…, 38.900 por colombianos", "…, 1 980 Ivoiriens"
	}
	if opens < 0 && s.pronounAfter(n.end) {
		opens = n.start // "siete de ellas", "sept d'entre eux"
	}
	nominal := false
	if opens < 0 && s.nounPartitive(n.end) {
		opens, nominal = n.start, true // "51.200 de las peticiones", "1 412 des victimes"
	}
	if opens < 0 && n.start-first <= 5 && first+1 < len(toks) && (s.word("part", toks[first].Low) || s.word("part-of", toks[first].Low)) &&
		(s.word("part-pronoun", toks[first+1].Low) || s.countedNounAt(first+1, n.start)) && (len(s.stats) == 0 || s.stats[len(s.stats)-1].sent != sent) {
		opens = first // "Parmi eux figurent 9 400 Maliens", "Entre ellas había 112 mujeres", "Entre las víctimas hay 97 mujeres"
	}
	if opens < 0 {
		return -1
	}
	from, to := sent, sent
	if opens == first || opens > first && s.countedNounAt(first, opens) && toks[opens-1].Low == "," {
		from, to = sent-2, sent-1 // the partitive opens the sentence, or follows its subject: its whole was told before
		if opens > first {
			from, to = sent-1, sent // "Les rescapés, dont 11 femmes"
		}
	}
	if nominal {
		from = sent - 2 // the noun names a whole told here or before
	}
	people := s.namesPeople(n)
	if opens == first && !nominal {
		if i := s.namedWhole(first+1, n.start, from, to); i >= 0 {
			return i // "Parmi les rescapés figurent 23 Gambiens": the rescued, not the arrested told last
		}
	}
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent >= from; i-- {
		if w := s.stats[i]; w.Kind != record.KindChange && w.PartOf == "" && w.sent <= to {
			if people && s.countsThings(w) {
				continue // "7.412 migrantes a bordo de 421 pateras. De ellos, 5.930 eran argelinos"
			}
			return i
		}
	}
	return -1
}

// namedWhole finds, among the figures of sentences from to to, the last whose category the
// noun after the article at token k names, before token end ("Parmi les rescapés figurent",
// "Entre los detenidos hay"), or -1 when the noun names no category of its own.
func (s *state) namedWhole(k, end, from, to int) int {
	toks := s.doc.Tokens
	if k+1 >= end || !s.isArticle(toks[k].Low) && !s.word("part-article", toks[k].Low) {
		return -1
	}
	m, ok := s.lx.StatCueAt(toks, k+1)
	if !ok || m.Vals[0].Category == "migrants" || m.Vals[0].Category == "other" {
		return -1
	}
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent >= from; i-- {
		if w := s.stats[i]; w.Kind == record.KindCount && w.PartOf == "" && w.sent <= to && w.Category == m.Vals[0].Category {
			return i
		}
	}
	return -1
}

// thingsAfterPeople reports whether the number n counts boats or networks ("et 38 réseaux")
// while the whole of the list before it counts people ("9 850 migrants …, dont 3 400
// Maliens"): a new figure joined to the list, no part of it.
func (s *state) thingsAfterPeople(n number) bool {
	c, _, ok := s.countedNoun(n)
	if !ok || c != "boats_seized" && c != "networks_dismantled" {
		return false
	}
	w := s.stats[len(s.stats)-1].partIndex()
	return w >= 0 && !s.countsThings(s.stats[w])
}

// namesPeople reports whether a nationality or a noun for people follows the number n
// closely, after at most a verb: "5.930 eran argelinos", "2 310 Guinéens".
func (s *state) namesPeople(n number) bool {
	toks := s.doc.Tokens
	for j := n.end; j < len(toks) && j < n.end+3 && toks[j].Sent == toks[n.start].Sent && toks[j].Kind == text.Word; j++ {
		if s.demonymAt(j) {
			return true
		}
		if s.lx.People[toks[j].Low] {
			return true
		}
	}
	return false
}

// countsThings reports whether the statistic st counts boats or networks, not people: its
// unit, or the noun right after its number ("421 pateras").
func (s *state) countsThings(st stat) bool {
	if st.Unit == "items" {
		return true
	}
	toks := s.doc.Tokens
	for j := st.tok + 1; j < len(toks) && j <= st.tok+3 && toks[j].Sent == st.sent; j++ {
		if m, ok := s.lx.StatCueAt(toks, j); ok {
			for _, v := range m.Vals {
				if v.Noun && (v.Category == "boats_seized" || v.Category == "networks_dismantled") {
					return true
				}
			}
			return false
		}
		if toks[j].Kind != text.Number {
			break
		}
	}
	return false
}

// partIndex is the index of the whole that a part points at ("s3" is 2), or -1.
func (st stat) partIndex() int {
	if len(st.PartOf) < 2 {
		return -1
	}
	i := 0
	for _, r := range st.PartOf[1:] {
		if r < '0' || r > '9' {
			return -1
		}
		i = i*10 + int(r-'0')
	}
	return i - 1
}

// listedPart reports whether the token at k, "y" or "et", follows the last figure of
// sentence sent, itself a part: the list a partitive opened goes on.
func (s *state) listedPart(k, sent int) bool {
	if len(s.stats) == 0 {
		return false
	}
	last := s.stats[len(s.stats)-1]
	if last.sent != sent || last.PartOf == "" || last.tok >= k {
		return false
	}
	// Nothing but the part's own words (no verb of another clause) between it and k.
	for j := last.tok + 1; j < k; j++ {
		if s.word("auxiliary", s.doc.Tokens[j].Low) {
			return false
		}
	}
	return k-last.tok <= 8
}

// nounPartitive reports whether "de las", "de los", "des" and a noun follow a number ending
// at token e: the number is a part of a whole the noun names ("51.200 de las peticiones").
func (s *state) nounPartitive(e int) bool {
	toks := s.doc.Tokens
	if e+1 >= len(toks) || toks[e+1].Sent != toks[e].Sent {
		return false
	}
	k := e
	if s.word("part-of", toks[k].Low) {
		k++
	} else if !s.isPrep(toks[k].Low) {
		return false // "des" joins "de" and "les" in one word
	}
	if !s.word("part-article", toks[k].Low) {
		return false
	}
	k++
	return k < len(toks) && toks[k].Sent == toks[e].Sent && toks[k].Kind == text.Word && !s.word("part-pronoun", toks[k].Low)
}

// gappedPart reports whether the number n, after the comma or the conjunction at token k,
// goes on a list of parts whose verb it leaves out: the last figure of sentence sent is a
// part, and the number is followed by what followed that part, a nationality ("2 310
// Guinéens, 1 980 Ivoiriens") or the same preposition ("51.200 … fueron presentadas por
// venezolanos, 38.900 por colombianos").
func (s *state) gappedPart(n number, k, sent int) bool {
	if len(s.stats) == 0 || n.end >= len(s.doc.Tokens) {
		return false
	}
	toks := s.doc.Tokens
	last := s.stats[len(s.stats)-1]
	if last.sent != sent || last.PartOf == "" || last.tok >= k || k-last.tok > 12 || toks[n.end].Sent != sent {
		return false
	}
	after := last.tok + 1
	for after < k && toks[after].Kind == text.Number {
		after++
	}
	if s.demonymAt(n.end) && s.demonymAt(after) {
		return true
	}
	if w := toks[n.end].Low; s.isPrep(w) {
		for j := after; j < k; j++ {
			if toks[j].Low == w {
				return true
			}
		}
	}
	return false
}

// demonymAt reports whether a nationality starts at token j: "argelinos", "Guinéens".
func (s *state) demonymAt(j int) bool {
	m := s.mentionAt(j)
	return m != nil && m.kind == mCountry && m.adj && m.start == j
}

// pronounAfter reports whether "de ellos", "de ellas", "d'entre eux", "d'entre elles" follows
// a number ending at token e.
func (s *state) pronounAfter(e int) bool {
	toks := s.doc.Tokens
	if e >= len(toks) || !s.word("part-of", toks[e].Low) {
		return false
	}
	e++
	if e < len(toks) && toks[e].Low == "entre" {
		e++
	}
	return e < len(toks) && s.word("part-pronoun", toks[e].Low)
}

// boundStart steps back from token k over the words that bound a number ("más de", "plus
// de", "unos", "environ") and gives the first of them, never before token first.
func (s *state) boundStart(k, first int) int {
	toks := s.doc.Tokens
	for k > first {
		w := toks[k-1].Low
		if k-2 >= first {
			two := toks[k-2].Low + " " + w
			if s.boundWord(two) {
				k -= 2
				continue
			}
		}
		if !s.boundWord(w) {
			break
		}
		k--
	}
	return k
}

func (s *state) boundWord(w string) bool {
	return s.word("approximate", w) || s.word("at_least", w) || s.word("at_most", w)
}

// compoundAuxiliaries counts the auxiliaries between tokens from and to beyond the first: a
// Spanish or French compound passive ("han sido arrestadas", "ont été interpellés") stands
// as near its subject as the English "were arrested". Always 0 for English.
func (s *state) compoundAuxiliaries(from, to int) int {
	if s.ownLang() == "" {
		return 0
	}
	n := 0
	for k := from; k < to; k++ {
		if s.word("auxiliary", s.doc.Tokens[k].Low) {
			n++
		}
	}
	if n <= 1 {
		return 0
	}
	return n - 1
}

// langDonor finds the giver of money in a Spanish or French clause whose subject the English
// rule cannot read: a relative pronoun stands for the noun its clause describes ("L'Union
// européenne, qui a promis … à la Mauritanie 210 millions d'euros"), and a country adjective
// after an office names its government ("La ministre italienne a annoncé … 18 millions
// d'euros"). v is the verb that governs the amount at token tok; it returns the giver's code
// and tokens. Always false for English.
func (s *state) langDonor(v, tok int) (string, int, int, bool) {
	if s.ownLang() == "" {
		return "", 0, 0, false
	}
	toks := s.doc.Tokens
	for steps := 0; v >= 0 && steps < 4; steps++ {
		for _, d := range s.synDeps(v, "") {
			rel := s.synRel(d)
			relative := s.word("relative", toks[d].Low) && strings.HasPrefix(s.synRel(v), "acl")
			if rel != "nsubj" && rel != "obl:agent" && !(rel == "mark" && relative) {
				continue // the parser may take "que" for a mark
			}
			if lo, hi := s.synSpan(d); lo <= tok && tok <= hi {
				continue
			}
			if relative {
				if m := s.mentionIn(s.synHead(v)); m != nil && m.code != "" && !m.adj {
					return m.code, m.start, m.end, true
				}
				return "", 0, 0, false
			}
			if !s.lx.Titles.Has(toks[d].Low) {
				return "", 0, 0, false
			}
			for _, a := range s.synDeps(d, "amod") {
				if m, ok := s.lx.Actors.Longest(toks, a); ok && m.Vals[0].Kind == lexicon.CountryAdj {
					return m.Vals[0].Code, d, m.End, true // "la ministre italienne"
				}
			}
			return "", 0, 0, false
		}
		switch s.synRel(v) {
		case "conj", "xcomp", "advcl", "ccomp", "acl", "parataxis":
			v = s.synHead(v)
		default:
			return "", 0, 0, false
		}
	}
	return "", 0, 0, false
}

// attribution reports whether token j is the noun of a Spanish or French attribution
// ("según los supervivientes", "selon les survivants"): who tells the figure, not what
// happened to it. Always false for English.
func (s *state) attribution(j int) bool {
	if s.ownLang() == "" {
		return false
	}
	toks := s.doc.Tokens
	for k := j - 1; k >= 0 && k >= j-3 && toks[k].Sent == toks[j].Sent && toks[k].Kind == text.Word; k-- {
		if s.word("according", toks[k].Low) {
			return true
		}
	}
	return false
}

// langComparisonBase reports whether a Spanish or French time is what a figure is compared
// with: after "que" that follows a comparative ("casi la mitad que en 2024", "deux fois plus
// qu'en 2025", "un 18 % menos que en el mismo periodo de 2025") or after a word of comparison
// ("par rapport à 2025"). Always false for English.
func (s *state) langComparisonBase(tx timex) bool {
	if s.ownLang() == "" {
		return false
	}
	toks := s.doc.Tokens
	sent := toks[tx.start].Sent
	for k := tx.start - 1; k >= 0 && k >= tx.start-7 && toks[k].Sent == sent; k-- {
		w := toks[k].Low
		switch {
		case s.word("compared", w):
			return true
		case s.word("than", w):
			for j := k - 1; j >= 0 && j >= k-4 && toks[j].Sent == sent; j-- {
				if s.word("comparative", toks[j].Low) {
					return true
				}
			}
			return false
		case toks[k].Kind == text.Punct:
			return false
		}
	}
	return false
}

// langTimesChange reads a Spanish or French change by a factor: "deux fois plus", "tres
// veces más". It returns the end of the expression. Always false for English.
func (s *state) langTimesChange(n number) (int, bool) {
	toks := s.doc.Tokens
	j := n.end
	if s.ownLang() == "" || j+1 >= len(toks) || toks[j+1].Sent != toks[n.start].Sent {
		return 0, false
	}
	if s.word("times", toks[j].Low) && s.word("more", toks[j+1].Low) {
		return j + 2, true
	}
	return 0, false
}

// runningTotal gives the category of a Spanish or French running total: "portant à 7 845 le
// nombre de bénéficiaires", "elevando a 7.845 el número de repatriados" carry on the count of
// the figure told before in the sentence, whose category the total takes. It returns "" when
// the number is no such total (always for English).
func (s *state) runningTotal(n number, sent int) string {
	if s.ownLang() == "" || len(s.stats) == 0 {
		return ""
	}
	toks := s.doc.Tokens
	first := s.doc.Sents[sent].First
	k := s.boundStart(n.start, first) - 1
	if k-1 < first || !s.isPrep(toks[k].Low) || !s.word("running-total", toks[k-1].Low) {
		return ""
	}
	e := n.end
	if e+1 >= len(toks) || toks[e+1].Sent != sent || !s.isArticle(toks[e].Low) || !s.word("total-noun", toks[e+1].Low) {
		return ""
	}
	last := s.stats[len(s.stats)-1]
	if last.sent != sent || last.Kind != record.KindCount || last.Category == "other" {
		return ""
	}
	return last.Category
}

// listItemJoin finds the "et", "y" or comma before the number n that joins it to the item
// before it in a Spanish or French list of figures, each with its participle: "271 réseaux
// démantelés et 1 340 personnes interpellées", "19 redes desarticuladas y 143 personas
// detenidas". The participle before the join is that item's and tells nothing of what n
// counts; n's own participle after its noun tells it. It returns the join's token, or -1
// (always for English).
func (s *state) listItemJoin(n number) int {
	if s.ownLang() == "" {
		return -1
	}
	toks := s.doc.Tokens
	first := s.doc.Sents[toks[n.start].Sent].First
	join := s.boundStart(n.start, first) - 1
	if join-1 <= first || !(s.word("list-join", toks[join].Low) || toks[join].Low == ",") {
		return -1
	}
	p := join - 1 // the participle of the item before
	if m, ok := s.lx.StatCueAt(toks, p); (!ok || m.Vals[0].Noun || m.End != join) && !s.participle(toks[p].Low) {
		return -1
	}
	for i := p - 1; i >= first && i >= p-4; i-- {
		if toks[i].Kind == text.Number {
			if i < p-1 {
				return join // a number, its noun, then the participle
			}
			return -1
		}
		if toks[i].Kind != text.Word || s.word("auxiliary", toks[i].Low) {
			return -1
		}
	}
	return -1
}

// participle reports whether the word w ends as a Spanish or French participle: "desarticuladas",
// "démantelés".
func (s *state) participle(w string) bool {
	for k := len(w) - 1; k > 0 && k >= len(w)-5; k-- {
		if utf8.RuneStart(w[k]) && s.word("participle-end", w[k:]) {
			return true
		}
	}
	return false
}

// bareNoun gives the category of a Spanish or French number whose noun is the head of a
// phrase the report gave in full before: "3.150 solicitudes" after "142.300 solicitudes de
// asilo", "3 150 demandes" after "demandes d'asile". It returns "" when no earlier figure
// was counted by such a phrase (always for English).
func (s *state) bareNoun(n number, hasNoun bool) string {
	toks := s.doc.Tokens
	if s.ownLang() == "" || hasNoun || n.end >= len(toks) || toks[n.end].Kind != text.Word || s.lx.People[toks[n.end].Low] {
		return ""
	}
	for i := len(s.stats) - 1; i >= 0; i-- {
		w := s.stats[i]
		if w.Kind != record.KindCount || w.Category == "other" || w.PartOf != "" {
			continue
		}
		k := w.tok + 1
		for k < len(toks) && toks[k].Kind == text.Number {
			k++
		}
		if k >= len(toks) || toks[k].Low != toks[n.end].Low {
			continue
		}
		if m, ok := s.lx.StatCueAt(toks, k); ok && m.End > k+1 && m.Vals[0].Category == w.Category {
			return w.Category
		}
	}
	return ""
}

// jointSide gives the country of a joint body of two countries, named by a Spanish or French
// compound adjective before the figure in its sentence (tokens from to start: "el dispositivo
// hispano-senegalés ha interceptado"), that acts where the report is datelined: a figure of a
// Spanish-Senegalese operation reported from Dakar is Senegal's. It returns the country and
// the adjective's token, or "" when there is no such compound or the dateline names neither
// country (always for English).
func (s *state) jointSide(from, start int) (string, int) {
	if s.ownLang() == "" {
		return "", -1
	}
	for k := start - 1; k >= from; k-- {
		a, b, ok := s.compoundSides(k, k+1) // events_lang.go
		if !ok {
			continue
		}
		switch d := s.datelinePlace(); d {
		case a.code, b.code:
			return d, k
		}
		return "", -1
	}
	return "", -1
}

// lodgedWithState reports whether figures of the category are a state's even when a
// non-governmental body tells them: asylum applications are lodged with the country that
// receives them ("CEAR denunció … en España, que recibió 142.300 solicitudes"). Always false
// for English, whose rules give a charity's figures no country.
func (s *state) lodgedWithState(category string) bool {
	return s.ownLang() != "" && category == "asylum_applications"
}

// resides reports whether a Spanish or French verb of living somewhere follows the people a
// number counts, ending at token e: "80 000 Marocains vivent en Belgique", "residen en España
// 900.000 marroquíes" tells a population, not an act on them. Always false for English.
func (s *state) resides(e int) bool {
	toks := s.doc.Tokens
	return s.ownLang() != "" && e < len(toks) && s.word("reside", toks[e].Low)
}

// heading reports whether the country at token k is where people headed, after a Spanish or
// French word of direction ("empêché 23 500 départs vers l'Italie", "hacia Canarias"): the
// country that stopped them is not it. Always false for English.
func (s *state) heading(k, from int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return false
	}
	p := k - 1
	if p >= from && s.isArticle(toks[p].Low) {
		p--
	}
	return p >= from && s.word("border", toks[p].Low)
}

// balancePeriod gives a Spanish or French figure that names no time of its own the span of
// the figures of the sentence before, when its sentence goes on with their balance: "Desde
// enero, … 143 detenidos. Además, se han intervenido 27 embarcaciones", "… depuis le début de
// l'année. Le ministre a détaillé le bilan : 271 réseaux démantelés". It returns nil when
// the figure keeps its own period (always for English).
func (s *state) balancePeriod(n number, sent int) *string {
	if s.ownLang() == "" || len(s.stats) == 0 || len(s.timesOf(sent)) > 0 {
		return nil
	}
	last := s.stats[len(s.stats)-1]
	if last.sent != sent-1 && last.sent != sent || last.Period == nil || !strings.Contains(*last.Period, "/") {
		return nil
	}
	if last.sent == sent {
		p := *last.Period // the list goes on in this sentence
		return &p
	}
	toks := s.doc.Tokens
	for k := s.doc.Sents[sent].First; k < n.start; k++ {
		if s.word("continuation", toks[k].Low) || s.word("total-noun", toks[k].Low) {
			p := *last.Period
			return &p
		}
	}
	return nil
}

// aboardAfter reports whether "a bordo", "à bord" follows the counted noun ending at token e
// ("con unas 45 personas a bordo", "avec 75 personnes à bord"): the people a vessel carried,
// whose number is no death toll even when the sentence counts its dead. "a bordo de 41
// embarcaciones" names the boats and is no load. Always false for English.
func (s *state) aboardAfter(e int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || e+1 >= len(toks) || toks[e+1].Sent != toks[e].Sent || !s.isPrep(toks[e].Low) || !s.word("aboard", toks[e+1].Low) {
		return false
	}
	j := e + 1
	return j+1 >= len(toks) || toks[j+1].Sent != toks[j].Sent || !s.word("part-of", toks[j+1].Low) && !s.isPrep(toks[j+1].Low)
}

// perHead reports whether the Spanish or French sum n is a price paid by each person, no
// funding: "por persona", "par personne", "par tête", "par migrant" right after it. Always
// false for English.
func (s *state) perHead(n number) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.currency == "" || n.end+1 >= len(toks) || toks[n.end+1].Sent != toks[n.start].Sent {
		return false
	}
	return s.word("per", toks[n.end].Low) && s.word("per-head", toks[n.end+1].Low)
}

// noActPredicate reports whether the Spanish or French count n tells no act of the codebook,
// whatever the cues of its sentence: its own predicate, after its noun or partitive and the
// auxiliaries, is a verb of no counted act ("cuatro de ellos fueron evacuados al hospital",
// "Deux des prévenus ont été acquittés"), or, read as a toll, it is the load of a vessel after
// "con", "avec" ("partió … con 58 ocupantes"; "auxiliar a una patera con 14 ocupantes" still
// counts the rescued). Always false for English.
func (s *state) noActPredicate(n number, category string, nounEnd int, hasNoun bool) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.currency != "" {
		return false
	}
	sent := toks[n.start].Sent
	if category == "migrants_dead_missing" && n.end < len(toks) && toks[n.end].Sent == sent && s.word("load-noun", toks[n.end].Low) {
		if k := s.wordBefore(n, sent); k >= 0 && s.word("with", toks[k].Low) {
			return true // "con 58 ocupantes"
		}
	}
	j := n.end
	if hasNoun {
		j = nounEnd
	}
	if k := s.partitiveEnd(j); k > j {
		j = k
	} else if j+1 < len(toks) && toks[j+1].Sent == sent && toks[j+1].Kind == text.Word && s.isPrep(toks[j].Low) && s.word("part-article", toks[j].Low) {
		j += 2 // "des prévenus"
	}
	for steps := 0; j < len(toks) && toks[j].Sent == sent && steps < 3 && s.word("auxiliary", toks[j].Low); steps++ {
		j++
	}
	return j > n.end && j < len(toks) && toks[j].Sent == sent && s.word("no-act", toks[j].Low)
}

// moneyGoesOn finds the amount that a Spanish or French sum told without its currency goes on
// from: "una partida de 45 millones de euros … De esa cantidad, 27 millones irán a
// Mauritania", "dont 60 millions". The number must end in a scale word ("millones",
// "millions") and count nothing; the amount is the last one of the sentence or the one
// before. It returns the amount's index in s.stats, or -1 (always for English).
func (s *state) moneyGoesOn(n number, sent int, hasNoun bool) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" || hasNoun || n.currency != "" || n.end-n.start < 2 {
		return -1
	}
	if nw, ok := s.lx.Numbers[toks[n.end-1].Low]; !ok || nw.Kind != "scale" || nw.Value < 1e6 {
		return -1
	}
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent >= sent-1; i-- {
		if s.stats[i].Kind == record.KindAmount {
			return i
		}
	}
	return -1
}

// elidedBefore is 1 when "otros", "otras" stands right before the number n ("arrestó a otros
// cuatro miembros"): a word of the number's phrase, no distance from the verb before. Always 0
// for English.
func (s *state) elidedBefore(n number) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.start == 0 || toks[n.start-1].Sent != toks[n.start].Sent || !s.word("elided-before", toks[n.start-1].Low) {
		return 0
	}
	return 1
}

// elidedCategory gives the category of a Spanish or French number whose noun is left out,
// "otras 17", "17 autres": it counts what the figure before it in the sentence, or in the one
// before, counted ("rescató a 21 personas … y una patrullera recogió a otras 17"), when it
// ends its phrase: a verb after it is its own predicate. It
// returns "" when the number has a noun of its own, no such word or no figure before it
// (always for English).
func (s *state) elidedCategory(n number, sent int, hasNoun bool) string {
	toks := s.doc.Tokens
	if s.ownLang() == "" || hasNoun {
		return ""
	}
	k := s.wordBefore(n, sent)
	before := k >= 0 && s.word("elided-before", toks[k].Low)
	after := n.end < len(toks) && toks[n.end].Sent == sent && s.word("elided-after", toks[n.end].Low)
	if !before && !after {
		return ""
	}
	e := n.end
	if after {
		e++
	}
	if e < len(toks) && toks[e].Sent == sent && toks[e].Kind == text.Word && !s.isPrep(toks[e].Low) && !s.word("list-join", toks[e].Low) {
		return "" // "otras dos tuvieron que ser evacuadas": a predicate of its own that counts nothing
	}
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent >= sent-1; i-- {
		if st := s.stats[i]; st.Kind == record.KindCount && st.Category != "other" {
			return st.Category
		}
	}
	return ""
}

// victimsDead reports whether the Spanish or French noun "víctimas", "victimes" after the
// number n counts the dead: in a report on deaths, where the sentence or the one before
// counts deaths ("1.486 víctimas mortales … con 1.103 víctimas"). Always false for English.
func (s *state) victimsDead(n number) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.end >= len(toks) || !s.word("victims-noun", toks[n.end].Low) {
		return false
	}
	if n.end+1 < len(toks) && s.word("part-of", toks[n.end+1].Low) {
		return false // "víctimas de trata"
	}
	sent := toks[n.start].Sent
	from := sent - 1
	if from < 0 {
		from = 0
	}
	for k := s.doc.Sents[from].First; k < len(toks) && toks[k].Sent <= sent; k++ {
		if k >= n.start && k < n.end+1 {
			continue
		}
		if m, ok := s.lx.StatCueAt(toks, k); ok && m.Vals[0].Category == "migrants_dead_missing" {
			return true
		}
	}
	return false
}

// yearNamed reports whether the Spanish or French number n is a year that names a period
// ("documentó 6.618 muertes en todo 2025", "au premier semestre 2027"): four digits after a
// word that opens a time, with no noun after them. Always false for English.
func (s *state) yearNamed(n number) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.end != n.start+1 || n.start == 0 || n.value < 1900 || n.value > 2100 || len(toks[n.start].Text) != 4 {
		return false
	}
	if !s.word("year-before", toks[n.start-1].Low) {
		return false
	}
	return n.end >= len(toks) || toks[n.end].Sent != toks[n.start].Sent || toks[n.end].Kind != text.Word || s.isPrep(toks[n.end].Low) || s.word("list-join", toks[n.end].Low)
}

// dayOfMonth reports whether the Spanish or French number n is a day of the month, no count:
// after a noun for the day ("el pasado día 1", "du jour 3"), after a singular article with
// nothing counted after it ("le 3 à Rabat", "desde el 28,"), or within a date written with
// slashes ("27/11/2026"). Always false for English.
func (s *state) dayOfMonth(n number) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || n.words || n.currency != "" || n.end != n.start+1 {
		return false
	}
	if n.end+1 < len(toks) && toks[n.end].Text == "/" && toks[n.end].Start == toks[n.start].End && toks[n.end+1].Kind == text.Number ||
		n.start > 1 && toks[n.start-1].Text == "/" && toks[n.start-1].End == toks[n.start].Start && toks[n.start-2].Kind == text.Number {
		return true // "27/11/2026"
	}
	if n.value < 1 || n.value > 31 || n.value != float64(int(n.value)) {
		return false
	}
	if n.start == 0 || toks[n.start-1].Sent != toks[n.start].Sent {
		return false
	}
	before := toks[n.start-1].Low
	if s.word("day-noun", before) {
		return true
	}
	if !s.word("day-article", before) {
		return false
	}
	return n.end >= len(toks) || toks[n.end].Sent != toks[n.start].Sent || toks[n.end].Kind == text.Punct && toks[n.end].Text != "%" || s.isPrep(toks[n.end].Low)
}

// sentenceCount gives the category of a bare Spanish or French number that a figure of its
// sentence explains: the figure it is compared with ("intercepté 6 480 candidats … contre 11
// 900 sur la même période", "frente a 9.800") or the next of a list whose noun is left out
// ("con 1.103 víctimas, seguida de la ruta argelina, con 214"). It takes the category of the
// last count of the sentence, or "" (always for English).
func (s *state) sentenceCount(n number, sent int, hasNoun bool) string {
	toks := s.doc.Tokens
	if s.ownLang() == "" || hasNoun {
		return ""
	}
	k := s.wordBefore(n, sent)
	if k < 0 {
		return ""
	}
	versus := s.word("versus", toks[k].Low) || k > s.doc.Sents[sent].First && s.isPrep(toks[k].Low) && s.word("versus", toks[k-1].Low)
	with := s.word("with", toks[k].Low) && (n.end >= len(toks) || toks[n.end].Sent != sent || toks[n.end].Kind == text.Punct)
	if !versus && !with {
		return ""
	}
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent == sent; i-- {
		if st := s.stats[i]; st.Kind == record.KindCount && st.Category != "other" && st.PartOf == "" {
			return st.Category
		}
	}
	return ""
}

// partitiveEnd steps over a Spanish or French partitive after a bare number ending at e, "de
// sus ocupantes", "de ellos", "d'entre eux", "de los pasajeros", to the predicate that tells
// what befell the part: "tres de sus ocupantes siguen desaparecidos". It returns e when no
// partitive follows (always for English).
func (s *state) partitiveEnd(e int) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" || e >= len(toks) || !s.word("part-of", toks[e].Low) {
		return e
	}
	sent := toks[e].Sent
	j := e + 1
	if j < len(toks) && toks[j].Low == "entre" {
		j++
	}
	switch {
	case j >= len(toks) || toks[j].Sent != sent:
		return e
	case s.word("part-pronoun", toks[j].Low):
		return j + 1
	case (s.word("part-possessive", toks[j].Low) || s.word("part-article", toks[j].Low)) && j+1 < len(toks) && toks[j+1].Sent == sent && toks[j+1].Kind == text.Word:
		return j + 2
	}
	return e
}

// wordBefore is the token before the number n and the words that bound it ("unas", "plus
// de") in sentence sent, or -1 when the number opens the sentence.
func (s *state) wordBefore(n number, sent int) int {
	first := s.doc.Sents[sent].First
	if k := s.boundStart(n.start, first) - 1; k >= first {
		return k
	}
	return -1
}

// countedNounAt reports whether an article and a noun that counts people or names an act's
// people stand from token k to just before token end, at most three words: "las víctimas",
// "Les rescapés" before a partitive. Always false for English.
func (s *state) countedNounAt(k, end int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || k+1 >= end || end-k > 3 || !s.isArticle(toks[k].Low) && !s.word("part-article", toks[k].Low) {
		return false
	}
	w := toks[k+1]
	if w.Kind != text.Word || w.Sent != toks[end-1].Sent {
		return false
	}
	if s.lx.People[w.Low] {
		return true
	}
	_, ok := s.lx.StatCueAt(toks, k+1)
	return ok
}
