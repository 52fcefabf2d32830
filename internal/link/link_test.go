package link

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestAgree(t *testing.T) {
	tests := []struct {
		d1, d2, p1, p2 string
		want           bool
	}{
		{"2021-04-14", "2021-04-14", "", "", true},
		{"2021-04-14", "2021-04-15", "", "", true},
		{"2021-04-14", "2021-04-16", "", "", false},
		{"2021-04", "2021-04-30", "", "", true},
		{"2021-04", "2021-05-01", "", "", false}, // a month holds only its days
		{"2021-04", "2021-04", "", "", true},
		{"2021-04", "2021-05", "", "", false},
		{"2020", "2020-11", "", "", true},
		{"2020", "2021", "", "", false},
		{"2020-11", "2020", "", "", true},
		{"2021-01-01/2021-04-15", "2021-03-01", "", "", false}, // too long to date one act
		{"2021-04-10/2021-04-13", "2021-04-14", "", "", true},
		{"2021-04-14", "2021-04-14", "Madrid", "madrid", true},
		{"2021-04-14", "2021-04-14", "Madrid", "Rabat", false},
		{"2021-04-14", "2021-04-14", "Madrid", "", true},
		{"", "2021-04-14", "", "", false},
	}
	for _, tt := range tests {
		if got := Agree(tt.d1, tt.d2, tt.p1, tt.p2); got != tt.want {
			t.Errorf("Agree(%q, %q, %q, %q) = %v, want %v", tt.d1, tt.d2, tt.p1, tt.p2, got, tt.want)
		}
	}
}

func TestComponentsDoNotDependOnOrder(t *testing.T) {
	evs := []Event{
		{"e1", "2021-04-14", ""}, {"e2", "2021-04-15", ""}, {"e3", "2021-04-16", ""}, // a chain
		{"e4", "2021-05-20", "Rabat"}, {"e5", "2021-05-20", "Madrid"}, // the same day, other places
		{"e6", "2021-05", ""}, // bridges e4 and e5
		{"e7", "2022-01-01", ""},
	}
	want := Components(evs)
	if want["e3"] != "e1" || want["e5"] != "e4" || want["e6"] != "e4" || want["e7"] != "e7" {
		t.Fatalf("components %v", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		r.Shuffle(len(evs), func(a, b int) { evs[a], evs[b] = evs[b], evs[a] })
		if got := Components(evs); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v gave %v, want %v", evs, got, want)
		}
	}
}

func fig(doc int64, v float64, bound, source string) Figure {
	return Figure{Category: "migrants_intercepted", Country: "MAR", Period: "2020", Value: v, Bound: bound, Source: source,
		DocID: doc, DocSource: fmt.Sprintf("r%d", doc)}
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name     string
		figs     []Figure
		groups   int
		conflict bool
		chosen   float64
		why      string
	}{
		{"equal", []Figure{fig(1, 9179, "exact", ""), fig(2, 9179, "exact", "")}, 1, false, 9179, "2 reports agree"},
		{"rounded", []Figure{fig(1, 9179, "exact", ""), fig(2, 9200, "approximate", "")}, 1, false, 9179, "2 reports agree"},
		{"bound", []Figure{fig(1, 9179, "exact", ""), fig(2, 9000, "at_least", "")}, 1, false, 9179, "2 reports agree"},
		{"conflict by sources", []Figure{fig(1, 9179, "exact", ""), fig(2, 9179, "exact", ""), fig(3, 12000, "exact", "")}, 2, true, 9179,
			"most independent reports: 2 against 1"},
		{"conflict by an official source", []Figure{fig(1, 9179, "exact", ""), fig(2, 9179, "exact", ""), fig(3, 12000, "exact", "Interior Ministry")},
			2, true, 12000, "official source named: Interior Ministry"},
		{"one report, two numbers", []Figure{fig(1, 235, "exact", ""), fig(1, 1450, "exact", "")}, 2, false, 235, "most independent reports: 1 against 1"},
		{"a bound bridges nothing", []Figure{fig(1, 1450, "exact", ""), fig(2, 5000, "exact", ""), fig(3, 1000, "at_least", "")}, 2, true, 1450, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Claims(tt.figs)
			if len(cs) != 1 {
				t.Fatalf("%d claims", len(cs))
			}
			c := cs[0]
			if len(c.Groups) != tt.groups || c.Conflict != tt.conflict || c.Groups[c.Chosen].Value != tt.chosen || tt.why != "" && c.Why != tt.why {
				t.Errorf("groups %d conflict %v chosen %v (%s); want %d %v %v (%s)", len(c.Groups), c.Conflict,
					c.Groups[c.Chosen].Value, c.Why, tt.groups, tt.conflict, tt.chosen, tt.why)
			}
			rev := append([]Figure(nil), tt.figs...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if !reflect.DeepEqual(Claims(rev), cs) {
				t.Error("the claims depend on the order of the figures")
			}
		})
	}
}

func person(doc int64, name, country, titles string) Mention {
	return Mention{DocID: doc, DocSource: fmt.Sprintf("r%d", doc), Type: "person", Name: name, Country: country, Titles: titles}
}

func TestEntities(t *testing.T) {
	ms := []Mention{
		person(1, "Fernando Grande-Marlaska", "ESP", "Interior Minister"),
		person(2, "Grande-Marlaska", "ESP", ""),
		person(3, "Fernando Grande-Marlaska", "", "Interior Minister"),
		person(4, "Ahmed Benali", "MAR", "Interior Minister"),
		person(5, "Karim Benali", "TUN", "Foreign Minister"),
		person(6, "Benali", "MAR", ""),              // fits only Ahmed
		person(7, "Benali", "", "Foreign Minister"), // fits only Karim, by title
		person(8, "Benali", "", ""),                 // fits nobody for sure
		{DocID: 1, DocSource: "r1", Type: "organization", Name: "UNHCR", Code: "UNHCR"},
		{DocID: 2, DocSource: "r2", Type: "organization", Name: "UN refugee agency", Code: "UNHCR"},
	}
	ents := Entities(ms)
	find := func(name string) Entity {
		for _, e := range ents {
			if e.Name == name {
				return e
			}
		}
		t.Fatalf("no entity %q in %v", name, ents)
		return Entity{}
	}
	if e := find("Fernando Grande-Marlaska"); e.Reports != 3 || !strings.Contains(strings.Join(e.Evidence, "|"), "only person who fits") {
		t.Errorf("Grande-Marlaska: %+v", e)
	}
	if e := find("Ahmed Benali"); e.Reports != 2 {
		t.Errorf("Ahmed Benali: %d reports, want 2", e.Reports)
	}
	if e := find("Karim Benali"); e.Reports != 2 {
		t.Errorf("Karim Benali: %d reports, want 2", e.Reports)
	}
	for _, e := range ents {
		if contains(e.Names, "Ahmed Benali") && contains(e.Names, "Karim Benali") {
			t.Error("namesakes were merged")
		}
	}
	if e := find("UN refugee agency"); e.Reports != 2 {
		t.Errorf("UNHCR: %+v", e)
	}
	rev := append([]Mention(nil), ms...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if !reflect.DeepEqual(Entities(rev), ents) {
		t.Error("the entities depend on the order of the mentions")
	}
}
