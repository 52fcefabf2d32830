package link

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// referenceClaim is the rules of ClaimOf written the plain way, comparing every pair of
// figures: what the sweep over sorted tallies must give.
func referenceClaim(figs []Figure) (groups []map[int64]bool, values []float64, conflict bool) {
	var points, bounds []Figure
	for _, f := range figs {
		if isBound(f.Bound) {
			bounds = append(bounds, f)
		} else {
			points = append(points, f)
		}
	}
	sort.Slice(points, func(i, j int) bool { return points[i].Value < points[j].Value })
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
	for i := range points {
		for j := i + 1; j < len(points); j++ {
			if Agreeing(points[i], points[j]) {
				parent[find(j)] = find(i)
			}
		}
	}
	var order []int
	members := map[int][]Figure{}
	for i, f := range points {
		r := find(i)
		if members[r] == nil {
			order = append(order, r)
		}
		members[r] = append(members[r], f)
	}
	sort.Slice(bounds, func(i, j int) bool {
		if bounds[i].Value != bounds[j].Value {
			return bounds[i].Value < bounds[j].Value
		}
		return bounds[i].Bound < bounds[j].Bound
	})
	boundGroup := map[[2]any]int{}
	for _, b := range bounds {
		placed := false
		for _, r := range order {
			if r < 0 {
				continue
			}
			for _, f := range members[r] {
				if !isBound(f.Bound) && covers(b, f) {
					members[r] = append(members[r], b)
					placed = true
					break
				}
			}
			if placed {
				break
			}
		}
		if !placed {
			k := [2]any{b.Value, b.Bound}
			r, ok := boundGroup[k]
			if !ok {
				r = -len(order) - 1
				boundGroup[k] = r
				order = append(order, r)
			}
			members[r] = append(members[r], b)
		}
	}
	docs := map[int64]bool{}
	for _, r := range order {
		g := map[int64]bool{}
		for _, f := range members[r] {
			g[f.DocID] = true
			docs[f.DocID] = true
		}
		groups = append(groups, g)
		values = append(values, members[r][0].Value)
	}
	return groups, values, len(groups) > 1 && len(docs) > 1
}

// TestClaimOfMatchesPairs compares the claims of random figures with the rules applied pair
// by pair: the same groups (as sets of reports), the same sources, the same conflict.
func TestClaimOfMatchesPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	bounds := []string{"exact", "exact", "exact", "approximate", "at_least", "at_most"}
	sources := []string{"", "", "Interior Ministry", "UNHCR"}
	for round := 0; round < 3000; round++ {
		n := 1 + r.IntN(12)
		base := float64(100 * (1 + r.IntN(200)))
		var figs []Figure
		for i := 0; i < n; i++ {
			v := base
			switch r.IntN(4) {
			case 0:
				v = base + float64(r.IntN(60)-30)
			case 1:
				v = float64(r.IntN(30000))
			case 2:
				v = float64(int(base/1000+1) * 1000)
			}
			figs = append(figs, Figure{Category: "c", Country: "MAR", Period: "2020", Value: v, Bound: bounds[r.IntN(len(bounds))],
				Source: sources[r.IntN(len(sources))], DocID: int64(1 + r.IntN(n)), StatID: "s" + string(rune('a'+i))})
		}
		wantGroups, _, wantConflict := referenceClaim(figs)
		cs := Claims(figs)
		if len(cs) != 1 {
			t.Fatalf("%d claims", len(cs))
		}
		c := cs[0]
		var got []map[int64]bool
		for _, g := range c.Groups {
			docs := map[int64]bool{}
			for _, f := range g.Figures {
				docs[f.DocID] = true
			}
			if g.Sources != len(docs) || g.Count != len(g.Figures) {
				t.Fatalf("round %d: a group says %d sources and %d figures, holds %d and %d: %+v", round, g.Sources, g.Count, len(docs), len(g.Figures), figs)
			}
			got = append(got, docs)
		}
		if len(got) != len(wantGroups) || c.Conflict != wantConflict {
			t.Fatalf("round %d: %d groups, conflict %v; want %d, %v\n%+v", round, len(got), c.Conflict, len(wantGroups), wantConflict, figs)
		}
		// The stored form (tallies) gives the same claim as the figures.
		ts, multi := TallyFigures(figs)
		stored := ClaimOf("c", "MAR", "2020", ts, multi)
		if stored.Conflict != c.Conflict || stored.Chosen != c.Chosen || stored.Reports != c.Reports || stored.Why != c.Why || len(stored.Groups) != len(c.Groups) {
			t.Fatalf("round %d: stored claim %+v, from figures %+v", round, stored, c)
		}
		for i := range c.Groups {
			a, b := stored.Groups[i], c.Groups[i]
			if a.Value != b.Value || a.Bound != b.Bound || a.Sources != b.Sources || a.Official != b.Official || a.Count != b.Count {
				t.Fatalf("round %d: group %d stored %+v, from figures %+v", round, i, a, b)
			}
		}
	}
}

// TestClaimOfIsLinear gives one claim a great many different values: the claim takes one
// pass over them (it used to compare every pair).
func TestClaimOfIsLinear(t *testing.T) {
	var ts []Tally
	for i := 0; i < 200_000; i++ {
		ts = append(ts, Tally{Value: float64(1000 + 37*i), Bound: "exact", Figures: 1, Reports: 1, Sample: Figure{DocID: int64(i)}})
	}
	c := ClaimOf("c", "MAR", "2020", ts, nil)
	if c.Total < 2 || len(c.Groups) != MaxGroups || !c.Conflict {
		t.Errorf("%d groups of %d listed, conflict %v", len(c.Groups), c.Total, c.Conflict)
	}
	if !reflect.DeepEqual(c, ClaimOf("c", "MAR", "2020", append([]Tally(nil), ts...), nil)) {
		t.Error("not deterministic")
	}
}
