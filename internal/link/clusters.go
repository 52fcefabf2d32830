package link

import (
	"sort"
	"strings"
)

// EventMention is one report's telling of an event.
type EventMention struct {
	UID       string `json:"event_id"` // stable: doc_id/v1
	DocID     int64  `json:"-"`        // the report's row in the store
	DocUID    string `json:"doc_id"`   // the report's stable id
	DocSource string `json:"doc_source"`
	Published string `json:"doc_published"`
	Type      string `json:"event_type"`
	Source    string `json:"source_actor"`
	Target    string `json:"target_actor"`
	Date      string `json:"event_date"`
	Place     string `json:"location"`
	Role      string `json:"role"` // "member" or "mention"
	Evidence  string `json:"evidence"`
}

// Cluster is one real event and the reports that tell of it.
type Cluster struct {
	ID        string         `json:"cluster_id"`
	Type      string         `json:"event_type"`
	Source    string         `json:"source_actor"`
	Target    string         `json:"target_actor"`
	Date      string         `json:"event_date"` // the most precise date, the most reported among those
	Since     string         `json:"since"`      // the earliest date a report gives it: lists are in order of it
	Place     string         `json:"location"`   // the most reported place
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

// Summarize builds a cluster from its mentions, giving each its report's stable id (the
// first part of its event's id, doc_id/v1).
func Summarize(id string, ms []EventMention) Cluster {
	for i := range ms {
		ms[i].DocUID, _, _ = strings.Cut(ms[i].UID, "/")
	}
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
