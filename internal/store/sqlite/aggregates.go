package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store"
)

// The aggregates every write keeps (see store/aggregates.go): totals, dyad_clusters,
// claim_values, claim_docs, claim_conflicts and entity_names (migration 11).

// addTotals adds to the row counts.
func addTotals(ctx context.Context, tx *sql.Tx, delta map[string]int64) error {
	for _, name := range store.CountNames {
		if delta[name] == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO totals VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET n = n + ?2`, name, delta[name]); err != nil {
			return fmt.Errorf("totals: %w", err)
		}
	}
	return nil
}

// addDyads adds to the clusters per dyad.
func addDyads(ctx context.Context, tx *sql.Tx, delta map[dyad]int) error {
	keys := make([]dyad, 0, len(delta))
	for d, n := range delta {
		if n != 0 {
			keys = append(keys, d)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(keys[j]) })
	for _, d := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dyad_clusters VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET n = n + ?4`,
			d.typ, d.a, d.b, delta[d]); err != nil {
			return fmt.Errorf("dyads: %w", err)
		}
	}
	return nil
}

func (d dyad) less(o dyad) bool {
	if d.typ != o.typ {
		return d.typ < o.typ
	}
	if d.a != o.a {
		return d.a < o.a
	}
	return d.b < o.b
}

