package extract

import (
	"slices"
	"strings"

	"github.com/alboran/alboran/internal/record"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/text"
)

// Spanish and French documents.
//
// Extraction reads a document's language from record.Document.Language ("es", "fr"; "" and
// "en" are English) and never detects it. A language with dictionaries of its own
// (lexicon.For) takes them: names, titles, agencies, counted nouns, speech verbs, event
// triggers and function words, on top of English ones. The rules are the same code; where an
// English rule keeps its own list of function words ("the", "Mr", "according to"), it also
// asks the language's list (s.word). English extraction is unchanged: its lexicon has no such
// lists.

// lexicon returns the dictionaries for a document's language: the extractor's own for
// English and for languages without dictionaries of their own. The embedded data of every
// language is compiled in the lexicon package's tests, so an error here is a broken build; the
// document is then read with the English dictionaries rather than lost.
func (x *Extractor) lexicon(lang string) *lexicon.Lexicon {
	if lang == "" || lang == "en" {
		return x.lx
	}
	lx, err := lexicon.For(lang)
	if err != nil || lx.Lang == "" {
		return x.lx
	}
	return lx
}

// ownLang is the document's language when it has dictionaries of its own, else "" (English
// and languages read with the English rules).
func (s *state) ownLang() string { return s.lx.Lang }

// word reports whether lower-case w has a role in the language's function words
// (data/LANG/words.tsv); always false for English.
func (s *state) word(role, w string) bool { return s.lx.Word(role, w) }

// The English rules' function words, with the language's own (data/LANG/words.tsv).

func (s *state) isArticle(w string) bool    { return articles[w] || s.word("article", w) }
func (s *state) isPrep(w string) bool       { return prepositions[w] || s.word("preposition", w) }
func (s *state) isBeforeVerb(w string) bool { return beforeVerb[w] || s.word("before-verb", w) }
func (s *state) isHonorific(w string) bool  { return honorifics[w] || s.word("honorific", w) }

// isHeShe reports whether w is a third-person pronoun that may stand for a person speaking:
// "he", "she", "él", "elle", "a-t-elle".
func (s *state) isHeShe(w string) bool {
	return w == "he" || w == "she" || s.word("pronoun", w) || s.lx.Lang == "fr" && invertedPronoun(w)
}

// invertedPronoun reports whether a French word ends with the subject pronoun of an inverted
// verb: "avait-il", "a-t-elle", "précise-t-il", "déclare-t-elle".
func invertedPronoun(w string) bool {
	return strings.HasSuffix(w, "-il") || strings.HasSuffix(w, "-elle")
}

// isAccording reports whether tokens k, k+1 open an attribution: "according to", "según",
// "selon"; it returns the token after them.
func (s *state) isAccording(k int) (int, bool) {
	toks := s.doc.Tokens
	if toks[k].Low == "according" && k+1 < len(toks) && toks[k+1].Low == "to" {
		return k + 2, true
	}
	if s.word("according", toks[k].Low) {
		return k + 1, true
	}
	return 0, false
}

// adjBeforeComma returns the country of a nationality adjective that ends a description
// apposed before token a: "su homólogo marroquí, Abdelouafi Laftit".
func (s *state) adjBeforeComma(a int) string {
	toks := s.doc.Tokens
	j := a - 1
	if j < 0 || toks[j].Text != "," {
		return ""
	}
	if m := s.mentionAt(j - 1); m != nil && m.kind == mCountry && m.adj && toks[j-1].Sent == toks[a].Sent {
		return m.code
	}
	return ""
}

// datelineRun reports whether the capitalised run [a, b) is the place of a dateline that opens
// the text: "Santa Cruz de Tenerife, 9 oct (EFE).-", "Madrid, 22 May. (EUROPA PRESS) -".
func (s *state) datelineRun(a, b int) bool {
	toks := s.doc.Tokens
	if a != 0 || b+1 >= len(toks) || toks[b].Text != "," {
		return false
	}
	return toks[b+1].Kind == text.Number
}

