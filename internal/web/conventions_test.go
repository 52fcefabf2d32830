package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestProblems: every error, the router's own included, is an RFC 9457 problem whose status
// is the answer's.
func TestProblems(t *testing.T) {
	s, _ := demo(t, "s3cret")
	h := s.Handler()
	tests := []struct {
		name, method, url, body string
		header                  map[string]string
		status                  int
	}{
		{"no such path", "GET", "/api/v1/nothing", "", nil, 404},
		{"no such document", "GET", "/api/v1/documents/999", "", nil, 404},
		{"a method no route takes", "DELETE", "/api/v1/documents", "", nil, 405},
		{"a method on a read-only route", "PUT", "/api/v1/events", "", nil, 405},
		{"dot segments", "GET", "/static/..%2f..%2fetc/passwd", "", nil, 404},
		{"a bad parameter", "GET", "/api/v1/events?limit=1000", "", nil, 400},
		{"a static file that is not there", "GET", "/static/none.css", "", nil, 404},
		{"no token", "POST", "/api/v1/documents", `{"text":"x"}`, nil, 401},
		{"a body too large", "POST", "/api/v1/documents", `{"text":"` + strings.Repeat("a", maxBody) + `"}`, map[string]string{"Authorization": "Bearer s3cret"}, 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, tt.method, tt.url, tt.body, tt.header)
			if w.Code != tt.status {
				t.Fatalf("%d, want %d: %.300s", w.Code, tt.status, w.Body.String())
			}
			if ct := w.Header().Get("Content-Type"); ct != problemType {
				t.Errorf("content type %q, want %s", ct, problemType)
			}
			var p problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if p.Status != tt.status || p.Title != http.StatusText(tt.status) || p.Type != "about:blank" || len(p.Detail) < 8 {
				t.Errorf("not a full problem: %+v", p)
			}
			if tt.status == 405 && w.Header().Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
		})
	}
}

func TestCORS(t *testing.T) {
	s, _ := demo(t, "")
	s.CORS("https://example.org")
	h := s.Handler()
	tests := []struct {
		name, method, origin, preflight string
		status                          int
		allow                           string
	}{
		{"an allowed origin", "GET", "https://example.org", "", 200, "https://example.org"},
		{"another origin", "GET", "https://evil.example", "", 200, ""},
		{"no origin", "GET", "", "", 200, ""},
		{"a preflight", "OPTIONS", "https://example.org", "POST", 204, "https://example.org"},
		{"a preflight of another origin", "OPTIONS", "https://evil.example", "POST", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hd := map[string]string{}
			if tt.origin != "" {
				hd["Origin"] = tt.origin
			}
			if tt.preflight != "" {
				hd["Access-Control-Request-Method"] = tt.preflight
			}
			w := serve(h, tt.method, "/api/v1/documents?limit=1", "", hd)
			if w.Code != tt.status {
				t.Fatalf("%d, want %d", w.Code, tt.status)
			}
			if got := w.Header().Get("Access-Control-Allow-Origin"); got != tt.allow {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allow)
			}
			if tt.status == 204 && !strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
				t.Errorf("a preflight without Authorization allowed: %v", w.Header())
			}
		})
	}
	// Without --cors, no origin is allowed.
	plain, _ := demo(t, "")
	w := serve(plain.Handler(), "GET", "/api/v1/documents?limit=1", "", map[string]string{"Origin": "https://example.org"})
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("no --cors, but Access-Control-Allow-Origin %q", got)
	}
}

func TestGzip(t *testing.T) {
	s, _ := demo(t, "")
	h := s.Handler()
	plain := serve(h, "GET", "/api/v1/events?limit=100", "", nil)
	if plain.Header().Get("Content-Encoding") != "" || plain.Body.Len() < minGzip {
		t.Fatalf("without Accept-Encoding: %q, %d bytes", plain.Header().Get("Content-Encoding"), plain.Body.Len())
	}
	tests := []struct {
		name, url, accept string
		gzipped           bool
	}{
		{"gzip", "/api/v1/events?limit=100", "gzip, deflate, br", true},
		{"any", "/", "*", true},
		{"refused", "/api/v1/events?limit=100", "gzip;q=0", false},
		{"not asked", "/api/v1/events?limit=100", "br", false},
		{"too small to gain", "/api/v1/documents?limit=1&q=nothingmatchesthis", "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, "GET", tt.url, "", map[string]string{"Accept-Encoding": tt.accept})
			if got := w.Header().Get("Content-Encoding") == "gzip"; got != tt.gzipped {
				t.Fatalf("gzipped %v, want %v (%d bytes)", got, tt.gzipped, w.Body.Len())
			}
			if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("no Vary: Accept-Encoding")
			}
			if !tt.gzipped {
				return
			}
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			want := serve(h, "GET", tt.url, "", nil).Body.Bytes()
			if !bytes.Equal(b, want) {
				t.Errorf("the gzipped body differs from the plain one")
			}
		})
	}
}

