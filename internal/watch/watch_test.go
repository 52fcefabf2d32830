package watch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/store/sqlite"
)

// feedServer serves one feed with an ETag and Last-Modified, answers conditional requests
// with 304, and can be told to fail.
type feedServer struct {
	mu       sync.Mutex
	body     []byte
	etag     string
	fail     bool
	requests []http.Header
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, r.Header.Clone())
	if f.fail {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("ETag", f.etag)
	w.Header().Set("Last-Modified", "Thu, 15 Apr 2021 10:00:00 GMT")
	if r.Header.Get("If-None-Match") == f.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(f.body)
}

func TestWatch(t *testing.T) {
	feed, err := os.ReadFile("../source/testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	fs := &feedServer{body: feed, etag: `"v1"`}
	srv := httptest.NewServer(fs)
	defer srv.Close()

	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lx, _ := lexicon.Default()
	clock := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	var log bytes.Buffer
	w := &Watcher{Store: db, Extractor: extract.New(lx), Client: srv.Client(), Feeds: []string{srv.URL}, Every: 15 * time.Minute,
		MaxBackoff: time.Hour, Log: &log, Now: func() time.Time { return clock }}
	ctx := context.Background()

	steps := []struct {
		name    string
		advance time.Duration
		fail    bool
		etag    string
		check   func(Result) error
	}{
		{"first poll stores the items", 0, false, `"v1"`, func(r Result) error {
			if r.Status != 200 || r.New != 2 {
				return fmt.Errorf("status %d new %d, want 200 and 2", r.Status, r.New)
			}
			return nil
		}},
		{"not due yet", 5 * time.Minute, false, `"v1"`, func(r Result) error {
			if !r.Skipped {
				return fmt.Errorf("polled before --every passed")
			}
			return nil
		}},
		{"unchanged feed answers 304", 15 * time.Minute, false, `"v1"`, func(r Result) error {
			if r.Status != http.StatusNotModified {
				return fmt.Errorf("status %d, want 304", r.Status)
			}
			return nil
		}},
		{"error backs off", 15 * time.Minute, true, `"v1"`, func(r Result) error {
			if r.Err == nil || !r.Retry.Equal(clock.Add(15*time.Minute)) {
				return fmt.Errorf("err %v retry %v", r.Err, r.Retry)
			}
			return nil
		}},
		{"second error doubles the wait", 15 * time.Minute, true, `"v1"`, func(r Result) error {
			if r.Err == nil || !r.Retry.Equal(clock.Add(30*time.Minute)) {
				return fmt.Errorf("err %v retry %v, want 30 min on", r.Err, r.Retry)
			}
			return nil
		}},
		{"still backing off", 15 * time.Minute, false, `"v2"`, func(r Result) error {
			if !r.Skipped {
				return fmt.Errorf("polled during the back-off")
			}
			return nil
		}},
		{"recovered feed with a new version stores nothing twice", 15 * time.Minute, false, `"v2"`, func(r Result) error {
			if r.Status != 200 || r.New != 0 || r.Unchanged != 2 {
				return fmt.Errorf("status %d new %d unchanged %d, want 200, 0, 2", r.Status, r.New, r.Unchanged)
			}
			return nil
		}},
	}
	for _, s := range steps {
		clock = clock.Add(s.advance)
		fs.mu.Lock()
		fs.fail, fs.etag = s.fail, s.etag
		fs.mu.Unlock()
		rs := w.PollAll(ctx)
		if len(rs) != 1 {
			t.Fatalf("%s: %d results", s.name, len(rs))
		}
		if err := s.check(rs[0]); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
	}
	// The second request carried the validators of the first answer.
	if got := fs.requests[1].Get("If-None-Match"); got != `"v1"` {
		t.Errorf("If-None-Match %q on the second request", got)
	}
	if got := fs.requests[1].Get("If-Modified-Since"); got == "" {
		t.Error("no If-Modified-Since on the second request")
	}
	// One log line per poll that ran: 5 of the 7 steps.
	if n := strings.Count(log.String(), "\n"); n != 5 {
		t.Errorf("%d log lines, want 5:\n%s", n, log.String())
	}
	c, _ := db.Counts(ctx)
	if c["documents"] != 2 {
		t.Errorf("%d documents stored, want 2", c["documents"])
	}
}

func TestReadFeedList(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# feeds\nhttps://a.example/rss\n\nhttp://b.example/atom\n"), 0o644)
	got, err := ReadFeedList(list)
	if err != nil || len(got) != 2 {
		t.Fatalf("%v %v", got, err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("ftp://nope\n"), 0o644)
	if _, err := ReadFeedList(bad); err == nil {
		t.Error("a non-http feed was accepted")
	}
	opml := filepath.Join(dir, "f.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml><body><outline xmlUrl="https://c.example/rss"/></body></opml>`), 0o644)
	if got, err := ReadFeedList(opml); err != nil || len(got) != 1 {
		t.Errorf("OPML list: %v %v", got, err)
	}
}
