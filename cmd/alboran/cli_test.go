package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden help files under testdata/help")

// cleanEnv clears the variables that give flags their defaults, so that help shows the same
// defaults on any machine.
func cleanEnv(t *testing.T) {
	for _, v := range []string{"ALBORAN_DB", "ALBORAN_QUEUE", "ALBORAN_QUEUE_CREDS", "ALBORAN_QUEUE_CA", "ALBORAN_QUEUE_CERT", "ALBORAN_QUEUE_KEY", "ALBORAN_QUEUE_REPLICAS", "ALBORAN_QUEUE_NAME", "ALBORAN_ADDR", "ALBORAN_CORS", "ALBORAN_TOKEN", "ALBORAN_LOG_FORMAT", "ALBORAN_LOG_LEVEL", "ALBORAN_METRICS"} {
		t.Setenv(v, "")
	}
}

// TestHelpGolden checks each command's help against testdata/help/CMD.txt (go test -update
// rewrites them), and that the three ways of asking for it give the same text on standard
// output, with nothing on standard error and exit code 0.
func TestHelpGolden(t *testing.T) {
	cleanEnv(t)
	for _, c := range commands {
		if c.run == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "help", c.name)
			if code != exitOK || errs != "" || !strings.HasPrefix(out, "Usage: alboran "+c.name) {
				t.Fatalf("alboran help %s: exit %d, stderr %q, stdout %.80q", c.name, code, errs, out)
			}
			for _, asked := range []string{"--help", "-h"} {
				code2, out2, errs2 := runCLI(t, "", c.name, asked)
				if code2 != exitOK || out2 != out || errs2 != "" {
					t.Errorf("alboran %s %s: exit %d, stderr %q, and stdout differs from alboran help %s", c.name, asked, code2, errs2, c.name)
				}
			}
			golden := filepath.Join("testdata", "help", c.name+".txt")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run TestHelpGolden -update writes it)", err)
			}
			if out != string(want) {
				t.Errorf("help of %s differs from %s (go test -run TestHelpGolden -update rewrites it):\n%s", c.name, golden, out)
			}
		})
	}
}

// TestUsageErrors checks that a command-line mistake says what is wrong, suggests the closest
// command or flag, shows the command's help on standard error, prints nothing on standard
// output, and exits 2.
func TestUsageErrors(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		args []string
		msg  string
		help string // the help that follows the message, if any
	}{
		{[]string{"exprot"}, `unknown command "exprot"; did you mean "export"?`, ""},
		{[]string{"serach", "x"}, `did you mean "search"?`, ""},
		{[]string{"help", "ingset"}, `did you mean "ingest"?`, ""},
		{[]string{"zzzzzz"}, `unknown command "zzzzzz"`, ""},
		{[]string{"export", "--fromat", "csv"}, `export: unknown flag --fromat; did you mean "format"?`, "Usage: alboran export"},
		{[]string{"search", "--catgory", "x"}, `did you mean "category"?`, "Usage: alboran search"},
		{[]string{"ingest", "--quite", "x"}, `did you mean "quiet"?`, "Usage: alboran ingest"},
		{[]string{"extract", "--form", "json", "x"}, `did you mean "format"?`, "Usage: alboran extract"},
		{[]string{"stats", "--limit", "3"}, "unknown flag --limit\n", "Usage: alboran stats"},
		{[]string{"export", "--what", "users"}, "unknown table", "Usage: alboran export"},
		{[]string{"completion", "bsh"}, `did you mean "bash"?`, "Usage: alboran completion"},
		{[]string{"search", "--log-format", "xml", "x"}, "unknown log format", "Usage: alboran search"},
		{[]string{"search", "--log-level", "loud", "x"}, "unknown log level", "Usage: alboran search"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", tt.args...)
			if code != exitUsage || out != "" || !strings.Contains(errs, tt.msg) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want 2, nothing, and %q", code, out, errs, tt.msg)
			}
			if tt.help != "" && !strings.Contains(errs, tt.help) {
				t.Errorf("stderr lacks the help %q:\n%s", tt.help, errs)
			}
			if tt.help == "" && strings.Contains(tt.msg, "did you mean") == false && strings.Contains(errs, "did you mean") {
				t.Errorf("a suggestion for a word close to nothing: %s", errs)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	cands := []string{"format", "db", "quiet", "what", "o"}
	tests := []struct{ typo, want string }{
		{"fromat", "format"}, {"formt", "format"}, {"form", "format"}, {"bd", "db"},
		{"quite", "quiet"}, {"wat", "what"}, {"x", ""}, {"database", ""}, {"output", ""},
	}
	for _, tt := range tests {
		got := didYouMean(tt.typo, cands)
		want := ""
		if tt.want != "" {
			want = `; did you mean "` + tt.want + `"?`
		}
		if got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", tt.typo, got, want)
		}
	}
}

