package testcorpus

import (
	"strings"
	"testing"
)

func TestGenerateIsDeterministicAndVaried(t *testing.T) {
	a, b := Generate(50, 7), Generate(50, 7)
	seen := map[string]bool{}
	for i := range a {
		if a[i].Text != b[i].Text {
			t.Fatalf("document %d differs between two runs with the same seed", i)
		}
		seen[a[i].Text] = true
		if !strings.HasPrefix(Report(a[i]), " date ") {
			t.Fatalf("report %d has no header", i)
		}
	}
	if len(seen) != 50 {
		t.Errorf("%d distinct texts in 50 documents", len(seen))
	}
}
