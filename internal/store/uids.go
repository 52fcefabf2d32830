package store

import (
	"context"
	"fmt"

	"github.com/alboran/alboran/internal/link"
)

// UIDFill gives the items of a list their stable ids (the doc_id of the exports, and
// doc_id/s1 for a record) in place of the store's row numbers, with one read of the store for
// the whole list: add the items, then call Fill. The API, the dashboard and the commands that
// list records all use it, so that the same report has the same ids everywhere.
type UIDFill struct {
	rows []int64
	sets []func(map[int64]string)
}

// Doc asks for the stable id of the document stored at row; set gets it ("" when the row is
// not stored).
func (f *UIDFill) Doc(row int64, set func(uid string)) {
	f.rows = append(f.rows, row)
	f.sets = append(f.sets, func(m map[int64]string) { set(m[row]) })
}

// Hits asks for the stable ids of ranked or recent reports.
func (f *UIDFill) Hits(hs []Hit) {
	for i := range hs {
		h := &hs[i]
		f.Doc(h.DocID, func(uid string) { h.DocUID = uid })
	}
}

// Figures asks for the stable ids of figures and of their reports.
func (f *UIDFill) Figures(fs []Figure) {
	for i := range fs {
		x := &fs[i]
		f.Doc(x.DocID, func(uid string) { x.DocUID, x.StatUID = uid, RecordID(uid, x.StatID) })
	}
}

// Claims asks for the stable ids of the figures listed in claims.
func (f *UIDFill) Claims(cs []link.Claim) {
	for i := range cs {
		for j := range cs[i].Groups {
			f.Figures(cs[i].Groups[j].Figures)
		}
	}
}

// Quotes asks for the stable ids of quotes, their reports and their speakers.
func (f *UIDFill) Quotes(qs []QuoteHit) {
	for i := range qs {
		q := &qs[i]
		f.Doc(q.DocID, func(uid string) {
			q.DocUID, q.QuoteUID, q.SpeakerEntity = uid, RecordID(uid, q.QuoteID), RecordID(uid, q.SpeakerEntity)
		})
	}
}

// Entities asks for the stable ids of the reports of entities' mentions.
func (f *UIDFill) Entities(es []link.Entity) {
	for i := range es {
		f.Mentions(es[i].Mentions)
	}
}

// Mentions asks for the stable ids of the reports of entity mentions.
func (f *UIDFill) Mentions(ms []link.Mention) {
	for i := range ms {
		m := &ms[i]
		f.Doc(m.DocID, func(uid string) { m.DocUID = uid })
	}
}

// Fill reads the stable ids asked for and sets them.
func (f *UIDFill) Fill(ctx context.Context, st Store) error {
	if len(f.rows) == 0 {
		return nil
	}
	seen := make(map[int64]bool, len(f.rows))
	rows := f.rows[:0]
	for _, r := range f.rows {
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	m, err := st.UIDs(ctx, rows)
	if err != nil {
		return fmt.Errorf("read stable ids: %w", err)
	}
	for _, set := range f.sets {
		set(m)
	}
	f.rows, f.sets = nil, nil
	return nil
}
