// Package storetest is the conformance suite that every store.Store passes unchanged: SQLite
// and PostgreSQL run the same tests.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
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

// Roles maps each event (document source and event id) to its role in its cluster.
func Roles(t testing.TB, st store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := st.Export(context.Background(), "events", func(row any) error {
		r := row.(store.EventRow)
		out[r.DocSource+"|"+r.EventID[strings.IndexByte(r.EventID, '/')+1:]] = r.ClusterRole
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// devDir is where the dev reports are, from a store's package directory.
const devDir = "../../../../shared/eval/dev"

// DevReports reads the dev reports beside the project: in CI they must be there.
func DevReports(t testing.TB) []record.Document {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(devDir, "*.txt"))
	if len(paths) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("the dev reports are needed in CI: %s is missing", devDir)
		}
		t.Skipf("%s is missing", devDir)
	}
	var docs []record.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		it := source.Report(p, raw)
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		docs = append(docs, it.Doc)
	}
	return docs
}

// Linked gives each event (document source and event id) the cluster and role that
// link.Clusters gives all the entries' events at once, and their dates.
func Linked(es []store.Entry) (clusters, roles, dates map[string]string) {
	var evs []link.Event
	name := map[string]string{}
	dates = map[string]string{}
	for _, e := range es {
		uid := store.DocUID(e)
		for _, ev := range e.Extraction.Events {
			le := link.EventOf(uid+"/"+ev.ID, ev, e.Extraction.Statistics, published(e.Doc.Published))
			evs = append(evs, le)
			name[le.ID] = e.Doc.Source + "|" + ev.ID
			dates[name[le.ID]] = le.Date
		}
	}
	clusters, roles = map[string]string{}, map[string]string{}
	for uid, m := range link.Clusters(evs) {
		clusters[name[uid]] = m.Cluster
		roles[name[uid]] = "member"
		if m.Mention {
			roles[name[uid]] = "mention"
		}
	}
	return clusters, roles, dates
}

