package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/alboran/alboran/internal/batch"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/render"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/syntax"
)

const extractHelp = `Usage: alboran extract [options] INPUT...

Extracts actors, PLOVER events, statistics and quotes from each report and writes them in
input order. INPUT is a report file (" date YYYY-MM-DD Title", a blank line, the body), any
.txt file, a JSON Lines file (.jsonl: id, url, title, published, text per line), a .gz of
either, a directory (read recursively), or - for standard input.

A bad input is reported on standard error with its name and the reason, and the others are
still extracted; the exit code is then 1.

Examples:
  alboran extract report.txt                       a readable table
  alboran extract --format jsonl reports/ > out.jsonl
  cat report.txt | alboran extract --format json -
  alboran extract --explain report.txt             each record with the rule that made it
  alboran extract --lang es informe.txt            a report in Spanish, whatever detection says

Each document's language (en, es or fr) is detected from its title and text unless --lang
or a JSON Lines "language" field gives it; a document in another language is read with the
English rules, with a warning.
`

// extractOptions are the options of 'alboran extract'.
type extractOptions struct {
	format  string
	workers int
	explain bool
	lang    string
	inputs  []string
}

func cmdExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o extractOptions
	fs := newFlags("extract", extractHelp, stdout)
	fs.StringVar(&o.format, "format", "", "output format: table, json or jsonl (default table on a terminal, jsonl otherwise)")
	fs.IntVar(&o.workers, "workers", 0, "extraction workers (default: one per core)")
	fs.BoolVar(&o.explain, "explain", false, "give each record the rule or frame that made it and the tokens it used (\"explain\" in JSON, \"why\" lines in the table)")
	langf := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var err error
	if o.lang, err = checkLang("extract", *langf); err != nil {
		return err
	}
	o.inputs = fs.Args()
	if len(o.inputs) == 0 {
		return usageError{"extract: no input; give report files, a directory, or - for standard input (see alboran extract --help)"}
	}
	if o.format == "" {
		o.format = "jsonl"
		if isTerminal(stdout) {
			o.format = "table"
		}
	}
	if err := checkFormat("extract", o.format, formatTable, formatJSON, formatJSONL); err != nil {
		return err
	}
	logger := newLogger(fs, stderr).With("cmd", "extract")
	return logFinal(logger, runExtract(ctx, o, stdin, stdout, logger))
}

// runExtract extracts the inputs to stdout; a bad input's warning or failure is logged, with
// its source, and the others go on.
func runExtract(ctx context.Context, o extractOptions, stdin io.Reader, stdout io.Writer, logger *slog.Logger) error {
	lx, err := lexicon.Default()
	if err != nil {
		return err
	}
	x := extract.New(lx)
	x.Explain = o.explain
	x.Cache = syntax.NewParseCache(parseCacheSize)
	bw := bufio.NewWriterSize(stdout, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var all []record.Extraction
	failed, done := 0, 0
	err = batch.Run(ctx, x, source.Options{Language: o.lang}, o.inputs, stdin, o.workers, func(r batch.Result) error {
		src := r.Item.Doc.Source
		for _, w := range r.Warnings() {
			logger.Warn(src+": "+w, "source", src, "warning", w)
		}
		if r.Item.Err != nil {
			failed++
			logger.Error(fmt.Sprintf("%s: %v", src, r.Item.Err), "source", src, "err", r.Item.Err.Error())
			return nil
		}
		done++
		switch o.format {
		case "jsonl":
			return enc.Encode(r.Extraction)
		case "json":
			all = append(all, r.Extraction)
			return nil
		default:
			return render.Table(bw, r.Extraction)
		}
	})
	if err == nil && o.format == "json" {
		enc.SetIndent("", "  ")
		if len(all) == 1 {
			err = enc.Encode(all[0])
		} else {
			if all == nil {
				all = []record.Extraction{}
			}
			err = enc.Encode(all)
		}
	}
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing output: %w", ferr)
	}
	if errors.Is(err, context.Canceled) && o.format != "json" {
		return fmt.Errorf("interrupted after %d reports, each written whole: %w", done, err)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed: %w", failed, failed+done, errPartial)
	}
	return nil
}
