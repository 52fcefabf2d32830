package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/text"
)

// linkEvent is what linking needs of one stored event.
type linkEvent struct {
	uid, cluster  string
	typ, src, tgt string
	date, place   string
}

// dyad is a type and a pair of actors; symmetric types ignore the order of the pair.
type dyad struct{ typ, a, b string }

func (d dyad) norm() dyad {
	if link.Symmetric[d.typ] && d.b < d.a {
		d.a, d.b = d.b, d.a
	}
	return d
}

// candidates returns the stored events of e's dyad whose dates may agree with e's.
func candidates(ctx context.Context, tx *sql.Tx, e linkEvent) ([]linkEvent, error) {
	lo, hi := link.DateWindow(e.date)
	q := `SELECT uid, cluster, type, source_actor, target_actor, coalesce(date, ''), location FROM events
		WHERE type = ? AND source_actor = ? AND target_actor = ? AND (date BETWEEN ? AND ? OR length(date) < 10 OR instr(date, '/') > 0)`
	pairs := [][2]string{{e.src, e.tgt}}
	if link.Symmetric[e.typ] && e.src != e.tgt {
		pairs = append(pairs, [2]string{e.tgt, e.src})
	}
	var out []linkEvent
	for _, p := range pairs {
		rows, err := tx.QueryContext(ctx, q, e.typ, p[0], p[1], lo, hi)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c linkEvent
			if err := rows.Scan(&c.uid, &c.cluster, &c.typ, &c.src, &c.tgt, &c.date, &c.place); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// linkEvents joins each new event to the clusters of the stored events it agrees with. A cluster is
// named by the least uid among its events, so the clusters are the connected parts of the
// "agrees with" graph and do not depend on the order in which reports arrive.
func linkEvents(ctx context.Context, tx *sql.Tx, events []linkEvent) error {
	for _, e := range events {
		if e.date == "" {
			continue // an event without a date stays on its own
		}
		cands, err := candidates(ctx, tx, e)
		if err != nil {
			return fmt.Errorf("linking %s: %w", e.uid, err)
		}
		target := e.uid
		merge := map[string]bool{}
		for _, c := range cands {
			if c.uid == e.uid || !link.Agree(e.date, c.date, e.place, c.place) {
				continue
			}
			merge[c.cluster] = true
			if c.cluster < target {
				target = c.cluster
			}
		}
		merge[e.uid] = true
		for c := range merge {
			if c == target {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE events SET cluster = ? WHERE cluster = ?`, target, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// dyadsOf returns the dyads of the events of the documents in the JSON id list.
func dyadsOf(ctx context.Context, tx *sql.Tx, ids string) (map[dyad]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT type, source_actor, target_actor FROM events
		WHERE doc_id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[dyad]bool{}
	for rows.Next() {
		var d dyad
		if err := rows.Scan(&d.typ, &d.a, &d.b); err != nil {
			return nil, err
		}
		out[d.norm()] = true
	}
	return out, rows.Err()
}

// relink recomputes the clusters of whole dyads from scratch.
func relink(ctx context.Context, tx *sql.Tx, dyads map[dyad]bool) error {
	keys := make([]dyad, 0, len(dyads))
	for d := range dyads {
		keys = append(keys, d)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].typ+keys[i].a+keys[i].b < keys[j].typ+keys[j].a+keys[j].b
	})
	for _, d := range keys {
		rows, err := tx.QueryContext(ctx, `SELECT uid, coalesce(date, ''), location FROM events
			WHERE type = ? AND ((source_actor = ? AND target_actor = ?) OR (source_actor = ? AND target_actor = ? AND ?))`,
			d.typ, d.a, d.b, d.b, d.a, link.Symmetric[d.typ])
		if err != nil {
			return err
		}
		var evs []link.Event
		for rows.Next() {
			var e link.Event
			if err := rows.Scan(&e.ID, &e.Date, &e.Place); err != nil {
				rows.Close()
				return err
			}
			evs = append(evs, e)
		}
		rows.Close()
		for uid, cluster := range link.Components(evs) {
			if _, err := tx.ExecContext(ctx, `UPDATE events SET cluster = ? WHERE uid = ?`, cluster, uid); err != nil {
				return err
			}
		}
	}
	return nil
}

// surname is the folded last word of a person's name, which finds the same person in other
// reports; it is empty for other entities.
func surname(en record.Entity) string {
	if en.Type != record.Person {
		return ""
	}
	f := strings.Fields(en.Name)
	if len(f) == 0 {
		return ""
	}
	return text.FoldName(f[len(f)-1])
}

// Clusters returns the event clusters of a dyad, oldest first.
func (s *DB) Clusters(ctx context.Context, q store.ClusterQuery) ([]link.Cluster, error) {
	where := `1`
	var args []any
	switch {
	case q.A != "" && q.B != "":
		where = `((e.source_actor = ? AND e.target_actor = ?) OR (e.source_actor = ? AND e.target_actor = ?))`
		args = append(args, q.A, q.B, q.B, q.A)
	case q.A != "":
		where = `(e.source_actor = ? OR e.target_actor = ?)`
		args = append(args, q.A, q.A)
	}
	// The clusters that touch the dyad, then every event of those clusters.
	rows, err := s.db.QueryContext(ctx, `SELECT e.cluster, e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type,
			e.source_actor, e.target_actor, coalesce(e.date, ''), e.location, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start)
		FROM events e JOIN documents d ON d.id = e.doc_id
		WHERE e.cluster IN (SELECT DISTINCT e.cluster FROM events e WHERE `+where+`)
		ORDER BY e.cluster, e.uid`, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	byID := map[string][]link.EventMention{}
	var order []string
	for rows.Next() {
		var id string
		var m link.EventMention
		if err := rows.Scan(&id, &m.UID, &m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Source, &m.Target, &m.Date,
			&m.Place, &m.Evidence); err != nil {
			return nil, err
		}
		if byID[id] == nil {
			order = append(order, id)
		}
		byID[id] = append(byID[id], m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	out := make([]link.Cluster, 0, len(order))
	for _, id := range order {
		c := link.Summarize(id, byID[id])
		_, c.QuadClass = store.CAMEO(c.Type)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// EntityMentions returns the people who share the last word of name, and the organizations
// and countries named or coded name, from every report.
func (s *DB) EntityMentions(ctx context.Context, name string) ([]link.Mention, error) {
	sn := ""
	if f := strings.Fields(name); len(f) > 0 {
		sn = text.FoldName(f[len(f)-1])
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.doc_id, d.source, coalesce(d.published, ''), n.type, n.name, n.country, n.code, n.titles
		FROM entities n JOIN documents d ON d.id = n.doc_id
		WHERE (n.type = 'person' AND n.surname = ?) OR (n.type <> 'person' AND (n.code = ? OR n.name = ? COLLATE NOCASE))
		ORDER BY n.doc_id, n.entity_id`, sn, strings.ToUpper(name), name)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []link.Mention
	for rows.Next() {
		var m link.Mention
		if err := rows.Scan(&m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Name, &m.Country, &m.Code, &m.Titles); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, s.explain(rows.Err())
}
