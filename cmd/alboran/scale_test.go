package main

// Fault tests at scale: the real nats-server and PostgreSQL, workers as separate processes
// (this test binary, run as the command), killed, starved of their database, fed bad and
// large documents. Each test ends with the same checks: stored = published − dead, the dead
// documents are exactly the bad ones with their reasons, and `queue status` finds nothing
// amiss. Each test has a nats-server of its own, so they run in parallel; only the outage
// test stops a PostgreSQL cluster (the fault cluster, which no other test uses).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/alboran/alboran/internal/queue"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/store/storetest"
	"github.com/alboran/alboran/internal/testcorpus"
)

// natsServer is a private nats-server with JetStream on a free loopback port; it can be
// stopped, killed and started again on the same port and store. In CI a missing nats-server
// is a failure.
type natsServer struct {
	t    testing.TB
	port int
	dir  string
	cmd  *exec.Cmd
}

func startNATS(t testing.TB) *natsServer {
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
	t.Cleanup(func() { s.stop(syscall.SIGTERM) })
	return s
}

func (s *natsServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

func (s *natsServer) start() {
	keepDescriptors()
	s.cmd = exec.Command("nats-server", "-js", "-a", "127.0.0.1", "-p", fmt.Sprint(s.port), "-sd", s.dir)
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.port)); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatal("nats-server did not start")
}

func (s *natsServer) stop(sig syscall.Signal) {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(sig)
		s.cmd.Wait()
		s.cmd = nil
	}
}

// logBuffer collects a process's output; it may be read while the process writes.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// proc is the command running as a process of its own.
type proc struct {
	cmd *exec.Cmd
	log *logBuffer
}

func startProc(t testing.TB, args ...string) *proc {
	keepDescriptors()
	p := &proc{cmd: exec.Command(os.Args[0], args...), log: &logBuffer{}}
	p.cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.signal(syscall.SIGKILL) })
	return p
}

// signal sends sig and waits for the process to end.
func (p *proc) signal(sig syscall.Signal) {
	if p.cmd.ProcessState == nil {
		p.cmd.Process.Signal(sig)
		p.cmd.Wait()
	}
}

// fleet is one test's queue, database and workers.
type fleet struct {
	t     testing.TB
	nats  *natsServer
	dsn   string
	qargs []string
}

func newFleet(t testing.TB, dsn string, settings ...string) *fleet {
	ns := startNATS(t)
	name := fmt.Sprintf("F%d", rand.Uint32())
	return &fleet{t: t, nats: ns, dsn: dsn, qargs: append([]string{"--queue", ns.url(), "--queue-name", name}, settings...)}
}

func (f *fleet) worker(batch int) *proc {
	return startProc(f.t, append([]string{"worker", "--db", f.dsn, "--batch", fmt.Sprint(batch)}, f.qargs...)...)
}

// publish runs ingest --queue in this process.
func (f *fleet) publish(path string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"ingest", "--quiet"}, append(f.qargs, path)...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

// status runs queue status --format json with the database.
func (f *fleet) status() (queue.Status, error) {
	var out, errb bytes.Buffer
	run(context.Background(), append([]string{"queue", "status", "--format", "json", "--db", f.dsn}, f.qargs...), nil, &out, &errb)
	var st queue.Status
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		return st, fmt.Errorf("queue status: %v: %s %s", err, out.String(), errb.String())
	}
	return st, nil
}

// drain waits until nothing is pending or in flight and done(status) holds.
func (f *fleet) drain(timeout time.Duration, done func(queue.Status) bool) queue.Status {
	f.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		st, err := f.status()
		if err == nil && st.Pending == 0 && st.InFlight == 0 && done(st) {
			return st
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("the queue did not drain in %s: %+v (stored %v) %v", timeout, st, deref(st.Stored), err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// exact checks the status that every fault test ends with.
func exact(t testing.TB, st queue.Status, published, dead uint64) {
	t.Helper()
	if st.Published != published || st.Dead != dead || st.Stored == nil || uint64(*st.Stored) != published-dead ||
		st.Stranded != 0 || st.Leftover != 0 || len(st.Differences) != 0 {
		t.Errorf("status %+v (stored %v), want %d published, %d dead, %d stored, nothing stranded or left over, no differences",
			st, deref(st.Stored), published, dead, published-dead)
	}
}

// dead returns the dead documents.
func (f *fleet) dead() []queue.DeadLetter {
	f.t.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), append([]string{"queue", "dead", "--format", "json"}, f.qargs...), nil, &out, &errb); code != 0 {
		f.t.Fatalf("queue dead: %s", errb.String())
	}
	var dl []queue.DeadLetter
	if err := json.Unmarshal(out.Bytes(), &dl); err != nil {
		f.t.Fatal(err)
	}
	return dl
}

func (f *fleet) db() *postgres.DB {
	db, err := postgres.Open(context.Background(), f.dsn)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { db.Close() })
	return db
}

