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

// Span is the part of a stored report to read: from code point Lo, N code points long.
type Span struct {
	Doc   int64
	Lo, N int
}

// SpanText is what ReadSpans gives for a span: its report's source, publication date and text.
type SpanText struct{ Source, Published, Text string }

// ReadSpans reads spans of stored reports, at most one per report, in one query; a report that
// is not stored has no entry.
type ReadSpans func(ctx context.Context, spans []Span) (map[int64]SpanText, error)

// CutEvidence fills in sentences of stored reports, reading each report's text once, from the
// start of its first sentence to the end of its last, and all the reports in one query: a list
// never reads a body whole, however many of its items one report holds, and costs one query
// however many reports it shows.
func CutEvidence(ctx context.Context, refs []EvidenceRef, read ReadSpans) error {
	if len(refs) == 0 {
		return nil
	}
	at := map[int64][]int{}
	var order []int64
	for i, r := range refs {
		if at[r.Doc] == nil {
			order = append(order, r.Doc)
		}
		at[r.Doc] = append(at[r.Doc], i)
	}
	spans := make([]Span, len(order))
	for k, doc := range order {
		lo, hi := 1<<62, 0
		for _, i := range at[doc] {
			lo, hi = min(lo, refs[i].Start), max(hi, refs[i].End)
		}
		lo = max(lo, 0)
		spans[k] = Span{Doc: doc, Lo: lo, N: max(hi-lo, 0)}
	}
	got, err := read(ctx, spans)
	if err != nil {
		return err
	}
	for _, sp := range spans {
		t, ok := got[sp.Doc]
		if !ok {
			continue
		}
		runes := []rune(t.Text)
		for _, i := range at[sp.Doc] {
			r := refs[i]
			if r.Source != nil {
				*r.Source = t.Source
			}
			if r.Published != nil {
				*r.Published = t.Published
			}
			if a, b := r.Start-sp.Lo, r.End-sp.Lo; r.Text != nil && a >= 0 && b <= len(runes) && a <= b {
				*r.Text = string(runes[a:b])
			}
		}
	}
	return nil
}
