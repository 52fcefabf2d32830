package web

import (
	"bytes"
	"container/list"
	"net/http"
	"sync"
	"time"
)

// cache keeps the answers to GET requests for a short while, by address: a public server gets
// the same overview, conflicts, timelines and searches over and over, and answering them again
// within a second or two reads the same rows to the same result. An entry lives ttl, or until
// this server stores a report after a quiet spell (writes by other processes, and writes in a
// stream of posts, show after ttl at most); requests for
// an address being answered wait for that answer rather than computing it too. Only 200
// answers of at most maxEntry bytes are kept, at most maxBytes in all, the least recently used
// going first.
type cache struct {
	ttl      time.Duration
	maxBytes int

	mu      sync.Mutex
	gen     uint64    // bumped by a write through this server
	bumped  time.Time // when gen was last bumped
	entries map[string]*list.Element
	lru     *list.List // of *entry, most recent first
	bytes   int
	flight  map[string]*flight
}

const maxEntry = 1 << 20

type entry struct {
	key    string
	gen    uint64
	until  time.Time
	header http.Header
	body   []byte
}

// flight is an answer being computed, for the requests that wait for it.
type flight struct {
	done chan struct{}
	e    *entry // nil when the answer was not kept
}

func newCache(ttl time.Duration, maxBytes int) *cache {
	return &cache{ttl: ttl, maxBytes: maxBytes, entries: map[string]*list.Element{}, lru: list.New(), flight: map[string]*flight{}}
}

// invalidate forgets every entry: the archive has changed. Under a stream of posts it forgets
// them at most once every four ttls: emptied at once, the cache makes every page be computed
// again together, and ten posts a second would keep the server doing nothing else. The first
// write after a quiet spell shows at once, and an entry lives ttl at most, so every write shows
// within ttl.
func (c *cache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if now.Sub(c.bumped) < 4*c.ttl {
		return
	}
	c.gen++
	c.bumped = now
}

// serve answers r from the cache, or with next, keeping its answer.
func (c *cache) serve(w http.ResponseWriter, r *http.Request, next http.Handler) {
	key := r.URL.RequestURI()
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		e := el.Value.(*entry)
		if e.gen == c.gen && time.Now().Before(e.until) {
			c.lru.MoveToFront(el)
			c.mu.Unlock()
			write(w, e)
			return
		}
		c.remove(el)
	}
	if f, ok := c.flight[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.e != nil {
				write(w, f.e)
				return
			}
		case <-r.Context().Done():
		}
		next.ServeHTTP(w, r)
		return
	}
	f := &flight{done: make(chan struct{})}
	c.flight[key] = f
	gen := c.gen
	c.mu.Unlock()

	rec := &capture{header: http.Header{}, status: http.StatusOK}
	defer func() {
		c.mu.Lock()
		delete(c.flight, key)
		if rec.status == http.StatusOK && rec.body.Len() <= maxEntry && gen == c.gen {
			e := &entry{key: key, gen: gen, until: time.Now().Add(c.ttl), header: rec.header.Clone(), body: bytes.Clone(rec.body.Bytes())}
			c.entries[key] = c.lru.PushFront(e)
			c.bytes += len(e.body)
			for c.bytes > c.maxBytes && c.lru.Len() > 0 {
				c.remove(c.lru.Back())
			}
			f.e = e
		}
		c.mu.Unlock()
		close(f.done)
	}()
	next.ServeHTTP(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.status)
	w.Write(rec.body.Bytes())
}

func (c *cache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*entry)
	delete(c.entries, e.key)
	c.bytes -= len(e.body)
}

func write(w http.ResponseWriter, e *entry) {
	for k, v := range e.header {
		w.Header()[k] = v
	}
	w.WriteHeader(http.StatusOK)
	w.Write(e.body)
}
