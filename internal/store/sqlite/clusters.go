package sqlite

import (
	"context"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// keys reads a cluster query's event keys for store.PageClusters: two streams, the actor as
// source and as target (or the dyad in either direction), each on its index in date order.
type keys struct {
	s       *DB
	streams [][]any // per stream: source, target ("" for any)
	typ     string
}

func newKeys(s *DB, q store.ClusterQuery) *keys {
	k := &keys{s: s, typ: q.Type}
	switch {
	case q.A == "":
		k.streams = [][]any{{"", ""}} // every key
	case q.B == "":
		k.streams = [][]any{{q.A, ""}, {"", q.A}}
	case q.A == q.B:
		k.streams = [][]any{{q.A, q.B}}
	default:
		k.streams = [][]any{{q.A, q.B}, {q.B, q.A}}
	}
	return k
}

func keyStreams(q store.ClusterQuery) int {
	if q.A == "" || q.B != "" && q.A == q.B {
		return 1
	}
	return 2
}

func (k *keys) Keys(ctx context.Context, n int, from string, exact bool, limit int) ([]store.KeyRow, error) {
	src, tgt := k.streams[n][0].(string), k.streams[n][1].(string)
	where, args := `target = ?`, []any{tgt}
	switch {
	case src != "" && tgt != "":
		where, args = `source = ? AND target = ?`, []any{src, tgt}
	case src != "":
		where, args = `source = ?`, []any{src}
	case tgt == "":
		where, args = `1`, nil
	}
	if k.typ != "" {
		where += ` AND type = ?`
		args = append(args, k.typ)
	}
	if exact {
		where += ` AND date = ?`
	} else {
		where += ` AND date >= ?`
	}
	args = append(args, from)
	q := `SELECT date, root FROM event_keys WHERE ` + where + ` ORDER BY date`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := k.s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.KeyRow
	for rows.Next() {
		var r store.KeyRow
		if err := rows.Scan(&r.Date, &r.Root); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (k *keys) Roots(ctx context.Context, roots []string) (map[string]store.ClusterAt, error) {
	out := map[string]store.ClusterAt{}
	if len(roots) == 0 {
		return out, nil
	}
	rows, err := k.s.db.QueryContext(ctx, `SELECT j.value, coalesce(c.id, ''), coalesce(c.size, 0),
			coalesce((SELECT min(date) FROM event_keys k WHERE k.root = j.value), '')
		FROM json_each(?) j LEFT JOIN clusters c ON c.root = j.value`, jsonText(roots))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		var c store.ClusterAt
		if err := rows.Scan(&r, &c.ID, &c.Size, &c.Date); err != nil {
			return nil, err
		}
		out[r] = c
	}
	return out, rows.Err()
}

// summarize reads what a list shows of each cluster (see store.SummarizeClusters).
func (s *DB) summarize(ctx context.Context, at []store.ClusterAt) ([]link.Cluster, error) {
	return store.SummarizeClusters(ctx, &s.clusters, sampler{s}, s.cut, at)
}

// sampler reads clusters' reports and first mentions for store.SummarizeClusters.
type sampler struct{ s *DB }

func (c sampler) Sources(ctx context.Context, roots []string) (map[string]int, error) {
	s := c.s
	rows, err := s.db.QueryContext(ctx, `SELECT cluster, count(DISTINCT doc_id) FROM events WHERE cluster IN (SELECT value FROM json_each(?)) GROUP BY cluster`, jsonText(roots))
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var r string
		var n int
		if err := rows.Scan(&r, &n); err != nil {
			return nil, err
		}
		out[r] = n
	}
	return out, rows.Err()
}

// Sample reads each cluster's first mentions through the index on events (cluster), which
// holds the key (doc_id, event_id) in order: the work is the sample, not the cluster.
func (c sampler) Sample(ctx context.Context, roots []string) (map[string][]link.EventMention, map[string][2]int, error) {
	s := c.s
	rows, err := s.db.QueryContext(ctx, `SELECT e.cluster, e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type, e.source_actor,
			e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, e.ev_start, e.ev_end
		FROM json_each(?) r JOIN events e ON e.cluster = r.value AND (e.doc_id, e.event_id) IN
			(SELECT doc_id, event_id FROM events c WHERE c.cluster = r.value ORDER BY doc_id, event_id LIMIT ?)
		JOIN documents d ON d.id = e.doc_id ORDER BY e.cluster, e.doc_id, e.event_id`, jsonText(roots), store.ClusterSample)
	if err != nil {
		return nil, nil, s.explain(err)
	}
	defer rows.Close()
	out := map[string][]link.EventMention{}
	spans := map[string][2]int{}
	for rows.Next() {
		var root string
		var m link.EventMention
		var sp [2]int
		if err := rows.Scan(&root, &m.UID, &m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Source, &m.Target, &m.Date, &m.Place, &m.Role,
			&sp[0], &sp[1]); err != nil {
			return nil, nil, err
		}
		out[root] = append(out[root], m)
		spans[m.UID] = sp
	}
	return out, spans, rows.Err()
}