// setDyad sets a dyad's clusters to n, after it was linked afresh.
func setDyad(ctx context.Context, tx *sql.Tx, d dyad, n int) error {
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO dyad_clusters VALUES (?, ?, ?, ?)`, d.typ, d.a, d.b, n)
	return err
}

// tallyClaims adds tallies to the claims (negative ones take away what replaced documents
// brought), records the reports that give more than one value, forgets those in gone, and
// makes the touched claims again. It works a set at a time: a few statements per batch of
// documents, however many claims it touches.
func tallyClaims(ctx context.Context, tx *sql.Tx, ts []store.TallyRow, multi, gone []store.MultiRow) error {
	rows := make([][]any, len(ts))
	for i, t := range ts {
		var rep any
		if t.Figures > 0 {
			rep = t.Sample.DocID
		}
		rows[i] = []any{t.Key.Category, t.Key.Country, t.Key.Period, t.Value, t.Bound, t.Source, t.Figures, t.Reports, rep, t.Sample.StatID}
	}
	if err := insertRows(ctx, tx, `INSERT INTO claim_values VALUES `, rows, `
		ON CONFLICT DO UPDATE SET figures = figures + excluded.figures, reports = reports + excluded.reports,
			rep_stat = CASE WHEN rep_doc IS NULL OR excluded.rep_doc < rep_doc THEN excluded.rep_stat ELSE rep_stat END,
			rep_doc = CASE WHEN rep_doc IS NULL OR excluded.rep_doc < rep_doc THEN excluded.rep_doc ELSE rep_doc END`); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	rows = rows[:0]
	for _, m := range append(multi, store.NegateMulti(gone)...) {
		rows = append(rows, []any{m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies), m.Reports})
	}
	if err := insertRows(ctx, tx, `INSERT INTO claim_docs VALUES `, rows, ` ON CONFLICT DO UPDATE SET reports = reports + excluded.reports`); err != nil {
		return err
	}
	if len(gone) > 0 {
		// Only the rows the replaced documents counted can have dropped to none: they are
		// found by key, not by reading the table.
		del, err := tx.PrepareContext(ctx, `DELETE FROM claim_docs WHERE category = ? AND country = ? AND period = ? AND tallies = ? AND reports <= 0`)
		if err != nil {
			return err
		}
		defer del.Close()
		for _, m := range gone {
			if _, err := del.ExecContext(ctx, m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies)); err != nil {
				return err
			}
		}
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

// insertRows inserts rows with multi-row statements of at most chunkRows rows each.
func insertRows(ctx context.Context, tx *sql.Tx, head string, rows [][]any, tail string) error {
	for len(rows) > 0 {
		n := min(len(rows), chunkRows)
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(rows[0])), ", ") + ")"
		args := make([]any, 0, n*len(rows[0]))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, head+strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")+tail, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// queryer is a transaction or the database.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// loadClaims makes the given claims from their tallies and the reports that give more than one
// of their values, reading each in one statement for all the claims.
func loadClaims(ctx context.Context, q queryer, keys []store.ClaimKey) (map[store.ClaimKey][]link.Tally, map[store.ClaimKey][]link.Multi, error) {
	list := make([][3]string, len(keys))
	for i, k := range keys {
		list[i] = [3]string{k.Category, k.Country, k.Period}
	}
	const byKey = ` c JOIN json_each(?) j ON c.category = j.value ->> 0 AND c.country = j.value ->> 1 AND c.period = j.value ->> 2`
	tallies := map[store.ClaimKey][]link.Tally{}
	rows, err := q.QueryContext(ctx, `SELECT c.category, c.country, c.period, c.value, c.bound, c.source, c.figures, c.reports,
			coalesce(c.rep_doc, 0), c.rep_stat FROM claim_values`+byKey, jsonText(list))
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
	list = list[:0]
	for _, k := range keys {
		if len(tallies[k]) > 1 {
			list = append(list, [3]string{k.Category, k.Country, k.Period})
		}
	}
	if len(list) == 0 {
		return tallies, multis, nil
	}
	rows, err = q.QueryContext(ctx, `SELECT c.category, c.country, c.period, c.reports, c.tallies FROM claim_docs`+byKey+` WHERE c.reports > 0`, jsonText(list))
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
// clean also drops the tallies that no figure gives any more (after a reprocess).
func makeClaims(ctx context.Context, tx *sql.Tx, keys []store.ClaimKey, clean bool) error {
	if len(keys) == 0 {
		return nil
	}
	tallies, multis, err := loadClaims(ctx, tx, keys)
	if err != nil {
		return err
	}
	if clean {
		list := make([][3]string, len(keys))
		for i, k := range keys {
			list[i] = [3]string{k.Category, k.Country, k.Period}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM claim_values WHERE figures <= 0 AND (category, country, period) IN
			(SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) j)`, jsonText(list)); err != nil {
			return err
		}
	}
	var conflicts [][]any
	for _, k := range keys {
		ts := tallies[k]
		for _, t := range ts {
			if t.Figures > 0 && t.Sample.DocID == 0 {
				// A reprocessed report no longer gives a value it was the sample of: find another.
				if ts, err = resample(ctx, tx, k, ts); err != nil {
					return err
				}
				break
			}
		}
		if len(ts) < 2 && !clean {
			continue // one value, and a new claim or one that was not in conflict either
		}
		if link.ClaimOf(k.Category, k.Country, k.Period, ts, multis[k]).Conflict {
			conflicts = append(conflicts, []any{k.Category, k.Country, k.Period})
		} else if _, err := tx.ExecContext(ctx, `DELETE FROM claim_conflicts WHERE category = ? AND country = ? AND period = ?`,
			k.Category, k.Country, k.Period); err != nil {
			return err
		}
	}
	return insertRows(ctx, tx, `INSERT OR IGNORE INTO claim_conflicts VALUES `, conflicts, ``)
}

