package syntax

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Scores counts what a parse got right against gold annotations, as the CoNLL 2018 shared
// task scores them: a system word is matched to a gold word with the same offsets, and each
// figure is an F1 over the gold and system words (with gold tokens, an accuracy).
// Punctuation counts like any other word.
type Scores struct {
	Gold, System, Matched int // words in the gold, in the system output, and with the same span
	UPOS, XPOS, Lemma     int // matched words with the right tag or lemma
	UAS, LAS              int // matched words whose head is the matched gold head (and the relation is right)
}

func (s Scores) f1(x int) float64 {
	if s.Gold+s.System == 0 {
		return 0
	}
	return 100 * 2 * float64(x) / float64(s.Gold+s.System)
}

// Tokens, UPOSAcc, LemmaAcc, UASAcc and LASAcc are the figures in percent.
func (s Scores) Tokens() float64   { return s.f1(s.Matched) }
func (s Scores) UPOSAcc() float64  { return s.f1(s.UPOS) }
func (s Scores) XPOSAcc() float64  { return s.f1(s.XPOS) }
func (s Scores) LemmaAcc() float64 { return s.f1(s.Lemma) }
func (s Scores) UASAcc() float64   { return s.f1(s.UAS) }
func (s Scores) LASAcc() float64   { return s.f1(s.LAS) }

func (s Scores) String() string {
	out := fmt.Sprintf("UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (%d words)", s.UPOSAcc(), s.XPOSAcc(), s.LemmaAcc(), s.UASAcc(), s.LASAcc(), s.Gold)
	if s.Matched != s.Gold || s.System != s.Gold {
		out = fmt.Sprintf("tokens %.2f ", s.Tokens()) + out
	}
	return out
}

func (s *Scores) add(o Scores) {
	s.Gold += o.Gold
	s.System += o.System
	s.Matched += o.Matched
	s.UPOS += o.UPOS
	s.XPOS += o.XPOS
	s.Lemma += o.Lemma
	s.UAS += o.UAS
	s.LAS += o.LAS
}

// Evaluate parses a copy of each gold sentence's tokens (gold tokenization) and scores the
// result against the gold annotations.
func (m *Model) Evaluate(ctx context.Context, gold []*Sentence) Scores {
	var sc Scores
	for i, g := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			break
		}
		sys := &Sentence{Tokens: make([]Token, len(g.Tokens))}
		for k, t := range g.Tokens {
			sys.Tokens[k] = Token{Form: t.Form, Start: -1, End: -1, SpaceAfter: t.SpaceAfter}
		}
		m.Parse(sys)
		align := make([]int, len(g.Tokens))
		for k := range align {
			align[k] = k
		}
		sc.add(score(g, sys, align))
	}
	return sc
}

// score compares sys with gold given align, the system word matched to each gold word (-1
// for none).
func score(g, sys *Sentence, align []int) Scores {
	sc := Scores{Gold: len(g.Tokens), System: len(sys.Tokens)}
	for k, gt := range g.Tokens {
		j := align[k]
		if j < 0 {
			continue
		}
		st := sys.Tokens[j]
		sc.Matched++
		if st.UPOS == gt.UPOS {
			sc.UPOS++
		}
		if st.XPOS == gt.XPOS {
			sc.XPOS++
		}
		if st.Lemma == gt.Lemma {
			sc.Lemma++
		}
		headOK := (gt.Head < 0 && st.Head < 0) || (gt.Head >= 0 && st.Head >= 0 && align[gt.Head] == st.Head)
		if headOK {
			sc.UAS++
			if st.Rel == gt.Rel {
				sc.LAS++
			}
		}
	}
	return sc
}

// EvaluateText tokenizes the text of each gold sentence (its "# text =" comment) with
// Tokenize, parses it, and scores the result, words aligned by their offsets. Gold words of
// a multiword token ("don't" = "do" "n't") get the offsets of their part of its text when
// their forms spell it, else all of its span. Sentence boundaries are the gold ones.
func (m *Model) EvaluateText(ctx context.Context, gold []*ConllSentence) (Scores, error) {
	return m.EvaluateTextIn(ctx, English, gold)
}

