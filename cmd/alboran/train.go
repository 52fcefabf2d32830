package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/alboran/alboran/internal/syntax"
)

const trainSyntaxHelp = `Usage: alboran train-syntax --train FILE [--dev FILE] [--out FILE] [options]

Trains the syntax model (tagger, lemmatizer and dependency parser) on a CoNLL-U treebank and
writes it in its compact binary form. The same files, options and seed give the same model.
The model embedded in alboran is trained on the UD English Web Treebank:

  alboran train-syntax --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \
    --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu \
    --out internal/syntax/model/ewt.model
`

type trainSyntaxOptions struct {
	train, dev, out string
	opts            syntax.TrainOptions
}

func cmdTrainSyntax(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o trainSyntaxOptions
	fs := newFlags("train-syntax", trainSyntaxHelp, stdout)
	fs.StringVar(&o.train, "train", "", "CoNLL-U file to train on (required)")
	fs.StringVar(&o.dev, "dev", "", "CoNLL-U file to score the model on while it trains")
	fs.StringVar(&o.out, "out", "syntax.model", "where to write the model")
	fs.IntVar(&o.opts.TagIters, "tag-iters", 6, "tagger passes over the training set")
	fs.IntVar(&o.opts.ParseIters, "parse-iters", 14, "parser passes over the training set")
	fs.IntVar(&o.opts.Folds, "folds", 5, "jackknife folds for the parser's training tags (1: gold tags)")
	fs.Int64Var(&o.opts.Seed, "seed", 1, "random seed")
	fs.Float64Var(&o.opts.MinWeight, "min-weight", 1, "prune parser weights whose average is smaller than this")
	fs.Float64Var(&o.opts.TagMinWeight, "tag-min-weight", 0.5, "prune tagger weights whose average is smaller than this")
	fs.BoolVar(&o.opts.PruneReport, "prune-report", false, "score the dev set at several pruning thresholds")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.train == "" || fs.NArg() != 0 {
		return usageError{"train-syntax: give --train FILE (see alboran train-syntax --help)"}
	}
	o.opts.Log = stderr
	return runTrainSyntax(ctx, o, stdout)
}

func runTrainSyntax(ctx context.Context, o trainSyntaxOptions, stdout io.Writer) error {
	train, err := syntax.ReadCoNLLUFile(ctx, o.train)
	if err != nil {
		return fmt.Errorf("train-syntax: %w", err)
	}
	var dev []*syntax.ConllSentence
	if o.dev != "" {
		if dev, err = syntax.ReadCoNLLUFile(ctx, o.dev); err != nil {
			return fmt.Errorf("train-syntax: %w", err)
		}
	}
	m, err := syntax.Train(ctx, syntax.Sentences(train), syntax.Sentences(dev), o.opts)
	if err != nil {
		return fmt.Errorf("train-syntax: %w", err)
	}
	// Write to a temporary file and rename, so a crash never leaves half a model.
	if err := writeFileAtomic(o.out, m.Write); err != nil {
		return fmt.Errorf("train-syntax: %w", err)
	}
	st, err := os.Stat(o.out)
	if err != nil {
		return fmt.Errorf("train-syntax: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s (%.1f MB): %s\n", o.out, float64(st.Size())/1e6, m.Info)
	return nil
}
