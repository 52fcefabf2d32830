package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alboran/alboran/internal/syntax"
)

const trainSyntaxHelp = `Usage: alboran train-syntax --train FILE[,FILE...] [--dev FILE] [--out FILE] [options]

Trains the syntax model (tagger, lemmatizer and dependency parser) on CoNLL-U treebanks and
writes it in its compact binary form. The same files, options and seed give the same model.
The models embedded in alboran are trained on the UD English Web Treebank, and on UD Spanish
and French GSD dev + PUD (whose GSD and PUD files disagree on XPOS, so it is dropped):

  alboran train-syntax --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \
    --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu \
    --out internal/syntax/model/ewt.model
  alboran train-syntax --xpos=false \
    --train ../shared/corpora/ud-spanish/es_gsd-ud-dev.conllu,../shared/corpora/ud-spanish/es_pud-ud-test.conllu \
    --dev ../shared/corpora/ud-spanish/es_gsd-ud-test.conllu --out internal/syntax/model/es.model
  alboran train-syntax --xpos=false \
    --train ../shared/corpora/ud-french/fr_gsd-ud-dev.conllu,../shared/corpora/ud-french/fr_pud-ud-test.conllu \
    --dev ../shared/corpora/ud-french/fr_gsd-ud-test.conllu --out internal/syntax/model/fr.model
`

type trainSyntaxOptions struct {
	train, dev, out string
	xpos            bool
	relabel, retag  bool
	opts            syntax.TrainOptions
}

func cmdTrainSyntax(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o trainSyntaxOptions
	fs := newFlags("train-syntax", trainSyntaxHelp, stdout)
	fs.StringVar(&o.train, "train", "", "CoNLL-U files to train on, separated by commas (required)")
	fs.BoolVar(&o.relabel, "relabel", false, "bring the relations of the second and later --train files to the first's conventions: one the first hardly uses becomes its most frequent one of the same type (PUD's flat:name becomes GSD's flat)")
	fs.BoolVar(&o.retag, "retag", false, "a word that the first --train file always tags one way takes that tag and lemma in the later files (GSD's su is DET, PUD's PRON)")
	fs.BoolVar(&o.xpos, "xpos", true, "learn the treebank's XPOS tags (false: XPOS is dropped, for treebanks without it or that disagree)")
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
	var train []*syntax.Sentence
	var relabel func(string) string
	var retag map[string]tagLemma
	for k, path := range strings.Split(o.train, ",") {
		if path == "" {
			continue
		}
		cs, err := syntax.ReadCoNLLUFile(ctx, path)
		if err != nil {
			return fmt.Errorf("train-syntax: %w", err)
		}
		ss := syntax.Sentences(cs)
		if k == 0 {
			if o.relabel {
				relabel = relabeling(ss)
			}
			if o.retag {
				retag = retagging(ss)
			}
		}
		if k > 0 {
			for _, s := range ss {
				for i := range s.Tokens {
					t := &s.Tokens[i]
					if relabel != nil {
						t.Rel = relabel(t.Rel)
					}
					if w, ok := retag[strings.ToLower(t.Form)]; ok {
						t.UPOS, t.Lemma = w.upos, w.lemma
					}
				}
			}
		}
		train = append(train, ss...)
	}
	var dev []*syntax.Sentence
	if o.dev != "" {
		cs, err := syntax.ReadCoNLLUFile(ctx, o.dev)
		if err != nil {
			return fmt.Errorf("train-syntax: %w", err)
		}
		dev = syntax.Sentences(cs)
	}
	if !o.xpos {
		for _, ss := range [][]*syntax.Sentence{train, dev} {
			for _, s := range ss {
				for i := range s.Tokens {
					s.Tokens[i].XPOS = ""
				}
			}
		}
	}
	m, err := syntax.Train(ctx, train, dev, o.opts)
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

// relabeling returns how to rename the relations of other treebanks to the conventions of
// the reference sentences: a relation the reference uses at least 10 times is kept; another
// becomes the reference's most frequent relation of its universal type (PUD's "flat:name"
// becomes GSD's "flat", "expl:pass" becomes "expl:pv"); a type the reference lacks is kept.
func relabeling(ref []*syntax.Sentence) func(string) string {
	counts := map[string]int{}
	for _, s := range ref {
		for _, t := range s.Tokens {
			counts[t.Rel]++
		}
	}
	byType := map[string]string{}
	for rel, n := range counts {
		b := baseRel(rel)
		if cur, ok := byType[b]; !ok || n > counts[cur] || n == counts[cur] && rel < cur {
			byType[b] = rel
		}
	}
	return func(rel string) string {
		if counts[rel] >= 10 {
			return rel
		}
		if to, ok := byType[baseRel(rel)]; ok {
			return to
		}
		return rel
	}
}

type tagLemma struct{ upos, lemma string }

// retagging returns the words (lower case) that the reference sentences always tag and
// lemmatize the same way, at least 10 times and 95% of the time, with that tag and lemma: the
// other treebanks' tokens of those words take them (UD Spanish GSD's "su" is DET, PUD's PRON).
func retagging(ref []*syntax.Sentence) map[string]tagLemma {
	counts := map[string]map[tagLemma]int{}
	for _, s := range ref {
		for _, t := range s.Tokens {
			w := strings.ToLower(t.Form)
			if counts[w] == nil {
				counts[w] = map[tagLemma]int{}
			}
			counts[w][tagLemma{t.UPOS, t.Lemma}]++
		}
	}
	out := map[string]tagLemma{}
	for w, m := range counts {
		total, bn := 0, 0
		var b tagLemma
		for tl, n := range m {
			total += n
			if n > bn || n == bn && tl.upos+tl.lemma < b.upos+b.lemma {
				b, bn = tl, n
			}
		}
		if bn >= 10 && bn*20 >= total*19 {
			out[w] = b
		}
	}
	return out
}

func baseRel(rel string) string {
	b, _, _ := strings.Cut(rel, ":")
	return b
}
