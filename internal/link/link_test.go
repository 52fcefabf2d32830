package link

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

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