// officeSeat returns the end of a Spanish or French diplomatic office's fullest name, which
// holds its seat: "l'ambassade d'Italie à Tunis", "la embajada de España en Rabat" (data:
// seat-office, seat-preposition). The office's words are [i, agEnd); its country ends at e.
func (s *state) officeSeat(i, agEnd, e int) int {
	toks := s.doc.Tokens
	if e+1 >= len(toks) || toks[e+1].Sent != toks[i].Sent || !s.word("seat-office", strings.ToLower(s.span(i, agEnd))) ||
		!s.word("seat-preposition", toks[e].Low) || !isCapWord(toks[e+1]) {
		return e
	}
	end := e + 1
	for end < len(toks) && end < e+4 && toks[end].Sent == toks[i].Sent && isCapWord(toks[end]) {
		end++
	}
	return end
}

// officeFirst reads a country's office in Spanish and French order, the office first: "el
// Gobierno de España", "las autoridades marroquíes", "le ministère de l'Intérieur du Maroc",
// and a capitalised office named without a country, which is the home country's in the
// language's press ("el Ministerio del Interior", "le Gouvernement").
func (s *state) officeFirst(i int) (mention, bool) {
	toks := s.doc.Tokens
	ag, ok := s.lx.Agencies.Longest(toks, i)
	if !ok {
		return mention{}, false
	}
	j := ag.End
	// "las Fuerzas Especiales argelinas", "la Garde Nationale tunisienne": capitalised words
	// that complete the office's name stand between it and its demonym.
	for e := j; e < j+2 && e+1 < len(toks) && toks[e+1].Sent == toks[i].Sent && isCapWord(toks[e]) && !s.lx.Titles.Has(toks[e].Low); e++ {
		if _, ok := s.lx.Actors.Longest(toks, e); ok {
			break
		}
		if m, ok := s.lx.Actors.Longest(toks, e+1); ok && m.Vals[0].Kind == lexicon.CountryAdj {
			j = e + 1
			break
		}
	}
	if j < len(toks) && toks[j].Sent == toks[i].Sent {
		k := j
		if w := toks[k].Low; w == "de" || w == "del" || w == "du" || w == "d'" {
			k++
		}
		if k < len(toks) && toks[k].Sent == toks[i].Sent {
			if m, ok := s.lx.Actors.Longest(toks, k); ok && m.Vals[0].Kind != lexicon.Org && (k == j) == (m.Vals[0].Kind == lexicon.CountryAdj) {
				end := s.officeSeat(i, ag.End, m.End)
				return mention{start: i, end: end, kind: mAgency, code: m.Vals[0].Code, name: s.span(i, end), entity: -1}, true
			}
		}
	}
	if isCapWord(toks[i]) && s.lx.Home != "" && (i == 0 || toks[i-1].Sent != toks[i].Sent || !isCapWord(toks[i-1]) || s.isArticle(toks[i-1].Low)) && (ag.End-i > 1 || i > s.doc.Sents[toks[i].Sent].First) {
		code := s.home()
		if c := s.capitalFront(i); c != "" {
			code = c // "En Rabat, el Ministerio del Interior ha rechazado"
		} else if c := s.possessor(i); c != "" {
			// "Las autoridades argelinas aseguran que su Guardia Costera", "le Sénégal et sa
			// Marine nationale": an office after a possessive is its owner's, the state named
			// before it in the sentence.
			code = c
		} else if s.word("not-home", strings.ToLower(s.span(i, ag.End))) {
			// "DAKAR, 3 mar (EFE).- La Gendarmería": a body the home country of the language's
			// press does not have, or a generic national force ("la Marine nationale"), is the
			// dateline's; with no dateline, the country of a report that never names the home
			// country.
			if c := s.datelinePlace(); c != "" {
				code = c
			} else if c := s.subjectAway(); c != "" {
				code = c
			}
		}
		// "el Ministerio del Interior marroquí ... El portavoz del Ministerio": the office named
		// in full before; not an office that a place of its own completes ("la policía marroquí
		// ... el jefe superior de Policía de la Comunitat Valenciana").
		for k := len(s.mentions) - 1; k >= 0 && !s.officePlaced(ag.End); k-- {
			if m := s.mentions[k]; (m.kind == mAgency || m.kind == mOrg) && m.start < i && s.isCountry(m.code) && toks[m.start].Low == toks[i].Low && m.end-m.start > ag.End-i {
				code = m.code
				break
			}
		}
		return mention{start: i, end: ag.End, kind: mAgency, code: code, name: s.span(i, ag.End), entity: -1}, true
	}
	if i > 0 && s.isArticle(toks[i-1].Low) {
		if c := s.capitalFront(i); c != "" {
			// "À Niamey, le ministère des Affaires étrangères a convoqué": an office written
			// in lower case is the capital's that opens its sentence.
			return mention{start: i, end: ag.End, kind: mAgency, code: c, name: s.span(i, ag.End), entity: -1}, true
		}
	}
	return mention{}, false
}

