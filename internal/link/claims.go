package link

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Figure is one reported value of a statistic.
type Figure struct {
	Category  string  `json:"category"`
	Country   string  `json:"country"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Bound     string  `json:"bound"`
	Source    string  `json:"source"`  // who the report says gave it ("according to")
	DocID     int64   `json:"-"`       // the report's row in the store
	StatID    string  `json:"-"`       // the figure's id in the report (s1)
	DocUID    string  `json:"doc_id"`  // the report's stable id (store.UID)
	StatUID   string  `json:"stat_id"` // the figure's stable id: doc_id/s1
	DocSource string  `json:"doc_source"`
	Published string  `json:"doc_published"`
	Evidence  string  `json:"evidence"`
}

// Group is a set of figures of one claim that agree with each other.
type Group struct {
	Value    float64  `json:"value"`
	Bound    string   `json:"bound"`
	Sources  int      `json:"sources"`  // distinct reports
	Official string   `json:"official"` // a named source, when a report gives one
	Count    int      `json:"figures_count"`
	Figures  []Figure `json:"figures"` // every figure, or for a stored claim one per value given
}

// Claim is what the reports say of one (category, country, period).
type Claim struct {
	Category string  `json:"category"`
	Country  string  `json:"country"`
	Period   string  `json:"period"`
	Groups   []Group `json:"groups"` // most sources first; at most MaxGroups
	Total    int     `json:"groups_total"`
	Reports  int     `json:"reports"` // distinct reports that give a figure
	Conflict bool    `json:"conflict"`
	Chosen   int     `json:"chosen"` // the index of the group stats uses
	Why      string  `json:"why"`
}

// MaxGroups bounds the groups a claim lists; Total says how many there are. A claim that
// reports give a thousand different values for is a conflict worth reading, not a thousand
// lines. MaxFigures bounds the figures a group lists (Count says how many it has).
const (
	MaxGroups  = 10
	MaxFigures = 3
)

// Tally is what a claim's figures say of one value: the figures that give it with one bound
// and one named source, in how many reports, and one of them (the stored claims keep tallies,
// not figures, so that a claim given by a thousand reports costs a few rows).
type Tally struct {
	Value   float64
	Bound   string
	Source  string
	Figures int
	Reports int
	Sample  Figure // a figure that gives it: the one of the least document id
}

// TallyKey is what tells tallies apart.
type TallyKey struct {
	Value         float64
	Bound, Source string
}

// Key returns the tally's key.
func (t Tally) Key() TallyKey { return TallyKey{t.Value, t.Bound, t.Source} }

func (k TallyKey) less(o TallyKey) bool {
	if k.Value != o.Value {
		return k.Value < o.Value
	}
	if k.Bound != o.Bound {
		return k.Bound < o.Bound
	}
	return k.Source < o.Source
}

// Multi is reports that give more than one tally of a claim ("9,179 ... nearly 9,200"), the
// same tallies: each counts once among the claim's reports, and once in a group that holds two
// of its values. Reports that give the same tallies are one Multi, so that a story reprinted
// a thousand times is one row.
type Multi struct {
	Tallies []TallyKey
	Reports int
}

// Key returns the tallies as one string, to tell Multis apart.
func (m Multi) Key() string {
	var b strings.Builder
	for _, k := range m.Tallies {
		fmt.Fprintf(&b, "%v\x1f%s\x1f%s\x1e", k.Value, k.Bound, k.Source)
	}
	return b.String()
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

func isBound(bound string) bool { return bound == "at_least" || bound == "at_most" }

// Claims groups figures into claims: one per (category, country, period), the figures that
// agree in one group (see ClaimOf), every figure listed in its group. The result is sorted and
// does not depend on the order of figs.
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
			a, b := fs[i], fs[j]
			if a.Value != b.Value {
				return a.Value < b.Value
			}
			if a.Bound != b.Bound {
				return a.Bound < b.Bound
			}
			if a.DocSource != b.DocSource {
				return a.DocSource < b.DocSource
			}
			if a.DocID != b.DocID {
				return a.DocID < b.DocID
			}
			return a.StatID < b.StatID
		})
		ts, multi := TallyFigures(fs)
		// The groups in full, every figure in its group in the order above.
		c := claimOf(k.cat, k.country, k.period, ts, multi, 0)
		at := map[TallyKey]int{}
		for gi, g := range c.Groups {
			for _, f := range g.Figures {
				at[TallyKey{f.Value, f.Bound, f.Source}] = gi
			}
		}
		for gi := range c.Groups {
			c.Groups[gi].Figures = nil
		}
		for _, f := range fs {
			gi := at[TallyKey{f.Value, f.Bound, f.Source}]
			c.Groups[gi].Figures = append(c.Groups[gi].Figures, f)
		}
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

// TallyFigures counts the figures of one claim by value, bound and named source, and lists the
// reports that give more than one of those.
func TallyFigures(figs []Figure) ([]Tally, []Multi) {
	idx := map[TallyKey]int{}
	var ts []Tally
	perDoc := map[int64]map[TallyKey]bool{}
	for _, f := range figs {
		k := TallyKey{f.Value, f.Bound, f.Source}
		i, ok := idx[k]
		if !ok {
			i = len(ts)
			idx[k] = i
			ts = append(ts, Tally{Value: f.Value, Bound: f.Bound, Source: f.Source, Sample: f})
		}
		ts[i].Figures++
		if f.DocID < ts[i].Sample.DocID || f.DocID == ts[i].Sample.DocID && f.StatID < ts[i].Sample.StatID {
			ts[i].Sample = f
		}
		if perDoc[f.DocID] == nil {
			perDoc[f.DocID] = map[TallyKey]bool{}
		}
		if !perDoc[f.DocID][k] {
			perDoc[f.DocID][k] = true
			ts[i].Reports++
		}
	}
	byKey := map[string]int{}
	var multi []Multi
	for _, keys := range perDoc {
		if len(keys) < 2 {
			continue
		}
		m := Multi{Reports: 1}
		for k := range keys {
			m.Tallies = append(m.Tallies, k)
		}
		sort.Slice(m.Tallies, func(i, j int) bool { return m.Tallies[i].less(m.Tallies[j]) })
		if i, ok := byKey[m.Key()]; ok {
			multi[i].Reports++
			continue
		}
		byKey[m.Key()] = len(multi)
		multi = append(multi, m)
	}
	sort.Slice(multi, func(i, j int) bool { return multi[i].Key() < multi[j].Key() })
	return ts, multi
}

// ClaimOf makes the claim of (category, country, period) from the tallies of its figures and
// the reports that give more than one of them. The rules:
//
//   - Values agree when Agreeing says so; the groups are the connected parts of that relation
//     among values that are not bounds. Sorted, a group is a run of neighbouring values, so the
//     groups are found in one pass over the values (n log n, however many there are).
//   - A bound ("more than 1,000") joins the first group, by value, that holds a value it is
//     consistent with, and never bridges two groups; bounds that fit no value are grouped by
//     equal bound and value.
//   - A group's value is its most reported exact value; its sources are the reports that give
//     one of its values; its official source the first named one.
//   - Groups from different reports are a conflict; the chosen group is the one with a named
//     official source when reports disagree, else the one with the most reports.
//
// It lists at most MaxGroups groups, always with the chosen one, each with one figure per
// tally (at most MaxFigures of those).
func ClaimOf(category, country, period string, ts []Tally, multi []Multi) Claim {
	return claimOf(category, country, period, ts, multi, MaxGroups)
}

func claimOf(category, country, period string, ts []Tally, multi []Multi, limit int) Claim {
	c := Claim{Category: category, Country: country, Period: period, Chosen: -1}
	ts = append([]Tally(nil), ts...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Key().less(ts[j].Key()) })
	var points, bounds []Tally
	negative := false
	for _, t := range ts {
		if t.Figures <= 0 {
			continue
		}
		negative = negative || t.Value < 0
		if isBound(t.Bound) {
			bounds = append(bounds, t)
		} else {
			points = append(points, t)
		}
	}
	// Point values: a sweep over the sorted values, with the groups so far on a stack. A value
	// joins the last group when it agrees with that group's last value or with its value of
	// widest reach (see reach); an earlier group's reach ended before the last group began.
	// A value that joins may also reach back over the last group to the ones before it (an
	// approximate 4,000 agrees with 3,817), which then merge: each merge is paid for once.
	var groups [][]Tally
	var far []Tally // per group, its value whose reach goes highest
	for _, t := range points {
		last := len(groups) - 1
		if last < 0 || !(Agreeing(asFigure(far[last]), asFigure(t)) || Agreeing(asFigure(groups[last][len(groups[last])-1]), asFigure(t)) ||
			negative && agreesAny(groups[last], t)) {
			groups, far = append(groups, []Tally{t}), append(far, t)
			continue
		}
		groups[last] = append(groups[last], t)
		if reach(t) > reach(far[last]) {
			far[last] = t
		}
		for last > 0 && (Agreeing(asFigure(groups[last-1][len(groups[last-1])-1]), asFigure(t)) || negative && agreesAny(groups[last-1], t)) {
			groups[last-1] = append(groups[last-1], groups[last]...)
			if reach(far[last]) > reach(far[last-1]) {
				far[last-1] = far[last]
			}
			groups, far = groups[:last], far[:last]
			last--
		}
	}
	nPoints := len(groups)
	boundGroup := map[[2]any]int{}
	for _, b := range bounds {
		placed := -1
		for gi := 0; gi < nPoints && placed < 0; gi++ {
			for _, t := range groups[gi] {
				if !isBound(t.Bound) && covers(asFigure(b), asFigure(t)) {
					placed = gi
					break
				}
			}
			if b.Bound == "at_most" {
				break // the first group holds the least values: if none of them fits, none fits
			}
		}
		if placed < 0 {
			k := [2]any{b.Value, b.Bound}
			gi, ok := boundGroup[k]
			if !ok {
				gi = len(groups)
				boundGroup[k] = gi
				groups = append(groups, nil)
			}
			placed = gi
		}
		groups[placed] = append(groups[placed], b)
	}
	// Reports: each counts once in the claim, and once in a group, however many of its values
	// it holds.
	live := map[TallyKey]bool{}
	for _, t := range ts {
		if t.Figures > 0 {
			c.Reports += t.Reports
			live[t.Key()] = true
		}
	}
	for _, m := range multi {
		n := 0
		for _, k := range m.Tallies {
			if live[k] {
				n++
			}
		}
		c.Reports -= m.Reports * max(n-1, 0)
	}
	for _, g := range groups {
		c.Groups = append(c.Groups, finish(g, multi))
	}
	sort.SliceStable(c.Groups, func(i, j int) bool {
		if c.Groups[i].Sources != c.Groups[j].Sources {
			return c.Groups[i].Sources > c.Groups[j].Sources
		}
		return c.Groups[i].Value < c.Groups[j].Value
	})
	c.Total = len(c.Groups)
	c.Conflict = len(c.Groups) > 1 && c.Reports > 1
	c.Chosen, c.Why = choose(c.Groups)
	if limit > 0 && len(c.Groups) > limit {
		if c.Chosen >= limit {
			c.Groups[limit-1], c.Chosen = c.Groups[c.Chosen], limit-1
		}
		c.Groups = c.Groups[:limit]
	}
	if limit > 0 {
		for i := range c.Groups {
			if len(c.Groups[i].Figures) > MaxFigures {
				c.Groups[i].Figures = c.Groups[i].Figures[:MaxFigures]
			}
		}
	}
	return c
}

// asFigure is a tally as a figure, for the rules that compare figures.
func asFigure(t Tally) Figure { return Figure{Value: t.Value, Bound: t.Bound} }

// reach is how far above itself a value agrees with others: the widest of its tolerances.
func reach(t Tally) float64 {
	v := t.Value
	r := math.Max(v/0.995, v+roundingOf(v))
	if t.Bound == "approximate" {
		r = math.Max(r, v/0.95)
	}
	return r
}

// agreesAny reports whether t agrees with a value of g; only negative values need it, which
// the sweep's reasoning does not cover.
func agreesAny(g []Tally, t Tally) bool {
	for _, u := range g {
		if Agreeing(asFigure(u), asFigure(t)) {
			return true
		}
	}
	return false
}

// finish sums a group's tallies: its value (the most reported exact value, else the first),
// bound, sources, official source, figures and one figure per tally.
func finish(g []Tally, multi []Multi) Group {
	out := Group{Value: g[0].Value, Bound: g[0].Bound}
	count := map[float64]int{}
	in := map[TallyKey]bool{}
	for _, t := range g {
		in[t.Key()] = true
		out.Count += t.Figures
		out.Sources += t.Reports
		if !isBound(t.Bound) {
			count[t.Value] += t.Figures
		}
		if t.Source != "" && (out.Official == "" || t.Source < out.Official) {
			out.Official = t.Source
		}
		out.Figures = append(out.Figures, t.Sample)
	}
	for _, m := range multi {
		n := 0
		for _, k := range m.Tallies {
			if in[k] {
				n++
			}
		}
		out.Sources -= m.Reports * max(n-1, 0)
	}
	best := -1
	for _, t := range g {
		if isBound(t.Bound) {
			continue
		}
		if n := count[t.Value]; n > best || n == best && t.Bound == "exact" && out.Bound != "exact" {
			best, out.Value, out.Bound = n, t.Value, t.Bound
		}
	}
	return out
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