// jsonl writes documents as JSON Lines, with raw lines inserted before the given indexes.
func jsonl(t testing.TB, path string, docs []map[string]string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, d := range docs {
		if raw, ok := d["raw line"]; ok {
			b.WriteString(raw + "\n")
			continue
		}
		enc.Encode(d)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func generated(n int, seed uint64) []map[string]string {
	var out []map[string]string
	for _, d := range testcorpus.Generate(n, seed) {
		out = append(out, map[string]string{"id": d.Source, "title": d.Title, "published": *d.Published, "text": d.Text})
	}
	return out
}

// TestQueueBadDocuments publishes an archive in which three reports hold NUL characters and
// two break a constraint the test adds to the database. The NUL characters are replaced with
// a warning, as SQLite ingest replaces them; the two refused reports fail alone and are dead
// with PostgreSQL's reason, and everything else is stored.
func TestQueueBadDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docs := generated(400, 51)
	for _, i := range []int{5, 120, 121} {
		docs[i]["text"] = strings.Replace(docs[i]["text"], " ", " \x00", 2)
	}
	for _, i := range []int{60, 300} {
		docs[i]["title"] = "POISON " + docs[i]["title"]
	}
	corpus := jsonl(t, filepath.Join(dir, "bad.jsonl"), docs)
	f := newFleet(t, pgtest.Fresh(t), "--max-deliver", "2")
	db := f.db()
	admin, err := pgx.Connect(context.Background(), f.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	if _, err := admin.Exec(context.Background(), `ALTER TABLE documents ADD CONSTRAINT no_poison CHECK (title NOT LIKE 'POISON%')`); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := f.publish(corpus); code != 0 || !strings.Contains(out, "published 400, skipped 0") {
		t.Fatalf("publish: %d %s %s", code, out, errs)
	}
	w := f.worker(64)
	st := f.drain(60*time.Second, func(st queue.Status) bool { return st.Dead == 2 })
	exact(t, st, 400, 2)
	dead := f.dead()
	for _, d := range dead {
		if !strings.Contains(d.Reason, "no_poison") || !strings.HasSuffix(d.Source, ":61") && !strings.HasSuffix(d.Source, ":301") {
			t.Errorf("dead letter %+v: want lines 61 and 301, refused by the constraint", d)
		}
	}
	w.signal(syscall.SIGTERM)
	if n := strings.Count(w.log.String(), "NUL character"); n != 3 {
		t.Errorf("the worker warned of NUL characters %d times, want 3:\n%s", n, w.log.String())
	}

	// SQLite ingest cleans the same reports the same way.
	lite := filepath.Join(dir, "lite.db")
	code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", lite, corpus)
	if code != 0 || strings.Count(errs, "NUL character") != 3 {
		t.Fatalf("sqlite ingest: %d %s", code, errs)
	}
	ref, err := sqlite.Open(context.Background(), lite)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	pg, sq := storetest.Texts(t, db), storetest.Texts(t, ref)
	for _, i := range []int{5, 120, 121} {
		src := fmt.Sprintf("%s:%d", corpus, i+1)
		if pg[src] == "" || pg[src] != sq[src] || strings.ContainsRune(pg[src], 0) {
			t.Errorf("%s is stored differently in PostgreSQL and SQLite, or with NUL", src)
		}
	}
}

// TestQueueDatabaseOutage stops PostgreSQL for a minute while reports arrive at a nearly empty
// queue, the normal state of a live system: the workers keep what they hold, spend no
// deliveries, and store everything when the database is back.
func TestQueueDatabaseOutage(t *testing.T) {
	t.Parallel()
	base, cluster := os.Getenv("ALBORAN_TEST_POSTGRES_FAULT"), strings.Fields(os.Getenv("ALBORAN_TEST_PG_CLUSTER"))
	if base == "" || len(cluster) != 2 {
		if os.Getenv("CI") != "" {
			t.Fatal("the PostgreSQL fault cluster is not set up; scripts/services starts it")
		}
		t.Skip("set ALBORAN_TEST_POSTGRES_FAULT and ALBORAN_TEST_PG_CLUSTER (scripts/services does)")
	}
	pgctl := func(action string) {
		keepDescriptors()
		cmd := exec.Command("pg_ctlcluster", cluster[0], cluster[1], action)
		if os.Getuid() != 0 {
			cmd = exec.Command("sudo", "-n", "pg_ctlcluster", cluster[0], cluster[1], action)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pg_ctlcluster %s: %v %s", action, err, out)
		}
	}
	dir := t.TempDir()
	first := jsonl(t, filepath.Join(dir, "first.jsonl"), generated(20, 61))
	during := jsonl(t, filepath.Join(dir, "during.jsonl"), generated(30, 62))
	// Three deliveries of three seconds each: without in-progress acks and a worker that waits
	// for the database, the outage would use them up twenty times over.
	f := newFleet(t, pgtest.FreshOn(t, base), "--max-deliver", "3", "--ack-wait", "3s")
	if code, _, errs := f.publish(first); code != 0 {
		t.Fatalf("publish: %s", errs)
	}
	w1, w2 := f.worker(16), f.worker(16)
	f.drain(60*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 20 })

	pgctl("stop")
	up := false
	t.Cleanup(func() {
		if !up {
			pgctl("start")
		}
	})
	start := time.Now()
	if code, _, errs := f.publish(during); code != 0 {
		t.Fatalf("publish during the outage: %s", errs)
	}
	time.Sleep(time.Until(start.Add(60 * time.Second)))
	pgctl("start")
	up = true
	st := f.drain(90*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 50 })
	exact(t, st, 50, 0)
	log := w1.log.String() + w2.log.String()
	if !strings.Contains(log, "keeping") {
		t.Errorf("no worker met the outage:\n%s", log)
	}
	if strings.Contains(log, "dead after") {
		t.Errorf("documents died during the outage:\n%s", log)
	}
}

