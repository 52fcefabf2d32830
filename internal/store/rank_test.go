package store

import (
	"slices"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"trafficking", "traffick"},
		{"networks", "network"},
		{"rescued", "rescu"},
		{"crosses", "cross"},
		{"rules", "rule"},
		{"process", "process"},
		{"Patrol", "patrol"},
		{"EU", ""},
		{"boat", "boat"},
		{"its", ""},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestForms checks that a word's forms hold what a search for it must find.
func TestForms(t *testing.T) {
	for word, want := range map[string][]string{
		"rescued":     {"rescue", "rescues", "rescued", "rescuing", "rescuers"},
		"trafficking": {"trafficking", "trafficked", "traffickers"},
		"boats":       {"boat", "boats"},
		"smuggling":   {"smuggle", "smuggled", "smugglers"},
		"EU":          {"eu"},
	} {
		forms := Forms(word)
		for _, w := range want {
			if !slices.Contains(forms, w) {
				t.Errorf("Forms(%q) = %q, without %q", word, forms, w)
			}
		}
	}
}

// TestRankHits checks the ranking: a title match counts more than one in the text, more
// occurrences more than fewer, a phrase as a whole.
func TestRankHits(t *testing.T) {
	hits := []Hit{
		{DocID: 1, Title: "Weather", Text: "The boat sank. Nothing else happened that day in the port or at sea."},
		{DocID: 2, Title: "Boats rescued", Text: "The coast guard rescued a boat."},
		{DocID: 3, Title: "Weather", Text: "A boat, another boat, and a third boat were rescued."},
		{DocID: 4, Title: "Search and rescue", Text: "The search and rescue boat was out."},
	}
	RankHits(hits, `boats rescued`)
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.Rank < b.Rank {
			return -1
		}
		if a.Rank > b.Rank {
			return 1
		}
		return 0
	})
	var order []int64
	for _, h := range hits {
		order = append(order, h.DocID)
	}
	if order[0] != 2 || order[len(order)-1] != 1 {
		t.Errorf("ranked %v: want the title match first and the report that names one boat and no rescue last", order)
	}
	phrase := []Hit{{DocID: 1, Text: "rescue and search"}, {DocID: 2, Text: "search and rescue"}}
	RankHits(phrase, `"search and rescue"`)
	if phrase[1].Rank >= phrase[0].Rank {
		t.Errorf("the phrase as written ranks %v, the words in another order %v", phrase[1].Rank, phrase[0].Rank)
	}
}