// resample finds, for each tally that lost its sample, the figure of the least document id
// that gives its value: the claim's category (and country) reports come from their facet
// tokens, then their figures by key.
func resample(ctx context.Context, tx *sql.Tx, k store.ClaimKey, ts []link.Tally) ([]link.Tally, error) {
	facets := store.FacetToken("cat", k.Category)
	if k.Country != "" {
		facets += " AND " + store.FacetToken("sc", k.Country)
	}
	for i := range ts {
		t := &ts[i]
		if t.Figures <= 0 || t.Sample.DocID != 0 {
			continue
		}
		err := tx.QueryRowContext(ctx, `SELECT t.doc_id, t.stat_id FROM statistics t
			WHERE t.doc_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
			AND t.category = ? AND t.country = ? AND t.period = ? AND t.value = ? AND t.bound = ? AND t.claimed_source = ?
			AND t.kind = 'count' AND t.part_of = '' ORDER BY t.doc_id, t.stat_id LIMIT 1`,
			`facets : (`+facets+`)`, k.Category, k.Country, k.Period, t.Value, t.Bound, t.Source).Scan(&t.Sample.DocID, &t.Sample.StatID)
		if errors.Is(err, sql.ErrNoRows) {
			t.Figures = 0 // the tally was wrong: no figure gives it any more
			continue
		}
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE claim_values SET rep_doc = ?, rep_stat = ? WHERE category = ? AND country = ? AND period = ?
			AND value = ? AND bound = ? AND source = ?`, t.Sample.DocID, t.Sample.StatID, k.Category, k.Country, k.Period, t.Value, t.Bound, t.Source); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// unsample forgets the samples that documents about to be replaced gave.
func unsample(ctx context.Context, tx *sql.Tx, ts []store.TallyRow) error {
	for _, t := range ts {
		if _, err := tx.ExecContext(ctx, `UPDATE claim_values SET rep_doc = NULL, rep_stat = '' WHERE category = ? AND country = ?
			AND period = ? AND value = ? AND bound = ? AND source = ? AND rep_doc = ?`,
			t.Key.Category, t.Key.Country, t.Key.Period, t.Value, t.Bound, t.Source, t.Sample.DocID); err != nil {
			return err
		}
	}
	return nil
}

// storedFigures reads the figures that claims count of the given documents (a JSON id list).
func storedFigures(ctx context.Context, tx *sql.Tx, ids string) ([]link.Figure, error) {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, stat_id, category, country, period, value, bound, claimed_source FROM statistics
		WHERE doc_id IN (SELECT value FROM json_each(?)) AND kind = 'count' AND category <> 'other' AND part_of = ''
		AND period IS NOT NULL AND period <> ''`, ids)
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

// storedCounts counts the records of the given documents (a JSON id list) by the names of
// Counts.
func storedCounts(ctx context.Context, tx *sql.Tx, ids string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, q := range []struct{ name, sql string }{
		{"entities", `SELECT count(*) FROM entities WHERE doc_id IN (SELECT value FROM json_each(?1))`},
		{"mentions", `SELECT coalesce(sum(json_array_length(spans)), 0) FROM entities WHERE doc_id IN (SELECT value FROM json_each(?1))`},
		{"events", `SELECT count(*) FROM events WHERE doc_id IN (SELECT value FROM json_each(?1))`},
		{"statistics", `SELECT count(*) FROM statistics WHERE doc_id IN (SELECT value FROM json_each(?1))`},
		{"quotes", `SELECT count(*) FROM quotes WHERE doc_id IN (SELECT value FROM json_each(?1))`},
	} {
		var n int64
		if err := tx.QueryRowContext(ctx, q.sql, ids).Scan(&n); err != nil {
			return nil, err
		}
		out[q.name] = n
	}
	return out, nil
}

// addNames adds to the ways reports name entities (negative rows take away), then finds the
// first report again of those whose first report was replaced, and forgets those no report
// names so any more.
func addNames(ctx context.Context, tx *sql.Tx, names []store.NameRow, gone []int64) error {
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
	const byKey = `key = ? AND type = ? AND name = ? AND country = ? AND code = ? AND titles = ?`
	each := func(q string, fn func(st *sql.Stmt, n store.NameRow) error) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, n := range old {
			if err := fn(st, n); err != nil {
				return err
			}
		}
		return nil
	}
	g := jsonText(gone)
	if err := each(`UPDATE entity_names SET first_doc = NULL WHERE `+byKey+` AND first_doc IN (SELECT value FROM json_each(?))`,
		func(st *sql.Stmt, n store.NameRow) error {
			_, err := st.ExecContext(ctx, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles, g)
			return err
		}); err != nil {
		return err
	}
	rows := make([][]any, len(names))
	for i, n := range names {
		var first any
		if n.Reports > 0 {
			first = n.First
		}
		rows[i] = []any{n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles, n.Reports, first}
	}
	if err := insertRows(ctx, tx, `INSERT INTO entity_names VALUES `, rows, `
		ON CONFLICT DO UPDATE SET reports = reports + excluded.reports,
			first_doc = CASE WHEN first_doc IS NULL OR excluded.first_doc < first_doc THEN excluded.first_doc ELSE first_doc END`); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	if err := each(`DELETE FROM entity_names WHERE `+byKey+` AND reports <= 0`, func(st *sql.Stmt, n store.NameRow) error {
		_, err := st.ExecContext(ctx, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles)
		return err
	}); err != nil {
		return err
	}
	// The first report of a name whose first report was replaced: through the facet tokens of
	// surnames and codes, the reports are read in order until one names it so.
	return each(`UPDATE entity_names SET first_doc = (SELECT min(e.doc_id) FROM entities e
			WHERE e.doc_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
			AND e.type = ? AND e.name = ? AND e.country = ? AND e.code = ? AND e.titles = ?)
		WHERE `+byKey+` AND first_doc IS NULL`, func(st *sql.Stmt, n store.NameRow) error {
		token := store.FacetToken("act", n.Code)
		if strings.HasPrefix(n.Key, "sn:") {
			token = store.FacetToken("sn", strings.TrimPrefix(n.Key, "sn:"))
		}
		_, err := st.ExecContext(ctx, `facets : `+token, n.Type, n.Name, n.Country, n.Code, n.Titles, n.Key, n.Type, n.Name, n.Country, n.Code, n.Titles)
		return err
	})
}

