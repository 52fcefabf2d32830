package syntax

import (
	"math"
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

// scorer is what the tagger and parser need of a model, trained or frozen.
type scorer interface {
	scores(feats []uint64, out []float32)
}
