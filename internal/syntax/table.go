package syntax

import "math/bits"

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
	cls     []uint8  // the rows: classes...
	ws      []int16  // ...and their weights
	keys    []uint64 // the features' keys in the order they were added, so that Write can list them
}

// A slot is fp<<40 | n<<32 | v: a 24-bit fingerprint of the feature (never 0, so an empty
// slot is 0), its number of pairs n, and either the pair itself (n == 1: class<<16 | uint16
// weight) or the offset of its row in cls and ws.
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
	for {
		t := newTable(classes, scale, len(entries))
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
	rows := len(t.cls)
	var v uint64
	if n := uint64(len(pairs)); n == 1 {
		v = n<<32 | uint64(pairs[0])
	} else {
		v = n<<32 | uint64(rows)
		for _, p := range pairs {
			t.cls = append(t.cls, uint8(p>>16))
			t.ws = append(t.ws, int16(p))
		}
	}
	if !t.ix.put(key, v) {
		t.cls, t.ws = t.cls[:rows], t.ws[:rows]
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
	for j := int(v); j < int(v)+n; j++ {
		out = append(out, pack(int(t.cls[j]), t.ws[j]))
	}
	return out
}

// scores adds every feature's weights into out (len = classes), which it zeroes first.
//
// The work is staged so that loads from memory do not wait on one another: first every
// feature's home slot is loaded, with no branch on what was loaded; then the slots are
// checked (probing further where needed); then the rows are added. Weights are summed as
// integers into four interleaved accumulators, so that the additions to one class from
// successive features do not form one long chain.
func (t *table) scores(feats []uint64, out []float32) {
	const chunk = 128
	var acc [4][256]int32
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
		for i, s := range slots[:nf] {
			a := &acc[i&3]
			n := int(s>>32) & 0xff
			v := uint32(s)
			if n == 1 {
				a[uint8(v>>16)] += int32(int16(v))
				continue
			}
			cls, ws := t.cls[v:int(v)+n], t.ws[v:int(v)+n]
			for j, c := range cls {
				a[c] += int32(ws[j])
			}
		}
	}
	for c := range out {
		out[c] = float32(acc[0][c] + acc[1][c] + acc[2][c] + acc[3][c])
	}
}
