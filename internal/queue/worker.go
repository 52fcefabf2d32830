package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/store"
)

// Ledger is what the queue may ask of the database besides storing: which documents it
// holds, and how many. The PostgreSQL store has it.
type Ledger interface {
	Holds(ctx context.Context, keys []store.DocKey) ([]bool, error)
	DocumentCount(ctx context.Context) (int64, error)
}

// Worker stores the documents it pulls.
type Worker struct {
	Queue     *Queue
	Store     store.Store
	Extractor *extract.Extractor
	Batch     int // messages per fetch and per transaction; 64 by default
	// Jobs is how many documents of a batch are extracted at once; every core
	// (runtime.GOMAXPROCS) when 0. Several workers on one machine each take Jobs 1 (or
	// cores/workers), so that they do not crowd the cores (BenchmarkWorkers).
	Jobs  int
	Log   *log.Logger
	Stats *Stats // what the worker did; made when nil

	settings Settings
}

// Run pulls and stores batches until ctx is done, and then returns ctx's error; the
// documents it holds at that moment go back to the queue at once.
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Log == nil {
		w.Log = log.New(io.Discard, "", 0)
	}
	if w.Stats == nil {
		w.Stats = &Stats{}
	}
	if w.settings.MaxDeliver == 0 {
		w.settings = Settings{MaxDeliver: DefaultMaxDeliver, AckWait: DefaultAckWait}
	}
	var cons jetstream.Consumer
	var read, swept time.Time
	for ctx.Err() == nil {
		if cons == nil || time.Since(read) > 30*time.Second {
			// The consumer's settings can change under a running worker (another worker
			// started with --max-deliver, say), and it can be recreated.
			c, err := w.Queue.js.Consumer(ctx, w.Queue.cfg.docs(), consumerName)
			if err == nil {
				cons = c
				var s Settings
				if s, err = w.Queue.Settings(ctx); err == nil {
					w.settings, read = s, time.Now()
				}
			}
			if err != nil && cons == nil {
				if ctx.Err() != nil {
					break
				}
				w.Log.Printf("queue: %v; trying again", err)
				sleepCtx(ctx, time.Second)
				continue
			}
		}
		batch, err := w.fetch(cons)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.Log.Printf("fetch: %v", err)
			if errors.Is(err, jetstream.ErrConsumerNotFound) {
				cons = nil
			}
			sleepCtx(ctx, 500*time.Millisecond)
			continue
		}
		if len(batch) == 0 && time.Since(swept) > 15*time.Second {
			swept = time.Now()
			w.sweep(ctx)
		}
		if len(batch) > 0 {
			if err := w.handle(ctx, batch); err != nil {
				w.Log.Printf("stopping: the documents not yet stored go back to the queue")
				return err
			}
		}
	}
	return ctx.Err()
}

// sweep removes, while the queue is idle, the messages that a server restart left in the
// stream although their documents are stored.
func (w *Worker) sweep(ctx context.Context) {
	l, ok := w.Store.(Ledger)
	if !ok {
		return
	}
	if n, err := w.Queue.RemoveLeftover(ctx, l); err != nil && ctx.Err() == nil {
		w.Log.Printf("removing stored documents left in the stream: %v", err)
	} else if n > 0 {
		w.Log.Printf("removed %d stored documents that a server restart had left in the stream", n)
	}
}

// fetch takes what is waiting, up to a batch, without waiting for more; when nothing is, it
// waits up to a second (a quarter of the ack wait at most: the messages it receives meanwhile
// have no heartbeat yet) for a batch.
func (w *Worker) fetch(cons jetstream.Consumer) ([]jetstream.Msg, error) {
	var batch []jetstream.Msg
	collect := func(msgs jetstream.MessageBatch, err error) error {
		if err != nil {
			return err
		}
		for m := range msgs.Messages() {
			batch = append(batch, m)
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) {
			return err
		}
		return nil
	}
	if err := collect(cons.FetchNoWait(w.Batch)); err != nil || len(batch) > 0 {
		return batch, err
	}
	wait := min(time.Second, max(w.settings.AckWait/4, 50*time.Millisecond))
	return batch, collect(cons.Fetch(w.Batch, jetstream.FetchMaxWait(wait)))
}

// held is a batch's messages that are not yet settled (acknowledged, refused or dead): the
// worker keeps them alive with in-progress acknowledgements.
type held struct {
	mu   sync.Mutex
	msgs map[jetstream.Msg]bool
}

func (h *held) settle(m jetstream.Msg) {
	h.mu.Lock()
	delete(h.msgs, m)
	h.mu.Unlock()
}

func (h *held) each(fn func(jetstream.Msg)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for m := range h.msgs {
		fn(m)
	}
}

