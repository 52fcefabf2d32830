// Package link decides what is the same across reports: events that are one real event,
// figures that are one claim, and names that are one person. It holds the rules only; the
// stores apply them. Every decision depends on the records alone, never on the order in which
// reports arrive.
//
// # Events
//
// An event dated to a day is a member of a cluster, one real event; every two members of a
// cluster agree. Two events agree when they have the same type and actors (either order for
// CONSULT and COOPERATE), dates at most a day apart, places that are the same or not both
// known, and triggers that name the same kind of act or not both a kind (an arrest is not a
// deportation). The members of one day that agree form a cluster; where they cannot all agree
// (two places, two kinds of act) an event that fits several clusters of its day stays apart
// rather than pick one. A day's cluster joins one of the day before or after only when the two
// corroborate each other (a figure both sentences give, or the place both name) and neither
// has another such partner on its other side: days never chain, and a cluster's days span two
// days at most.
//
// An event dated by a month, a year or an interval is a mention. It never seeds a cluster that
// day-dated events join: it points at the one cluster of its dyad that fits it (a member
// within its dates that tells of the same act, in a compatible place, with no figures that
// contradict its own), and when none or several fit it stays in a cluster of its own with the
// mentions told alike (the same key). An event its report leaves undated is a mention of the
// Recent days before the report's publication (Dated). A mention without a trigger names no
// act: it links only when it gives figures, and points only from such a short span at a
// cluster that gives one of them. An event with neither a date nor a publication day, or a
// mention with neither trigger nor figures, stays alone.
//
// Events with one key (see Key) always link alike, so the rules work on keys: the clusters of
// a dyad are a function of the set of its keys, whatever the order in which they arrive, and
// a new key changes the clusters of three days on either side of its own at most (Regroup).
package link

import (
	"sort"
	"strings"
	"time"
)

// Symmetric types link events whatever the order of their actors.
var Symmetric = map[string]bool{"CONSULT": true, "COOPERATE": true}