// Run runs the suite; open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	t.Run("aggregates", func(t *testing.T) { Aggregates(t, open) })
	t.Run("pages", func(t *testing.T) { Pages(t, open) })

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
		// Each document is found by its key, and its row holds it.
		for i, e := range es[:3] {
			h, u := store.Key(e.Doc)
			id, err := st.Lookup(ctx, store.DocKey{Hash: h, URL: u})
			if err != nil {
				t.Fatalf("entry %d: lookup: %v", i, err)
			}
			v, err := st.Document(ctx, id)
			if err != nil || v.Doc.Title != e.Doc.Title {
				t.Errorf("entry %d: row %d holds %q (%v), want %q", i, id, v.Doc.Title, err, e.Doc.Title)
			}
		}
		if _, err := st.Lookup(ctx, store.DocKey{Hash: "0000", URL: "nowhere"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("lookup of an unknown key: %v, want ErrNotFound", err)
		}
		// Each document is found by its stable id too, and gives it back by its row.
		var rows []int64
		for i, e := range es {
			h, u := store.Key(e.Doc)
			id, err := st.Find(ctx, store.UID(h, u))
			if err != nil {
				t.Fatalf("entry %d: find: %v", i, err)
			}
			rows = append(rows, id)
		}
		uids, err := st.UIDs(ctx, append(rows, 1<<40))
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range es {
			if want := store.UID(store.Key(e.Doc)); uids[rows[i]] != want {
				t.Errorf("entry %d: row %d has the stable id %q, want %q", i, rows[i], uids[rows[i]], want)
			}
		}
		if len(uids) != len(es) {
			t.Errorf("%d stable ids for %d documents and a row that is not stored", len(uids), len(es))
		}
		if _, err := st.Find(ctx, "0000000000000000"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("find of an unknown id: %v, want ErrNotFound", err)
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
		// Places reads the export's places, in its order, and stops at its limit.
		for _, table := range []string{"events", "statistics"} {
			var inOrder []record.Geo
			err := st.Export(ctx, table, func(row any) error {
				var c store.PlaceColumns
				switch r := row.(type) {
				case store.EventRow:
					c = r.PlaceColumns
				case store.StatisticRow:
					c = r.PlaceColumns
				}
				if c.PlaceName != nil {
					inOrder = append(inOrder, record.Geo{Name: *c.PlaceName, Lat: *c.PlaceLat, Lon: *c.PlaceLon})
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, limit := range []int{int(c[table]) + 5, 7} {
				ps, n, err := st.Places(ctx, table, limit)
				var gotPlaces []record.Geo
				for _, p := range ps {
					gotPlaces = append(gotPlaces, record.Geo{Name: p.Name, Lat: p.Lat, Lon: p.Lon})
				}
				if want := min(limit, int(c[table])); err != nil || n != want {
					t.Errorf("places of %s up to %d: %d rows read (%v), want %d", table, limit, n, err, want)
				}
				if len(gotPlaces) > len(inOrder) || !reflect.DeepEqual(gotPlaces, inOrder[:len(gotPlaces)]) ||
					limit > int(c[table]) && len(gotPlaces) != len(inOrder) {
					t.Errorf("places of %s up to %d: %d, not the export's %d in its order", table, limit, len(gotPlaces), len(inOrder))
				}
			}
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

	t.Run("text a database cannot store", func(t *testing.T) {
		// NUL characters and a byte that is not UTF-8, in a batch with a clean document: both
		// are stored, each bad character as U+FFFD, and the records' offsets still point at
		// their words.
		st := open(t)
		docs := testcorpus.Generate(2, 7)
		docs[1].Text = strings.Replace(docs[1].Text, " ", " \x00", 3) + " \xff end."
		docs[1].Title += "\x00"
		es := Entries(t, docs)
		if _, err := st.Put(ctx, es); err != nil {
			t.Fatalf("a batch with NUL characters: %v", err)
		}
		recent, err := st.Recent(ctx, 0, 5)
		if err != nil || len(recent) != 2 {
			t.Fatalf("recent: %d %v", len(recent), err)
		}
		for _, r := range recent {
			v, err := st.Document(ctx, r.DocID)
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsRune(v.Text, 0) || strings.ContainsRune(v.Doc.Title, 0) || !utf8.ValidString(v.Text) {
				t.Errorf("document %d stored with NUL or invalid UTF-8", r.DocID)
			}
			if v.Doc.Source == docs[1].Source && strings.Count(v.Text, "\uFFFD") != 4 {
				t.Errorf("%d replacement characters in the stored text, want 4", strings.Count(v.Text, "\uFFFD"))
			}
			if v.Doc.Source != docs[1].Source {
				continue
			}
			stored, orig := []rune(v.Text), []rune(docs[1].Text)
			if len(stored) != len(orig) {
				t.Fatalf("the stored text has %d code points, the original %d", len(stored), len(orig))
			}
			for _, en := range v.Records.Entities {
				for _, m := range en.Mentions {
					if a, b := string(stored[m.Start:m.End]), strings.ReplaceAll(string(orig[m.Start:m.End]), "\x00", "\uFFFD"); a != b {
						t.Errorf("mention %v of %q reads %q in the stored text, %q in the original", m, en.Name, a, b)
					}
				}
			}
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
		// Reprocessing rebuilds the clusters: those of linking the new records from scratch.
		want, roles, _ := Linked(fresh)
		if got := Clusters(t, st); !reflect.DeepEqual(got, want) {
			t.Errorf("clusters after reprocess differ from linking the new records afresh")
		}
		if got := Roles(t, st); !reflect.DeepEqual(got, roles) {
			t.Errorf("roles after reprocess differ from linking the new records afresh")
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

	t.Run("the dev reports link alike in any order", func(t *testing.T) {
		es := Entries(t, DevReports(t))
		want, roles, dates := Linked(es)
		r := rand.New(rand.NewPCG(16, 16))
		for round := 0; round < 2; round++ {
			st := open(t)
			r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
			for i := 0; i < len(es); {
				n := 1 + r.IntN(20)
				PutAll(t, st, es[i:min(i+n, len(es))], n)
				i += n
			}
			got := Clusters(t, st)
			if !reflect.DeepEqual(got, want) {
				n := 0
				for k, v := range got {
					if want[k] != v {
						n++
					}
				}
				t.Fatalf("order %d: %d of %d events are not in the clusters that linking all the reports at once gives", round, n, len(got))
			}
			if got := Roles(t, st); !reflect.DeepEqual(got, roles) {
				t.Errorf("order %d: roles differ from linking all the reports at once", round)
			}
			CheckDyads(t, st, fmt.Sprintf("order %d", round))
			// No cluster's day-precise dates span more than one day.
			days := map[string][2]string{}
			for ev, c := range got {
				if roles[ev] != "member" {
					continue
				}
				d, ok := days[c]
				if !ok {
					d = [2]string{dates[ev], dates[ev]}
				}
				d[0], d[1] = min(d[0], dates[ev]), max(d[1], dates[ev])
				days[c] = d
			}
			for c, d := range days {
				lo, _ := time.Parse(time.DateOnly, d[0])
				hi, _ := time.Parse(time.DateOnly, d[1])
				if hi.Sub(lo) > 24*time.Hour {
					t.Errorf("cluster %s spans %s to %s", c, d[0], d[1])
				}
			}
		}
	})
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Texts returns the stored documents' texts by source.
func Texts(t testing.TB, st store.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for before := int64(0); ; {
		page, err := st.Recent(ctx, before, 200)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		for _, h := range page {
			v, err := st.Document(ctx, h.DocID)
			if err != nil {
				t.Fatal(err)
			}
			out[v.Doc.Source] = v.Text
			before = h.DocID
		}
	}
}

// Aggregates checks what the writes keep against what the rows say: the counts, the clusters
// per dyad, and the stored claims, after puts and after a reprocess.
func Aggregates(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	docs, _ := testcorpus.Linked(25, 3)
	docs = append(docs, testcorpus.Generate(120, 8)...)
	es := Entries(t, docs)
	st := open(t)
	PutAll(t, st, es[:len(es)/2], 40)
	PutAll(t, st, es, 33) // the first half again: unchanged, adds nothing
	check := func(when string) {
		t.Helper()
		CheckAggregates(t, st, when)
	}
	check("after puts")
	byRole := map[string]int{}
	for _, r := range Roles(t, st) {
		byRole[r]++
	}
	if byRole["mention"] == 0 || byRole["member"] == 0 {
		t.Errorf("the corpus gives %v: the clusters per dyad are not checked on members and mentions", byRole)
	}
	// Listed clusters give each mention its role, as the export does.
	roles := Roles(t, st)
	dyads, err := st.Dyads(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, d := range dyads {
		cs, err := st.Clusters(ctx, store.ClusterQuery{A: d.A, B: d.B, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			for _, m := range c.Mentions {
				k := m.DocSource + "|" + m.UID[strings.IndexByte(m.UID, '/')+1:]
				if m.Role != roles[k] {
					t.Errorf("cluster %s lists %s as %q, the export says %q", c.ID, k, m.Role, roles[k])
				}
				listed[m.Role]++
			}
		}
	}
	if listed["mention"] == 0 || listed["member"] == 0 {
		t.Errorf("the cluster lists show %v: no roles to check", listed)
	}

	// Reprocess half the documents with their figures changed: the aggregates follow.
	var ids []int64
	var fresh []store.Entry
	n := 0
	if err := st.Stale(ctx, "none", func(s store.Stale) error {
		n++
		if n%2 == 0 {
			return nil
		}
		e := Entries(t, []record.Document{s.Doc})[0]
		for i := range e.Extraction.Statistics {
			e.Extraction.Statistics[i].Value += float64(n % 3 * 1000)
		}
		if n%5 == 0 {
			e.Extraction.Events = nil
		}
		if n%3 == 0 {
			// Names some reports gave no longer given: kept counts drop, some to none, and
			// some lose their first report.
			e.Extraction.Entities = e.Extraction.Entities[:len(e.Extraction.Entities)/2]
		}
		ids, fresh = append(ids, s.ID), append(fresh, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.Replace(ctx, ids, fresh); err != nil {
		t.Fatal(err)
	}
	check("after a reprocess")
}

// CheckAggregates checks what the writes keep against what the rows say: the counts, the
// clusters per dyad, the claims and the ways reports name people and organizations. when
// names the moment in the errors.
func CheckAggregates(t testing.TB, st store.Store, when string) {
	t.Helper()
	ctx := context.Background()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mentions := int64(0)
	if err := st.Export(ctx, "entities", func(row any) error { mentions += row.(store.EntityRow).Mentions; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, table := range store.Tables {
		n := int64(0)
		if err := st.Export(ctx, table, func(any) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if c[table] != n || n == 0 {
			t.Errorf("%s: %s counted %d, %d rows", when, table, c[table], n)
		}
	}
	if c["mentions"] != mentions {
		t.Errorf("%s: mentions counted %d, %d in the entities", when, c["mentions"], mentions)
	}
	CheckDyads(t, st, when)
	// Claims, from the figures.
	figs, err := st.Figures(ctx, store.SeriesQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := link.Claims(figs)
	got, err := st.Claims(ctx, store.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%s: %d claims stored, %d from the figures", when, len(got), len(want))
	}
	conflicts := 0
	for i := range want {
		a, b := got[i], want[i]
		if a.Category != b.Category || a.Country != b.Country || a.Period != b.Period || a.Conflict != b.Conflict ||
			a.Reports != b.Reports || a.Total != b.Total || a.Why != b.Why || a.Groups[a.Chosen].Value != b.Groups[b.Chosen].Value {
			t.Errorf("%s: claim %s %s %s stored %+v, from the figures %+v", when, b.Category, b.Country, b.Period, a, b)
			continue
		}
		for j := range a.Groups {
			if a.Groups[j].Sources != b.Groups[j].Sources || a.Groups[j].Count != b.Groups[j].Count || len(a.Groups[j].Figures) == 0 {
				t.Errorf("%s: claim %s %s %s group %d stored %+v, from the figures %+v", when, b.Category, b.Country, b.Period, j, a.Groups[j], b.Groups[j])
			}
		}
		if a.Conflict {
			conflicts++
		}
	}
	// The ways reports name people and organizations, from the entities; the export names a
	// document by its key, the kept counts by its row id.
	ids := map[string]int64{}
	if err := st.Stale(ctx, "none", func(s store.Stale) error {
		ids[store.UID(store.Key(s.Doc))] = s.ID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	type nameKey struct{ typ, name, country, code, titles string }
	byKey := map[string]map[nameKey]map[int64]bool{}
	if err := st.Export(ctx, "entities", func(row any) error {
		r := row.(store.EntityRow)
		k := store.NameKey(r.Type, deref(r.Code), store.Surname(record.Entity{Type: r.Type, Name: r.Name}))
		if k == "" {
			return nil
		}
		if byKey[k] == nil {
			byKey[k] = map[nameKey]map[int64]bool{}
		}
		nk := nameKey{r.Type, r.Name, deref(r.Country), deref(r.Code), strings.Join(r.Titles, "; ")}
		if byKey[k][nk] == nil {
			byKey[k][nk] = map[int64]bool{}
		}
		doc, ok := ids[r.DocID]
		if !ok {
			return fmt.Errorf("entity %s: no document %s", r.EntityID, r.DocID)
		}
		byKey[k][nk][doc] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for k, names := range byKey {
		query := strings.TrimPrefix(strings.TrimPrefix(k, "sn:"), "code:")
		if strings.HasPrefix(k, "code:") {
			query = strings.ToUpper(query)
		}
		ms, err := st.EntityMentions(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		got := map[nameKey][2]int64{}
		for _, m := range ms {
			if store.NameKey(m.Type, m.Code, store.Surname(record.Entity{Type: m.Type, Name: m.Name})) == k {
				got[nameKey{m.Type, m.Name, m.Country, m.Code, m.Titles}] = [2]int64{m.DocID, int64(m.Reports)}
			}
		}
		for nk, docs := range names {
			first := int64(1) << 62
			for d := range docs {
				first = min(first, d)
			}
			if g := got[nk]; g != [2]int64{first, int64(len(docs))} {
				t.Errorf("%s: %s %+v: kept first report %d of %d, the entities say %d of %d", when, k, nk, g[0], g[1], first, len(docs))
			}
		}
		if len(got) != len(names) {
			t.Errorf("%s: %s: %d ways of naming kept, %d in the entities", when, k, len(got), len(names))
		}
		checked++
	}
	if checked == 0 {
		t.Errorf("%s: no names to check", when)
	}
	cs, err := st.Claims(ctx, store.ClaimQuery{Conflicts: true, Evidence: true})
	if err != nil || len(cs) != conflicts || conflicts == 0 {
		t.Errorf("%s: %d conflicts listed (%v), %d among the claims", when, len(cs), err, conflicts)
	}
	for _, c := range cs {
		for _, g := range c.Groups {
			for _, f := range g.Figures {
				if f.Evidence == "" || f.DocSource == "" {
					t.Errorf("%s: a conflict's figure has no sentence or report: %+v", when, f)
				}
			}
		}
	}
}

// CheckDyads checks the clusters kept per pair of actors against a count from the events:
// members and mentions of one cluster count it once.
func CheckDyads(t testing.TB, st store.Store, when string) {
	t.Helper()
	ctx := context.Background()
	clusters := map[[2]string]map[string]bool{}
	if err := st.Export(ctx, "events", func(row any) error {
		r := row.(store.EventRow)
		a, b := deref(r.SourceActor), deref(r.TargetActor)
		if a == "" || b == "" || a == b {
			return nil
		}
		k := [2]string{min(a, b), max(a, b)}
		if clusters[k] == nil {
			clusters[k] = map[string]bool{}
		}
		clusters[k][r.ClusterID] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	dyads, err := st.Dyads(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(dyads) != len(clusters) || len(dyads) == 0 {
		t.Errorf("%s: %d dyads kept, %d in the events", when, len(dyads), len(clusters))
	}
	for _, d := range dyads {
		if n := len(clusters[[2]string{d.A, d.B}]); d.Events != n {
			t.Errorf("%s: %s-%s has %d clusters kept, %d in the events", when, d.A, d.B, d.Events, n)
		}
	}
}

// Pages checks that every list read in pages (keyset cursors) gives each item once, in the
// order of the whole list, whatever the page size.
func Pages(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	docs, _ := testcorpus.Linked(30, 5)
	docs = append(docs, testcorpus.Generate(150, 9)...)
	for i := 0; i < 5; i++ {
		pub := fmt.Sprintf("2021-03-%02d", i+1)
		docs = append(docs, record.Document{Source: fmt.Sprintf("quoted/%d", i), Published: &pub, Language: "en",
			Text: fmt.Sprintf("Morocco's Interior Minister Amina Benali spoke in Rabat on Monday.\n\n\"We will act on route %d,\" Benali said.", i)})
	}
	st := open(t)
	PutAll(t, st, Entries(t, docs), 60)
	walk := func(name string, all func() ([]string, error), page func(after string, limit int) ([]string, string, error)) {
		t.Helper()
		want, err := all()
		if err != nil || len(want) < 2 {
			t.Fatalf("%s: %d items (%v)", name, len(want), err)
		}
		for _, size := range []int{1, 3, 7} {
			var got []string
			after := ""
			for i := 0; i <= len(want); i++ {
				items, next, err := page(after, size)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(items) > size {
					t.Fatalf("%s: a page of %d holds %d", name, size, len(items))
				}
				got = append(got, items...)
				if next == "" {
					break
				}
				after = next
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in pages of %d: %d items, want %d\n got %q\nwant %q", name, size, len(got), len(want), got, want)
			}
		}
	}
	// Quotes, all and by the speaker quoted most.
	all, err := st.Quotes(ctx, store.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	quoted := map[string]int{}
	top := ""
	for _, q := range all {
		if quoted[q.Speaker]++; q.Speaker != "" && (top == "" || quoted[q.Speaker] > quoted[top]) {
			top = q.Speaker
		}
	}
	for _, speaker := range []string{"", strings.ToUpper(top)} {
		quotes := func(q store.QuoteQuery) ([]string, string, error) {
			rows, err := st.Quotes(ctx, q)
			var out []string
			for _, r := range rows {
				if r.Evidence == "" || r.Source == "" {
					t.Errorf("quote %d/%s has no sentence or report", r.DocID, r.QuoteID)
				}
				out = append(out, fmt.Sprintf("%d/%s", r.DocID, r.QuoteID))
			}
			next := ""
			if q.Limit > 0 && len(rows) == q.Limit {
				next = out[len(out)-1]
			}
			return out, next, err
		}
		walk("quotes of "+speaker, func() ([]string, error) {
			out, _, err := quotes(store.QuoteQuery{Speaker: speaker})
			return out, err
		}, func(after string, limit int) ([]string, string, error) {
			q := store.QuoteQuery{Speaker: speaker, Limit: limit}
			if after != "" {
				var k store.QuoteKey
				fmt.Sscanf(strings.Replace(after, "/", " ", 1), "%d %s", &k.DocID, &k.QuoteID)
				q.After = &k
			}
			return quotes(q)
		})
	}
	// Figures, all and of one category.
	for _, cat := range []string{"", "migrants_rescued"} {
		figures := func(q store.SeriesQuery) ([]string, string, error) {
			rows, err := st.Figures(ctx, q)
			var out []string
			for _, f := range rows {
				out = append(out, fmt.Sprintf("%d/%s", f.DocID, f.StatID))
			}
			sort.SliceStable(out, func(i, j int) bool { return figureLess(out[i], out[j]) })
			next := ""
			if q.Limit > 0 && len(rows) == q.Limit {
				next = out[len(out)-1]
			}
			return out, next, err
		}
		walk("figures of "+cat, func() ([]string, error) {
			out, _, err := figures(store.SeriesQuery{Category: cat, NoEvidence: true})
			return out, err
		}, func(after string, limit int) ([]string, string, error) {
			q := store.SeriesQuery{Category: cat, Limit: limit}
			if after != "" {
				var k store.FigureKey
				fmt.Sscanf(strings.Replace(after, "/", " ", 1), "%d %s", &k.DocID, &k.StatID)
				q.After = &k
			}
			return figures(q)
		})
	}
	// Claims, all and in conflict.
	for _, conflicts := range []bool{false, true} {
		claims := func(q store.ClaimQuery) ([]string, string, error) {
			cs, err := st.Claims(ctx, q)
			var out []string
			for _, c := range cs {
				out = append(out, c.Category+"|"+c.Country+"|"+c.Period)
			}
			next := ""
			if q.Limit > 0 && len(cs) == q.Limit {
				next = out[len(out)-1]
			}
			return out, next, err
		}
		walk(fmt.Sprintf("claims (conflicts %v)", conflicts), func() ([]string, error) {
			out, _, err := claims(store.ClaimQuery{Conflicts: conflicts})
			return out, err
		}, func(after string, limit int) ([]string, string, error) {
			q := store.ClaimQuery{Conflicts: conflicts, Limit: limit}
			if after != "" {
				p := strings.Split(after, "|")
				q.After = &store.ClaimKey{Category: p[0], Country: p[1], Period: p[2]}
			}
			return claims(q)
		})
	}
	// Clusters of an actor, of the busiest dyad, and of one type.
	dyads, err := st.Dyads(ctx, "", 1)
	if err != nil || len(dyads) == 0 {
		t.Fatalf("no dyads (%v)", err)
	}
	top1, err := st.Clusters(ctx, store.ClusterQuery{A: dyads[0].A, Limit: 1})
	if err != nil || len(top1) == 0 {
		t.Fatalf("no clusters of %s (%v)", dyads[0].A, err)
	}
	// Every actor's clusters, a page at a time, are the clusters the export holds.
	every, err := st.Clusters(ctx, store.ClusterQuery{Limit: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	exported, err := st.Clusters(ctx, store.ClusterQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(cs []link.Cluster) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		sort.Strings(out)
		return out
	}
	if got, want := ids(every), ids(exported); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("every actor's clusters: %d, the export's %d", len(got), len(want))
	}
	for _, q := range []store.ClusterQuery{{}, {Type: top1[0].Type}, {A: dyads[0].A}, {A: dyads[0].A, B: dyads[0].B}, {A: dyads[0].A, Type: top1[0].Type}} {
		clusters := func(q store.ClusterQuery) ([]string, string, error) {
			cs, err := st.Clusters(ctx, q)
			var out []string
			for _, c := range cs {
				if c.First.Evidence == "" || c.Sources == 0 || c.Total < len(c.Mentions) {
					t.Errorf("cluster %s: first %q, %d sources, %d of %d mentions", c.ID, c.First.Evidence, c.Sources, len(c.Mentions), c.Total)
				}
				if q.Type != "" && c.Type != q.Type {
					t.Errorf("cluster %s is a %s, not a %s", c.ID, c.Type, q.Type)
				}
				out = append(out, c.Since+"|"+c.ID)
			}
			next := ""
			if q.Limit > 0 && len(cs) == q.Limit {
				next = out[len(out)-1]
			}
			return out, next, err
		}
		walk(fmt.Sprintf("clusters of %+v", q), func() ([]string, error) {
			all := q
			all.Limit = 100_000
			out, _, err := clusters(all)
			return out, err
		}, func(after string, limit int) ([]string, string, error) {
			p := q
			p.Limit = limit
			if after != "" {
				k := strings.SplitN(after, "|", 2)
				p.After = &store.ClusterKey{Date: k[0], ID: k[1]}
			}
			return clusters(p)
		})
	}
	// Search: ranked, and by filters only.
	for _, q := range []store.Query{{Text: "migrants"}, {Actor: "MAR"}} {
		hits := func(q store.Query) ([]string, string, error) {
			hs, err := st.Search(ctx, q)
			var out []string
			for _, h := range hs {
				if len([]rune(h.Text)) > store.HitTextChars {
					t.Errorf("a hit carries %d characters of its report", len([]rune(h.Text)))
				}
				out = append(out, fmt.Sprintf("%g|%d", h.Rank, h.DocID))
			}
			next := ""
			if len(hs) == q.Limit {
				next = out[len(out)-1]
			}
			return out, next, err
		}
		walk(fmt.Sprintf("search %+v", q), func() ([]string, error) {
			all := q
			all.Limit = 1000
			out, _, err := hits(all)
			return out, err
		}, func(after string, limit int) ([]string, string, error) {
			p := q
			p.Limit = limit
			if after != "" {
				var k store.HitKey
				fmt.Sscanf(strings.Replace(after, "|", " ", 1), "%g %d", &k.Rank, &k.ID)
				p.After = &k
			}
			return hits(p)
		})
	}
}

// figureLess orders "doc/stat" keys newest report first, then by figure id, last first.
func figureLess(a, b string) bool {
	var da, db int64
	var sa, sb string
	fmt.Sscanf(strings.Replace(a, "/", " ", 1), "%d %s", &da, &sa)
	fmt.Sscanf(strings.Replace(b, "/", " ", 1), "%d %s", &db, &sb)
	if da != db {
		return da > db
	}
	return sa > sb
}

// CheckStableIDs checks that every entry's document is found by its stable id (store.UID) as the
// same row its key finds: what a migration that adds the id column must backfill.
func CheckStableIDs(t testing.TB, st store.Store, es []store.Entry) {
	t.Helper()
	ctx := context.Background()
	for i, e := range es {
		h, u := store.Key(e.Doc)
		want, err := st.Lookup(ctx, store.DocKey{Hash: h, URL: u})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := st.Find(ctx, store.UID(h, u)); err != nil || got != want {
			t.Errorf("entry %d: found row %d (%v), want %d", i, got, err, want)
		}
	}
}

// published is a document's publication date, "" when it has none.
func published(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// UndatedEntries are the entries of a linked corpus of n real events (testcorpus.Linked) with
// every third event's date taken away, as an extractor leaves an event it cannot date: those
// link by their report's publication (see link.Dated).
func UndatedEntries(t testing.TB, n int, seed uint64) []store.Entry {
	t.Helper()
	docs, _ := testcorpus.Linked(n, seed)
	es := Entries(t, docs)
	k := 0
	for i := range es {
		evs := es[i].Extraction.Events
		for j := range evs {
			if k++; k%3 == 0 {
				evs[j].Date = nil
			}
		}
	}
	return es
}

// BeforeUndated are the statements that take a store back to how it linked before undated
// events linked: each undated event alone, its key gone, the clusters rows made again. The
// clusters per dyad are left as they were. yes is the store's SQL for true.
func BeforeUndated(yes string) []string {
	return []string{
		`UPDATE events SET cluster = uid, link_key = '', mention = ` + yes + ` WHERE date IS NULL`,
		`DELETE FROM event_keys WHERE id NOT IN (SELECT link_key FROM events)`,
		`DELETE FROM clusters`,
		`INSERT INTO clusters SELECT cluster, coalesce(min(CASE WHEN NOT mention THEN uid END), min(uid)), count(*) FROM events GROUP BY cluster`,
	}
}
