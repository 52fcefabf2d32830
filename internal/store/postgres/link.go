package postgres

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/link"
)

// keyColumns are the columns of event_keys that make a link.Stored, in scanKeys' order.
const keyColumns = `type, source, target, date, location, stem, figures, root, first_uid, n, crowded`

// keyStore is the link.KeyStore of one transaction: event_keys.
type keyStore struct{ tx pgx.Tx }

var _ link.KeyStore = keyStore{}

func scanKeys(rows pgx.Rows, err error) ([]link.Stored, error) {
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

const dyadWhere = `type = $1 AND source = $2 AND target = $3`

func (ks keyStore) Key(ctx context.Context, id string) (link.Stored, bool, error) {
	ss, err := scanKeys(ks.tx.Query(ctx, `SELECT `+keyColumns+` FROM event_keys WHERE id = $1`, id))
	if err != nil || len(ss) == 0 {
		return link.Stored{}, false, err
	}
	return ss[0], true, nil
}

func (ks keyStore) Days(ctx context.Context, k link.Key, lo, hi string) ([]link.Stored, error) {
	return scanKeys(ks.tx.Query(ctx, `SELECT `+keyColumns+` FROM event_keys WHERE `+dyadWhere+` AND day AND lo BETWEEN $4 AND $5`,
		k.Type, k.Source, k.Target, lo, hi))
}

func (ks keyStore) Acts(ctx context.Context, k link.Key, act, lo, hi string, limit int) ([]link.Stored, error) {
	return scanKeys(ks.tx.Query(ctx, `SELECT `+keyColumns+` FROM event_keys WHERE `+dyadWhere+` AND act = $4 AND day AND crowded = false AND lo BETWEEN $5 AND $6 LIMIT $7`,
		k.Type, k.Source, k.Target, act, lo, hi, limit))
}

func (ks keyStore) Mentions(ctx context.Context, k link.Key, act, lo, day string) ([]link.Stored, error) {
	return scanKeys(ks.tx.Query(ctx, `SELECT `+keyColumns+` FROM event_keys WHERE `+dyadWhere+` AND act = $4 AND day = false
		AND crowded = false AND lo BETWEEN $5 AND $6 AND hi >= $6`, k.Type, k.Source, k.Target, act, lo, day))
}

const insertKey = `INSERT INTO event_keys (id, ` + keyColumns + `, act, lo, hi, day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`

// keyRow is an event_keys row: the id, keyColumns, then act, lo, hi, day.
func keyRow(s link.Stored) []any {
	k := s.Key
	lo, hi, _ := link.Span(k.Date)
	return []any{k.ID(), k.Type, k.Source, k.Target, k.Date, k.Place, k.Stem, k.Figures, s.Root, s.First, s.N, s.Crowded, k.Act(), lo, hi, k.Day()}
}

func (ks keyStore) Add(ctx context.Context, s link.Stored) error {
	_, err := ks.tx.Exec(ctx, insertKey, keyRow(s)...)
	return err
}

func (ks keyStore) SetRoot(ctx context.Context, id, root string) error {
	_, err := ks.tx.Exec(ctx, `UPDATE event_keys SET root = $1 WHERE id = $2`, root, id)
	return err
}

func (ks keyStore) Crowd(ctx context.Context, id string) error {
	_, err := ks.tx.Exec(ctx, `UPDATE event_keys SET crowded = true WHERE id = $1`, id)
	return err
}

// linkEvent is an event of a batch as linking sees it, and where linking put it.
type linkEvent struct {
	link.Event
	place link.Placement
}

// dyad is a type and a pair of actors, in the order of link.KeyOf.
type dyad struct{ typ, a, b string }

func dyadOf(typ, source, target string) dyad {
	k := link.KeyOf(link.Event{Type: typ, Source: source, Target: target})
	return dyad{k.Type, k.Source, k.Target}
}

func lockID(d dyad) int64 {
	h := fnv.New64a()
	h.Write([]byte(d.typ + "|" + d.a + "|" + d.b))
	return int64(h.Sum64())
}

// lockDyads takes a transaction-scoped advisory lock per dyad, in a fixed order, so that
// workers linking the same dyad at once wait for each other and cannot deadlock.
func lockDyads(ctx context.Context, tx pgx.Tx, dyads map[dyad]bool) error {
	ids := make([]int64, 0, len(dyads))
	for d := range dyads {
		ids = append(ids, lockID(d))
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			continue
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, id); err != nil {
			return err
		}
	}
	return nil
}

