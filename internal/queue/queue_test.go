package queue

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/storetest"
	"github.com/alboran/alboran/internal/testcorpus"
)

// natsURL is the test server from ALBORAN_TEST_NATS; in CI its absence is a failure.
func natsURL(t testing.TB) string {
	u := os.Getenv("ALBORAN_TEST_NATS")
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ALBORAN_TEST_NATS is not set; .ci/run starts nats-server and sets it")
		}
		t.Skip("set ALBORAN_TEST_NATS=nats://127.0.0.1:4222 to run the queue tests")
	}
	return u
}

// fresh connects to streams of their own for one test.
func fresh(t testing.TB, maxDeliver int, ackWait time.Duration) *Queue {
	cfg := Config{URL: natsURL(t), Name: fmt.Sprintf("T%d", rand.Uint32()), MaxDeliver: maxDeliver, AckWait: ackWait}
	q, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		q.js.DeleteStream(ctx, q.cfg.docs())
		q.js.DeleteStream(ctx, q.cfg.dead())
		q.js.DeleteObjectStore(ctx, q.cfg.bodies())
		q.Close()
	})
	return q
}

func openDB(t testing.TB) *postgres.DB {
	db, err := postgres.Open(context.Background(), pgtest.Fresh(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// workers runs n workers on st until the returned stop is called; each extracts on every
// core, or on jobs cores when jobs is given.
func workers(t testing.TB, q *Queue, st store.Store, n, batch int, jobs ...int) (stop func()) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &Worker{Queue: q, Store: st, Extractor: extract.New(lx), Batch: batch}
			if len(jobs) > 0 {
				w.Jobs = jobs[0]
			}
			w.Run(ctx)
		}()
	}
	return func() { cancel(); wg.Wait() }
}

