package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/text"
)

const parseHelp = `Usage: alboran parse [options] INPUT...
       alboran parse --conllu-in FILE

Prints each sentence of the reports as the extractor sees it: UD tokens with their tags,
lemmas and dependency tree, in CoNLL-U (MISC gives each token's code-point offsets in the
report's text as TokenRange=START:END), or as a readable table with --format table. Inputs are
read as by 'alboran extract' (files, directories, feeds, JSON Lines, URLs, - for stdin).

With --conllu-in FILE, reads the sentences and tokens of a CoNLL-U file instead, tags and
parses them afresh and writes CoNLL-U with the same sentences, token ids, comments and
multiword ranges, so that a CoNLL-U scorer can compare it with the file. With --score it
prints instead how the model scores against the file's annotations: UPOS, XPOS, lemma, UAS and
LAS with the file's tokens, then the same (F1, words aligned by offsets) when the model's own
tokenizer splits each sentence's '# text' line.

Each report is parsed with the model and tokenizer of its language (en, es or fr), detected
from its title and text, or given with --lang; a report in another language is parsed as
English. A CoNLL-U file is English unless --lang says otherwise:

  alboran parse --lang es --format table informe.txt
  alboran parse --lang fr --score --conllu-in ../shared/corpora/ud-french/fr_gsd-ud-test.conllu
`

type parseOptions struct {
	format   string
	conlluIn string
	score    bool
	model    string
	lang     string
	inputs   []string
}

func cmdParse(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o parseOptions
	fs := newFlags("parse", parseHelp, stdout)
	fs.StringVar(&o.format, "format", "conllu", "output format: conllu or table")
	fs.StringVar(&o.conlluIn, "conllu-in", "", "re-tag and re-parse the tokens of this CoNLL-U file")
	fs.BoolVar(&o.score, "score", false, "with --conllu-in: print the scores against the file's annotations")
	fs.StringVar(&o.model, "model", "", "a model file written by train-syntax, instead of the embedded one")
	langf := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var err error
	if o.lang, err = checkLang("parse", *langf); err != nil {
		return err
	}
	if err := checkFormat("parse", o.format, "conllu", formatTable); err != nil {
		return err
	}
	o.inputs = fs.Args()
	if (o.conlluIn == "") == (len(o.inputs) == 0) {
		return usageError{"parse: give input reports, or --conllu-in FILE (see alboran parse --help)"}
	}
	if o.score && o.conlluIn == "" {
		return usageError{"parse: --score needs --conllu-in FILE"}
	}
	return runParse(ctx, o, stdin, stdout, stderr)
}

func runParse(ctx context.Context, o parseOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if o.conlluIn != "" {
		m, err := loadModel(o.model, o.lang)
		if err != nil {
			return err
		}
		if o.score {
			return scoreCoNLLU(ctx, m, o.lang, o.conlluIn, w)
		}
		return parseCoNLLU(ctx, m, o, w)
	}
	failed := false
	err := source.Options{Language: o.lang}.Read(ctx, o.inputs, stdin, func(it source.Item) error {
		if it.Err != nil {
			fmt.Fprintf(stderr, "alboran: %s: %v\n", it.Doc.Source, it.Err)
			failed = true
			return nil
		}
		lang := it.Doc.Language
		if !slices.Contains(syntax.Languages(), lang) {
			fmt.Fprintf(stderr, "alboran: warning: %s: language %q parsed as English\n", it.Doc.Source, lang)
			lang = syntax.English
		}
		m, err := loadModel(o.model, lang)
		if err != nil {
			return err
		}
		return parseDocument(ctx, m, lang, o, it.Doc.Source, it.Doc.Text, w)
	})
	if err != nil {
		return err
	}
	if failed {
		return errPartial
	}
	return nil
}

func parseCoNLLU(ctx context.Context, m *syntax.Model, o parseOptions, w *bufio.Writer) error {
	f, err := os.Open(o.conlluIn)
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	defer f.Close()
	err = syntax.ReadCoNLLU(ctx, f, func(c *syntax.ConllSentence) error {
		s := c.Sentence()
		m.Parse(s)
		if o.format == "table" {
			return writeTable(w, strings.Join(c.Comments, "\n"), s)
		}
		if err := c.Set(s); err != nil {
			return err
		}
		return syntax.WriteCoNLLU(w, c)
	})
	if err != nil {
		return fmt.Errorf("parse: %s: %w", o.conlluIn, err)
	}
	return nil
}

// parseDocument parses each sentence of a document as extraction splits it.
func parseDocument(ctx context.Context, m *syntax.Model, lang string, o parseOptions, name, body string, w *bufio.Writer) error {
	doc := text.Analyze(body)
	for i, sent := range doc.Sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw := doc.Text[sent.Start:sent.End]
		s := &syntax.Sentence{Tokens: syntax.TokenizeIn(lang, raw, doc.Runes(sent.Start))}
		m.Parse(s)
		oneLine := strings.Join(strings.Fields(raw), " ")
		id := name + "#" + strconv.Itoa(i+1)
		var err error
		if o.format == "table" {
			err = writeTable(w, "# "+id+": "+oneLine, s)
		} else {
			err = syntax.WriteCoNLLU(w, s.Conll("# sent_id = "+id, "# text = "+oneLine))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeTable prints a sentence as a table: each token with its tags, relation and head.
func writeTable(w io.Writer, title string, s *syntax.Sentence) error {
	if _, err := fmt.Fprintln(w, title); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  ID\tFORM\tLEMMA\tUPOS\tXPOS\tREL\tHEAD")
	for i, t := range s.Tokens {
		head := "ROOT"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head+1) + " " + s.Tokens[t.Head].Form
		}
		// The relation is indented by the token's depth, so the tree shows.
		depth := 0
		for h := t.Head; h >= 0 && depth < len(s.Tokens); h = s.Tokens[h].Head {
			depth++
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s%s\t%s\n", i+1, t.Form, t.Lemma, t.UPOS, t.XPOS, strings.Repeat(". ", min(depth, 12)), t.Rel, head)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// scoreCoNLLU scores the model against a CoNLL-U file, with its tokens and with the model's.
func scoreCoNLLU(ctx context.Context, m *syntax.Model, lang, path string, w io.Writer) error {
	cs, err := syntax.ReadCoNLLUFile(ctx, path)
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	gold := m.Evaluate(ctx, syntax.Sentences(cs))
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := m.EvaluateTextIn(ctx, lang, cs)
	if err != nil {
		return fmt.Errorf("parse: %s: %w", path, err)
	}
	fmt.Fprintf(w, "%s: %d sentences\n", path, len(cs))
	fmt.Fprintf(w, "  gold tokens:      %s\n", gold)
	fmt.Fprintf(w, "  own tokenization: %s\n", raw)
	return nil
}

// loadModel reads a model file, or returns the embedded model of language lang when path is
// empty.
func loadModel(path, lang string) (*syntax.Model, error) {
	if path == "" {
		return syntax.For(lang)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	defer f.Close()
	m, err := syntax.Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("parse: %s: %w", path, err)
	}
	return m, nil
}
