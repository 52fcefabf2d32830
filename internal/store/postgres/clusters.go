package postgres

import (
	"context"
	"fmt"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// keys reads a cluster query's event keys for store.PageClusters, as the SQLite store does.
type keys struct {
	s       *DB
	streams [][2]string // per stream: source, target ("" for any)
	typ     string
}

func newKeys(s *DB, q store.ClusterQuery) *keys {
	k := &keys{s: s, typ: q.Type}
	switch {
	case q.B == "":
		k.streams = [][2]string{{q.A, ""}, {"", q.A}}
	case q.A == q.B:
		k.streams = [][2]string{{q.A, q.B}}
	default:
		k.streams = [][2]string{{q.A, q.B}, {q.B, q.A}}
	}
	return k
}

func (k *keys) Keys(ctx context.Context, n int, from string, exact bool, limit int) ([]store.KeyRow, error) {
	src, tgt := k.streams[n][0], k.streams[n][1]
	var where string
	var args []any
	switch {
	case src != "" && tgt != "":
		where, args = `source = $1 AND target = $2`, []any{src, tgt}
	case src != "":
		where, args = `source = $1`, []any{src}
	default:
		where, args = `target = $1`, []any{tgt}
	}
	if k.typ != "" {
		args = append(args, k.typ)
		where += fmt.Sprintf(` AND type = $%d`, len(args))
	}
	args = append(args, from)
	if exact {
		where += fmt.Sprintf(` AND date = $%d`, len(args))
	} else {
		where += fmt.Sprintf(` AND date >= $%d`, len(args))
	}
	q := `SELECT date, root FROM event_keys WHERE ` + where + ` ORDER BY date`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := k.s.pool.Query(ctx, q, args...)
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
	err := k.s.pool.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM event_keys WHERE root = $1 AND date < $2)`, root, date).Scan(&first)
	return first, err
}

func (k *keys) IDs(ctx context.Context, roots []string) (map[string]store.ClusterAt, error) {
	out := map[string]store.ClusterAt{}
	if len(roots) == 0 {
		return out, nil
	}
	rows, err := k.s.pool.Query(ctx, `SELECT root, id, size FROM clusters WHERE root = ANY($1)`, roots)
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

// summarize reads what a list shows of each cluster, as the SQLite store does.
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
			err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT doc_id) FROM events WHERE cluster = $1`, a.Root).Scan(&n)
			return n, err
		})
		if err != nil {
			return nil, err
		}
		rows, err := s.pool.Query(ctx, `SELECT e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type, e.source_actor,
				e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, e.ev_start, e.ev_end
			FROM (SELECT * FROM events WHERE cluster = $1 ORDER BY doc_id, event_id LIMIT $2) e JOIN documents d ON d.id = e.doc_id`, a.Root, store.ClusterSample)
		if err != nil {
			return nil, err
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
			return nil, err
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