// nearRole reports whether a word with the role in the language's function words stands
// within d tokens of number n, in its sentence.
func (s *state) nearRole(n number, d int, role string) bool {
	toks := s.doc.Tokens
	for j := n.start - d; j < n.end+d; j++ {
		if j >= 0 && j < len(toks) && toks[j].Sent == toks[n.start].Sent && s.word(role, toks[j].Low) {
			return true
		}
	}
	return false
}

// home is the country whose offices a report names without one: the home country of the
// language's press (data/LANG/words.tsv), or, for a language whose press is that of several
// countries (French: Morocco's, Algeria's, Senegal's), the country of the report's dateline
// ("Dakar - Le ministre des Forces armées", "Alger - le Gouvernement"). Spanish copy filed
// from Rabat still names Spain's offices without a country.
func (s *state) home() string {
	if s.word("home-dateline", "yes") {
		if c := s.datelinePlace(); c != "" {
			return c
		}
	}
	if c := s.awayHome(); c != "" {
		return c
	}
	return s.lx.Home
}

// officeHome is the country of a state office named before the person at token k without
// one: home(), unless the report has no dateline and k's sentence names the person's
// counterpart by that very country ("a reçu son homologue marocain", "recibió a su homólogo
// marroquí"). Then it is the one other country that a title names by its adjective elsewhere
// in the report ("l'entourage du ministre français"), never the counterpart's nor one after
// a counterpart word; else "".
func (s *state) officeHome(k int) string {
	h := s.home()
	if h == "" || s.datelinePlace() != "" || s.counterpartCountry(k) != h {
		return h
	}
	toks := s.doc.Tokens
	found := ""
	for _, m := range s.mentions {
		if m.kind != mCountry || !m.adj || m.code == h || !s.isCountry(m.code) || m.start == 0 {
			continue
		}
		if w := toks[m.start-1].Low; !s.lx.Titles.Has(w) || s.word("counterpart", w) {
			continue
		}
		if found != "" && found != m.code {
			return ""
		}
		found = m.code
	}
	return found
}

// counterpartCountry is the country of the adjective after a counterpart word ("homologue",
// "homólogo") in the sentence of token k, or "".
func (s *state) counterpartCountry(k int) string {
	toks := s.doc.Tokens
	st := s.doc.Sents[toks[k].Sent]
	for j := st.First; j+1 < st.First+len(st.Tokens); j++ {
		if !s.word("counterpart", toks[j].Low) {
			continue
		}
		if m := s.mentionAt(j + 1); m != nil && m.kind == mCountry && m.adj && m.start == j+1 {
			return m.code
		}
	}
	return ""
}

// awayHome is, for a report that never names the home country of its language's press, the
// country it is about: the one it names most often (at least twice, more than any other) when
// its first sentence names it or one of its places, not only its people. A report from Senegal that never names
// Morocco ("au large de Mbour, … au sud de Dakar") speaks of Senegal's navy when it says "la
// Marine nationale"; a Tunisian minister received "à Paris" does not make the French minister
// who receives him Tunisian. It is "" when no country stands out so.
func (s *state) awayHome() string {
	if s.away == "" {
		s.away = "-"
		if s.lx.Home != "" {
			named, most := s.countriesNamed()
			if most == "" {
				most = s.tieNamedFirst(named) // "En Mauritanie, …": Mali as often, not in the headline
			}
			if named[s.lx.Home] == 0 && most != "" && s.leadNames(most) {
				s.away = most
			}
		}
	}
	if s.away == "-" {
		return ""
	}
	return s.away
}

// tieNamedFirst breaks a tie between the countries a report names most often (at least twice):
// the one of them its headline names as a place, else its first sentence, when only one is;
// else "".
func (s *state) tieNamedFirst(named map[string]int) string {
	top := 2
	for _, n := range named {
		top = max(top, n)
	}
	var tied []string
	for c, n := range named {
		if n == top {
			tied = append(tied, c)
		}
	}
	title := text.Tokenize(s.title)
	lead := s.doc.Tokens[:0]
	if len(s.doc.Sents) > 0 {
		st := s.doc.Sents[0]
		lead = s.doc.Tokens[st.First : st.First+len(st.Tokens)]
	}
	for _, where := range []struct {
		toks []text.Token
		src  string
	}{{title, s.title}, {lead, s.doc.Text}} {
		pick := ""
		for _, c := range tied {
			if namesPlace(s.lx, where.toks, where.src, c, s.placeCountries(true)) {
				if pick != "" {
					return ""
				}
				pick = c
			}
		}
		if pick != "" {
			return pick
		}
	}
	return ""
}

