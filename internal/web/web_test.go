package web

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alboran/alboran/examples"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/sqlite"
)

// demo returns a server over a database of the bundled examples.
func demo(t testing.TB, token string) (*Server, store.Store) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	lx, _ := lexicon.Default()
	x := extract.New(lx)
	names, _ := fs.Glob(examples.Reports, "*.txt")
	var es []store.Entry
	for _, n := range names {
		raw, _ := examples.Reports.ReadFile(n)
		it := source.Report("examples/"+n, raw)
		es = append(es, store.Entry{Doc: it.Doc, Extraction: x.Extract(it.Doc), Version: extract.Version})
	}
	if _, err := db.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	return New(db, x, token, nil), db
}

func get(t *testing.T, h http.Handler, method, url, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	return serve(h, method, url, body, header)
}

func TestAPIRoutes(t *testing.T) {
	s, _ := demo(t, "")
	h := s.Handler()
	tests := []struct {
		url    string
		status int
		keys   []string // top-level JSON keys the answer must have
	}{
		{"/api/v1/documents", 200, []string{"items", "next_cursor"}},
		{"/api/v1/documents?limit=2", 200, []string{"items", "next_cursor"}},
		{"/api/v1/documents?q=trafficking%20networks&actor=MAR&since=2021", 200, []string{"items"}},
		{"/api/v1/documents?q=%21%21%21", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents?limit=0", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents?since=yesterday", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents?cursor=%21%21", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents?q=%zz", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents/1", 200, []string{"doc_id", "document", "text", "records", "clusters"}},
		{"/api/v1/documents/8b779aad68ced100", 200, []string{"doc_id", "document", "text", "records", "clusters"}},
		{"/api/v1/documents/0000000000000000", 404, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents/999", 404, []string{"type", "title", "status", "detail"}},
		{"/api/v1/documents/abc", 404, []string{"type", "title", "status", "detail"}},
		{"/api/v1/entities?name=Perea", 200, nil},
		{"/api/v1/entities", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/events?actor=MAR&b=ESP", 200, []string{"items", "next_cursor"}},
		{"/api/v1/events?actor=m%20a", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/events?b=ESP", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/events", 200, []string{"items", "next_cursor"}},
		{"/api/v1/events?type=CONSULT&limit=2", 200, []string{"items", "next_cursor"}},
		{"/api/v1/statistics?category=migrants_intercepted", 200, []string{"items"}},
		{"/api/v1/statistics?category=DROP%20TABLE", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/claims?conflicts=true", 200, []string{"items"}},
		{"/api/v1/claims?conflicts=maybe", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/quotes?limit=3", 200, []string{"items", "next_cursor"}},
		{"/api/v1/timeline?a=MAR&b=ESP", 200, []string{"a", "b", "months", "clusters"}},
		{"/api/v1/timeline", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/series?category=migrants_intercepted&country=MAR", 200, nil},
		{"/api/v1/series?category=migrants_intercepted&by=week", 400, []string{"type", "title", "status", "detail"}},
		{"/api/v1/openapi.json", 200, []string{"openapi", "paths"}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			w := get(t, h, "GET", tt.url, "", nil)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body.String())
			}
			want := "application/json"
			if tt.status >= 400 {
				want = problemType
			}
			if ct, _, _ := strings.Cut(w.Header().Get("Content-Type"), ";"); ct != want {
				t.Errorf("content type %q, want %s", w.Header().Get("Content-Type"), want)
			}
			var v any
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if m, ok := v.(map[string]any); ok {
				for _, k := range tt.keys {
					if _, ok := m[k]; !ok {
						t.Errorf("no key %q in %s", k, w.Body.String())
					}
				}
			} else if len(tt.keys) > 0 {
				t.Errorf("want an object, got %s", w.Body.String())
			}
		})
	}
}

// TestCursorPagesCoverEverything walks the documents page by page.
func TestCursorPagesCoverEverything(t *testing.T) {
	s, _ := demo(t, "")
	seen := map[string]bool{}
	url := "/api/v1/documents?limit=2"
	for i := 0; i < 10 && url != ""; i++ {
		var p struct {
			Items      []map[string]any `json:"items"`
			NextCursor string           `json:"next_cursor"`
		}
		w := get(t, s.Handler(), "GET", url, "", nil)
		json.Unmarshal(w.Body.Bytes(), &p)
		for _, it := range p.Items {
			id, _ := it["doc_id"].(string)
			if len(id) != 16 {
				t.Fatalf("doc_id %v is not a stable id", it["doc_id"])
			}
			if seen[id] {
				t.Fatalf("document %v on two pages", id)
			}
			seen[id] = true
		}
		url = ""
		if p.NextCursor != "" {
			url = "/api/v1/documents?limit=2&cursor=" + p.NextCursor
		}
	}
	if len(seen) != 6 {
		t.Errorf("%d documents over all pages, want 6", len(seen))
	}
}

// TestRoutesMatchOpenAPI checks that every API route is described and every described path
// is served.
func TestRoutesMatchOpenAPI(t *testing.T) {
	s, _ := demo(t, "")
	var spec struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &spec); err != nil {
		t.Fatal(err)
	}
	for _, rt := range s.apiRoutes() {
		ops, ok := spec.Paths[rt.path]
		if _, has := ops[strings.ToLower(rt.method)]; !ok || !has {
			t.Errorf("route %s %s is not in openapi.json", rt.method, rt.path)
		}
	}
	for path, ops := range spec.Paths {
		for method := range ops {
			url := strings.ReplaceAll(path, "{id}", "1")
			w := get(t, s.Handler(), strings.ToUpper(method), url, "{}", nil)
			if w.Code == http.StatusNotFound && !strings.Contains(w.Body.String(), "error") || w.Code == http.StatusMethodNotAllowed {
				t.Errorf("%s %s is described but not served (%d)", method, path, w.Code)
			}
		}
	}
}

func TestWrites(t *testing.T) {
	ro, _ := demo(t, "")
	if w := get(t, ro.Handler(), "POST", "/api/v1/documents", `{"text":"x"}`, nil); w.Code != http.StatusForbidden {
		t.Errorf("read-only server: %d", w.Code)
	}
	s, st := demo(t, "s3cret")
	h := s.Handler()
	body := `{"title":"Talks","published":"2021-05-01","text":"Morocco and Spain held talks in Rabat on Friday."}`
	tests := []struct {
		name, body, auth string
		status           int
	}{
		{"no token", body, "", 401},
		{"wrong token", body, "Bearer nope", 401},
		{"stored", body, "Bearer s3cret", 201},
		{"again", body, "Bearer s3cret", 200},
		{"not JSON", "{", "Bearer s3cret", 400},
		{"unknown field", `{"text":"a","admin":true}`, "Bearer s3cret", 400},
		{"bad date", `{"text":"a","published":"May 1"}`, "Bearer s3cret", 400},
		{"too large", `{"text":"` + strings.Repeat("a", maxBody) + `"}`, "Bearer s3cret", 413},
	}
	for _, tt := range tests {
		w := get(t, h, "POST", "/api/v1/documents", tt.body, map[string]string{"Authorization": tt.auth})
		if w.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, w.Code, w.Body.String(), tt.status)
		}
	}
	c, _ := st.Counts(context.Background())
	if c["documents"] != 7 {
		t.Errorf("%d documents after one good write, want 7", c["documents"])
	}
}

