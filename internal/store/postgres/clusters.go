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
	case q.A == "":
		k.streams = [][2]string{{"", ""}} // every key
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
	case tgt == "":
		where = `true`
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

func (k *keys) Roots(ctx context.Context, roots []string) (map[string]store.ClusterAt, error) {
	out := map[string]store.ClusterAt{}
	if len(roots) == 0 {
		return out, nil
	}
	rows, err := k.s.pool.Query(ctx, `SELECT r, coalesce(c.id, ''), coalesce(c.size, 0),
			coalesce((SELECT min(date) FROM event_keys k WHERE k.root = r), '')
		FROM unnest($1::text[]) r LEFT JOIN clusters c ON c.root = r`, roots)
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
	rows, err := s.pool.Query(ctx, `SELECT cluster, count(DISTINCT doc_id) FROM events WHERE cluster = ANY($1) GROUP BY cluster`, roots)
	if err != nil {
		return nil, err
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

func (c sampler) Sample(ctx context.Context, roots []string) (map[string][]link.EventMention, map[string][2]int, error) {
	s := c.s
	rows, err := s.pool.Query(ctx, `SELECT e.cluster, e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type, e.source_actor,
			e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, e.ev_start, e.ev_end
		FROM unnest($1::text[]) r, LATERAL (SELECT * FROM events WHERE cluster = r ORDER BY doc_id, event_id LIMIT $2) e
		JOIN documents d ON d.id = e.doc_id ORDER BY e.cluster, e.doc_id, e.event_id`, roots, store.ClusterSample)
	if err != nil {
		return nil, nil, err
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