// leadNames reports whether the report's headline or first sentence names country c, its
// capital or a place of it in the gazetteer; its people ("son homologue tunisien") do not count.
func (s *state) leadNames(c string) bool {
	if s.title != "" && namesPlace(s.lx, text.Tokenize(s.title), s.title, c, s.placeCountries(true)) {
		return true // "En Mauritanie, les expulsions … se poursuivent"
	}
	if len(s.doc.Sents) == 0 {
		return false
	}
	lead := s.doc.Sents[0]
	return namesPlace(s.lx, s.doc.Tokens[lead.First:lead.First+len(lead.Tokens)], s.doc.Text, c, s.placeCountries(true))
}

// namesPlace reports whether the tokens of src name country c, its capital or a place of it in
// the gazetteer, a homonym read as the place of the countries first (placeCountries) when it is one.
func namesPlace(lx *lexicon.Lexicon, toks []text.Token, src string, c string, first []string) bool {
	g, gerr := geo.Default()
	for k := 0; k < len(toks); k++ {
		if m, ok := lx.Actors.Longest(toks, k); ok {
			for _, v := range m.Vals {
				if v.Code == c && (v.Kind == lexicon.CountryName || v.Kind == lexicon.Capital) {
					return true
				}
			}
			k = m.End - 1
			continue
		}
		if gerr != nil || !isCapWord(toks[k]) || k > 0 && isCapWord(toks[k-1]) {
			continue
		}
		e := k + 1
		for e < len(toks) && e < k+4 && isCapWord(toks[e]) {
			e++
		}
		if p, ok := lookupFirst(g, src[toks[k].Start:toks[e-1].End], first); ok && p.Country == c && p.Kind != record.PlaceSea && p.Kind != record.PlaceStrait {
			return true
		}
	}
	return false
}

// countriesNamed counts the countries the report's words name (countries, their people and
// adjectives, their offices), and returns the one named most often when it is named at least
// twice and more than any other.
func (s *state) countriesNamed() (named map[string]int, most string) {
	named = map[string]int{}
	toks := s.doc.Tokens
	for k := 0; k < len(toks); k++ {
		m, ok := s.lx.Actors.Longest(toks, k)
		if !ok {
			continue
		}
		seen := map[string]bool{}
		for _, v := range m.Vals {
			if !seen[v.Code] && s.isCountry(v.Code) {
				seen[v.Code] = true
				named[v.Code]++
			}
		}
		k = m.End - 1
	}
	best, ties := 0, 0
	for c, n := range named {
		switch {
		case n > best:
			best, ties, most = n, 1, c
		case n == best:
			ties++
		}
	}
	if best < 2 || ties > 1 {
		most = ""
	}
	return named, most
}

// possessor is the state named last before the possessive ("su", "sa", "leur") that precedes
// token i in its sentence, or "".
func (s *state) possessor(i int) string {
	toks := s.doc.Tokens
	if i == 0 || toks[i-1].Sent != toks[i].Sent || !s.word("possessive", toks[i-1].Low) {
		return ""
	}
	for m := len(s.mentions) - 1; m >= 0; m-- {
		mm := s.mentions[m]
		if mm.start >= i {
			continue
		}
		if toks[mm.start].Sent != toks[i].Sent {
			break
		}
		if s.isCountry(mm.code) {
			return mm.code
		}
	}
	return ""
}

// datelineOffice reports whether the organization named by [i, end) is, in the copy of a
// language whose press is that of several countries, an office the language names without its
// country ("Saint-Louis, 23 nov (APS) - la Gendarmerie nationale", "Alger - la Marine
// nationale"): then the dateline decides whose it is, not another language's list of names.
func (s *state) datelineOffice(i, end int) bool {
	if s.ownLang() == "" || !s.word("home-dateline", "yes") || s.datelinePlace() == "" {
		return false
	}
	ag, ok := s.lx.Agencies.Longest(s.doc.Tokens, i)
	return ok && ag.End >= end
}