// EvaluateTextIn is EvaluateText with the tokenizer of language lang (TokenizeIn). The words
// of a contraction ("del" = "de" "el") whose forms do not spell it all get its whole span, in
// the gold as in the system's words, and are aligned in order.
func (m *Model) EvaluateTextIn(ctx context.Context, lang string, gold []*ConllSentence) (Scores, error) {
	var sc Scores
	for i, c := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			return sc, ctx.Err()
		}
		text, ok := sentenceText(c)
		if !ok {
			return sc, fmt.Errorf("line %d: sentence has no '# text =' comment", c.Line)
		}
		g := c.Sentence()
		if err := goldOffsets(c, g, text); err != nil {
			return sc, fmt.Errorf("line %d: %w", c.Line, err)
		}
		sys := m.ParseTextIn(lang, text)
		// Words with the same span are matched in order: the k-th gold word of a span to the
		// k-th system word of the same span.
		at := map[[2]int][]int{}
		for j, t := range sys.Tokens {
			sp := [2]int{t.Start, t.End}
			at[sp] = append(at[sp], j)
		}
		align := make([]int, len(g.Tokens))
		for k, t := range g.Tokens {
			align[k] = -1
			sp := [2]int{t.Start, t.End}
			if js := at[sp]; len(js) > 0 {
				align[k] = js[0]
				at[sp] = js[1:]
			}
		}
		sc.add(score(g, sys, align))
	}
	return sc, nil
}

func sentenceText(c *ConllSentence) (string, bool) {
	for _, l := range c.Comments {
		if t, ok := strings.CutPrefix(l, "# text = "); ok {
			return t, true
		}
	}
	return "", false
}

// goldOffsets sets the code-point offsets of the gold words by finding each surface token of
// the sentence in its text, in order.
func goldOffsets(c *ConllSentence, g *Sentence, text string) error {
	pos := 0 // byte offset in text
	word := 0
	cp := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	find := func(form string) (int, int, error) {
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t') {
			pos++
		}
		if !strings.HasPrefix(text[pos:], form) {
			k := strings.Index(text[pos:], form)
			if k < 0 {
				return 0, 0, fmt.Errorf("token %q not found in the sentence's text", form)
			}
			pos += k
		}
		st := pos
		pos += len(form)
		return st, pos, nil
	}
	for r := 0; r < len(c.Rows); r++ {
		row := c.Rows[r]
		id := row[colID]
		switch {
		case strings.Contains(id, "."):
			continue
		case strings.Contains(id, "-"):
			var a, b int
			if _, err := fmt.Sscanf(id, "%d-%d", &a, &b); err != nil {
				return fmt.Errorf("bad range %q", id)
			}
			st, en, err := find(row[colForm])
			if err != nil {
				return err
			}
			// The words of the range follow it.
			n := b - a + 1
			var forms []string
			for k := 0; k < n && word+k < len(g.Tokens); k++ {
				forms = append(forms, g.Tokens[word+k].Form)
			}
			spelled := strings.Join(forms, "") == row[colForm]
			off := st
			for k := 0; k < n && word < len(g.Tokens); k++ {
				t := &g.Tokens[word]
				if spelled {
					t.Start, t.End = cp(off), cp(off+len(t.Form))
					off += len(t.Form)
				} else {
					t.Start, t.End = cp(st), cp(en)
				}
				word++
			}
			// Skip the word rows of the range.
			for k := 0; k < n && r+1 < len(c.Rows); {
				r++
				if IsWord(c.Rows[r]) {
					k++
				}
			}
		default:
			if word >= len(g.Tokens) {
				return fmt.Errorf("more rows than words")
			}
			st, en, err := find(row[colForm])
			if err != nil {
				return err
			}
			g.Tokens[word].Start, g.Tokens[word].End = cp(st), cp(en)
			word++
		}
	}
	return nil
}
