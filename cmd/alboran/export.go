package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/export"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/watch"
)

const exportHelp = `Usage: alboran export --what TABLE [--format FORMAT] [--profile PROFILE] [-o FILE]

Writes one table of the database: documents, entities, events, statistics, quotes or
clusters. Each event row carries its cluster_id (the real event, across reports), its
cluster_role ("member" for an event dated to a day, "mention" for one dated by a month, a year
or an interval, which points at the one cluster that fits) and cluster_sources (how many
reports tell of it); --clusters (or --what clusters) writes one row per cluster instead, with
its canonical date and place, its number of sources and its first report.
docs/data-dictionary.md lists every column, its type and what it means.

Ids are stable: doc_id comes from the document's text and URL, a record's id is doc_id/v1
(s1, q1, e1), so the same report has the same ids in any database. Dates are typed: a date
column holds the first day of what the text gave, with its last day (_end) and its precision
(day, month, year or interval). Unknowns are null. Places carry their GeoNames id, country,
region, latitude and longitude.

CSV follows RFC 4180 with a header row (nulls empty, lists joined by "; "); JSONL is one object
per line (nulls null, lists arrays); Parquet is compressed with zstd, with DATE, TIMESTAMP,
LIST and optional columns. All three open directly in pandas (read_csv, read_json(lines=True),
read_parquet), R (read.csv, jsonlite::stream_in, arrow::read_parquet), polars and DuckDB.

--profile polecat writes the events with POLECAT's column names (Event ID, Event Date, Event
Type, ..., Latitude, Longitude, GeoNames ID), for code written for POLECAT.

Examples:
  alboran export --what events --format csv > events.csv
  alboran export --what events --format parquet -o events.parquet
  alboran export --what events --profile polecat --format csv > polecat.csv
`

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", exportHelp, stdout)
	db := dbFlag(fs)
	what := fs.String("what", "", "the table: "+strings.Join(export.Tables, ", "))
	format := formatFlag(fs, formatCSV, export.Formats...)
	profile := fs.String("profile", "alboran", "column names: alboran, or polecat (events only)")
	out := fs.String("o", "-", "write to this file; - is standard output")
	quiet := fs.Bool("quiet", false, "do not say how many rows were written")
	clusters := fs.Bool("clusters", false, "with --what events: one row per event cluster")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *clusters {
		if *what != "" && *what != "events" {
			return usageError{"export: --clusters goes with --what events"}
		}
		*what = "clusters"
	}
	if *what == "" {
		return usageError{"export: --what is required: " + strings.Join(export.Tables, ", ")}
	}
	if !contains(export.Tables, *what) {
		return usageError{fmt.Sprintf("export: unknown table %q (want %s)", *what, strings.Join(export.Tables, ", "))}
	}
	if err := checkFormat("export", *format, export.Formats...); err != nil {
		return err
	}
	if !contains(export.Profiles, *profile) {
		return usageError{fmt.Sprintf("export: unknown profile %q (want %s)", *profile, strings.Join(export.Profiles, ", "))}
	}
	if *profile == "polecat" && *what != "events" {
		return usageError{"export: --profile polecat goes with --what events"}
	}
	if *format == "parquet" && isStdout(*out) && isTerminal(stdout) {
		return usageError{"export: Parquet is binary; give -o FILE or redirect standard output"}
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if isStdout(*out) {
		_, err := export.WriteProfile(ctx, st, *what, *format, *profile, stdout)
		return err
	}
	// Write beside the target and rename, so that a failed export leaves no half file.
	var n int
	err = writeFileAtomic(*out, func(w io.Writer) error {
		n, err = export.WriteProfile(ctx, st, *what, *format, *profile, w)
		return err
	})
	if err != nil {
		return fmt.Errorf("export to %s: %w", *out, err)
	}
	if !*quiet {
		fmt.Fprintf(stderr, "wrote %d %s rows to %s\n", n, *what, *out)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const watchHelp = `Usage: alboran watch --feeds FILE [options]

Keeps ingesting feeds. FILE lists one feed URL per line (# starts a comment), or is an OPML
file. Each feed is polled every --every with a conditional GET (ETag and If-Modified-Since),
so an unchanged feed costs one small request. A feed that fails waits twice as long after each
failure in a row, up to --max-backoff. One line is logged per poll. Stop with Ctrl-C.

Example:
  alboran watch --feeds feeds.txt --every 15m
`

func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch", watchHelp, stdout)
	db := dbFlag(fs)
	feeds := fs.String("feeds", "", "a file of feed URLs, one per line, or an OPML file (required)")
	every := fs.Duration("every", 15*time.Minute, "how often to poll each feed")
	maxBackoff := fs.Duration("max-backoff", 6*time.Hour, "the longest wait after failures")
	fetch := fs.Bool("fetch-articles", false, "download the page each item links to and read it as HTML, as robots.txt allows (see alboran ingest --help)")
	fetchDelay := fs.Duration("fetch-delay", source.DefaultPerHost, "with --fetch-articles: the least time between two requests to one site")
	once := fs.Bool("once", false, "poll each feed once and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *feeds == "" {
		return usageError{"watch: --feeds is required (see alboran watch --help)"}
	}
	if *every < time.Second {
		return usageError{"watch: --every must be at least 1s"}
	}
	urls, err := watch.ReadFeedList(*feeds)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := &watch.Watcher{Store: st, Extractor: x, Client: httpClient(), Feeds: urls, Every: *every,
		MaxBackoff: *maxBackoff, FetchArticles: *fetch, Log: stdout,
		Crawler: &source.Crawler{Client: httpClient(), PerHost: *fetchDelay}}
	if *once {
		failed := 0
		for _, r := range w.PollAll(ctx) {
			if r.Err != nil {
				failed++
			}
		}
		if failed > 0 {
			return fmt.Errorf("%d of %d feeds failed: %w", failed, len(urls), errPartial)
		}
		return nil
	}
	fmt.Fprintf(stderr, "watching %d feeds every %s into %s; Ctrl-C stops\n", len(urls), *every, redactURL(*db))
	return w.Run(ctx)
}
