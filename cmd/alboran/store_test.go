package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
)

// TestMain lets the test binary stand in for the alboran command, so that tests can run it as
// a process and kill it.
func TestMain(m *testing.M) {
	if os.Getenv("ALBORAN_TEST_AS_CLI") == "1" {
		os.Exit(runProcess(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// corpusJSONL writes n generated reports as JSON Lines and returns the path.
func corpusJSONL(t *testing.T, dir string, n int, seed uint64) string {
	t.Helper()
	p := filepath.Join(dir, fmt.Sprintf("corpus-%d.jsonl", seed))
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range testcorpus.Generate(n, seed) {
		enc.Encode(map[string]string{"id": d.Source, "url": "", "title": d.Title, "published": *d.Published, "text": d.Text})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func counts(t *testing.T, db string) map[string]int64 {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIngestSurvivesKill kills an ingest of a few thousand reports with SIGKILL at random
// moments, runs the same command again to the end, and checks that every document is stored
// exactly once with all its records: the same rows as an ingest that was never killed.
func TestIngestSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	corpus := corpusJSONL(t, dir, 3000, 11)
	clean := filepath.Join(dir, "clean.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", clean, corpus); code != 0 {
		t.Fatalf("clean ingest: %d %s", code, errs)
	}
	want := counts(t, clean)
	if want["documents"] != 3000 {
		t.Fatalf("clean ingest stored %d documents", want["documents"])
	}

	db := filepath.Join(dir, "killed.db")
	r := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for i := 0; i < 4; i++ {
		cmd := exec.Command(os.Args[0], "ingest", "--quiet", "--batch", "64", "--db", db, corpus)
		cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+r.IntN(400)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		cmd.Wait()
	}
	if kills == 0 {
		t.Fatal("no run was killed")
	}
	t.Logf("after %d kills: %d of 3000 documents stored", kills, counts(t, db)["documents"])
	cmd := exec.Command(os.Args[0], "ingest", "--quiet", "--db", db, corpus)
	cmd.Env = append(os.Environ(), "ALBORAN_TEST_AS_CLI=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the run after the kills failed: %v\n%s", err, out)
	}
	sameCounts(t, want, counts(t, db), fmt.Sprintf("after %d kills and a rerun", kills))
}

// sameCounts checks that a database has the rows of one that was ingested cleanly.
func sameCounts(t *testing.T, want, got map[string]int64, after string) {
	t.Helper()
	for table, n := range want {
		if got[table] != n {
			t.Errorf("%s: %d rows %s, %d in a clean ingest", table, got[table], after, n)
		}
	}
}

func TestIngestSearchStatsExportReprocess(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	bad := write(t, dir, "bad.txt", []byte{0, 1, 2, 3, 0xff})
	// An ingest with one bad input stores the rest, says why it skipped, and exits 1.
	// The example reports, in every language's folder.
	reports := 0
	if err := filepath.WalkDir("../../examples", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			reports++
		}
		return err
	}); err != nil || reports < 6 {
		t.Fatalf("example reports: %d, %v", reports, err)
	}
	code, out, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, "../../examples", bad)
	if code != exitFailed || !strings.Contains(out, fmt.Sprintf("ingested %d, unchanged 0, skipped 1", reports)) || !strings.Contains(errs, "bad.txt") {
		t.Fatalf("first ingest: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "ingest", "--quiet", "--db", db, "../../examples")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("ingested 0, unchanged %d", reports)) || !strings.Contains(out, "nothing new") {
		t.Fatalf("second ingest: %d\n%s", code, out)
	}
	t.Setenv("ALBORAN_DB", db) // the commands below find the database through the environment

	code, out, _ = runCLI(t, "", "search", "trafficking networks", "--actor", "MAR", "--since", "2021-01-01")
	if code != 0 || !strings.Contains(out, "Morocco") || !strings.Contains(out, "trafficking networks") {
		t.Fatalf("search: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "search", "--format", "json", "--type", "CONSULT")
	var hits []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 {
		t.Fatalf("search json: %d\n%s", code, out)
	}

	code, out, _ = runCLI(t, "", "stats", "--category", "migrants_intercepted", "--country", "MAR", "--by", "year", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs) < 2 || recs[0][0] != "period" {
		t.Fatalf("stats csv: %d %v\n%s", code, err, out)
	}
	found := false
	for _, r := range recs[1:] {
		found = found || r[0] == "2020" && r[1] == "MAR" && r[2] == "9179"
	}
	if !found {
		t.Errorf("the 2020 figure 9179 is not in the series:\n%s", out)
	}

	for _, format := range []string{"csv", "jsonl", "parquet"} {
		p := filepath.Join(dir, "events."+format)
		code, _, errs := runCLI(t, "", "export", "--what", "events", "--format", format, "-o", p)
		st, err := os.Stat(p)
		if code != 0 || err != nil || st.Size() == 0 {
			t.Fatalf("export %s: %d %v %s", format, code, err, errs)
		}
	}

	code, out, _ = runCLI(t, "", "reprocess")
	if code != 0 || !strings.Contains(out, "re-extracted 0 documents") {
		t.Fatalf("reprocess: %d\n%s", code, out)
	}
}

func TestStoreCommandsRejectBadArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"ingest", "--db", db}, exitUsage, "no input"},
		{[]string{"search", "--db", db}, exitUsage, "give a query or a filter"},
		{[]string{"search", "--db", db, "--since", "yesterday", "x"}, exitUsage, "not a date"},
		{[]string{"stats", "--db", db}, exitUsage, "--category is required"},
		{[]string{"stats", "--db", db, "--category", "x", "--by", "week"}, exitUsage, "want year, month or period"},
		{[]string{"export", "--db", db}, exitUsage, "--what is required"},
		{[]string{"export", "--db", db, "--what", "users"}, exitUsage, "unknown table"},
		{[]string{"export", "--db", db, "--what", "events", "--format", "xlsx"}, exitUsage, "unknown format"},
		{[]string{"watch", "--db", db}, exitUsage, "--feeds is required"},
		{[]string{"reprocess", "--db", db, "extra"}, exitUsage, "no arguments"},
		{[]string{"ingest", "--db", "../../README.md", "../../examples"}, exitFailed, "not an Alboran database"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:1], " "), func(t *testing.T) {
			code, _, errs := runCLI(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.msg)
			}
		})
	}
	for _, cmd := range []string{"ingest", "search", "stats", "export", "watch", "reprocess"} {
		code, out, _ := runCLI(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: alboran "+cmd) || !strings.Contains(out, "-db") {
			t.Errorf("%s --help: %d %q", cmd, code, out)
		}
	}
}

