// Package series groups reported figures into a series: one point per period, with the value
// that the most reports give and the number of reports behind it.
package series

import (
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/store"
)

// Point is one period of a series.
type Point struct {
	Period   string  `json:"period"`
	Value    float64 `json:"value"`
	Bound    string  `json:"bound"`
	Sources  int     `json:"sources"`  // reports that give this value
	Reports  int     `json:"reports"`  // reports that give any value for the period
	Values   int     `json:"values"`   // distinct values reported for the period
	Source   string  `json:"source"`   // the first report giving the value
	Evidence string  `json:"evidence"` // its sentence
}

// Bucket returns the period a figure falls in when grouped by "year" or "month"; "period"
// keeps the period as reported. An interval falls in the bucket of its end, and a figure
// without a period, or one coarser than the bucket, falls in none ("").
func Bucket(period, by string) string {
	if i := strings.IndexByte(period, '/'); i >= 0 {
		period = period[i+1:]
	}
	switch by {
	case "year":
		if len(period) >= 4 {
			return period[:4]
		}
	case "month":
		if len(period) >= 7 {
			return period[:7]
		}
	default:
		return period
	}
	return ""
}

// Build groups figures by bucket, oldest first.
func Build(figs []store.Figure, by string) []Point {
	type val struct {
		value float64
		bound string
		docs  map[int64]bool
		first store.Figure
	}
	byPeriod := map[string][]*val{}
	reports := map[string]map[int64]bool{}
	for _, f := range figs {
		p := Bucket(f.Period, by)
		if p == "" {
			continue
		}
		if reports[p] == nil {
			reports[p] = map[int64]bool{}
		}
		reports[p][f.DocID] = true
		var v *val
		for _, c := range byPeriod[p] {
			if c.value == f.Value {
				v = c
			}
		}
		if v == nil {
			v = &val{value: f.Value, bound: f.Bound, docs: map[int64]bool{}, first: f}
			byPeriod[p] = append(byPeriod[p], v)
		}
		v.docs[f.DocID] = true
	}
	out := make([]Point, 0, len(byPeriod))
	for p, vals := range byPeriod {
		sort.SliceStable(vals, func(i, j int) bool { return len(vals[i].docs) > len(vals[j].docs) })
		best := vals[0]
		out = append(out, Point{Period: p, Value: best.value, Bound: best.bound, Sources: len(best.docs),
			Reports: len(reports[p]), Values: len(vals), Source: best.first.DocSource, Evidence: best.first.Evidence})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}
