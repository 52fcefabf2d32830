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

// maxInterval is the longest interval that can date one event; a longer one ("since
// January") is too vague to say two reports tell of the same act.
const maxInterval = 7 * 24 * time.Hour

// DateWindow returns what to look up to find the dates that may agree with d: the range of
// ISO date strings from lo to hi (a day widened by one day each side, and by maxInterval
// before, for the short intervals that end near it), and the coarser dates that hold d or
// come within a day of it ("2021" and "2021-04" for "2021-04-14"; also "2021-03" for
// "2021-04-01").
func DateWindow(d string) (lo, hi string, coarser []string) {
	l, h, ok := span(d)
	if !ok {
		return d, d, nil
	}
	lo = l.AddDate(0, 0, -1).Add(-maxInterval).Format("2006-01-02")
	hi = h.AddDate(0, 0, 1).Format("2006-01-02") + "~"
	// The months and years that hold d, or that end or begin within a day of it.
	seen := map[string]bool{}
	for _, t := range []time.Time{l.AddDate(0, 0, -1), l, h, h.AddDate(0, 0, 1)} {
		for _, c := range []string{t.Format("2006"), t.Format("2006-01")} {
			if len(c) < len(d) && !seen[c] {
				seen[c] = true
				coarser = append(coarser, c)
			}
		}
	}
	return lo, hi, coarser
}

// Agree reports whether two events' dates agree at their shared precision, and their places
// are compatible (the same, or one unknown). Two days, or a day and a short interval, agree
// within one day: "2021-04-14" and "2021-04-15" do, "2021-04-16" does not. A month or a year
// agrees with what lies inside it: "2021-04" with "2021-04-14", "2020" with "2020-11", but
// "2020" not with "2021". An interval longer than a week dates no one act.
func Agree(d1, d2, p1, p2 string) bool {
	if p1 != "" && p2 != "" && !strings.EqualFold(p1, p2) {
		return false
	}
	l1, h1, ok1 := span(d1)
	l2, h2, ok2 := span(d2)
	if !ok1 || !ok2 {
		return false
	}
	for _, d := range []string{d1, d2} {
		if a, b, ok := span(d); ok && strings.Contains(d, "/") && b.Sub(a) > maxInterval {
			return false
		}
	}
	coarse := func(d string) bool { return len(d) == 4 || len(d) == 7 }
	switch {
	case coarse(d1) && precision(d1) <= precision(d2):
		return !l2.Before(l1) && !h2.After(h1) // d2 lies in d1
	case coarse(d2):
		return !l1.Before(l2) && !h1.After(h2)
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
