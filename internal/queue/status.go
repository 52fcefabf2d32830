package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/alboran/alboran/internal/store"
)

// Status is the state of the queue and, when the database is known, of what it stored.
// Counts come from the server at one moment; while workers run they are a snapshot, and they
// are exact once nothing is pending or in flight.
type Status struct {
	Published uint64 `json:"published"` // documents the stream accepted; one sent back by requeue counts once
	Pending   uint64 `json:"pending"`   // not yet delivered
	InFlight  int    `json:"in_flight"` // delivered, not yet settled: held by a worker or waiting to be delivered again
	Dead      uint64 `json:"dead"`      // in the dead-letter stream, with their reasons
	Stranded  uint64 `json:"stranded"`  // in the stream, never to be delivered again (delivered max times), not stored
	// Leftover are in the stream but stored: their acknowledgements were lost when the
	// server restarted. requeue removes them.
	Leftover uint64 `json:"leftover"`
	Requeued uint64 `json:"requeued"` // sent back by requeue
	Stored   *int64 `json:"stored"`   // documents in the database; null when it was not given
	// Differences say what does not add up; empty when stored = published − dead − pending −
	// in flight − stranded (up to the documents in flight, which may be stored already).
	Differences []string `json:"differences"`
	Notes       []string `json:"notes,omitempty"`
}

// snapshot is the documents' stream and the consumer at one moment.
type snapshot struct {
	docs jetstream.StreamState
	cons *jetstream.ConsumerInfo
}

