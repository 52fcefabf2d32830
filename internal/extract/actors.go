package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Mention kinds.
const (
	mCountry = iota + 1 // a country's name, adjective, demonym or capital
	mOrg                // an organization from the gazetteer
	mAgency             // a country's office: "Moroccan police", "Spain's Interior Ministry"
	mPerson             // a person's name, surname, role or pronoun resolved to a person
)

// mention is one actor mention: tokens [start, end).
type mention struct {
	start, end int
	kind       int
	code       string // actor code, "" when the actor acts for no state or IGO
	name       string // the words as written
	entity     int    // index into state.entities, or -1
	adj        bool   // an adjective or demonym ("Moroccan"), not a name
	capital    bool   // a capital or seat of government standing for a country ("Rabat")
	title      string // a one-name person's title ("Pope Francis"), who is no entity
	orgType    string
}

// entity is an actor as extraction builds it.
type entity struct {
	typ      string // record.Person, Country, Organization
	name     string
	code     string
	country  string
	actor    string // for a person: the state they act for in events, "" for a private person
	titles   []string
	gov      bool
	nameToks []string
	mentions [][2]int // byte ranges
	first    int      // token of the first mention
	why      *record.Explanation
}

// findActors finds the gazetteer's countries and organizations, and the agencies they head.
func (s *state) findActors() {
	toks := s.doc.Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != text.Word {
			continue
		}
		m, ok := s.lx.Actors.Longest(toks, i)
		if !ok {
			if s.ownLang() != "" {
				if men, ok := s.officeFirst(i); ok {
					s.addMention(men)
					i = men.end - 1
				}
			}
			continue
		}
		a := m.Vals[0]
		for _, v := range m.Vals {
			if v.Kind == lexicon.Org {
				a = v // "Downing Street" is an office that speaks, not only a seat of government
			}
		}
		// "la Gendarmerie" in a French report from Dakar or about Senegal: a national force
		// every state has is read as an office without its country (lang.go); the gazetteer's
		// country stays when neither the dateline nor the report's subject tells another.
		if a.Kind == lexicon.Org && (s.datelineOffice(i, m.End) || s.ownLang() != "" && s.word("not-home", strings.ToLower(s.span(i, m.End))) && (s.datelinePlace() != "" || s.subjectAway() != "")) {
			if men, ok := s.officeFirst(i); ok {
				s.addMention(men)
				i = men.end - 1
				continue
			}
		}
		men := mention{start: i, end: m.End, code: a.Code, name: s.span(i, m.End), entity: -1}
		// "Cruz Roja", "la Croix-Rouge" named alone: the national society of the report's home
		// country, which acts for it; only "Comité Internacional de la Cruz Roja" or "CICR" is
		// the ICRC.
		if a.Kind == lexicon.Org && s.ownLang() != "" && s.word("national-society", strings.ToLower(men.name)) {
			if h := s.home(); h != "" {
				a.Code, a.Type, men.code = h, "agency", h
			}
		}
		switch a.Kind {
		case lexicon.Org:
			men.kind, men.orgType = mOrg, a.Type
		default:
			men.kind = mCountry
			men.adj = a.Kind == lexicon.CountryAdj
			men.capital = a.Kind == lexicon.Capital
		}
		// A country's office: "Moroccan police", "Spain's Interior Ministry", "Thai navy".
		if men.kind == mCountry {
			j := m.End
			if j < len(toks) && toks[j].Kind == text.Poss {
				j++
			}
			if ag, ok := s.lx.Agencies.Longest(toks, j); ok {
				men.kind, men.end = mAgency, ag.End
				men.name = s.span(i, ag.End)
			}
		}
		s.addMention(men)
		i = men.end - 1
	}
}