// TestLinkingCommands ingests a linked corpus and runs claims, timeline, entity and the
// clusters export on it.
func TestLinkingCommands(t *testing.T) {
	dir := t.TempDir()
	docs, truth := testcorpus.Linked(30, 5)
	f, _ := os.Create(filepath.Join(dir, "linked.jsonl"))
	enc := json.NewEncoder(f)
	for _, d := range docs {
		enc.Encode(map[string]string{"url": "https://example.org/" + d.Source, "title": d.Title, "published": *d.Published, "text": d.Text})
	}
	f.Close()
	db := filepath.Join(dir, "l.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, f.Name()); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	t.Setenv("ALBORAN_DB", db)

	code, out, _ := runCLI(t, "", "claims", "--conflicts", "--format", "json")
	var claims []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &claims) != nil || len(claims) < len(truth.Conflicts) {
		t.Fatalf("claims --conflicts: %d, %d claims for %d planted\n%s", code, len(claims), len(truth.Conflicts), out)
	}
	code, out, _ = runCLI(t, "", "claims", "--conflicts")
	if code != 0 || !strings.Contains(out, "CONFLICT") || !strings.Contains(out, "according to") {
		t.Errorf("claims table:\n%s", out)
	}

	// The first real event is talks between two countries, told by several reports.
	code, out, _ = runCLI(t, "", "timeline", "--format", "json", "MAR")
	var tl link.Timeline
	if code != 0 || json.Unmarshal([]byte(out), &tl) != nil || len(tl.Clusters) == 0 || len(tl.Months) == 0 {
		t.Fatalf("timeline json: %d\n%s", code, out)
	}
	multi := false
	for _, c := range tl.Clusters {
		multi = multi || c.Sources > 1
	}
	if !multi {
		t.Error("no event in the timeline is told by more than one report")
	}
	code, out, _ = runCLI(t, "", "timeline", "MAR")
	if code != 0 || !strings.Contains(out, "month") || !strings.Contains(out, "report(s)") {
		t.Errorf("timeline table:\n%s", out)
	}

	code, out, _ = runCLI(t, "", "entity", "Benali")
	if code != 0 || !strings.Contains(out, "Ahmed Benali") || !strings.Contains(out, "Karim Benali") || !strings.Contains(out, "only person who fits") {
		t.Errorf("entity Benali:\n%s", out)
	}

	p := filepath.Join(dir, "clusters.csv")
	if code, _, errs := runCLI(t, "", "export", "--what", "events", "--clusters", "-o", p); code != 0 {
		t.Fatalf("export --clusters: %d %s", code, errs)
	}
	raw, _ := os.ReadFile(p)
	recs, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil || len(recs) < 2 || recs[0][0] != "cluster_id" || !strings.Contains(strings.Join(recs[0], ","), "sources") {
		t.Fatalf("clusters export: %v %v", err, recs[:min(2, len(recs))])
	}
	code, out, _ = runCLI(t, "", "export", "--what", "events", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"cluster_id"`) || !strings.Contains(out, `"cluster_sources"`) {
		t.Errorf("events export lacks cluster_id and cluster_sources")
	}
	for _, args := range [][]string{{"timeline"}, {"timeline", "A", "B", "C"}, {"entity"}, {"claims", "--format", "xml"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
