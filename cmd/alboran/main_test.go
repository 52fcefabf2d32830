package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInput checks that each kind of bad input gets a clear message naming the file and a
// non-zero exit code, never a panic, and that the good files of a batch are still extracted.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte(" date 2021-04-15 T\n\nMoroccan police detained 466 suspects."))
	empty := write(t, dir, "empty.txt", nil)
	binary := write(t, dir, "bin.txt", []byte{0, 1, 2, 3, 0xff})
	badUTF8 := write(t, dir, "utf8.txt", []byte(" date 2021-04-15 T\n\nbad \xff byte in Morocco."))
	noHeader := write(t, dir, "nohdr.txt", []byte("Moroccan police detained 466 suspects."))
	big := write(t, dir, "big.txt", bytes.Repeat([]byte("a "), 5<<20+1))
	emptyDir := filepath.Join(dir, "none")
	os.Mkdir(emptyDir, 0o755)

	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		docs     int
		nullDate bool
	}{
		{"missing file", []string{"extract", "--format", "jsonl", filepath.Join(dir, "nope.txt"), good}, 1, "nope.txt: no such file", 1, false},
		{"empty dir", []string{"extract", "--format", "jsonl", emptyDir}, 1, "no reports found", 0, false},
		{"empty file", []string{"extract", "--format", "jsonl", empty, good}, 1, "empty.txt: empty report", 1, false},
		{"binary", []string{"extract", "--format", "jsonl", binary}, 1, "bin.txt: binary data", 0, false},
		{"invalid utf8", []string{"extract", "--format", "jsonl", badUTF8}, 0, "utf8.txt: invalid UTF-8 repaired", 1, false},
		{"no header", []string{"extract", "--format", "jsonl", noHeader}, 0, "nohdr.txt: no header line", 1, true},
		{"too large", []string{"extract", "--format", "jsonl", big}, 1, "over the 10 MB limit", 0, false},
		{"no input", []string{"extract"}, 2, "no input", 0, false},
		{"bad format", []string{"extract", "--format", "xml", good}, 2, "unknown format", 0, false},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q does not say %q", errs, tt.stderr)
			}
			lines := strings.Count(out, "\n")
			if lines != tt.docs {
				t.Errorf("%d documents out, want %d", lines, tt.docs)
			}
			if tt.nullDate && !strings.Contains(out, `"published":null`) {
				t.Errorf("want published null, got %s", out)
			}
		})
	}
}

func TestExtractStdinJSONAndOrder(t *testing.T) {
	code, out, errs := runCLI(t, " date 2021-04-15 T\n\nMoroccan police detained 466 suspects.", "extract", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var x map[string]any
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"document", "entities", "events", "statistics", "quotes"} {
		if _, ok := x[k]; !ok {
			t.Errorf("missing %q", k)
		}
	}
	if strings.Contains(out, "null,") && strings.Contains(out, `"quotes": null`) {
		t.Error("empty lists must be [] not null")
	}

	// Many files on many workers come out in input order.
	dir := t.TempDir()
	var args = []string{"extract", "--format", "jsonl", "--workers", "4"}
	for i := 0; i < 40; i++ {
		args = append(args, write(t, dir, strings.Repeat("x", i+1)+".txt", []byte(" date 2021-04-15 T\n\nSpain met Morocco.")))
	}
	code, out, _ = runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var x struct{ Document struct{ Source string } }
		json.Unmarshal([]byte(line), &x)
		if x.Document.Source != args[5+i] {
			t.Fatalf("line %d is %s, want %s", i, x.Document.Source, args[5+i])
		}
	}
}

func TestTableAndHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "extract", "--format", "table", "../../examples/000_morocco-spain-migration.txt")
	if code != 0 || !strings.Contains(out, "Karima Benyaich") || !strings.Contains(out, "Statistics") {
		t.Fatalf("table output: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "extract", "--help")
	if code != 0 || !strings.Contains(out, "Usage: alboran extract") {
		t.Fatalf("help: %d %s", code, out)
	}
}

func TestEvalFloors(t *testing.T) {
	dir := "../../../shared/eval/dev"
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the dev set is needed in CI")
		}
		t.Skip("no dev set")
	}
	for _, tc := range []struct {
		floors string
		code   int
		errs   string
	}{
		{`{"persons.f1": 1.01}`, 1, "persons.f1"},
		{`{"statistic.country.accuracy": 1.01, "quotes.recall": 0.01}`, 1, "statistic.country.accuracy"},
		{`{"statistic.country.accuracy": 0.01, "events.precision": 0.01}`, 0, "at or above the floors"},
	} {
		floors := write(t, t.TempDir(), "floors.json", []byte(tc.floors))
		code, out, errs := runCLI(t, "", "eval", "--floors", floors, dir)
		if code != tc.code || !strings.Contains(errs, tc.errs) || !strings.Contains(out, "persons") {
			t.Errorf("eval with floors %s: exit %d, want %d; stderr %q", tc.floors, code, tc.code, errs)
		}
		if tc.code == 1 && strings.Contains(errs, "quotes.recall") {
			t.Errorf("floors %s: a score above its floor is named: %s", tc.floors, errs)
		}
	}
}