// storedNames reads the entities of the given documents (a JSON id list) as Names wants them.
func storedNames(ctx context.Context, tx *sql.Tx, ids string) (map[int64][]store.Named, error) {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, type, name, country, code, titles, surname FROM entities
		WHERE doc_id IN (SELECT value FROM json_each(?))`, ids)
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

// backfill fills the aggregates of migration 11 for the reports stored before it: the counts
// and the clusters per dyad from the tables, the claims' tallies with one pass over the
// figures grouped by claim and value.
func backfill(ctx context.Context, tx *sql.Tx) error {
	// The groupings sort every entity and figure: on disk, not in memory (the connection keeps
	// its temporary tables in memory otherwise), so that a large archive needs no more memory.
	if _, err := tx.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return err
	}
	defer tx.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = MEMORY`)
	for _, q := range []string{
		`INSERT INTO totals SELECT 'documents', count(*) FROM documents`,
		`INSERT INTO totals SELECT 'entities', count(*) FROM entities`,
		`INSERT INTO totals SELECT 'mentions', coalesce(sum(json_array_length(spans)), 0) FROM entities`,
		`INSERT INTO totals SELECT 'events', count(*) FROM events`,
		`INSERT INTO totals SELECT 'statistics', count(*) FROM statistics`,
		`INSERT INTO totals SELECT 'quotes', count(*) FROM quotes`,
		`INSERT INTO entity_names SELECT 'sn:' || surname, type, name, country, code, titles, count(DISTINCT doc_id), min(doc_id)
			FROM entities WHERE type = 'person' AND surname <> '' GROUP BY 1, 2, 3, 4, 5, 6`,
		`INSERT INTO entity_names SELECT 'code:' || code, type, name, country, code, titles, count(DISTINCT doc_id), min(doc_id)
			FROM entities WHERE type <> 'person' AND code <> '' GROUP BY 1, 2, 3, 4, 5, 6`,
		countDyadClusters(),
		`INSERT INTO claim_values SELECT category, country, period, value, bound, claimed_source, count(*), count(DISTINCT doc_id), min(doc_id), ''
			FROM statistics WHERE kind = 'count' AND category <> 'other' AND part_of = '' AND period IS NOT NULL AND period <> ''
			GROUP BY 1, 2, 3, 4, 5, 6`,
		`UPDATE claim_values SET rep_stat = (SELECT min(t.stat_id) FROM statistics t WHERE t.doc_id = claim_values.rep_doc
			AND t.category = claim_values.category AND t.country = claim_values.country AND t.period = claim_values.period
			AND t.value = claim_values.value AND t.bound = claim_values.bound AND t.claimed_source = claim_values.source
			AND t.kind = 'count' AND t.part_of = '')`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// The reports that give more than one value of a claim.
	rows, err := tx.QueryContext(ctx, `SELECT category, country, period, doc_id FROM (
			SELECT DISTINCT category, country, period, doc_id, value, bound, claimed_source FROM statistics
			WHERE kind = 'count' AND category <> 'other' AND part_of = '' AND period IS NOT NULL AND period <> '')
		GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`)
	if err != nil {
		return err
	}
	var multiDocs []int64
	for rows.Next() {
		var k store.ClaimKey
		var id int64
		if err := rows.Scan(&k.Category, &k.Country, &k.Period, &id); err != nil {
			rows.Close()
			return err
		}
		multiDocs = append(multiDocs, id)
	}
	rows.Close()
	// A few thousand reports at a time, each once, so that memory stays flat.
	slices.Sort(multiDocs)
	multiDocs = slices.Compact(multiDocs)
	for len(multiDocs) > 0 {
		n := min(len(multiDocs), 4096)
		figs, err := storedFigures(ctx, tx, jsonText(multiDocs[:n]))
		if err != nil {
			return err
		}
		multiDocs = multiDocs[n:]
		_, multi := store.Tallies(figs)
		for _, m := range multi {
			if _, err := tx.ExecContext(ctx, `INSERT INTO claim_docs VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET reports = reports + excluded.reports`,
				m.Key.Category, m.Key.Country, m.Key.Period, store.EncodeTallies(m.Tallies), m.Reports); err != nil {
				return err
			}
		}
	}
	var keys []store.ClaimKey
	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT category, country, period FROM claim_values`)
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
	rows, err := s.db.QueryContext(ctx, `SELECT name, n FROM totals`)
	if err != nil {
		return nil, s.explain(err)
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
	return out, s.explain(rows.Err())
}

// Dyads returns the pairs of actors with the most event clusters, of one actor when actor is
// set: a sum over the kept counts of each type and direction.
func (s *DB) Dyads(ctx context.Context, actor string, limit int) ([]store.Dyad, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT min(source, target), max(source, target), sum(n) FROM dyad_clusters
		WHERE source <> target AND source <> '' AND target <> '' AND n > 0 AND (?1 = '' OR source = ?1 OR target = ?1)
		GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?2`, actor, limit)
	if err != nil {
		return nil, s.explain(err)
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
	return out, s.explain(rows.Err())
}