// TestReadOnlyCommandsRefuseMissingDatabase checks that the commands that only read a
// database say what to do when it does not exist, and do not create it.
func TestReadOnlyCommandsRefuseMissingDatabase(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"search", "x"}, {"stats", "--category", "migrants_arrived"}, {"export", "--what", "events"},
		{"claims"}, {"timeline", "MAR", "ESP"}, {"entity", "Frontex"}, {"reprocess"}, {"serve", "--addr", "127.0.0.1:0"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errs := runCLI(t, "", append(args, "--db", db)...)
			if code != exitFailed || !strings.Contains(errs, "no database at "+db) || !strings.Contains(errs, "alboran ingest") {
				t.Errorf("exit %d, stderr %q; want 1 and a message naming the database and alboran ingest", code, errs)
			}
			if _, err := os.Stat(db); err == nil {
				t.Fatalf("%s created %s", args[0], db)
			}
		})
	}
}

// TestExportOutput checks that -o - is standard output, and that a file is created with the
// umask (mode 0666 &^ umask), as a shell redirection would create it.
func TestExportOutput(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, "../../examples/000_morocco-spain-migration.txt"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	code, out, errs := runCLI(t, "", "export", "--db", db, "--what", "documents", "--format", "csv", "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "doc_id,") || errs != "" {
		t.Fatalf("export -o -: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Fatal("export -o - wrote a file named -")
	}
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(dir, "docs.csv")
	if code, _, errs := runCLI(t, "", "export", "--db", db, "--what", "documents", "-o", p); code != 0 {
		t.Fatalf("export -o: %d %s", code, errs)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o640 {
		t.Fatalf("export -o %s with umask 027: %v %v; want mode -rw-r-----", p, st.Mode(), err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestIsTerminal checks that a character device that is no terminal (/dev/null) is not taken
// for one: a Parquet export to /dev/null is allowed.
func TestIsTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if st, _ := f.Stat(); st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is not a character device here", os.DevNull)
	}
	if isTerminal(f) {
		t.Errorf("isTerminal(%s) = true", os.DevNull)
	}
}

// TestCompletion checks the scripts with each shell's syntax check and, for bash and fish,
// that they complete a command and a flag. A missing shell fails in CI.
func TestCompletion(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	for _, shell := range []string{"bash", "zsh", "fish"} {
		t.Run(shell, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "completion", shell)
			if code != 0 || errs != "" || !strings.Contains(out, "export") || !strings.Contains(out, "format") {
				t.Fatalf("completion %s: %d %q", shell, code, errs)
			}
			script := write(t, dir, "alboran."+shell, []byte(out))
			path, err := exec.LookPath(shell)
			if err != nil {
				if os.Getenv("CI") != "" {
					t.Fatalf("%s is needed in CI to check its completion script", shell)
				}
				t.Skipf("no %s here", shell)
			}
			if b, err := exec.Command(path, "-n", script).CombinedOutput(); err != nil {
				t.Fatalf("%s -n: %v\n%s", shell, err, b)
			}
			var probe string
			switch shell {
			case "bash":
				probe = `source ` + script + `; COMP_WORDS=(alboran exp); COMP_CWORD=1; _alboran; echo "${COMPREPLY[@]}"; COMP_WORDS=(alboran export --for); COMP_CWORD=2; _alboran; echo "${COMPREPLY[@]}"`
			case "fish":
				probe = `source ` + script + `; complete -C'alboran exp'; complete -C'alboran export --for'`
			default:
				return
			}
			b, err := exec.Command(path, "-c", probe).CombinedOutput()
			if err != nil || !strings.Contains(string(b), "export") || !strings.Contains(string(b), "--format") {
				t.Errorf("%s completes %q, want export and --format (%v)", shell, b, err)
			}
		})
	}
}

// TestFormatVocabulary runs each command with each --format it takes and checks that the
// output parses as that format: json one document, jsonl one object a line, csv a header and
// rows of its width.
func TestFormatVocabulary(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "a.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	tests := []struct {
		args    []string
		formats []string
	}{
		{[]string{"search", "migrants"}, []string{"json", "jsonl", "csv"}},
		{[]string{"stats", "--category", "migrants_intercepted", "--by", "period"}, []string{"json", "jsonl", "csv"}},
		{[]string{"claims"}, []string{"json", "jsonl"}},
		{[]string{"entity", "Karima Benyaich"}, []string{"json", "jsonl"}},
		{[]string{"export", "--what", "quotes"}, []string{"jsonl", "csv"}},
		{[]string{"extract", "../../examples/000_morocco-spain-migration.txt"}, []string{"json", "jsonl"}},
	}
	for _, tt := range tests {
		for _, format := range tt.formats {
			t.Run(tt.args[0]+" "+format, func(t *testing.T) {
				args := append([]string{}, tt.args...)
				if tt.args[0] != "extract" {
					args = append(args, "--db", db)
				}
				code, out, errs := runCLI(t, "", append(args, "--format", format)...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errs)
				}
				if err := parsesAs(format, out); err != nil {
					t.Fatalf("output is not %s: %v\n%.300s", format, err, out)
				}
			})
		}
	}
}

