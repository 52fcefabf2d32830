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
	if q.B != "" && q.A == q.B {
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

func (k *keys) First(ctx context.Context, root, date string) (bool, error) {
	var first bool
	err := k.s.db.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM event_keys WHERE root = ? AND date < ?)`, root, date).Scan(&first)
	return first, err
}

func (k *keys) IDs(ctx context.Context, roots []string) (map[string]store.ClusterAt, error) {
	out := map[string]store.ClusterAt{}
	if len(roots) == 0 {
		return out, nil
	}
	rows, err := k.s.db.QueryContext(ctx, `SELECT root, id, size FROM clusters WHERE root IN (SELECT value FROM json_each(?))`, jsonText(roots))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		var c store.ClusterAt
		if err := rows.Scan(&r, &c.ID, &c.Size); err != nil {
			return nil, err
		}
		out[r] = c
	}
	return out, rows.Err()
}

// summarize reads what a list shows of each cluster: its size, its reports, and from its
// first mentions its date, place and first report, with the sentences of the listed ones.
func (s *DB) summarize(ctx context.Context, at []store.ClusterAt) ([]link.Cluster, error) {
	out := make([]link.Cluster, len(at))
	var refs []store.EvidenceRef
	var fresh []int
	spans := map[string][2]int{} // by mention uid
	for i, a := range at {
		if c, ok := s.clusters.Get(a.Root, a.Size); ok {
			c.ID, c.Since = a.ID, a.Date
			out[i] = c
			continue
		}
		sources, err := s.clusters.Reports(a.Root, a.Size, func() (int, error) {
			var n int
			err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT doc_id) FROM events WHERE cluster = ?`, a.Root).Scan(&n)
			return n, err
		})
		if err != nil {
			return nil, s.explain(err)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type, e.source_actor,
				e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, e.ev_start, e.ev_end
			FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster = ? ORDER BY e.doc_id, e.event_id LIMIT ?`, a.Root, store.ClusterSample)
		if err != nil {
			return nil, s.explain(err)
		}
		var ms []link.EventMention
		for rows.Next() {
			var m link.EventMention
			var sp [2]int
			if err := rows.Scan(&m.UID, &m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Source, &m.Target, &m.Date, &m.Place, &m.Role,
				&sp[0], &sp[1]); err != nil {
				rows.Close()
				return nil, err
			}
			ms = append(ms, m)
			spans[m.UID] = sp
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.explain(err)
		}
		if len(ms) == 0 {
			continue
		}
		c, r := store.Listed(a, ms, sources, a.Size, spans)
		out[i], refs, fresh = c, append(refs, r...), append(fresh, i)
	}
	if err := s.cut(ctx, refs); err != nil {
		return nil, err
	}
	for _, i := range fresh {
		out[i].First = out[i].Mentions[0]
		s.clusters.Put(at[i].Root, at[i].Size, out[i])
	}
	// A cluster with no mention left (a reprocess under way) is not listed.
	listed := out[:0]
	for _, c := range out {
		if c.ID != "" {
			listed = append(listed, c)
		}
	}
	return listed, nil
}
