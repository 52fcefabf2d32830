package syntax

import (
	"math/bits"
	"slices"
)

// table is a frozen model: for each feature, the classes it has a weight for and the
// weights, quantized to int16. It is read-only and safe for concurrent use.
//
// A feature costs one 8-byte slot of an open-addressing index (a fingerprint of its key and
// its one pair, or where to find its row of pairs), so that four slots share a cache line
// where the earlier 32-byte slots shared none. scores loads every feature's slot before it
// uses any, so that the cache misses of one configuration overlap.
type table struct {
	classes int
	scale   float32 // the quantization step of the weights
	ix      index
	rows    []uint32 // the rows: pairs class<<16 | uint16(weight), side by side so that a row is one run of memory
	keys    []uint64 // the features' keys in the order they were added, so that Write can list them
}

// A slot is fp<<40 | n<<32 | v: a 24-bit fingerprint of the feature (never 0, so an empty
// slot is 0), its number of pairs n, and either the pair itself (n == 1: class<<16 | uint16
// weight) or the offset of its row in rows.
const (
	fpBits  = 24
	fpShift = 40
	fpMask  = (1<<fpBits - 1) << fpShift
)

func fingerprint(key uint64) uint64 {
	if fp := key & (1<<fpBits - 1); fp != 0 {
		return fp << fpShift
	}
	return 1 << fpShift
}

// index is an open-addressing hash table of slots with linear probing, at most 70% full.
type index struct {
	slots []uint64
}

func newIndex(n int) index {
	return index{slots: make([]uint64, n*10/7+1)}
}

func (ix *index) home(key uint64) int {
	hi, _ := bits.Mul64(key, uint64(len(ix.slots)))
	return int(hi)
}

// find returns the slot of key, or 0. Two keys with the same fingerprint on one probe path
// are never both stored (put refuses the second), so the first match is the key's own.
func (ix *index) find(key uint64) uint64 {
	fp := fingerprint(key)
	i := ix.home(key)
	for {
		s := ix.slots[i]
		if s == 0 || s&fpMask == fp {
			return s
		}
		if i++; i == len(ix.slots) {
			i = 0
		}
	}
}

// put stores v (n<<32 | value) for key. It reports false, storing nothing, when a feature
// with the same fingerprint is on the key's probe path, where the two could not be told apart.
func (ix *index) put(key, v uint64) bool {
	fp := fingerprint(key)
	i := ix.home(key)
	for ix.slots[i] != 0 {
		if ix.slots[i]&fpMask == fp {
			return false
		}
		if i++; i == len(ix.slots) {
			i = 0
		}
	}
	ix.slots[i] = fp | v
	return true
}

// newTable makes an empty table for n features.
func newTable(classes int, scale float32, n int) *table {
	return &table{classes: classes, scale: scale, ix: newIndex(n)}
}

// tableOf builds the table of frozen entries (sorted by key, as freeze gives them). A feature
// that cannot be told apart from an earlier one (see index.put) is dropped, which happens to
// about one feature in ten million; the table is then built again without it, so that Read,
// which sizes the index by the features written, builds the same table. It returns the table
// and the number of features dropped.
func tableOf(classes int, entries []entry, scale float32) (*table, int) {
	dropped := 0
	rows := 0
	for _, e := range entries {
		if len(e.pairs) > 1 {
			rows += len(e.pairs)
		}
	}
	for {
		t := newTable(classes, scale, len(entries))
		t.rows, t.keys = make([]uint32, 0, rows), make([]uint64, 0, len(entries))
		kept := entries[:0:0]
		for _, e := range entries {
			if t.add(e.key, e.pairs) {
				kept = append(kept, e)
			}
		}
		if len(kept) == len(entries) {
			return t, dropped
		}
		dropped += len(entries) - len(kept)
		entries = kept
	}
}

// add puts a feature into the table. It reports false, adding nothing, when the feature
// cannot be told apart from one already there (see index.put).
func (t *table) add(key uint64, pairs []uint32) bool {
	rows := len(t.rows)
	var v uint64
	if n := uint64(len(pairs)); n == 1 {
		v = n<<32 | uint64(pairs[0])
	} else {
		v = n<<32 | uint64(rows)
		t.rows = append(t.rows, pairs...)
	}
	if !t.ix.put(key, v) {
		t.rows = t.rows[:rows]
		return false
	}
	t.keys = append(t.keys, key)
	return true
}

// pairs appends the pairs of feature key to out.
func (t *table) pairs(key uint64, out []uint32) []uint32 {
	s := t.ix.find(key)
	if s == 0 {
		return out
	}
	n, v := int(s>>32)&0xff, uint32(s)
	if n == 1 {
		return append(out, v)
	}
	return append(out, t.rows[v:int(v)+n]...)
}

// scores adds every feature's weights into out (len = classes), which it zeroes first.
func (t *table) scores(feats []uint64, out []float32) {
	var acc [4][256]int32
	t.accumulate(feats, &acc)
	for c := range out {
		out[c] = float32(acc[0][c] + acc[1][c] + acc[2][c] + acc[3][c])
	}
}