func TestETag(t *testing.T) {
	s, _ := demo(t, "s3cret")
	h := s.Handler()
	for _, url := range []string{"/api/v1/documents", "/api/v1/events?actor=MAR", "/", "/api/v1/openapi.json", "/map"} {
		t.Run(url, func(t *testing.T) {
			w := serve(h, "GET", url, "", nil)
			tag := w.Header().Get("ETag")
			if w.Code != 200 || !strings.HasPrefix(tag, `W/"`) {
				t.Fatalf("%d, ETag %q", w.Code, tag)
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("Cache-Control %q without --cache, want no-cache", cc)
			}
			for _, inm := range []string{tag, strings.TrimPrefix(tag, "W/"), `"other", ` + tag, "*"} {
				nm := serve(h, "GET", url, "", map[string]string{"If-None-Match": inm})
				if nm.Code != http.StatusNotModified || nm.Body.Len() != 0 || nm.Header().Get("ETag") != tag {
					t.Errorf("If-None-Match %s: %d, %d bytes, ETag %q", inm, nm.Code, nm.Body.Len(), nm.Header().Get("ETag"))
				}
			}
			if other := serve(h, "GET", url, "", map[string]string{"If-None-Match": `W/"other"`}); other.Code != 200 {
				t.Errorf("another tag: %d", other.Code)
			}
		})
	}
	// A write changes what a list says, and so its tag.
	before := serve(h, "GET", "/api/v1/documents", "", nil).Header().Get("ETag")
	serve(h, "POST", "/api/v1/documents", `{"title":"New","text":"Morocco and Spain held talks in Rabat on Friday."}`, map[string]string{"Authorization": "Bearer s3cret"})
	if after := serve(h, "GET", "/api/v1/documents", "", nil).Header().Get("ETag"); after == before {
		t.Errorf("the list's tag is the same after a write")
	}
	// With --cache, clients may keep a read as long as the server does.
	s.Cache(3 * time.Second)
	if cc := serve(h, "GET", "/api/v1/documents", "", nil).Header().Get("Cache-Control"); cc != "public, max-age=3" {
		t.Errorf("Cache-Control %q with --cache 3s", cc)
	}
	if cc := serve(h, "GET", "/metrics", "", nil).Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("/metrics: Cache-Control %q", cc)
	}
}

