package store

import (
	"sort"
	"strings"
	"time"
)

// Search filters run inside the full-text index: each document carries a facets column of
// tokens (actors, event types, statistic categories, publication year, month and day) so
// that a filter is one more posting list to intersect, not a lookup per matching report.
// Tokens are letters and digits only, so that the tokenizer keeps each one whole. People's
// surnames and the countries of figures are tokens too: the embedded store finds the reports
// that name a person, or give a figure for a country, through them rather than through
// B-tree indexes, whose random keys made ingest rewrite pages all over the file.

func FacetToken(kind, value string) string {
	var b strings.Builder
	b.WriteString(kind)
	for _, r := range strings.ToLower(value) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Facets returns the facet tokens of an entry, sorted.
func Facets(e Entry) []string {
	set := map[string]bool{}
	add := func(kind, v string) {
		if v != "" {
			set[FacetToken(kind, v)] = true
		}
	}
	x := e.Extraction
	for _, en := range x.Entities {
		add("act", en.Code)
		add("sn", Surname(en))
	}
	for _, ev := range x.Events {
		add("act", ev.Source.Actor)
		add("act", ev.Target.Actor)
		add("typ", ev.Type)
	}
	for _, st := range x.Statistics {
		add("cat", st.Category)
		add("sc", st.Country)
	}
	if p := e.Doc.Published; p != nil && len(*p) == 10 {
		add("y", (*p)[:4])
		add("m", (*p)[:7])
		add("d", *p)
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// DateCover returns the facet tokens whose union is the set of days from since to until,
// inclusive: whole years, then whole months, then days. Either bound may be empty; the range
// is clipped to 1900-01-01 .. the end of next year.
func DateCover(since, until string) []string {
	lo, ok := parseBound(since, false)
	if !ok {
		lo = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	hi, ok := parseBound(until, true)
	if !ok {
		// An open end stops at the end of next year: no report is dated later.
		hi = time.Date(time.Now().Year()+1, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	var out []string
	for d := lo; !d.After(hi); {
		switch {
		case d.YearDay() == 1 && !d.AddDate(1, 0, -1).After(hi):
			out = append(out, FacetToken("y", d.Format("2006")))
			d = d.AddDate(1, 0, 0)
		case d.Day() == 1 && !d.AddDate(0, 1, -1).After(hi):
			out = append(out, FacetToken("m", d.Format("2006-01")))
			d = d.AddDate(0, 1, 0)
		default:
			out = append(out, FacetToken("d", d.Format("2006-01-02")))
			d = d.AddDate(0, 0, 1)
		}
	}
	return out
}

// parseBound reads "2021", "2021-04" or "2021-04-15"; an upper bound of a year or month
// covers its last day.
func parseBound(s string, upper bool) (time.Time, bool) {
	for _, l := range []struct {
		layout string
		y, m   int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if upper && (l.y > 0 || l.m > 0) {
			t = t.AddDate(l.y, l.m, -1)
		}
		return t, true
	}
	return time.Time{}, false
}
