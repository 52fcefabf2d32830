// Package series turns reported figures into a series: one point per (period, country), with
// the value chosen among the reports' claims and the reason for the choice.
package series

import (
	"sort"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// Point is one period of a series.
type Point struct {
	Period   string  `json:"period"`
	Country  string  `json:"country"`
	Value    float64 `json:"value"`
	Bound    string  `json:"bound"`
	Sources  int     `json:"sources"`    // reports that give this value
	Reports  int     `json:"reports"`    // reports that give any value for the period
	Values   int     `json:"values"`     // disagreeing values reported for the period
	Conflict bool    `json:"conflict"`   // reports disagree
	Why      string  `json:"why"`        // why this value was chosen
	Source   string  `json:"doc_source"` // the first report giving the value
	DocID    int64   `json:"-"`          // its row in the store
	StatID   string  `json:"-"`          // the figure's id in it (s1)
	DocUID   string  `json:"doc_id"`     // its stable id
	StatUID  string  `json:"stat_id"`    // the figure's stable id: doc_id/s1
	Evidence string  `json:"evidence"`   // its sentence
}

// Fits reports whether a period has the precision of a grouping: "year" takes "2020",
// "month" takes "2020-11", and "period" takes any period as reported.
func Fits(period, by string) bool {
	switch by {
	case "year":
		return len(period) == 4
	case "month":
		return len(period) == 7
	}
	return period != ""
}

// Build returns the points of the figures whose periods fit by, oldest first.
func Build(figs []store.Figure, by string) []Point {
	var keep []store.Figure
	for _, f := range figs {
		if Fits(f.Period, by) {
			keep = append(keep, f)
		}
	}
	return FromClaims(link.Claims(keep), by)
}

// FromClaims returns the points of the claims whose periods fit by, oldest first: each claim's
// chosen value, with the earliest report (by publication, else by storage) among the figures
// its group lists.
func FromClaims(claims []link.Claim, by string) []Point {
	var out []Point
	for _, c := range claims {
		if c.Chosen < 0 || c.Chosen >= len(c.Groups) || !Fits(c.Period, by) || len(c.Groups[c.Chosen].Figures) == 0 {
			continue
		}
		g := c.Groups[c.Chosen]
		first := g.Figures[0]
		for _, f := range g.Figures {
			if f.Published != "" && (first.Published == "" || f.Published < first.Published || f.Published == first.Published && f.DocSource < first.DocSource) {
				first = f
			}
		}
		out = append(out, Point{Period: c.Period, Country: c.Country, Value: g.Value, Bound: g.Bound, Sources: g.Sources,
			Reports: c.Reports, Values: c.Total, Conflict: c.Conflict, Why: c.Why, Source: first.DocSource, DocID: first.DocID,
			StatID: first.StatID, DocUID: first.DocUID, StatUID: first.StatUID, Evidence: first.Evidence})
	}
	sortPoints(out)
	return out
}

func sortPoints(ps []Point) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Period != ps[j].Period {
			return ps[i].Period < ps[j].Period
		}
		return ps[i].Country < ps[j].Country
	})
}