func parsesAs(format, out string) error {
	switch format {
	case "json":
		var v any
		return json.Unmarshal([]byte(out), &v)
	case "jsonl":
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) == 0 || lines[0] == "" {
			return errors.New("no lines")
		}
		for i, l := range lines {
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				return fmt.Errorf("line %d: %w", i+1, err)
			}
		}
	case "csv":
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			return err
		}
		if len(recs) < 2 {
			return errors.New("no rows under the header")
		}
	}
	return nil
}

// TestConnectionFlagsHaveEnv checks that every flag naming a service, a credential or an
// address to listen on says, in every command's help, which environment variable sets it.
func TestConnectionFlagsHaveEnv(t *testing.T) {
	cleanEnv(t)
	conn := func(name string) bool {
		return name == "db" || name == "metrics" || name == "addr" || name == "cors" || strings.HasPrefix(name, "queue") || name == "log-format" || name == "log-level"
	}
	n := 0
	for _, c := range completionCommands(context.Background()) {
		for _, f := range c.flags {
			if !conn(f.name) {
				continue
			}
			n++
			if !strings.Contains(f.usage, "(env ALBORAN_") {
				t.Errorf("alboran %s --%s: the help names no environment variable: %q", c.name, f.name, f.usage)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d connection flags found in the helps", n)
	}
	t.Setenv("ALBORAN_DB", "from-env.db")
	t.Setenv("ALBORAN_QUEUE_NAME", "FROMENV")
	_, out, _ := runCLI(t, "", "help", "worker")
	if !strings.Contains(out, `(default "from-env.db")`) || !strings.Contains(out, `(default "FROMENV")`) {
		t.Errorf("the environment does not give the defaults:\n%s", out)
	}
}

// TestLogFormat checks that --log-format json turns an ingest's log lines into JSON records
// with a level, and that --log-level error drops the warnings.
func TestLogFormat(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	bad := write(t, dir, "bad.txt", []byte{0, 1, 2})
	good := "../../examples/000_morocco-spain-migration.txt"
	_, _, errs := runCLI(t, "", "ingest", "--db", filepath.Join(dir, "a.db"), "--log-format", "json", good, bad)
	found := false
	for _, line := range strings.Split(errs, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var rec struct{ Level, Msg, Cmd string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("a log line is not JSON: %q", line)
		}
		found = found || rec.Level == "WARN" && rec.Cmd == "ingest" && strings.Contains(rec.Msg, "bad.txt")
	}
	if !found {
		t.Errorf("no JSON warning for the bad input:\n%s", errs)
	}
	t.Setenv("ALBORAN_LOG_LEVEL", "error")
	_, _, errs = runCLI(t, "", "ingest", "--db", filepath.Join(dir, "b.db"), good, bad)
	if strings.Contains(errs, "skipped "+bad) {
		t.Errorf("ALBORAN_LOG_LEVEL=error kept a warning:\n%s", errs)
	}
}

// TestExtractLogFormat checks that extract's warnings, failed inputs and final error go
// through the same logger as the other commands: JSON records with --log-format json (one
// object a line, with the level, the command and the input), text records otherwise, and no
// warnings under --log-level error.
func TestExtractLogFormat(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	bad := write(t, dir, "bad.txt", []byte{0, 1, 2})
	noHeader := write(t, dir, "nohdr.txt", []byte("Moroccan police detained 466 suspects in Nador on Monday."))
	good := "../../examples/000_morocco-spain-migration.txt"
	code, out, errs := runCLI(t, "", "extract", "--format", "jsonl", "--log-format", "json", good, noHeader, bad)
	if code != 1 || strings.Count(out, "\n") != 2 {
		t.Fatalf("exit code %d and %d reports out, want 1 and 2:\n%s", code, strings.Count(out, "\n"), errs)
	}
	type rec struct{ Level, Msg, Cmd, Source string }
	var recs []rec
	for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
		var r rec
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("a log line is not JSON: %q", line)
		}
		if r.Cmd != "extract" {
			t.Errorf("%q has cmd %q, want extract", line, r.Cmd)
		}
		recs = append(recs, r)
	}
	has := func(level, source, msg string) bool {
		for _, r := range recs {
			if r.Level == level && r.Source == source && strings.Contains(r.Msg, msg) {
				return true
			}
		}
		return false
	}
	if !has("WARN", noHeader, "no header line") {
		t.Errorf("no warning record for %s:\n%s", noHeader, errs)
	}
	if !has("ERROR", bad, "binary data") {
		t.Errorf("no error record for %s:\n%s", bad, errs)
	}
	if last := recs[len(recs)-1]; last.Level != "ERROR" || last.Msg != "1 of 3 inputs failed: some inputs failed" {
		t.Errorf("the last record is %+v, want the final error", last)
	}
	// Text by default: the same records, one a line, and the final error once.
	_, _, errs = runCLI(t, "", "extract", "--format", "jsonl", good, noHeader, bad)
	if !strings.Contains(errs, "level=WARN") || strings.Count(errs, "1 of 3 inputs failed") != 1 || strings.HasPrefix(errs, "{") || strings.Contains(errs, "\n{") {
		t.Errorf("text logs:\n%s", errs)
	}
	_, _, errs = runCLI(t, "", "extract", "--format", "jsonl", "--log-level", "error", good, noHeader, bad)
	if strings.Contains(errs, "no header line") || !strings.Contains(errs, "inputs failed") {
		t.Errorf("--log-level error:\n%s", errs)
	}
}