// TestHostileInput sends injection and traversal attempts: nothing leaks, nothing changes,
// everything shown is escaped, and every answer carries the security headers.
func TestHostileInput(t *testing.T) {
	s, st := demo(t, "s3cret")
	h := s.Handler()
	before, _ := st.Counts(context.Background())
	xss := `<script>alert(1)</script>`
	w := get(t, h, "POST", "/api/v1/documents", `{"title":"`+xss+`","text":"Morocco met Spain. `+xss+`"}`, map[string]string{"Authorization": "Bearer s3cret"})
	if w.Code != 201 {
		t.Fatalf("posting a report with markup: %d", w.Code)
	}
	urls := []string{
		"/api/v1/documents?q=" + urlq(`x' OR 1=1; DROP TABLE documents; --`),
		"/api/v1/documents?q=" + urlq(`") OR ("a`),
		"/api/v1/documents?actor=" + urlq(`MAR' OR '1'='1`),
		"/api/v1/documents/1%20OR%201=1",
		"/api/v1/documents/..%2f..%2fetc%2fpasswd",
		"/static/../../../../etc/passwd",
		"/static/%2e%2e/%2e%2e/go.mod",
		"/reports/1;DROP",
		"/actors/" + urlq(`<script>`),
		"/search?q=" + urlq(xss),
		"/search?actor=" + urlq(xss),
		"/timeline?a=" + urlq(xss),
		"/api/v1/entities?name=" + urlq(`%' OR 1=1 --`),
	}
	for _, u := range urls {
		w := get(t, h, "GET", u, "", nil)
		b := w.Body.String()
		if w.Code >= 500 {
			t.Errorf("%s: %d", u, w.Code)
		}
		if strings.Contains(b, "root:") || strings.Contains(b, "module github.com") || strings.Contains(b, "<script>alert") {
			t.Errorf("%s leaks or reflects: %.200s", u, b)
		}
		if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: security headers missing", u)
		}
	}
	// The report with markup is shown escaped on its page and in search.
	for _, u := range []string{"/reports/7", "/search?q=Morocco"} {
		b := get(t, h, "GET", u, "", nil).Body.String()
		if strings.Contains(b, xss) || !strings.Contains(b, "&lt;script&gt;") {
			t.Errorf("%s does not escape report text", u)
		}
	}
	after, _ := st.Counts(context.Background())
	if after["documents"] != before["documents"]+1 || after["events"] < before["events"] {
		t.Errorf("counts changed: %v -> %v", before, after)
	}
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("the CSP allows inline script: %s", csp)
	}
}

