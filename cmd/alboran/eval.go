package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/batch"
	"github.com/alboran/alboran/internal/eval"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
)

const evalHelp = `Usage: alboran eval [options] GOLD_DIR

Extracts every NAME.txt in GOLD_DIR that has a NAME.gold.json beside it and scores the result
by the codebook's matching rules (section 8): precision, recall and F1 for persons, events,
statistics and quotes, and the attribute accuracies. The figures equal those of
shared/eval/score.py.

With --floors FILE, the exit code is 1 when a score is under its floor. FILE is a JSON object
whose keys name a score: a record type and "f1", "precision" or "recall" ("persons.f1"), or an
attribute and "accuracy" ("statistic.country.accuracy"); other keys are ignored. The project's
own floors are in .ci/floors.json (dev set) and .ci/floors-plover.json (PLOVER dev records).
`

type evalOptions struct {
	dir    string
	perDoc bool
	asJSON bool
	floors string
}

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalOptions
	fs := newFlags("eval", evalHelp, stdout)
	fs.BoolVar(&o.perDoc, "per-doc", false, "also print each document's tp/fp/fn")
	format := formatFlag(fs, formatTable, formatTable, formatJSON)
	fs.BoolVar(&o.asJSON, "json", false, "the same as --format json")
	fs.StringVar(&o.floors, "floors", "", "fail when a score is under its floor in this JSON file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat("eval", *format, formatTable, formatJSON); err != nil {
		return err
	}
	o.asJSON = o.asJSON || *format == formatJSON
	if fs.NArg() != 1 {
		return usageError{"eval: give one directory of reports with gold files (see alboran eval --help)"}
	}
	o.dir = fs.Arg(0)
	return runEval(ctx, o, stdout, stderr)
}

func runEval(ctx context.Context, o evalOptions, stdout, stderr io.Writer) error {
	golds, err := eval.LoadGold(o.dir)
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		return fmt.Errorf("eval: no *.gold.json files in %s", o.dir)
	}
	var inputs []string
	for k := range golds {
		p := filepath.Join(o.dir, k+".txt")
		if _, err := os.Stat(p); err == nil {
			inputs = append(inputs, p)
		}
	}
	sort.Strings(inputs)
	lx, err := lexicon.Default()
	if err != nil {
		return err
	}
	var exts []record.Extraction
	err = batch.Run(ctx, extract.New(lx), source.Options{}, inputs, nil, 0, func(r batch.Result) error {
		if r.Item.Err != nil {
			fmt.Fprintf(stderr, "alboran: %s: %v\n", r.Item.Doc.Source, r.Item.Err)
			return nil
		}
		exts = append(exts, r.Extraction)
		return nil
	})
	if err != nil {
		return err
	}
	res := eval.ScoreSet(golds, exts)
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		res.Print(stdout, o.perDoc)
	}
	if o.floors == "" {
		return nil
	}
	return checkFloors(o.floors, res, stderr)
}

// checkFloors compares scores with their floors: keys are "persons.f1" and the like.
func checkFloors(path string, res eval.Result, stderr io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("eval: floors: %w", err)
	}
	var floors map[string]any
	if err := json.Unmarshal(b, &floors); err != nil {
		return fmt.Errorf("eval: floors: %s: %w", path, err)
	}
	var under []string
	keys := make([]string, 0, len(floors))
	for k := range floors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		floor, ok := floors[k].(float64)
		if !ok {
			continue
		}
		// "persons.f1", "events.recall"; an attribute's "statistic.country.accuracy".
		i := strings.LastIndex(k, ".")
		if i < 0 {
			continue
		}
		kind, metric := k[:i], k[i+1:]
		var got float64
		if s, ok := res.Scores[kind]; ok {
			got, ok = map[string]float64{"f1": s.F1, "precision": s.Precision, "recall": s.Recall}[metric]
			if !ok {
				continue
			}
		} else if a, ok := res.Attributes[kind]; ok && metric == "accuracy" && a.Accuracy != nil {
			got = *a.Accuracy
		} else {
			continue
		}
		if got < floor {
			under = append(under, fmt.Sprintf("%s %.3f < floor %.3f", k, got, floor))
		}
	}
	if len(under) > 0 {
		return fmt.Errorf("eval: under the floors: %s: %w", strings.Join(under, "; "), errPartial)
	}
	fmt.Fprintf(stderr, "alboran: all scores at or above the floors in %s\n", path)
	return nil
}
