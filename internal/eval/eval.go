// Package eval scores extractions against gold annotations by the codebook's section 8 rules.
// Its figures equal those of the referee, shared/eval/score.py: the same folding, the same
// greedy one-to-one pairing, the same micro-averages.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Gold is one gold file.
type Gold struct {
	Published  string       `json:"published"`
	Persons    []GoldRecord `json:"persons"`
	Events     []GoldRecord `json:"events"`
	Statistics []GoldRecord `json:"statistics"`
	Quotes     []GoldRecord `json:"quotes"`
}

// GoldRecord holds the fields of any gold record kind.
type GoldRecord struct {
	Name        string   `json:"name"`
	Country     *string  `json:"country"`
	Type        string   `json:"type"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	Date        *string  `json:"date"`
	EitherOrder bool     `json:"either_order"`
	Kind        string   `json:"kind"`
	Value       *float64 `json:"value"`
	Category    string   `json:"category"`
	Period      *string  `json:"period"`
	Speaker     string   `json:"speaker"`
	Text        string   `json:"text"`
	Optional    bool     `json:"optional"`
	// Evidence and EvidenceExtra are the sentences that show why a record is there (the newer
	// gold files give them); the referee ignores them.
	Evidence      string   `json:"evidence"`
	EvidenceExtra []string `json:"evidence_extra"`
	hasCountry    bool
}

// UnmarshalJSON keeps whether "country" was present, as the referee distinguishes a missing
// country from an empty one for persons.
func (g *GoldRecord) UnmarshalJSON(b []byte) error {
	type plain GoldRecord
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	*g = GoldRecord(p)
	_, g.hasCountry = keys["country"]
	return nil
}

// Counts are the true positives, false positives and false negatives of one record type.
type Counts struct{ TP, FP, FN int }

// Score is precision, recall and F1 with their counts.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

// Attribute is an attribute accuracy over matched pairs.
type Attribute struct {
	Accuracy *float64 `json:"accuracy"`
	N        int      `json:"n"`
}

// Result is the score of a set, as score.py --json prints it.
type Result struct {
	Documents  int                  `json:"documents"`
	Missing    []string             `json:"missing"`
	Scores     map[string]Score     `json:"scores"`
	Attributes map[string]Attribute `json:"attributes"`
	PerDoc     []DocResult          `json:"-"`
}

// DocResult is one document's counts.
type DocResult struct {
	Doc    string
	Counts map[string]Counts
}

// Kinds are the scored record types, in the referee's order.
var Kinds = []string{"persons", "events", "statistics", "quotes"}

// Attrs are the attribute accuracies, in the referee's order.
var Attrs = []string{"person.country", "statistic.country", "statistic.period", "event.date"}

// LoadGold reads every *.gold.json in dir, keyed by the report's base name.
func LoadGold(dir string) (map[string]Gold, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	golds := map[string]Gold{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		var g Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", n, err)
		}
		golds[strings.TrimSuffix(filepath.Base(n), ".gold.json")] = g
	}
	return golds, nil
}

// Key is the name that pairs an extraction with its gold file: the base name of its source
// without ".txt".
func Key(source string) string {
	if source == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(source), ".txt")
}

var punct = regexp.MustCompile(`[\-‐‑–—_.]`)
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// fold folds a name as the referee does.
func fold(name string) string {
	name = strings.ToLower(text.FoldAccents(name))
	name = punct.ReplaceAllString(name, " ")
	return strings.Join(strings.Fields(name), " ")
}

func words(s string) []string { return wordRE.FindAllString(fold(s), -1) }

func dateOK(gold, pred *string) bool {
	if gold == nil {
		return true
	}
	if pred == nil {
		return false
	}
	g, p := *gold, *pred
	return strings.HasPrefix(p, g) && (len(p) == len(g) || p[len(g)] == '-' || p[len(g)] == '/')
}

func valueOK(g, p float64) bool { return math.Abs(g-p) <= 0.005*math.Max(math.Abs(g), 1e-9) }

// ScoreSet scores extractions against golds.
func ScoreSet(golds map[string]Gold, exts []record.Extraction) Result {
	preds := map[string]record.Extraction{}
	for _, x := range exts {
		preds[Key(x.Document.Source)] = x
	}
	keys := make([]string, 0, len(golds))
	for k := range golds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	totals := map[string]*Counts{}
	for _, k := range Kinds {
		totals[k] = &Counts{}
	}
	attrs := map[string]*[2]int{}
	for _, a := range Attrs {
		attrs[a] = &[2]int{}
	}
	res := Result{Documents: len(golds), Missing: []string{}, Scores: map[string]Score{}, Attributes: map[string]Attribute{}}
	for _, key := range keys {
		gold := golds[key]
		pred, ok := preds[key]
		if !ok {
			res.Missing = append(res.Missing, key)
		}
		dr := DocResult{Doc: key, Counts: map[string]Counts{}}
		var persons []record.Entity
		for _, e := range pred.Entities {
			if e.Type == record.Person {
				persons = append(persons, e)
			}
		}
		var stats []record.Statistic
		for _, s := range pred.Statistics {
			if s.Category != "other" {
				stats = append(stats, s)
			}
		}
		var quotes []record.Quote
		for _, q := range pred.Quotes {
			if q.Speaker.Name != "" {
				quotes = append(quotes, q)
			}
		}
		// persons
		c, pairs := pair(len(gold.Persons), len(persons), func(i, j int) int { return personMatch(gold.Persons[i], persons[j]) }, optionals(gold.Persons))
		add(totals["persons"], &dr, "persons", c)
		for _, p := range pairs {
			g := gold.Persons[p[0]]
			if g.hasCountry {
				// A null gold country equals nothing, as in the referee.
				attrs["person.country"][0] += b2i(g.Country != nil && *g.Country == persons[p[1]].Country)
				attrs["person.country"][1]++
			}
		}
		// events
		c, _ = pair(len(gold.Events), len(pred.Events), func(i, j int) int { return eventMatch(gold.Events[i], pred.Events[j], true) }, optionals(gold.Events))
		add(totals["events"], &dr, "events", c)
		// statistics
		c, pairs = pair(len(gold.Statistics), len(stats), func(i, j int) int { return statMatch(gold.Statistics[i], stats[j]) }, optionals(gold.Statistics))
		add(totals["statistics"], &dr, "statistics", c)
		for _, p := range pairs {
			g, s := gold.Statistics[p[0]], stats[p[1]]
			if g.Country != nil {
				attrs["statistic.country"][0] += b2i(*g.Country == s.Country)
				attrs["statistic.country"][1]++
			}
			if g.Period != nil {
				attrs["statistic.period"][0] += b2i(s.Period != nil && *g.Period == *s.Period)
				attrs["statistic.period"][1]++
			}
		}
		// quotes
		c, _ = pair(len(gold.Quotes), len(quotes), func(i, j int) int { return quoteMatch(gold.Quotes[i], quotes[j]) }, optionals(gold.Quotes))
		add(totals["quotes"], &dr, "quotes", c)
		// event dates, on pairs matched without the date
		_, pairs = pair(len(gold.Events), len(pred.Events), func(i, j int) int { return eventMatch(gold.Events[i], pred.Events[j], false) }, optionals(gold.Events))
		for _, p := range pairs {
			g := gold.Events[p[0]]
			if g.Date != nil {
				attrs["event.date"][0] += b2i(dateOK(g.Date, pred.Events[p[1]].Date))
				attrs["event.date"][1]++
			}
		}
		res.PerDoc = append(res.PerDoc, dr)
	}
	for _, k := range Kinds {
		t := totals[k]
		p, r, f := prf(t.TP, t.FP, t.FN)
		res.Scores[k] = Score{Precision: round3(p), Recall: round3(r), F1: round3(f), TP: t.TP, FP: t.FP, FN: t.FN}
	}
	for _, a := range Attrs {
		v := attrs[a]
		at := Attribute{N: v[1]}
		if v[1] > 0 {
			acc := round3(float64(v[0]) / float64(v[1]))
			at.Accuracy = &acc
		}
		res.Attributes[a] = at
	}
	return res
}

func add(t *Counts, dr *DocResult, kind string, c Counts) {
	t.TP += c.TP
	t.FP += c.FP
	t.FN += c.FN
	dr.Counts[kind] = c
}

func optionals(gs []GoldRecord) []bool {
	out := make([]bool, len(gs))
	for i, g := range gs {
		out[i] = g.Optional
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pair pairs golds and predictions greedily, best match first, each used once.
func pair(ng, np int, match func(i, j int) int, optional []bool) (Counts, [][2]int) {
	type cand struct{ s, i, j int }
	var cands []cand
	for i := 0; i < ng; i++ {
		for j := 0; j < np; j++ {
			if s := match(i, j); s > 0 {
				cands = append(cands, cand{-s, i, j})
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.s != y.s {
			return x.s < y.s
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var pairs [][2]int
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		pairs = append(pairs, [2]int{c.i, c.j})
	}
	var cnt Counts
	for _, p := range pairs {
		if !optional[p[0]] {
			cnt.TP++
		}
	}
	cnt.FP = np - len(usedP)
	for i := 0; i < ng; i++ {
		if !usedG[i] && !optional[i] {
			cnt.FN++
		}
	}
	return cnt, pairs
}

func personMatch(g GoldRecord, p record.Entity) int {
	if fold(g.Name) == fold(p.Name) {
		return 2
	}
	return 0
}

func eventMatch(g GoldRecord, p record.Event, withDate bool) int {
	if g.Type != p.Type {
		return 0
	}
	ps, pt := p.Source.Actor, p.Target.Actor
	same := g.Source == ps && g.Target == pt ||
		(g.Type == "CONSULT" || g.Type == "COOPERATE" || g.EitherOrder) && g.Source == pt && g.Target == ps
	if !same {
		return 0
	}
	if withDate && !dateOK(g.Date, p.Date) {
		return 0
	}
	return 2
}

// EventPairs pairs a report's gold events with its extracted events one to one, as the
// referee does (same type, actors and date at the gold's precision), but a gold event that
// names the sentences that tell it pairs only with an event told by one of them. It returns
// (gold, extracted) index pairs.
func EventPairs(gold []GoldRecord, pred []record.Event) [][2]int {
	_, pairs := pair(len(gold), len(pred), func(i, j int) int {
		if gold[i].Evidence != "" && !told(gold[i], pred[j].Evidence.Text) {
			return 0
		}
		return eventMatch(gold[i], pred[j], true)
	}, optionals(gold))
	return pairs
}

// told reports whether a sentence is one of those the gold record names as its evidence.
func told(g GoldRecord, sentence string) bool {
	sentence = strings.TrimSpace(sentence)
	if sentence == "" {
		return false
	}
	for _, e := range append([]string{g.Evidence}, g.EvidenceExtra...) {
		if e = strings.TrimSpace(e); e != "" && (strings.Contains(sentence, e) || strings.Contains(e, sentence)) {
			return true
		}
	}
	return false
}

func statMatch(g GoldRecord, p record.Statistic) int {
	if g.Kind != p.Kind || g.Category != p.Category || g.Value == nil {
		return 0
	}
	if valueOK(*g.Value, p.Value) {
		return 2
	}
	return 0
}

func quoteMatch(g GoldRecord, p record.Quote) int {
	name := p.Speaker.Name
	if fold(g.Speaker) != fold(name) {
		gw, pw := strings.Fields(fold(g.Speaker)), strings.Fields(fold(name))
		if len(gw) == 0 || len(pw) == 0 || gw[len(gw)-1] != pw[len(pw)-1] {
			return 0
		}
	}
	gw := words(g.Text)
	if len(gw) == 0 {
		return 0
	}
	pw := map[string]bool{}
	for _, w := range words(p.Text) {
		pw[w] = true
	}
	hit := 0
	for _, w := range gw {
		if pw[w] {
			hit++
		}
	}
	if float64(hit)/float64(len(gw)) >= 0.6 {
		return 2
	}
	return 0
}

func prf(tp, fp, fn int) (float64, float64, float64) {
	p, r := 1.0, 1.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// round3 rounds half to even at three places, as Python's round does for these values.
func round3(x float64) float64 { return math.RoundToEven(x*1000) / 1000 }

// Print writes the result in the referee's text layout.
func (r Result) Print(w io.Writer, perDoc bool) {
	if perDoc {
		for _, d := range r.PerDoc {
			fmt.Fprint(w, d.Doc)
			for _, k := range Kinds {
				c := d.Counts[k]
				fmt.Fprintf(w, " %s=%d/%d/%d", k, c.TP, c.FP, c.FN)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "documents: %d  missing extractions: %d\n", r.Documents, len(r.Missing))
	for _, k := range Kinds {
		s := r.Scores[k]
		fmt.Fprintf(w, "%-11s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", k, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	for _, a := range Attrs {
		at := r.Attributes[a]
		acc := "n/a"
		if at.Accuracy != nil {
			acc = fmt.Sprintf("%.3f", *at.Accuracy)
		}
		fmt.Fprintf(w, "%-18s accuracy %s  (n %d)\n", a, acc, at.N)
	}
}
