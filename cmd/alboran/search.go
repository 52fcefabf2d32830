package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/alboran/alboran/internal/series"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/text"
)

const searchHelp = `Usage: alboran search [options] QUERY...

Ranks the stored reports for QUERY (every word must occur, in any of its forms: "networks"
also finds "network"; "a phrase" in double quotes must occur as written) and prints each
with its best-matching sentence. The filters narrow the
reports to those with an event or entity of an actor, an event type, a statistic category or
a publication date range. With filters only, QUERY may be left out, and the reports come
newest stored first. When more than 1,000 reports match, the ranking covers the 1,000
most recently stored; add words or filters to reach older ones.

Examples:
  alboran search "trafficking network" --actor MAR --since 2020-01-01
  alboran search --type COERCE --category suspects_arrested --until 2021-12-31
`

func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", searchHelp, stdout)
	db := dbFlag(fs)
	var q store.Query
	fs.StringVar(&q.Actor, "actor", "", "an actor code (MAR, EU, UNHCR) or an entity name")
	fs.StringVar(&q.EventType, "type", "", "a PLOVER event type (CONSULT, COERCE, ...)")
	fs.StringVar(&q.Category, "category", "", "a statistic category (migrants_arrived, ...)")
	fs.StringVar(&q.Since, "since", "", "published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&q.Until, "until", "", "published on or before this date")
	fs.IntVar(&q.Limit, "limit", 20, "the number of reports to show")
	formats := []string{formatTable, formatJSON, formatJSONL, formatCSV}
	format := formatFlag(fs, formatTable, formats...)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q.Text = strings.Join(fs.Args(), " ")
	q.EventType = strings.ToUpper(q.EventType)
	if q.Text == "" && q.Actor == "" && q.EventType == "" && q.Category == "" && q.Since == "" && q.Until == "" {
		return usageError{"search: give a query or a filter (see alboran search --help)"}
	}
	for _, d := range []string{q.Since, q.Until} {
		if d != "" && !validDatePrefix(d) {
			return usageError{fmt.Sprintf("search: %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", d)}
		}
	}
	if err := checkFormat("search", *format, formats...); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, q)
	if err != nil {
		return err
	}
	var f store.UIDFill
	f.Hits(hits)
	if err := f.Fill(ctx, st); err != nil {
		return err
	}
	type result struct {
		Rank      int    `json:"rank"`
		DocID     string `json:"doc_id"`
		Title     string `json:"title"`
		Published string `json:"published"`
		Source    string `json:"source"`
		Sentence  string `json:"sentence"`
	}
	results := make([]result, len(hits))
	for i, h := range hits {
		results[i] = result{i + 1, h.DocUID, h.Title, h.Published, h.Source, text.BestSentence(h.Text, q.Text)}
	}
	switch *format {
	case formatJSON, formatJSONL:
		return writeItems(stdout, *format, results)
	case formatCSV:
		w := csv.NewWriter(stdout)
		w.Write([]string{"rank", "doc_id", "title", "published", "source", "sentence"})
		for _, r := range results {
			w.Write([]string{strconv.Itoa(r.Rank), r.DocID, r.Title, r.Published, r.Source, r.Sentence})
		}
		w.Flush()
		return w.Error()
	}
	if len(results) == 0 {
		fmt.Fprintln(stdout, "no reports match")
		return nil
	}
	for _, r := range results {
		fmt.Fprintf(stdout, "%2d. %s (%s)\n    %s\n    %s\n\n", r.Rank, r.Title, orDash(r.Published), r.Source, r.Sentence)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func validDatePrefix(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

const statsHelp = `Usage: alboran stats --category CATEGORY [options]

Prints the series of a statistic: one value per (period, country). When reports disagree,
the value from a named official source ("according to the interior ministry") is chosen, else
the value that the most independent reports give; the why column says which. sources counts
the reports that give the chosen value, reports those that give any, values the disagreeing
values. --by year keeps yearly figures, --by month monthly ones, --by period every period as
reported (a monthly figure is not a yearly one, so they are never mixed).

Examples:
  alboran stats --category migrants_intercepted --country MAR --by year
  alboran stats --category migrants_arrived --country GBR --by month --format csv > arrivals.csv
`

func cmdStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stats", statsHelp, stdout)
	db := dbFlag(fs)
	var q store.SeriesQuery
	fs.StringVar(&q.Category, "category", "", "the statistic category (required), e.g. migrants_arrived")
	fs.StringVar(&q.Country, "country", "", "an ISO 3166 alpha-3 country code, e.g. MAR")
	fs.StringVar(&q.By, "by", "year", "group periods by year, month, or period (as reported)")
	formats := []string{formatTable, formatJSON, formatJSONL, formatCSV}
	format := formatFlag(fs, formatTable, formats...)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Category == "" {
		return usageError{"stats: --category is required (see alboran stats --help)"}
	}
	switch q.By {
	case "year", "month", "period":
	default:
		return usageError{fmt.Sprintf("stats: --by %q: want year, month or period", q.By)}
	}
	if err := checkFormat("stats", *format, formats...); err != nil {
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
	points := series.Build(figs, q.By)
	switch *format {
	case formatJSON, formatJSONL:
		return writeItems(stdout, *format, points)
	case "csv":
		w := csv.NewWriter(stdout)
		w.Write([]string{"period", "country", "value", "bound", "sources", "reports", "values", "conflict", "why", "doc_source", "doc_id", "stat_id", "evidence"})
		for _, p := range points {
			w.Write([]string{p.Period, p.Country, strconv.FormatFloat(p.Value, 'f', -1, 64), p.Bound, strconv.Itoa(p.Sources),
				strconv.Itoa(p.Reports), strconv.Itoa(p.Values), strconv.FormatBool(p.Conflict), p.Why, p.Source, p.DocUID, p.StatUID, p.Evidence})
		}
		w.Flush()
		return w.Error()
	}
	if len(points) == 0 {
		fmt.Fprintf(stdout, "no %s figures for %s %s\n", q.By, q.Category, q.Country)
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "period\tcountry\tvalue\tsources\treports\tvalues\twhy")
	for _, p := range points {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\n", p.Period, orDash(p.Country), strconv.FormatFloat(p.Value, 'f', -1, 64),
			p.Sources, p.Reports, p.Values, p.Why)
	}
	return tw.Flush()
}
