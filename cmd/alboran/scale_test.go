package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/queue"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/store/storetest"
)

// natsServer starts a private nats-server with JetStream on a free loopback port; restart
// stops it and starts it again on the same port and store. In CI a missing nats-server is a
// failure.
type natsServer struct {
	t    *testing.T
	port int
	dir  string
	cmd  *exec.Cmd
}

func startNATS(t *testing.T) *natsServer {
	if _, err := exec.LookPath("nats-server"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nats-server is needed in CI; .ci/run installs it")
		}
		t.Skip("nats-server not installed")
	}
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &natsServer{t: t, port: port, dir: t.TempDir()}
	s.start()
	t.Cleanup(func() { s.stop() })
	return s
}

func (s *natsServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

func (s *natsServer) start() {
	s.cmd = exec.Command("nats-server", "-js", "-a", "127.0.0.1", "-p", fmt.Sprint(s.port), "-sd", s.dir)
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.port)); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatal("nats-server did not start")
}

func (s *natsServer) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGTERM)
		s.cmd.Wait()
		s.cmd = nil
	}
}

func worker(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"worker"}, args...)...)
	cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestWorkersSurviveFaults publishes a few thousand reports, kills a worker with SIGKILL in
// the middle of a batch, restarts nats-server while the next worker runs, and publishes a
// poison document. At the end every report is stored exactly once, with the same rows as an
// ingest into SQLite, and the poison is in the dead-letter stream.
func TestWorkersSurviveFaults(t *testing.T) {
	ns := startNATS(t)
	dsn := pgtest.Fresh(t)
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 2000, 31)
	name := fmt.Sprintf("F%d", rand.Uint32())
	qargs := []string{"--queue", ns.url(), "--queue-name", name, "--ack-wait", "3s", "--max-deliver", "3"}

	clean := filepath.Join(dir, "clean.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", clean, corpus); code != 0 {
		t.Fatalf("clean ingest: %s", errs)
	}
	want := counts(t, clean)

	code, out, errs := runCLI(t, "", append([]string{"ingest", "--quiet"}, append(qargs, corpus)...)...)
	if code != 0 || !strings.Contains(out, "published 2000") {
		t.Fatalf("publish: %d %s %s", code, out, errs)
	}
	// A worker killed in the middle of a batch.
	stored := func() int64 {
		db, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			return 0
		}
		defer db.Close()
		c, _ := db.Counts(context.Background())
		return c["documents"]
	}
	w1 := worker(t, append([]string{"--db", dsn, "--batch", "64"}, qargs...)...)
	for i := 0; i < 300 && stored() == 0; i++ { // until it is at work, so that it dies mid-stream
		time.Sleep(50 * time.Millisecond)
	}
	w1.Process.Signal(syscall.SIGKILL)
	w1.Wait()

	// Another worker, while nats-server restarts under it.
	w2 := worker(t, append([]string{"--db", dsn, "--batch", "64"}, qargs...)...)
	defer func() { w2.Process.Signal(syscall.SIGKILL); w2.Wait() }()
	before := stored()
	t.Logf("killed the first worker with %d of 2000 documents stored", before)
	for i := 0; i < 300 && stored() <= before; i++ { // until the second worker is at work
		time.Sleep(100 * time.Millisecond)
	}
	ns.stop()
	time.Sleep(500 * time.Millisecond)
	ns.start()

	// A message that is not a document dies after three deliveries.
	if code, _, errs := runCLI(t, "", append([]string{"queue", "status"}, qargs...)...); code != 0 {
		t.Fatalf("queue status: %s", errs)
	}
	pubRaw(t, ns.url(), name)

	deadline := time.Now().Add(90 * time.Second)
	for {
		code, out, _ := runCLI(t, "", append([]string{"queue", "status", "--format", "json"}, qargs...)...)
		if code == 0 && strings.Contains(out, `"pending": 0`) && strings.Contains(out, `"in_flight": 0`) && strings.Contains(out, `"dead": 1`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %s", out)
		}
		time.Sleep(300 * time.Millisecond)
	}
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, _ := db.Counts(context.Background())
	for _, table := range []string{"documents", "entities", "events", "statistics", "quotes", "mentions"} {
		if got[table] != want[table] {
			t.Errorf("%s: %d rows in PostgreSQL after the faults, %d in a clean SQLite ingest", table, got[table], want[table])
		}
	}
	// Linked by workers in whatever order the queue gave, across a crash: the same clusters
	// as one ordered ingest, so no update was lost and no cluster made twice.
	ref, err := sqlite.Open(context.Background(), clean)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	if a, b := storetest.Clusters(t, db), storetest.Clusters(t, ref); !reflect.DeepEqual(a, b) {
		t.Errorf("clusters differ from a clean ingest (%d and %d events)", len(a), len(b))
	}
	_, out, _ = runCLI(t, "", append([]string{"queue", "dead"}, qargs...)...)
	if !strings.Contains(out, "not a document") {
		t.Errorf("queue dead: %s", out)
	}
}

