package link

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	for _, forms := range [][]string{
		{"detain", "detained", "detains", "detaining"},
		{"rescue", "rescued", "rescues", "rescuing"},
		{"stop", "stopped", "stopping", "stops"},
		{"free", "freed", "frees"},
		{"meet", "met", "meets"},
		{"pick up", "picked up", "Picked up"},
		{"deny", "denied", "denies"},
	} {
		for _, f := range forms[1:] {
			if Stem(f) != Stem(forms[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q", f, Stem(f), forms[0], Stem(forms[0]))
			}
		}
	}
	if Stem("deported") == Stem("detained") {
		t.Error("deported and detained meet")
	}
}

func TestKinds(t *testing.T) {
	tests := []struct{ typ, trigger, kind string }{
		{"COERCE", "detained", "apprehend"},
		{"COERCE", "intercepted", "apprehend"},
		{"COERCE", "deportation", "remove"},
		{"COERCE", "sentenced", "convict"},
		{"AID", "picked up", "rescue"},
		{"AID", "shelter", "shelter"},
		{"COERCE", "picked up", "apprehend"},
		{"ASSAULT", "shot", ""},
	}
	for _, tt := range tests {
		if got := (Key{Type: tt.typ, Stem: Stem(tt.trigger)}).Kind(); got != tt.kind {
			t.Errorf("%s %q: kind %q, want %q", tt.typ, tt.trigger, got, tt.kind)
		}
	}
	if _, err := parseKinds([]byte("# comment\nCOERCE\tapprehend\tdetain\nAID\trescue\n")); err == nil || !strings.Contains(err.Error(), "kinds.tsv:3") {
		t.Errorf("a short line gave %v", err)
	}
	if _, err := parseKinds([]byte("COERCE\ta\tdetain\nCOERCE\tb\tdetained\n")); err == nil || !strings.Contains(err.Error(), "kinds.tsv:2") {
		t.Errorf("a trigger of two kinds gave %v", err)
	}
}

func TestFiguresText(t *testing.T) {
	if got := FiguresText([]float64{223, 18, 4, 223, 2.5, 1e20}); got != "18 223" {
		t.Errorf("got %q", got)
	}
}

// ev is a COERCE event of GBR on GBR.
func ev(id, date, place, trigger string, figs ...float64) Event {
	return Event{ID: id, Type: "COERCE", Source: "GBR", Target: "GBR", Date: date, Place: place, Trigger: trigger, Figures: figs}
}

// published gives an event its report's day of publication.
func published(e Event, day string) Event {
	e.Published = day
	return e
}