// datelinePlace is the country of the place a Spanish or French report's dateline names
// ("Oran -", "Ceuta, 3 mar (EFE).-"), or "".
func (s *state) datelinePlace() string {
	toks := s.doc.Tokens
	e := 0
	for e < len(toks) && e < 6 && toks[e].Sent == 0 && (isCapWord(toks[e]) || e > 0 && (toks[e].Low == "de" || toks[e].Low == "del") && e+1 < len(toks) && isCapWord(toks[e+1])) {
		e++
	}
	if e == 0 || e >= len(toks) || toks[e].Kind != text.Punct || !strings.ContainsAny(toks[e].Text, "-–—,(") {
		return ""
	}
	g, err := geo.Default()
	if err != nil {
		return ""
	}
	if p, ok := lookupFirst(g, s.span(0, e), s.placeCountries(false)); ok && s.isCountry(p.Country) {
		return p.Country
	}
	return ""
}

// placeCountries are the countries whose places a Spanish or French report's place names
// stand for before any other's: the dateline's (when dateline is set), the home country of
// the language's press, and those of the data's place-country ("Valencia" is Spain's, not
// Venezuela's; "Cádiz" is not a town of the Philippines). It is nil for English.
func (s *state) placeCountries(dateline bool) []string {
	if s.ownLang() == "" {
		return nil
	}
	var out []string
	add := func(c string) {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if dateline {
		add(s.datelinePlace())
	}
	add(s.lx.Home)
	var rest []string
	for c := range s.lx.Words["place-country"] {
		rest = append(rest, strings.ToUpper(c))
	}
	slices.Sort(rest)
	for _, c := range rest {
		add(c)
	}
	return out
}

// rankPlaces is rankCountries with a Spanish or French report's placeCountries first.
func (s *state) rankPlaces() []string {
	first := s.placeCountries(true)
	if first == nil {
		return s.rankCountries()
	}
	for _, c := range s.rankCountries() {
		if c == "" || !slices.Contains(first, c) {
			first = append(first, c)
		}
	}
	return first
}

// lookupFirst looks a name up in the gazetteer among the countries given first, then among
// all: a small town of another country is still found.
func lookupFirst(g *geo.Gazetteer, name string, countries []string) (record.Geo, bool) {
	if len(countries) > 0 {
		if p, ok := g.Lookup(name, countries); ok {
			return p, true
		}
	}
	return g.Lookup(name, nil)
}

// isAnd reports whether w joins two names in Spanish or French: "y", "e", "et".
func isAnd(w string) bool { return w == "y" || w == "e" || w == "et" }

// joinsNames reports whether token j, inside the capitalised run that starts at i, is the "y",
// "e" or "et" between two names rather than a particle of one ("José Ortega y Gasset"): the
// run before it already holds a given name and a surname. Always false for English.
func (s *state) joinsNames(i, j int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || !isAnd(toks[j].Low) {
		return false
	}
	caps := 0
	for k := i; k < j; k++ {
		if isCapWord(toks[k]) {
			caps++
		}
	}
	return caps >= 2
}

// officeList reports whether the capitalised run [k, b), joined by "y", "e" or "et" inside it
// or to the run after it, is the rest of an office's list of portfolios, with the holder's
// name after it: "la ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz", "le
// ministre de l'Éducation, de la Jeunesse et des Sports, X". Always false for English.
func (s *state) officeList(k, b int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return false
	}
	inner := false
	for j := k + 1; j < b-1; j++ {
		inner = inner || isAnd(toks[j].Low)
	}
	e := b
	if !inner && b+1 < len(toks) && isAnd(toks[b].Low) && isCapWord(toks[b+1]) {
		e = s.nameRunEnd(b + 1)
		inner = true
	}
	return inner && e+1 < len(toks) && toks[e].Text == "," && isCapWord(toks[e+1]) && toks[e+1].Sent == toks[k].Sent
}