// heartbeat sends an in-progress acknowledgement for each held message every quarter of the
// ack wait, until stop is called: the messages stay with this worker while it extracts and
// while the database is unavailable, and a worker that dies gives them up within one ack wait.
func (w *Worker) heartbeat(h *held) (stop func()) {
	every := max(w.settings.AckWait/4, 100*time.Millisecond)
	if w.settings.AckWait <= 0 {
		every = DefaultAckWait / 4
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				h.each(func(m jetstream.Msg) { m.InProgress() })
			}
		}
	}()
	return func() { close(done); <-finished }
}

// job is one message on its way through a batch.
type job struct {
	msg   jetstream.Msg
	entry store.Entry
	body  string // the object holding the text, for a document sent by reference
	err   error  // why the message failed; nil when entry is ready to store
	late  bool   // delivered more often than max deliver: the earlier deliveries had no result
}

// handle extracts and stores a batch. Messages are acknowledged only after the commit; a
// message that cannot be read or extracted, or that the database refuses, fails alone. It
// returns an error only when ctx ends, after handing the unsettled messages back.
func (w *Worker) handle(ctx context.Context, batch []jetstream.Msg) error {
	h := &held{msgs: make(map[jetstream.Msg]bool, len(batch))}
	for _, m := range batch {
		h.msgs[m] = true
	}
	stop := w.heartbeat(h)
	defer stop()
	start := time.Now()
	defer func() { w.Stats.add(func(s *Stats) { s.batches++; s.batchSec += since(start) }) }()
	handBack := func() error {
		h.each(func(m jetstream.Msg) { m.Nak() })
		return ctx.Err()
	}

	// Extraction runs on Jobs cores; it cannot be interrupted, so on cancellation the batch
	// is handed back without waiting for it.
	jobs := make([]job, len(batch))
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		next := make(chan int)
		for k := 0; k < w.jobs(); k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					jobs[i] = w.prepare(ctx, batch[i])
				}
			}()
		}
		for i := range batch {
			next <- i
		}
		close(next)
		wg.Wait()
	}()
	select {
	case <-done:
	case <-ctx.Done():
		return handBack()
	}

	var ready []int
	for i := range jobs {
		j := &jobs[i]
		switch {
		case j.late:
			w.giveUp(ctx, h, j)
		case j.err != nil:
			w.fail(ctx, h, j.msg, j.err)
		default:
			if warn := store.Clean(&j.entry); warn != "" {
				w.Log.Printf("warning: %s", warn)
			}
			ready = append(ready, i)
		}
	}
	if len(ready) == 0 {
		return nil
	}
	rejected, err := w.store(ctx, jobs, ready)
	if err != nil {
		return handBack()
	}
	for _, i := range ready {
		j := &jobs[i]
		if reason, ok := rejected[i]; ok {
			w.fail(ctx, h, j.msg, reason)
			continue
		}
		w.ack(ctx, h, j)
		w.Stats.add(func(s *Stats) { s.stored++; s.bytes += int64(len(j.entry.Doc.Text)) })
	}
	return nil
}

