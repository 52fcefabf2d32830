package syntax

import (
	"strings"
	"sync"
)

// A ParseCache remembers the parses of sentences it has seen, so that a sentence met again is
// not parsed again. News archives repeat sentences word for word (wire copy reprinted by many
// outlets, the same paragraph in every update of a story), and parsing is most of the cost of
// extraction. A parse depends only on the model and the forms of the tokens, so a cached
// answer is exactly the one Parse would give: the cache changes speed, never output.
//
// The cache holds at most about its size in sentences: two generations of at most size/2
// each; when the young one is full, the old one is dropped and the young one becomes old, and
// a sentence found in the old one moves to the young one. Each operation costs a map lookup
// and a copy of the sentence's tokens. It is safe for concurrent use.
type ParseCache struct {
	mu       sync.Mutex
	half     int
	young    map[cacheKey][]parsed
	old      map[cacheKey][]parsed
	hits     uint64
	requests uint64
}

type cacheKey struct {
	m     *Model
	forms string
}

// parsed is what Parse sets on a token.
type parsed struct {
	lemma, feats string
	class        uint16 // index into the tagger's classes: UPOS and XPOS
	rel          uint16 // index into the parser's labels
	head         int32
}

// NewParseCache returns a cache of about size sentences (at least 2). A sentence of 25 tokens
// takes about 1.5 KB.
func NewParseCache(size int) *ParseCache {
	half := max(size/2, 1)
	return &ParseCache{half: half, young: make(map[cacheKey][]parsed)}
}

// Stats returns how many parses were asked of the cache and how many it answered.
func (c *ParseCache) Stats() (requests, hits uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests, c.hits
}

// ParseCached is Parse, through cache c when c is not nil.
func (m *Model) ParseCached(s *Sentence, c *ParseCache) {
	if c == nil || len(s.Tokens) == 0 {
		m.Parse(s)
		return
	}
	k := cacheKey{m: m, forms: formsKey(s.Tokens)}
	if p := c.get(k); p != nil && len(p) == len(s.Tokens) {
		for i := range s.Tokens {
			t, q := &s.Tokens[i], &p[i]
			t.Lemma, t.Feats = q.lemma, q.feats
			t.UPOS, t.XPOS = m.tg.classes.upos[q.class], m.tg.classes.xpos[q.class]
			t.Head, t.Rel = int(q.head), m.ps.labels[q.rel]
		}
		return
	}
	x := m.scratch()
	m.parse(s, x)
	p := make([]parsed, len(s.Tokens))
	for i := range s.Tokens {
		t := &s.Tokens[i]
		p[i] = parsed{lemma: t.Lemma, feats: t.Feats, class: uint16(x.tags[i]), head: int32(t.Head), rel: uint16(x.st.labels[i])}
	}
	m.pool.Put(x)
	c.put(k, p)
}

// formsKey joins the forms with a separator no form holds.
func formsKey(toks []Token) string {
	n := 0
	for i := range toks {
		n += len(toks[i].Form) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		b.WriteString(toks[i].Form)
		b.WriteByte(0)
	}
	return b.String()
}

func (c *ParseCache) get(k cacheKey) []parsed {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests++
	if p, ok := c.young[k]; ok {
		c.hits++
		return p
	}
	if p, ok := c.old[k]; ok {
		c.hits++
		delete(c.old, k)
		c.add(k, p)
		return p
	}
	return nil
}

func (c *ParseCache) put(k cacheKey, p []parsed) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(k, p)
}

func (c *ParseCache) add(k cacheKey, p []parsed) {
	if len(c.young) >= c.half {
		c.old, c.young = c.young, make(map[cacheKey][]parsed, c.half)
	}
	c.young[k] = p
}