// keepDescriptors marks the descriptors this process inherited close-on-exec, so that a
// server the test starts does not hold them open after the test: the suite's lock file
// (flock) among them, which a PostgreSQL server started here would otherwise keep locked.
func keepDescriptors() {
	fds, _ := os.ReadDir("/proc/self/fd")
	for _, e := range fds {
		var fd int
		if _, err := fmt.Sscan(e.Name(), &fd); err == nil && fd > 2 {
			syscall.CloseOnExec(fd)
		}
	}
}

// TestQueueLargeDocuments publishes an archive with a 2 MB report, larger than the server's
// 1 MB payload, and an 11 MB line, over the report limit, among others: the 11 MB line is
// skipped as over the limit, everything else, the 2 MB report whole, is published and stored.
func TestQueueLargeDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docs := generated(150, 71)
	docs[40]["text"] = testcorpus.Padded(docs[40]["text"], 2<<20)
	huge := `{"title":"huge","text":"` + strings.Repeat("a ", 11<<19) + `"}`
	docs = append(docs[:100], append([]map[string]string{{"raw line": huge}}, docs[100:]...)...)
	corpus := jsonl(t, filepath.Join(dir, "large.jsonl"), docs)
	f := newFleet(t, pgtest.Fresh(t))
	code, out, errs := f.publish(corpus)
	if code != exitFailed || !strings.Contains(out, "published 150, skipped 1") || !strings.Contains(errs, "large.jsonl:101: report over the 10 MB limit") {
		t.Fatalf("publish: %d %s %s", code, out, errs)
	}
	f.worker(64)
	st := f.drain(120*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 150 })
	exact(t, st, 150, 0)
	if got := storetest.Texts(t, f.db())[corpus+":41"]; got != docs[40]["text"] {
		t.Errorf("the 2 MB report is stored with %d bytes of %d", len(got), len(docs[40]["text"]))
	}
}