// accumulate adds every feature's weights into acc.
//
// The work is staged so that loads from memory do not wait on one another: first every
// feature's home slot is loaded, with no branch on what was loaded; then the slots are
// checked (probing further where needed); then the rows are added. Weights are summed as
// integers into four interleaved accumulators, so that the additions to one class from
// successive features do not form one long chain.
//
// It returns a sum of the rows' first pairs, read only so that the first pass's loads are
// not dropped as dead code; callers ignore it.
func (t *table) accumulate(feats []uint64, acc *[4][256]int32) (touched uint32) {
	const chunk = 128
	var slots [chunk]uint64
	for len(feats) > 0 {
		fs := feats[:min(len(feats), chunk)]
		feats = feats[len(fs):]
		for i, f := range fs {
			slots[i] = t.ix.slots[t.ix.home(f)]
		}
		nf := 0
		for i, f := range fs {
			s := slots[i]
			if s != 0 && s&fpMask != fingerprint(f) {
				s = t.ix.find(f)
			}
			if s != 0 {
				slots[nf] = s
				nf++
			}
		}
		// Touch the first pair of every row before adding any, so that the rows' cache
		// misses overlap instead of coming one after another.
		var touch uint32
		for _, s := range slots[:nf] {
			if s>>32&0xff > 1 {
				touch += t.rows[uint32(s)]
			}
		}
		touched += touch
		for i, s := range slots[:nf] {
			a := &acc[i&3]
			n := int(s>>32) & 0xff
			v := uint32(s)
			if n == 1 {
				a[uint8(v>>16)] += int32(int16(v))
				continue
			}
			// Rows average a dozen pairs: unrolled, the loop's own bookkeeping costs less
			// than the additions.
			row := t.rows[v : int(v)+n]
			j := 0
			for ; j+4 <= len(row); j += 4 {
				r := row[j : j+4 : j+4]
				a[uint8(r[0]>>16)] += int32(int16(r[0]))
				a[uint8(r[1]>>16)] += int32(int16(r[1]))
				a[uint8(r[2]>>16)] += int32(int16(r[2]))
				a[uint8(r[3]>>16)] += int32(int16(r[3]))
			}
			for ; j < len(row); j++ {
				a[uint8(row[j]>>16)] += int32(int16(row[j]))
			}
		}
	}
	return touched
}

// A memo remembers the summed weights of groups of features, so that a group whose features
// are all the same as in an earlier configuration costs one addition per class instead of a
// lookup per feature and one addition per weight. The parser's groups hold the features that
// see only tags and labels around one position (s0 and its children, say), which recur
// within a sentence and across sentences and hold most of the weights, and the words of the
// buffer, which stay while the stack is reduced. Sums are exact integers, so scores with a
// memo are the same as without, bit for bit. A memo is working memory for one goroutine.
type memo struct {
	groups       []memoGroup
	hits, misses int // groups found and summed afresh, for tests and tuning
	// acc and ga are scoresMemo's accumulators, kept here so that each call clears only the
	// classes it uses instead of zeroing two arrays of 256.
	acc, ga [4][256]int32
}

// memoGroup is a direct-mapped cache for the features feats[lo:hi] of every configuration.
type memoGroup struct {
	lo, hi int
	full   []bool   // entry e is in use
	keys   []uint64 // entry e's features: keys[e*(hi-lo):]
	sums   []int32  // and their summed weights: sums[e*classes:]
}

// memoBits is log2 of the number of entries of a group's cache: enough for the tag patterns
// of most configurations, few enough that the four groups' caches take about 2 MB.
const memoBits = 10

// newMemo makes a memo for the groups of features ending at the given positions: the first
// group is feats[0:ends[0]], the next feats[ends[0]:ends[1]], and so on.
func newMemo(classes int, ends ...int) *memo {
	m := &memo{}
	lo := 0
	for _, hi := range ends {
		m.groups = append(m.groups, memoGroup{
			lo: lo, hi: hi,
			full: make([]bool, 1<<memoBits),
			keys: make([]uint64, (hi-lo)<<memoBits),
			sums: make([]int32, classes<<memoBits),
		})
		lo = hi
	}
	return m
}

// scoresMemo is scores with the groups' sums taken from m where it has them.
func (t *table) scoresMemo(feats []uint64, m *memo, out []float32) {
	// The groups' sums go into the accumulators too: the sums are exact integers, so the
	// order of the additions does not matter.
	acc := &m.acc
	for k := range acc {
		clear(acc[k][:t.classes])
	}
	rest := 0
	for gi := range m.groups {
		g := &m.groups[gi]
		fs := feats[g.lo:g.hi]
		h := uint64(0)
		for _, f := range fs {
			h = (h ^ f) * 0x9e3779b97f4a7c15
		}
		e := int(h >> (64 - memoBits))
		keys := g.keys[e*len(fs) : (e+1)*len(fs)]
		sums := g.sums[e*t.classes : (e+1)*t.classes]
		if g.full[e] && slices.Equal(keys, fs) {
			m.hits++
		} else {
			ga := &m.ga
			for k := range ga {
				clear(ga[k][:t.classes])
			}
			t.accumulate(fs, ga)
			for c := range sums {
				sums[c] = ga[0][c] + ga[1][c] + ga[2][c] + ga[3][c]
			}
			copy(keys, fs)
			g.full[e] = true
			m.misses++
		}
		addSums(&acc[gi&3], sums)
		rest = g.hi
	}
	t.accumulate(feats[rest:], acc)
	for c := range out {
		out[c] = float32(acc[0][c] + acc[1][c] + acc[2][c] + acc[3][c])
	}
}

// addSums adds sums (at most 256 classes) to a, unrolled as addRow is.
func addSums(a *[256]int32, sums []int32) {
	d := a[:len(sums)]
	for len(sums) >= 4 && len(d) >= 4 {
		d[0] += sums[0]
		d[1] += sums[1]
		d[2] += sums[2]
		d[3] += sums[3]
		d, sums = d[4:], sums[4:]
	}
	for c := range sums {
		d[c] += sums[c]
	}
}
