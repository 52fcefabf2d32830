package store

import "context"

// EvidenceRef is a sentence to cut from a stored report, by code points, and where to put it,
// its report's source and its publication date (any may be nil).
type EvidenceRef struct {
	Doc               int64
	Start, End        int
	Text              *string
	Source, Published *string
}

// ReadSpan reads a stored report's source, publication date and the text from code point lo,
// n code points long; ok is false when there is no such report.
type ReadSpan func(ctx context.Context, doc int64, lo, n int) (source, published, text string, ok bool, err error)

// CutEvidence fills in sentences of stored reports, reading each report's text once, from the
// start of its first sentence to the end of its last: a list never reads a body whole, however
// many of its items one report holds.
func CutEvidence(ctx context.Context, refs []EvidenceRef, read ReadSpan) error {
	at := map[int64][]int{}
	var order []int64
	for i, r := range refs {
		if at[r.Doc] == nil {
			order = append(order, r.Doc)
		}
		at[r.Doc] = append(at[r.Doc], i)
	}
	for _, doc := range order {
		lo, hi := 1<<62, 0
		for _, i := range at[doc] {
			lo, hi = min(lo, refs[i].Start), max(hi, refs[i].End)
		}
		lo = max(lo, 0)
		source, published, text, ok, err := read(ctx, doc, lo, max(hi-lo, 0))
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		runes := []rune(text)
		for _, i := range at[doc] {
			r := refs[i]
			if r.Source != nil {
				*r.Source = source
			}
			if r.Published != nil {
				*r.Published = published
			}
			if a, b := r.Start-lo, r.End-lo; r.Text != nil && a >= 0 && b <= len(runes) && a <= b {
				*r.Text = string(runes[a:b])
			}
		}
	}
	return nil
}