// TestQueueNATSKill kills nats-server with SIGKILL while two workers store an archive, and
// starts it again: every report is stored once, with the same rows and clusters as one
// ingest into SQLite, and the status adds up.
func TestQueueNATSKill(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 1200, 81)
	clean := filepath.Join(dir, "clean.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", clean, corpus); code != 0 {
		t.Fatalf("clean ingest: %s", errs)
	}
	f := newFleet(t, pgtest.Fresh(t))
	if code, _, errs := f.publish(corpus); code != 0 {
		t.Fatalf("publish: %s", errs)
	}
	db := f.db()
	f.worker(64)
	f.worker(64)
	for i := 0; i < 600 && count(t, db) < 200; i++ { // until they are at work
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("killing nats-server with %d of 1200 reports stored", count(t, db))
	f.nats.stop(syscall.SIGKILL)
	time.Sleep(500 * time.Millisecond)
	f.nats.start()
	st := f.drain(120*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 1200 })
	if st.Leftover > 0 {
		// Stored reports that came back in the stream with the restart: status tells them
		// apart, and idle workers remove them.
		t.Logf("%d stored reports came back in the stream after the restart", st.Leftover)
		st = f.drain(60*time.Second, func(st queue.Status) bool { return st.Leftover == 0 })
	}
	exact(t, st, 1200, 0)
	ref, err := sqlite.Open(context.Background(), clean)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	want, _ := ref.Counts(context.Background())
	got, _ := db.Counts(context.Background())
	for _, table := range []string{"documents", "entities", "events", "statistics", "quotes", "mentions"} {
		if got[table] != want[table] {
			t.Errorf("%s: %d rows in PostgreSQL, %d in a clean SQLite ingest", table, got[table], want[table])
		}
	}
	// Linked by workers in whatever order the queue gave, across the crash: the same clusters
	// as one ordered ingest, so no update was lost and no cluster made twice.
	if a, b := storetest.Clusters(t, db), storetest.Clusters(t, ref); !reflect.DeepEqual(a, b) {
		t.Errorf("clusters differ from a clean ingest (%d and %d events)", len(a), len(b))
	}
}

func count(t testing.TB, db *postgres.DB) int64 {
	n, err := db.DocumentCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestQueueWorkerKill kills a worker with SIGKILL while it holds a batch, with the default
// ack wait: another worker stores the batch once the server sees no sign of life from the
// first (the time is logged; BenchmarkWorkerKill measures it), and nothing is lost or stored
// twice. A worker stopped with SIGTERM says so and hands its batch back at once.
func TestQueueWorkerKill(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 600, 91)
	f := newFleet(t, pgtest.Fresh(t))
	if code, _, errs := f.publish(corpus); code != 0 {
		t.Fatalf("publish: %s", errs)
	}
	db := f.db()
	killed, _, recovery := killHolder(t, f, db, syscall.SIGKILL)
	t.Logf("SIGKILL: the %d reports the killed worker held were stored by another %s later", killed, recovery.Round(100*time.Millisecond))
	st := f.drain(60*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 600 })
	exact(t, st, 600, 0)

	f2 := newFleet(t, pgtest.Fresh(t))
	if code, _, errs := f2.publish(corpus); code != 0 {
		t.Fatalf("publish: %s", errs)
	}
	db2 := f2.db()
	held, stopped, recovery := killHolder(t, f2, db2, syscall.SIGTERM)
	t.Logf("SIGTERM: the worker stopped in %s; the %d reports it held were stored by another %s later",
		stopped.Round(time.Millisecond), held, recovery.Round(100*time.Millisecond))
	st = f2.drain(60*time.Second, func(st queue.Status) bool { return st.Stored != nil && *st.Stored == 600 })
	exact(t, st, 600, 0)
}

