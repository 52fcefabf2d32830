package syntax

import (
	"bufio"
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"
)

// Model tags, lemmatizes and parses sentences. It is immutable and safe for concurrent use.
type Model struct {
	// Info describes the model: what it was trained on and how it scored.
	Info string

	tg *tagger
	lm *lemmatizer
	ps *parser

	pool sync.Pool
}

// scratch is the per-call working memory, pooled so that parsing allocates little.
type scratch struct {
	info    []wordInfo
	tags    []int
	feats   []uint64
	tscores []float32
	pscores []float32
	st      pstate
	pw      pwords
	memo    *memo // the parser's, made on first use
}

func (m *Model) scratch() *scratch {
	if x, ok := m.pool.Get().(*scratch); ok {
		return x
	}
	return &scratch{tscores: make([]float32, len(m.tg.classes.upos)), pscores: make([]float32, m.ps.outputs())}
}

// Tag sets the UPOS, XPOS, Lemma and Feats of every token from its Form.
func (m *Model) Tag(s *Sentence) {
	x := m.scratch()
	m.tag(s, x)
	m.pool.Put(x)
}

func (m *Model) tag(s *Sentence, x *scratch) {
	x.info = infos(s.Tokens, x.info)
	x.tags, x.feats = m.tg.tag(x.info, x.tags, x.feats, x.tscores)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		c := x.tags[i]
		t.UPOS, t.XPOS = m.tg.classes.upos[c], m.tg.classes.xpos[c]
		t.Lemma, t.Feats = m.lm.lemma(t.Form, c, t.UPOS)
	}
}

// Parse tags, lemmatizes and parses s in place: it sets every token's UPOS, XPOS, Lemma,
// Feats, Head and Rel, and keeps Form, offsets and SpaceAfter. The result is always a tree
// (Valid). Time and memory are linear in the number of tokens.
func (m *Model) Parse(s *Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	x := m.scratch()
	m.parse(s, x)
	m.pool.Put(x)
}

// parse is Parse with working memory x, which keeps the classes (x.tags) and labels
// (x.st.labels) it chose until x is used again.
func (m *Model) parse(s *Sentence, x *scratch) {
	m.tag(s, x)
	x.pw.fill(x.info, x.tags, m.tg.classes.coarse)
	n := len(s.Tokens)
	if x.memo == nil {
		x.memo = m.ps.newMemo()
	}
	x.feats = m.ps.parse(&x.st, &x.pw, n, x.feats, x.pscores, x.memo)
	for i := range s.Tokens {
		h := int(x.st.heads[i])
		if h == n {
			h = -1
		}
		s.Tokens[i].Head = h
		s.Tokens[i].Rel = m.ps.labels[x.st.labels[i]]
	}
}

// ParseText tokenizes one sentence of text and parses it; offsets are code points from the
// start of text.
func (m *Model) ParseText(text string) *Sentence {
	s := &Sentence{Tokens: Tokenize(text)}
	m.Parse(s)
	return s
}

//go:embed model/ewt.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model trained on the UD English Web Treebank that is embedded in the
// binary. It is decoded on the first call only; later calls return the same model.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Read(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded syntax model: %w", defaultErr)
			return
		}
		defaultModel.addNouns(domainNouns)
	})
	return defaultModel, defaultErr
}

// The model file: a magic line, then a flate-compressed stream of varints and strings.
const magic = "alboran-syntax-model 2\n"

// ErrModel marks a model file that cannot be read.
var ErrModel = errors.New("bad syntax model file")

// Write writes the model in its compact binary form.
func (m *Model) Write(w io.Writer) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fw, err := flate.NewWriter(w, flate.BestCompression)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	e := &enc{w: bufio.NewWriterSize(fw, 1<<16)}
	e.str(m.Info)
	// Tagger.
	e.uint(uint64(len(m.tg.classes.upos)))
	for i := range m.tg.classes.upos {
		e.str(m.tg.classes.upos[i])
		e.str(m.tg.classes.xpos[i])
	}
	keys := make([]uint64, 0, len(m.tg.dict))
	for k := range m.tg.dict {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.u64(k)
		e.uint(uint64(m.tg.dict[k]))
	}
	e.table(m.tg.model.(*table))
	// Lemmatizer.
	lk := make([]lemmaKey, 0, len(m.lm.table))
	for k := range m.lm.table {
		lk = append(lk, k)
	}
	sort.Slice(lk, func(i, j int) bool {
		if lk[i].form != lk[j].form {
			return lk[i].form < lk[j].form
		}
		return lk[i].class < lk[j].class
	})
	e.uint(uint64(len(lk)))
	for _, k := range lk {
		v := m.lm.table[k]
		e.str(k.form)
		e.uint(uint64(k.class))
		e.str(v.lemma)
		e.str(v.feats)
	}
	rk := make([]ruleKey, 0, len(m.lm.rules))
	for k := range m.lm.rules {
		rk = append(rk, k)
	}
	sort.Slice(rk, func(i, j int) bool {
		if rk[i].class != rk[j].class {
			return rk[i].class < rk[j].class
		}
		return rk[i].suffix < rk[j].suffix
	})
	e.uint(uint64(len(rk)))
	for _, k := range rk {
		r := m.lm.rules[k]
		e.uint(uint64(k.class))
		e.str(k.suffix)
		e.uint(uint64(r.strip))
		e.str(r.add)
	}
	e.uint(uint64(len(m.lm.feats)))
	for _, f := range m.lm.feats {
		e.str(f)
	}
	// Parser.
	e.uint(uint64(len(m.ps.labels)))
	for _, l := range m.ps.labels {
		e.str(l)
	}
	e.uint(uint64(m.ps.root))
	e.table(m.ps.model.(*table))
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = fw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("write model: %w", e.err)
	}
	return nil
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: not an alboran syntax model (train one with 'alboran train-syntax')", ErrModel)
	}
	d := &dec{r: bufio.NewReaderSize(flate.NewReader(r), 1<<16)}
	m := &Model{}
	m.Info = d.str()
	nc := d.count(256)
	tg := &tagger{dict: map[uint64]int{}}
	for range nc {
		tg.classes.upos = append(tg.classes.upos, d.str())
		tg.classes.xpos = append(tg.classes.xpos, d.str())
	}
	for range d.count(1 << 24) {
		k := d.u64()
		c := int(d.uint())
		if c >= nc {
			d.fail("tag class out of range")
		}
		tg.dict[k] = c
	}
	tg.classes.setCoarse()
	tg.model = d.table(nc)
	lm := &lemmatizer{table: map[lemmaKey]lemmaVal{}, rules: map[ruleKey]rule{}}
	for range d.count(1 << 24) {
		form := d.str()
		c := int(d.uint())
		lm.table[lemmaKey{form, c}] = lemmaVal{d.str(), d.str()}
	}
	for range d.count(1 << 24) {
		c := int(d.uint())
		suf := d.str()
		strip := int(d.uint())
		lm.rules[ruleKey{c, suf}] = rule{strip, d.str()}
	}
	for range d.count(256) {
		lm.feats = append(lm.feats, d.str())
	}
	ps := &parser{}
	nl := d.count(128)
	for range nl {
		ps.labels = append(ps.labels, d.str())
	}
	ps.root = int(d.uint())
	ps.model = d.table(1 + 2*nl + 3)
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	if nc == 0 || nl == 0 || ps.root >= nl || len(lm.feats) != nc {
		return nil, fmt.Errorf("%w: inconsistent sizes", ErrModel)
	}
	lm.index(tg.classes.upos)
	m.tg, m.lm, m.ps = tg, lm, ps
	return m, nil
}

