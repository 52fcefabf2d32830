// Package render writes extractions for people: a table grouped by section, each record with
// its evidence sentence.
package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alboran/alboran/internal/record"
)

// Table writes one extraction as readable sections: actors, events, statistics, quotes.
func Table(w io.Writer, x record.Extraction) error {
	ew := &errWriter{w: w}
	d := x.Document
	pub := "unknown"
	if d.Published != nil {
		pub = *d.Published
	}
	fmt.Fprintf(ew, "== %s\n   %s (published %s)\n", d.Source, d.Title, pub)
	for _, warn := range x.Warnings {
		fmt.Fprintf(ew, "   warning: %s\n", warn)
	}
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}

	section(ew, "Actors", len(x.Entities))
	tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tTYPE\tNAME\tCOUNTRY/CODE\tTITLES\tMENTIONS")
	for _, e := range x.Entities {
		code := e.Country
		if e.Code != "" {
			code = e.Code
		}
		fmt.Fprintf(tw, "  \t%s\t%s\t%s\t%s\t%d\n", e.Type, e.Name, dash(code), dash(strings.Join(e.Titles, "; ")), len(e.Mentions))
	}
	tw.Flush()
	for _, e := range x.Entities {
		if e.Explain != nil {
			fmt.Fprintf(ew, "  %s %s", e.ID, e.Name)
			why(ew, e.Explain)
		}
	}

	section(ew, "Events", len(x.Events))
	for _, v := range x.Events {
		date := "-"
		if v.Date != nil {
			date = *v.Date
			if v.DateInferred {
				date += " (publication date)"
			}
		}
		fmt.Fprintf(ew, "  %-9s %s → %s  %s", v.Type, dash(v.Source.Actor), dash(v.Target.Actor), date)
		if v.Location != "" {
			fmt.Fprintf(ew, "  in %s", v.Location)
		}
		fmt.Fprintf(ew, "  [%s]\n", v.Trigger)
		evidence(ew, v.Evidence.Text)
		why(ew, v.Explain)
	}

	section(ew, "Statistics", len(x.Statistics))
	for _, s := range x.Statistics {
		period := "-"
		if s.Period != nil {
			period = *s.Period
		}
		fmt.Fprintf(ew, "  %-4s %s %s  %s  country %s  period %s", s.ID, value(s), bound(s.Bound), s.Category, dash(s.Country), period)
		if s.Source != "" {
			fmt.Fprintf(ew, "  source %s", s.Source)
		}
		if s.PartOf != "" {
			fmt.Fprintf(ew, "  part of %s (%s)", s.PartOf, s.Qualifier)
		}
		fmt.Fprintln(ew)
		evidence(ew, s.Evidence.Text)
		why(ew, s.Explain)
	}

	section(ew, "Quotes", len(x.Quotes))
	for _, q := range x.Quotes {
		fmt.Fprintf(ew, "  %s: “%s”\n", dash(q.Speaker.Name), q.Text)
		why(ew, q.Explain)
	}
	fmt.Fprintln(ew)
	return ew.err
}

func section(w io.Writer, name string, n int) { fmt.Fprintf(w, "\n%s (%d)\n", name, n) }

func evidence(w io.Writer, s string) {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:157]) + "..."
	}
	fmt.Fprintf(w, "       ↳ %s\n", s)
}

// why writes a record's explanation, when it has one: the rule, then each token it used.
func why(w io.Writer, e *record.Explanation) {
	if e == nil {
		return
	}
	fmt.Fprintf(w, "       why: %s", e.Rule)
	for _, u := range e.Uses {
		fmt.Fprintf(w, "; %s %q", u.Role, u.Text)
	}
	fmt.Fprintln(w)
}

func value(s record.Statistic) string {
	switch s.Kind {
	case record.KindChange:
		return "×" + strconv.FormatFloat(s.Value, 'g', 4, 64)
	case record.KindAmount:
		return s.Unit + " " + strconv.FormatFloat(s.Value, 'f', -1, 64)
	}
	return strconv.FormatFloat(s.Value, 'f', -1, 64)
}

func bound(b string) string {
	switch b {
	case record.BoundApproximate:
		return "(approx.)"
	case record.BoundAtLeast:
		return "(at least)"
	case record.BoundAtMost:
		return "(at most)"
	}
	return ""
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// errWriter keeps the first write error so that callers check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
