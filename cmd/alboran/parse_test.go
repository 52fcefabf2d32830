package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/syntax"
)

const smallCoNLLU = `# sent_id = a
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = b
# text = Spain rescued 50 migrants and Morocco 20.
1	Spain	Spain	PROPN	NNP	_	2	nsubj	2:nsubj	_
2	rescued	rescue	VERB	VBD	_	0	root	0:root	_
3	50	50	NUM	CD	_	4	nummod	4:nummod	_
4	migrants	migrant	NOUN	NNS	_	2	obj	2:obj	_
5	and	and	CCONJ	CC	_	6	cc	6:cc	_
6	Morocco	Morocco	PROPN	NNP	_	2	conj	2:conj:and	_
6.1	rescued	rescue	VERB	VBD	_	_	_	2:conj:and	CopyOf=2
7	20	20	NUM	CD	_	6	orphan	6.1:obj	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	2:punct	_

`

// TestParseCoNLLUKeepsSentencesAndIDs: --conllu-in writes the same sentences, comments, ids,
// forms, ranges, empty nodes and MISC, with fresh tags and trees.
func TestParseCoNLLUKeepsSentencesAndIDs(t *testing.T) {
	p := write(t, t.TempDir(), "in.conllu", []byte(smallCoNLLU))
	code, out, errOut := runCLI(t, "", "parse", "--conllu-in", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var in, got []*syntax.ConllSentence
	read := func(s string, into *[]*syntax.ConllSentence) {
		err := syntax.ReadCoNLLU(context.Background(), strings.NewReader(s), func(c *syntax.ConllSentence) error {
			*into = append(*into, c)
			return nil
		})
		if err != nil {
			t.Fatalf("%v in\n%s", err, s)
		}
	}
	read(smallCoNLLU, &in)
	read(out, &got)
	if len(got) != len(in) {
		t.Fatalf("%d sentences out, %d in", len(got), len(in))
	}
	for i := range in {
		if strings.Join(in[i].Comments, "\n") != strings.Join(got[i].Comments, "\n") || len(in[i].Rows) != len(got[i].Rows) {
			t.Fatalf("sentence %d: comments or rows changed:\n%s", i, out)
		}
		for r := range in[i].Rows {
			a, b := in[i].Rows[r], got[i].Rows[r]
			if a[0] != b[0] || a[1] != b[1] || a[9] != b[9] {
				t.Errorf("sentence %d row %d: id, form or misc changed: %v -> %v", i, r, a, b)
			}
			if syntax.IsWord(b) && (b[3] == "_" || b[6] == "_" || b[7] == "_") {
				t.Errorf("sentence %d row %d: word not annotated: %v", i, r, b)
			}
		}
		if s := got[i].Sentence(); !s.Valid() {
			t.Errorf("sentence %d: not a tree", i)
		}
	}
}

func TestParseReportTable(t *testing.T) {
	code, out, errOut := runCLI(t, "The coast guard rescued 50 migrants on Monday. Nobody was hurt.", "parse", "--format", "table", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Count(out, "ROOT") != 2 || !strings.Contains(out, "rescued") || !strings.Contains(out, "rescue") {
		t.Errorf("want two sentences, each with a root, and lemmas:\n%s", out)
	}
	code, out, _ = runCLI(t, "Talks aren't over.", "parse", "-")
	if code != 0 || !strings.Contains(out, "n't") || !strings.Contains(out, "TokenRange=") || !strings.Contains(out, "# text = Talks aren't over.") {
		t.Errorf("CoNLL-U of a report: exit %d\n%s", code, out)
	}
}

func TestParseAndTrainUsage(t *testing.T) {
	for _, args := range [][]string{{"parse"}, {"parse", "--format", "xml", "x.txt"}, {"parse", "--score", "x.txt"}, {"train-syntax"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	p := write(t, t.TempDir(), "bad.conllu", []byte("1\tonly two\n"))
	code, _, errOut := runCLI(t, "", "parse", "--conllu-in", p)
	if code != exitFailed || !strings.Contains(errOut, "line 1") {
		t.Errorf("bad CoNLL-U: exit %d, %q; want 1 and the line", code, errOut)
	}
}

// TestParseLanguages: a report is parsed with its language's tokenizer and model, detected or
// given with --lang; a --lang that has no model is a usage error.
func TestParseLanguages(t *testing.T) {
	es := "../../internal/lang/testdata/es-almeria.txt"
	fr := "../../internal/lang/testdata/fr-nador.txt"
	for _, args := range [][]string{{"parse", "--format", "table", es}, {"parse", "--lang", "es", "--format", "table", es}} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if !strings.Contains(out, "detener") || !regexpMatch(`\n\s+\d+\s+de\s+de\s+ADP`, out) || !regexpMatch(`\n\s+\d+\s+el\s+el\s+DET`, out) {
			t.Errorf("%v: no Spanish lemma or no de+el for del:\n%s", args, out)
		}
	}
	code, out, errOut := runCLI(t, "", "parse", fr)
	if code != 0 || !strings.Contains(out, "arrêter") || !strings.Contains(out, "TokenRange") {
		t.Errorf("French report: exit %d, %s\n%s", code, errOut, out)
	}
	if code, _, errOut := runCLI(t, "", "parse", "--lang", "de", es); code != 2 || !strings.Contains(errOut, "want en, es or fr") {
		t.Errorf("--lang de: exit %d, %s", code, errOut)
	}
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }
