package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// The aggregates every write keeps (see store/aggregates.go), as in the SQLite store. Workers
// write at once: the row counts are kept in shards (a write adds to one, a read sums them),
// a dyad's count under the dyad's advisory lock, and a claim's rows under an advisory lock of
// its own, taken after the dyads', each kind in sorted order, so that no two writers deadlock.

// totalShards is how many rows each count is spread over.
const totalShards = 16

func addTotals(ctx context.Context, tx pgx.Tx, delta map[string]int64) error {
	shard := rand.IntN(totalShards)
	for _, name := range store.CountNames { // in a fixed order, against deadlocks
		if delta[name] == 0 {
			continue
		}
		if _, err := tx.Exec(ctx, `INSERT INTO totals VALUES ($1, $2, $3) ON CONFLICT (name, shard) DO UPDATE SET n = totals.n + $3`,
			name, shard, delta[name]); err != nil {
			return fmt.Errorf("totals: %w", err)
		}
	}
	return nil
}

// addDyads adds to the clusters per dyad.
func addDyads(ctx context.Context, tx pgx.Tx, delta map[dyad]int) error {
	keys := make([]dyad, 0, len(delta))
	for d, n := range delta {
		if n != 0 {
			keys = append(keys, d)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return lockID(keys[i]) < lockID(keys[j]) })
	for _, d := range keys {
		if _, err := tx.Exec(ctx, `INSERT INTO dyad_clusters VALUES ($1, $2, $3, $4) ON CONFLICT (type, source, target)
			DO UPDATE SET n = dyad_clusters.n + $4`, d.typ, d.a, d.b, delta[d]); err != nil {
			return fmt.Errorf("dyads: %w", err)
		}
	}
	return nil
}

// setDyad sets a dyad's clusters to n, after it was linked afresh under its lock.
func setDyad(ctx context.Context, tx pgx.Tx, d dyad, n int) error {
	_, err := tx.Exec(ctx, `INSERT INTO dyad_clusters VALUES ($1, $2, $3, $4) ON CONFLICT (type, source, target) DO UPDATE SET n = $4`,
		d.typ, d.a, d.b, n)
	return err
}

// claimLockSpace is the first key of the two-key advisory locks of claims, apart from the
// one-key locks of dyads.
const claimLockSpace = 7340002

func claimLock(k store.ClaimKey) int32 {
	h := fnv.New32a()
	h.Write([]byte(k.Category + "|" + k.Country + "|" + k.Period))
	return int32(h.Sum32())
}

// lockClaims takes the advisory locks of the claims that tallies touch, in sorted order.
func lockClaims(ctx context.Context, tx pgx.Tx, ts []store.TallyRow) error {
	seen := map[int32]bool{}
	var ids []int32
	for _, t := range ts {
		if id := claimLock(t.Key); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, int32(claimLockSpace), id); err != nil {
			return err
		}
	}
	return nil
}

// tallyClaims adds tallies to the claims (negative ones take away), records the reports that
// give more than one value, forgets those in gone, and makes the touched claims again.
func tallyClaims(ctx context.Context, tx pgx.Tx, ts []store.TallyRow, multi, gone []store.MultiRow) error {
	if len(ts) == 0 && len(gone) == 0 {
		return nil
	}
	if err := lockClaims(ctx, tx, ts); err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, t := range ts {
		var rep any
		if t.Figures > 0 {
			rep = t.Sample.DocID
		}
		b.Queue(`INSERT INTO claim_values VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (category, country, period, value, bound, source) DO UPDATE SET
				figures = claim_values.figures + $7, reports = claim_values.reports + $8,
				rep_stat = CASE WHEN claim_values.rep_doc IS NULL OR $9::bigint < claim_values.rep_doc THEN $10 ELSE claim_values.rep_stat END,
				rep_doc = CASE WHEN claim_values.rep_doc IS NULL OR $9::bigint < claim_values.rep_doc THEN $9::bigint ELSE claim_values.rep_doc END`,
			t.Key.Category, t.Key.Country, t.Key.Period, t.Value, t.Bound, t.Source, t.Figures, t.Reports, rep, t.Sample.StatID)
	}
	for _, m := range append(multi, store.NegateMulti(gone)...) {
		b.Queue(`INSERT INTO claim_docs VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category, country, period, tallies)
			DO UPDATE SET reports = claim_docs.reports + $5`, m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies), m.Reports)
	}
	// Only the rows the replaced documents counted can have dropped to none: by key, not by
	// reading the table.
	for _, m := range gone {
		b.Queue(`DELETE FROM claim_docs WHERE category = $1 AND country = $2 AND period = $3 AND tallies = $4 AND reports <= 0`,
			m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies))
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	return makeClaims(ctx, tx, store.Keys(ts), len(gone) > 0 || hasNegative(ts))
}

