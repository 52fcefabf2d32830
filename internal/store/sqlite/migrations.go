package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/store"
)

// migrations is the ordered schema history. Each entry runs once, in its own transaction, and
// the number of entries applied is the schema version kept in schema_migrations. Never edit an
// entry that has shipped: append a new one.
var migrations = []string{
	// 1: documents, their records and the full-text index.
	`CREATE TABLE documents (
		id                INTEGER PRIMARY KEY,
		content_hash      TEXT NOT NULL,
		url               TEXT NOT NULL DEFAULT '',
		source            TEXT NOT NULL,
		title             TEXT NOT NULL DEFAULT '',
		published         TEXT,
		dateline          TEXT NOT NULL DEFAULT '',
		language          TEXT NOT NULL DEFAULT '',
		partial           INTEGER NOT NULL DEFAULT 0,
		body              TEXT NOT NULL,
		facets            TEXT NOT NULL DEFAULT '', -- search filter tokens, see facets.go
		extractor_version TEXT NOT NULL,
		ingested_at       TEXT NOT NULL,
		UNIQUE (content_hash, url)
	);

	CREATE TABLE entities (
		doc_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		entity_id TEXT NOT NULL,
		type      TEXT NOT NULL,
		name      TEXT NOT NULL,
		country   TEXT NOT NULL DEFAULT '',
		code      TEXT NOT NULL DEFAULT '',
		titles    TEXT NOT NULL DEFAULT '',
		spans     TEXT NOT NULL DEFAULT '[]', -- the mentions: [[start, end], ...]
		version   TEXT NOT NULL,
		PRIMARY KEY (doc_id, entity_id)
	) WITHOUT ROWID;
	-- Entities and events need no secondary indexes for search: actors and event types are
	-- facet tokens in the full-text index (see facets.go).

	-- One row per mention of an entity. The spans live in the entity row, which keeps ingest
	-- fast (a report has some thirty mentions); this view gives them as rows.
	CREATE VIEW mentions (doc_id, entity_id, start, end) AS
		SELECT n.doc_id, n.entity_id, m.value ->> 0, m.value ->> 1 FROM entities n, json_each(n.spans) m;

	CREATE TABLE events (
		doc_id        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		event_id      TEXT NOT NULL,
		type          TEXT NOT NULL,
		mode          TEXT NOT NULL DEFAULT '',
		contexts      TEXT NOT NULL DEFAULT '',
		source_actor  TEXT NOT NULL DEFAULT '',
		source_entity TEXT NOT NULL DEFAULT '',
		target_actor  TEXT NOT NULL DEFAULT '',
		target_entity TEXT NOT NULL DEFAULT '',
		date          TEXT,
		date_inferred INTEGER NOT NULL DEFAULT 0,
		location      TEXT NOT NULL DEFAULT '',
		trigger       TEXT NOT NULL DEFAULT '',
		ev_start      INTEGER NOT NULL,
		ev_end        INTEGER NOT NULL,
		confidence    REAL NOT NULL,
		version       TEXT NOT NULL,
		PRIMARY KEY (doc_id, event_id)
	) WITHOUT ROWID;

	CREATE TABLE statistics (
		doc_id         INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		stat_id        TEXT NOT NULL,
		kind           TEXT NOT NULL,
		value          REAL NOT NULL,
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
	) WITHOUT ROWID;
	CREATE INDEX statistics_series ON statistics (category, country, doc_id);

	CREATE TABLE quotes (
		doc_id         INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
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
	) WITHOUT ROWID;

	CREATE VIRTUAL TABLE documents_fts USING fts5 (
		title, body, facets, content = 'documents', content_rowid = 'id', tokenize = 'porter unicode61'
	);
	-- The index is filled once per batch by the writer, not by a trigger per row: FTS5 flushes
	-- its buffer at every statement that writes it, and one row at a time made many tiny
	-- segments and constant merging.
	CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
		INSERT INTO documents_fts (documents_fts, rowid, title, body, facets) VALUES ('delete', old.id, old.title, old.body, old.facets);
	END;`,

	// 2: what watch remembers of each feed.
	`CREATE TABLE feeds (
		url           TEXT PRIMARY KEY,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		failures      INTEGER NOT NULL DEFAULT 0,
		next_poll     TEXT NOT NULL DEFAULT ''
	);`,

	// 3: cross-report linking. An event's uid is stable whatever the order of ingest (its
	// document's key and its id). Its cluster column holds the cluster's root, an internal
	// handle; clusters maps each root to the cluster's public id, the least uid of its events,
	// which does not depend on the order of ingest. event_keys holds each cluster once per
	// (dyad, date, place), so that linking a copy of a story reads one row, not every copy.
	// A person's surname (folded) finds the same person in other reports.
	`ALTER TABLE events ADD COLUMN uid TEXT NOT NULL DEFAULT '';
	ALTER TABLE events ADD COLUMN cluster TEXT NOT NULL DEFAULT '';
	CREATE INDEX events_cluster ON events (cluster);
	CREATE TABLE clusters (
		root TEXT PRIMARY KEY,
		id   TEXT NOT NULL,
		size INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE event_keys (
		type     TEXT NOT NULL,
		source   TEXT NOT NULL,
		target   TEXT NOT NULL,
		date     TEXT NOT NULL,
		location TEXT NOT NULL,
		root     TEXT NOT NULL,
		PRIMARY KEY (type, source, target, date, location, root)
	) WITHOUT ROWID;
	CREATE INDEX event_keys_root ON event_keys (root);
	ALTER TABLE entities ADD COLUMN surname TEXT NOT NULL DEFAULT '';
	CREATE INDEX entities_surname ON entities (surname) WHERE type = 'person';`,

	// 4: timelines find a dyad's clusters by their actors, in either role.
	`CREATE INDEX event_keys_pair ON event_keys (source, target, date);
	CREATE INDEX event_keys_target ON event_keys (target, date);`,

	// 5: organizations and countries by code, for the entity pages.
	`CREATE INDEX entities_code ON entities (code) WHERE type <> 'person';`,

	// 6: full-text index pages that fill 16 KiB database pages, and merges in larger steps,
	// so that ingest writes fewer, larger segments.
	`INSERT INTO documents_fts (documents_fts, rank) VALUES ('pgsz', 16000);
	INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);`,

	// 7: cheaper ingest. The full-text index drops the Porter stemmer, which cost a tenth of
	// ingest: searches widen words to their stems instead (see ftsTerms). It keeps word
	// positions, without which BM25 tokenizes every ranked report again. It merges 16
	// segments at a time, not 8: merging rewrote the index ever more often as it grew. The series index holds only the figures that
	// series read (counts, not parts, with a category), the conditions of Figures, so that
	// the other figures cost no index writes.
	`DROP TABLE documents_fts;
	CREATE VIRTUAL TABLE documents_fts USING fts5 (
		title, body, facets, content = 'documents', content_rowid = 'id', tokenize = 'unicode61'
	);
	INSERT INTO documents_fts (documents_fts, rank) VALUES ('pgsz', 16000);
	INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 16);
	INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
	DROP INDEX statistics_series;
	CREATE INDEX statistics_series ON statistics (category, country, doc_id)
		WHERE category <> 'other' AND kind = 'count' AND part_of = '';`,

	// 8: no B-tree indexes on surnames, entity codes or the series: their keys fall all over
	// each index, so every batch of ingest rewrote most of their pages (half of what it wrote
	// at 1 GB). The reports that name a surname or code, or give a category's figures for a
	// country, come from facet tokens in the full-text index instead; refacet adds the tokens
	// to the documents stored before.
	`DROP INDEX entities_surname;
	DROP INDEX entities_code;
	DROP INDEX statistics_series;`,

	// 9: the place of an event or a figure, resolved in the gazetteer (record.Geo as JSON), NULL
	// when none. Self-contained: it adds columns at the end of both tables and nothing else.
	`ALTER TABLE events ADD COLUMN place TEXT;
	ALTER TABLE statistics ADD COLUMN place TEXT;`,

	// 10: one real event per cluster (see package link). Linking works on keys: the events told
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
		crowded   INTEGER NOT NULL,
		act       TEXT NOT NULL,
		lo        TEXT NOT NULL,
		hi        TEXT NOT NULL,
		day       INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX event_keys_days ON event_keys (type, source, target, day, lo);
	CREATE INDEX event_keys_acts ON event_keys (type, source, target, act, day, crowded, lo);
	CREATE INDEX event_keys_root ON event_keys (root);
	CREATE INDEX event_keys_pair ON event_keys (source, target, date);
	CREATE INDEX event_keys_target ON event_keys (target, date);
	ALTER TABLE events ADD COLUMN link_key TEXT NOT NULL DEFAULT '';
	ALTER TABLE events ADD COLUMN mention INTEGER NOT NULL DEFAULT 0;`,

	// 11: what the overview, the conflicts and the lists of claims read, kept up to date by every
	// write instead of being computed from every row on each request (aggregates.go): the rows
	// per table; the event clusters per dyad; the ways reports name each person (by surname)
	// and organization (by code), counted; each claim's tallies (its figures counted by
	// value, bound and named source, with one figure that gives each, a few rows however many
	// reports give the claim), the reports that give more than one of its values, and the
	// claims whose reports disagree. A claim is made from its tallies when read. backfill fills
	// them for the reports stored before (after 10 relinked them).
	`CREATE TABLE totals (
		name TEXT PRIMARY KEY,
		n    INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE dyad_clusters (
		type   TEXT NOT NULL,
		source TEXT NOT NULL,
		target TEXT NOT NULL,
		n      INTEGER NOT NULL,
		PRIMARY KEY (type, source, target)
	) WITHOUT ROWID;
	CREATE TABLE claim_values (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		value    REAL NOT NULL,
		bound    TEXT NOT NULL,
		source   TEXT NOT NULL,
		figures  INTEGER NOT NULL,
		reports  INTEGER NOT NULL,
		rep_doc  INTEGER,          -- the figure of the least document id that gives the value
		rep_stat TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (category, country, period, value, bound, source)
	) WITHOUT ROWID;
	CREATE TABLE claim_docs (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		tallies  TEXT NOT NULL,    -- the values they give: [[value, bound, source], ...]
		reports  INTEGER NOT NULL, -- how many reports give just these
		PRIMARY KEY (category, country, period, tallies)
	) WITHOUT ROWID;
	CREATE TABLE entity_names (
		key       TEXT NOT NULL,     -- sn:<folded surname> for a person, code:<CODE> for the rest
		type      TEXT NOT NULL,
		name      TEXT NOT NULL,
		country   TEXT NOT NULL,
		code      TEXT NOT NULL,
		titles    TEXT NOT NULL,
		reports   INTEGER NOT NULL,
		first_doc INTEGER,
		PRIMARY KEY (key, type, name, country, code, titles)
	) WITHOUT ROWID;
	CREATE TABLE claim_conflicts (
		category TEXT NOT NULL,
		country  TEXT NOT NULL,
		period   TEXT NOT NULL,
		PRIMARY KEY (category, country, period)
	) WITHOUT ROWID;
	-- Lists in keyset order: a speaker's quotes, newest report first; an actor's event keys
	-- by date, as source (the target has event_keys_target).
	CREATE INDEX quotes_speaker ON quotes (speaker COLLATE NOCASE, doc_id);
	CREATE INDEX event_keys_source ON event_keys (source, date);`,
	// 12: the document's stable id (store.UID of its content hash and URL), the doc_id of the
	// API and the exports, so that routes find a document by it. backfillUIDs fills it for the
	// documents stored before.
	`ALTER TABLE documents ADD COLUMN uid TEXT;
	CREATE UNIQUE INDEX documents_uid ON documents (uid);`,
	// 13: every actor's event keys by date (and by type and date), for the list of events with
	// no actor, read a page at a time like an actor's.
	`CREATE INDEX event_keys_date ON event_keys (date);
	CREATE INDEX event_keys_type ON event_keys (type, date);`,
	// 14: an event without a date links as a mention of the days before its report's
	// publication, and a mention without a trigger links by its figures (see package link): the
	// keys change, so relinkUndated relinks every stored event and counts the clusters of each
	// dyad again.
	`DELETE FROM dyad_clusters;`,
}

// upgrades are the steps of a migration that SQL alone cannot take, by migration number. Each
// runs after that migration's SQL, in its transaction.
var upgrades = map[int]func(context.Context, *sql.Tx) error{8: refacet, 10: relinkAll, 11: backfill, 12: backfillUIDs, 14: relinkUndated}

// refacet adds the facet tokens of surnames (sn) and of the countries of figures (sc) to the
// documents stored before migration 8, then rebuilds the full-text index.
func refacet(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, 'sn', surname FROM entities WHERE type = 'person' AND surname <> ''
		UNION SELECT doc_id, 'sc', country FROM statistics WHERE country <> ''`)
	if err != nil {
		return err
	}
	tokens := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var kind, v string
		if err := rows.Scan(&id, &kind, &v); err != nil {
			rows.Close()
			return err
		}
		if tokens[id] == nil {
			tokens[id] = map[string]bool{}
		}
		tokens[id][store.FacetToken(kind, v)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(tokens) == 0 {
		return nil
	}
	up, err := tx.PrepareContext(ctx, `UPDATE documents SET facets = ltrim(facets || ' ' || ?) WHERE id = ?`)
	if err != nil {
		return err
	}
	defer up.Close()
	for id, set := range tokens {
		list := make([]string, 0, len(set))
		for t := range set {
			list = append(list, t)
		}
		sort.Strings(list)
		if _, err := up.ExecContext(ctx, strings.Join(list, " "), id); err != nil {
			return fmt.Errorf("document %d: %w", id, err)
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`)
	return err
}

// backfillUIDs gives the documents stored before migration 12 their stable id, reading each
// document's key once.
func backfillUIDs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, content_hash, url FROM documents WHERE uid IS NULL`)
	if err != nil {
		return err
	}
	uids := map[int64]string{}
	for rows.Next() {
		var id int64
		var hash, url string
		if err := rows.Scan(&id, &hash, &url); err != nil {
			rows.Close()
			return err
		}
		uids[id] = store.UID(hash, url)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	up, err := tx.PrepareContext(ctx, `UPDATE documents SET uid = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer up.Close()
	for id, uid := range uids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := up.ExecContext(ctx, uid, id); err != nil {
			return fmt.Errorf("document %d: %w", id, err)
		}
	}
	return nil
}