// snapshot reads the consumer and the stream twice each, until neither moved in between, so
// that the counts belong together. Messages left in the stream (neither pending nor in
// flight) must be there on two readings a little apart: the server removes an acknowledged
// message from the stream a moment after the consumer counts it acknowledged.
func (q *Queue) snapshot(ctx context.Context) (snapshot, error) {
	s, err := q.js.Stream(ctx, q.cfg.docs())
	if err != nil {
		return snapshot{}, fmt.Errorf("queue: stream %s: %w", q.cfg.docs(), err)
	}
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if err != nil {
		return snapshot{}, fmt.Errorf("queue: the workers' consumer: %w", err)
	}
	info := func() (*jetstream.ConsumerInfo, *jetstream.StreamInfo, error) {
		ci, err := c.Info(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("queue: %w", err)
		}
		si, err := s.Info(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("queue: %w", err)
		}
		return ci, si, nil
	}
	read := func() (snapshot, bool, error) {
		c1, s1, err := info()
		if err != nil {
			return snapshot{}, false, err
		}
		c2, s2, err := info()
		if err != nil {
			return snapshot{}, false, err
		}
		still := c1.Delivered == c2.Delivered && c1.AckFloor == c2.AckFloor && c1.NumAckPending == c2.NumAckPending &&
			c1.NumPending == c2.NumPending && s1.State.Msgs == s2.State.Msgs && s1.State.LastSeq == s2.State.LastSeq
		return snapshot{docs: s2.State, cons: c2}, still, nil
	}
	var prev snapshot
	for try := 0; ; try++ {
		snap, still, err := read()
		if err != nil {
			return snap, err
		}
		settled := snap.left() == 0 || prev.cons != nil && snap.left() == prev.left() && snap.docs.LastSeq == prev.docs.LastSeq
		if still && settled || try == 20 {
			return snap, nil
		}
		if still {
			prev = snap
			sleepCtx(ctx, 100*time.Millisecond)
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// left is how many messages are in the stream but neither pending nor in flight.
func (s snapshot) left() uint64 {
	busy := s.cons.NumPending + uint64(s.cons.NumAckPending)
	if s.docs.Msgs < busy {
		return 0
	}
	return s.docs.Msgs - busy
}

// deadCounts returns the number of dead documents and of requeue markers.
func (q *Queue) deadCounts(ctx context.Context) (dead, requeued uint64, err error) {
	s, err := q.js.Stream(ctx, q.cfg.dead())
	if err != nil {
		return 0, 0, fmt.Errorf("queue: stream %s: %w", q.cfg.dead(), err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter("alboran."+q.cfg.Name+".*"))
	if err != nil {
		return 0, 0, fmt.Errorf("queue: %w", err)
	}
	return info.State.Subjects[q.cfg.deadSubject()], info.State.Subjects[q.cfg.requeuedSubject()], nil
}

// deliveredMsg is a message that the consumer delivered at least once and that is still in the
// stream: held by a worker, waiting to be delivered again, stranded or left over.
type deliveredMsg struct {
	seq    uint64
	key    store.DocKey
	hasKey bool
	stored bool
	msg    *jetstream.RawStreamMsg
}

// deliveredMsgs lists the messages in the stream up to the consumer's last delivered one, and
// with db, which of them are stored. The list is as long as what is in flight, stranded or
// left over, not as the stream.
func (q *Queue) deliveredMsgs(ctx context.Context, snap snapshot, db Ledger) ([]deliveredMsg, error) {
	s, err := q.js.Stream(ctx, q.cfg.docs())
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	var out []deliveredMsg
	var keys []store.DocKey
	var withKey []int
	for seq := snap.docs.FirstSeq; seq > 0 && seq <= snap.cons.Delivered.Stream; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(q.cfg.docSubject()))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("queue: reading message %d: %w", seq, err)
		}
		if m.Sequence > snap.cons.Delivered.Stream {
			break
		}
		d := deliveredMsg{seq: m.Sequence, msg: m}
		d.key, d.hasKey = messageKey(rawMsg{m})
		if d.hasKey {
			keys = append(keys, d.key)
			withKey = append(withKey, len(out))
		}
		out = append(out, d)
		seq = m.Sequence + 1
	}
	if db != nil && len(keys) > 0 {
		has, err := db.Holds(ctx, keys)
		if err != nil {
			return nil, fmt.Errorf("asking the database: %w", err)
		}
		for k, i := range withKey {
			out[i].stored = has[k]
		}
	}
	return out, nil
}

// rawMsg gives a stored message the methods messageKey reads.
type rawMsg struct{ m *jetstream.RawStreamMsg }

func (r rawMsg) Headers() nats.Header { return r.m.Header }
func (r rawMsg) Data() []byte         { return r.m.Data }

// Delivered returns the identities of the documents in the stream that the workers have had
// at least once: those in flight, stranded or left over.
func (q *Queue) Delivered(ctx context.Context) ([]store.DocKey, error) {
	snap, err := q.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	msgs, err := q.deliveredMsgs(ctx, snap, nil)
	if err != nil {
		return nil, err
	}
	var out []store.DocKey
	for _, m := range msgs {
		if m.hasKey {
			out = append(out, m.key)
		}
	}
	return out, nil
}

// Status reads the streams, the consumer and, when db is not nil, the database.
func (q *Queue) Status(ctx context.Context, db Ledger) (Status, error) {
	st := Status{Differences: []string{}}
	snap, err := q.snapshot(ctx)
	if err != nil {
		return st, err
	}
	if st.Dead, st.Requeued, err = q.deadCounts(ctx); err != nil {
		return st, err
	}
	st.Published = snap.docs.LastSeq - min(st.Requeued, snap.docs.LastSeq)
	st.Pending, st.InFlight = snap.cons.NumPending, snap.cons.NumAckPending
	left := snap.left()
	if busy := st.Pending + uint64(st.InFlight); snap.docs.Msgs < busy {
		st.Differences = append(st.Differences, fmt.Sprintf("the server counts %d documents pending or in flight but holds %d messages: "+
			"its consumer state is behind the stream (after a restart); run status again in a minute", busy, snap.docs.Msgs))
	}
	if db == nil {
		st.Stranded = left
		if left > 0 {
			st.Notes = append(st.Notes, "without the database (--db), stranded also counts stored documents whose acknowledgements a server restart lost")
		}
	} else {
		if left > 0 {
			msgs, err := q.deliveredMsgs(ctx, snap, db)
			if err != nil {
				return st, err
			}
			for _, d := range msgs {
				if d.stored {
					st.Leftover++
				}
			}
			st.Leftover = min(st.Leftover, left)
			st.Stranded = left - st.Leftover
		}
		n, err := db.DocumentCount(ctx)
		if err != nil {
			return st, fmt.Errorf("asking the database: %w", err)
		}
		st.Stored = &n
		st.Differences = append(st.Differences, st.check()...)
	}
	if st.InFlight > 0 || st.Pending > 0 {
		st.Notes = append(st.Notes, "workers are at work: the counts are a snapshot")
	}
	return st, nil
}

// check compares what the database holds with what the queue accounts for.
func (st Status) check() []string {
	gone := st.Dead + st.Pending + uint64(st.InFlight) + st.Stranded
	if gone > st.Published {
		return []string{fmt.Sprintf("the queue accounts for %d documents dead, pending, in flight or stranded, more than the %d published", gone, st.Published)}
	}
	lo := int64(st.Published - gone)
	hi := lo + int64(st.InFlight) // a document in flight may be stored and not yet acknowledged
	switch n := *st.Stored; {
	case n > hi:
		return []string{fmt.Sprintf("the database holds %d documents, %d more than the queue accounts for (published − dead − pending − in flight − stranded = %d): "+
			"documents stored by other means (ingest --db, the API) or through another queue", n, n-hi, lo)}
	case n < lo:
		return []string{fmt.Sprintf("the database holds %d documents, %d fewer than the queue accounts for (published − dead − pending − in flight − stranded = %d): "+
			"a document published twice more than ten minutes apart is stored once; otherwise documents were lost", n, lo-n, lo)}
	}
	return nil
}

// DeadLetter is one dead document and why it died.
type DeadLetter struct {
	Seq        uint64 `json:"seq"`
	Source     string `json:"source"`
	Reason     string `json:"reason"`
	Deliveries string `json:"deliveries"`
}

// eachDead calls fn with each message in the dead-letter stream, in order.
func (q *Queue) eachDead(ctx context.Context, fn func(*jetstream.RawStreamMsg) error) error {
	s, err := q.js.Stream(ctx, q.cfg.dead())
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", q.cfg.dead(), err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	for seq := info.State.FirstSeq; seq > 0 && seq <= info.State.LastSeq; {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(q.cfg.deadSubject()))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("queue: reading dead letter %d: %w", seq, err)
		}
		if err := fn(m); err != nil {
			return err
		}
		seq = m.Sequence + 1
	}
	return nil
}

