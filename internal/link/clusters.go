package link

import "sort"

// EventMention is one report's telling of an event.
type EventMention struct {
	UID       string `json:"uid"`
	DocID     int64  `json:"doc_id"`
	DocSource string `json:"doc_source"`
	Published string `json:"published"`
	Type      string `json:"type"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Date      string `json:"date"`
	Place     string `json:"place"`
	Role      string `json:"role"` // "member" or "mention"
	Evidence  string `json:"evidence"`
}

// Cluster is one real event and the reports that tell of it.
type Cluster struct {
	ID        string         `json:"cluster_id"`
	Type      string         `json:"type"`
	Source    string         `json:"source"`
	Target    string         `json:"target"`
	Date      string         `json:"date"`  // the most precise date, the most reported among those
	Since     string         `json:"since"` // the earliest date a report gives it: lists are in order of it
	Place     string         `json:"place"` // the most reported place
	Sources   int            `json:"sources"`
	First     EventMention   `json:"first"`          // the earliest report
	Mentions  []EventMention `json:"mentions"`       // in a list, the first few
	Total     int            `json:"mentions_total"` // how many mentions there are
	QuadClass int64          `json:"quad_class"`
}

// precision orders dates by how much they say: a day over a month over a year; an interval
// says least.
func precision(d string) int {
	switch len(d) {
	case 10:
		return 3
	case 7:
		return 2
	case 4:
		return 1
	}
	return 0
}

// Summarize builds a cluster from its mentions.
func Summarize(id string, ms []EventMention) Cluster {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Published != ms[j].Published {
			return ms[i].Published < ms[j].Published
		}
		return ms[i].UID < ms[j].UID
	})
	c := Cluster{ID: id, Mentions: ms, First: ms[0], Type: ms[0].Type, Source: ms[0].Source, Target: ms[0].Target}
	dates, places := map[string]int{}, map[string]int{}
	docs := map[int64]bool{}
	for _, m := range ms {
		docs[m.DocID] = true
		if m.Date != "" {
			dates[m.Date]++
		}
		if m.Place != "" {
			places[m.Place]++
		}
	}
	c.Sources = len(docs)
	c.Date = best(dates, func(a, b string) bool { return precision(a) > precision(b) })
	c.Place = best(places, nil)
	return c
}

// best returns the key ranked first by better, then by count, then alphabetically.
func best(m map[string]int, better func(a, b string) bool) string {
	out := ""
	for k, n := range m {
		switch {
		case out == "":
			out = k
		case better != nil && better(k, out):
			out = k
		case better != nil && better(out, k):
		case n > m[out] || n == m[out] && k < out:
			out = k
		}
	}
	return out
}