// pubRaw publishes bytes that are not a document.
func pubRaw(t *testing.T, url, name string) {
	t.Helper()
	q, err := queueConnect(url, name)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.PublishRaw(context.Background(), []byte("{broken")); err != nil {
		t.Fatal(err)
	}
}

func queueConnect(url, name string) (*queue.Queue, error) {
	return queue.Connect(context.Background(), queue.Config{URL: url, Name: name, MaxDeliver: 3, AckWait: 3 * time.Second})
}

// TestWorkerSurvivesPostgresRestart restarts the database under a running worker: the worker
// keeps its batch, retries, and every report ends up stored exactly once.
func TestWorkerSurvivesPostgresRestart(t *testing.T) {
	base, cluster := os.Getenv("ALBORAN_TEST_POSTGRES_FAULT"), strings.Fields(os.Getenv("ALBORAN_TEST_PG_CLUSTER"))
	if base == "" || len(cluster) != 2 {
		if os.Getenv("CI") != "" {
			t.Fatal("the PostgreSQL fault cluster is not set up; scripts/services starts it")
		}
		t.Skip("set ALBORAN_TEST_POSTGRES_FAULT and ALBORAN_TEST_PG_CLUSTER (scripts/services does)")
	}
	restart := func() {
		cmd := exec.Command("pg_ctlcluster", cluster[0], cluster[1], "restart")
		if os.Getuid() != 0 {
			cmd = exec.Command("sudo", "-n", "pg_ctlcluster", cluster[0], cluster[1], "restart")
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("restarting PostgreSQL: %v %s", err, out)
		}
	}
	ns := startNATS(t)
	dsn := pgtest.FreshOn(t, base)
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 1500, 41)
	name := fmt.Sprintf("P%d", rand.Uint32())
	qargs := []string{"--queue", ns.url(), "--queue-name", name, "--ack-wait", "20s", "--max-deliver", "3"}
	if code, _, errs := runCLI(t, "", append([]string{"ingest", "--quiet"}, append(qargs, corpus)...)...); code != 0 {
		t.Fatalf("publish: %s", errs)
	}
	stored := func() int64 {
		db, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			return -1
		}
		defer db.Close()
		c, _ := db.Counts(context.Background())
		return c["documents"]
	}
	w := worker(t, append([]string{"--db", dsn, "--batch", "32"}, qargs...)...)
	defer func() { w.Process.Signal(syscall.SIGKILL); w.Wait() }()
	for i := 0; i < 300 && stored() <= 0; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("restarting PostgreSQL with %d of 1500 documents stored", stored())
	restart()
	deadline := time.Now().Add(90 * time.Second)
	for {
		code, out, _ := runCLI(t, "", append([]string{"queue", "status", "--format", "json"}, qargs...)...)
		if code == 0 && strings.Contains(out, `"pending": 0`) && strings.Contains(out, `"in_flight": 0`) {
			if !strings.Contains(out, `"dead": 0`) {
				t.Fatalf("documents died while the database restarted: %s", out)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %s", out)
		}
		time.Sleep(300 * time.Millisecond)
	}
	if n := stored(); n != 1500 {
		t.Errorf("%d documents stored, want 1500", n)
	}
}
