package syntax

import (
	"slices"
	"testing"
)

// TestMemoExact parses dev sentences with the embedded model and checks that, in every
// configuration, the scores with the memo are the same as without, bit for bit, and that the
// memo was used (its groups hit) and refilled (they missed).
func TestMemoExact(t *testing.T) {
	m := model(t)
	tb, ok := m.ps.model.(*table)
	if !ok {
		t.Fatal("the embedded parser is not a frozen table")
	}
	sents, _ := devSentences(t)
	if len(sents) > 300 {
		sents = sents[:300]
	}
	mm := m.ps.newMemo()
	want := make([]float32, m.ps.outputs())
	got := make([]float32, m.ps.outputs())
	var st pstate
	var pw pwords
	var feats []uint64
	configs := 0
	for _, s := range sents {
		m.Tag(s)
		x := m.scratch()
		m.tag(s, x)
		pw.fill(x.info, x.tags, m.tg.classes.coarse)
		st.reset(len(s.Tokens))
		for !st.done() {
			feats = st.features(&pw, feats[:0])
			tb.scores(feats, want)
			tb.scoresMemo(feats, mm, got)
			if !slices.Equal(got, want) {
				t.Fatalf("configuration %d: memo scores differ from the table's", configs)
			}
			configs++
			c := m.ps.best(&st, got)
			mv, l := moveOf(c, len(m.ps.labels))
			st.apply(mv, l)
		}
	}
	if configs == 0 || mm.hits == 0 || mm.misses == 0 {
		t.Fatalf("%d configurations, %d memo hits, %d misses", configs, mm.hits, mm.misses)
	}
	t.Logf("%d configurations, %d memo hits, %d misses", configs, mm.hits, mm.misses)
}
