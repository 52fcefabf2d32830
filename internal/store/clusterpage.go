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
	// First reports whether the cluster root has no key dated before date.
	First(ctx context.Context, root, date string) (bool, error)
	// IDs returns the public ids and sizes of clusters by root.
	IDs(ctx context.Context, roots []string) (map[string]ClusterAt, error)
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
				first, err := src.First(ctx, r, date)
				if err != nil {
					return nil, err
				}
				if first {
					roots = append(roots, r)
				}
			}
		}
		ids, err := src.IDs(ctx, roots)
		if err != nil {
			return nil, err
		}
		sort.Slice(roots, func(i, j int) bool { return ids[roots[i]].ID < ids[roots[j]].ID })
		for _, r := range roots {
			if q.After != nil && date == q.After.Date && ids[r].ID <= q.After.ID {
				continue
			}
			out = append(out, ClusterAt{Root: r, ID: ids[r].ID, Date: date, Size: ids[r].Size})
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out, nil
}

// ClusterSample is how many of a cluster's mentions (the first stored) a list reads to say its
// date, place and first report; ClusterListed is how many it shows. A story that a thousand
// outlets reprinted costs a list what twenty do; its reports and mentions are counted whole.
const (
	ClusterSample = 20
	ClusterListed = 3
)

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

// Reports returns the number of reports of cluster root when it still has size mentions, and
// else counts them with count and remembers them: a report's page shows each event's cluster
// with its reports, and counting them reads every mention.
func (c *ClusterCache) Reports(root string, size int, count func() (int, error)) (int, error) {
	c.mu.Lock()
	v, ok := c.sources[root]
	c.mu.Unlock()
	if ok && v[0] == size {
		return v[1], nil
	}
	n, err := count()
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sources == nil || len(c.sources) > 100_000 {
		c.sources = map[string][2]int{}
	}
	c.sources[root] = [2]int{size, n}
	return n, nil
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
