package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/ingest"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/progress"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/syntax"
)

// dbFlag adds --db, whose default comes from ALBORAN_DB, else ./alboran.db.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("ALBORAN_DB")
	if def == "" {
		def = "alboran.db"
	}
	return fs.String("db", def, "the database: a SQLite file, or a postgres:// URL (env ALBORAN_DB)")
}

// openStore opens the store a --db value names: a postgres:// URL, else a SQLite file.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// httpClient fetches pages and feeds with every timeout set.
func httpClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second}
}

// throughputGC trades memory for speed in long batch runs: the collector runs only when the
// process nears a soft limit of 320 MiB, which keeps it under 500 MB on any input. Ingest
// keeps little alive (a few batches), so each collection frees most of the heap.
func throughputGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(320 << 20)
	}
}

// parseCacheSize is how many sentence parses an extractor keeps (about 25 MB): enough for
// the wire copy an archive repeats across outlets and updates within a few thousand reports.
const parseCacheSize = 20_000

// newExtractor compiles the dictionaries once. Its parse cache makes a sentence reprinted in
// many reports cost one parse; the records are the same without it.
func newExtractor() (*extract.Extractor, error) {
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	x := extract.New(lx)
	x.Cache = syntax.NewParseCache(parseCacheSize)
	return x, nil
}

// newMeter shows a bar on a terminal, log lines elsewhere (through slog with --log-format
// json), and nothing when quiet.
func newMeter(fs *flag.FlagSet, stderr io.Writer, quiet bool, label string, total int64, read *atomic.Int64) *progress.Meter {
	o, _ := parseLogFlags(fs)
	switch {
	case quiet:
		return progress.New(stderr, progress.Quiet, label, total, read)
	case isTerminal(stderr) && !o.json:
		return progress.New(stderr, progress.Bar, label, total, read)
	}
	return progress.New(logLines(fs, stderr, slog.LevelInfo), progress.Lines, label, total, read)
}

const ingestHelp = `Usage: alboran ingest [options] INPUT...

Extracts records from each input and stores the documents and records in the database
(default ./alboran.db, created on first use). INPUT is any of:
  report files (.txt; without the " date YYYY-MM-DD Title" header they are read with a warning),
  HTML pages (.html; the main text, title and date come from the page),
  RSS or Atom feeds (.xml, .rss, .atom, or a URL), OPML feed lists (.opml),
  JSON Lines (.jsonl: id, url, title, published, text per line), .gz files of any of these,
  directories (read recursively), globs ("reports/*.txt"), http(s) URLs, or - for stdin.

Ingest is idempotent: a document already stored (same text and URL) is left alone and counted
as unchanged. Documents are committed in batches, each with all its records; if a run is
killed, run the same command again and every document ends up stored exactly once.

A bad input is reported with its source and reason and skipped; the rest is stored and the
exit code is 1.

--fetch-articles reads the page each feed item links to instead of the feed's summary, as a
polite crawler: it follows each site's robots.txt (for the agent "alboran"), waits
--fetch-delay between two requests to one site, and waits what Retry-After asks (up to 2
minutes) when a site answers 429 or 503. A page it may not or cannot fetch keeps its summary,
with a warning.

With --queue nats://HOST:PORT (or ALBORAN_QUEUE), the documents are published to NATS
JetStream instead, each counted as sent once the stream has acknowledged it, for alboran
worker processes to extract and store.

Examples:
  alboran ingest reports/ feeds.opml https://example.org/rss.xml archive.jsonl.gz
  alboran ingest --db /data/alboran.db --fetch-articles https://example.org/rss.xml
  alboran ingest --queue nats://127.0.0.1:4222 archive.jsonl.gz
`

func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", ingestHelp, stdout)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "extraction workers (default: one per core)")
	batchSize := fs.Int("batch", ingest.DefaultBatch, "documents per transaction")
	fetch := fs.Bool("fetch-articles", false, "download the page each feed item links to and read it as HTML, as robots.txt allows")
	fetchDelay := fs.Duration("fetch-delay", source.DefaultPerHost, "with --fetch-articles: the least time between two requests to one site (robots.txt's Crawl-delay wins when longer)")
	quiet := fs.Bool("quiet", false, "print no progress, only errors and the summary")
	qf := addQueueFlags(fs)
	langf := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	language, err := checkLang("ingest", *langf)
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ingest: no input; give files, directories, feeds, URLs or - (see alboran ingest --help)"}
	}
	if qf.url != "" {
		// At scale: publish the documents for workers to extract and store.
		return publish(ctx, fs, qf, language, fs.Args(), stdin, stdout, stderr, *quiet)
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
	throughputGC()
	var read atomic.Int64
	meter := newMeter(fs, stderr, *quiet, "ingest", source.Size(fs.Args()), &read)
	o := ingest.Options{
		Source:    source.Options{Client: httpClient(), FetchArticles: *fetch, Crawler: &source.Crawler{Client: httpClient(), PerHost: *fetchDelay}, Bytes: &read, Language: language},
		Inputs:    fs.Args(),
		Stdin:     stdin,
		Workers:   *workers,
		BatchSize: *batchSize,
		Meter:     meter,
		Log:       logLines(fs, stderr, slog.LevelWarn),
	}
	sum, err := ingest.Run(ctx, x, st, o)
	meter.Done()
	sum.Print(stdout)
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the documents above are stored, each with all its records, and nothing else; run the same command again to store the rest: %w", err)
	}
	if err != nil {
		return err
	}
	if sum.Ingested == 0 && sum.Skipped == 0 {
		fmt.Fprintln(stdout, "nothing new: every document was already in", redactURL(*db))
	}
	if sum.Skipped > 0 {
		return fmt.Errorf("%d inputs skipped: %w", sum.Skipped, errPartial)
	}
	return nil
}

const reprocessHelp = `Usage: alboran reprocess [options]

Re-extracts the stored documents whose records an older version of the extraction rules made,
and replaces their records. Run it after upgrading alboran. Each batch of documents is
replaced in one transaction.
`

func cmdReprocess(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("reprocess", reprocessHelp, stdout)
	db := dbFlag(fs)
	quiet := fs.Bool("quiet", false, "print no progress")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"reprocess takes no arguments"}
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	meter := newMeter(fs, stderr, *quiet, "reprocess", 0, nil)
	n, err := ingest.Reprocess(ctx, x, st, 0, meter)
	meter.Done()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "re-extracted %d documents with extraction rules %s\n", n, extract.Version)
	return nil
}
