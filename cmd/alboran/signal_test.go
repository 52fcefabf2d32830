package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hang is how long a test waits for a stopped command before it calls it a hang. The target
// (stop within 2 s of the signal) is a figure the test logs, not a timing it asserts.
const hang = 30 * time.Second

// cli starts the test binary as the alboran command and gives it input on standard input.
// It returns once the command has read all of input: by then it listens for signals.
func cli(t *testing.T, stdout io.Writer, input string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// More than a pipe holds: the write returns only once the command reads.
	io.WriteString(in, input)
	in.Close()
	return cmd, &stderr
}

// stdinReport is a report of over 64 KiB for standard input.
var stdinReport = " date 2021-04-09 From standard input\n\n" + strings.Repeat("Spain and Morocco held talks in Rabat on Friday. ", 2000) + "\n"

// stop sends SIGTERM and waits for the command; it returns the exit code and how long it took.
func stop(t *testing.T, cmd *exec.Cmd) (int, time.Duration) {
	t.Helper()
	t0 := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(hang):
		cmd.Process.Kill()
		t.Fatalf("%s did not stop within %v of SIGTERM", cmd.Args[1], hang)
	}
	return cmd.ProcessState.ExitCode(), time.Since(t0)
}

// hardReports writes reports that take long to extract: a 1 MB paragraph with no sentence end
// and a 1 MB line of numbers, between ordinary ones.
func hardReports(t *testing.T, dir string) {
	t.Helper()
	para := strings.Repeat("Morocco and Spain said the coast guard rescued 120 migrants off Libya on Monday while police arrested 45 smugglers ", 9000)
	var nums strings.Builder
	for i := 0; nums.Len() < 1<<20; i++ {
		nums.WriteString(strconv.Itoa(1000+i*7%9000) + " ")
	}
	for i, body := range []string{"Moroccan police detained 466 suspects.", para, "Spain and Morocco held talks in Rabat on Friday.", nums.String(), "The UNHCR said 30 people were missing."} {
		write(t, dir, fmt.Sprintf("%02d.txt", i), []byte(fmt.Sprintf(" date 2021-04-%02d Report %d\n\n%s\n", i+10, i, body)))
	}
}

// TestExtractStopsOnSignal interrupts extract at several moments: it stops, says so, and what
// it wrote is whole records of real documents, never an empty one.
func TestExtractStopsOnSignal(t *testing.T) {
	dir := t.TempDir()
	hardReports(t, dir)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 4; i++ {
		var out bytes.Buffer
		cmd, stderr := cli(t, &out, stdinReport, "extract", "--format", "jsonl", "-", dir, dir, dir)
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond)
		code, took := stop(t, cmd)
		t.Logf("stopped %v after SIGTERM, exit %d, %d bytes written", took, code, out.Len())
		if code == 0 {
			continue // it finished before the signal
		}
		if code != exitAborted || !strings.Contains(stderr.String(), "interrupted after") {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var x struct {
				Document struct {
					ID   string `json:"id"`
					Text string `json:"text"`
				} `json:"document"`
			}
			if err := json.Unmarshal(sc.Bytes(), &x); err != nil || x.Document.ID == "" {
				t.Errorf("a line that is not a whole record of a document (%v): %.100s", err, sc.Text())
			}
		}
	}
}

// TestIngestStopsOnSignal interrupts ingest: it stops, says so, and the database holds whole
// documents only, so that running the same command again gives the same rows as an ingest
// that was never interrupted.
func TestIngestStopsOnSignal(t *testing.T) {
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 1500, 12)
	hard := filepath.Join(dir, "hard")
	os.Mkdir(hard, 0o755)
	hardReports(t, hard)
	clean := filepath.Join(dir, "clean.db")
	if code, _, errs := runCLI(t, stdinReport, "ingest", "--quiet", "--db", clean, "-", hard, corpus); code != 0 {
		t.Fatalf("clean ingest: %d %s", code, errs)
	}
	db := filepath.Join(dir, "stopped.db")
	r := rand.New(rand.NewPCG(5, 6))
	stopped := 0
	for i := 0; i < 3; i++ {
		cmd, stderr := cli(t, io.Discard, stdinReport, "ingest", "--quiet", "--batch", "64", "--db", db, "-", hard, corpus)
		time.Sleep(time.Duration(r.IntN(1500)) * time.Millisecond)
		code, took := stop(t, cmd)
		t.Logf("stopped %v after SIGTERM, exit %d", took, code)
		if code == 0 {
			continue // it finished before the signal
		}
		stopped++
		if code != exitAborted || !strings.Contains(stderr.String(), "interrupted: the documents above are stored") {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	}
	if stopped == 0 {
		t.Fatal("no run was interrupted")
	}
	if code, _, errs := runCLI(t, stdinReport, "ingest", "--quiet", "--db", db, "-", hard, corpus); code != 0 {
		t.Fatalf("the run after the interruptions: %d %s", code, errs)
	}
	sameCounts(t, counts(t, clean), counts(t, db), fmt.Sprintf("after %d interruptions and a rerun", stopped))
}

// TestServeStopsOnSignal stops serve while a report is being posted and extracted: it stops,
// says so, and the report is stored whole or not at all.
func TestServeStopsOnSignal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "serve.db")
	pr, pw := io.Pipe()
	cmd := exec.Command(os.Args[0], "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1", "ALBORAN_TOKEN=s3cret")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = pw, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if err != nil || i < 0 {
		cmd.Process.Kill()
		t.Fatalf("serve printed %q (%v)", line, err)
	}
	base := strings.TrimSpace(strings.TrimSuffix(line[i:], " (Ctrl-C stops)\n"))
	base = strings.TrimSuffix(strings.Fields(base)[0], "/")
	para := strings.Repeat("Morocco and Spain said the coast guard rescued 120 migrants off Libya on Monday while police arrested 45 smugglers ", 40000)
	body, _ := json.Marshal(map[string]string{"title": "long", "published": "2021-04-15", "text": para})
	posted := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", base+"/api/v1/documents", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			posted <- 0
			return
		}
		resp.Body.Close()
		posted <- resp.StatusCode
	}()
	time.Sleep(500 * time.Millisecond)
	code, took := stop(t, cmd)
	pw.Close()
	t.Logf("stopped %v after SIGTERM, exit %d; the POST got %d", took, code, <-posted)
	if code != 0 || !strings.Contains(stderr.String(), "stopping") || !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	c := counts(t, db)
	if c["documents"] > 1 || c["documents"] == 1 && c["entities"] == 0 {
		t.Errorf("after the stop: %v", c)
	}
}
