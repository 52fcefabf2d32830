package link

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// MaxMentionDays bounds the dates of a mention that may point at a cluster: a mention dated by
// a longer interval dates no act, and the bound keeps the search for the mentions a new key
// may concern to a year of them.
const MaxMentionDays = 366

// KeyStore keeps the keys of linked events for a Linker, inside a store's transaction. Dates
// are ISO days; a key's dates are the first and last day its date can mean (Span). Every
// method sees what the Linker has added and changed before it.
type KeyStore interface {
	// Key returns the stored key with an id, if there is one.
	Key(ctx context.Context, id string) (Stored, bool, error)
	// Days returns the day-precise keys of a dyad (the type, source and target of k) dated from
	// lo to hi.
	Days(ctx context.Context, k Key, lo, hi string) ([]Stored, error)
	// Acts returns at most limit day-precise keys of a dyad and act (Key.Act) dated from lo to hi.
	Acts(ctx context.Context, k Key, act, lo, hi string, limit int) ([]Stored, error)
	// Mentions returns the mentions of a dyad and act, not crowded, whose dates begin from lo
	// to day and end on day or later.
	Mentions(ctx context.Context, k Key, act, lo, day string) ([]Stored, error)
	// Add stores a new key.
	Add(ctx context.Context, s Stored) error
	// SetRoot gives a stored key another root.
	SetRoot(ctx context.Context, id, root string) error
	// Crowd marks a stored mention crowded (see Stored).
	Crowd(ctx context.Context, id string) error
}

// Placement is where linking puts an event: the root of its cluster, its key ("" for an
// event that stays alone), and whether it is a mention.
type Placement struct {
	Root, Key string
	Mention   bool
}

// Move says that the stored events of a key move from one cluster root to another.
type Move struct{ Key, From, To string }

// Count says that a batch added events to a key: how many, and the least uid among them.
type Count struct {
	Key   string
	Added int
	First string
}

// Linked is what a batch of linking leaves the store to write: where each new event goes,
// the stored events that move, the keys that gained events, and the roots whose cluster's
// public id and size may have changed.
type Linked struct {
	Events map[string]Placement
	Moves  []Move
	Counts []Count
	Roots  []string
}

// entry is a key as a Linker holds it during a batch.
type entry struct {
	Stored
	id      string
	pending bool   // a new key, stored once it has its root
	stored  bool   // the key was stored before the batch
	orig    string // its root before the batch
	added   int
	first   string // the least uid the batch added
}

func (en *entry) current() Stored {
	s := en.Stored
	s.N += en.added
	if s.First == "" || en.first != "" && en.first < s.First {
		s.First = en.first
	}
	return s
}

// Linker links the events of one batch into the clusters a KeyStore keeps, one event at a
// time: a new day-precise key regroups the days around it (Regroup) and points again the
// mentions those days concern; a new mention points (Point). The clusters are those that
// Clusters gives for all the events stored, whatever the order and the batches.
type Linker struct {
	ks      KeyStore
	keys    map[string]*entry
	events  map[string]string // uid -> key id, "" alone
	order   []string
	touched map[string]bool
}

// NewLinker returns a Linker for one batch over ks.
func NewLinker(ks KeyStore) *Linker {
	return &Linker{ks: ks, keys: map[string]*entry{}, events: map[string]string{}, touched: map[string]bool{}}
}

// entryOf returns the batch's entry for a stored key, made from s when the batch has none.
func (l *Linker) entryOf(s Stored) *entry {
	id := s.Key.ID()
	if en, ok := l.keys[id]; ok {
		return en
	}
	en := &entry{Stored: s, id: id, stored: true, orig: s.Root}
	l.keys[id] = en
	return en
}

// fresh overlays what the batch knows on keys read from the store.
func (l *Linker) fresh(ss []Stored) []Stored {
	out := make([]Stored, len(ss))
	for i, s := range ss {
		out[i] = l.entryOf(s).current()
	}
	return out
}

// setRoot gives a key its root; a new key is stored then, with it.
func (l *Linker) setRoot(ctx context.Context, en *entry, root string) error {
	if en.Root == root && !en.pending {
		return nil
	}
	if en.Root != "" {
		l.touched[en.Root] = true
	}
	l.touched[root] = true
	en.Root = root
	if en.pending {
		// The key is stored with the events it has so far; the batch counts only those after.
		en.pending = false
		en.Stored = en.current()
		en.added, en.first = 0, ""
		return l.ks.Add(ctx, en.Stored)
	}
	return l.ks.SetRoot(ctx, en.id, root)
}

// Add links one event.
func (l *Linker) Add(ctx context.Context, e Event) error {
	if _, dup := l.events[e.ID]; dup {
		return fmt.Errorf("event %s linked twice", e.ID)
	}
	l.order = append(l.order, e.ID)
	if !Keyed(e) {
		l.events[e.ID] = ""
		return nil
	}
	k := KeyOf(e)
	id := k.ID()
	l.events[e.ID] = id
	en, ok := l.keys[id]
	if !ok {
		s, found, err := l.ks.Key(ctx, id)
		if err != nil {
			return err
		}
		if found {
			en = l.entryOf(s)
		}
	}
	if en != nil {
		en.added++
		if en.first == "" || e.ID < en.first {
			en.first = e.ID
		}
		l.touched[en.Root] = true
		return nil
	}
	en = &entry{Stored: Stored{Key: k, First: e.ID}, id: id, pending: true, added: 1, first: e.ID}
	l.keys[id] = en
	if k.Day() {
		return l.regroup(ctx, en)
	}
	return l.point(ctx, en)
}