// span is the first and last day a date can mean: "2021-04" is April 1 to 30.
func span(d string) (lo, hi time.Time, ok bool) {
	if a, b, found := strings.Cut(d, "/"); found {
		l, _, ok1 := span(a)
		_, h, ok2 := span(b)
		return l, h, ok1 && ok2 && !h.Before(l)
	}
	switch len(d) {
	case 10:
		t, err := time.Parse(time.DateOnly, d)
		return t, t, err == nil
	case 7:
		t, err := time.Parse("2006-01", d)
		return t, t.AddDate(0, 1, -1), err == nil
	case 4:
		t, err := time.Parse("2006", d)
		return t, t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, time.Time{}, false
}

// Span returns the first and last day a date can mean, as ISO dates, and whether it is a
// date at all.
func Span(d string) (lo, hi string, ok bool) {
	l, h, ok := span(d)
	if !ok {
		return "", "", false
	}
	return l.Format(time.DateOnly), h.Format(time.DateOnly), true
}

// Reach is how many days on either side of a new day-precise key Regroup reads: the clusters
// it may change lie within Reach-1 days of it.
const Reach = 3

// Keyed reports whether an event links by its key: it has a date (its own or its report's,
// see Dated), and a mention names a trigger or gives figures. The others stay alone.
func Keyed(e Event) bool {
	if _, _, ok := span(Dated(e)); !ok {
		return false
	}
	k := KeyOf(e)
	return k.Day() || k.Stem != "" || k.Figures != ""
}

// short reports whether a date spans no more than the Recent days of an undated event.
func short(d string) bool {
	lo, hi, ok := span(d)
	return ok && hi.Sub(lo) <= Recent*24*time.Hour
}

// Stored is a key as a store keeps it: the least uid and the number of its events, the root
// of its cluster ("" for a key not stored yet), and, for a mention, whether its dates hold
// more than MaxPointed day-precise keys of its act: such a mention points at nothing, now and
// after any key is added, so linking never looks at it again.
type Stored struct {
	Key     Key
	First   string
	N       int
	Root    string
	Crowded bool
}

// node is a key with what clustering needs of it.
type node struct {
	Key
	id     string
	lo, hi time.Time
	kind   string
	figs   []string
	first  string
	n      int
	root   string
}

func newNode(s Stored) (*node, bool) {
	lo, hi, ok := span(s.Key.Date)
	if !ok {
		return nil, false
	}
	return &node{Key: s.Key, id: s.Key.ID(), lo: lo, hi: hi, kind: s.Key.Kind(), figs: strings.Fields(s.Key.Figures),
		first: s.First, n: s.N, root: s.Root}, true
}

// compatible reports whether two keys may tell of one act: places and kinds of act agree
// where both are known.
func compatible(a, b *node) bool {
	if a.Place != "" && b.Place != "" && !strings.EqualFold(a.Place, b.Place) {
		return false
	}
	return a.kind == "" || b.kind == "" || a.kind == b.kind
}

// sharedFigure reports whether two sets of figures have one in common.
func sharedFigure(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// contradicts reports whether both give figures and none in common.
func contradicts(a, b []string) bool { return len(a) > 0 && len(b) > 0 && !sharedFigure(a, b) }

// group is the cluster of one day's keys that agree.
type group struct {
	ns    []*node
	day   int // days since 1970
	figs  []string
	place string
}

func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

// specificity counts what a key says of its act: a place, a kind.
func specificity(n *node) int {
	s := 0
	if n.Place != "" {
		s++
	}
	if n.kind != "" {
		s++
	}
	return s
}

// dayGroups parts the keys of one day: the most specific first (then by id), each key joins
// the one group it agrees with entirely, and starts a group of its own when it agrees with
// none or with several.
func dayGroups(ns []*node, day int) []*group {
	sort.Slice(ns, func(i, j int) bool {
		if si, sj := specificity(ns[i]), specificity(ns[j]); si != sj {
			return si > sj
		}
		return ns[i].id < ns[j].id
	})
	var gs []*group
	for _, n := range ns {
		fit, count := -1, 0
		for i, g := range gs {
			ok := true
			for _, m := range g.ns {
				if !compatible(m, n) {
					ok = false
					break
				}
			}
			if ok {
				fit, count = i, count+1
			}
		}
		if count != 1 {
			gs = append(gs, &group{day: day})
			fit = len(gs) - 1
		}
		g := gs[fit]
		g.ns = append(g.ns, n)
		g.figs = append(g.figs, n.figs...)
		if n.Place != "" {
			g.place = n.Place
		}
	}
	return gs
}

// corroborate reports whether two groups of consecutive days tell of one act: they agree
// entirely, they give a figure or name a place in common, and their figures do not
// contradict each other.
func corroborate(g, h *group) bool {
	for _, a := range g.ns {
		for _, b := range h.ns {
			if !compatible(a, b) {
				return false
			}
		}
	}
	if contradicts(g.figs, h.figs) {
		return false
	}
	return sharedFigure(g.figs, h.figs) || g.place != "" && strings.EqualFold(g.place, h.place)
}

// days holds a dyad's day groups by day.
type days map[int][]*group

func (ds days) add(ns []*node) {
	byDay := map[int][]*node{}
	for _, n := range ns {
		d := dayNumber(n.lo)
		byDay[d] = append(byDay[d], n)
	}
	for d, list := range byDay {
		ds[d] = dayGroups(list, d)
	}
}

// partners returns the groups of the days before and after g that corroborate it.
func (ds days) partners(g *group) []*group {
	var out []*group
	for _, d := range []int{g.day - 1, g.day + 1} {
		for _, h := range ds[d] {
			if corroborate(g, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// joins reports whether g and h (of the next day) are one cluster: each is the other's only
// partner.
func (ds days) joins(g, h *group) bool {
	p, q := ds.partners(g), ds.partners(h)
	return len(p) == 1 && p[0] == h && len(q) == 1 && q[0] == g
}

// unionFind joins groups into clusters.
type unionFind map[*group]*group

func (u unionFind) find(g *group) *group {
	for {
		p, ok := u[g]
		if !ok || p == g {
			return g
		}
		g = p
	}
}

func (u unionFind) union(a, b *group) { u[u.find(b)] = u.find(a) }

// clusters returns the keys of each cluster the unions made of the groups.
func (u unionFind) clusters(ds days) [][]*node {
	byRoot := map[*group][]*node{}
	var order []*group
	dayList := make([]int, 0, len(ds))
	for d := range ds {
		dayList = append(dayList, d)
	}
	sort.Ints(dayList)
	for _, d := range dayList {
		for _, g := range ds[d] {
			r := u.find(g)
			if _, ok := byRoot[r]; !ok {
				order = append(order, r)
			}
			byRoot[r] = append(byRoot[r], g.ns...)
		}
	}
	out := make([][]*node, len(order))
	for i, r := range order {
		out[i] = byRoot[r]
	}
	return out
}

// Regroup relinks the days around a new day-precise key. keys are the day-precise keys of its
// dyad dated from Reach days before day to Reach days after, the new one among them, with the
// roots they have. It returns the keys whose root changes, with their new root; the clusters
// are those that Clusters gives for the whole dyad. A cluster keeps the root that most of its
// events hold already, so that few events move.
func Regroup(day string, keys []Stored) map[string]string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil
	}
	x := dayNumber(t)
	var ns []*node
	for _, s := range keys {
		if n, ok := newNode(s); ok && s.Key.Day() && dayNumber(n.lo) >= x-Reach && dayNumber(n.lo) <= x+Reach {
			ns = append(ns, n)
		}
	}
	ds := days{}
	ds.add(ns)
	u := unionFind{}
	// The days from x-Reach+1 to x+Reach-1 decide afresh; a join across the edge of the window
	// depends on days the new key does not touch, so it is read from the roots.
	for d := x - Reach + 1; d < x+Reach-1; d++ {
		for _, g := range ds[d] {
			for _, h := range ds[d+1] {
				if ds.joins(g, h) {
					u.union(g, h)
				}
			}
		}
	}
	for _, edge := range [][2]int{{x - Reach, x - Reach + 1}, {x + Reach - 1, x + Reach}} {
		for _, g := range ds[edge[0]] {
			for _, h := range ds[edge[1]] {
				if shareRoot(g, h) {
					u.union(g, h)
				}
			}
		}
	}
	changes := map[string]string{}
	for _, c := range u.clusters(ds) {
		inside := false
		for _, n := range c {
			if d := dayNumber(n.lo); d > x-Reach && d < x+Reach {
				inside = true
			}
		}
		if !inside {
			continue // a cluster of the edge days alone: the new key changes nothing of it
		}
		root := keepRoot(c)
		for _, n := range c {
			if n.root != root {
				changes[n.id] = root
			}
		}
	}
	return changes
}

// shareRoot reports whether two groups hold keys of one stored cluster.
func shareRoot(g, h *group) bool {
	for _, a := range g.ns {
		for _, b := range h.ns {
			if a.root != "" && a.root == b.root {
				return true
			}
		}
	}
	return false
}

// keepRoot chooses a cluster's root among the roots its keys hold: one that is the id of one
// of its keys (so that no other cluster can hold it), held by the most events; a new
// cluster's root is its least key id.
func keepRoot(c []*node) string {
	ids := map[string]bool{}
	for _, n := range c {
		ids[n.id] = true
	}
	held := map[string]int{}
	for _, n := range c {
		if ids[n.root] {
			held[n.root] += n.n
		}
	}
	best, most := "", -1
	for r, k := range held {
		if k > most || k == most && r < best {
			best, most = r, k
		}
	}
	if best != "" {
		return best
	}
	for _, n := range c {
		if best == "" || n.id < best {
			best = n.id
		}
	}
	return best
}

// MaxPointed bounds the day-precise keys of its act that a mention's dates may hold for it to
// point at one: among more, none stands out, and the bound keeps the search short.
const MaxPointed = 64

// Point returns the root of the one cluster that a mention fits, or "" when none or several
// fit. keys are the day-precise keys of the mention's dyad and act (Key.Act) within its
// dates, with their roots. A cluster fits when one of its keys tells of the same act (the
// same kind of act, or the same trigger), agrees with the mention's place, and gives no
// figures that contradict the mention's: a month or a year holds many acts of a busy dyad,
// and the date alone says too little. A mention whose dates span more than MaxMentionDays
// points at nothing.
func Point(m Key, keys []Stored) string {
	mn, ok := newNode(Stored{Key: m})
	if !ok || mn.hi.Sub(mn.lo) > MaxMentionDays*24*time.Hour {
		return ""
	}
	// A mention that names no act (no trigger) points only from a few days' dates and at a
	// cluster that gives one of its figures: a month holds many acts of a dyad, and a running
	// total shares its figures with the day it includes.
	brief := short(m.Date)
	found, seen := "", 0
	for _, s := range keys {
		n, ok := newNode(s)
		bare := brief && sharedFigure(mn.figs, n.figs)
		if !ok || !s.Key.Day() || n.lo.Before(mn.lo) || n.lo.After(mn.hi) || s.Key.Act() != m.Act() {
			continue
		}
		if seen++; seen > MaxPointed {
			return ""
		}
		if !compatible(mn, n) || contradicts(mn.figs, n.figs) || m.Stem == "" && !bare {
			continue
		}
		if found != "" && found != s.Root {
			return ""
		}
		found = s.Root
	}
	return found
}

// Membership is where linking puts an event: the root of its cluster (a handle the stores
// keep), the cluster's public id (the least uid of its members, or of its events when it has
// no member), and whether the event is a mention rather than a member.
type Membership struct {
	Root, Cluster string
	Mention       bool
}

// Clusters links a set of events from scratch: the same clusters as linking them one by one
// in any order. The roots are the least key id of each cluster; stores that link
// incrementally may hold other roots, but the public ids are the same.
func Clusters(evs []Event) map[string]Membership {
	out := make(map[string]Membership, len(evs))
	keys := map[string]*node{}
	var keyOf []string // by event
	for _, e := range evs {
		id := ""
		if Keyed(e) {
			k := KeyOf(e)
			id = k.ID()
			n := keys[id]
			if n == nil {
				n, _ = newNode(Stored{Key: k})
				keys[id] = n
			}
			n.n++
			if n.first == "" || e.ID < n.first {
				n.first = e.ID
			}
		}
		keyOf = append(keyOf, id)
	}
	// Dyads, each with its day-precise keys and its mentions.
	type dyad struct{ typ, a, b string }
	precise, mentions := map[dyad][]*node{}, map[dyad][]*node{}
	for _, n := range keys {
		d := dyad{n.Type, n.Source, n.Target}
		if n.Day() {
			precise[d] = append(precise[d], n)
		} else {
			mentions[d] = append(mentions[d], n)
		}
	}
	cluster := map[string]string{} // root -> public id
	for _, ns := range precise {
		ds := days{}
		ds.add(ns)
		u := unionFind{}
		for d, gs := range ds {
			for _, g := range gs {
				for _, h := range ds[d+1] {
					if ds.joins(g, h) {
						u.union(g, h)
					}
				}
			}
		}
		for _, c := range u.clusters(ds) {
			root, first := "", ""
			for _, n := range c {
				if root == "" || n.id < root {
					root = n.id
				}
				if first == "" || n.first < first {
					first = n.first
				}
			}
			for _, n := range c {
				n.root = root
			}
			cluster[root] = first
		}
	}
	for d, ms := range mentions {
		var stored []Stored
		for _, n := range precise[d] {
			stored = append(stored, Stored{Key: n.Key, First: n.first, N: n.n, Root: n.root})
		}
		for _, m := range ms {
			if m.root = Point(m.Key, stored); m.root == "" {
				m.root = m.id
				cluster[m.id] = m.first
			}
		}
	}
	for i, e := range evs {
		id := keyOf[i]
		if id == "" {
			out[e.ID] = Membership{Root: e.ID, Cluster: e.ID, Mention: true}
			continue
		}
		n := keys[id]
		out[e.ID] = Membership{Root: n.root, Cluster: cluster[n.root], Mention: !n.Day()}
	}
	return out
}
