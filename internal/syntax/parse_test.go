package syntax

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// tokens makes a sentence of the given forms.
func tokens(forms ...string) *Sentence {
	s := &Sentence{}
	for _, f := range forms {
		s.Tokens = append(s.Tokens, Token{Form: f, Head: -1, Start: -1, End: -1})
	}
	return s
}

func TestParseEdgeCases(t *testing.T) {
	m := model(t)
	empty := tokens()
	m.Parse(empty)
	if !empty.Valid() || empty.Root() != -1 {
		t.Error("empty sentence: want a valid empty tree")
	}
	one := tokens("Hello")
	m.Parse(one)
	if !one.Valid() || one.Root() != 0 || one.Tokens[0].Rel != "root" {
		t.Errorf("one token: %+v", one.Tokens)
	}
	// 10,000 tokens: a tree, in linear time (BenchmarkLongSentence shows the cost per token).
	words := strings.Fields(strings.Repeat("the police said that 12 migrants , who arrived on Monday , were rescued and ", 700))[:10000]
	long := tokens(words...)
	m.Parse(long)
	if len(long.Tokens) != 10000 || !long.Valid() {
		t.Error("10,000 tokens: not a tree")
	}
	// Strange tokens: empty forms, control bytes, invalid UTF-8.
	odd := tokens("", "\x00", "\xff\xfe", "   ", "ẞ", "12,3.4", "--", "n't")
	m.Parse(odd)
	if !odd.Valid() {
		t.Errorf("odd tokens: not a tree: %+v", odd.Tokens)
	}
}

func TestParseConcurrent(t *testing.T) {
	m := model(t)
	want := m.ParseText("Spain and Morocco agreed to strengthen cooperation against smuggling networks.")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				got := m.ParseText("Spain and Morocco agreed to strengthen cooperation against smuggling networks.")
				for i := range got.Tokens {
					if got.Tokens[i] != want.Tokens[i] {
						t.Errorf("concurrent parse differs at %d: %+v vs %+v", i, got.Tokens[i], want.Tokens[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzParse(f *testing.F) {
	m := model(f)
	f.Add("")
	f.Add("Hello")
	f.Add("The boat was n't intercepted by the Spanish coast guard , officials said .")
	f.Add("\x00 \xff ) ( '' `` ... 9,179 U.S.")
	f.Fuzz(func(t *testing.T, in string) {
		// Any sequence of tokens: split on spaces, or the raw tokenizer's view of the text.
		for _, s := range []*Sentence{tokens(strings.Split(in, " ")...), {Tokens: Tokenize(in)}} {
			m.Parse(s)
			if !s.Valid() {
				t.Fatalf("not a tree for %q: %+v", in, s.Tokens)
			}
			for i, tk := range s.Tokens {
				if tk.Rel == "" || tk.UPOS == "" || (tk.Head < 0) != (i == s.Root()) {
					t.Fatalf("token %d unannotated or a second root: %+v", i, tk)
				}
			}
		}
		// Offsets from the tokenizer are in range and in order.
		n := len([]rune(in))
		last := 0
		for _, tk := range Tokenize(in) {
			if tk.Start < last || tk.End <= tk.Start || tk.End > n {
				t.Fatalf("bad offsets %d:%d (text of %d code points) for %q", tk.Start, tk.End, n, in)
			}
			last = tk.End
		}
	})
}

// devSentences returns the dev treebank's sentences with their forms only.
func devSentences(b *testing.B) ([]*Sentence, int) {
	cs, err := ReadCoNLLUFile(context.Background(), treebank(b, "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	var out []*Sentence
	n := 0
	for _, c := range cs {
		g := c.Sentence()
		forms := make([]string, len(g.Tokens))
		for i, t := range g.Tokens {
			forms[i] = t.Form
		}
		out = append(out, tokens(forms...))
		n += len(forms)
	}
	return out, n
}

// BenchmarkParse tags and parses the dev treebank (gold tokens) on one core and reports
// tokens per second. Run with GOMAXPROCS=1.
func BenchmarkParse(b *testing.B) {
	m := model(b)
	sents, n := devSentences(b)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Parse(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// BenchmarkLongSentence parses sentences of 1,000 and 10,000 tokens: the time per token stays
// the same, since parsing is linear.
func BenchmarkLongSentence(b *testing.B) {
	m := model(b)
	words := strings.Fields(strings.Repeat("the police said that 12 migrants , who arrived on Monday , were rescued and ", 700))
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s := tokens(words[:n]...)
			for b.Loop() {
				m.Parse(s)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/token")
		})
	}
}

// BenchmarkLoad decodes the embedded model (what Default does once per process).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Read(strings.NewReader(string(embedded))); err != nil {
			b.Fatal(err)
		}
	}
}
