package extract

import (
	"sort"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/record"
)

// resolvePlaces gives events and statistics their place in the gazetteer (package geo): an
// event's Location when the gazetteer has it, else the place its sentence names ("off
// Lampedusa", "near Nador"); a statistic's, the place its sentence names. Homonyms are told
// apart by the record's own countries, then the report's, most mentioned first. A record whose
// sentence names no known place keeps a nil Place.
func resolvePlaces(x *record.Extraction) {
	g, err := geo.Default()
	if err != nil {
		x.Warnings = append(x.Warnings, "places not resolved: "+err.Error())
		return
	}
	report := reportCountries(x.Entities)
	for i := range x.Events {
		ev := &x.Events[i]
		cs := withFirst(report, ev.Source.Actor, ev.Target.Actor)
		if ev.Location != "" {
			if p, ok := g.Lookup(ev.Location, cs); ok {
				ev.Place = &p
				continue
			}
		}
		// A statement has no place of its own in its sentence: "Greece accused migrants of
		// burning their camp in Lesbos" did not happen in Lesbos.
		if statements[ev.Type] {
			continue
		}
		if m, ok := g.FindLang(ev.Evidence.Text, x.Document.Language, cs); ok {
			ev.Place = &m.Place
		}
	}
	// The figures of one sentence with the same country have the same place: a sentence is
	// looked up once per country (a table flattened into a line holds hundreds of figures).
	type key struct{ text, country string }
	found := map[key]*record.Geo{}
	for i := range x.Statistics {
		st := &x.Statistics[i]
		k := key{st.Evidence.Text, st.Country}
		p, seen := found[k]
		if !seen {
			if m, ok := g.FindLang(st.Evidence.Text, x.Document.Language, withFirst(report, st.Country)); ok {
				p = &m.Place
			}
			found[k] = p
		}
		if p != nil {
			c := *p
			st.Place = &c
		}
	}
}

// statements are the event types done by saying something.
var statements = map[string]bool{"ACCUSE": true, "REQUEST": true, "REJECT": true, "THREATEN": true,
	"SUPPORT": true, "AGREE": true, "CONCEDE": true}

// reportCountries lists the countries a report names, most mentioned first.
func reportCountries(es []record.Entity) []string {
	n := map[string]int{}
	for _, e := range es {
		if e.Type == record.Country && e.Code != "" {
			n[e.Code] += len(e.Mentions)
		}
	}
	out := make([]string, 0, len(n))
	for c := range n {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return n[out[i]] > n[out[j]] || n[out[i]] == n[out[j]] && out[i] < out[j] })
	return out
}

// withFirst puts a record's own countries before the report's.
func withFirst(report []string, first ...string) []string {
	out := make([]string, 0, len(first)+len(report))
	for _, c := range first {
		if len(c) == 3 {
			out = append(out, c)
		}
	}
	return append(out, report...)
}
