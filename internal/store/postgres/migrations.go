package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/store"
)

// migrations is the ordered schema history, in the style of the SQLite store: each entry runs
// once, and schema_migrations keeps the version.
var migrations = []string{
	// 1: documents, records, full-text search, linking and feeds.
	`CREATE TABLE documents (
		id                BIGSERIAL PRIMARY KEY,
		content_hash      TEXT NOT NULL,
		url               TEXT NOT NULL DEFAULT '',
		source            TEXT NOT NULL,
		title             TEXT NOT NULL DEFAULT '',
		published         TEXT,
		dateline          TEXT NOT NULL DEFAULT '',
		language          TEXT NOT NULL DEFAULT '',
		partial           BOOLEAN NOT NULL DEFAULT false,
		body              TEXT NOT NULL,
		facets            TEXT[] NOT NULL DEFAULT '{}',
		extractor_version TEXT NOT NULL,
		ingested_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
		tsv               TSVECTOR GENERATED ALWAYS AS (
			setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'D')) STORED,
		UNIQUE (content_hash, url)
	);
	CREATE INDEX documents_tsv ON documents USING GIN (tsv);
	CREATE INDEX documents_facets ON documents USING GIN (facets);
	CREATE INDEX documents_version ON documents (extractor_version);

	CREATE TABLE entities (
		doc_id    BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		entity_id TEXT NOT NULL,
		type      TEXT NOT NULL,
		name      TEXT NOT NULL,
		country   TEXT NOT NULL DEFAULT '',
		code      TEXT NOT NULL DEFAULT '',
		titles    TEXT NOT NULL DEFAULT '',
		spans     TEXT NOT NULL DEFAULT '[]',
		version   TEXT NOT NULL,
		surname   TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (doc_id, entity_id)
	);
	CREATE INDEX entities_surname ON entities (surname) WHERE type = 'person';
	CREATE INDEX entities_code ON entities (code) WHERE type <> 'person';
	CREATE VIEW mentions (doc_id, entity_id, start, "end") AS
		SELECT n.doc_id, n.entity_id, (m.value ->> 0)::int, (m.value ->> 1)::int
		FROM entities n, json_array_elements(n.spans::json) m;

	CREATE TABLE events (
		doc_id        BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		event_id      TEXT NOT NULL,
		type          TEXT NOT NULL,
		mode          TEXT NOT NULL DEFAULT '',
		contexts      TEXT NOT NULL DEFAULT '',
		source_actor  TEXT NOT NULL DEFAULT '',
		source_entity TEXT NOT NULL DEFAULT '',
		target_actor  TEXT NOT NULL DEFAULT '',
		target_entity TEXT NOT NULL DEFAULT '',
		date          TEXT,
		date_inferred BOOLEAN NOT NULL DEFAULT false,
		location      TEXT NOT NULL DEFAULT '',
		trigger       TEXT NOT NULL DEFAULT '',
		ev_start      INTEGER NOT NULL,
		ev_end        INTEGER NOT NULL,
		confidence    DOUBLE PRECISION NOT NULL,
		version       TEXT NOT NULL,
		uid           TEXT NOT NULL,
		cluster       TEXT NOT NULL,
		PRIMARY KEY (doc_id, event_id)
	);
	CREATE INDEX events_cluster ON events (cluster);

	CREATE TABLE statistics (
		doc_id         BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		stat_id        TEXT NOT NULL,
		kind           TEXT NOT NULL,
		value          DOUBLE PRECISION NOT NULL,
		bound          TEXT NOT NULL DEFAULT '',
		category       TEXT NOT NULL,
		unit           TEXT NOT NULL DEFAULT '',
		subject        TEXT NOT NULL DEFAULT '',
		country        TEXT NOT NULL DEFAULT '',
		period         TEXT,
		claimed_source TEXT NOT NULL DEFAULT '',
		qualifier      TEXT NOT NULL DEFAULT '',
		part_of        TEXT NOT NULL DEFAULT '',
		span_start     INTEGER NOT NULL,
		span_end       INTEGER NOT NULL,
		ev_start       INTEGER NOT NULL,
		ev_end         INTEGER NOT NULL,
		version        TEXT NOT NULL,
		PRIMARY KEY (doc_id, stat_id)
	);
	CREATE INDEX statistics_series ON statistics (category, country, doc_id);

	CREATE TABLE quotes (
		doc_id         BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		quote_id       TEXT NOT NULL,
		speaker        TEXT NOT NULL DEFAULT '',
		speaker_entity TEXT NOT NULL DEFAULT '',
		text           TEXT NOT NULL,
		date           TEXT,
		spans          TEXT NOT NULL DEFAULT '',
		ev_start       INTEGER NOT NULL,
		ev_end         INTEGER NOT NULL,
		version        TEXT NOT NULL,
		PRIMARY KEY (doc_id, quote_id)
	);

	CREATE TABLE clusters (
		root TEXT PRIMARY KEY,
		id   TEXT NOT NULL,
		size INTEGER NOT NULL
	);
	CREATE TABLE event_keys (
		type     TEXT NOT NULL,
		source   TEXT NOT NULL,
		target   TEXT NOT NULL,
		date     TEXT NOT NULL,
		location TEXT NOT NULL,
		root     TEXT NOT NULL,
		PRIMARY KEY (type, source, target, date, location, root)
	);
	CREATE INDEX event_keys_root ON event_keys (root);
	CREATE INDEX event_keys_pair ON event_keys (source, target, date);
	CREATE INDEX event_keys_target ON event_keys (target, date);

	CREATE TABLE feeds (
		url           TEXT PRIMARY KEY,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		failures      INTEGER NOT NULL DEFAULT 0,
		next_poll     TIMESTAMPTZ
	);`,

	// 2: the place of an event or a figure, resolved in the gazetteer (record.Geo as JSON), NULL
	// when none. Self-contained: it adds a column to both tables and nothing else.
	`ALTER TABLE events ADD COLUMN place JSONB;
	ALTER TABLE statistics ADD COLUMN place JSONB;`,

	// 3: one real event per cluster (see package link). Linking works on keys: the events told
	// alike (type, actors, date, place, trigger stem, figures) share a row of event_keys, which
	// holds the first and last day its date can mean, whether that is one day (its events are
	// members of their cluster) or not (mentions), the act its trigger names, its cluster's
	// root, the number and least uid of its events, and for a mention whether it is crowded
	// (link.Stored). An event row names its key and whether
	// it is a mention. The Go step relinks every stored event by the new rules.
	`DROP TABLE event_keys;
	CREATE TABLE event_keys (
		id        TEXT PRIMARY KEY,
		type      TEXT NOT NULL,
		source    TEXT NOT NULL,
		target    TEXT NOT NULL,
		date      TEXT NOT NULL,
		location  TEXT NOT NULL,
		stem      TEXT NOT NULL,
		figures   TEXT NOT NULL,
		root      TEXT NOT NULL,
		first_uid TEXT NOT NULL,
		n         INTEGER NOT NULL,
		crowded   BOOLEAN NOT NULL,
		act       TEXT NOT NULL,
		lo        TEXT NOT NULL,
		hi        TEXT NOT NULL,
		day       BOOLEAN NOT NULL
	);
	CREATE INDEX event_keys_days ON event_keys (type, source, target, day, lo);
	CREATE INDEX event_keys_acts ON event_keys (type, source, target, act, day, crowded, lo);
	CREATE INDEX event_keys_root ON event_keys (root);
	CREATE INDEX event_keys_pair ON event_keys (source, target, date);
	CREATE INDEX event_keys_target ON event_keys (target, date);
	ALTER TABLE events ADD COLUMN link_key TEXT NOT NULL DEFAULT '';
	ALTER TABLE events ADD COLUMN mention BOOLEAN NOT NULL DEFAULT false;`,

	// 4: what the overview, the conflicts and the lists of claims read, kept up to date by every
	// write (aggregates.go, as in the SQLite store): the rows per table, in shards so that
	// concurrent writers rarely wait for each other; the event clusters per dyad; the ways
	// reports name each person and organization, counted (under an advisory lock per key); each claim's
	// tallies, the reports that give more than one of its values, and the claims in conflict.
	// Indexes for lists in keyset order. backfill fills them for the reports stored before (after 3 relinked them).
	`CREATE TABLE totals (
		name  TEXT NOT NULL,
		shard INTEGER NOT NULL,
		n     BIGINT NOT NULL,
		PRIMARY KEY (name, shard)
	);
	CREATE TABLE dyad_clusters (
		type   TEXT NOT NULL,
		source TEXT NOT NULL,
		target TEXT NOT NULL,
		n      INTEGER NOT NULL,
		PRIMARY KEY (type, source, target)
	);
	CREATE TABLE claim_values (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		value    DOUBLE PRECISION NOT NULL,
		bound    TEXT NOT NULL,
		source   TEXT NOT NULL,
		figures  INTEGER NOT NULL,
		reports  INTEGER NOT NULL,
		rep_doc  BIGINT,
		rep_stat TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (category, country, period, value, bound, source)
	);
	CREATE TABLE claim_docs (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		tallies  TEXT NOT NULL,
		reports  INTEGER NOT NULL,
		PRIMARY KEY (category, country, period, tallies)
	);
	CREATE TABLE entity_names (
		key       TEXT NOT NULL,
		type      TEXT NOT NULL,
		name      TEXT NOT NULL,
		country   TEXT NOT NULL,
		code      TEXT NOT NULL,
		titles    TEXT NOT NULL,
		reports   INTEGER NOT NULL,
		first_doc BIGINT,
		PRIMARY KEY (key, type, name, country, code, titles)
	);
	CREATE TABLE claim_conflicts (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		PRIMARY KEY (category, country, period)
	);
	CREATE INDEX quotes_speaker ON quotes (lower(speaker), doc_id);
	CREATE INDEX event_keys_source ON event_keys (source, date);
	CREATE INDEX events_cluster_doc ON events (cluster, doc_id, event_id);
	DROP INDEX events_cluster;`,
	// 5: the document's stable id (store.UID of its content hash and URL), the doc_id of the
	// API and the exports, so that routes find a document by it. backfillUIDs fills it for the
	// documents stored before.
	`ALTER TABLE documents ADD COLUMN uid TEXT;
	CREATE UNIQUE INDEX documents_uid ON documents (uid);`,
	// 6: every actor's event keys by date (and by type and date), for the list of events with
	// no actor, read a page at a time like an actor's.
	`CREATE INDEX event_keys_date ON event_keys (date);
	CREATE INDEX event_keys_type ON event_keys (type, date);`,
	// 7: an event without a date links as a mention of the days before its report's
	// publication, and a mention without a trigger links by its figures (see package link): the
	// keys change, so relinkUndated relinks every stored event and counts the clusters of each
	// dyad again.
	`DELETE FROM dyad_clusters;`,
}

