package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a test server that records when each path was asked for.
type site struct {
	mu    sync.Mutex
	times map[string][]time.Time
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.times == nil {
		s.times = map[string][]time.Time{}
	}
	s.times[path] = append(s.times[path], time.Now())
	return len(s.times[path])
}

func (s *site) at(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times[path]...)
}

func TestCrawlerRobots(t *testing.T) {
	var s site
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hit(r.URL.Path)
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nDisallow: /\n\nUser-agent: alboran\nDisallow: /private/\nAllow: /\n"))
			return
		}
		w.Write([]byte("<html><body><p>page</p></body></html>"))
	}))
	defer srv.Close()
	c := &Crawler{PerHost: time.Millisecond}
	ctx := context.Background()
	if _, _, err := c.Fetch(ctx, srv.URL+"/private/a"); !errors.Is(err, ErrRobots) {
		t.Errorf("a disallowed page: %v, want ErrRobots", err)
	}
	if _, body, err := c.Fetch(ctx, srv.URL+"/news/a"); err != nil || !strings.Contains(string(body), "page") {
		t.Errorf("an allowed page: %v", err)
	}
	if _, _, err := c.Fetch(ctx, srv.URL+"/news/b"); err != nil {
		t.Errorf("an allowed page: %v", err)
	}
	if n := len(s.at("/robots.txt")); n != 1 {
		t.Errorf("robots.txt read %d times, want once per host", n)
	}
	if n := len(s.at("/private/a")); n != 0 {
		t.Errorf("the disallowed page was fetched %d times", n)
	}
}

func TestCrawlerRobotsStatus(t *testing.T) {
	tests := []struct {
		status int
		allow  bool
	}{
		{http.StatusNotFound, true},  // no robots.txt: everything allowed
		{http.StatusForbidden, true}, // RFC 9309: any 4xx is "unavailable", allowing all
		{http.StatusInternalServerError, false},
		{http.StatusServiceUnavailable, false},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(tt.status)
				return
			}
			w.Write([]byte("ok"))
		}))
		_, _, err := (&Crawler{PerHost: time.Millisecond}).Fetch(context.Background(), srv.URL+"/a")
		if (err == nil) != tt.allow {
			t.Errorf("robots.txt answering %d: fetch error %v, want allowed=%v", tt.status, err, tt.allow)
		}
		srv.Close()
	}
}

// TestCrawlerRetryAfter checks that a 429 with Retry-After is tried again no sooner than it
// asks, and that a wait longer than MaxRetryAfter is not waited.
func TestCrawlerRetryAfter(t *testing.T) {
	var s site
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.hit(r.URL.Path)
		switch {
		case r.URL.Path == "/slow" && n == 1:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		case r.URL.Path == "/never":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	c := &Crawler{PerHost: time.Millisecond}
	ctx := context.Background()
	if _, body, err := c.Fetch(ctx, srv.URL+"/slow"); err != nil || string(body) != "ok" {
		t.Fatalf("after Retry-After: %q %v", body, err)
	}
	at := s.at("/slow")
	if len(at) != 2 || at[1].Sub(at[0]) < time.Second {
		t.Errorf("asked %d times, the second %v after the first; want twice, 1s apart at least", len(at), at[1].Sub(at[0]))
	}
	_, _, err := c.Fetch(ctx, srv.URL+"/never")
	if err == nil || !strings.Contains(err.Error(), "asks to wait 1h0m0s") || len(s.at("/never")) != 1 {
		t.Errorf("Retry-After 3600: %v after %d requests; want an error after one", err, len(s.at("/never")))
	}
}

// TestCrawlerRate checks that requests to one host are PerHost apart, and that robots.txt's
// Crawl-delay, when longer, wins.
func TestCrawlerRate(t *testing.T) {
	for _, tt := range []struct {
		robots string
		gap    time.Duration
	}{
		{"", 150 * time.Millisecond},
		{"User-agent: *\nCrawl-delay: 0.4\n", 400 * time.Millisecond},
	} {
		var s site
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.Write([]byte(tt.robots))
				return
			}
			w.Write([]byte("ok"))
		}))
		// The requests are timed as they leave, where the limiter lets them go.
		c := &Crawler{PerHost: 150 * time.Millisecond, Client: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			s.hit("all")
			return http.DefaultTransport.RoundTrip(r)
		})}}
		for _, p := range []string{"/a", "/b", "/c"} {
			if _, _, err := c.Fetch(context.Background(), srv.URL+p); err != nil {
				t.Fatal(err)
			}
		}
		at := s.at("all")
		for i := 1; i < len(at); i++ {
			// a request let go late by the scheduler makes the next gap shorter: allow 25 ms
			if gap := at[i].Sub(at[i-1]); gap < tt.gap-25*time.Millisecond {
				t.Errorf("robots %q: request %d came %v after the one before; want %v at least", tt.robots, i, gap, tt.gap)
			}
		}
		srv.Close()
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Fri, 02 Jan 2026 03:05:05 GMT", time.Minute, true},
		{"Fri, 02 Jan 2026 03:00:00 GMT", 0, true}, // in the past: no wait
		{"", 0, false},
		{"soon", 0, false},
		{"-5", 0, false},
	}
	for _, tt := range tests {
		got, ok := RetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RetryAfter(%q) = %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
