package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

const claimsHelp = `Usage: alboran claims [options]

Lists the claims the reports make: one per (category, country, period), with the values
given and the reports behind each. Values equal within rounding or bounds ("nearly 9,200"
and "9,179") corroborate each other; different values are a conflict, kept with both sources
and their evidence sentences, and never silently resolved.

Examples:
  alboran claims --conflicts
  alboran claims --category migrants_intercepted --country MAR --format json
`

func cmdClaims(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("claims", claimsHelp, stdout)
	db := dbFlag(fs)
	var q store.SeriesQuery
	fs.StringVar(&q.Category, "category", "", "a statistic category (default all)")
	fs.StringVar(&q.Country, "country", "", "an ISO 3166 alpha-3 country code (default all)")
	conflicts := fs.Bool("conflicts", false, "only the claims whose reports disagree")
	format := formatFlag(fs, formatTable, formatTable, formatJSON, formatJSONL)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat("claims", *format, formatTable, formatJSON, formatJSONL); err != nil {
		return err
	}
	q.Country = strings.ToUpper(q.Country)
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	figs, err := st.Figures(ctx, q)
	if err != nil {
		return err
	}
	var f store.UIDFill
	f.Figures(figs)
	if err := f.Fill(ctx, st); err != nil {
		return err
	}
	claims := []link.Claim{}
	for _, c := range link.Claims(figs) {
		if !*conflicts || c.Conflict {
			claims = append(claims, c)
		}
	}
	if *format != formatTable {
		return writeItems(stdout, *format, claims)
	}
	if len(claims) == 0 {
		fmt.Fprintln(stdout, "no claims")
		return nil
	}
	for _, c := range claims {
		flag := ""
		if c.Conflict {
			flag = "  CONFLICT"
		}
		fmt.Fprintf(stdout, "%s  %s  %s%s  (chosen: %s)\n", c.Category, orDash(c.Country), c.Period, flag, c.Why)
		for i, g := range c.Groups {
			mark := " "
			if i == c.Chosen {
				mark = "*"
			}
			fmt.Fprintf(stdout, "  %s %s  %d report(s)\n", mark, strconv.FormatFloat(g.Value, 'f', -1, 64), g.Sources)
			for _, f := range g.Figures {
				src := ""
				if f.Source != "" {
					src = " according to " + f.Source
				}
				fmt.Fprintf(stdout, "      %s (%s)%s\n        ↳ %s\n", f.DocSource, orDash(f.Published), src, f.Evidence)
			}
		}
		fmt.Fprintln(stdout)
	}
	return nil
}

const timelineHelp = `Usage: alboran timeline A [B] [options]

Lists the events between actors A and B (either may act; codes such as MAR, ESP, EU), one
per real event however many reports tell of it, in date order, after the counts per month by
PLOVER quad class (verbal or material cooperation or conflict). With A alone, every event A
takes part in.

Examples:
  alboran timeline MAR ESP
  alboran timeline MAR ESP --format json
`

func cmdTimeline(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("timeline", timelineHelp, stdout)
	db := dbFlag(fs)
	format := formatFlag(fs, formatTable, formatTable, formatJSON)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		return usageError{"timeline: give one or two actor codes, e.g. alboran timeline MAR ESP"}
	}
	if err := checkFormat("timeline", *format, formatTable, formatJSON); err != nil {
		return err
	}
	q := store.ClusterQuery{A: strings.ToUpper(fs.Arg(0)), B: strings.ToUpper(fs.Arg(1))}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	cs, err := st.Clusters(ctx, q)
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []link.Cluster{}
	}
	t := link.BuildTimeline(q.A, q.B, cs)
	if *format == "json" {
		return writeJSON(stdout, t)
	}
	if len(cs) == 0 {
		fmt.Fprintf(stdout, "no events between %s and %s\n", q.A, orDash(q.B))
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "month\tverbal coop.\tmaterial coop.\tverbal conflict\tmaterial conflict")
	for _, m := range t.Months {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\n", m.Month, m.VerbalCooperation, m.MaterialCooperation, m.VerbalConflict, m.MaterialConflict)
	}
	tw.Flush()
	fmt.Fprintln(stdout)
	for _, c := range cs {
		place := ""
		if c.Place != "" {
			place = " in " + c.Place
		}
		fmt.Fprintf(stdout, "%-10s  %-9s %s → %s%s  %d report(s), first %s (%s)\n    ↳ %s\n",
			orDash(c.Date), c.Type, c.Source, c.Target, place, c.Sources, c.First.DocSource, orDash(c.First.Published), c.First.Evidence)
	}
	return nil
}

const entityHelp = `Usage: alboran entity NAME [options]

Shows the people and organizations NAME stands for across reports: every variant of the
name, the titles and countries seen, the reports, and the evidence for each join. A surname
alone ("Grande-Marlaska") joins a full name only when the country or a title agrees and
exactly one person fits; different people with the same surname stay apart.

Examples:
  alboran entity "Fernando Grande-Marlaska"
  alboran entity Perea
  alboran entity UNHCR --format json
`

func cmdEntity(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("entity", entityHelp, stdout)
	db := dbFlag(fs)
	format := formatFlag(fs, formatTable, formatTable, formatJSON)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"entity: give a name, e.g. alboran entity Perea"}
	}
	if err := checkFormat("entity", *format, formatTable, formatJSON, formatJSONL); err != nil {
		return err
	}
	name := strings.Join(fs.Args(), " ")
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.EntityMentions(ctx, name)
	if err != nil {
		return err
	}
	ents := []link.Entity{}
	for _, e := range link.Entities(ms) {
		if link.MatchesName(e, name) {
			ents = append(ents, e)
		}
	}
	if *format != formatTable {
		var f store.UIDFill
		f.Entities(ents)
		if err := f.Fill(ctx, st); err != nil {
			return err
		}
		return writeItems(stdout, *format, ents)
	}
	if len(ents) == 0 {
		fmt.Fprintf(stdout, "no entity named %q\n", name)
		return nil
	}
	for _, e := range ents {
		fmt.Fprintf(stdout, "%s (%s), %d report(s)\n", e.Name, e.Type, e.Reports)
		fmt.Fprintf(stdout, "  names:     %s\n", strings.Join(e.Names, "; "))
		if len(e.Titles) > 0 {
			fmt.Fprintf(stdout, "  titles:    %s\n", strings.Join(e.Titles, "; "))
		}
		if len(e.Countries) > 0 {
			fmt.Fprintf(stdout, "  countries: %s\n", strings.Join(e.Countries, ", "))
		}
		fmt.Fprintln(stdout, "  joined by:")
		for _, w := range e.Evidence {
			fmt.Fprintf(stdout, "    - %s\n", w)
		}
		fmt.Fprintln(stdout, "  reports:")
		seen := map[int64]bool{}
		for _, m := range e.Mentions {
			if !seen[m.DocID] {
				seen[m.DocID] = true
				fmt.Fprintf(stdout, "    %s (%s) as %q\n", m.DocSource, orDash(m.Published), m.Name)
			}
		}
		fmt.Fprintln(stdout)
	}
	return nil
}