// Dead lists the dead-letter stream.
func (q *Queue) Dead(ctx context.Context) ([]DeadLetter, error) {
	out := []DeadLetter{}
	err := q.eachDead(ctx, func(m *jetstream.RawStreamMsg) error {
		var wd wireDoc
		json.Unmarshal(m.Data, &wd)
		src := wd.Source
		if src == "" {
			src = fmt.Sprintf("(%d bytes that are not a document)", len(m.Data))
		}
		out = append(out, DeadLetter{Seq: m.Sequence, Source: src, Reason: m.Header.Get(hdrReason), Deliveries: m.Header.Get(hdrDeliveries)})
		return nil
	})
	return out, err
}

// RemoveLeftover removes from the stream the delivered messages whose documents db holds,
// and returns how many. Workers call it when the queue is idle, so that acknowledgements a
// server restart lost do not stay in the stream.
func (q *Queue) RemoveLeftover(ctx context.Context, db Ledger) (int, error) {
	snap, err := q.snapshot(ctx)
	if err != nil || snap.left() == 0 {
		return 0, err
	}
	msgs, err := q.deliveredMsgs(ctx, snap, db)
	if err != nil {
		return 0, err
	}
	docs, err := q.js.Stream(ctx, q.cfg.docs())
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	n := 0
	for _, d := range msgs {
		if !d.stored {
			continue
		}
		if err := docs.DeleteMsg(ctx, d.seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return n, fmt.Errorf("queue: removing stored document %d: %w", d.seq, err)
		}
		n++
	}
	return n, nil
}