// regroup relinks the days around a new day-precise key, then points again the mentions that
// the keys whose root changed concern.
func (l *Linker) regroup(ctx context.Context, en *entry) error {
	day, _ := time.Parse(time.DateOnly, en.Key.Date)
	ss, err := l.ks.Days(ctx, en.Key, day.AddDate(0, 0, -Reach).Format(time.DateOnly), day.AddDate(0, 0, Reach).Format(time.DateOnly))
	if err != nil {
		return err
	}
	changes := Regroup(en.Key.Date, append(l.fresh(ss), en.current()))
	ids := make([]string, 0, len(changes))
	for id := range changes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		c, ok := l.keys[id]
		if !ok {
			return fmt.Errorf("regroup: key %s was not read", id)
		}
		if err := l.setRoot(ctx, c, changes[id]); err != nil {
			return err
		}
	}
	if en.pending {
		return fmt.Errorf("regroup: the new key %s got no root", en.id)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		c := l.keys[id]
		d, _ := time.Parse(time.DateOnly, c.Key.Date)
		ms, err := l.ks.Mentions(ctx, c.Key, c.Key.Act(), d.AddDate(0, 0, -MaxMentionDays).Format(time.DateOnly), c.Key.Date)
		if err != nil {
			return err
		}
		for _, m := range ms {
			me := l.entryOf(m)
			if !seen[me.id] {
				seen[me.id] = true
				if err := l.point(ctx, me); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// point points a mention at the one cluster it fits, or at a cluster of its own.
func (l *Linker) point(ctx context.Context, m *entry) error {
	root := ""
	if lo, hi, ok := Span(m.Key.Date); ok && !m.Crowded {
		ss, err := l.ks.Acts(ctx, m.Key, m.Key.Act(), lo, hi, MaxPointed+1)
		if err != nil {
			return err
		}
		if len(ss) > MaxPointed && !m.Crowded {
			m.Crowded = true
			if !m.pending {
				if err := l.ks.Crowd(ctx, m.id); err != nil {
					return err
				}
			}
		}
		root = Point(m.Key, l.fresh(ss))
	}
	if root == "" {
		root = m.id
	}
	return l.setRoot(ctx, m, root)
}

// Result returns what the batch leaves the store to write.
func (l *Linker) Result() Linked {
	out := Linked{Events: make(map[string]Placement, len(l.events))}
	for _, uid := range l.order {
		id := l.events[uid]
		if id == "" {
			out.Events[uid] = Placement{Root: uid, Mention: true}
			l.touched[uid] = true
			continue
		}
		en := l.keys[id]
		out.Events[uid] = Placement{Root: en.Root, Key: id, Mention: !en.Key.Day()}
	}
	ids := make([]string, 0, len(l.keys))
	for id := range l.keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		en := l.keys[id]
		if en.added > 0 {
			out.Counts = append(out.Counts, Count{Key: id, Added: en.added, First: en.first})
			l.touched[en.Root] = true
		}
		if en.stored && en.orig != en.Root {
			out.Moves = append(out.Moves, Move{Key: id, From: en.orig, To: en.Root})
		}
	}
	for r := range l.touched {
		if r != "" {
			out.Roots = append(out.Roots, r)
		}
	}
	sort.Strings(out.Roots)
	return out
}

// Relink links a dyad's events from scratch, as reprocessing does: its keys with their
// roots, and where each event goes.
func Relink(evs []Event) ([]Stored, map[string]Placement) {
	ms := Clusters(evs)
	keys := map[string]*Stored{}
	// The days of the day-precise keys, by dyad and act.
	act := func(k Key) Key { return Key{Type: k.Type, Source: k.Source, Target: k.Target, Stem: k.Act()} }
	acts := map[Key][]time.Time{}
	seen := map[string]bool{}
	for _, e := range evs {
		if k := KeyOf(e); Keyed(e) && k.Day() && !seen[k.ID()] {
			seen[k.ID()] = true
			d, _, _ := span(k.Date)
			acts[act(k)] = append(acts[act(k)], d)
		}
	}
	out := make(map[string]Placement, len(evs))
	for _, e := range evs {
		m := ms[e.ID]
		if !Keyed(e) {
			out[e.ID] = Placement{Root: e.ID, Mention: true}
			continue
		}
		k := KeyOf(e)
		id := k.ID()
		s := keys[id]
		if s == nil {
			s = &Stored{Key: k, First: e.ID, Root: m.Root}
			if lo, hi, _ := span(k.Date); !k.Day() {
				n := 0
				for _, d := range acts[act(k)] {
					if !d.Before(lo) && !d.After(hi) {
						n++
					}
				}
				s.Crowded = n > MaxPointed
			}
			keys[id] = s
		}
		s.N++
		s.First = min(s.First, e.ID)
		out[e.ID] = Placement{Root: m.Root, Key: id, Mention: m.Mention}
	}
	list := make([]Stored, 0, len(keys))
	for _, s := range keys {
		list = append(list, *s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Key.ID() < list[j].Key.ID() })
	return list, out
}