// upgrades are the steps of a migration that SQL alone cannot take, by migration number. Each
// runs after that migration's SQL, in the same transaction.
var upgrades = map[int]func(context.Context, pgx.Tx) error{3: relinkAll, 4: backfill, 5: backfillUIDs, 7: relinkUndated}

// backfillUIDs gives the documents stored before migration 5 their stable id, a batch of rows
// at a time.
func backfillUIDs(ctx context.Context, tx pgx.Tx) error {
	const batch = 5000
	var after int64
	for {
		rows, err := tx.Query(ctx, `SELECT id, content_hash, url FROM documents WHERE id > $1 ORDER BY id LIMIT $2`, after, batch)
		if err != nil {
			return err
		}
		var ids []int64
		var uids []string
		for rows.Next() {
			var id int64
			var hash, url string
			if err := rows.Scan(&id, &hash, &url); err != nil {
				rows.Close()
				return err
			}
			ids, uids = append(ids, id), append(uids, store.UID(hash, url))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE documents d SET uid = v.uid FROM unnest($1::bigint[], $2::text[]) AS v (id, uid)
			WHERE d.id = v.id`, ids, uids); err != nil {
			return fmt.Errorf("documents from %d: %w", ids[0], err)
		}
		after = ids[len(ids)-1]
	}
}