// Requeued says what Requeue did.
type Requeued struct {
	Stranded int `json:"stranded"` // stranded documents sent back to the workers
	Dead     int `json:"dead"`     // dead documents sent back to the workers
	Leftover int `json:"leftover"` // stored documents removed from the stream
	// Waiting are delivered documents not stored that were left alone because others were in
	// flight: a stranded document cannot be told from one a worker holds until they finish.
	Waiting int `json:"waiting"`
}

// Requeue sends the stranded documents back to the workers, with all their deliveries
// again, and removes from the stream the ones already stored (with db). With dead it also
// sends back the dead documents, for after the cause of their failure is fixed.
func (q *Queue) Requeue(ctx context.Context, db Ledger, dead bool) (Requeued, error) {
	var r Requeued
	snap, err := q.snapshot(ctx)
	if err != nil {
		return r, err
	}
	docs, err := q.js.Stream(ctx, q.cfg.docs())
	if err != nil {
		return r, fmt.Errorf("queue: %w", err)
	}
	if snap.left() > 0 {
		msgs, err := q.deliveredMsgs(ctx, snap, db)
		if err != nil {
			return r, err
		}
		if db != nil {
			if r.Leftover, err = q.RemoveLeftover(ctx, db); err != nil {
				return r, err
			}
		}
		for _, d := range msgs {
			switch {
			case d.stored:
			case snap.cons.NumAckPending > 0:
				r.Waiting++
			default:
				if err := q.resend(ctx, d.msg, fmt.Sprintf("requeue %d", d.seq)); err != nil {
					return r, err
				}
				if err := docs.DeleteMsg(ctx, d.seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
					return r, fmt.Errorf("queue: removing stranded document %d: %w", d.seq, err)
				}
				r.Stranded++
			}
		}
	}
	if !dead {
		return r, nil
	}
	ds, err := q.js.Stream(ctx, q.cfg.dead())
	if err != nil {
		return r, fmt.Errorf("queue: %w", err)
	}
	err = q.eachDead(ctx, func(m *jetstream.RawStreamMsg) error {
		if err := q.resend(ctx, m, fmt.Sprintf("requeue dead %d", m.Sequence)); err != nil {
			return err
		}
		if err := ds.DeleteMsg(ctx, m.Sequence); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return fmt.Errorf("queue: removing dead letter %d: %w", m.Sequence, err)
		}
		r.Dead++
		return nil
	})
	return r, err
}

// resend publishes a copy of a stored message to the documents' stream and a marker that
// says so; both carry id, so that doing it twice sends one copy.
func (q *Queue) resend(ctx context.Context, m *jetstream.RawStreamMsg, id string) error {
	c := nats.NewMsg(q.cfg.docSubject())
	c.Data = m.Data
	if k := m.Header.Get(hdrKey); k != "" {
		c.Header.Set(hdrKey, k)
	}
	c.Header.Set(jetstream.MsgIDHeader, id)
	if _, err := q.publish(ctx, c); err != nil {
		return fmt.Errorf("queue: sending back %s: %w", strings.TrimPrefix(id, "requeue "), err)
	}
	marker := nats.NewMsg(q.cfg.requeuedSubject())
	marker.Data = []byte(id)
	marker.Header.Set(jetstream.MsgIDHeader, id)
	if _, err := q.publish(ctx, marker); err != nil {
		return fmt.Errorf("queue: counting a document sent back: %w", err)
	}
	return nil
}
