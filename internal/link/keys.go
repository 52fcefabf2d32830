package link

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
)

// Event is what linking knows of one event: its uid, type, actors, date and place, the trigger
// that coded it, the figures its sentence gives and the day its report was published ("" when
// unknown).
type Event struct {
	ID                   string
	Type, Source, Target string
	Date, Place, Trigger string
	Figures              []float64
	Published            string
}

// Recent is how many days before its report's publication an event the report leaves undated
// may have happened: news tells of the days just past, and an undated event links as a mention
// dated from Recent days before its report to the day of it (see Dated).
const Recent = 7

// Dated returns the date an event links by: its own, or for an event without one, the Recent
// days up to its report's publication, as an interval ("2020-09-01/2020-09-08"); "" when it
// has neither.
func Dated(e Event) string {
	if e.Date != "" {
		return e.Date
	}
	p, err := time.Parse(time.DateOnly, e.Published)
	if err != nil {
		return ""
	}
	return p.AddDate(0, 0, -Recent).Format(time.DateOnly) + "/" + e.Published
}

// Key is what events told alike share: type, actors (in a fixed order for CONSULT and
// COOPERATE), date, place, the stem of the trigger and the figures of the sentence. Events
// with one key link alike, so linking works on keys: a story copied by a hundred outlets is
// one key.
type Key struct {
	Type, Source, Target, Date, Place, Stem, Figures string
}

// KeyOf returns the key of an event.
func KeyOf(e Event) Key {
	a, b := e.Source, e.Target
	if Symmetric[e.Type] && b < a {
		a, b = b, a
	}
	return Key{Type: e.Type, Source: a, Target: b, Date: Dated(e), Place: e.Place, Stem: Stem(e.Trigger), Figures: FiguresText(e.Figures)}
}

// ID is a short name for the key, unique in practice (64 bits of FNV-1a): stores keep it in
// place of the key and use it as a cluster's root.
func (k Key) ID() string {
	h := fnv.New64a()
	for _, f := range []string{k.Type, k.Source, k.Target, k.Date, k.Place, k.Stem, k.Figures} {
		h.Write([]byte(f))
		h.Write([]byte{0x1f})
	}
	return fmt.Sprintf("k%016x", h.Sum64())
}

// Day reports whether the key's date names one day. Only such events are members of a
// cluster; the others (a month, a year, an interval) are mentions.
func (k Key) Day() bool { return len(k.Date) == 10 && !strings.Contains(k.Date, "/") }

// Kind is the kind of act the key's trigger names ("apprehend", "remove", "convict" for
// COERCE), or "" when the trigger names none.
func (k Key) Kind() string { return kinds[k.Type][k.Stem] }

// Act names what the key's trigger says was done: its kind of act, or else its stem marked
// "~" ("~demand"). A mention points only at a cluster with a key of the same act.
func (k Key) Act() string {
	if kind := k.Kind(); kind != "" {
		return kind
	}
	return "~" + k.Stem
}

// minFigure is the least figure that tells acts apart: smaller numbers ("two boats", "three
// men") are too common to say that two sentences tell of one act.
const minFigure = 10

// FiguresText writes the whole figures of at least minFigure, sorted and once each, as the
// key keeps them: "18 223".
func FiguresText(vs []float64) string {
	var out []float64
	for _, v := range vs {
		if v >= minFigure && v == math.Trunc(v) && v < 1e15 {
			out = append(out, v)
		}
	}
	sort.Float64s(out)
	var b strings.Builder
	for i, v := range out {
		if i > 0 && v == out[i-1] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	}
	return b.String()
}

// ParseFigures reads figures written with spaces between them, as stores aggregate the
// values of a sentence's counts; what is not a number is left out.
func ParseFigures(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// Stem reduces a trigger to the stem of its first word followed by the others, so that the
// forms of one word meet: "detained", "detains" and "detain" give "detain", "picked up" gives
// "pick up". It is a stem, not a lemma ("rescued" gives "rescu"), the same for every form.
func Stem(trigger string) string {
	words := strings.Fields(strings.ToLower(trigger))
	if len(words) == 0 {
		return ""
	}
	words[0] = stemWord(words[0])
	return strings.Join(words, " ")
}

// irregular maps the irregular past forms of trigger verbs to their base.
var irregular = map[string]string{
	"met": "meet", "held": "hold", "brought": "bring", "sent": "send", "caught": "catch", "took": "take",
	"taken": "take", "gave": "give", "given": "give", "shot": "shoot", "beaten": "beat", "withdrew": "withdraw",
	"withdrawn": "withdraw", "sought": "seek", "led": "lead", "fled": "flee", "struck": "strike", "froze": "freeze",
	"frozen": "freeze", "put": "put", "set": "set", "hit": "hit",
}

func stemWord(w string) string {
	if base, ok := irregular[w]; ok {
		w = base
	}
	n := len(w)
	switch {
	case n > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		w = w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "eed"): // "freed", "agreed"
		w = w[:n-1]
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:n-1]
	}
	// "stopp" (stopped, stopping) and "stop" meet; so do "rescu" (rescued) and "rescue".
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return strings.TrimSuffix(w, "e")
}

//go:embed data/kinds.tsv
var kindsFile []byte

// kinds maps an event type and a trigger stem to the kind of act.
var kinds = mustKinds(kindsFile)

func mustKinds(data []byte) map[string]map[string]string {
	out, err := parseKinds(data)
	if err != nil {
		// The file is embedded and its test parses it: a broken file never ships.
		panic(err)
	}
	return out
}

func parseKinds(data []byte) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 3 || cols[0] == "" || cols[1] == "" || cols[2] == "" {
			return nil, fmt.Errorf("link/data/kinds.tsv:%d: want three tab-separated columns: type, kind, triggers", line)
		}
		if out[cols[0]] == nil {
			out[cols[0]] = map[string]string{}
		}
		for _, t := range strings.Split(cols[2], "|") {
			st := Stem(t)
			if k, ok := out[cols[0]][st]; ok && k != cols[1] {
				return nil, fmt.Errorf("link/data/kinds.tsv:%d: %q is already of kind %q", line, t, k)
			}
			out[cols[0]][st] = cols[1]
		}
	}
	return out, sc.Err()
}

// EventOf is what linking knows of an extracted event: uid is its uid across reports, stats
// are the statistics of its report, whose counts told by the event's sentence are its
// figures, and published is the report's day of publication ("" when unknown).
func EventOf(uid string, ev record.Event, stats []record.Statistic, published string) Event {
	e := Event{ID: uid, Type: ev.Type, Source: ev.Source.Actor, Target: ev.Target.Actor, Place: ev.Location, Trigger: ev.Trigger,
		Published: Day(published)}
	if ev.Date != nil {
		e.Date = *ev.Date
	}
	for _, s := range stats {
		if s.Kind == record.KindCount && s.Evidence.Start == ev.Evidence.Start && s.Evidence.End == ev.Evidence.End {
			e.Figures = append(e.Figures, s.Value)
		}
	}
	return e
}

// Day returns the day of a publication date or time ("2020-09-08T10:00:00Z" gives
// "2020-09-08"), or "" when it names no day.
func Day(published string) string {
	if len(published) < 10 {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, published[:10]); err != nil {
		return ""
	}
	return published[:10]
}