// addMention records a mention and links it to its entity, creating the entity when needed.
func (s *state) addMention(m mention) int {
	if m.entity < 0 && m.kind != mPerson {
		key := m.code
		typ := "country"
		name := ""
		switch m.kind {
		case mOrg:
			typ, key, name = "organization", "org:"+m.name, m.name
			if m.orgType == "igo" {
				key = "org:" + m.code
				name = m.name
			}
		case mAgency:
			typ, key, name = "organization", "ag:"+strings.ToLower(m.name), m.name
		default:
			name = s.lx.Countries[m.code]
		}
		if idx, ok := s.entityKey[key]; ok {
			m.entity = idx
		} else {
			s.entities = append(s.entities, entity{typ: typ, name: name, code: m.code, country: m.code, first: m.start})
			m.entity = len(s.entities) - 1
			s.entityKey[key] = m.entity
		}
	}
	if m.entity >= 0 {
		e := &s.entities[m.entity]
		e.mentions = append(e.mentions, [2]int{s.doc.Tokens[m.start].Start, s.doc.Tokens[m.end-1].End})
	}
	s.mentions = append(s.mentions, m)
	return len(s.mentions) - 1
}

// sortMentions orders mentions by position and indexes them by token.
func (s *state) sortMentions() {
	sort.SliceStable(s.mentions, func(a, b int) bool { return s.mentions[a].start < s.mentions[b].start })
	s.at = make([]int32, len(s.doc.Tokens))
	for i := range s.at {
		s.at[i] = -1
	}
	for k, m := range s.mentions {
		for t := m.start; t < m.end; t++ {
			s.at[t] = int32(k)
		}
	}
}

// mentionAt returns the mention covering token i, or nil.
func (s *state) mentionAt(i int) *mention {
	if i < 0 || i >= len(s.at) || s.at[i] < 0 {
		return nil
	}
	return &s.mentions[s.at[i]]
}

// isCountry reports whether code names a state rather than an international organization.
func (s *state) isCountry(code string) bool {
	_, ok := s.lx.Countries[code]
	return ok
}

// focusCountry returns the country the document is most about: the one mentioned most often,
// the earliest on a tie.
func (s *state) focusCountry() string {
	if s.focus == nil {
		ranked := s.rankCountries()
		s.focus = &ranked[0]
	}
	return *s.focus
}

// focusCountryBut returns the most mentioned country other than c: who sent people "back to
// Turkey" is not Turkey.
func (s *state) focusCountryBut(c string) string {
	for _, r := range s.rankCountries() {
		if r != c {
			return r
		}
	}
	return ""
}

// rankCountries orders the document's countries by weighted mentions, the earliest first on a
// tie. It always holds at least one element, "" when no country is named.
func (s *state) rankCountries() []string {
	// The ranking reads every mention: it is made once for the mentions found so far.
	if s.ranked != nil && s.rankedAt == len(s.mentions) {
		return s.ranked
	}
	s.ranked, s.rankedAt = s.rankMentions(), len(s.mentions)
	return s.ranked
}

// rankMentions ranks the countries of the mentions; see rankCountries.
func (s *state) rankMentions() []string {
	count := map[string]int{}
	first := map[string]int{}
	for _, m := range s.mentions {
		if (m.kind == mCountry || m.kind == mAgency) && s.isCountry(m.code) {
			if _, ok := first[m.code]; !ok {
				first[m.code] = m.start
			}
			count[m.code]++
			if m.kind == mAgency {
				count[m.code] += 2
			}
		}
		if m.kind == mOrg && m.orgType == "agency" && s.isCountry(m.code) {
			if _, ok := first[m.code]; !ok {
				first[m.code] = m.start
			}
			count[m.code] += 3 // "Home Office", "Border Patrol": whose state acts
		}
	}
	ranked := make([]string, 0, len(count)+1)
	for c := range count {
		ranked = append(ranked, c)
	}
	sort.Slice(ranked, func(a, b int) bool {
		ca, cb := ranked[a], ranked[b]
		if count[ca] != count[cb] {
			return count[ca] > count[cb]
		}
		return first[ca] < first[cb]
	})
	return append(ranked, "")
}

// span returns the text of tokens [i, j).
func (s *state) span(i, j int) string {
	return s.doc.Text[s.doc.Tokens[i].Start:s.doc.Tokens[j-1].End]
}

func isCapWord(t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	for _, r := range t.Text {
		return unicode.IsUpper(r)
	}
	return false
}