// together returns the events of each cluster, as sorted lists of ids.
func together(ms map[string]Membership) [][]string {
	by := map[string][]string{}
	for id, m := range ms {
		by[m.Cluster] = append(by[m.Cluster], id)
	}
	var out [][]string
	for _, ids := range by {
		sort.Strings(ids)
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func TestClusters(t *testing.T) {
	tests := []struct {
		name string
		evs  []Event
		want string // the clusters, "a b | c"
	}{
		{"one day", []Event{ev("a", "2020-09-16", "", "detained"), ev("b", "2020-09-16", "", "intercepted", 26)}, "a b"},
		{"kinds of act", []Event{ev("a", "2020-09-15", "", "detained"), ev("b", "2020-09-15", "", "deported"), ev("c", "2020-09-15", "", "intercepted")},
			"a c | b"},
		{"a trigger of no kind fits one kind", []Event{ev("a", "2020-09-15", "", "detained"), ev("b", "2020-09-15", "", "held back")}, "a b"},
		{"but not two", []Event{ev("a", "2020-09-15", "", "detained"), ev("b", "2020-09-15", "", "deported"), ev("c", "2020-09-15", "", "held back")},
			"a | b | c"},
		{"places", []Event{ev("a", "2020-09-15", "Dover", "detained"), ev("b", "2020-09-15", "Calais", "detained"), ev("c", "2020-09-15", "dover", "detained"),
			ev("d", "2020-09-15", "", "detained")}, "a c | b | d"},
		{"consecutive days stay apart", []Event{ev("a", "2020-09-14", "", "detained", 168), ev("b", "2020-09-15", "", "detained", 151)}, "a | b"},
		{"a figure joins them", []Event{ev("a", "2020-09-07", "", "detained", 223, 18), ev("b", "2020-09-08", "", "detained", 223)}, "a b"},
		{"the same place joins them", []Event{ev("a", "2020-09-07", "Dover", "detained"), ev("b", "2020-09-08", "Dover", "detained")}, "a b"},
		{"no chaining", []Event{ev("a", "2020-09-07", "", "detained", 30), ev("b", "2020-09-08", "", "detained", 30), ev("c", "2020-09-09", "", "detained", 30)},
			"a | b | c"},
		{"contradicting figures", []Event{ev("a", "2020-09-07", "Dover", "detained", 40), ev("b", "2020-09-08", "Dover", "detained", 14)}, "a | b"},
		{"two days apart", []Event{ev("a", "2020-09-07", "", "detained", 223), ev("b", "2020-09-09", "", "detained", 223)}, "a | b"},
		{"a month points at the one cluster", []Event{ev("a", "2020-09-16", "", "detained"), ev("b", "2020-09-16", "", "detained"), ev("m", "2020-09", "", "detained")},
			"a b m"},
		{"a month fits two clusters", []Event{ev("a", "2020-09-16", "", "detained"), ev("b", "2020-09-18", "", "detained"), ev("m", "2020-09", "", "detained")},
			"a | b | m"},
		{"a mention never seeds", []Event{ev("m", "2020-09", "", "detained"), ev("a", "2020-09-16", "", "detained"), ev("b", "2020-09-17", "", "detained")},
			"a | b | m"},
		{"a mention's figures choose", []Event{ev("a", "2020-09-16", "", "detained", 26), ev("b", "2020-09-18", "", "detained", 40), ev("m", "2020-09", "", "detained", 26)},
			"a m | b"},
		{"a mention needs the same act", []Event{ev("a", "2020-09-16", "", "held back"), ev("m", "2020-09", "", "kept out")}, "a | m"},
		{"an act of the same kind", []Event{ev("a", "2020-09-16", "", "detained"), ev("m", "2020-09", "", "intercepted")}, "a m"},
		{"a mention without a trigger", []Event{ev("a", "2020-09-16", "", "detained"), ev("m", "2020-09", "", ""), ev("n", "2020-09", "", "")}, "a | m | n"},
		{"a year outside", []Event{ev("a", "2020-09-16", "", "detained"), ev("y", "2021", "", "detained")}, "a | y"},
		{"mentions told alike", []Event{ev("m", "2020-08", "Britain", "blame"), ev("n", "2020-08", "Britain", "blame"), ev("o", "2020-08", "", "blamed")},
			"m n | o"},
		{"no date", []Event{ev("a", "", "", "detained"), ev("b", "", "", "detained"), ev("c", "2020-09", "", "detained")}, "a | b | c"},
		{"a week", []Event{ev("a", "2020-09-16", "", "detained"), ev("w", "2020-09-14/2020-09-20", "", "detained")}, "a w"},
		{"undated, the week before its report", []Event{ev("a", "2020-09-16", "", "detained"), published(ev("u", "", "", "detained"), "2020-09-18")}, "a u"},
		{"undated, its report too late", []Event{ev("a", "2020-09-16", "", "detained"), published(ev("u", "", "", "detained"), "2020-09-24")}, "a | u"},
		{"undated, its report too early", []Event{ev("a", "2020-09-16", "", "detained"), published(ev("u", "", "", "detained"), "2020-09-15")}, "a | u"},
		{"undated, two clusters in its week", []Event{ev("a", "2020-09-14", "", "detained"), ev("b", "2020-09-17", "", "detained"),
			published(ev("u", "", "", "detained"), "2020-09-18")}, "a | b | u"},
		{"undated, told alike in one day's reports", []Event{published(ev("u", "", "", "detained"), "2020-09-18"),
			published(ev("v", "", "", "detained"), "2020-09-18"), published(ev("w", "", "", "detained"), "2020-09-19")}, "u v | w"},
		{"no trigger, a figure in common", []Event{ev("a", "2020-09-16", "", "", 26), published(ev("u", "", "", "", 26), "2020-09-18")}, "a u"},
		{"no trigger, no figure in common", []Event{ev("a", "2020-09-16", "", "", 26), published(ev("u", "", "", "", 40), "2020-09-18"),
			published(ev("v", "", "", ""), "2020-09-18")}, "a | u | v"},
		{"no trigger, a month", []Event{ev("a", "2020-09-16", "", "", 26), ev("m", "2020-09", "", "", 26)}, "a | m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, ids := range together(Clusters(tt.evs)) {
				got = append(got, strings.Join(ids, " "))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

func TestMentionsAmongManyActs(t *testing.T) {
	evs := []Event{ev("m", "2020", "", "detained", 26)}
	for i := 0; i < MaxPointed; i++ {
		day := fmt.Sprintf("2020-%02d-%02d", 1+i/28, 1+i%28)
		evs = append(evs, ev(fmt.Sprintf("e%02d", i), day, "", "detained", float64(100+i)))
	}
	evs[1].Figures = []float64{26} // the one act the mention's figure fits
	if ms := Clusters(evs); ms["m"].Cluster != ms[evs[1].ID].Cluster {
		t.Errorf("the mention does not point at the one act its figure fits: %v", ms["m"])
	}
	evs = append(evs, ev("more", "2020-12-30", "", "detained", 500))
	if ms := Clusters(evs); ms["m"].Cluster != "m" {
		t.Errorf("a year that holds %d acts of its kind points at %s", MaxPointed+1, ms["m"].Cluster)
	}
}

func TestSymmetricTypes(t *testing.T) {
	evs := []Event{
		{ID: "a", Type: "CONSULT", Source: "MAR", Target: "ESP", Date: "2021-04-14", Trigger: "met"},
		{ID: "b", Type: "CONSULT", Source: "ESP", Target: "MAR", Date: "2021-04-14", Trigger: "talks"},
		{ID: "c", Type: "REQUEST", Source: "MAR", Target: "ESP", Date: "2021-04-14", Trigger: "urged"},
		{ID: "d", Type: "REQUEST", Source: "ESP", Target: "MAR", Date: "2021-04-14", Trigger: "urged"},
	}
	ms := Clusters(evs)
	if ms["a"].Cluster != ms["b"].Cluster || ms["c"].Cluster == ms["d"].Cluster {
		t.Errorf("%v", ms)
	}
	if ms["a"].Cluster != "a" || ms["a"].Mention || !Clusters([]Event{ev("m", "2021", "", "")})["m"].Mention {
		t.Errorf("ids or roles: %v", ms)
	}
}

// memKeys is a KeyStore in memory.
type memKeys map[string]*Stored

func (m memKeys) Key(_ context.Context, id string) (Stored, bool, error) {
	if s, ok := m[id]; ok {
		return *s, true, nil
	}
	return Stored{}, false, nil
}

func (m memKeys) find(k Key, ok func(Stored) bool) []Stored {
	var ids []string
	for id, s := range m {
		if s.Key.Type == k.Type && s.Key.Source == k.Source && s.Key.Target == k.Target && ok(*s) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	out := make([]Stored, len(ids))
	for i, id := range ids {
		out[i] = *m[id]
	}
	return out
}

func (m memKeys) Days(_ context.Context, k Key, lo, hi string) ([]Stored, error) {
	return m.find(k, func(s Stored) bool { return s.Key.Day() && s.Key.Date >= lo && s.Key.Date <= hi }), nil
}

func (m memKeys) Acts(_ context.Context, k Key, act, lo, hi string, limit int) ([]Stored, error) {
	out := m.find(k, func(s Stored) bool { return s.Key.Day() && s.Key.Act() == act && s.Key.Date >= lo && s.Key.Date <= hi })
	return out[:min(limit, len(out))], nil
}

func (m memKeys) Mentions(_ context.Context, k Key, act, lo, day string) ([]Stored, error) {
	return m.find(k, func(s Stored) bool {
		a, b, _ := Span(s.Key.Date)
		return !s.Key.Day() && !s.Crowded && s.Key.Act() == act && a >= lo && a <= day && b >= day
	}), nil
}

func (m memKeys) Add(_ context.Context, s Stored) error {
	m[s.Key.ID()] = &s
	return nil
}

func (m memKeys) SetRoot(_ context.Context, id, root string) error {
	m[id].Root = root
	return nil
}

func (m memKeys) Crowd(_ context.Context, id string) error {
	m[id].Crowded = true
	return nil
}

// memStore links events in batches as a store does, with a Linker over memKeys.
type memStore struct {
	keys   memKeys
	events map[string]Placement
}

func (s *memStore) put(t *testing.T, batch []Event) {
	l := NewLinker(s.keys)
	for _, e := range batch {
		if err := l.Add(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	res := l.Result()
	for _, c := range res.Counts {
		k := s.keys[c.Key]
		k.N += c.Added
		k.First = min(k.First, c.First)
	}
	for uid, p := range res.Events {
		s.events[uid] = p
	}
	for _, mv := range res.Moves {
		for uid, p := range s.events {
			if p.Key == mv.Key && p.Root == mv.From {
				p.Root = mv.To
				s.events[uid] = p
			}
		}
	}
}

// memberships gives each event its cluster's public id and role, as the stores do.
func (s *memStore) memberships() map[string]Membership {
	first := map[string]string{}
	for _, st := range s.keys {
		if st.Key.Day() && (first[st.Root] == "" || st.First < first[st.Root]) {
			first[st.Root] = st.First
		}
	}
	for _, st := range s.keys {
		if _, ok := first[st.Root]; !ok {
			first[st.Root] = st.First // a cluster of mentions only, which are one key
		}
	}
	out := map[string]Membership{}
	for uid, p := range s.events {
		if p.Key == "" {
			out[uid] = Membership{Root: uid, Cluster: uid, Mention: true}
			continue
		}
		if p.Root != s.keys[p.Key].Root {
			panic(fmt.Sprintf("event %s holds root %s, its key %s", uid, p.Root, s.keys[p.Key].Root))
		}
		out[uid] = Membership{Root: p.Root, Cluster: first[p.Root], Mention: p.Mention}
	}
	return out
}

// randomEvents makes events of two dyads crowded on a few weeks: many days, places, kinds of
// act, figures and mentions, so that every rule is exercised; crowd makes them all of one
// dyad and act, so that mentions are crowded.
func randomEvents(r *rand.Rand, n int, crowd bool) []Event {
	places := []string{"", "", "", "Dover", "Calais"}
	triggers := []string{"detained", "intercepted", "deported", "held back", ""}
	if crowd {
		triggers = triggers[:2]
	}
	var evs []Event
	for i := 0; i < n; i++ {
		e := ev(fmt.Sprintf("e%03d", i), "", places[r.IntN(len(places))], triggers[r.IntN(len(triggers))])
		if r.IntN(4) == 0 && !crowd {
			e.Type, e.Source, e.Target = "CONSULT", "FRA", "GBR"
			if r.IntN(2) == 0 {
				e.Source, e.Target = e.Target, e.Source
			}
		}
		switch day := 1 + r.IntN(20); r.IntN(10) {
		case 0:
			e.Date = "2020-09"
		case 1:
			e.Date = fmt.Sprintf("2020-09-%02d/2020-09-%02d", day, day+r.IntN(6))
		case 2:
			e.Date = "2020"
		case 3:
			e.Date = ""
			if r.IntN(2) == 0 {
				e.Published = fmt.Sprintf("2020-09-%02d", day+r.IntN(4))
			}
		default:
			e.Date = fmt.Sprintf("2020-09-%02d", day)
		}
		for j := r.IntN(3); j > 0; j-- {
			e.Figures = append(e.Figures, float64(10+10*r.IntN(4+n/10)))
		}
		evs = append(evs, e)
	}
	return evs
}

// TestIncrementalLinking links random events in batches, in many orders, with a Linker as the
// stores do, and checks that the clusters are those of linking them all at once, and that
// every stored event holds its key's root.
func TestIncrementalLinking(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for round := 0; round < 11; round++ {
		evs := randomEvents(r, 40+r.IntN(80), false)
		orders := 4
		if round == 10 {
			evs, orders = randomEvents(r, 300, true), 2 // months crowded with keys of one act
		}
		want := Clusters(evs)
		keys, _ := Relink(evs)
		for order := 0; order < orders; order++ {
			r.Shuffle(len(evs), func(a, b int) { evs[a], evs[b] = evs[b], evs[a] })
			s := &memStore{keys: memKeys{}, events: map[string]Placement{}}
			for i := 0; i < len(evs); {
				n := 1 + r.IntN(12)
				s.put(t, evs[i:min(i+n, len(evs))])
				i += n
			}
			got := s.memberships()
			for id, m := range got {
				w := want[id]
				if m.Cluster != w.Cluster || m.Mention != w.Mention {
					t.Fatalf("round %d, order %d: %s is in %s (mention %v), want %s (mention %v)", round, order, id, m.Cluster, m.Mention, w.Cluster, w.Mention)
				}
			}
			if !reflect.DeepEqual(together(got), together(want)) {
				t.Fatalf("round %d, order %d: clusters differ", round, order)
			}
			crowded := 0
			for _, k := range keys {
				if k.Crowded {
					crowded++
				}
				if s.keys[k.Key.ID()].Crowded != k.Crowded {
					t.Fatalf("round %d, order %d: key %v crowded %v, relinked %v", round, order, k.Key, s.keys[k.Key.ID()].Crowded, k.Crowded)
				}
			}
			if round == 10 && crowded == 0 {
				t.Fatalf("round %d: no mention is crowded: the test tests nothing", round)
			}
		}
	}
}

// TestClustersNeverSpanMoreThanADay checks, on random events, the rule that every two members
// of a cluster agree.
func TestClustersNeverSpanMoreThanADay(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	evs := randomEvents(r, 400, false)
	byID := map[string]Event{}
	for _, e := range evs {
		byID[e.ID] = e
	}
	for _, ids := range together(Clusters(evs)) {
		var members []Event
		for _, id := range ids {
			if e := byID[id]; KeyOf(e).Day() {
				members = append(members, e)
			}
		}
		for i, a := range members {
			for _, b := range members[i+1:] {
				da, _, _ := span(a.Date)
				db, _, _ := span(b.Date)
				na, _ := newNode(Stored{Key: KeyOf(a)})
				nb, _ := newNode(Stored{Key: KeyOf(b)})
				if d := da.Sub(db).Hours() / 24; d > 1 || d < -1 || !compatible(na, nb) {
					t.Errorf("%s and %s are in one cluster: %+v %+v", a.ID, b.ID, a, b)
				}
			}
		}
	}
}
