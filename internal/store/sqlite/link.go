package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/text"
)

// linkEvent is what linking needs of one stored event.
type linkEvent struct {
	doc           int64
	name          string // for a candidate: its cluster's public id
	size          int    // and its cluster's size
	id            string // the event's id in its document
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

// linker holds the statements of one transaction's linking, prepared once.
type linker struct {
	find, keep, grow, moveEvents, moveKeys, drop *sql.Stmt
}

func newLinker(ctx context.Context, tx *sql.Tx) (*linker, error) {
	l := &linker{}
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		// The two halves each walk the key index on the date (an OR would read the whole
		// dyad); keys hold each cluster once per date and place. A cluster comes once, with
		// its keys in one text (date US place RS date US place ...): a vague date can reach
		// hundreds of keys of a few clusters.
		{&l.find, `SELECT u.root, group_concat(u.date || char(31) || u.location, char(30)), c.id, c.size FROM (
				SELECT root, date, location FROM event_keys
				WHERE type = ?1 AND source = ?2 AND target = ?3 AND date BETWEEN ?4 AND ?5
				UNION SELECT root, date, location FROM event_keys
				WHERE type = ?1 AND source = ?2 AND target = ?3 AND date IN (?6, ?7, ?8, ?9, ?10, ?11)
			) u JOIN clusters c ON c.root = u.root GROUP BY u.root`},
		{&l.keep, `INSERT OR IGNORE INTO event_keys VALUES (?, ?, ?, ?, ?, ?)`},
		{&l.grow, `INSERT INTO clusters VALUES (?1, ?2, ?3) ON CONFLICT (root) DO UPDATE SET id = ?2, size = ?3`},
		{&l.moveEvents, `UPDATE events SET cluster = ? WHERE cluster = ?`},
		{&l.moveKeys, `UPDATE OR IGNORE event_keys SET root = ? WHERE root = ?`},
		{&l.drop, `DELETE FROM clusters WHERE root = ?1`},
	} {
		st, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			l.close()
			return nil, err
		}
		*p.dst = st
	}
	return l, nil
}

func (l *linker) close() {
	for _, st := range []*sql.Stmt{l.find, l.keep, l.grow, l.moveEvents, l.moveKeys, l.drop} {
		if st != nil {
			st.Close()
		}
	}
}