// coordinatedPair reports whether the name [k, b) is one of two full names joined by "y", "e"
// or "et" that open a clause as its subject, neither known as a place, an organization or a
// country: "Fernando Grande-Marlaska y Abdelouafi Laftit acordaron". Always false for English.
func (s *state) coordinatedPair(k, b int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || b-k < 2 || b-k > 4 {
		return false
	}
	// the other name: after "y" (this one opens the pair) or before it
	var o, e int
	switch {
	case b+2 < len(toks) && isAnd(toks[b].Low) && isCapWord(toks[b+1]) && s.at[b+1] < 0:
		o, e = b+1, s.nameRunEnd(b+1)
		if k > 0 && toks[k-1].Sent == toks[k].Sent && toks[k-1].Kind == text.Word && !s.lx.Stop[toks[k-1].Low] && !isCapWord(toks[k-1]) {
			return false // "en Fernando Pérez": not opening its clause
		}
	case k > 2 && isAnd(toks[k-1].Low) && isCapWord(toks[k-2]):
		e = k - 1
		o = e - 1
		for o > 0 && isCapWord(toks[o-1]) && s.at[o-1] < 0 && toks[o-1].Sent == toks[k].Sent {
			o--
		}
		if s.at[o] >= 0 {
			return false
		}
	default:
		return false
	}
	if e-o < 2 || e-o > 4 {
		return false
	}
	// the pair is the subject: a lower-case word (its verb) follows it
	last := b
	if o > k {
		last = e
	}
	if last >= len(toks) || toks[last].Kind != text.Word || isCapWord(toks[last]) {
		return false
	}
	g, err := geo.Default()
	for _, r := range [][2]int{{k, b}, {o, e}} {
		for j := r[0]; j < r[1]; j++ {
			w := toks[j].Low
			if s.lx.Stop[w] || nameHeads[w] || s.lx.Common[w] || s.lx.Titles.Has(w) {
				return false
			}
		}
		if err == nil {
			if _, ok := g.Lookup(s.span(r[0], r[1]), nil); ok {
				return false
			}
		}
	}
	return true
}

// portfolioItem reports whether the mention m, inside a title, is one item of the list of what
// an office deals with ("ministro de Asuntos Exteriores, Unión Europea y Cooperación",
// "ministre de l'Europe et des Affaires étrangères"): a comma or "y"/"et" joins it to the
// other items, so it names a portfolio, not whom the office acts for ("ministro del Interior
// de Marruecos" keeps its country). Always false for English.
func (s *state) portfolioItem(m *mention) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return false
	}
	p := m.start - 1
	for p >= 0 && s.isArticle(toks[p].Low) {
		p--
	}
	if p >= 0 && (toks[p].Text == "," || isAnd(toks[p].Low)) {
		return true
	}
	return m.end < len(toks) && isAnd(toks[m.end].Low)
}

// subjectAway is the country a report is about when it names the home country of its
// language's press less than half as often: the one it names most often (at least twice, more
// than any other); "" otherwise, a tie too. Unlike awayHome, the first sentence need not
// name it: an interview of a Senegalese official speaks of Senegal's "Marine nationale".
func (s *state) subjectAway() string {
	if s.subject == "" {
		s.subject = "-"
		if s.lx.Home != "" {
			named, most := s.countriesNamed()
			if most != "" && most != s.lx.Home && 2*named[s.lx.Home] < named[most] {
				s.subject = most
			}
		}
	}
	if s.subject == "-" {
		return ""
	}
	return s.subject
}

// capitalFront is the country of the capital that opens the sentence of the office at token i,
// set off by a comma just before the office and its article: "En Rabat, el Ministerio del
// Interior", "À Niamey, le ministère des Affaires étrangères", "À Tripoli, le ministère de
// l'Intérieur". It is "" for any other sentence.
func (s *state) capitalFront(i int) string {
	toks := s.doc.Tokens
	first := s.doc.Sents[toks[i].Sent].First
	if i < first+3 || i > first+5 || !s.isPrep(toks[first].Low) {
		return ""
	}
	m, ok := s.lx.Actors.Longest(toks, first+1)
	if !ok || m.End >= i || toks[m.End].Text != "," || !(m.End+1 == i || m.End+2 == i && s.isArticle(toks[m.End+1].Low)) {
		return ""
	}
	for _, v := range m.Vals {
		if v.Kind == lexicon.Capital {
			return v.Code
		}
	}
	return ""
}

// officePlaced reports whether the office whose name ends at e is completed by a place of its
// own that the gazetteer's countries do not name: "de la Comunitat Valenciana", "de Melilla",
// "en Almería", "du Grand Casablanca".
func (s *state) officePlaced(e int) bool {
	toks := s.doc.Tokens
	if e+1 >= len(toks) || toks[e+1].Sent != toks[e-1].Sent {
		return false
	}
	switch toks[e].Low {
	case "de", "del", "du", "d'", "d’", "en":
	default:
		return false
	}
	k := e + 1
	if s.isArticle(toks[k].Low) && k+1 < len(toks) {
		k++
	}
	if !isCapWord(toks[k]) || s.lx.Titles.Has(toks[k].Low) {
		return false
	}
	_, known := s.lx.Actors.Longest(toks, k)
	return !known
}