func hasNegative(ts []store.TallyRow) bool {
	for _, t := range ts {
		if t.Figures < 0 {
			return true
		}
	}
	return false
}

// loadClaims reads the tallies of the given claims and the reports that give more than one
// of their values, in one statement each.
func loadClaims(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, keys []store.ClaimKey) (map[store.ClaimKey][]link.Tally, map[store.ClaimKey][]link.Multi, error) {
	cats, countries, periods := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		cats[i], countries[i], periods[i] = k.Category, k.Country, k.Period
	}
	const byKey = ` c JOIN unnest($1::text[], $2::text[], $3::text[]) AS k (category, country, period)
		ON c.category = k.category AND c.country = k.country AND c.period = k.period`
	tallies := map[store.ClaimKey][]link.Tally{}
	rows, err := q.Query(ctx, `SELECT c.category, c.country, c.period, c.value, c.bound, c.source, c.figures, c.reports, coalesce(c.rep_doc, 0), c.rep_stat
		FROM claim_values`+byKey, cats, countries, periods)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var k store.ClaimKey
		var t link.Tally
		if err := rows.Scan(&k.Category, &k.Country, &k.Period, &t.Value, &t.Bound, &t.Source, &t.Figures, &t.Reports, &t.Sample.DocID, &t.Sample.StatID); err != nil {
			rows.Close()
			return nil, nil, err
		}
		t.Sample.Category, t.Sample.Country, t.Sample.Period = k.Category, k.Country, k.Period
		t.Sample.Value, t.Sample.Bound, t.Sample.Source = t.Value, t.Bound, t.Source
		tallies[k] = append(tallies[k], t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	// Only a claim of more than one value can have a report that gives two.
	multis := map[store.ClaimKey][]link.Multi{}
	cats, countries, periods = cats[:0], countries[:0], periods[:0]
	for _, k := range keys {
		if len(tallies[k]) > 1 {
			cats, countries, periods = append(cats, k.Category), append(countries, k.Country), append(periods, k.Period)
		}
	}
	if len(cats) == 0 {
		return tallies, multis, nil
	}
	rows, err = q.Query(ctx, `SELECT c.category, c.country, c.period, c.reports, c.tallies FROM claim_docs`+byKey+` WHERE c.reports > 0`, cats, countries, periods)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k store.ClaimKey
		var m link.Multi
		var s string
		if err := rows.Scan(&k.Category, &k.Country, &k.Period, &m.Reports, &s); err != nil {
			return nil, nil, err
		}
		if m.Tallies, err = store.DecodeTallies(s); err != nil {
			return nil, nil, err
		}
		multis[k] = append(multis[k], m)
	}
	return tallies, multis, rows.Err()
}

