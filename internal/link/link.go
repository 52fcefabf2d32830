// Package link decides what is the same across reports: events that are one real event,
// figures that are one claim, and names that are one person. It holds the rules only; the
// stores apply them. Every decision depends on the records alone, never on the order in which
// reports arrive.
package link

import (
	"sort"
	"strings"
	"time"
)

// Symmetric types link events whatever the order of their actors.
var Symmetric = map[string]bool{"CONSULT": true, "COOPERATE": true}

// span is the first and last day a date can mean: "2021-04" is April 1 to 30.
func span(d string) (lo, hi time.Time, ok bool) {
	if a, b, found := strings.Cut(d, "/"); found {
		l, _, ok1 := span(a)
		_, h, ok2 := span(b)
		return l, h, ok1 && ok2
	}
	switch len(d) {
	case 10:
		t, err := time.Parse("2006-01-02", d)
		return t, t, err == nil
	case 7:
		t, err := time.Parse("2006-01", d)
		return t, t.AddDate(0, 1, -1), err == nil
	case 4:
		t, err := time.Parse("2006", d)
		return t, t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, time.Time{}, false
}

// DateWindow returns the range of ISO dates, as strings, that may agree with d: a day widens
// by one day each side.
func DateWindow(d string) (lo, hi string) {
	l, h, ok := span(d)
	if !ok {
		return d, d
	}
	return l.AddDate(0, 0, -1).Format("2006-01-02"), h.AddDate(0, 0, 1).Format("2006-01-02") + "~"
}

// Agree reports whether two events' dates agree at their shared precision within one day, and
// their places are compatible (the same, or one unknown). "2021-04" agrees with "2021-04-14";
// "2021-04-14" with "2021-04-15"; "2021-04-14" not with "2021-04-16".
func Agree(d1, d2, p1, p2 string) bool {
	if p1 != "" && p2 != "" && !strings.EqualFold(p1, p2) {
		return false
	}
	l1, h1, ok1 := span(d1)
	l2, h2, ok2 := span(d2)
	if !ok1 || !ok2 {
		return false
	}
	day := 24 * time.Hour
	return !l1.After(h2.Add(day)) && !l2.After(h1.Add(day))
}

// Event is what clustering needs of an event of one dyad.
type Event struct {
	ID, Date, Place string
}

// Components returns, for each event, its cluster: the least ID among the events connected to
// it by Agree. It is the same for any order of events.
func Components(evs []Event) map[string]string {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range evs {
		parent[e.ID] = e.ID
	}
	sorted := append([]Event(nil), evs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Date < sorted[j].Date })
	for i, a := range sorted {
		if a.Date == "" {
			continue
		}
		for _, b := range sorted[i+1:] {
			if b.Date == "" || !Agree(a.Date, b.Date, a.Place, b.Place) {
				continue
			}
			ra, rb := find(a.ID), find(b.ID)
			if ra == rb {
				continue
			}
			if rb < ra {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	out := make(map[string]string, len(evs))
	for _, e := range evs {
		out[e.ID] = find(e.ID)
	}
	return out
}