// privateTitle reports whether a Spanish or French title is a profession that acts for a
// client, never a state ("abogado", "avocate"; data: private-title): its holder's country is
// a stated nationality or none, not the country where the report is set. Always false for
// English.
func (s *state) privateTitle(title string) bool {
	if s.ownLang() == "" {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if s.word("private-title", w) {
			return true
		}
	}
	return false
}

// bodyAfter reports whether a Spanish or French name ending at b is followed by the body it
// belongs to: ", de la Fundación Apip-Acam", ", du cabinet Lahlou".
func (s *state) bodyAfter(b int) bool {
	toks := s.doc.Tokens
	if b+2 >= len(toks) || toks[b].Text != "," || !s.nameOf(b+1) || toks[b+2].Sent != toks[b].Sent {
		return false
	}
	k := b + 2
	if s.isArticle(toks[k].Low) && k+1 < len(toks) {
		k++
	}
	return isCapWord(toks[k]) || s.word("ngo-noun", toks[k].Low)
}

// placeOrBodyName reports whether the capitalised run that starts at a, its name at k, names a
// place or a body rather than a person: its first word opens places' names ("Isla Cristina",
// "Punta Umbría", "Cap Skirring", "Oued Laou"; "Sidi Ifni" only after a preposition), or it follows the lower-case noun of an association that it
// names ("el colectivo Caminando Juntos", "le collectif Alarme Phone Sahara"). Always false
// for English.
func (s *state) placeOrBodyName(a, k int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return false
	}
	if s.word("place-head", toks[k].Low) {
		return true
	}
	p := a - 1
	// "au large de Mostaganem et de Sidi Lakhdar", "frente a Alhucemas y Sidi Kacem", but
	// "con Sidi Mohamed Ould Cheikhna".
	if s.word("place-head-prep", toks[k].Low) && p >= 0 && toks[p].Sent == toks[a].Sent {
		q := p
		if isAnd(toks[q].Low) { // the preposition of the place before: "frente a Alhucemas y"
			q--
			for q >= 0 && q > p-5 && isCapWord(toks[q]) {
				q--
			}
		}
		if q >= 0 && toks[q].Sent == toks[a].Sent && s.isPrep(toks[q].Low) && !s.word("partner", toks[q].Low) {
			return true
		}
	}
	return p > 0 && toks[p].Sent == toks[a].Sent && !isCapWord(toks[p]) && (s.word("ngo-noun", toks[p].Low) || s.word("org-head", toks[p].Low))
}

// originAfter is the country of the place a person named just before b is said to come from,
// later in the same sentence: "Mamadou Barry tiene 19 años, es de Conakry", "Awa Diallo,
// originaire de Kayes,". The word before "de" has the role origin; the place is a country or
// a capital the gazetteer knows. It is "" otherwise; always "" for English.
func (s *state) originAfter(b int) string {
	toks := s.doc.Tokens
	if s.ownLang() == "" || b >= len(toks) {
		return ""
	}
	for p := b; p+2 < len(toks) && p < b+10 && toks[p].Sent == toks[b].Sent; p++ {
		if !s.word("origin", toks[p].Low) || toks[p+1].Low != "de" && toks[p+1].Low != "d'" {
			continue
		}
		m, ok := s.lx.Actors.Longest(toks, p+2)
		if !ok {
			return ""
		}
		for _, v := range m.Vals {
			if (v.Kind == lexicon.CountryName || v.Kind == lexicon.Capital) && s.isCountry(v.Code) {
				return v.Code
			}
		}
		return ""
	}
	return ""
}

// governmentOf reports whether the name at a follows "gobierno de" or "gouvernement de": a
// government named after the person who leads it ("al Gobierno de Giorgia Meloni", "le
// gouvernement de Giorgia Meloni") names that person.
func (s *state) governmentOf(a int) bool {
	toks := s.doc.Tokens
	return s.ownLang() != "" && a >= 2 && toks[a-1].Low == "de" && toks[a-2].Sent == toks[a].Sent && s.word("government-noun", toks[a-2].Low)
}
