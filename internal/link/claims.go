package link

import (
	"fmt"
	"math"
	"sort"
)

// Figure is one reported value of a statistic.
type Figure struct {
	Category  string  `json:"category"`
	Country   string  `json:"country"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Bound     string  `json:"bound"`
	Source    string  `json:"claimed_source"` // who the report says gave it ("according to")
	DocID     int64   `json:"doc_id"`
	StatID    string  `json:"stat_id"`
	DocSource string  `json:"doc_source"`
	Published string  `json:"published"`
	Evidence  string  `json:"evidence"`
}

// Group is a set of figures of one claim that agree with each other.
type Group struct {
	Value    float64  `json:"value"`
	Bound    string   `json:"bound"`
	Sources  int      `json:"sources"`  // distinct reports
	Official string   `json:"official"` // a named source, when a report gives one
	Figures  []Figure `json:"figures"`
}

// Claim is what the reports say of one (category, country, period).
type Claim struct {
	Category string  `json:"category"`
	Country  string  `json:"country"`
	Period   string  `json:"period"`
	Groups   []Group `json:"groups"` // most sources first
	Conflict bool    `json:"conflict"`
	Chosen   int     `json:"chosen"` // the index of the group stats uses
	Why      string  `json:"why"`
}

// roundingOf is half the place of the last non-zero digit of an integer value: 9,200 is
// rounded to the hundred, so it stands for anything within 50.
func roundingOf(v float64) float64 {
	if v != math.Trunc(v) || v == 0 {
		return 0
	}
	step := 1.0
	for math.Mod(v, step*10) == 0 {
		step *= 10
	}
	if step == 1 {
		return 0
	}
	return step / 2
}

// Agreeing reports whether two values of one claim corroborate each other: equal (within
// 0.5%), equal within the rounding of the rounder one ("nearly 9,200" and 9,179), or
// approximate ones within 5%.
func Agreeing(a, b Figure) bool {
	d := math.Abs(a.Value - b.Value)
	if d <= 0.005*math.Max(math.Abs(a.Value), math.Abs(b.Value)) {
		return true
	}
	if d <= math.Max(roundingOf(a.Value), roundingOf(b.Value)) {
		return true
	}
	if (a.Bound == "approximate" || b.Bound == "approximate") && d <= 0.05*math.Max(a.Value, b.Value) {
		return true
	}
	return false
}

// covers reports whether a bound figure ("more than 1,000") is consistent with a value.
func covers(bound, v Figure) bool {
	switch bound.Bound {
	case "at_least":
		return v.Value >= bound.Value*0.995
	case "at_most":
		return v.Value <= bound.Value*1.005
	}
	return false
}

func isBound(f Figure) bool { return f.Bound == "at_least" || f.Bound == "at_most" }

// Claims groups figures into claims: one per (category, country, period), with the values
// that agree in one group. A claim with more than one group is a conflict. Bounds ("more than
// 1,000") join a group they are consistent with and never bridge two groups. The result is
// sorted and does not depend on the order of figs.
func Claims(figs []Figure) []Claim {
	type key struct{ cat, country, period string }
	byKey := map[key][]Figure{}
	for _, f := range figs {
		if f.Period == "" {
			continue
		}
		k := key{f.Category, f.Country, f.Period}
		byKey[k] = append(byKey[k], f)
	}
	out := make([]Claim, 0, len(byKey))
	for k, fs := range byKey {
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Value != fs[j].Value {
				return fs[i].Value < fs[j].Value
			}
			if fs[i].Bound != fs[j].Bound {
				return fs[i].Bound < fs[j].Bound
			}
			if fs[i].DocSource != fs[j].DocSource {
				return fs[i].DocSource < fs[j].DocSource
			}
			return fs[i].DocID < fs[j].DocID
		})
		c := Claim{Category: k.cat, Country: k.country, Period: k.period}
		var points, bounds []Figure
		for _, f := range fs {
			if isBound(f) {
				bounds = append(bounds, f)
			} else {
				points = append(points, f)
			}
		}
		// Point values: connected parts of Agreeing, compared once per distinct value and
		// bound (many reports give the same figure).
		parent := make([]int, len(points))
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(x int) int {
			for parent[x] != x {
				x = parent[x]
			}
			return x
		}
		var reps []int // the first point of each distinct (value, bound)
		for i := range points {
			if i > 0 && points[i].Value == points[i-1].Value && points[i].Bound == points[i-1].Bound {
				parent[i] = find(i - 1)
				continue
			}
			reps = append(reps, i)
		}
		for a, i := range reps {
			for _, j := range reps[a+1:] {
				if Agreeing(points[i], points[j]) {
					parent[find(j)] = find(i)
				}
			}
		}
		groups := map[int]*Group{}
		var order []int
		for i, f := range points {
			r := find(i)
			if groups[r] == nil {
				groups[r] = &Group{}
				order = append(order, r)
			}
			groups[r].Figures = append(groups[r].Figures, f)
		}
		for _, b := range bounds {
			placed := false
			for _, r := range order {
				for _, f := range groups[r].Figures {
					if covers(b, f) {
						groups[r].Figures = append(groups[r].Figures, b)
						placed = true
						break
					}
				}
				if placed {
					break
				}
			}
			if !placed {
				order = append(order, -len(order)-1)
				groups[order[len(order)-1]] = &Group{Figures: []Figure{b}}
			}
		}
		for _, r := range order {
			c.Groups = append(c.Groups, finish(*groups[r]))
		}
		sort.SliceStable(c.Groups, func(i, j int) bool {
			if c.Groups[i].Sources != c.Groups[j].Sources {
				return c.Groups[i].Sources > c.Groups[j].Sources
			}
			return c.Groups[i].Value < c.Groups[j].Value
		})
		c.Conflict = acrossReports(c.Groups)
		c.Chosen, c.Why = choose(c.Groups)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return a.Period < b.Period
	})
	return out
}

// acrossReports reports whether two groups of values come from different reports: one report
// that gives two numbers for one period (a day's record and the month's total) is not two
// sources disagreeing.
func acrossReports(groups []Group) bool {
	for i := range groups {
		for j := i + 1; j < len(groups); j++ {
			for _, a := range groups[i].Figures {
				for _, b := range groups[j].Figures {
					if a.DocID != b.DocID {
						return true
					}
				}
			}
		}
	}
	return false
}

// finish sets a group's value (the most reported exact value, else the first), its bound,
// sources and official source.
func finish(g Group) Group {
	docs := map[int64]bool{}
	count := map[float64]int{}
	for _, f := range g.Figures {
		docs[f.DocID] = true
		if !isBound(f) {
			count[f.Value]++
		}
		if f.Source != "" && (g.Official == "" || f.Source < g.Official) {
			g.Official = f.Source
		}
	}
	g.Sources = len(docs)
	g.Value, g.Bound = g.Figures[0].Value, g.Figures[0].Bound
	best := -1
	for _, f := range g.Figures {
		if isBound(f) {
			continue
		}
		if n := count[f.Value]; n > best || n == best && f.Bound == "exact" && g.Bound != "exact" {
			best, g.Value, g.Bound = n, f.Value, f.Bound
		}
	}
	return g
}

// choose picks the value that stats shows: the one from a named official source when a report
// names one, else the one with the most independent reports.
func choose(groups []Group) (int, string) {
	if len(groups) == 0 {
		return -1, ""
	}
	official := -1
	for i, g := range groups {
		if g.Official != "" {
			if official < 0 || g.Sources > groups[official].Sources {
				official = i
			}
		}
	}
	if len(groups) > 1 && official >= 0 {
		return official, fmt.Sprintf("official source named: %s", groups[official].Official)
	}
	if len(groups) == 1 {
		if groups[0].Sources == 1 {
			return 0, "one report"
		}
		return 0, fmt.Sprintf("%d reports agree", groups[0].Sources)
	}
	return 0, fmt.Sprintf("most independent reports: %d against %d", groups[0].Sources, groups[1].Sources)
}