// jobs is how many documents are extracted at once.
func (w *Worker) jobs() int {
	if w.Jobs > 0 {
		return w.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// prepare decodes and extracts one message; a panic in extraction is an error of that message.
func (w *Worker) prepare(ctx context.Context, m jetstream.Msg) (j job) {
	j.msg = m
	defer func() {
		if v := recover(); v != nil {
			j.err = fmt.Errorf("extraction failed: %v", v)
		}
	}()
	if md, err := m.Metadata(); err == nil && int(md.NumDelivered) > w.settings.MaxDeliver {
		j.late = true
		return j
	}
	var wd wireDoc
	if err := json.Unmarshal(m.Data(), &wd); err != nil {
		j.err = fmt.Errorf("not a document: %w", err)
		return j
	}
	d := wd.Document
	d.Text = wd.Text
	if wd.Body != "" {
		var err error
		if d.Text, err = w.Queue.getBody(ctx, wd.Body); err != nil {
			j.err = err
			return j
		}
		j.body = wd.Body
	}
	if d.Text == "" {
		j.err = errors.New("the document has no text")
		return j
	}
	j.entry = store.Entry{Doc: d, Extraction: w.Extractor.Extract(d), Version: extract.Version}
	return j
}

// store writes the ready jobs in one transaction. A document the database refuses is found by
// halving the batch, and the rest is stored without it; its reason comes back by job index.
// While the database is unavailable, store keeps the batch (the heartbeat keeps the messages)
// and tries again with growing pauses, so an outage spends no deliveries. It returns an error
// only when ctx ends.
func (w *Worker) store(ctx context.Context, jobs []job, ready []int) (map[int]error, error) {
	entries := make([]store.Entry, len(ready))
	for k, i := range ready {
		entries[k] = jobs[i].entry
	}
	for wait := 250 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		rejected := map[int]error{}
		err := w.put(ctx, entries, ready, rejected)
		if err == nil {
			return rejected, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		w.Log.Printf("store: %v; keeping %d documents and trying again in %s", err, len(entries), wait)
		sleepCtx(ctx, wait)
	}
}

// put stores entries, splitting them in halves while the database refuses a document.
func (w *Worker) put(ctx context.Context, entries []store.Entry, idx []int, rejected map[int]error) error {
	_, err := w.Store.Put(ctx, entries)
	if err == nil || !errors.Is(err, store.ErrRejected) {
		return err
	}
	if len(entries) == 1 {
		rejected[idx[0]] = err
		return nil
	}
	mid := len(entries) / 2
	if err := w.put(ctx, entries[:mid], idx[:mid], rejected); err != nil {
		return err
	}
	return w.put(ctx, entries[mid:], idx[mid:], rejected)
}

// ack acknowledges a stored document. A document sent by reference is acknowledged with the
// server's confirmation, and its text deleted after it.
func (w *Worker) ack(ctx context.Context, h *held, j *job) {
	h.settle(j.msg)
	if j.body == "" {
		if err := j.msg.Ack(); err != nil {
			w.Log.Printf("ack: %v (the document will come again and be found stored)", err)
		}
		return
	}
	actx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := j.msg.DoubleAck(actx); err != nil {
		w.Log.Printf("ack: %v (the document will come again and be found stored)", err)
		return
	}
	if err := w.Queue.deleteBody(actx, j.body); err != nil {
		w.Log.Printf("deleting the text of a stored document: %v", err)
	}
}

// fail naks a message that failed, with back-off, or moves it to the dead-letter stream at
// its last delivery.
func (w *Worker) fail(ctx context.Context, h *held, m jetstream.Msg, reason error) {
	h.settle(m)
	n := delivered(m)
	if n < w.settings.MaxDeliver {
		w.Stats.add(func(s *Stats) { s.failed++ })
		delay := time.Duration(1<<min(n, 6)) * 100 * time.Millisecond
		if err := m.NakWithDelay(delay); err != nil {
			w.Log.Printf("nak: %v", err)
		}
		return
	}
	w.deadLetter(ctx, m, reason, n)
}

// giveUp settles a message whose last deliveries had no result: the workers that held it
// died or stalled. One stored meanwhile is acknowledged; another is dead, so that a document
// that brings workers down cannot bring down the next ones too.
func (w *Worker) giveUp(ctx context.Context, h *held, j *job) {
	h.settle(j.msg)
	if l, ok := w.Store.(Ledger); ok {
		if k, ok := messageKey(j.msg); ok {
			if has, err := l.Holds(ctx, []store.DocKey{k}); err == nil && has[0] {
				j.msg.Ack()
				w.Stats.add(func(s *Stats) { s.stored++ })
				return
			}
		}
	}
	n := delivered(j.msg)
	w.deadLetter(ctx, j.msg, fmt.Errorf("delivered %d times without a result: the workers holding it stopped or stalled", n-1), n)
}

func delivered(m jetstream.Msg) int {
	if md, err := m.Metadata(); err == nil {
		return int(md.NumDelivered)
	}
	return 1
}

// deadLetter copies a message to the dead-letter stream with the reason, then terminates it.
// The copy's id is the message's stream sequence, so that doing it twice leaves one copy.
func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, reason error, n int) {
	w.Stats.add(func(s *Stats) { s.dead++ })
	dead := nats.NewMsg(w.Queue.cfg.deadSubject())
	dead.Data = m.Data()
	dead.Header.Set(hdrReason, reason.Error())
	dead.Header.Set(hdrDeliveries, fmt.Sprint(n))
	if k := m.Headers().Get(hdrKey); k != "" {
		dead.Header.Set(hdrKey, k)
	}
	if md, err := m.Metadata(); err == nil {
		dead.Header.Set(jetstream.MsgIDHeader, fmt.Sprintf("dead %d", md.Sequence.Stream))
	}
	if _, err := w.Queue.js.PublishMsg(ctx, dead); err != nil {
		w.Log.Printf("dead letter: %v (the document will come again)", err)
		m.NakWithDelay(time.Second)
		return
	}
	w.Log.Printf("dead after %d deliveries: %v", n, reason)
	m.Term()
}

// messageKey is the identity of the document a message carries: from its header, or from
// the document itself.
func messageKey(m interface {
	Headers() nats.Header
	Data() []byte
}) (store.DocKey, bool) {
	if k, ok := parseKey(m.Headers().Get(hdrKey)); ok {
		return k, true
	}
	var wd wireDoc
	if json.Unmarshal(m.Data(), &wd) != nil || wd.Body != "" || wd.Text == "" {
		return store.DocKey{}, false
	}
	wd.Document.Text = wd.Text
	hash, u := store.Key(wd.Document)
	return store.DocKey{Hash: hash, URL: u}, true
}
