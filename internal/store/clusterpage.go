package store

import (
	"context"
	"sort"
	"sync"

	"github.com/alboran/alboran/internal/link"
)

// A page of clusters comes from the event keys (each cluster once per dyad, date and place),
// read in date order from one or two indexed streams (an actor as source and as target, or a
// dyad in either direction) and merged: the work is the keys the page spans, not every key of
// the actor. A cluster takes its place at its first date, then by its public id, which does
// not depend on the order of ingest.

// KeyRow is one event key: a date of a cluster, by its root.
type KeyRow struct{ Date, Root string }

// ClusterAt is a cluster's place in a page, and its size (its mentions).
type ClusterAt struct {
	Root, ID, Date string
	Size           int
}

// ClusterKeys is what a store gives PageClusters.
type ClusterKeys interface {
	// Keys returns the keys of stream s dated from on (only on that date when exact), in
	// date order, at most limit of them (0: all).
	Keys(ctx context.Context, s int, from string, exact bool, limit int) ([]KeyRow, error)
	// Roots returns, by root, each cluster's public id and size (none when the cluster is not
	// stored) and, as Date, the first date of its keys: one query for a chunk of keys, not one
	// per key.
	Roots(ctx context.Context, roots []string) (map[string]ClusterAt, error)
}

// keyChunk is how many keys a stream reads at a time.
const keyChunk = 256

// stream is one date-ordered stream of keys, read a chunk at a time; a chunk always holds whole
// dates.
type stream struct {
	n    int
	from string
	buf  []KeyRow
	done bool
}

func (st *stream) fill(ctx context.Context, src ClusterKeys) error {
	for len(st.buf) == 0 && !st.done {
		rows, err := src.Keys(ctx, st.n, st.from, false, keyChunk)
		if err != nil {
			return err
		}
		if len(rows) < keyChunk {
			st.buf, st.done = rows, true
			return nil
		}
		last := rows[len(rows)-1].Date
		k := len(rows)
		for k > 0 && rows[k-1].Date == last {
			k--
		}
		if k == 0 {
			// One date fills the chunk: read that date whole.
			if rows, err = src.Keys(ctx, st.n, last, true, 0); err != nil {
				return err
			}
			st.buf, st.from = rows, last+"\x00"
			continue
		}
		st.buf, st.from = rows[:k], last
	}
	return nil
}

