package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alboran/alboran/examples"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/ingest"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/testcorpus"
)

// realReports reads the real reports of dir (default: ../shared/eval/dev, else the bundled
// examples).
func realReports(ctx context.Context, dir string) ([]record.Document, error) {
	if dir == "" {
		dir = filepath.Join("..", "shared", "eval", "dev")
		if _, err := os.Stat(dir); err != nil {
			return exampleReports()
		}
	}
	var docs []record.Document
	err := source.Options{}.Read(ctx, []string{dir}, nil, func(it source.Item) error {
		if it.Err == nil {
			docs = append(docs, it.Doc)
		}
		return nil
	})
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("no reports in %s", dir)
	}
	return docs, err
}

func exampleReports() ([]record.Document, error) {
	names, err := fs.Glob(examples.Reports, "*.txt")
	if err != nil {
		return nil, err
	}
	var docs []record.Document
	for _, n := range names {
		raw, err := examples.Reports.ReadFile(n)
		if err != nil {
			return nil, err
		}
		docs = append(docs, source.Report("examples/"+n, raw).Doc)
	}
	return docs, nil
}

func cmdArchive(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1_000_000, "how many reports to write")
	seed := fs.Uint64("seed", 1, "the variation's seed: the same seed gives the same archive")
	dir := fs.String("reports", "", "the real reports to repeat (default ../shared/eval/dev, else the bundled examples)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	docs, err := realReports(ctx, *dir)
	if err != nil {
		return err
	}
	return testcorpus.Archive(ctx, stdout, docs, *n, *seed)
}

// openStore opens a SQLite file or a postgres:// URL.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "the database to fill: a SQLite file or a postgres:// URL (required)")
	n := fs.Int("n", 10_000, "how many reports: half generated (internal/testcorpus), half the real reports repeated and varied")
	dir := fs.String("reports", "", "the real reports (default ../shared/eval/dev, else the bundled examples)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		return fmt.Errorf("build: --db is required")
	}
	docs, err := realReports(ctx, *dir)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "loadbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "build.jsonl")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range testcorpus.Generate(*n/2, 99) {
		if err := enc.Encode(testcorpus.ArchiveLine{ID: d.Source, Title: d.Title, Published: *d.Published, Text: d.Text}); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := testcorpus.Archive(ctx, f, docs, *n-*n/2, 7); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	lx, err := lexicon.Default()
	if err != nil {
		return err
	}
	t0 := time.Now()
	x := extract.New(lx)
	x.Cache = syntax.NewParseCache(20_000) // the real reports are repeated: parse each sentence once
	sum, err := ingest.Run(ctx, x, st, ingest.Options{Inputs: []string{path}})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: ingested %d, unchanged %d, skipped %d in %v\n", *db, sum.Ingested, sum.Unchanged, sum.Skipped, time.Since(t0).Round(time.Second))
	return nil
}
