package syntax

import (
	"slices"
	"testing"
)

// TestTable checks that a frozen table gives back each feature's pairs and sums their
// weights, and that of two features it cannot tell apart (same fingerprint, same probe
// path) it keeps the first and says so.
func TestTable(t *testing.T) {
	entries := []entry{
		{key: 1<<40 | 7, pairs: []uint32{pack(0, 5), pack(2, -3)}},
		{key: 2<<40 | 7, pairs: []uint32{pack(1, 9)}}, // same fingerprint and home as the first
		{key: 3<<50 | 8, pairs: []uint32{pack(1, 4)}},
		{key: 1<<62 | 9, pairs: []uint32{pack(0, -1), pack(1, 2), pack(2, 6)}},
	}
	tb, dropped := tableOf(3, entries, 1)
	if dropped != 1 {
		t.Fatalf("dropped %d features, want 1", dropped)
	}
	if got, want := tb.keys, []uint64{entries[0].key, entries[2].key, entries[3].key}; !slices.Equal(got, want) {
		t.Fatalf("keys %x, want %x", got, want)
	}
	for _, e := range []entry{entries[0], entries[2], entries[3]} {
		if got := tb.pairs(e.key, nil); !slices.Equal(got, e.pairs) {
			t.Errorf("pairs of %x: %x, want %x", e.key, got, e.pairs)
		}
	}
	if got := tb.pairs(5<<30|11, nil); len(got) != 0 {
		t.Errorf("pairs of an absent feature: %x", got)
	}
	out := make([]float32, 3)
	tb.scores([]uint64{entries[0].key, entries[2].key, entries[3].key, 5<<30 | 11}, out)
	if want := []float32{5 - 1, 4 + 2, -3 + 6}; !slices.Equal(out, want) {
		t.Errorf("scores %v, want %v", out, want)
	}
}
