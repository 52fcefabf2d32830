package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
)

// Truth is what a linked corpus is known to hold.
type Truth struct {
	// Events maps "<document source>|<type>|<source>|<target>" to the real event reported.
	Events map[string]string
	// Conflicts are the (category, country, period) series given different values.
	Conflicts []string
	// Agreeing are the series whose values differ only by rounding.
	Agreeing []string
	// Namesakes are pairs of different people who share a surname.
	Namesakes [][2]string
}

type place struct {
	code, name, adj, city string
}

var linkedPlaces = []place{
	{"MAR", "Morocco", "Moroccan", "Rabat"}, {"ESP", "Spain", "Spanish", "Madrid"},
	{"ITA", "Italy", "Italian", "Rome"}, {"GRC", "Greece", "Greek", "Athens"},
	{"TUR", "Turkey", "Turkish", "Ankara"}, {"TUN", "Tunisia", "Tunisian", "Tunis"},
	{"FRA", "France", "French", "Paris"}, {"SEN", "Senegal", "Senegalese", "Dakar"},
}

// Linked generates a corpus in which real events are each reported by several reports worded
// differently, some statistic series are given conflicting values, some agreeing values differ
// only by rounding, and different people share surnames. n real events give about 3n reports.
func Linked(n int, seed uint64) ([]record.Document, Truth) {
	r := rand.New(rand.NewPCG(seed, seed+1))
	truth := Truth{Events: map[string]string{}}
	var docs []record.Document
	base := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
	// Namesakes: the same surname, different first names, countries and roles.
	surnames := []string{"Benali", "Haddad", "Moreau", "Diallo"}
	type person struct{ first, last, role string }
	people := map[string][]person{}
	for i, sn := range surnames {
		a, b := linkedPlaces[(2*i)%len(linkedPlaces)], linkedPlaces[(2*i+1)%len(linkedPlaces)]
		people[a.code] = append(people[a.code], person{"Ahmed", sn, "Interior Minister"})
		people[b.code] = append(people[b.code], person{"Karim", sn, "Foreign Minister"})
		truth.Namesakes = append(truth.Namesakes, [2]string{"Ahmed " + sn, "Karim " + sn})
	}
	nameOf := func(p place) person {
		if ps := people[p.code]; len(ps) > 0 {
			return ps[0]
		}
		return person{"Lucia", "Ortega" + p.city, "Interior Minister"}
	}
	id := 0
	addDoc := func(pub time.Time, title string, paras ...string) string {
		id++
		p := pub.Format("2006-01-02")
		src := fmt.Sprintf("linked/%04d.txt", id)
		docs = append(docs, record.Document{Source: src, Title: title, Published: &p, Language: "en", Text: strings.Join(paras, "\n\n")})
		return src
	}
	for k := 0; k < n; k++ {
		a := linkedPlaces[r.IntN(len(linkedPlaces))]
		b := linkedPlaces[r.IntN(len(linkedPlaces))]
		for b.code == a.code {
			b = linkedPlaces[r.IntN(len(linkedPlaces))]
		}
		// Real events of one kind are a week apart, so that two of them never agree.
		day := base.AddDate(0, 0, 7*k)
		ev := fmt.Sprintf("real%03d", k)
		kind := k % 3
		reports := 2 + r.IntN(3)
		for j := 0; j < reports; j++ {
			pub := day.AddDate(0, 0, r.IntN(3)) // reported the same day or up to two days on
			date := dateExpr(r, day, pub)
			// Each report is its own text: copies of one text are one document.
			filler := fmt.Sprintf("Rights groups said the route remained dangerous, report %d noted.", len(docs)+1)
			switch kind {
			case 0: // talks: CONSULT, either order
				pa, pb := nameOf(a), nameOf(b)
				var s string
				switch j % 3 {
				case 0:
					s = fmt.Sprintf("%s's %s %s %s met %s's %s %s %s in %s %s to discuss migration.",
						a.name, pa.role, pa.first, pa.last, b.name, pb.role, pb.first, pb.last, b.city, date)
				case 1:
					s = fmt.Sprintf("%s and %s held talks in %s %s on border management.", b.name, a.name, b.city, date)
				default:
					s = fmt.Sprintf("Officials of %s met their counterparts from %s in %s %s.", a.name, b.name, b.city, date)
				}
				src := addDoc(pub, fmt.Sprintf("%s and %s talk migration (%d)", a.name, b.name, id+1), s, filler)
				truth.Events[src+"|CONSULT|"+a.code+"|"+b.code] = ev
				truth.Events[src+"|CONSULT|"+b.code+"|"+a.code] = ev
			case 1: // arrests: COERCE a -> a
				count := 5 + r.IntN(40)
				var s string
				switch j % 3 {
				case 0:
					s = fmt.Sprintf("%s police arrested %d suspected smugglers in %s %s.", a.adj, count, a.city, date)
				case 1:
					s = fmt.Sprintf("%s %s, %s police detained %d people suspected of smuggling migrants.", strings.ToUpper(date[:1])+date[1:], a.city, a.adj, count)
				default:
					s = fmt.Sprintf("%s authorities arrested %d members of a smuggling ring in %s %s.", a.adj, count, a.city, date)
				}
				src := addDoc(pub, fmt.Sprintf("Smugglers held in %s (%d)", a.name, id+1), s, filler)
				truth.Events[src+"|COERCE|"+a.code+"|"+a.code] = ev
			default: // a call: REQUEST a -> b
				var s string
				switch j % 2 {
				case 0:
					s = fmt.Sprintf("%s called on %s %s to take back migrants who had crossed illegally.", a.name, b.name, date)
				default:
					s = fmt.Sprintf("%s %s urged %s to do more against smugglers.", a.name, date, b.name)
				}
				src := addDoc(pub, fmt.Sprintf("%s presses %s (%d)", a.name, b.name, id+1), s, filler)
				truth.Events[src+"|REQUEST|"+a.code+"|"+b.code] = ev
			}
		}
	}
	// Statistic series: agreeing, rounded, and conflicting values of one claim.
	for k := 0; k < n/3+1; k++ {
		a := linkedPlaces[k%len(linkedPlaces)]
		year := 2015 + k/len(linkedPlaces)
		value := 3000 + r.IntN(9000)
		pub := time.Date(year+1, 2, 1+k%27, 0, 0, 0, 0, time.UTC)
		series := fmt.Sprintf("migrants_intercepted|%s|%d", a.code, year)
		addDoc(pub, fmt.Sprintf("%s figures (%d)", a.name, id+1),
			fmt.Sprintf("%s authorities prevented %s irregular departures in %d, according to the interior ministry.", a.adj, comma(value), year))
		switch k % 3 {
		case 0: // a conflicting figure from another outlet
			other := value + 1500 + r.IntN(2000)
			addDoc(pub.AddDate(0, 0, 3), fmt.Sprintf("%s border data (%d)", a.name, id+1),
				fmt.Sprintf("%s prevented %s irregular departures in %d, officials said.", a.name, comma(other), year))
			truth.Conflicts = append(truth.Conflicts, series)
		case 1: // the same figure rounded
			rounded := (value + 50) / 100 * 100
			addDoc(pub.AddDate(0, 0, 5), fmt.Sprintf("%s migration review (%d)", a.name, id+1),
				fmt.Sprintf("%s prevented nearly %s irregular departures in %d, the report said.", a.name, comma(rounded), year))
			truth.Agreeing = append(truth.Agreeing, series)
		default: // the same figure again
			addDoc(pub.AddDate(0, 0, 2), fmt.Sprintf("%s annual report (%d)", a.name, id+1),
				fmt.Sprintf("%s prevented %s irregular departures in %d.", a.name, comma(value), year))
			truth.Agreeing = append(truth.Agreeing, series)
		}
	}
	// Surname-only mentions that one known person fits by country.
	for i, sn := range surnames {
		a := linkedPlaces[(2*i)%len(linkedPlaces)]
		addDoc(base.AddDate(0, 3, i), fmt.Sprintf("%s speaks (%d)", sn, id+1),
			fmt.Sprintf("%s's Interior Minister %s said on Monday that patrols would continue. \"We will not give up,\" %s said.", a.name, sn, sn))
	}
	return docs, truth
}

// dateExpr writes the day of an event as a report published on pub would: "on Tuesday",
// "on April 14" or "on 14 April 2021".
func dateExpr(r *rand.Rand, day, pub time.Time) string {
	switch r.IntN(3) {
	case 0:
		if day.Equal(pub) {
			return "today"
		}
		if pub.Sub(day) < 6*24*time.Hour {
			return "on " + day.Weekday().String()
		}
		fallthrough
	case 1:
		return "on " + day.Format("January 2")
	}
	return "on " + day.Format("2 January 2006")
}
