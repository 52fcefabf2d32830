package web

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/store"
)

// counting counts the overview's reads of the store.
type counting struct {
	store.Store
	counts atomic.Int64
}

func (c *counting) Counts(ctx context.Context) (map[string]int64, error) {
	c.counts.Add(1)
	return c.Store.Counts(ctx)
}

// TestCacheAnswersAgainUntilAWrite asks for the overview many times at once and again: the
// store is read once; a report posted through the server shows at once; errors and the
// operators' routes are never kept.
func TestCacheAnswersAgainUntilAWrite(t *testing.T) {
	demoSrv, st := demo(t, "s3cret")
	c := &counting{Store: st}
	s := New(c, demoSrv.x, "s3cret", nil)
	s.Cache(time.Minute)
	h := s.Handler()
	first := serve(h, "GET", "/", "", nil).Body.String()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b := serve(h, "GET", "/", "", nil).Body.String(); b != first {
				t.Error("a kept answer differs from the first")
			}
		}()
	}
	wg.Wait()
	if n := c.counts.Load(); n != 1 {
		t.Errorf("the store was read %d times for 21 overviews", n)
	}
	if w := serve(h, "GET", "/", "", nil); w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("Content-Type") == "" {
		t.Error("a kept answer lost its headers")
	}
	w := serve(h, "POST", "/api/v1/documents", `{"title":"New","published":"2021-05-01","text":"Morocco and Spain held talks in Rabat on Friday."}`,
		map[string]string{"Authorization": "Bearer s3cret"})
	if w.Code != 201 {
		t.Fatalf("post: %d %s", w.Code, w.Body.String())
	}
	if b := serve(h, "GET", "/", "", nil).Body.String(); b == first || !strings.Contains(b, "New") {
		t.Error("the overview after a post is the one before it")
	}
	for i := 0; i < 2; i++ {
		if w := serve(h, "GET", "/actors/nobody", "", nil); w.Code != 404 {
			t.Errorf("a 404 was answered %d the %d time", w.Code, i+1)
		}
	}
	before := c.counts.Load()
	serve(h, "GET", "/healthz", "", nil)
	if w := serve(h, "GET", "/metrics", "", nil); !strings.Contains(w.Body.String(), "alboran_http_requests_total") || c.counts.Load() != before {
		t.Error("metrics")
	}
}

// TestCacheCoalescesWrites posts two reports in a row: the first empties the cache, the second,
// within half the cache's lifetime of the first, does not, so that a stream of posts leaves the
// reads their cache (the second report shows when the entry expires).
func TestCacheCoalescesWrites(t *testing.T) {
	demoSrv, st := demo(t, "s3cret")
	c := &counting{Store: st}
	s := New(c, demoSrv.x, "s3cret", nil)
	s.Cache(time.Minute)
	h := s.Handler()
	post := func(title string) {
		t.Helper()
		w := serve(h, "POST", "/api/v1/documents", `{"title":"`+title+`","published":"2021-05-01","text":"Morocco and Spain held talks in Rabat on Friday about `+title+`."}`,
			map[string]string{"Authorization": "Bearer s3cret"})
		if w.Code != 201 {
			t.Fatalf("post: %d %s", w.Code, w.Body.String())
		}
	}
	serve(h, "GET", "/", "", nil)
	post("First")
	if b := serve(h, "GET", "/", "", nil).Body.String(); !strings.Contains(b, "First") {
		t.Error("the overview after the first post does not show it")
	}
	reads := c.counts.Load()
	post("Second")
	serve(h, "GET", "/", "", nil)
	if n := c.counts.Load(); n != reads {
		t.Errorf("the store was read %d more times after a second post right after the first", n-reads)
	}
}
