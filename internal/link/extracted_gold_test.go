package link_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
)

// judgedPair is one line of testdata/same-extracted.txt: two extracted events, each named by
// its key, and whether they are one act.
type judgedPair struct {
	line     int
	a, b     eventKey
	judgment string // same, apart or unsure
}

// eventKey names an extracted event in a way that survives small extraction changes: its
// report, type, actors and the first characters of its evidence sentence.
type eventKey struct {
	report, typ, source, target, evidence string
}

func (k eventKey) String() string {
	return fmt.Sprintf("%s %s %s>%s %q", k.report, k.typ, k.source, k.target, k.evidence)
}

var keyLine = regexp.MustCompile(`^(\d{3}) \| (\S+) (\S+) (\S+) \| "(.*)"$`)

// readSameExtracted reads testdata/same-extracted.txt.
func readSameExtracted(t *testing.T) []judgedPair {
	t.Helper()
	f, err := os.Open("testdata/same-extracted.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	parseKey := func(line int, s string) eventKey {
		m := keyLine.FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			t.Fatalf("same-extracted.txt:%d: want `NNN | TYPE SOURCE TARGET | \"evidence\"`, got %q", line, s)
		}
		return eventKey{m[1], m[2], m[3], m[4], m[5]}
	}
	var out []judgedPair
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		a, rest, ok := strings.Cut(s, " || ")
		i := strings.LastIndex(rest, " | ")
		if !ok || i < 0 {
			t.Fatalf("same-extracted.txt:%d: want `event || event | judgment`", line)
		}
		p := judgedPair{line: line, a: parseKey(line, a), b: parseKey(line, rest[:i]), judgment: rest[i+3:]}
		switch p.judgment {
		case "same", "apart", "unsure":
		default:
			t.Fatalf("same-extracted.txt:%d: judgment %q is not same, apart or unsure", line, p.judgment)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// findEvent is the id ("073/v1") of the extracted event the key names, or "" when no event,
// or more than one, fits it.
func findEvent(exts map[string]record.Extraction, k eventKey) (string, int) {
	var ids []string
	for _, e := range exts[k.report].Events {
		ev := strings.Join(strings.Fields(e.Evidence.Text), " ")
		if e.Type == k.typ && dash(e.Source.Actor) == k.source && dash(e.Target.Actor) == k.target && strings.HasPrefix(ev, k.evidence) {
			ids = append(ids, k.report+"/"+e.ID)
		}
	}
	if len(ids) != 1 {
		return "", len(ids)
	}
	return ids[0], 1
}

// TestSameExtractedGold links the events extracted from the dev reports, all together, and
// scores the clusters against the judged pairs of testdata/same-extracted.txt: pairwise
// precision is the judged-same pairs in one cluster over the judged pairs in one cluster,
// recall the judged-same pairs in one cluster over the judged-same pairs found. The gold names
// events by key; pairs whose events are no longer extracted are logged and left out, and a
// floor on the pairs found keeps the test from passing empty.
func TestSameExtractedGold(t *testing.T) {
	exts, _ := devExtractions(t)
	pairs := readSameExtracted(t)
	evs := devEvents(exts)
	ms := link.Clusters(evs)

	var judged, same, unsure, lost, inCluster, correct int
	for _, p := range pairs {
		a, na := findEvent(exts, p.a)
		b, nb := findEvent(exts, p.b)
		if a == "" || b == "" {
			lost++
			t.Logf("same-extracted.txt:%d: not found (%d and %d events fit): %v || %v", p.line, na, nb, p.a, p.b)
			continue
		}
		if p.judgment == "unsure" {
			unsure++
			continue
		}
		judged++
		one := ms[a].Cluster == ms[b].Cluster
		if p.judgment == "same" {
			same++
		}
		if one {
			inCluster++
		}
		switch {
		case one && p.judgment == "same":
			correct++
		case one:
			t.Logf("wrong:  same-extracted.txt:%d: %s %v || %s %v", p.line, a, p.a, b, p.b)
		case p.judgment == "same":
			t.Logf("missed: same-extracted.txt:%d: %s %v || %s %v", p.line, a, p.a, b, p.b)
		}
	}
	precision, recall := 1.0, 1.0
	if inCluster > 0 {
		precision = float64(correct) / float64(inCluster)
	}
	if same > 0 {
		recall = float64(correct) / float64(same)
	}
	t.Logf("%d gold lines: %d no longer found, %d unsure; %d judged pairs found, %d of them same; %d in one cluster, %d right: pairwise P %.3f R %.3f F1 %.3f",
		len(pairs), lost, unsure, judged, same, inCluster, correct, precision, recall, f1(precision, recall))
	if judged < 350 || same < 15 {
		t.Errorf("only %d judged pairs (%d same) are still extracted: the floors are 350 and 15; judge the new candidates again (see the header of same-extracted.txt)", judged, same)
	}
	if precision < 0.95 || recall < 0.83 {
		t.Errorf("scores under the floors (pairwise precision 0.95, recall 0.83): P %.3f R %.3f", precision, recall)
	}
	if testing.Verbose() {
		logClusters(t, evs, ms)
	}
}

// logClusters logs the clusters of more than one event, for go test -v.
func logClusters(t *testing.T, evs []link.Event, ms map[string]link.Membership) {
	t.Helper()
	members := map[string][]string{}
	for _, e := range evs {
		members[ms[e.ID].Cluster] = append(members[ms[e.ID].Cluster], fmt.Sprintf("%s(%s %s>%s %s)", e.ID, e.Type, e.Source, e.Target, e.Date))
	}
	var lines []string
	for _, m := range members {
		if len(m) > 1 {
			sort.Strings(m)
			lines = append(lines, strings.Join(m, " "))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Logf("cluster: %s", l)
	}
}