func urlq(s string) string {
	return strings.NewReplacer(" ", "%20", "'", "%27", "\"", "%22", "<", "%3C", ">", "%3E", ";", "%3B", "=", "%3D", "%", "%25", "(", "%28", ")", "%29").Replace(s)
}

func TestPages(t *testing.T) {
	s, _ := demo(t, "")
	h := s.Handler()
	tests := []struct {
		url    string
		status int
		want   []string
	}{
		{"/", 200, []string{"Recent reports", "Most active dyads", "Figures in conflict", "ESP – MAR"}},
		{"/reports/1", 200, []string{`class="hl stat"`, `data-rec="s2"`, `id="rec-s2"`, "Karima Benyaich"}},
		{"/reports/999", 404, []string{"Not found"}},
		{"/search?q=trafficking", 200, []string{"trafficking"}},
		{"/search?since=never", 400, []string{"not a date"}},
		{"/actors/MAR", 200, []string{"Deals with", "ESP"}},
		{"/actors/Karim%20Alaoui", 200, []string{"Interior Minister", "The Atlantic route is now the main concern", "acts for MAR", "ESP"}},
		{"/actors/ZZZ", 404, nil},
		{"/timeline?a=MAR&b=ESP", 200, []string{`id="timeline-chart"`, "<rect", "CONSULT"}},
		{"/series?category=migrants_intercepted&country=MAR&by=year", 200, []string{`id="series-chart"`, "<circle", "2019", "2021", "conflict"}},
		{"/conflicts", 200, []string{"9179", "9800"}},
		{"/static/style.css", 200, []string{"--stat"}},
		{"/static/app.js", 200, []string{"addEventListener"}},
		{"/healthz", 200, []string{"ok"}},
		{"/metrics", 200, []string{"alboran_http_requests_total", "alboran_http_request_duration_seconds_bucket"}},
	}
	for _, tt := range tests {
		w := get(t, h, "GET", tt.url, "", nil)
		body, _ := io.ReadAll(w.Body)
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.url, w.Code, tt.status)
			continue
		}
		for _, want := range tt.want {
			if !strings.Contains(string(body), want) {
				t.Errorf("%s lacks %q", tt.url, want)
			}
		}
		if strings.Contains(string(body), "<script>") || strings.Contains(string(body), " style=") {
			t.Errorf("%s has inline script or style, which the CSP forbids", tt.url)
		}
	}
}
