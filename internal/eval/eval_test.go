package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
)

const referee = "../../../shared/eval/score.py"

// needReferee returns the path of score.py, failing in CI and skipping elsewhere when the
// shared folder or python3 is missing.
func needReferee(t *testing.T) string {
	t.Helper()
	_, err1 := os.Stat(referee)
	_, err2 := exec.LookPath("python3")
	if err1 != nil || err2 != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the referee is needed in CI: %v %v", err1, err2)
		}
		t.Skip("shared/eval/score.py or python3 not available")
	}
	return referee
}

func readJSONL(t *testing.T, path string) []record.Extraction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []record.Extraction
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var x record.Extraction
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

// refereeScores runs score.py --json and decodes its result.
func refereeScores(t *testing.T, goldDir, jsonl string) Result {
	t.Helper()
	out, err := exec.Command("python3", needReferee(t), goldDir, jsonl, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var r Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func compare(t *testing.T, got, want Result) {
	t.Helper()
	got.PerDoc = nil
	if !reflect.DeepEqual(got.Scores, want.Scores) {
		t.Errorf("scores differ from the referee:\n got %+v\nwant %+v", got.Scores, want.Scores)
	}
	gj, _ := json.Marshal(got.Attributes)
	wj, _ := json.Marshal(want.Attributes)
	if string(gj) != string(wj) {
		t.Errorf("attributes differ from the referee:\n got %s\nwant %s", gj, wj)
	}
	if len(got.Missing) != len(want.Missing) {
		t.Errorf("missing %v, referee %v", got.Missing, want.Missing)
	}
}

// TestMatchesRefereeOnFixture scores hand-made predictions that exercise every matching rule:
// folding, optional records, either-order events, date precision, value tolerance, null
// countries, unnamed speakers, "other" statistics and a missing extraction.
func TestMatchesRefereeOnFixture(t *testing.T) {
	dir := "testdata/fixture"
	pred := filepath.Join(dir, "predictions.jsonl")
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := ScoreSet(golds, readJSONL(t, pred))
	if got.Scores["persons"].TP != 3 || got.Scores["events"].FP != 2 {
		t.Errorf("unexpected counts %+v", got.Scores)
	}
	compare(t, got, refereeScores(t, dir, pred))
}

// TestMatchesRefereeOnDevSet extracts the dev set and checks that alboran eval and score.py
// give the same figures.
func TestMatchesRefereeOnDevSet(t *testing.T) {
	needReferee(t)
	dir := "../../../shared/eval/dev"
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lx)
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	tmp := filepath.Join(t.TempDir(), "dev.jsonl")
	f, err := os.Create(tmp)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	var exts []record.Extraction
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		e := x.Extract(source.Report(p, raw).Doc)
		exts = append(exts, e)
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, ScoreSet(golds, exts), refereeScores(t, dir, tmp))
}
