package extract

import "testing"

// TestStatisticClasses checks what a number counts, one class of the issue a block.
func TestStatisticClasses(t *testing.T) {
	type st struct {
		kind, cat string
		value     float64
	}
	tests := []struct {
		body string
		want []st
	}{
		// Category from what the number counts and the verb that governs it.
		{"Rescuers never reached the 12 boats carrying 380 people.", nil},
		{"Spain flew 17 of the arrivals back to Portugal.", []st{{"count", "migrants_returned", 17}}},
		{"In October, 366 Eritreans drowned near the island.", []st{{"count", "migrants_dead_missing", 366}}},
		{"Last week 26 Sudanese men were rescued.", []st{{"count", "migrants_rescued", 26}}},
		// The right clause.
		{"About 35 clung to the hull and up to 60 may have drowned.", []st{{"count", "migrants_dead_missing", 60}}},
		{"Eleven are confirmed dead and between 40 and 90 are believed to be missing.",
			[]st{{"count", "migrants_dead_missing", 11}, {"count", "migrants_dead_missing", 40}, {"count", "migrants_dead_missing", 90}}},
		// Bare numbers that continue a counted noun or a list.
		{"600 are feared dead; two suspects were held in Ghent and four in Liège.",
			[]st{{"count", "migrants_dead_missing", 600}, {"count", "suspects_arrested", 2}, {"count", "suspects_arrested", 4}}},
		{"Of the 30 who were deported, twenty were flown to Malta and ten to Cyprus.",
			[]st{{"count", "migrants_returned", 30}, {"count", "migrants_returned", 20}, {"count", "migrants_returned", 10}}},
		// A measure of the clause's count: a record, a total, a toll, a further figure.
		{"So far in June, 912 migrants have arrived, including a single-day record of 305 on 19 boats on June 4.",
			[]st{{"count", "migrants_arrived", 912}, {"count", "migrants_arrived", 305}}},
		{"Friday's arrivals take the total for the year to 4,410.", []st{{"count", "migrants_arrived", 4410}}},
		{"Divers recovered more bodies from the hull on Sunday, raising the death toll to 52.", []st{{"count", "migrants_dead_missing", 52}}},
		{"The agency counted 611 drownings in 2019, and a further 93 this month alone.",
			[]st{{"count", "migrants_dead_missing", 611}, {"count", "migrants_dead_missing", 93}}},
		{"Some 3,200 migrants arrived by boat last year. This figure includes a single-month record of 702 in May.",
			[]st{{"count", "migrants_arrived", 3200}, {"count", "migrants_arrived", 702}}},
		// People detained at a border were intercepted; suspects detained were arrested.
		{"Officials said 18 people were detained in two incidents. Police detained two suspected smugglers.",
			[]st{{"count", "migrants_intercepted", 18}, {"count", "suspects_arrested", 2}}},
		// Light verbs of arrival with their object: "made the long journey", "made their way".
		{"At least 2,380 have made the perilous journey this month, and 140 made their way to Malta on Monday.",
			[]st{{"count", "migrants_arrived", 2380}, {"count", "migrants_arrived", 140}}},
		// A participle after the people describes them; the verb before governs the number.
		{"Moroccan police stopped another 77 people making the crossing.", []st{{"count", "migrants_intercepted", 77}}},
		// What did not happen is no figure.
		{"Logs show that no rescue was sent to three dinghies carrying a total of 75 people.", nil},
		{"Rescuers never reached the 41 people adrift.", nil},
		// A vessel's own verb says what happened to the people it carried; sinking does not.
		{"A boat carrying 310 migrants from Libya reached Lampedusa on Sunday.", []st{{"count", "migrants_arrived", 310}}},
		{"Police prevented four dinghies carrying 61 people from crossing.", []st{{"count", "boats_seized", 4}, {"count", "migrants_intercepted", 61}}},
		{"Rescuers did not reach the boats carrying 97 people.", nil},
		{"A boat carrying 120 migrants capsized off Libya.", nil},
		// The same value twice in one sentence counts different things.
		{"The 40 men, two women and two teenage boys rescued were from Guinea.",
			[]st{{"count", "migrants_rescued", 40}, {"count", "migrants_rescued", 2}, {"count", "migrants_rescued", 2}}},
		// Border arrests are apprehensions.
		{"Agents registered 9,120 arrests in May at the southern border.", []st{{"count", "migrants_intercepted", 9120}}},
		// Words of a cue that mean something else: "in return", "a return flight", "lost their
		// homes", "a double amputee".
		{"A first group of 52 Afghans was sent to Spain in return for aid.", nil},
		{"The minister flew home on a return flight with 9 Yemenis who had lost their homes.", nil},
		{"Some 30 boats carrying a double amputee reached the island.", nil},
		// Not statistics: fees, seized cash, ship names, lengths, fractions, charges, operations.
		{"Each migrant paid smugglers 3,000 euros. Police seized 40,000 euros in cash.", nil},
		{"The Sea-Watch 4 rescued 45 people from a 12-metre dinghy.", []st{{"count", "migrants_rescued", 45}}},
		{"Sea-Watch 4 crew members helped 60 migrants ashore. At least 20 suspected migrants landed in Kent.", []st{{"count", "migrants_arrived", 20}}},
		{"Greece Says 217 Asylum Seekers Missing", []st{{"count", "migrants_dead_missing", 217}}},
		{"The driver was charged with 12 counts of manslaughter; two thirds of the group were minors.", nil},
		{"The charity ran three separate rescue operations in May.", nil},
		// Funding in words and figures, "12-fold", "N times".
		{"The EU pledged a 9-billion-euro budget for the camps.", []st{{"amount", "funding", 9e9}}},
		{"Arrivals rose 12-fold. Deaths were three times higher than in 2019.",
			[]st{{"change", "migrants_arrived", 12}, {"change", "migrants_dead_missing", 3}}},
		// European number formats in English text.
		{"Italy said 1.250 migrants landed in May and 12 000 landed in June.",
			[]st{{"count", "migrants_arrived", 1250}, {"count", "migrants_arrived", 12000}}},
		{"The EU pledged 2.500.000 euros.", []st{{"amount", "funding", 2.5e6}}},
	}
	x := extractor(t)
	x.Explain = true
	for _, tt := range tests {
		var got []st
		for _, s := range x.Extract(doc("2021-01-01", tt.body)).Statistics {
			if s.Explain == nil || s.Explain.Rule == "" || len(s.Explain.Uses) == 0 || s.Explain.Uses[0].Role != "value" {
				t.Errorf("%q: %v has no explanation with its value: %+v", tt.body, s.Value, s.Explain)
			}
			if s.Category != "other" {
				got = append(got, st{s.Kind, s.Category, s.Value})
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: %v, want %v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].kind != tt.want[i].kind || got[i].cat != tt.want[i].cat || abs(got[i].value-tt.want[i].value) > 1e-6 {
				t.Errorf("%q: %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}

// TestStatisticCountryClasses checks where a figure happened: the place of the event, the
// actor of its own clause, the EU for Europe-wide totals, the donor for funding.
func TestStatisticCountryClasses(t *testing.T) {
	tests := []struct {
		body  string
		value float64
		want  string
	}{
		{"A boat bound for Malta capsized off Tunisia; 34 drowned.", 34, "TUN"},
		{"Border Force officials detained 50 migrants in Dover as French authorities stopped another 40 people making the crossing.", 40, "FRA"},
		{"Italy counted the dead. Nearly 900 people drowned in the Mediterranean this year.", 900, ""},
		{"Total arrivals in Europe rose to about 90,000 in March.", 90000, "EU"},
		{"The EU pledged 3 billion euros to Turkey to help refugees.", 3e9, "EU"},
		// A charity that acts for no state gives its figure no country.
		{"Italy closed its ports. Doctors Without Borders rescued 300 people last month.", 300, ""},
		// A place the gazetteer knows places the figure: a town, an island.
		{"Spain and Morocco met on Monday. On Tuesday 58 migrants landed in Tangier.", 58, "MAR"},
		{"Turkey and Greece disagree. Five children drowned at Lesbos, close to the Turkish coast.", 5, "GRC"},
		// Where a vessel is based is not where it acted.
		{"Italy and Libya talk. A ship based in Malta and run by Doctors Without Borders rescued 80 people on Sunday.", 80, ""},
		// A sentence that places nothing continues the scene the sentences before set.
		{"Spain, Italy and France met in Rome. A dinghy sank off Ceuta on Friday. Twelve are confirmed dead.", 12, "ESP"},
		{"Spain, Italy and France met in Rome. A dinghy sank in the Mediterranean on Friday. Twelve are confirmed dead.", 12, ""},
		// An office named by its noun alone is the one the text named in full before.
		{"Greece and Turkey met on Friday. The Greek coastguard said a boat sank. Later the coastguard rescued 21 people.", 21, "GRC"},
		// The dead of a year that no clause places are a route's toll.
		{"Italy and Malta met on Friday. An estimated 2,100 died or went missing last year.", 2100, ""},
		// Where people come from is not where the figure happened; where they are rescued from is.
		{"Greece and Italy met on Friday. The 31 migrants from Syria and Iraq landed in a small boat on Monday.", 31, "GRC"},
		{"Spain and Morocco met on Friday. In May, 65 Senegalese were rescued in two batches from Mauritania.", 65, "MRT"},
		{"A total of 40 migrants from Niger, Mali and Chad were detained by Spanish police.", 40, "ESP"},
		// The attribution after a figure places the saying, not the figure.
		{"Italy and Libya met on Friday. At least 96 people drowned in the Mediterranean last week, said a UN spokesman in Geneva.", 96, ""},
		// Money is the donor's, never the place it pays for.
		{"Britain and France met on Friday. The journey to Britain cost him 9,000 euros.", 9000, ""},
	}
	x := extractor(t)
	for _, tt := range tests {
		for _, st := range statisticsOf(t, x, tt.body, tt.value) {
			if st.Country != tt.want {
				t.Errorf("%q: %v has country %q, want %q", tt.body, tt.value, st.Country, tt.want)
			}
		}
	}
}
