package syntax

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// CoNLL-U columns.
const (
	colID = iota
	colForm
	colLemma
	colUPOS
	colXPOS
	colFeats
	colHead
	colDeprel
	colDeps
	colMisc
)

// ConllSentence is one sentence of a CoNLL-U file as written: its comment lines and its rows
// (words, multiword token ranges such as "3-4 don't", and empty nodes such as "8.1"), in file
// order, each with its ten columns. Writing it back gives the same lines.
type ConllSentence struct {
	Comments []string // whole lines, with their "#"
	Rows     [][10]string
	Line     int // line number of the sentence's first line in its file
}

// IsWord reports whether row r is a syntactic word (an integer ID), not a range or empty node.
func IsWord(r [10]string) bool {
	id := r[colID]
	return id != "" && !strings.ContainsAny(id, "-.")
}

// ErrCoNLLU marks malformed CoNLL-U input; the error text names the line.
var ErrCoNLLU = errors.New("malformed CoNLL-U")

// ReadCoNLLU reads CoNLL-U sentences from r and calls fn with each, in order. A line that is
// not ten tab-separated columns, a word whose ID is out of sequence, or a HEAD that is not a
// number in range is an error naming its line. fn's error stops the reading and is returned.
func ReadCoNLLU(ctx context.Context, r io.Reader, fn func(*ConllSentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	cur := &ConllSentence{}
	lineNo := 0
	words := 0
	flush := func() error {
		if len(cur.Rows) == 0 && len(cur.Comments) == 0 {
			return nil
		}
		if len(cur.Rows) == 0 {
			return fmt.Errorf("line %d: %w: a sentence with comments and no words", cur.Line, ErrCoNLLU)
		}
		for _, row := range cur.Rows {
			if !IsWord(row) || row[colHead] == "_" {
				continue
			}
			h, err := strconv.Atoi(row[colHead])
			if err != nil || h < 0 || h > words {
				return fmt.Errorf("line %d: %w: head %q of word %s is not in 0..%d", cur.Line, ErrCoNLLU, row[colHead], row[colID], words)
			}
		}
		err := fn(cur)
		cur = &ConllSentence{}
		words = 0
		return err
	}
	for sc.Scan() {
		lineNo++
		if lineNo%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if len(cur.Rows) == 0 && len(cur.Comments) == 0 {
			cur.Line = lineNo
		}
		if strings.HasPrefix(line, "#") {
			if len(cur.Rows) > 0 {
				return fmt.Errorf("line %d: %w: a comment inside a sentence (a blank line must end each sentence)", lineNo, ErrCoNLLU)
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return fmt.Errorf("line %d: %w: %d columns, want 10 separated by tabs", lineNo, ErrCoNLLU, len(cols))
		}
		var row [10]string
		copy(row[:], cols)
		if IsWord(row) {
			id, err := strconv.Atoi(row[colID])
			if err != nil || id != words+1 {
				return fmt.Errorf("line %d: %w: word id %q, want %d", lineNo, ErrCoNLLU, row[colID], words+1)
			}
			words++
		}
		cur.Rows = append(cur.Rows, row)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read conllu: %w", err)
	}
	return flush()
}

// WriteCoNLLU writes one sentence in CoNLL-U, ending with the blank line.
func WriteCoNLLU(w io.Writer, s *ConllSentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for _, r := range s.Rows {
		for k, f := range r {
			if k > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(f)
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// Sentence returns the sentence's syntactic words with their annotations (heads as 0-based
// indexes, -1 for the root; an unannotated head "_" becomes -1 with an empty relation).
// Offsets are -1: a CoNLL-U file carries no text positions.
func (c *ConllSentence) Sentence() *Sentence {
	s := &Sentence{}
	for _, r := range c.Rows {
		if !IsWord(r) {
			continue
		}
		t := Token{Form: r[colForm], Lemma: und(r[colLemma]), UPOS: und(r[colUPOS]), XPOS: und(r[colXPOS]),
			Feats: und(r[colFeats]), Head: -1, Rel: und(r[colDeprel]), Start: -1, End: -1, SpaceAfter: true}
		if h, err := strconv.Atoi(r[colHead]); err == nil {
			t.Head = h - 1
		}
		for _, m := range strings.Split(r[colMisc], "|") {
			if m == "SpaceAfter=No" {
				t.SpaceAfter = false
			}
		}
		s.Tokens = append(s.Tokens, t)
	}
	return s
}

// Set replaces the annotation columns of the sentence's words (LEMMA, UPOS, XPOS, FEATS,
// HEAD, DEPREL) with those of s, which must have one token per word; DEPS becomes "_" since
// enhanced dependencies are not predicted. IDs, forms, MISC, ranges, empty nodes and comments
// are kept.
func (c *ConllSentence) Set(s *Sentence) error {
	k := 0
	for i, r := range c.Rows {
		if !IsWord(r) {
			continue
		}
		if k >= len(s.Tokens) {
			return fmt.Errorf("line %d: sentence has more words than the %d parsed tokens", c.Line, len(s.Tokens))
		}
		t := s.Tokens[k]
		r[colLemma], r[colUPOS], r[colXPOS], r[colFeats] = orUnd(t.Lemma), orUnd(t.UPOS), orUnd(t.XPOS), orUnd(t.Feats)
		r[colHead], r[colDeprel], r[colDeps] = strconv.Itoa(t.Head+1), orUnd(t.Rel), "_"
		c.Rows[i] = r
		k++
	}
	if k != len(s.Tokens) {
		return fmt.Errorf("line %d: sentence has %d words, parsed %d tokens", c.Line, k, len(s.Tokens))
	}
	return nil
}

// Conll returns s as a CoNLL-U sentence with the given comment lines; MISC carries
// SpaceAfter=No and the token's code-point offsets as TokenRange=START:END.
func (s *Sentence) Conll(comments ...string) *ConllSentence {
	c := &ConllSentence{Comments: comments}
	for i, t := range s.Tokens {
		var misc []string
		if !t.SpaceAfter {
			misc = append(misc, "SpaceAfter=No")
		}
		if t.Start >= 0 {
			misc = append(misc, "TokenRange="+strconv.Itoa(t.Start)+":"+strconv.Itoa(t.End))
		}
		m := "_"
		if len(misc) > 0 {
			m = strings.Join(misc, "|")
		}
		c.Rows = append(c.Rows, [10]string{strconv.Itoa(i + 1), orUnd(t.Form), orUnd(t.Lemma), orUnd(t.UPOS), orUnd(t.XPOS),
			orUnd(t.Feats), strconv.Itoa(t.Head + 1), orUnd(t.Rel), "_", m})
	}
	return c
}

func und(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func orUnd(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ReadCoNLLUFile reads every sentence of a CoNLL-U file.
func ReadCoNLLUFile(ctx context.Context, path string) ([]*ConllSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	defer f.Close()
	var out []*ConllSentence
	err = ReadCoNLLU(ctx, f, func(s *ConllSentence) error {
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// Sentences returns the syntactic words of each CoNLL-U sentence.
func Sentences(cs []*ConllSentence) []*Sentence {
	out := make([]*Sentence, len(cs))
	for i, c := range cs {
		out[i] = c.Sentence()
	}
	return out
}