type enc struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *enc) uint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], v)])
	}
}

func (e *enc) int(v int64) {
	if e.err == nil {
		_, e.err = e.w.Write(e.buf[:binary.PutVarint(e.buf[:], v)])
	}
}

func (e *enc) u64(v uint64) {
	if e.err == nil {
		binary.LittleEndian.PutUint64(e.buf[:8], v)
		_, e.err = e.w.Write(e.buf[:8])
	}
}

func (e *enc) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// table writes a table: its scale, then its keys sorted, the number of pairs of each, and
// the pairs, each as fixed-width little-endian arrays that Read decodes in bulk.
func (e *enc) table(t *table) {
	keys := append([]uint64(nil), t.keys...)
	slices.Sort(keys)
	var pairs []uint32
	counts := make([]byte, 0, len(keys))
	for _, k := range keys {
		n := len(pairs)
		pairs = t.pairs(k, pairs)
		counts = append(counts, byte(len(pairs)-n))
	}
	e.u64(uint64(math.Float32bits(t.scale)))
	e.uint(uint64(len(keys)))
	e.uint(uint64(len(pairs)))
	b := make([]byte, 0, 8*len(keys))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	e.bytes(b)
	e.bytes(counts)
	b = b[:0]
	for _, p := range pairs {
		b = binary.LittleEndian.AppendUint32(b, p)
	}
	e.bytes(b)
}

func (e *enc) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

type dec struct {
	r   *bufio.Reader
	err error
}

func (d *dec) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
}

func (d *dec) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
	return v
}

func (d *dec) int() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = err
	}
	return v
}

func (d *dec) u64() uint64 {
	var b [8]byte
	if d.err != nil {
		return 0
	}
	if _, err := io.ReadFull(d.r, b[:]); err != nil {
		d.err = err
		return 0
	}
	return binary.LittleEndian.Uint64(b[:])
}

// count reads a count and checks it against a limit, so that a corrupt file cannot make
// Read allocate without bound.
func (d *dec) count(limit int) int {
	n := d.uint()
	if n > uint64(limit) {
		d.fail("count out of range")
		return 0
	}
	return int(n)
}

func (d *dec) str() string {
	n := d.count(1 << 20)
	if d.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
		return ""
	}
	return string(b)
}

// table reads a table written by enc.table.
func (d *dec) table(classes int) *table {
	scale := math.Float32frombits(uint32(d.u64()))
	n := d.count(1 << 26)
	npairs := d.count(1 << 28)
	keys := d.bytes(8 * n)
	counts := d.bytes(n)
	pairs := d.bytes(4 * npairs)
	t := newTable(classes, scale, n)
	if d.err != nil {
		return t
	}
	buf := make([]uint32, 0, 256)
	off := 0
	for i := 0; i < n; i++ {
		k := binary.LittleEndian.Uint64(keys[8*i:])
		c := int(counts[i])
		if k == 0 || c == 0 || c > classes || off+4*c > len(pairs) {
			d.fail("bad feature entry")
			return t
		}
		buf = buf[:0]
		for j := 0; j < c; j++ {
			p := binary.LittleEndian.Uint32(pairs[off+4*j:])
			if int(p>>16) >= classes {
				d.fail("class out of range")
				return t
			}
			buf = append(buf, p)
		}
		off += 4 * c
		if !t.add(k, buf) {
			d.fail("duplicate or indistinct feature key")
			return t
		}
	}
	if off != len(pairs) {
		d.fail("pair count mismatch")
	}
	return t
}

func (d *dec) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
		return nil
	}
	return b
}