// PageClusters returns up to limit clusters of q (limit 0: all) in order, from the keys of
// streams streams.
func PageClusters(ctx context.Context, src ClusterKeys, streams int, q ClusterQuery, limit int) ([]ClusterAt, error) {
	from := q.Since
	if q.After != nil && q.After.Date > from {
		from = q.After.Date
	}
	until := ""
	if q.Until != "" {
		until = q.Until + "~"
	}
	ss := make([]*stream, streams)
	for i := range ss {
		ss[i] = &stream{n: i, from: from}
	}
	seen := map[string]bool{}
	info := map[string]ClusterAt{} // by root: id, size and first date, read a chunk at a time
	var out []ClusterAt
	for limit == 0 || len(out) < limit {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		date := ""
		for _, st := range ss {
			if err := st.fill(ctx, src); err != nil {
				return nil, err
			}
			if len(st.buf) > 0 && (date == "" || st.buf[0].Date < date) {
				date = st.buf[0].Date
			}
		}
		// The roots of the keys to come are looked up together when one at this date is
		// not known: about twice the clusters the page still needs, in one query.
		ahead := keyChunk
		if limit > 0 {
			ahead = max(2*(limit-len(out)), 32)
		}
		if err := lookUp(ctx, src, ss, date, ahead, seen, info); err != nil {
			return nil, err
		}
		if date == "" || until != "" && date > until {
			break
		}
		var roots []string
		for _, st := range ss {
			for len(st.buf) > 0 && st.buf[0].Date == date {
				r := st.buf[0].Root
				st.buf = st.buf[1:]
				if seen[r] {
					continue
				}
				seen[r] = true
				// A cluster takes its place at its first date: a key of it dated here is its
				// first when no key of it is dated before. The root has a key here, so its
				// first date is this one or earlier (equal strings are equal whatever the
				// collation).
				if first := info[r].Date; first == "" || first == date {
					roots = append(roots, r)
				}
			}
		}
		sort.Slice(roots, func(i, j int) bool { return info[roots[i]].ID < info[roots[j]].ID })
		for _, r := range roots {
			if q.After != nil && date == q.After.Date && info[r].ID <= q.After.ID {
				continue
			}
			out = append(out, ClusterAt{Root: r, ID: info[r].ID, Date: date, Size: info[r].Size})
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

// lookUp reads the ids, sizes and first dates of roots not known yet, in one query, when a
// key dated date has one: those of the first ahead keys of each stream.
func lookUp(ctx context.Context, src ClusterKeys, ss []*stream, date string, ahead int, seen map[string]bool, info map[string]ClusterAt) error {
	unknown := func(r string) bool {
		_, ok := info[r]
		return !ok && !seen[r]
	}
	now := false
	for _, st := range ss {
		for _, k := range st.buf {
			if k.Date != date {
				break
			}
			now = now || unknown(k.Root)
		}
	}
	if !now {
		return nil
	}
	var need []string
	asked := map[string]bool{}
	for _, st := range ss {
		for _, k := range st.buf[:min(ahead, len(st.buf))] {
			if unknown(k.Root) && !asked[k.Root] {
				asked[k.Root] = true
				need = append(need, k.Root)
			}
		}
		// The keys of this date, however many, are looked up now.
		for _, k := range st.buf[min(ahead, len(st.buf)):] {
			if k.Date != date {
				break
			}
			if unknown(k.Root) && !asked[k.Root] {
				asked[k.Root] = true
				need = append(need, k.Root)
			}
		}
	}
	got, err := src.Roots(ctx, need)
	if err != nil {
		return err
	}
	for _, r := range need {
		info[r] = got[r] // the zero value when not stored: asked once
	}
	return nil
}

// ClusterSample is how many of a cluster's mentions (the first stored) a list reads to say its
// date, place and first report; ClusterListed is how many it shows. A story that a thousand
// outlets reprinted costs a list what twenty do; its reports and mentions are counted whole.
const (
	ClusterSample = 20
	ClusterListed = 3
)

// ClusterSampler reads what a list shows of clusters, for SummarizeClusters: one query for all
// the clusters of a page, not one per cluster.
type ClusterSampler interface {
	// Sources counts the reports of each cluster, by root.
	Sources(ctx context.Context, roots []string) (map[string]int, error)
	// Sample returns the first ClusterSample mentions of each cluster (in report and event
	// order) by root, and their sentences' spans by mention uid.
	Sample(ctx context.Context, roots []string) (map[string][]link.EventMention, map[string][2]int, error)
}

// SummarizeClusters reads what a list shows of each cluster at its place: its size, its
// reports, and from its first mentions its date, place and first report, with the sentences of
// the listed ones (cut with cut). Clusters of the size cache holds are not read again; the
// others cost three queries in all. A cluster with no mention left (a reprocess under way) is
// not listed.
func SummarizeClusters(ctx context.Context, cache *ClusterCache, src ClusterSampler, cut func(context.Context, []EvidenceRef) error, at []ClusterAt) ([]link.Cluster, error) {
	out := make([]link.Cluster, len(at))
	listed := make([]bool, len(at))
	size := map[string]int{}
	var roots []string
	for i, a := range at {
		if c, ok := cache.Get(a.Root, a.Size); ok {
			c.ID, c.Since = a.ID, a.Date
			out[i], listed[i] = c, true
			continue
		}
		if _, ok := size[a.Root]; ok {
			continue
		}
		size[a.Root] = a.Size
		roots = append(roots, a.Root)
	}
	sources, err := cache.Reports(ctx, size, src.Sources)
	if err != nil {
		return nil, err
	}
	var refs []EvidenceRef
	var fresh []int
	if len(roots) > 0 {
		sample, spans, err := src.Sample(ctx, roots)
		if err != nil {
			return nil, err
		}
		for i, a := range at {
			ms := sample[a.Root]
			if listed[i] || len(ms) == 0 {
				continue
			}
			c, r := Listed(a, ms, sources[a.Root], a.Size, spans)
			out[i], listed[i], refs, fresh = c, true, append(refs, r...), append(fresh, i)
		}
	}
	if err := cut(ctx, refs); err != nil {
		return nil, err
	}
	for _, i := range fresh {
		out[i].First = out[i].Mentions[0]
		cache.Put(at[i].Root, at[i].Size, out[i])
	}
	var kept []link.Cluster
	for i, c := range out {
		if listed[i] {
			kept = append(kept, c)
		}
	}
	return kept, nil
}

// Listed makes a listed cluster at its place from the first mentions read, its number of
// reports and of mentions, and gives the evidence to cut for the mentions it lists (spans by
// mention uid).
func Listed(at ClusterAt, ms []link.EventMention, sources, total int, spans map[string][2]int) (link.Cluster, []EvidenceRef) {
	c := link.Summarize(at.ID, ms)
	_, c.QuadClass = CAMEO(c.Type)
	c.Sources, c.Total, c.Since = sources, total, at.Date
	if len(c.Mentions) > ClusterListed {
		c.Mentions = c.Mentions[:ClusterListed]
	}
	refs := make([]EvidenceRef, len(c.Mentions))
	for i := range c.Mentions {
		m := &c.Mentions[i]
		refs[i] = EvidenceRef{Doc: m.DocID, Start: spans[m.UID][0], End: spans[m.UID][1], Text: &m.Evidence}
	}
	return c, refs
}

// ClusterCache remembers what a list shows of a cluster of a given size: reading it takes a
// few queries, and a cluster changes size whenever it changes (a reprocess forgets them all).
type ClusterCache struct {
	mu      sync.Mutex
	m       map[string]cached // by root
	sources map[string][2]int // by root: size, reports
}

// Reports returns the number of reports of each cluster of sizes (its mentions, by root):
// those it counted at the same size it remembers, the others it counts with count in one
// query, and remembers. A report's page shows each event's cluster with its reports, and a
// list each cluster's, and counting them reads every mention.
func (c *ClusterCache) Reports(ctx context.Context, sizes map[string]int, count func(ctx context.Context, roots []string) (map[string]int, error)) (map[string]int, error) {
	out := make(map[string]int, len(sizes))
	var need []string
	for r, size := range sizes {
		if n, ok := c.knownReports(r, size); ok {
			out[r] = n
		} else {
			need = append(need, r)
		}
	}
	if len(need) == 0 {
		return out, nil
	}
	sort.Strings(need)
	got, err := count(ctx, need)
	if err != nil {
		return nil, err
	}
	for _, r := range need {
		out[r] = got[r]
		c.putReports(r, sizes[r], got[r])
	}
	return out, nil
}

// EventRoot is an event of a report and the root and size of its cluster.
type EventRoot struct {
	Event, Root string
	Size        int
}

// FillSources sets the number of reports in each event's entry of clusters, counting with
// count the clusters Reports does not remember.
func (c *ClusterCache) FillSources(ctx context.Context, clusters map[string]ClusterRef, roots []EventRoot, count func(ctx context.Context, roots []string) (map[string]int, error)) error {
	sizes := make(map[string]int, len(roots))
	for _, r := range roots {
		sizes[r.Root] = r.Size
	}
	sources, err := c.Reports(ctx, sizes, count)
	if err != nil {
		return err
	}
	for _, r := range roots {
		ref := clusters[r.Event]
		ref.Sources = sources[r.Root]
		clusters[r.Event] = ref
	}
	return nil
}

// knownReports returns the number of reports of cluster root when it was counted at size
// mentions.
func (c *ClusterCache) knownReports(root string, size int) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.sources[root]
	return v[1], ok && v[0] == size
}

// putReports remembers the number of reports of cluster root at size mentions.
func (c *ClusterCache) putReports(root string, size, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sources == nil || len(c.sources) > 100_000 {
		c.sources = map[string][2]int{}
	}
	c.sources[root] = [2]int{size, n}
}

type cached struct {
	size int
	c    link.Cluster
}

// Get returns cluster root as listed when it still has size mentions.
func (c *ClusterCache) Get(root string, size int) (link.Cluster, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[root]
	return v.c, ok && v.size == size
}

// Put remembers cluster root as listed at size mentions.
func (c *ClusterCache) Put(root string, size int, cl link.Cluster) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 20_000 {
		c.m = map[string]cached{}
	}
	c.m[root] = cached{size, cl}
}

// Forget forgets every cluster.
func (c *ClusterCache) Forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.sources = nil, nil
}