// makeClaims makes the given claims again from their tallies and keeps which are in conflict.
// clean also drops the tallies that no figure gives any more.
func makeClaims(ctx context.Context, tx pgx.Tx, keys []store.ClaimKey, clean bool) error {
	if len(keys) == 0 {
		return nil
	}
	tallies, multis, err := loadClaims(ctx, tx, keys)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, k := range keys {
		ts := tallies[k]
		for _, t := range ts {
			if t.Figures > 0 && t.Sample.DocID == 0 {
				if ts, err = resample(ctx, tx, k, ts); err != nil {
					return err
				}
				break
			}
		}
		if clean {
			b.Queue(`DELETE FROM claim_values WHERE category = $1 AND country = $2 AND period = $3 AND figures <= 0`, k.Category, k.Country, k.Period)
		}
		if len(ts) < 2 && !clean {
			continue // one value, and a new claim or one that was not in conflict either
		}
		if link.ClaimOf(k.Category, k.Country, k.Period, ts, multis[k]).Conflict {
			b.Queue(`INSERT INTO claim_conflicts VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, k.Category, k.Country, k.Period)
		} else {
			b.Queue(`DELETE FROM claim_conflicts WHERE category = $1 AND country = $2 AND period = $3`, k.Category, k.Country, k.Period)
		}
	}
	return tx.SendBatch(ctx, b).Close()
}

// resample finds, for each tally that lost its sample, the figure of the least document id
// that gives its value.
func resample(ctx context.Context, tx pgx.Tx, k store.ClaimKey, ts []link.Tally) ([]link.Tally, error) {
	for i := range ts {
		t := &ts[i]
		if t.Figures <= 0 || t.Sample.DocID != 0 {
			continue
		}
		err := tx.QueryRow(ctx, `SELECT doc_id, stat_id FROM statistics WHERE category = $1 AND country = $2 AND period = $3 AND value = $4
			AND bound = $5 AND claimed_source = $6 AND kind = 'count' AND part_of = '' ORDER BY doc_id, stat_id LIMIT 1`,
			k.Category, k.Country, k.Period, t.Value, t.Bound, t.Source).Scan(&t.Sample.DocID, &t.Sample.StatID)
		if errors.Is(err, pgx.ErrNoRows) {
			t.Figures = 0
			continue
		}
		if err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, `UPDATE claim_values SET rep_doc = $1, rep_stat = $2 WHERE category = $3 AND country = $4 AND period = $5
			AND value = $6 AND bound = $7 AND source = $8`, t.Sample.DocID, t.Sample.StatID, k.Category, k.Country, k.Period, t.Value, t.Bound, t.Source); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// unsample forgets the samples that documents about to be replaced gave.
func unsample(ctx context.Context, tx pgx.Tx, ts []store.TallyRow) error {
	if err := lockClaims(ctx, tx, ts); err != nil {
		return err
	}
	for _, t := range ts {
		if _, err := tx.Exec(ctx, `UPDATE claim_values SET rep_doc = NULL, rep_stat = '' WHERE category = $1 AND country = $2
			AND period = $3 AND value = $4 AND bound = $5 AND source = $6 AND rep_doc = $7`,
			t.Key.Category, t.Key.Country, t.Key.Period, t.Value, t.Bound, t.Source, t.Sample.DocID); err != nil {
			return err
		}
	}
	return nil
}

// storedFigures reads the figures that claims count of the given documents.
func storedFigures(ctx context.Context, tx pgx.Tx, ids []int64) ([]link.Figure, error) {
	rows, err := tx.Query(ctx, `SELECT doc_id, stat_id, category, country, period, value, bound, claimed_source FROM statistics
		WHERE doc_id = ANY($1) AND kind = 'count' AND category <> 'other' AND part_of = '' AND period IS NOT NULL AND period <> ''`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []link.Figure
	for rows.Next() {
		var f link.Figure
		if err := rows.Scan(&f.DocID, &f.StatID, &f.Category, &f.Country, &f.Period, &f.Value, &f.Bound, &f.Source); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// storedCounts counts the records of the given documents by the names of Counts.
func storedCounts(ctx context.Context, tx pgx.Tx, ids []int64) (map[string]int64, error) {
	out := map[string]int64{}
	for _, q := range []struct{ name, sql string }{
		{"entities", `SELECT count(*) FROM entities WHERE doc_id = ANY($1)`},
		{"mentions", `SELECT coalesce(sum(json_array_length(spans::json)), 0)::bigint FROM entities WHERE doc_id = ANY($1)`},
		{"events", `SELECT count(*) FROM events WHERE doc_id = ANY($1)`},
		{"statistics", `SELECT count(*) FROM statistics WHERE doc_id = ANY($1)`},
		{"quotes", `SELECT count(*) FROM quotes WHERE doc_id = ANY($1)`},
	} {
		var n int64
		if err := tx.QueryRow(ctx, q.sql, ids).Scan(&n); err != nil {
			return nil, err
		}
		out[q.name] = n
	}
	return out, nil
}

// nameLockSpace is the first key of the two-key advisory locks of entity names.
const nameLockSpace = 7340003

// addNames adds to the ways reports name entities, under an advisory lock per key (in sorted
// order, after the claims'), as the SQLite store does.
func addNames(ctx context.Context, tx pgx.Tx, names []store.NameRow, gone []int64) error {
	seen := map[int32]bool{}
	var locks []int32
	for _, n := range names {
		h := fnv.New32a()
		h.Write([]byte(n.Key))
		if id := int32(h.Sum32()); !seen[id] {
			seen[id] = true
			locks = append(locks, id)
		}
	}
	sort.Slice(locks, func(i, j int) bool { return locks[i] < locks[j] })
	b := &pgx.Batch{}
	for _, id := range locks {
		b.Queue(`SELECT pg_advisory_xact_lock($1, $2)`, int32(nameLockSpace), id)
	}
	// Only the names the replaced documents gave (negative rows) can lose their first report
	// or every report: each is found by its key, not by reading the table.
	var old []store.NameRow
	if len(gone) > 0 {
		seen := map[store.NameRow]bool{}
		for _, n := range names {
			k := n
			k.Reports, k.First = 0, 0
			if n.Reports < 0 && !seen[k] {
				seen[k] = true
				old = append(old, k)
			}
		}
	}
	const byKey = `key = $1 AND type = $2 AND name = $3 AND country = $4 AND code = $5 AND titles = $6`
	for _, n := range old {
		b.Queue(`UPDATE entity_names SET first_doc = NULL WHERE `+byKey+` AND first_doc = ANY($7)`, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles, gone)
	}
	for _, n := range names {
		var first any
		if n.Reports > 0 {
			first = n.First
		}
		b.Queue(`INSERT INTO entity_names VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key, type, name, country, code, titles)
			DO UPDATE SET reports = entity_names.reports + $7,
				first_doc = CASE WHEN entity_names.first_doc IS NULL OR $8::bigint < entity_names.first_doc THEN $8::bigint ELSE entity_names.first_doc END`,
			n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles, n.Reports, first)
	}
	for _, n := range old {
		b.Queue(`DELETE FROM entity_names WHERE `+byKey+` AND reports <= 0`, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles)
		b.Queue(`UPDATE entity_names n SET first_doc = (SELECT min(e.doc_id) FROM entities e WHERE e.type = n.type AND e.name = n.name
			AND e.country = n.country AND e.code = n.code AND e.titles = n.titles
			AND (n.key = 'sn:' || e.surname AND e.type = 'person' OR n.key = 'code:' || e.code AND e.type <> 'person'))
			WHERE `+byKey+` AND first_doc IS NULL`, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	return nil
}

// storedNames reads the entities of the given documents as Names wants them.
func storedNames(ctx context.Context, tx pgx.Tx, ids []int64) (map[int64][]store.Named, error) {
	rows, err := tx.Query(ctx, `SELECT doc_id, type, name, country, code, titles, surname FROM entities WHERE doc_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]store.Named{}
	for rows.Next() {
		var id int64
		var n store.Named
		if err := rows.Scan(&id, &n.Type, &n.Name, &n.Country, &n.Code, &n.Titles, &n.Surname); err != nil {
			return nil, err
		}
		out[id] = append(out[id], n)
	}
	return out, rows.Err()
}

// backfill fills the aggregates of migration 4 for the reports stored before it.
func backfill(ctx context.Context, tx pgx.Tx) error {
	for _, q := range []string{
		`INSERT INTO totals SELECT 'documents', 0, count(*) FROM documents`,
		`INSERT INTO totals SELECT 'entities', 0, count(*) FROM entities`,
		`INSERT INTO totals SELECT 'mentions', 0, coalesce(sum(json_array_length(spans::json)), 0) FROM entities`,
		`INSERT INTO totals SELECT 'events', 0, count(*) FROM events`,
		`INSERT INTO totals SELECT 'statistics', 0, count(*) FROM statistics`,
		`INSERT INTO totals SELECT 'quotes', 0, count(*) FROM quotes`,
		`INSERT INTO entity_names SELECT 'sn:' || surname, type, name, country, code, titles, count(DISTINCT doc_id), min(doc_id)
			FROM entities WHERE type = 'person' AND surname <> '' GROUP BY 1, 2, 3, 4, 5, 6`,
		`INSERT INTO entity_names SELECT 'code:' || code, type, name, country, code, titles, count(DISTINCT doc_id), min(doc_id)
			FROM entities WHERE type <> 'person' AND code <> '' GROUP BY 1, 2, 3, 4, 5, 6`,
		countDyadClusters(),
		`INSERT INTO claim_values SELECT category, country, period, value, bound, claimed_source, count(*), count(DISTINCT doc_id), min(doc_id), ''
			FROM statistics WHERE kind = 'count' AND category <> 'other' AND part_of = '' AND period IS NOT NULL AND period <> ''
			GROUP BY 1, 2, 3, 4, 5, 6`,
		`UPDATE claim_values c SET rep_stat = (SELECT min(t.stat_id) FROM statistics t WHERE t.doc_id = c.rep_doc
			AND t.category = c.category AND t.country = c.country AND t.period = c.period AND t.value = c.value AND t.bound = c.bound
			AND t.claimed_source = c.source AND t.kind = 'count' AND t.part_of = '')`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	rows, err := tx.Query(ctx, `SELECT DISTINCT doc_id FROM (SELECT category, country, period, doc_id FROM (
			SELECT DISTINCT category, country, period, doc_id, value, bound, claimed_source FROM statistics
			WHERE kind = 'count' AND category <> 'other' AND part_of = '' AND period IS NOT NULL AND period <> '') d
		GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) m`)
	if err != nil {
		return err
	}
	var docs []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, id)
	}
	rows.Close()
	// A few thousand reports at a time, so that memory stays flat.
	for len(docs) > 0 {
		n := min(len(docs), 4096)
		figs, err := storedFigures(ctx, tx, docs[:n])
		if err != nil {
			return err
		}
		docs = docs[n:]
		_, multi := store.Tallies(figs)
		for _, m := range multi {
			if _, err := tx.Exec(ctx, `INSERT INTO claim_docs VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category, country, period, tallies)
				DO UPDATE SET reports = claim_docs.reports + $5`, m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies), m.Reports); err != nil {
				return err
			}
		}
	}
	var keys []store.ClaimKey
	rows, err = tx.Query(ctx, `SELECT DISTINCT category, country, period FROM claim_values`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k store.ClaimKey
		if err := rows.Scan(&k.Category, &k.Country, &k.Period); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, k)
	}
	rows.Close()
	// A few thousand claims at a time, so that memory stays flat on a large archive.
	for len(keys) > 0 {
		n := min(len(keys), 4096)
		if err := makeClaims(ctx, tx, keys[:n], true); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// Counts returns the number of rows per table, as the writes keep them.
func (s *DB) Counts(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, name := range store.CountNames {
		out[name] = 0
	}
	rows, err := s.pool.Query(ctx, `SELECT name, sum(n)::bigint FROM totals GROUP BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return nil, err
		}
		out[name] = n
	}
	return out, rows.Err()
}

// Dyads returns the pairs of actors with the most event clusters, of one actor when set.
func (s *DB) Dyads(ctx context.Context, actor string, limit int) ([]store.Dyad, error) {
	rows, err := s.pool.Query(ctx, `SELECT least(source, target), greatest(source, target), sum(n)::int FROM dyad_clusters
		WHERE source <> target AND source <> '' AND target <> '' AND n > 0 AND ($1 = '' OR source = $1 OR target = $1)
		GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT $2`, actor, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Dyad
	for rows.Next() {
		var d store.Dyad
		if err := rows.Scan(&d.A, &d.B, &d.Events); err != nil {
			return nil, err
		}
		if actor != "" && d.B == actor {
			d.A, d.B = d.B, d.A
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Claims returns a page of the claims, each made from its tallies, as the SQLite store does.
func (s *DB) Claims(ctx context.Context, q store.ClaimQuery) ([]link.Claim, error) {
	table := `claim_values`
	if q.Conflicts {
		table = `claim_conflicts`
	}
	// Only the conditions asked for, so that a generic plan still uses the key's index.
	where, args := []string{`true`}, []any{}
	if q.Category != "" {
		args = append(args, q.Category)
		where = append(where, fmt.Sprintf(`category = $%d`, len(args)))
	}
	if q.Country != "" {
		args = append(args, q.Country)
		where = append(where, fmt.Sprintf(`country = $%d`, len(args)))
	}
	if q.After != nil {
		args = append(args, q.After.Category, q.After.Country, q.After.Period)
		where = append(where, fmt.Sprintf(`(category, country, period) > ($%d, $%d, $%d)`, len(args)-2, len(args)-1, len(args)))
	}
	limit := ""
	if q.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT category, country, period FROM `+table+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY category, country, period`+limit, args...)
	if err != nil {
		return nil, err
	}
	var keys []store.ClaimKey
	for rows.Next() {
		var k store.ClaimKey
		if err := rows.Scan(&k.Category, &k.Country, &k.Period); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tallies, multis, err := loadClaims(ctx, s.pool, keys)
	if err != nil {
		return nil, err
	}
	out := make([]link.Claim, 0, len(keys))
	for _, k := range keys {
		if c := link.ClaimOf(k.Category, k.Country, k.Period, tallies[k], multis[k]); len(c.Groups) > 0 {
			out = append(out, c)
		}
	}
	if !q.Evidence {
		return out, nil
	}
	var figs []*store.Figure
	for i := range out {
		for j := range out[i].Groups {
			for k := range out[i].Groups[j].Figures {
				figs = append(figs, &out[i].Groups[j].Figures[k])
			}
		}
	}
	return out, s.Evidence(ctx, figs)
}

// cut fills in sentences of stored reports (see store.CutEvidence).
func (s *DB) cut(ctx context.Context, refs []store.EvidenceRef) error {
	return store.CutEvidence(ctx, refs, func(ctx context.Context, spans []store.Span) (map[int64]store.SpanText, error) {
		ids, los, ns := make([]int64, len(spans)), make([]int32, len(spans)), make([]int32, len(spans))
		for i, sp := range spans {
			ids[i], los[i], ns[i] = sp.Doc, int32(min(sp.Lo, math.MaxInt32)), int32(min(sp.N, math.MaxInt32))
		}
		rows, err := s.pool.Query(ctx, `SELECT d.id, d.source, coalesce(d.published, ''), substr(d.body, j.lo + 1, j.n)
			FROM unnest($1::bigint[], $2::int[], $3::int[]) j (id, lo, n) JOIN documents d ON d.id = j.id`, ids, los, ns)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := make(map[int64]store.SpanText, len(spans))
		for rows.Next() {
			var id int64
			var t store.SpanText
			if err := rows.Scan(&id, &t.Source, &t.Published, &t.Text); err != nil {
				return nil, err
			}
			out[id] = t
		}
		return out, rows.Err()
	})
}

// countDyadClusters is the statement that counts the clusters of each dyad into dyad_clusters
// from the events' rows.
func countDyadClusters() string {
	in := store.SymmetricSQL()
	return `INSERT INTO dyad_clusters SELECT type,
			CASE WHEN type IN (` + in + `) AND target_actor < source_actor THEN target_actor ELSE source_actor END,
			CASE WHEN type IN (` + in + `) AND target_actor < source_actor THEN source_actor ELSE target_actor END,
			count(DISTINCT cluster) FROM events GROUP BY 1, 2, 3`
}
