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

// keyColumns are the columns of event_keys that make a link.Stored, in scanKeys' order.
const keyColumns = `type, source, target, date, location, stem, figures, root, first_uid, n, crowded`

// insertKey writes a row of event_keys (keyRow).
const insertKey = `INSERT INTO event_keys (id, ` + keyColumns + `, act, lo, hi, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// keyStore is the link.KeyStore of one write transaction: event_keys, through statements
// prepared once.
type keyStore struct {
	get, days, acts, mentions, add, setRoot, crowd *sql.Stmt
}

var _ link.KeyStore = (*keyStore)(nil)

func newKeyStore(ctx context.Context, tx *sql.Tx) (*keyStore, error) {
	ks := &keyStore{}
	dyad := `type = ?1 AND source = ?2 AND target = ?3`
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&ks.get, `SELECT ` + keyColumns + ` FROM event_keys WHERE id = ?`},
		{&ks.days, `SELECT ` + keyColumns + ` FROM event_keys WHERE ` + dyad + ` AND day = 1 AND lo BETWEEN ?4 AND ?5`},
		{&ks.acts, `SELECT ` + keyColumns + ` FROM event_keys WHERE ` + dyad + ` AND act = ?4 AND day = 1 AND crowded = 0 AND lo BETWEEN ?5 AND ?6 LIMIT ?7`},
		{&ks.mentions, `SELECT ` + keyColumns + ` FROM event_keys WHERE ` + dyad + ` AND act = ?4 AND day = 0 AND crowded = 0 AND lo BETWEEN ?5 AND ?6 AND hi >= ?6`},
		{&ks.add, insertKey},
		{&ks.setRoot, `UPDATE event_keys SET root = ? WHERE id = ?`},
		{&ks.crowd, `UPDATE event_keys SET crowded = 1 WHERE id = ?`},
	} {
		st, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			ks.close()
			return nil, err
		}
		*p.dst = st
	}
	return ks, nil
}

func (ks *keyStore) close() {
	for _, st := range []*sql.Stmt{ks.get, ks.days, ks.acts, ks.mentions, ks.add, ks.setRoot, ks.crowd} {
		if st != nil {
			st.Close()
		}
	}
}

func scanKeys(rows *sql.Rows, err error) ([]link.Stored, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []link.Stored
	for rows.Next() {
		var s link.Stored
		k := &s.Key
		if err := rows.Scan(&k.Type, &k.Source, &k.Target, &k.Date, &k.Place, &k.Stem, &k.Figures, &s.Root, &s.First, &s.N, &s.Crowded); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (ks *keyStore) Key(ctx context.Context, id string) (link.Stored, bool, error) {
	ss, err := scanKeys(ks.get.QueryContext(ctx, id))
	if err != nil || len(ss) == 0 {
		return link.Stored{}, false, err
	}
	return ss[0], true, nil
}

func (ks *keyStore) Days(ctx context.Context, k link.Key, lo, hi string) ([]link.Stored, error) {
	return scanKeys(ks.days.QueryContext(ctx, k.Type, k.Source, k.Target, lo, hi))
}

func (ks *keyStore) Acts(ctx context.Context, k link.Key, act, lo, hi string, limit int) ([]link.Stored, error) {
	return scanKeys(ks.acts.QueryContext(ctx, k.Type, k.Source, k.Target, act, lo, hi, limit))
}

func (ks *keyStore) Mentions(ctx context.Context, k link.Key, act, lo, day string) ([]link.Stored, error) {
	return scanKeys(ks.mentions.QueryContext(ctx, k.Type, k.Source, k.Target, act, lo, day))
}

func (ks *keyStore) Add(ctx context.Context, s link.Stored) error {
	_, err := ks.add.ExecContext(ctx, keyRow(s)...)
	return err
}

// keyRow is an event_keys row: the id, keyColumns, then act, lo, hi, day.
func keyRow(s link.Stored) []any {
	k := s.Key
	lo, hi, _ := link.Span(k.Date)
	return []any{k.ID(), k.Type, k.Source, k.Target, k.Date, k.Place, k.Stem, k.Figures, s.Root, s.First, s.N, s.Crowded, k.Act(), lo, hi, k.Day()}
}

func (ks *keyStore) SetRoot(ctx context.Context, id, root string) error {
	_, err := ks.setRoot.ExecContext(ctx, root, id)
	return err
}

func (ks *keyStore) Crowd(ctx context.Context, id string) error {
	_, err := ks.crowd.ExecContext(ctx, id)
	return err
}

// linkEvents links a batch's new events, which are not stored yet: it gives each its cluster
// root, key and role, which its row then carries, so that linking updates no row of the
// batch; only stored events whose cluster changes are moved. See package link for the rules.
// It adds to dyads the change in each dyad's number of clusters: one for each event alone
// (no key), and for the dyads whose keys the batch touched, their clusters counted before
// and after (the keys of those dyads only, through the index on them).
func linkEvents(ctx context.Context, tx *sql.Tx, events []linkEvent, dyads map[dyad]int) error {
	ks, err := newKeyStore(ctx, tx)
	if err != nil {
		return err
	}
	defer ks.close()
	keyed := map[dyad]int{}
	for _, e := range events {
		d := dyadOf(e.Type, e.Source, e.Target)
		if link.Keyed(e.Event) {
			keyed[d] = 0
		} else {
			dyads[d]++
		}
	}
	count, err := tx.PrepareContext(ctx, `SELECT count(DISTINCT root) FROM event_keys WHERE type = ? AND source = ? AND target = ?`)
	if err != nil {
		return err
	}
	defer count.Close()
	recount := func(sign int) error {
		for d := range keyed {
			var n int
			if err := count.QueryRowContext(ctx, d.typ, d.a, d.b).Scan(&n); err != nil {
				return fmt.Errorf("counting clusters: %w", err)
			}
			keyed[d] += sign * n
		}
		return nil
	}
	if err := recount(-1); err != nil {
		return err
	}
	l := link.NewLinker(ks)
	for _, e := range events {
		if err := l.Add(ctx, e.Event); err != nil {
			return fmt.Errorf("linking %s: %w", e.ID, err)
		}
	}
	res := l.Result()
	for i := range events {
		events[i].place = res.Events[events[i].ID]
	}
	if err := applyLinked(ctx, tx, res); err != nil {
		return err
	}
	if err := recount(1); err != nil {
		return err
	}
	for d, n := range keyed {
		dyads[d] += n
	}
	return nil
}

// linkEvent is an event of a batch as linking sees it, and where linking put it.
type linkEvent struct {
	link.Event
	place link.Placement
}

// applyLinked writes what a batch of linking left: the keys' counts, the stored events that
// move, and the clusters rows (public id and size) of the roots it touched.
func applyLinked(ctx context.Context, tx *sql.Tx, res link.Linked) error {
	count, err := tx.PrepareContext(ctx, `UPDATE event_keys SET n = n + ?, first_uid = min(first_uid, ?) WHERE id = ?`)
	if err != nil {
		return err
	}
	defer count.Close()
	for _, c := range res.Counts {
		if _, err := count.ExecContext(ctx, c.Added, c.First, c.Key); err != nil {
			return err
		}
	}
	for _, m := range res.Moves {
		if _, err := tx.ExecContext(ctx, `UPDATE events SET cluster = ? WHERE cluster = ? AND link_key = ?`, m.To, m.From, m.Key); err != nil {
			return err
		}
	}
	alone := map[string]bool{}
	for uid, p := range res.Events {
		if p.Key == "" {
			alone[uid] = true
		}
	}
	return writeClusters(ctx, tx, res.Roots, alone)
}

// writeClusters sets the clusters rows of roots from their keys: the public id is the least
// uid of the members (of the mentions, when the cluster has no member), the size the number
// of events. A root without keys is an event alone (in alone) or a cluster that is gone.
func writeClusters(ctx context.Context, tx *sql.Tx, roots []string, alone map[string]bool) error {
	var stmts [4]*sql.Stmt
	for i, q := range []string{
		`SELECT coalesce(min(CASE WHEN day = 1 THEN first_uid END), min(first_uid)), sum(n) FROM event_keys WHERE root = ?`,
		`INSERT INTO clusters VALUES (?1, ?2, ?3) ON CONFLICT (root) DO UPDATE SET id = ?2, size = ?3`,
		`INSERT OR REPLACE INTO clusters VALUES (?1, ?1, 1)`,
		`DELETE FROM clusters WHERE root = ?`,
	} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		stmts[i] = st
	}
	agg, upsert, single, drop := stmts[0], stmts[1], stmts[2], stmts[3]
	for _, r := range roots {
		if alone[r] {
			if _, err := single.ExecContext(ctx, r); err != nil {
				return err
			}
			continue
		}
		var id sql.NullString
		var size sql.NullInt64
		if err := agg.QueryRowContext(ctx, r).Scan(&id, &size); err != nil {
			return err
		}
		var err error
		switch {
		case size.Valid && size.Int64 > 0:
			_, err = upsert.ExecContext(ctx, r, id.String, size.Int64)
		default:
			_, err = drop.ExecContext(ctx, r)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dyad is a type and a pair of actors, in the order of link.KeyOf.
type dyad struct{ typ, a, b string }

func dyadOf(typ, source, target string) dyad {
	k := link.KeyOf(link.Event{Type: typ, Source: source, Target: target})
	return dyad{k.Type, k.Source, k.Target}
}

// dyadsOf returns the dyads of the events of the documents in the JSON id list, and the roots
// of those events' clusters.
func dyadsOf(ctx context.Context, tx *sql.Tx, ids string) (map[dyad]bool, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT type, source_actor, target_actor, cluster FROM events
		WHERE doc_id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := map[dyad]bool{}
	var roots []string
	for rows.Next() {
		var typ, a, b, root string
		if err := rows.Scan(&typ, &a, &b, &root); err != nil {
			return nil, nil, err
		}
		out[dyadOf(typ, a, b)] = true
		roots = append(roots, root)
	}
	return out, roots, rows.Err()
}

// storedEvent is a stored event as relinking reads it.
type storedEvent struct {
	link.Event
	doc     int64
	eventID string
}

// readDyads calls fn with the stored events of each dyad, one dyad at a time, with the figures
// of each event's sentence; only the dyads in want when it is not nil. It reads the events
// table once.
func readDyads(ctx context.Context, tx *sql.Tx, want map[dyad]bool, fn func(dyad, []storedEvent) error) error {
	sym := store.SymmetricSQL()
	a := `CASE WHEN e.type IN (` + sym + `) AND e.target_actor < e.source_actor THEN e.target_actor ELSE e.source_actor END`
	b := `CASE WHEN e.type IN (` + sym + `) AND e.target_actor < e.source_actor THEN e.source_actor ELSE e.target_actor END`
	where, args := "", []any{}
	if want != nil {
		var list [][3]string
		for d := range want {
			list = append(list, [3]string{d.typ, d.a, d.b})
		}
		where = ` WHERE (e.type, ` + a + `, ` + b + `) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`
		args = append(args, jsonText(list))
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.type, `+a+`, `+b+`, e.uid, e.source_actor, e.target_actor, coalesce(e.date, ''), e.location,
			e.trigger, e.doc_id, e.event_id, coalesce((SELECT group_concat(s.value, ' ') FROM statistics s
				WHERE s.doc_id = e.doc_id AND s.ev_start = e.ev_start AND s.ev_end = e.ev_end AND s.kind = 'count'), ''),
			coalesce((SELECT d.published FROM documents d WHERE d.id = e.doc_id), '')
		FROM events e`+where+` ORDER BY 1, 2, 3`, args...)
	if err != nil {
		return err
	}
	var cur dyad
	var evs []storedEvent
	for rows.Next() {
		var d dyad
		var e storedEvent
		var figs string
		if err := rows.Scan(&d.typ, &d.a, &d.b, &e.ID, &e.Source, &e.Target, &e.Date, &e.Place, &e.Trigger, &e.doc, &e.eventID, &figs, &e.Published); err != nil {
			rows.Close()
			return err
		}
		e.Type, e.Figures, e.Published = d.typ, link.ParseFigures(figs), link.Day(e.Published)
		if len(evs) > 0 && d != cur {
			if err := fn(cur, evs); err != nil {
				rows.Close()
				return err
			}
			evs = nil
		}
		cur = d
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	rows.Close()
	if len(evs) > 0 {
		return fn(cur, evs)
	}
	return nil
}