// drain waits until nothing is pending or in flight and the status satisfies done.
func drain(t testing.TB, q *Queue, db Ledger, done func(Status) bool) Status {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		st, err := q.Status(context.Background(), db)
		if err == nil && st.Pending == 0 && st.InFlight == 0 && done(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %+v (%v)", st, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// exact checks that stored = published − dead and that the status finds nothing amiss.
func exact(t testing.TB, st Status, published, dead uint64) {
	t.Helper()
	if st.Published != published || st.Dead != dead || st.Stored == nil || uint64(*st.Stored) != published-dead ||
		st.Stranded != 0 || len(st.Differences) != 0 {
		t.Errorf("status %+v (stored %v), want %d published, %d dead, %d stored, nothing stranded, no differences",
			st, deref(st.Stored), published, dead, published-dead)
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestTwoWorkers publishes reports, a resend and a poison message, runs two workers on one
// PostgreSQL database until the queue is empty, and checks that every report is stored once,
// the poison is dead with its reason, and the status adds up. The workers extract one
// document at a time each (--jobs 1), as when several share a machine.
func TestTwoWorkers(t *testing.T) {
	t.Parallel()
	q := fresh(t, 2, 5*time.Second)
	ctx := context.Background()
	db := openDB(t)
	docs := testcorpus.Generate(300, 21)
	for _, d := range docs {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := q.Publish(ctx, docs[0]); err != nil { // a resend: the stream drops it
		t.Fatal(err)
	}
	if err := q.PublishRaw(ctx, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	stop := workers(t, q, db, 2, 32, 1)
	st := drain(t, q, db, func(st Status) bool { return st.Dead == 1 })
	stop()
	exact(t, st, 301, 1)
	dead, err := q.Dead(ctx)
	if err != nil || len(dead) != 1 || !strings.Contains(dead[0].Reason, "not a document") || dead[0].Deliveries != "2" {
		t.Fatalf("dead letters %+v (%v)", dead, err)
	}
}

// TestRefusedDocumentFailsAlone stores batches holding documents that PostgreSQL refuses (a
// check constraint) and one with NUL characters: the batch is stored without the refused ones,
// which go to the dead-letter stream with PostgreSQL's reason, and the NUL characters are
// replaced. Once the cause is gone, requeue --dead sends them back and they are stored.
func TestRefusedDocumentFailsAlone(t *testing.T) {
	t.Parallel()
	q := fresh(t, 2, 5*time.Second)
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	exec := func(sql string) {
		t.Helper()
		if _, err := admin.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	exec(`ALTER TABLE documents ADD CONSTRAINT no_poison CHECK (title NOT LIKE 'POISON%')`)
	docs := testcorpus.Generate(100, 23)
	docs[10].Title, docs[70].Title = "POISON one", "POISON two"
	docs[40].Text = strings.Replace(docs[40].Text, " ", "\x00 ", 2)
	for _, d := range docs {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	stop := workers(t, q, db, 1, 64)
	st := drain(t, q, db, func(st Status) bool { return st.Dead == 2 })
	exact(t, st, 100, 2)
	dead, err := q.Dead(ctx)
	if err != nil || len(dead) != 2 {
		t.Fatalf("dead letters %+v (%v)", dead, err)
	}
	for _, d := range dead {
		if !strings.Contains(d.Reason, "no_poison") || !strings.Contains(d.Reason, "23514") {
			t.Errorf("dead letter %+v: the reason does not name the constraint", d)
		}
	}
	if body := storetest.Texts(t, db)[docs[40].Source]; strings.Count(body, "\uFFFD") != 2 || strings.ContainsRune(body, 0) {
		t.Errorf("the document with NUL characters was not stored with U+FFFD in their place")
	}

	exec(`ALTER TABLE documents DROP CONSTRAINT no_poison`)
	r, err := q.Requeue(ctx, db, true)
	if err != nil || r.Dead != 2 {
		t.Fatalf("requeue: %+v %v", r, err)
	}
	st = drain(t, q, db, func(st Status) bool { return st.Stored != nil && *st.Stored == 100 })
	stop()
	exact(t, st, 100, 0)
	if st.Requeued != 2 {
		t.Errorf("%d requeued, want 2", st.Requeued)
	}
}

// outage is a store that is unreachable until a moment.
// outage is a database that is unreachable for the first length of time after the first
// write is tried (from the first try, so that a slow start on a loaded machine still meets it).
type outage struct {
	store.Store
	length time.Duration
	tries  atomic.Int64
	once   sync.Once
	until  time.Time
}

func (o *outage) Put(ctx context.Context, es []store.Entry) ([]store.Outcome, error) {
	o.once.Do(func() { o.until = time.Now().Add(o.length) })
	if time.Now().Before(o.until) {
		o.tries.Add(1)
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	}
	return o.Store.Put(ctx, es)
}

// TestOutageSpendsNoDeliveries keeps the database away for three ack waits: the workers hold
// their documents with in-progress acknowledgements and fetch no more, so that no document
// is delivered twice and none dies although max deliver is 1.
func TestOutageSpendsNoDeliveries(t *testing.T) {
	t.Parallel()
	q := fresh(t, 1, time.Second)
	ctx := context.Background()
	db := openDB(t)
	for _, d := range testcorpus.Generate(40, 29) {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	down := &outage{Store: db, length: 3 * time.Second}
	stop := workers(t, q, down, 2, 16)
	st := drain(t, q, db, func(st Status) bool { return st.Stored != nil && *st.Stored == 40 })
	stop()
	exact(t, st, 40, 0)
	ci, err := q.consumerInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ci.Delivered.Consumer != 40 {
		t.Errorf("%d deliveries for 40 documents: the outage spent deliveries", ci.Delivered.Consumer)
	}
	if down.tries.Load() == 0 {
		t.Error("the outage was never met")
	}
}

func (q *Queue) consumerInfo(ctx context.Context) (*jetstream.ConsumerInfo, error) {
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if err != nil {
		return nil, err
	}
	return c.Info(ctx)
}

// TestWorkerStopsAtOnce cancels a worker that holds documents during an outage: Run returns
// at once and the documents go to another worker without waiting for the ack wait.
func TestWorkerStopsAtOnce(t *testing.T) {
	t.Parallel()
	q := fresh(t, 3, time.Minute)
	ctx := context.Background()
	db := openDB(t)
	for _, d := range testcorpus.Generate(20, 31) {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	lx, _ := lexicon.Default()
	down := &outage{Store: db, length: time.Hour}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- (&Worker{Queue: q, Store: down, Extractor: extract.New(lx), Batch: 64}).Run(wctx) }()
	for down.tries.Load() == 0 {
		time.Sleep(20 * time.Millisecond)
	}
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v", err)
		}
		t.Logf("the worker stopped %s after the cancellation", time.Since(start).Round(time.Millisecond))
	case <-time.After(30 * time.Second):
		t.Fatal("the worker did not stop")
	}
	stop := workers(t, q, db, 1, 64)
	st := drain(t, q, db, func(st Status) bool { return st.Stored != nil && *st.Stored == 20 })
	stop()
	exact(t, st, 20, 0)
}

// TestStrandedAndLeftover lets the server give up on three documents (delivered max times,
// never settled), one of which is stored already: status tells the two stranded from the
// leftover one, requeue sends the stranded back and removes the leftover, and a worker
// stores them.
func TestStrandedAndLeftover(t *testing.T) {
	t.Parallel()
	q := fresh(t, 1, time.Second)
	ctx := context.Background()
	db := openDB(t)
	docs := testcorpus.Generate(3, 37)
	c := unanswered(t, q, db, docs, 1)
	// The server drops a message from in flight when its last ack wait has ended and a pull
	// request is waiting.
	got := 0
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		b, err := c.Fetch(3, jetstream.FetchMaxWait(200*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		for range b.Messages() {
			got++
		}
		if ci, err := q.consumerInfo(ctx); err == nil && got >= 6 && ci.NumAckPending == 0 {
			break
		}
	}
	if got != 6 {
		t.Errorf("%d deliveries, want 6 (max deliver 1, and one delivery more)", got)
	}
	st := drain(t, q, db, func(st Status) bool { return true })
	if st.Stranded != 2 || st.Leftover != 1 || len(st.Differences) != 0 {
		t.Fatalf("status %+v, want 2 stranded, 1 leftover, no differences", st)
	}
	r, err := q.Requeue(ctx, db, false)
	if err != nil || r.Stranded != 2 || r.Leftover != 1 {
		t.Fatalf("requeue %+v (%v), want 2 stranded sent back and 1 leftover removed", r, err)
	}
	stop := workers(t, q, db, 1, 64)
	st = drain(t, q, db, func(st Status) bool { return st.Stored != nil && *st.Stored == 3 })
	stop()
	exact(t, st, 3, 0)
}

// TestLargeDocument publishes a document larger than the server's maximum payload: it goes
// by reference, is stored whole, and its text leaves the object store after the commit.
func TestLargeDocument(t *testing.T) {
	t.Parallel()
	q := fresh(t, 2, 5*time.Second)
	ctx := context.Background()
	db := openDB(t)
	docs := testcorpus.Generate(5, 41)
	docs[2].Text = testcorpus.Padded(docs[2].Text, int(q.nc.MaxPayload())+100<<10)
	big := docs[2]
	for _, d := range docs {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatalf("publishing %d bytes: %v", len(d.Text), err)
		}
	}
	obs, err := q.objects(ctx, false)
	if err != nil {
		t.Fatalf("no object store for a document of %d bytes: %v", len(big.Text), err)
	}
	stop := workers(t, q, db, 1, 64)
	st := drain(t, q, db, func(st Status) bool { return st.Stored != nil && *st.Stored == 5 })
	stop()
	exact(t, st, 5, 0)
	if body := storetest.Texts(t, db)[big.Source]; body != big.Text {
		t.Errorf("the large document is stored with %d bytes of its %d", len(body), len(big.Text))
	}
	if list, _ := obs.List(ctx); len(list) != 0 {
		t.Errorf("%d texts left in the object store after the commit", len(list))
	}
}

// TestSettings checks that settings given on connecting change the existing consumer, that
// none given leave it alone, and that what the server refuses is said.
func TestSettings(t *testing.T) {
	t.Parallel()
	q := fresh(t, 3, 4*time.Second)
	ctx := context.Background()
	connect := func(md int, aw time.Duration, replicas int) (*Queue, error) {
		c, err := Connect(ctx, Config{URL: q.cfg.URL, Name: q.cfg.Name, MaxDeliver: md, AckWait: aw, Replicas: replicas})
		if err == nil {
			t.Cleanup(c.Close)
		}
		return c, err
	}
	check := func(md int, aw time.Duration) {
		t.Helper()
		s, err := q.Settings(ctx)
		if err != nil || s.MaxDeliver != md || s.AckWait != aw {
			t.Errorf("settings %+v (%v), want max deliver %d, ack wait %s", s, err, md, aw)
		}
	}
	check(3, 4*time.Second)
	if _, err := connect(0, 0, 0); err != nil {
		t.Fatal(err)
	}
	check(3, 4*time.Second)
	if _, err := connect(20, 0, 0); err != nil {
		t.Fatal(err)
	}
	check(20, 4*time.Second)
	if _, err := connect(0, 9*time.Second, 0); err != nil {
		t.Fatal(err)
	}
	check(20, 9*time.Second)
	if _, err := connect(0, 0, 3); err != nil {
		t.Fatal(err)
	}
	if s, err := q.Settings(ctx); err != nil || s.Replicas != 3 {
		t.Errorf("settings %+v (%v), want 3 replicas", s, err)
	}
}

// unanswered publishes docs, stores the last stored of them directly, and returns the
// workers' consumer, for a test to take the documents and never answer.
func unanswered(t testing.TB, q *Queue, db *postgres.DB, docs []record.Document, stored int) jetstream.Consumer {
	t.Helper()
	ctx := context.Background()
	for _, d := range docs {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Put(ctx, storetest.Entries(t, docs[len(docs)-stored:])); err != nil {
		t.Fatal(err)
	}
	c, err := q.js.Consumer(ctx, q.cfg.docs(), consumerName)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestNoResult gives two documents to a consumer that never answers, as a worker that dies
// at each delivery would, until their last delivery: a worker then settles them without
// extracting them again, the one stored meanwhile as done, the other as dead with the reason.
func TestNoResult(t *testing.T) {
	t.Parallel()
	q := fresh(t, 1, time.Second)
	ctx := context.Background()
	db := openDB(t)
	docs := testcorpus.Generate(2, 43)
	c := unanswered(t, q, db, docs, 1)
	for got := 0; got < 2; {
		b, err := c.Fetch(2, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for range b.Messages() {
			got++
		}
	}
	stop := workers(t, q, db, 1, 64)
	st := drain(t, q, db, func(st Status) bool { return st.Dead == 1 })
	stop()
	exact(t, st, 2, 1)
	dead, err := q.Dead(ctx)
	if err != nil || len(dead) != 1 || dead[0].Source != docs[0].Source || !strings.Contains(dead[0].Reason, "without a result") {
		t.Errorf("dead letters %+v (%v), want %s delivered without a result", dead, err, docs[0].Source)
	}
}
