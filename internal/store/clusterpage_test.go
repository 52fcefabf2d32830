package store

import (
	"context"
	"fmt"
	"sort"
	"testing"
)

// fakeKeys is an actor's keys in two streams, in memory, counting the queries a page costs.
type fakeKeys struct {
	streams [2][]KeyRow
	first   map[string]string // root -> its first date
	keys    int               // Keys calls
	roots   int               // Roots calls
}

func newFakeKeys(n int) *fakeKeys {
	f := &fakeKeys{first: map[string]string{}}
	for i := 0; i < n; i++ {
		root := fmt.Sprintf("r%04d", i)
		date := fmt.Sprintf("2020-01-01/%05d", i) // a date of its own for each cluster
		f.streams[i%2] = append(f.streams[i%2], KeyRow{Date: date, Root: root})
		f.first[root] = date
		// Every third cluster has a later key too, in the other stream: not its first.
		if i%3 == 0 {
			f.streams[(i+1)%2] = append(f.streams[(i+1)%2], KeyRow{Date: "2020-12-31", Root: root})
		}
	}
	for s := range f.streams {
		sort.Slice(f.streams[s], func(i, j int) bool { return f.streams[s][i].Date < f.streams[s][j].Date })
	}
	return f
}

func (f *fakeKeys) Keys(_ context.Context, s int, from string, exact bool, limit int) ([]KeyRow, error) {
	f.keys++
	var out []KeyRow
	for _, k := range f.streams[s] {
		if exact && k.Date == from || !exact && k.Date >= from {
			out = append(out, k)
		}
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

func (f *fakeKeys) Roots(_ context.Context, roots []string) (map[string]ClusterAt, error) {
	f.roots++
	out := map[string]ClusterAt{}
	for _, r := range roots {
		out[r] = ClusterAt{ID: "id-" + r, Size: 1, Date: f.first[r]}
	}
	return out, nil
}

// TestPageClustersQueries checks that a page of clusters is in date order, each cluster once at
// its first date, and costs a few queries however many clusters it lists: one look-up of
// roots for the page, not one per cluster.
func TestPageClustersQueries(t *testing.T) {
	ctx := context.Background()
	f := newFakeKeys(2000)
	page, err := PageClusters(ctx, f, 2, ClusterQuery{A: "X"}, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 20 {
		t.Fatalf("got %d clusters, want 20", len(page))
	}
	seen := map[string]bool{}
	for i, c := range page {
		if seen[c.Root] {
			t.Errorf("cluster %s listed twice", c.Root)
		}
		seen[c.Root] = true
		if c.Date != f.first[c.Root] {
			t.Errorf("cluster %s listed at %s, want its first date %s", c.Root, c.Date, f.first[c.Root])
		}
		if i > 0 && (c.Date < page[i-1].Date || c.Date == page[i-1].Date && c.ID < page[i-1].ID) {
			t.Errorf("cluster %d (%s %s) out of order after %s %s", i, c.Date, c.ID, page[i-1].Date, page[i-1].ID)
		}
	}
	if f.roots > 2 || f.keys > 4 {
		t.Errorf("a page of 20 clusters cost %d look-ups of roots and %d reads of keys; want at most 2 and 4", f.roots, f.keys)
	}
	// The whole list: every cluster once.
	f = newFakeKeys(2000)
	all, err := PageClusters(ctx, f, 2, ClusterQuery{A: "X"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2000 {
		t.Errorf("the whole list has %d clusters, want 2000", len(all))
	}
}