// relink links whole dyads afresh from their stored events: after a reprocess, removed events
// may have split clusters, and a migration to new rules relinks everything (want nil). The
// clusters rows of stale lists no event holds any more are dropped. The clusters per dyad
// (dyad_clusters) are set for the dyads in want; relinking everything leaves them alone, since
// migration 10 runs before migration 11 makes them, and 11 counts them from the rows.
func relink(ctx context.Context, tx *sql.Tx, want map[dyad]bool, stale []string) error {
	up, err := tx.PrepareContext(ctx, `UPDATE events SET cluster = ?, link_key = ?, mention = ? WHERE doc_id = ? AND event_id = ?`)
	if err != nil {
		return err
	}
	defer up.Close()
	ins, err := tx.PrepareContext(ctx, insertKey)
	if err != nil {
		return err
	}
	defer ins.Close()
	if want == nil {
		for _, q := range []string{`DELETE FROM event_keys`, `DELETE FROM clusters`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	relinked := map[dyad]bool{}
	err = readDyads(ctx, tx, want, func(d dyad, evs []storedEvent) error {
		relinked[d] = true
		if err := dropDyad(ctx, tx, d, want == nil); err != nil {
			return err
		}
		les := make([]link.Event, len(evs))
		for i, e := range evs {
			les[i] = e.Event
		}
		keys, places := link.Relink(les)
		roots := map[string]bool{}
		for _, s := range keys {
			if _, err := ins.ExecContext(ctx, keyRow(s)...); err != nil {
				return err
			}
			roots[s.Root] = true
		}
		alone := map[string]bool{}
		clusters := map[string]bool{}
		for _, e := range evs {
			p := places[e.ID]
			if _, err := up.ExecContext(ctx, p.Root, p.Key, p.Mention, e.doc, e.eventID); err != nil {
				return err
			}
			if p.Key == "" {
				alone[p.Root], roots[p.Root] = true, true
			}
			clusters[p.Root] = true
		}
		if err := writeClusters(ctx, tx, sortedKeys(roots), alone); err != nil {
			return err
		}
		if want == nil {
			return nil
		}
		return setDyad(ctx, tx, d, len(clusters))
	})
	if err != nil {
		return err
	}
	// Dyads whose events are all gone.
	for d := range want {
		if !relinked[d] {
			if err := dropDyad(ctx, tx, d, false); err != nil {
				return err
			}
			if err := setDyad(ctx, tx, d, 0); err != nil {
				return err
			}
		}
	}
	for _, r := range stale {
		if _, err := tx.ExecContext(ctx, `DELETE FROM clusters WHERE root = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE cluster = ?1)`, r); err != nil {
			return err
		}
	}
	return nil
}

// dropDyad forgets a dyad's keys and their clusters rows (all of them were dropped already
// when all is set).
func dropDyad(ctx context.Context, tx *sql.Tx, d dyad, all bool) error {
	if all {
		return nil
	}
	for _, q := range []string{
		`DELETE FROM clusters WHERE root IN (SELECT root FROM event_keys WHERE type = ? AND source = ? AND target = ?)`,
		`DELETE FROM event_keys WHERE type = ? AND source = ? AND target = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, d.typ, d.a, d.b); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// relinkAll is migration 10's Go step: every stored event linked by the rules of package link.
func relinkAll(ctx context.Context, tx *sql.Tx) error { return relink(ctx, tx, nil, nil) }

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

// Clusters returns the event clusters of a dyad or an actor (or of every actor) a page at a
// time, in order of their first date (see store.PageClusters; dated events only), each with its
// first mentions; with no actor and no limit, every cluster with all its mentions, for export.
func (s *DB) Clusters(ctx context.Context, q store.ClusterQuery) ([]link.Cluster, error) {
	if q.A == "" && q.Limit == 0 {
		return s.everyCluster(ctx)
	}
	at, err := store.PageClusters(ctx, newKeys(s, q), keyStreams(q), q, q.Limit)
	if err != nil {
		return nil, s.explain(err)
	}
	return s.summarize(ctx, at)
}

// everyCluster returns every cluster with all its mentions, for export.
func (s *DB) everyCluster(ctx context.Context) ([]link.Cluster, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(k.id, e.uid), e.uid, e.doc_id, d.source, coalesce(d.published, ''), e.type,
			e.source_actor, e.target_actor, coalesce(e.date, ''), e.location, `+store.RoleSQL+`, substr(d.body, e.ev_start + 1, e.ev_end - e.ev_start)
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
			&m.Place, &m.Role, &m.Evidence); err != nil {
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

// relinkUndated is migration 14's Go step: every stored event linked by the rules of package
// link, which now link undated events, and the clusters of each dyad counted again.
func relinkUndated(ctx context.Context, tx *sql.Tx) error {
	if err := relink(ctx, tx, nil, nil); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, countDyadClusters()); err != nil {
		return fmt.Errorf("count the clusters of each dyad: %w", err)
	}
	return nil
}