// TestPostCreated: a new report answers 201 with its ids and a Location that serves it; the
// same report again answers 200 with the same ids.
func TestPostCreated(t *testing.T) {
	s, _ := demo(t, "s3cret")
	h := s.Handler()
	body := `{"url":"https://example.org/a","title":"Talks","text":"Morocco and Spain held talks in Rabat on Friday."}`
	auth := map[string]string{"Authorization": "Bearer s3cret"}
	var first Posted
	for i, want := range []int{http.StatusCreated, http.StatusOK} {
		w := serve(h, "POST", "/api/v1/documents", body, auth)
		if w.Code != want {
			t.Fatalf("post %d: %d, want %d: %s", i, w.Code, want, w.Body.String())
		}
		var p Posted
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if len(p.DocID) != 16 || p.DocRowID <= 0 || p.Stored != (i == 0) {
			t.Errorf("post %d: %+v", i, p)
		}
		loc := w.Header().Get("Location")
		if loc != "/api/v1/documents/"+p.DocID {
			t.Errorf("post %d: Location %q for %+v", i, loc, p)
		}
		if i == 0 {
			first = p
			g := serve(h, "GET", loc, "", nil)
			if g.Code != 200 || !strings.Contains(g.Body.String(), `"Talks"`) {
				t.Errorf("GET %s: %d %.200s", loc, g.Code, g.Body.String())
			}
		} else if p.DocID != first.DocID || p.DocRowID != first.DocRowID {
			t.Errorf("the same report again has other ids: %+v, then %+v", first, p)
		}
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestHealthz(t *testing.T) {
	s, st := demo(t, "")
	h := s.Handler()
	w := serve(h, "GET", "/healthz", "", nil)
	var hl Health
	if err := json.Unmarshal(w.Body.Bytes(), &hl); w.Code != 200 || err != nil || hl.Status != "ok" || hl.Version == "" {
		t.Fatalf("healthy store: %d %s", w.Code, w.Body.String())
	}
	st.Close()
	w = serve(h, "GET", "/healthz", "", nil)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Content-Type") != problemType {
		t.Errorf("closed store: %d %q %s", w.Code, w.Header().Get("Content-Type"), w.Body.String())
	}
}

// TestAccessLog: one structured line per request, with what an operator filters on.
func TestAccessLog(t *testing.T) {
	s, _ := demo(t, "")
	var buf bytes.Buffer
	s.AccessLog(slog.New(slog.NewJSONHandler(&buf, nil)))
	h := s.Handler()
	serve(h, "GET", "/api/v1/documents?limit=1", "", map[string]string{"User-Agent": "probe/1"})
	serve(h, "GET", "/nothing", "", nil)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines for 2 requests:\n%s", len(lines), buf.String())
	}
	want := []map[string]any{
		{"msg": "request", "method": "GET", "path": "/api/v1/documents", "route": "GET /api/v1/documents", "status": 200.0, "user_agent": "probe/1"},
		{"msg": "request", "method": "GET", "path": "/nothing", "route": "unmatched", "status": 404.0},
	}
	for i, line := range lines {
		var got map[string]any
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d is not JSON: %s", i, line)
		}
		for k, v := range want[i] {
			if got[k] != v {
				t.Errorf("line %d: %s = %v, want %v", i, k, got[k], v)
			}
		}
		if b, _ := got["bytes"].(float64); b <= 0 {
			t.Errorf("line %d: bytes %v", i, got["bytes"])
		}
		if _, ok := got["duration_ms"].(float64); !ok {
			t.Errorf("line %d: no duration_ms", i)
		}
	}
}

// TestMetrics: the process's, the runtime's and the build's metrics, the requests by route
// and status, and the posted reports by outcome.
func TestMetrics(t *testing.T) {
	s, _ := demo(t, "s3cret")
	h := s.Handler()
	serve(h, "GET", "/api/v1/documents?limit=1", "", nil)
	auth := map[string]string{"Authorization": "Bearer s3cret"}
	serve(h, "POST", "/api/v1/documents", `{"text":"Morocco and Spain held talks in Rabat on Friday."}`, auth)
	serve(h, "POST", "/api/v1/documents", `{"text":""}`, auth)
	w := serve(h, "GET", "/metrics", "", nil)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
	body := w.Body.String()
	for _, want := range []string{
		`alboran_http_requests_total{route="GET /api/v1/documents",status="200"} 1`,
		`alboran_http_requests_total{route="POST /api/v1/documents",status="201"} 1`,
		`alboran_http_requests_total{route="POST /api/v1/documents",status="400"} 1`,
		`alboran_ingest_documents_total{outcome="stored"} 1`,
		`alboran_ingest_documents_total{outcome="rejected"} 1`,
		`alboran_ingest_documents_total{outcome="failed"} 0`,
		`alboran_ingest_duration_seconds_count 1`,
		`alboran_http_request_duration_seconds_count{route="GET /api/v1/documents"} 1`,
		`alboran_http_request_duration_seconds_bucket{route="GET /api/v1/documents",le="+Inf"} 1`,
		"\nprocess_resident_memory_bytes ", "\nprocess_cpu_seconds_total ", "\ngo_goroutines ", "\nalboran_build_info{",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("no %q in\n%s", want, body)
		}
	}
	if !strings.Contains(body, "alboran_ingest_bytes_total 48\n") {
		t.Errorf("ingest bytes: want the 48 bytes of the one report taken")
	}
}

func TestETagMatch(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{`W/"abc"`, true}, {`"abc"`, true}, {`"x", W/"abc"`, true}, {`*`, true},
		{``, false}, {`"abcd"`, false}, {`W/"ab"`, false},
	}
	for _, tt := range tests {
		if got := etagMatch(tt.header, `W/"abc"`); got != tt.want {
			t.Errorf("etagMatch(%q) = %v", tt.header, got)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"gzip", true}, {"GZIP", true}, {"br, gzip;q=0.5", true}, {"*", true}, {"gzip;q=0", false},
		{"", false}, {"br, deflate", false}, {"identity", false}, {"*;q=0", false},
	}
	for _, tt := range tests {
		if got := acceptsGzip(tt.header); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v", tt.header, got)
		}
	}
}
