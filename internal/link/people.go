package link

import (
	"fmt"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/text"
)

// Mention is one report's entity: a person, an organization or a country.
type Mention struct {
	DocID     int64  `json:"-"`      // the report's row in the store
	DocUID    string `json:"doc_id"` // the report's stable id
	DocSource string `json:"doc_source"`
	Published string `json:"doc_published"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Country   string `json:"country"`
	Code      string `json:"code"`
	Titles    string `json:"titles"`  // joined by "; "
	Reports   int    `json:"reports"` // how many reports have this mention (0 counts as 1)
}

// Entity is one real person or organization across reports, with every variant seen and the
// reasons its mentions were joined.
type Entity struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Name      string    `json:"name"` // the fullest name
	Names     []string  `json:"names"`
	Titles    []string  `json:"titles"`
	Countries []string  `json:"countries"`
	Reports   int       `json:"reports"`
	Mentions  []Mention `json:"mentions"` // the first maxMentions, by report
	Total     int       `json:"mentions_total"`
	Evidence  []string  `json:"evidence"`
}

func words(name string) []string { return strings.Fields(name) }

func lastFolded(name string) string {
	w := words(name)
	if len(w) == 0 {
		return ""
	}
	return text.FoldName(w[len(w)-1])
}

// maxMentions bounds the mentions an entity lists; Total gives their number.
const maxMentions = 10

// Entities joins mentions into entities. Organizations and countries join by code, else by
// name. A person's full name joins the same full name when the countries do not differ. A
// surname alone joins a full name only when the country or a title agrees and exactly one
// person fits; two people who share a surname stay apart. The result does not depend on the
// order of ms.
func Entities(ms []Mention) []Entity {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].DocSource != ms[j].DocSource {
			return ms[i].DocSource < ms[j].DocSource
		}
		return ms[i].Name < ms[j].Name
	})
	groups := map[string]*Entity{}
	add := func(key, why string, m Mention) {
		g := groups[key]
		if g == nil {
			g = &Entity{ID: key, Type: m.Type}
			groups[key] = g
		}
		g.Mentions = append(g.Mentions, m)
		if why != "" && !contains(g.Evidence, why) {
			g.Evidence = append(g.Evidence, why)
		}
	}
	var surnames []Mention
	// Full names and organizations first.
	byName := map[string][]Mention{}
	for _, m := range ms {
		switch {
		case m.Type != "person" && m.Code != "":
			add(m.Type+":"+m.Code, fmt.Sprintf("the code %s", m.Code), m)
		case m.Type != "person":
			add(m.Type+":"+text.FoldName(m.Name), "the same name", m)
		case len(words(m.Name)) < 2:
			surnames = append(surnames, m)
		default:
			byName[text.FoldName(m.Name)] = append(byName[text.FoldName(m.Name)], m)
		}
	}
	for key, group := range byName {
		countries := map[string]bool{}
		for _, m := range group {
			if m.Country != "" {
				countries[m.Country] = true
			}
		}
		for _, m := range group {
			c := m.Country
			if c == "" && len(countries) == 1 {
				for only := range countries {
					c = only
				}
			}
			why := fmt.Sprintf("the full name %q", m.Name)
			if len(countries) > 1 {
				why += fmt.Sprintf(" and the country %s (other people of that name act for other countries)", orNone(c))
			}
			add("person:"+key+"|"+c, why, m)
		}
	}
	// Surnames alone: exactly one person must fit by country or title.
	for _, m := range surnames {
		sn := lastFolded(m.Name)
		var fits []string
		for key, g := range groups {
			if g.Type != "person" || lastFolded(g.Mentions[0].Name) != sn || len(words(g.Mentions[0].Name)) < 2 {
				continue
			}
			if agreesWith(m, g) {
				fits = append(fits, key)
			}
		}
		sort.Strings(fits)
		switch len(fits) {
		case 1:
			add(fits[0], fmt.Sprintf("the surname %q with %s: the only person who fits", m.Name, basis(m)), m)
		case 0:
			add("person:"+sn+"|"+m.Country, fmt.Sprintf("the surname %q: no known person fits", m.Name), m)
		default:
			add("person:"+sn+"|"+m.Country+"|unresolved", fmt.Sprintf("the surname %q fits %d people: not joined", m.Name, len(fits)), m)
		}
	}
	out := make([]Entity, 0, len(groups))
	for _, g := range groups {
		out = append(out, finishEntity(*g))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// agreesWith reports whether a surname-only mention fits a person: the same country, or, when
// the mention names no country, a shared title.
func agreesWith(m Mention, g *Entity) bool {
	for _, o := range g.Mentions {
		if m.Country != "" && o.Country == m.Country {
			return true
		}
		if m.Country == "" && m.Titles != "" && sharesTitle(m.Titles, o.Titles) {
			return true
		}
	}
	return false
}

func sharesTitle(a, b string) bool {
	for _, t := range strings.Split(a, "; ") {
		for _, u := range strings.Split(b, "; ") {
			if t != "" && strings.EqualFold(t, u) {
				return true
			}
		}
	}
	return false
}

func basis(m Mention) string {
	if m.Country != "" {
		return "the country " + m.Country
	}
	return "the title " + m.Titles
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func finishEntity(g Entity) Entity {
	docs := map[int64]bool{}
	extra := 0
	for _, m := range g.Mentions {
		docs[m.DocID] = true
		if m.Reports > 1 {
			extra += m.Reports - 1
		}
		if len(m.Name) > len(g.Name) || len(m.Name) == len(g.Name) && m.Name < g.Name {
			g.Name = m.Name
		}
		if !contains(g.Names, m.Name) {
			g.Names = append(g.Names, m.Name)
		}
		if m.Country != "" && !contains(g.Countries, m.Country) {
			g.Countries = append(g.Countries, m.Country)
		}
		for _, t := range strings.Split(m.Titles, "; ") {
			if t != "" && !contains(g.Titles, t) {
				g.Titles = append(g.Titles, t)
			}
		}
	}
	sort.Strings(g.Names)
	sort.Strings(g.Countries)
	sort.Strings(g.Titles)
	g.Reports = len(docs) + extra
	g.Total = len(g.Mentions)
	if len(g.Mentions) > maxMentions {
		g.Mentions = g.Mentions[:maxMentions]
	}
	return g
}

// MatchesName keeps the entities a user's name stands for: any variant equal to it, or, for
// one word, any person with that surname, or an organization with that code.
func MatchesName(e Entity, name string) bool {
	fold := strings.ToLower(strings.TrimSpace(name))
	for _, n := range e.Names {
		if strings.EqualFold(n, name) {
			return true
		}
		if !strings.Contains(fold, " ") {
			f := strings.Fields(strings.ToLower(n))
			if len(f) > 0 && f[len(f)-1] == fold {
				return true
			}
		}
	}
	for _, m := range e.Mentions {
		if strings.EqualFold(m.Code, name) {
			return true
		}
	}
	return false
}