// Claims returns a page of the claims, each made from its tallies: the keys come from the
// tallies (or, for conflicts, from the claims kept in conflict) in key order.
func (s *DB) Claims(ctx context.Context, q store.ClaimQuery) ([]link.Claim, error) {
	table := `claim_values`
	if q.Conflicts {
		table = `claim_conflicts`
	}
	// Only the conditions asked for: an "?1 = '' OR" would keep SQLite from the key's index.
	where, args := []string{`1`}, []any{}
	if q.Category != "" {
		where, args = append(where, `category = ?`), append(args, q.Category)
	}
	if q.Country != "" {
		where, args = append(where, `country = ?`), append(args, q.Country)
	}
	if q.After != nil {
		where = append(where, `(category, country, period) > (?, ?, ?)`)
		args = append(args, q.After.Category, q.After.Country, q.After.Period)
	}
	limit := ""
	if q.Limit > 0 {
		limit = fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT category, country, period FROM `+table+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY category, country, period`+limit, args...)
	if err != nil {
		return nil, s.explain(err)
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
		return nil, s.explain(err)
	}
	tallies, multis, err := loadClaims(ctx, s.db, keys)
	if err != nil {
		return nil, s.explain(err)
	}
	out := make([]link.Claim, 0, len(keys))
	for _, k := range keys {
		c := link.ClaimOf(k.Category, k.Country, k.Period, tallies[k], multis[k])
		if len(c.Groups) == 0 {
			continue
		}
		out = append(out, c)
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
		list := make([][3]int64, len(spans))
		for i, sp := range spans {
			list[i] = [3]int64{sp.Doc, int64(sp.Lo), int64(sp.N)}
		}
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.source, coalesce(d.published, ''), substr(d.body, (j.value ->> 1) + 1, j.value ->> 2)
			FROM json_each(?) j JOIN documents d ON d.id = j.value ->> 0`, jsonText(list))
		if err != nil {
			return nil, s.explain(err)
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
		return out, s.explain(rows.Err())
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
