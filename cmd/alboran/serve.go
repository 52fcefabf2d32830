package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alboran/alboran/examples"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/web"
)

const serveHelp = `Usage: alboran serve [options]

Serves the JSON API (/api/v1, described at /api/v1/openapi.json) and the web dashboard:
recent reports, each report with its actors, events, figures and quotes highlighted in the
text, search, actor pages, dyad timelines, statistic series with their evidence, the figures
in conflict, and a map of events and figures by place.

For operators: /healthz answers 200 when the store answers (alboran healthcheck asks it, for a
container's HEALTHCHECK); /metrics gives the process's, the Go runtime's, the requests' and the
posted reports' metrics in the Prometheus text format; each request is logged as one line on
stderr (--access-log=false turns it off).

The API follows HTTP's conventions: errors are RFC 9457 problem details
(application/problem+json); reads carry an ETag (If-None-Match answers 304), Cache-Control and
gzip when asked; a posted report answers 201 with its id and a Location. --cors lets pages of
other origins read it from a browser.

The server is read-only unless ALBORAN_TOKEN is set; then POST /api/v1/documents ingests a
report when it carries "Authorization: Bearer <token>".

Answers to page and API reads are kept for --cache (2s): the same overview asked a hundred
times a second is read once. A report posted to this server shows at once; one ingested by
another process shows within --cache.

--demo ingests the bundled example reports into a temporary database and serves them: the
one command to see everything.

Examples:
  alboran serve --demo
  alboran serve --db alboran.db --addr 127.0.0.1:8080
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", serveHelp, stdout)
	db := dbFlag(fs)
	addr := fs.String("addr", envOr("ALBORAN_ADDR", "127.0.0.1:8080"), "the address to listen on (env ALBORAN_ADDR)")
	demo := fs.Bool("demo", false, "serve the bundled example reports from a temporary database")
	cacheTTL := fs.Duration("cache", 2*time.Second, "keep answers to page and API reads this long (a report posted here shows at once, one ingested elsewhere after this); 0 turns it off")
	cors := fs.String("cors", os.Getenv("ALBORAN_CORS"), "let browser pages of these origins (comma-separated scheme://host[:port], or *) read the API (env ALBORAN_CORS)")
	accessLog := fs.Bool("access-log", true, "log one line per request on stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"serve takes no arguments (see alboran serve --help)"}
	}
	origins, err := corsOrigins(*cors)
	if err != nil {
		return err
	}
	path := *db
	if *demo {
		dir, err := os.MkdirTemp("", "alboran-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	// A read-only server refuses a database that does not exist; the demo makes one, and so
	// does a server that takes posts (ALBORAN_TOKEN).
	open := openExistingStore
	if *demo || os.Getenv("ALBORAN_TOKEN") != "" {
		open = openStore
	}
	st, err := open(ctx, path)
	if err != nil {
		return err
	}
	// Closing waits for the queries of cancelled requests to let go; a stop does not wait
	// longer than closeWait for them: every write is a transaction, so nothing is half written.
	defer closeWithin(st, closeWait)
	x, err := newExtractor()
	if err != nil {
		return err
	}
	if *demo {
		n, err := loadDemo(ctx, x, st)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		fmt.Fprintf(stderr, "demo: %d example reports in %s\n", n, path)
	}
	logger := newLogger(fs, stderr) // --log-format and --log-level
	srv := web.New(st, x, os.Getenv("ALBORAN_TOKEN"), logger)
	srv.Cache(*cacheTTL)
	srv.Version(version)
	if len(origins) > 0 {
		srv.CORS(origins...)
	}
	if *accessLog {
		srv.AccessLog(logger)
	}
	err = web.Serve(ctx, *addr, srv.Handler(), func(a net.Addr) {
		fmt.Fprintf(stdout, "serving %s on http://%s/ (Ctrl-C stops)\n", redactURL(path), a)
	}, func() {
		fmt.Fprintf(stderr, "alboran: stopping: no new requests; those in flight have %v to finish\n", web.ShutdownGrace)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, "alboran: stopped")
	return nil
}

// closeWait bounds how long a stopping server waits for its store to close.
const closeWait = 250 * time.Millisecond

// closeWithin closes c, waiting at most d for it.
func closeWithin(c io.Closer, d time.Duration) {
	done := make(chan struct{})
	go func() { c.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// corsOrigins reads --cors: "*" or origins of the form scheme://host[:port], no path.
func corsOrigins(v string) ([]string, error) {
	var out []string
	for _, o := range strings.Split(v, ",") {
		o = strings.TrimSuffix(strings.TrimSpace(o), "/")
		if o == "" {
			continue
		}
		if o != "*" {
			u, err := url.Parse(o)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" {
				return nil, usageError{fmt.Sprintf("--cors %q: want an origin such as https://example.org or http://localhost:3000, or *", o)}
			}
		}
		out = append(out, o)
	}
	return out, nil
}

// loadDemo stores the bundled example reports.
func loadDemo(ctx context.Context, x *extract.Extractor, st store.Store) (int, error) {
	names, err := fs.Glob(examples.Reports, "*.txt")
	if err != nil {
		return 0, err
	}
	var es []store.Entry
	for _, n := range names {
		raw, err := examples.Reports.ReadFile(n)
		if err != nil {
			return 0, err
		}
		it := source.Report("examples/"+n, raw)
		if it.Err != nil {
			return 0, fmt.Errorf("%s: %w", n, it.Err)
		}
		es = append(es, store.Entry{Doc: it.Doc, Extraction: x.Extract(it.Doc), Version: extract.Version})
	}
	_, err = st.Put(ctx, es)
	return len(es), err
}
