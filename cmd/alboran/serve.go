package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"os"
	"path/filepath"
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
text, search, actor pages, dyad timelines, statistic series with their evidence, and the
figures in conflict. /healthz and /metrics (Prometheus) are for operators.

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
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	demo := fs.Bool("demo", false, "serve the bundled example reports from a temporary database")
	cacheTTL := fs.Duration("cache", 2*time.Second, "keep answers to page and API reads this long (a report posted here shows at once, one ingested elsewhere after this); 0 turns it off")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"serve takes no arguments (see alboran serve --help)"}
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
	open := openExistingStore // serving reads a database; only the demo makes one
	if *demo {
		open = openStore
	}
	st, err := open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
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
	srv := web.New(st, x, os.Getenv("ALBORAN_TOKEN"), log.New(stderr, "alboran: ", log.LstdFlags))
	srv.Cache(*cacheTTL)
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