// candidates returns the clusters of e's dyad, once per date and place, whose dates may
// agree with e's.
func (l *linker) candidates(ctx context.Context, e linkEvent) ([]linkEvent, error) {
	lo, hi, coarser := link.DateWindow(e.date)
	for len(coarser) < 6 {
		coarser = append(coarser, "") // the query takes six
	}
	pairs := [][2]string{{e.src, e.tgt}}
	if link.Symmetric[e.typ] && e.src != e.tgt {
		pairs = append(pairs, [2]string{e.tgt, e.src})
	}
	var out []linkEvent
	for _, p := range pairs {
		rows, err := l.find.QueryContext(ctx, e.typ, p[0], p[1], lo, hi, coarser[0], coarser[1], coarser[2], coarser[3], coarser[4], coarser[5])
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c linkEvent
			var keys string
			if err := rows.Scan(&c.cluster, &keys, &c.name, &c.size); err != nil {
				rows.Close()
				return nil, err
			}
			for _, k := range strings.Split(keys, "\x1e") {
				c.date, c.place, _ = strings.Cut(k, "\x1f")
				out = append(out, c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// linkEvents joins each new event to the clusters of the stored events it agrees with: the
// clusters are the connected parts of the "agrees with" graph. Each cluster's public id is the
// least uid among its events, so neither the clusters nor their ids depend on the order in
// which reports arrive. When clusters merge, the smaller moves into the larger.
//
// The new events are not stored yet: linkEvents sets each one's cluster root, which its row
// then carries, so that linking costs no update of the events it links. It adds to dyads the
// change in each dyad's number of clusters.
func linkEvents(ctx context.Context, tx *sql.Tx, events []linkEvent, dyads map[dyad]int) error {
	l, err := newLinker(ctx, tx)
	if err != nil {
		return err
	}
	defer l.close()
	// moved maps a root merged during this batch to the root it went into, for the new
	// events that took the old root.
	moved := map[string]string{}
	type info struct {
		id   string
		size int
	}
	// An event whose type, actors, date and place repeat an earlier one of the batch, and
	// agree with themselves, agrees with exactly the clusters that one did, which are one
	// cluster by now: it joins it without a lookup. joined gives the root each such key went
	// into; grown gives the id and size of each root this batch grew.
	type key struct{ typ, src, tgt, date, place string }
	joined := map[key]string{}
	grown := map[string]info{}
	resolve := func(r string) string {
		for m, ok := moved[r]; ok; m, ok = moved[m] {
			r = m
		}
		return r
	}
	defer func() {
		for i := range events {
			events[i].cluster = resolve(events[i].cluster)
		}
	}()
	for i := range events {
		e := &events[i]
		e.cluster = e.uid
		if e.date == "" {
			// An event without a date stays on its own.
			if _, err := l.grow.ExecContext(ctx, e.uid, e.uid, 1); err != nil {
				return err
			}
			dyads[dyad{e.typ, e.src, e.tgt}.norm()]++
			continue
		}
		k := key{e.typ, e.src, e.tgt, e.date, e.place}
		if r, ok := joined[k]; ok {
			r = resolve(r)
			in := grown[r]
			in.size++
			if e.uid < in.id {
				in.id = e.uid
			}
			grown[r], e.cluster = in, r
			if _, err := l.grow.ExecContext(ctx, r, in.id, in.size); err != nil {
				return err
			}
			continue
		}
		// A date that agrees with no date, not even itself (an interval longer than a week),
		// links to nothing: the event keeps a cluster of its own without a lookup, which for
		// a long interval would read every key of its dyad within it.
		var cands []linkEvent
		linkable := link.Agree(e.date, e.date, e.place, e.place)
		if linkable {
			if cands, err = l.candidates(ctx, *e); err != nil {
				return fmt.Errorf("linking %s: %w", e.uid, err)
			}
		}
		roots := map[string]info{}
		for _, c := range cands {
			if _, seen := roots[c.cluster]; seen || !link.Agree(e.date, c.date, e.place, c.place) {
				continue
			}
			roots[c.cluster] = info{id: c.name, size: c.size}
		}
		// The largest cluster takes the others in; ties go to the least root, so that the
		// choice is the same on every run.
		target, best := e.uid, info{id: e.uid}
		for r, in := range roots {
			if target == e.uid || in.size > best.size || in.size == best.size && r < target {
				target, best = r, in
			}
		}
		id, size := best.id, best.size+1
		if e.uid < id {
			id = e.uid
		}
		for r, in := range roots {
			if r == target {
				continue
			}
			for _, st := range []*sql.Stmt{l.moveEvents, l.moveKeys} {
				if _, err := st.ExecContext(ctx, target, r); err != nil {
					return err
				}
			}
			if _, err := l.drop.ExecContext(ctx, r); err != nil {
				return err
			}
			moved[r] = target
			size += in.size
			if in.id < id {
				id = in.id
			}
		}
		e.cluster = target
		grown[target] = info{id: id, size: size}
		dyads[dyad{e.typ, e.src, e.tgt}.norm()] += 1 - len(roots) // a new cluster, or len(roots) made one
		if linkable {
			joined[k] = target
		}
		if _, err := l.keep.ExecContext(ctx, e.typ, e.src, e.tgt, e.date, e.place, target); err != nil {
			return err
		}
		if _, err := l.grow.ExecContext(ctx, target, id, size); err != nil {
			return err
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

// relink recomputes the clusters of whole dyads from scratch: after a reprocess, removed
// events may have split clusters.
func relink(ctx context.Context, tx *sql.Tx, dyads map[dyad]bool) error {
	keys := make([]dyad, 0, len(dyads))
	for d := range dyads {
		keys = append(keys, d)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].typ+"|"+keys[i].a+"|"+keys[i].b < keys[j].typ+"|"+keys[j].a+"|"+keys[j].b
	})
	for _, d := range keys {
		sym := link.Symmetric[d.typ]
		match := `type = ?1 AND ((source_actor = ?2 AND target_actor = ?3) OR (?4 AND source_actor = ?3 AND target_actor = ?2))`
		rows, err := tx.QueryContext(ctx, `SELECT uid, coalesce(date, ''), location, source_actor, target_actor, doc_id, event_id FROM events WHERE `+match,
			d.typ, d.a, d.b, sym)
		if err != nil {
			return err
		}
		var evs []link.Event
		var lev []linkEvent
		for rows.Next() {
			var e link.Event
			var le linkEvent
			if err := rows.Scan(&e.ID, &e.Date, &e.Place, &le.src, &le.tgt, &le.doc, &le.id); err != nil {
				rows.Close()
				return err
			}
			le.uid, le.typ, le.date, le.place = e.ID, d.typ, e.Date, e.Place
			evs = append(evs, e)
			lev = append(lev, le)
		}
		rows.Close()
		// Forget the dyad's clusters, then name each component by its least uid.
		for _, q := range []string{
			`DELETE FROM clusters WHERE root IN (SELECT cluster FROM events WHERE ` + match + `)`,
			`DELETE FROM event_keys WHERE type = ?1 AND ((source = ?2 AND target = ?3) OR (?4 AND source = ?3 AND target = ?2))`,
		} {
			if _, err := tx.ExecContext(ctx, q, d.typ, d.a, d.b, sym); err != nil {
				return err
			}
		}
		comp := link.Components(evs)
		size := map[string]int{}
		for _, c := range comp {
			size[c]++
		}
		for _, e := range lev {
			c := comp[e.uid]
			if _, err := tx.ExecContext(ctx, `UPDATE events SET cluster = ? WHERE doc_id = ? AND event_id = ?`, c, e.doc, e.id); err != nil {
				return err
			}
			if e.date != "" {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO event_keys VALUES (?, ?, ?, ?, ?, ?)`, e.typ, e.src, e.tgt, e.date, e.place, c); err != nil {
					return err
				}
			}
		}
		for c, n := range size {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO clusters VALUES (?, ?, ?)`, c, c, n); err != nil {
				return err
			}
		}
		if err := setDyad(ctx, tx, d, len(size)); err != nil {
			return err
		}
	}
	return nil
}

// pairWhere is the condition on event_keys for a dyad (either role), or one actor.
func pairWhere(a, b string) (string, []any) {
	switch {
	case a != "" && b != "":
		return `((source = ? AND target = ?) OR (source = ? AND target = ?))`, []any{a, b, b, a}
	case a != "":
		return `(source = ? OR target = ?)`, []any{a, a}
	}
	return `1`, nil
}

// Clusters returns the event clusters of a dyad or an actor a page at a time, in order of
// their first date (see store.PageClusters; dated events only), each with its first mentions;
// with no actor, every cluster with all its mentions, for export.
func (s *DB) Clusters(ctx context.Context, q store.ClusterQuery) ([]link.Cluster, error) {
	if q.A != "" {
		at, err := store.PageClusters(ctx, newKeys(s, q), keyStreams(q), q, q.Limit)
		if err != nil {
			return nil, s.explain(err)
		}
		return s.summarize(ctx, at)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(k.id, e.uid), e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type,
			e.source_actor, e.target_actor, coalesce(e.date, ''), e.location, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start)
		FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN clusters k ON k.root = e.cluster
		ORDER BY 1, e.uid`)
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
		c.Total = len(c.Mentions)
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

// Months counts a dyad's event clusters per month and PLOVER type, from the dated events.
func (s *DB) Months(ctx context.Context, a, b string) ([]link.Month, error) {
	where, args := pairWhere(a, b)
	rows, err := s.db.QueryContext(ctx, `SELECT substr(date, 1, 7), type, count(DISTINCT root) FROM event_keys
		WHERE `+where+` AND length(date) >= 7 AND instr(date, '/') = 0 GROUP BY 1, 2 ORDER BY 1`, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []link.Month
	for rows.Next() {
		var m, typ string
		var n int
		if err := rows.Scan(&m, &typ, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Month != m {
			out = append(out, link.Month{Month: m})
		}
		_, quad := store.CAMEO(typ)
		out[len(out)-1].Add(quad, n)
	}
	return out, s.explain(rows.Err())
}

// EntityMentions returns the people who share the last word of name, and the organizations
// and countries coded name: the ways reports name them, counted as reports are stored, each
// with the first report that names it so.
func (s *DB) EntityMentions(ctx context.Context, name string) ([]link.Mention, error) {
	sn := ""
	if f := strings.Fields(name); len(f) > 0 {
		sn = text.FoldName(f[len(f)-1])
	}
	code := strings.ToUpper(strings.TrimSpace(name))
	rows, err := s.db.QueryContext(ctx, `SELECT e.first_doc, d.source, coalesce(d.published, ''), e.type, e.name, e.country, e.code, e.titles, e.reports
		FROM entity_names e JOIN documents d ON d.id = e.first_doc
		WHERE (e.key = ? AND e.type = 'person' OR e.key = ? AND e.type <> 'person') AND e.reports > 0 ORDER BY e.first_doc, e.name`,
		store.NameKey("person", "", sn), store.NameKey("organization", code, ""))
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []link.Mention
	for rows.Next() {
		var m link.Mention
		if err := rows.Scan(&m.DocID, &m.DocSource, &m.Published, &m.Type, &m.Name, &m.Country, &m.Code, &m.Titles, &m.Reports); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, s.explain(rows.Err())
}
