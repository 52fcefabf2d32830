package extract

import (
	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Where a figure happened, when its own clause names no actor. A clause places its action with
// a country after a preposition of place ("off Libya"), or with a place the gazetteer knows
// ("landed in Dover", "off Lampedusa"); a sea or a strait places it at sea, which belongs to no
// country. A sentence that places nothing continues the scene the sentences just before it set
// ("A boat capsized off Lampedusa. Fifteen are confirmed dead."), as a reader takes it.

// scenePlace is where tokens [from, to) place their action: found reports whether they place it
// at all; code is the country, "" at sea; at and end are the tokens that name the place.
type scenePlace struct {
	code    string
	at, end int
	found   bool
	sea     bool
	local   bool // a town, an island or a camp: more precise than a country
}

// gazetteerPlace finds the place that tokens [from, to) name after a preposition of place or a
// verb of arrival, with the gazetteer (package geo): "in Dover", "off the island of Lesbos", "in
// the Mediterranean".
func (s *state) gazetteerPlace(from, to int) scenePlace {
	if from >= to {
		return scenePlace{}
	}
	// The numbers of one clause ask about the same tokens: each span is looked up once.
	key := [2]int{from, to}
	if p, ok := s.gazetteerSpans[key]; ok {
		return p
	}
	p := s.lookupPlace(from, to)
	if s.gazetteerSpans == nil {
		s.gazetteerSpans = map[[2]int]scenePlace{}
	}
	s.gazetteerSpans[key] = p
	return p
}

// lookupPlace is gazetteerPlace without its memory.
func (s *state) lookupPlace(from, to int) scenePlace {
	toks := s.doc.Tokens
	g, err := geo.Default()
	if err != nil {
		return scenePlace{}
	}
	base := toks[from].Start
	m, ok := g.FindLang(s.doc.Text[base:toks[to-1].End], s.ownLang(), s.rankPlaces())
	if !ok {
		return scenePlace{}
	}
	at, end := -1, -1
	for k := from; k < to; k++ {
		if toks[k].Start == base+m.Start {
			at = k
		}
		if toks[k].End == base+m.End {
			end = k + 1
		}
	}
	if at < 0 || end <= at {
		return scenePlace{}
	}
	p := scenePlace{code: m.Place.Country, at: at, end: end, found: true}
	switch m.Place.Kind {
	case record.PlaceCity, record.PlaceIsland, record.PlaceArchipelago, record.PlaceCamp:
		p.local = true
	}
	if m.Place.Kind == record.PlaceSea || m.Place.Kind == record.PlaceStrait {
		p.code, p.sea = "", true
	}
	if p.code != "" && !s.isCountry(p.code) {
		return scenePlace{} // a territory the codebook names no actor for
	}
	return p
}

// residenceWords before a preposition make the place where someone or something is from or is
// kept, not where the act was: "based in Malta", "born in Syria".
var residenceWords = set("based", "born", "headquartered", "registered", "flagged", "stationed", "resident", "residing", "living", "lives", "lived")

// residence reports whether the place at token k follows a preposition that a residence word
// governs: "a ship based in Malta".
func (s *state) residence(k, from int) bool {
	toks := s.doc.Tokens
	p := k - 1
	for p > from && s.isArticle(toks[p].Low) {
		p--
	}
	return p > from && residenceWords[toks[p-1].Low]
}

// sentencePlace is where sentence sent places its action: a country after a preposition of
// place, else a place of the gazetteer, else the open sea.
func (s *state) sentencePlace(sent int) scenePlace {
	if p, ok := s.places[sent]; ok {
		return p
	}
	p := s.findSentencePlace(sent)
	if s.places != nil {
		s.places[sent] = p
	}
	return p
}

// findSentencePlace is sentencePlace without the memory of a stage.
func (s *state) findSentencePlace(sent int) scenePlace {
	st := s.doc.Sents[sent]
	from, to := st.First, st.First+len(st.Tokens)
	for k := from + 1; k < to; k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || m.code == "" || m.capital {
			continue
		}
		p := s.prevWord(k, from)
		if m.adj && (m.end >= len(s.doc.Tokens) || !placeNouns[s.doc.Tokens[m.end].Low]) {
			continue
		}
		switch p {
		case "in", "off", "at", "near", "inside", "on", "along":
			if !s.residence(k, from) {
				return scenePlace{code: m.code, at: m.start, end: m.end, found: true}
			}
		}
	}
	if p := s.gazetteerPlace(from, to); p.found {
		return p
	}
	if s.atSea(from, to) {
		return scenePlace{found: true, sea: true}
	}
	return scenePlace{}
}

// scene is the place that the sentences before sent set, in its paragraph or the one before,
// at most three sentences back.
func (s *state) scene(sent int) scenePlace {
	para := s.doc.Sents[sent].Para
	for ps := sent - 1; ps >= 0 && ps >= sent-3; ps-- {
		if para-s.doc.Sents[ps].Para > 1 {
			break
		}
		if p := s.sentencePlace(ps); p.found {
			return p
		}
	}
	return scenePlace{}
}

// officeIn finds an office named by its noun alone in tokens [a, b) as a subject ("the
// coastguard rescued", "police arrested"), and returns the country of the office the text named
// in full before it ("the Greek coastguard"), with the noun's tokens. It returns "" when there
// is none.
func (s *state) officeIn(a, b, from int) (string, int, int) {
	toks := s.doc.Tokens
	for k := a; k < b; k++ {
		if s.at[k] >= 0 || toks[k].Kind != text.Word {
			continue
		}
		m, ok := s.lx.Agencies.Longest(toks, k)
		if !ok || m.End > b || s.isPrep(s.prevWord(k, from)) || isCapWord(toks[k]) && k > from && isCapWord(toks[k-1]) {
			continue
		}
		if w := s.officeSpeaker(k, m.End); w.mention >= 0 && s.isCountry(s.mentions[w.mention].code) {
			return s.mentions[w.mention].code, k, m.End
		}
		// Else a state's office the text does not name is the one where the report is set.
		if c := s.homeCountry(); c != "" {
			return c, k, m.End
		}
		k = m.End - 1
	}
	return "", -1, -1
}

// homeCountry is where the report is set: its dateline's country ("ATHENS —"), else the country
// it names most.
func (s *state) homeCountry() string {
	d := s.dateline()
	if d == "" {
		// "ATHENS At least 42 people ...": a dateline in capitals with no dash after it.
		toks := s.doc.Tokens
		k := 0
		for k < len(toks) && k < 3 && toks[k].Kind == text.Word && len(toks[k].Text) > 1 && isAllCaps(toks[k].Text) && toks[k].Sent == 0 {
			k++
		}
		if k > 0 && k < len(toks) && isCapWord(toks[k]) && !isAllCaps(toks[k].Text) {
			d = s.span(0, k)
		}
	}
	if d != "" {
		if g, err := geo.Default(); err == nil {
			if p, ok := g.Lookup(d, s.rankPlaces()); ok && s.isCountry(p.Country) {
				return p.Country
			}
		}
	}
	return s.focusCountry()
}
