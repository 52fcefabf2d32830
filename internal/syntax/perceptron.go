package syntax

import (
	"math"
	"math/bits"
	"sort"
)

// Features are hashed to uint64 without building strings: a template number and up to three
// values (word ids, tags, labels, distances) are mixed with the splitmix64 finalizer.

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func f1(t, a uint64) uint64       { return mix(t*0x9e3779b97f4a7c15 ^ a) }
func f2(t, a, b uint64) uint64    { return mix(f1(t, a) ^ b*0xc2b2ae3d27d4eb4f) }
func f3(t, a, b, c uint64) uint64 { return mix(f2(t, a, b) ^ c*0x165667b19e3779f9) }

// hashString is FNV-1a, for interning a word once per sentence.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h | 1 // never 0, which marks "no word"
}

// weight is one class's weight for one feature during training, with the sum needed for
// averaging: the averaged weight is w - acc/t (the trick of Daumé, 2006).
type weight struct {
	class int32
	w     float32
	acc   float64
}

// trainer is a sparse multiclass averaged perceptron: each feature keeps the classes it was
// ever updated for.
type trainer struct {
	classes int
	index   map[uint64]int32
	rows    [][]weight
	t       float64 // number of instances seen, the averaging clock
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, index: map[uint64]int32{}}
}

// scores adds every feature's weights into out (len = classes), which it zeroes first.
func (p *trainer) scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			continue
		}
		for _, w := range p.rows[r] {
			out[w.class] += w.w
		}
	}
}

// update moves weights toward class good and away from class bad, by one.
func (p *trainer) update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.rows))
			p.index[f] = r
			p.rows = append(p.rows, nil)
		}
		p.rows[r] = bump(p.rows[r], good, 1, p.t)
		p.rows[r] = bump(p.rows[r], bad, -1, p.t)
	}
}

func bump(row []weight, class int, d float32, t float64) []weight {
	for i := range row {
		if int(row[i].class) == class {
			row[i].w += d
			row[i].acc += t * float64(d)
			return row
		}
	}
	return append(row, weight{class: int32(class), w: d, acc: t * float64(d)})
}

// tick advances the averaging clock by one instance.
func (p *trainer) tick() { p.t++ }

// table is a frozen, averaged, pruned model: an open-addressing hash table from feature to
// its (class, weight) pairs. A pair is packed in a uint32 (class << 16 | int16 weight); up to
// inlinePairs pairs sit in the feature's 32-byte slot itself, so that most lookups cost one
// cache line. It is read-only and safe for concurrent use.
type table struct {
	classes  int
	scale    float32 // the quantization step of the weights
	size     uint64
	slots    []slot
	overflow []uint32 // the pairs of features with more than inlinePairs
	features int
}

const inlinePairs = 5

type slot struct {
	key   uint64 // 0 for an empty slot
	n     uint32 // number of pairs
	pairs [inlinePairs]uint32
	// With more than inlinePairs pairs, pairs[0] is their offset in overflow.
}

// entry is one feature of a frozen model, before it is put into a table.
type entry struct {
	key   uint64
	pairs []uint32
}

func pack(class int, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

// freeze averages the weights, drops those whose averaged magnitude is under minWeight, and
// quantizes what is left to int16 with the returned scale. Entries are sorted by key.
func (p *trainer) freeze(minWeight float64) (entries []entry, scale float32) {
	maxAbs := 0.0
	avg := func(w weight) float64 { return float64(w.w) - w.acc/math.Max(p.t, 1) }
	for _, row := range p.rows {
		for _, w := range row {
			maxAbs = math.Max(maxAbs, math.Abs(avg(w)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale = float32(maxAbs / 32767)
	for key, r := range p.index {
		e := entry{key: key}
		row := append([]weight(nil), p.rows[r]...)
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		for _, w := range row {
			a := avg(w)
			if math.Abs(a) < minWeight {
				continue
			}
			q := math.Round(a / float64(scale))
			if q == 0 {
				continue
			}
			e.pairs = append(e.pairs, pack(int(w.class), int16(q)))
		}
		if len(e.pairs) > 0 && key != 0 {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	return entries, scale
}

// newTable makes an empty table for n features, at a load of at most 70%.
func newTable(classes, n int, scale float32) *table {
	size := uint64(n)*10/7 + 1
	return &table{classes: classes, scale: scale, size: size, slots: make([]slot, size)}
}

// home is the first slot to probe for a key.
func (t *table) home(key uint64) uint64 {
	hi, _ := bits.Mul64(key, t.size)
	return hi
}

// add puts a feature into the table; it reports false when the key is already there.
func (t *table) add(key uint64, pairs []uint32) bool {
	i := t.home(key)
	for t.slots[i].key != 0 {
		if t.slots[i].key == key {
			return false
		}
		if i++; i == t.size {
			i = 0
		}
	}
	s := &t.slots[i]
	s.key = key
	s.n = uint32(len(pairs))
	if len(pairs) <= inlinePairs {
		copy(s.pairs[:], pairs)
	} else {
		s.pairs[0] = uint32(len(t.overflow))
		t.overflow = append(t.overflow, pairs...)
	}
	t.features++
	return true
}

// pairsOf returns the pairs of slot s.
func (t *table) pairsOf(s *slot) []uint32 {
	if s.n <= inlinePairs {
		return s.pairs[:s.n]
	}
	return t.overflow[s.pairs[0] : s.pairs[0]+s.n]
}

// tableOf builds the table of frozen entries.
func tableOf(classes int, entries []entry, scale float32) *table {
	t := newTable(classes, len(entries), scale)
	for _, e := range entries {
		t.add(e.key, e.pairs)
	}
	return t
}

// scores adds every feature's weights into out (len = classes), which it zeroes first.
func (t *table) scores(feats []uint64, out []float32) {
	clear(out)
	// Touch every feature's home slot first: the loads do not depend on each other, so the
	// processor fetches the cache lines in parallel instead of waiting for one at a time.
	var touch uint64
	for _, f := range feats {
		touch += t.slots[t.home(f)].key
	}
	if touch == 1 { // never in practice; keeps the loads from being optimized away
		out[0] += 0
	}
	for _, f := range feats {
		i := t.home(f)
		for {
			s := &t.slots[i]
			if s.key == f {
				for _, p := range t.pairsOf(s) {
					out[p>>16] += float32(int16(p))
				}
				break
			}
			if s.key == 0 {
				break
			}
			if i++; i == t.size {
				i = 0
			}
		}
	}
}

// scorer is what the tagger and parser need of a model, trained or frozen.
type scorer interface {
	scores(feats []uint64, out []float32)
}
