// Package storetest is the conformance suite that every store.Store passes unchanged: SQLite
// and PostgreSQL run the same tests.
package storetest

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/testcorpus"
)

// Entries extracts documents into entries.
func Entries(t testing.TB, docs []record.Document) []store.Entry {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lx)
	out := make([]store.Entry, len(docs))
	for i, d := range docs {
		out[i] = store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version}
	}
	return out
}

// PutAll stores entries in batches of size.
func PutAll(t testing.TB, st store.Store, es []store.Entry, size int) {
	t.Helper()
	for i := 0; i < len(es); i += size {
		if _, err := st.Put(context.Background(), es[i:min(i+size, len(es))]); err != nil {
			t.Fatal(err)
		}
	}
}

// Clusters maps each event (document source and event id) to its cluster id, from the export.
func Clusters(t testing.TB, st store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := st.Export(context.Background(), "events", func(row any) error {
		r := row.(store.EventRow)
		id := r.EventID[strings.IndexByte(r.EventID, '/')+1:]
		out[r.DocSource+"|"+id] = r.ClusterID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Run runs the suite; open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()

	t.Run("idempotent puts", func(t *testing.T) {
		st := open(t)
		es := Entries(t, testcorpus.Generate(20, 1))
		outs, err := st.Put(ctx, es)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range outs {
			if o != store.Inserted {
				t.Fatalf("entry %d: %v on the first put", i, o)
			}
		}
		before, _ := st.Counts(ctx)
		outs, err = st.Put(ctx, es)
		if err != nil {
			t.Fatal(err)
		}
		for i, o := range outs {
			if o != store.Unchanged {
				t.Fatalf("entry %d: %v on the second put", i, o)
			}
		}
		after, _ := st.Counts(ctx)
		if !reflect.DeepEqual(before, after) || before["events"] == 0 || before["mentions"] == 0 {
			t.Errorf("counts %v then %v", before, after)
		}
	})

	t.Run("a batch is all or nothing", func(t *testing.T) {
		st := open(t)
		es := Entries(t, testcorpus.Generate(2, 3))
		bad := es[1]
		bad.Extraction.Statistics = append(bad.Extraction.Statistics, bad.Extraction.Statistics...) // duplicate ids
		if _, err := st.Put(ctx, []store.Entry{es[0], bad}); err == nil {
			t.Fatal("a broken batch was stored")
		}
		c, _ := st.Counts(ctx)
		for table, n := range c {
			if n != 0 {
				t.Errorf("%s has %d rows after a failed batch", table, n)
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		st := open(t)
		PutAll(t, st, Entries(t, testcorpus.Generate(200, 4)), 100)
		tests := []struct {
			name string
			q    store.Query
			ok   func(store.Hit) bool
		}{
			{"words", store.Query{Text: "trafficking network"}, func(h store.Hit) bool {
				return strings.Contains(h.Title+" "+h.Text, "trafficking network")
			}},
			{"actor", store.Query{Text: "rescued", Actor: "GRC"}, func(h store.Hit) bool { return strings.Contains(h.Text, "Gree") }},
			{"type", store.Query{EventType: "COERCE"}, func(h store.Hit) bool { return h.Text != "" || h.Title != "" }},
			{"dates", store.Query{Text: "migrants", Since: "2020-01-01", Until: "2020-06"}, func(h store.Hit) bool {
				return h.Published >= "2020-01-01" && h.Published <= "2020-06-30"
			}},
		}
		for _, tt := range tests {
			hits, err := st.Search(ctx, tt.q)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if len(hits) == 0 {
				t.Errorf("%s: no hits", tt.name)
			}
			for _, h := range hits {
				if !tt.ok(h) {
					t.Errorf("%s: hit %q does not fit", tt.name, h.Title)
				}
			}
		}
		for _, q := range []string{`x' OR 1=1; DROP TABLE documents; --`, `") OR ("a`, `NEAR(a b)`} {
			if _, err := st.Search(ctx, store.Query{Text: q}); err != nil {
				t.Errorf("query %q: %v", q, err)
			}
		}
		if c, _ := st.Counts(ctx); c["documents"] != 200 {
			t.Errorf("%d documents after hostile queries", c["documents"])
		}
	})

	t.Run("figures, exports and documents", func(t *testing.T) {
		st := open(t)
		es := Entries(t, testcorpus.Generate(60, 5))
		PutAll(t, st, es, 30)
		figs, err := st.Figures(ctx, store.SeriesQuery{Category: "migrants_rescued"})
		if err != nil || len(figs) == 0 {
			t.Fatalf("%d figures (%v)", len(figs), err)
		}
		if !strings.Contains(figs[0].Evidence, "rescued") {
			t.Errorf("evidence %q", figs[0].Evidence)
		}
		c, _ := st.Counts(ctx)
		for _, table := range store.Tables {
			n := int64(0)
			if err := st.Export(ctx, table, func(any) error { n++; return nil }); err != nil {
				t.Fatal(err)
			}
			if n != c[table] {
				t.Errorf("%s: exported %d of %d", table, n, c[table])
			}
		}
		// The places extraction resolved come back from the export under ids made from the
		// content (the document's uid and the record's id), whichever store holds them.
		want, got := map[string]record.Geo{}, map[string]record.Geo{}
		for _, e := range es {
			for _, ev := range e.Extraction.Events {
				if ev.Place != nil {
					want[store.DocUID(e)+"/"+ev.ID] = *ev.Place
				}
			}
		}
		err = st.Export(ctx, "events", func(row any) error {
			r := row.(store.EventRow)
			if r.PlaceName != nil {
				got[r.EventID] = record.Geo{Name: *r.PlaceName, GeoNamesID: r.PlaceGeoNamesID, Kind: *r.PlaceKind,
					Country: deref(r.PlaceCountry), Region: deref(r.PlaceRegion), Lat: *r.PlaceLat, Lon: *r.PlaceLon}
			}
			return nil
		})
		if err != nil || len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("exported places (%v): %d, want %d as extracted", err, len(got), len(want))
		}
		recent, err := st.Recent(ctx, 0, 5)
		if err != nil || len(recent) != 5 {
			t.Fatalf("recent: %d %v", len(recent), err)
		}
		v, err := st.Document(ctx, recent[0].DocID)
		if err != nil || v.Text == "" || len(v.Records.Entities) == 0 {
			t.Fatalf("document: %+v %v", v.Doc, err)
		}
		places := 0
		for _, ev := range v.Records.Events {
			if ev.Place != nil {
				places++
			}
		}
		for _, f := range v.Records.Statistics {
			if f.Place != nil {
				places++
			}
		}
		if places == 0 {
			t.Errorf("document %d: no event or figure has its place", v.ID)
		}
		if _, err := st.Document(ctx, 1<<40); err != store.ErrNotFound {
			t.Errorf("a missing document gave %v", err)
		}
	})

	t.Run("reprocess", func(t *testing.T) {
		st := open(t)
		es := Entries(t, testcorpus.Generate(30, 6))
		for i := range es {
			es[i].Version = "0.0.1"
			es[i].Extraction.Events = nil
		}
		PutAll(t, st, es, 30)
		var ids []int64
		var fresh []store.Entry
		if err := st.Stale(ctx, extract.Version, func(s store.Stale) error {
			ids = append(ids, s.ID)
			fresh = append(fresh, Entries(t, []record.Document{s.Doc})...)
			return nil
		}); err != nil || len(ids) != 30 {
			t.Fatalf("%d stale (%v)", len(ids), err)
		}
		if err := st.Replace(ctx, ids, fresh); err != nil {
			t.Fatal(err)
		}
		n := 0
		st.Stale(ctx, extract.Version, func(store.Stale) error { n++; return nil })
		if c, _ := st.Counts(ctx); n != 0 || c["events"] == 0 {
			t.Errorf("%d stale after replace, %d events", n, c["events"])
		}
	})

	t.Run("feed state", func(t *testing.T) {
		st := open(t)
		want := store.FeedState{URL: "https://example.org/feed", ETag: `"a"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT", Failures: 2,
			NextPoll: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
		if err := st.SetFeedState(ctx, want); err != nil {
			t.Fatal(err)
		}
		if got, err := st.FeedState(ctx, want.URL); err != nil || !got.NextPoll.Equal(want.NextPoll) || got.ETag != want.ETag || got.Failures != 2 {
			t.Errorf("got %+v (%v)", got, err)
		}
	})

	t.Run("linking does not depend on order", func(t *testing.T) {
		docs, truth := testcorpus.Linked(25, 1)
		a, b := open(t), open(t)
		es := Entries(t, docs)
		PutAll(t, a, es, 17)
		rev := make([]store.Entry, len(es))
		for i := range es {
			rev[i] = es[len(es)-1-i]
		}
		PutAll(t, b, rev, 7)
		ca, cb := Clusters(t, a), Clusters(t, b)
		if !reflect.DeepEqual(ca, cb) || len(ca) == 0 {
			t.Errorf("clusters differ between two orders (%d and %d events)", len(ca), len(cb))
		}
		figs, _ := a.Figures(ctx, store.SeriesQuery{})
		conflicts := map[string]bool{}
		for _, c := range link.Claims(figs) {
			if c.Conflict {
				conflicts[c.Category+"|"+c.Country+"|"+c.Period] = true
			}
		}
		for _, s := range truth.Conflicts {
			if !conflicts[s] {
				t.Errorf("planted conflict %s not found", s)
			}
		}
		cs, err := a.Clusters(ctx, store.ClusterQuery{A: "MAR", Limit: 5})
		if err != nil || len(cs) == 0 || len(cs) > 5 {
			t.Errorf("a page of MAR clusters: %d (%v)", len(cs), err)
		}
		if ms, err := a.Months(ctx, "MAR", ""); err != nil || len(ms) == 0 {
			t.Errorf("months: %v %v", ms, err)
		}
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