// linkEvents links a batch's new events, which are not stored yet, under a lock per dyad, as
// the SQLite store does: each gets its cluster root, key and role, which its row then
// carries; only stored events whose cluster changes are moved. It adds to delta the change in
// each dyad's number of clusters: one for each event alone (no key), and for the dyads whose
// keys the batch touched, their clusters counted before and after, under the dyad's lock.
func linkEvents(ctx context.Context, tx pgx.Tx, events []linkEvent, delta map[dyad]int) error {
	dyads := map[dyad]bool{}
	for _, e := range events {
		d := dyadOf(e.Type, e.Source, e.Target)
		if link.Keyed(e.Event) {
			dyads[d] = true
		} else {
			delta[d]++
		}
	}
	if err := lockDyads(ctx, tx, dyads); err != nil {
		return err
	}
	if err := countClusters(ctx, tx, dyads, delta, -1); err != nil {
		return err
	}
	l := link.NewLinker(keyStore{tx})
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
	return countClusters(ctx, tx, dyads, delta, 1)
}

// countClusters adds sign times the number of clusters of each dyad's keys to delta, in one
// statement: the keys of those dyads only, through the index on them.
func countClusters(ctx context.Context, tx pgx.Tx, dyads map[dyad]bool, delta map[dyad]int, sign int) error {
	if len(dyads) == 0 {
		return nil
	}
	var ts, as, bs []string
	for d := range dyads {
		ts, as, bs = append(ts, d.typ), append(as, d.a), append(bs, d.b)
	}
	rows, err := tx.Query(ctx, `SELECT d.t, d.a, d.b, (SELECT count(DISTINCT k.root) FROM event_keys k WHERE k.type = d.t AND k.source = d.a AND k.target = d.b)
		FROM unnest($1::text[], $2::text[], $3::text[]) AS d (t, a, b)`, ts, as, bs)
	if err != nil {
		return fmt.Errorf("counting clusters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d dyad
		var n int
		if err := rows.Scan(&d.typ, &d.a, &d.b, &n); err != nil {
			return err
		}
		delta[d] += sign * n
	}
	return rows.Err()
}

// applyLinked writes what a batch of linking left: the keys' counts, the stored events that
// move, and the clusters rows of the roots it touched.
func applyLinked(ctx context.Context, tx pgx.Tx, res link.Linked) error {
	for _, c := range res.Counts {
		if _, err := tx.Exec(ctx, `UPDATE event_keys SET n = n + $1, first_uid = least(first_uid, $2) WHERE id = $3`, c.Added, c.First, c.Key); err != nil {
			return err
		}
	}
	for _, m := range res.Moves {
		if _, err := tx.Exec(ctx, `UPDATE events SET cluster = $1 WHERE cluster = $2 AND link_key = $3`, m.To, m.From, m.Key); err != nil {
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
func writeClusters(ctx context.Context, tx pgx.Tx, roots []string, alone map[string]bool) error {
	for _, r := range roots {
		var id *string
		var size *int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(min(CASE WHEN day THEN first_uid END), min(first_uid)), sum(n)::bigint
			FROM event_keys WHERE root = $1`, r).Scan(&id, &size); err != nil {
			return err
		}
		var err error
		switch {
		case size != nil && *size > 0:
			_, err = tx.Exec(ctx, `INSERT INTO clusters VALUES ($1, $2, $3) ON CONFLICT (root) DO UPDATE SET id = $2, size = $3`, r, *id, *size)
		case alone[r]:
			_, err = tx.Exec(ctx, `INSERT INTO clusters VALUES ($1, $1, 1) ON CONFLICT (root) DO UPDATE SET id = $1, size = 1`, r)
		default:
			_, err = tx.Exec(ctx, `DELETE FROM clusters WHERE root = $1`, r)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dyadsOf returns the dyads of the events of documents, and the roots of those events'
// clusters.
func dyadsOf(ctx context.Context, tx pgx.Tx, ids []int64) (map[dyad]bool, []string, error) {
	rows, err := tx.Query(ctx, `SELECT type, source_actor, target_actor, cluster FROM events WHERE doc_id = ANY($1)`, ids)
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
func readDyads(ctx context.Context, tx pgx.Tx, want map[dyad]bool, fn func(dyad, []storedEvent) error) error {
	var sym []string
	for t := range link.Symmetric {
		sym = append(sym, t)
	}
	swap := `e.type = ANY($1) AND e.target_actor < e.source_actor`
	a := `CASE WHEN ` + swap + ` THEN e.target_actor ELSE e.source_actor END`
	b := `CASE WHEN ` + swap + ` THEN e.source_actor ELSE e.target_actor END`
	where, args := "", []any{sym}
	if want != nil {
		var ts, as, bs []string
		for d := range want {
			ts, as, bs = append(ts, d.typ), append(as, d.a), append(bs, d.b)
		}
		where = ` WHERE (e.type, ` + a + `, ` + b + `) IN (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]))`
		args = append(args, ts, as, bs)
	}
	rows, err := tx.Query(ctx, `SELECT e.type, `+a+`, `+b+`, e.uid, e.source_actor, e.target_actor, coalesce(e.date, ''), e.location,
			e.trigger, e.doc_id, e.event_id, coalesce((SELECT string_agg(s.value::text, ' ') FROM statistics s
				WHERE s.doc_id = e.doc_id AND s.ev_start = e.ev_start AND s.ev_end = e.ev_end AND s.kind = 'count'), ''),
			coalesce((SELECT d.published FROM documents d WHERE d.id = e.doc_id), '')
		FROM events e`+where+` ORDER BY 1, 2, 3`, args...)
	if err != nil {
		return err
	}
	// The rows are read to the end before fn writes: one connection runs one query at a time.
	type group struct {
		d   dyad
		evs []storedEvent
	}
	var groups []group
	for rows.Next() {
		var d dyad
		var e storedEvent
		var figs string
		if err := rows.Scan(&d.typ, &d.a, &d.b, &e.ID, &e.Source, &e.Target, &e.Date, &e.Place, &e.Trigger, &e.doc, &e.eventID, &figs, &e.Published); err != nil {
			rows.Close()
			return err
		}
		e.Type, e.Figures, e.Published = d.typ, link.ParseFigures(figs), link.Day(e.Published)
		if len(groups) == 0 || groups[len(groups)-1].d != d {
			groups = append(groups, group{d: d})
		}
		g := &groups[len(groups)-1]
		g.evs = append(g.evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, g := range groups {
		if err := fn(g.d, g.evs); err != nil {
			return err
		}
	}
	return nil
}

// relink links whole dyads afresh from their stored events, under their locks: after a
// reprocess, removed events may have split clusters, and a migration to new rules relinks
// everything (want nil). The clusters rows of stale roots that no event holds are dropped.
// The clusters per dyad (dyad_clusters) are set for the dyads in want; relinking everything
// leaves them alone, since migration 3 runs before migration 4 makes them, and 4 counts them
// from the rows.
func relink(ctx context.Context, tx pgx.Tx, want map[dyad]bool, stale []string) error {
	if want == nil {
		// Everything: one lock for the whole store's linking, then no key or cluster is left.
		if _, err := tx.Exec(ctx, `LOCK TABLE event_keys, clusters IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM event_keys`, `DELETE FROM clusters`} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
	} else if err := lockDyads(ctx, tx, want); err != nil {
		return err
	}
	relinked := map[dyad]bool{}
	err := readDyads(ctx, tx, want, func(d dyad, evs []storedEvent) error {
		relinked[d] = true
		if want != nil {
			if err := dropDyad(ctx, tx, d); err != nil {
				return err
			}
		}
		les := make([]link.Event, len(evs))
		for i, e := range evs {
			les[i] = e.Event
		}
		keys, places := link.Relink(les)
		b := &pgx.Batch{}
		roots := map[string]bool{}
		for _, s := range keys {
			b.Queue(insertKey, keyRow(s)...)
			roots[s.Root] = true
		}
		alone := map[string]bool{}
		for _, e := range evs {
			p := places[e.ID]
			b.Queue(`UPDATE events SET cluster = $1, link_key = $2, mention = $3 WHERE doc_id = $4 AND event_id = $5`, p.Root, p.Key, p.Mention, e.doc, e.eventID)
			if p.Key == "" {
				alone[p.Root], roots[p.Root] = true, true
			}
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		list := make([]string, 0, len(roots))
		for r := range roots {
			list = append(list, r)
		}
		sort.Strings(list)
		if err := writeClusters(ctx, tx, list, alone); err != nil {
			return err
		}
		if want == nil {
			return nil
		}
		clusters := map[string]bool{}
		for _, p := range places {
			clusters[p.Root] = true
		}
		return setDyad(ctx, tx, d, len(clusters))
	})
	if err != nil {
		return err
	}
	for d := range want {
		if !relinked[d] {
			if err := dropDyad(ctx, tx, d); err != nil {
				return err
			}
			if err := setDyad(ctx, tx, d, 0); err != nil {
				return err
			}
		}
	}
	if len(stale) > 0 {
		_, err = tx.Exec(ctx, `DELETE FROM clusters c WHERE c.root = ANY($1) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.root)`, stale)
	}
	return err
}

// dropDyad forgets a dyad's keys and their clusters rows.
func dropDyad(ctx context.Context, tx pgx.Tx, d dyad) error {
	for _, q := range []string{
		`DELETE FROM clusters WHERE root IN (SELECT root FROM event_keys WHERE ` + dyadWhere + `)`,
		`DELETE FROM event_keys WHERE ` + dyadWhere,
	} {
		if _, err := tx.Exec(ctx, q, d.typ, d.a, d.b); err != nil {
			return err
		}
	}
	return nil
}

// relinkAll is migration 3's Go step: every stored event linked by the rules of package link.
func relinkAll(ctx context.Context, tx pgx.Tx) error { return relink(ctx, tx, nil, nil) }

// relinkUndated is migration 7's Go step: every stored event linked by the rules of package
// link, which now link undated events, and the clusters of each dyad counted again.
func relinkUndated(ctx context.Context, tx pgx.Tx) error {
	if err := relink(ctx, tx, nil, nil); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, countDyadClusters()); err != nil {
		return fmt.Errorf("count the clusters of each dyad: %w", err)
	}
	return nil
}