// killHolder starts a worker, signals it while it holds a batch, starts another and waits
// until the reports the first held are stored. It returns how many it held, how long the
// first took to end, and how long from the signal until they were stored.
func killHolder(t testing.TB, f *fleet, db *postgres.DB, sig syscall.Signal) (int, time.Duration, time.Duration) {
	t.Helper()
	ctx := context.Background()
	w := f.worker(64)
	for i := 0; i < 600 && count(t, db) == 0; i++ { // until it is at work
		time.Sleep(20 * time.Millisecond)
	}
	start := time.Now()
	w.signal(sig)
	stopped := time.Since(start)
	if sig == syscall.SIGTERM {
		if !strings.Contains(w.log.String(), "msg=stopped") || w.cmd.ProcessState.ExitCode() != 0 {
			t.Errorf("SIGTERM: exit %d, %s", w.cmd.ProcessState.ExitCode(), w.log.String())
		}
	}
	q, err := queue.Connect(ctx, queue.Config{URL: f.nats.url(), Name: f.qargs[3]})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	keys, err := q.Delivered(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.worker(64)
	for deadline := time.Now().Add(90 * time.Second); ; {
		has, err := db.Holds(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		done := 0
		for _, h := range has {
			if h {
				done++
			}
		}
		if done == len(keys) {
			return len(keys), stopped, time.Since(start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of the %d reports the first worker held are stored after %s", done, len(keys), time.Since(start))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// BenchmarkWorkerKill measures, with the default ack wait, the seconds from a SIGKILL to a
// worker holding a batch until another worker has stored that batch, and the milliseconds a
// worker takes to stop on SIGTERM (and from then until its batch is stored by another):
//
//	go test -run XXX -bench WorkerKill -benchtime 3x ./cmd/alboran
func BenchmarkWorkerKill(b *testing.B) {
	dir := b.TempDir()
	corpus := jsonl(b, filepath.Join(dir, "c.jsonl"), generated(300, 93))
	var kill, term, stop time.Duration
	for i := 0; i < b.N; i++ {
		for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
			f := newFleet(b, pgtest.Fresh(b))
			if code, _, errs := f.publish(corpus); code != 0 {
				b.Fatalf("publish: %s", errs)
			}
			_, stopped, recovery := killHolder(b, f, f.db(), sig)
			if sig == syscall.SIGKILL {
				kill += recovery
			} else {
				term, stop = term+recovery, stop+stopped
			}
		}
	}
	b.ReportMetric(kill.Seconds()/float64(b.N), "s-kill-to-stored")
	b.ReportMetric(float64(stop.Milliseconds())/float64(b.N), "ms-term-to-exit")
	b.ReportMetric(term.Seconds()/float64(b.N), "s-term-to-stored")
}

// TestRedaction runs the commands that take connection URLs with a password in them (worker,
// serve, migrate, queue, ingest --queue, search), working and failing: no output holds the
// password.
func TestRedaction(t *testing.T) {
	t.Parallel()
	dsn := pgtest.Fresh(t)
	ns := startNATS(t)
	qurl := strings.Replace(ns.url(), "nats://", "nats://natsuser:nats-secret@", 1)
	bad := "postgres://alboran:pg-secret@127.0.0.1:1/alboran?connect_timeout=1"
	w := startProc(t, "worker", "--db", dsn, "--queue", ns.url())
	for i := 0; i < 600 && !strings.Contains(w.log.String(), "msg=started"); i++ { // until it has started
		time.Sleep(50 * time.Millisecond)
	}
	w.signal(syscall.SIGTERM)
	srv := startProc(t, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
	for i := 0; i < 600 && !strings.Contains(srv.log.String(), "serving"); i++ {
		time.Sleep(50 * time.Millisecond)
	}
	srv.signal(syscall.SIGTERM)
	outputs := []string{w.log.String(), srv.log.String()}
	for _, args := range [][]string{
		{"migrate", "--db", dsn},
		{"migrate", "--db", bad},
		{"queue", "status", "--queue", qurl},
		{"queue", "status", "--queue", ns.url(), "--db", bad},
		{"ingest", "--queue", qurl, "../../examples"},
		{"search", "--db", bad, "migrants"},
	} {
		_, out, errs := runCLI(t, "", args...)
		outputs = append(outputs, out+errs)
	}
	secret, _ := pgPassword(dsn)
	for i, out := range outputs {
		for _, s := range []string{"pg-secret", "nats-secret", ":" + secret + "@"} {
			if strings.Contains(out, s) {
				t.Errorf("output %d holds a secret (%s):\n%s", i, s, out)
			}
		}
	}
	for _, out := range outputs[:2] {
		if !strings.Contains(out, ":xxxxx@") {
			t.Errorf("the log does not name the database with the password hidden:\n%s", out)
		}
	}
	if !strings.Contains(outputs[0], "msg=stopped cmd=worker") {
		t.Errorf("the worker did not say it stopped:\n%s", outputs[0])
	}
}

func pgPassword(dsn string) (string, bool) {
	_, rest, _ := strings.Cut(dsn, "://")
	userinfo, _, ok := strings.Cut(rest, "@")
	_, pw, ok2 := strings.Cut(userinfo, ":")
	return pw, ok && ok2
}
