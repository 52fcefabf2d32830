package queue

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
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
func fresh(t testing.TB, maxDeliver int) *Queue {
	cfg := Config{URL: natsURL(t), Name: fmt.Sprintf("T%d", rand.Uint32()), MaxDeliver: maxDeliver, AckWait: 5 * time.Second}
	q, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		q.js.DeleteStream(context.Background(), cfg.docs())
		q.js.DeleteStream(context.Background(), cfg.dead())
		q.Close()
	})
	return q
}

// TestTwoWorkers publishes reports and a poison message, runs two workers on one PostgreSQL
// database until the queue is empty, and checks that every report is stored once, the
// poison is dead with its reason, and the status adds up.
func TestTwoWorkers(t *testing.T) {
	q := fresh(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := postgres.Open(ctx, pgtest.Fresh(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
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
	lx, _ := lexicon.Default()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &Worker{Queue: q, Store: db, Extractor: extract.New(lx), Batch: 32}
			w.Run(ctx)
		}()
	}
	deadline := time.Now().Add(60 * time.Second)
	var st Status
	for time.Now().Before(deadline) {
		st, err = q.Status(ctx)
		// The poison reaches the dead-letter stream before the main stream drops it, so
		// the wait is for both.
		if err == nil && st.Pending == 0 && st.InFlight == 0 && st.Dead == 1 && st.Done == 301 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	c, _ := db.Counts(context.Background())
	if c["documents"] != 300 {
		t.Errorf("%d documents stored, want 300", c["documents"])
	}
	if st.Done != 301 || st.Dead != 1 || st.Pending != 0 {
		t.Errorf("status %+v, want 301 done (300 and the poison), 1 dead", st)
	}
	dead, err := q.Dead(context.Background())
	if err != nil || len(dead) != 1 || dead[0].Reason == "" {
		t.Fatalf("dead letters %+v (%v)", dead, err)
	}
	t.Logf("dead: %+v", dead[0])
}
