package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestPageErrorDoesNotStick asks for a page that does not exist, then for one that does: the
// second must be its own page, not the first one's error.
func TestPageErrorDoesNotStick(t *testing.T) {
	s, _ := demo(t, "")
	h := s.Handler()
	pairs := [][2]string{
		{"/actors/nobody", "/actors/ESP"},
		{"/reports/999", "/reports/1"},
		{"/search?since=never", "/search?q=trafficking"},
		{"/timeline", "/timeline?a=MAR&b=ESP"},
		{"/series", "/series?category=migrants_intercepted&country=MAR"},
	}
	for _, p := range pairs {
		if w := get(t, h, "GET", p[0], "", nil); w.Code < 400 || w.Code >= 500 {
			t.Errorf("%s: %d, want a 4xx", p[0], w.Code)
		}
		w := get(t, h, "GET", p[1], "", nil)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), "<h1>Error</h1>") {
			t.Errorf("%s after %s: %d %.200s", p[1], p[0], w.Code, w.Body.String())
		}
	}
}

// goodPages are pages that answer 200, each with a text only it shows.
var goodPages = []struct{ url, want string }{
	{"/actors/ESP", "<title>ESP · Alboran</title>"},
	{"/reports/1", "Karima Benyaich"},
	{"/reports/8b779aad68ced100", "Karima Benyaich"},
	{"/search?q=trafficking", "<title>Search · Alboran</title>"},
	{"/timeline?a=MAR&b=ESP", `id="timeline-chart"`},
	{"/series?category=migrants_intercepted&country=MAR", `id="series-chart"`},
	{"/conflicts", "<title>Conflicts · Alboran</title>"},
	{"/", "<title>Overview · Alboran</title>"},
	{"/api/v1/documents?limit=2", `"items"`},
	{"/api/v1/timeline?a=MAR&b=ESP", `"clusters"`},
}

// TestConcurrentGoodAndBad sends good and bad requests at once (run it with -race): every good
// request gets its own page, every bad one a 4xx.
func TestConcurrentGoodAndBad(t *testing.T) {
	s, _ := demo(t, "s3cret")
	h := s.Handler()
	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 12; i++ {
				if (g+i)%2 == 0 {
					c := catalogue[(g*12+i)%len(catalogue)]
					w := serve(h, c.method, c.url, c.body, c.header)
					if w.Code != c.status {
						errs <- fmt.Sprintf("%s %s: %d, want %d", c.method, c.url, w.Code, c.status)
					}
					continue
				}
				p := goodPages[(g*12+i)%len(goodPages)]
				w := serve(h, "GET", p.url, "", nil)
				if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), p.want) {
					errs <- fmt.Sprintf("%s: %d, not its own page: %.200s", p.url, w.Code, w.Body.String())
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// badRequest is one entry of the catalogue of bad requests.
type badRequest struct {
	name, method, url, body string
	header                  map[string]string
	status                  int
}

var (
	auth      = map[string]string{"Authorization": "Bearer s3cret"}
	bigCursor = "OTIyMzM3MjAzNjg1NDc3NTgwNw" // 9223372036854775807, the largest int64
)

// catalogue lists bad requests of every kind: malformed, oversized, overflowing, traversing.
// Each must answer its 4xx with a JSON error, never a 500, a hang or another page.
var catalogue = []badRequest{
	// Malformed.
	{"bad escape in the query", "GET", "/api/v1/documents?q=%zz", "", nil, 400},
	{"bad escape on a page", "GET", "/search?q=%zz", "", nil, 400},
	{"not a cursor", "GET", "/api/v1/documents?cursor=%21%21", "", nil, 400},
	{"a cursor of another list", "GET", "/api/v1/quotes?cursor=" + cursorFor("x", "1"), "", nil, 400},
	{"a cursor of garbage", "GET", "/api/v1/documents?cursor=AAAA", "", nil, 400},
	{"a limit that is no number", "GET", "/api/v1/documents?limit=ten", "", nil, 400},
	{"a limit of zero", "GET", "/api/v1/quotes?limit=0", "", nil, 400},
	{"a date that is no date", "GET", "/api/v1/documents?since=yesterday", "", nil, 400},
	{"a date out of range", "GET", "/api/v1/documents?since=2021-13-45", "", nil, 400},
	{"since after until", "GET", "/api/v1/documents?since=2022&until=2021", "", nil, 400},
	{"an actor code with a space", "GET", "/api/v1/events?actor=m%20a", "", nil, 400},
	{"a category with SQL", "GET", "/api/v1/statistics?category=DROP%20TABLE", "", nil, 400},
	{"no words to search", "GET", "/api/v1/documents?q=%21%21%21", "", nil, 400},
	{"a missing parameter", "GET", "/api/v1/timeline", "", nil, 400},
	{"a flag that is not true or false", "GET", "/api/v1/claims?conflicts=maybe", "", nil, 400},
	{"an unknown grouping", "GET", "/api/v1/series?category=migrants_intercepted&by=week", "", nil, 400},
	{"a document id that is no number", "GET", "/api/v1/documents/abc", "", nil, 404},
	{"a negative document id", "GET", "/api/v1/documents/-1", "", nil, 404},
	{"a body that is not JSON", "POST", "/api/v1/documents", "{", auth, 400},
	{"a body of the wrong type", "POST", "/api/v1/documents", `["text"]`, auth, 400},
	{"an unknown field", "POST", "/api/v1/documents", `{"text":"a","admin":true}`, auth, 400},
	{"an empty text", "POST", "/api/v1/documents", `{"text":"  "}`, auth, 400},
	{"two JSON objects", "POST", "/api/v1/documents", `{"text":"a"}{"text":"b"}`, auth, 400},
	{"a bad publication date", "POST", "/api/v1/documents", `{"text":"a","published":"May 1"}`, auth, 400},
	{"no token", "POST", "/api/v1/documents", `{"text":"a"}`, nil, 401},
	{"a wrong token", "POST", "/api/v1/documents", `{"text":"a"}`, map[string]string{"Authorization": "Bearer nope"}, 401},
	{"a method the route does not take", "DELETE", "/api/v1/documents", "", nil, 405},
	{"a path nothing serves", "GET", "/api/v1/nothing", "", nil, 404},
	{"a page nothing serves", "GET", "/nothing", "", nil, 404},
	// Oversized.
	{"a query word over the limit", "GET", "/api/v1/documents?q=" + strings.Repeat("a", 501), "", nil, 400},
	{"a name over the limit", "GET", "/api/v1/entities?name=" + strings.Repeat("a", 201), "", nil, 400},
	{"a limit over the maximum", "GET", "/api/v1/documents?limit=101", "", nil, 400},
	{"a body over the limit", "POST", "/api/v1/documents", `{"text":"` + strings.Repeat("a", maxBody) + `"}`, auth, 413},
	{"an actor name over the limit", "GET", "/actors/" + strings.Repeat("a", 201), "", nil, 404},
	{"a date range of centuries", "GET", "/api/v1/documents?since=0001&until=9999", "", nil, 400},
	// Overflowing.
	{"a search cursor at the int64 limit", "GET", "/api/v1/documents?q=x&cursor=" + bigCursor, "", nil, 400},
	{"a list cursor at the int64 limit", "GET", "/api/v1/documents?cursor=" + bigCursor, "", nil, 400},
	{"an events cursor at the int64 limit", "GET", "/api/v1/events?actor=MAR&cursor=" + bigCursor, "", nil, 400},
	{"a timeline cursor at the int64 limit", "GET", "/api/v1/timeline?a=MAR&cursor=" + bigCursor, "", nil, 400},
	{"a statistics cursor at the int64 limit", "GET", "/api/v1/statistics?cursor=" + bigCursor, "", nil, 400},
	{"a quotes cursor at the int64 limit", "GET", "/api/v1/quotes?cursor=" + bigCursor, "", nil, 400},
	{"a limit past int64", "GET", "/api/v1/documents?limit=99999999999999999999", "", nil, 400},
	{"a document id past int64", "GET", "/api/v1/documents/99999999999999999999", "", nil, 404},
	{"a report id past int64", "GET", "/reports/99999999999999999999", "", nil, 404},
	// Traversing.
	{"a template through an escaped slash", "GET", "/static/..%2ftemplates%2flayout.html", "", nil, 404},
	{"a template through dots", "GET", "/static/%2e%2e/templates/layout.html", "", nil, 404},
	{"the OpenAPI file through static", "GET", "/static/..%2fopenapi.json", "", nil, 404},
	{"the static folder's listing", "GET", "/static/", "", nil, 404},
	{"a static file that is not there", "GET", "/static/nothing.css", "", nil, 404},
	{"a file outside the server", "GET", "/static/../../../../etc/passwd", "", nil, 404},
	{"a document id with a path", "GET", "/api/v1/documents/..%2f..%2fetc%2fpasswd", "", nil, 404},
}

// cursorFor makes a cursor the way the API does, for the catalogue.
func cursorFor(kind string, parts ...string) string { return encodeCursor(kind, parts...) }

// TestBadRequestCatalogue sends every catalogued bad request: each answers its 4xx with a
// JSON error that says what is wrong; pages answer with their error page.
func TestBadRequestCatalogue(t *testing.T) {
	s, st := demo(t, "s3cret")
	h := s.Handler()
	before, _ := st.Counts(t.Context())
	for _, c := range catalogue {
		t.Run(c.name, func(t *testing.T) {
			w := serve(h, c.method, c.url, c.body, c.header)
			if w.Code != c.status {
				t.Fatalf("%s %s: %d, want %d: %.300s", c.method, c.url, w.Code, c.status, w.Body.String())
			}
			if w.Code < 400 || w.Code >= 500 {
				t.Fatalf("not a 4xx")
			}
			if isPage(c.url) {
				if !strings.Contains(w.Body.String(), `<p class="error">`) {
					t.Errorf("no error page: %.300s", w.Body.String())
				}
				return
			}
			if ct := w.Header().Get("Content-Type"); ct != problemType {
				t.Errorf("content type %q", ct)
			}
			var e struct {
				Detail string `json:"detail"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || len(e.Detail) < 8 {
				t.Errorf("not a clear JSON error (%v): %.300s", err, w.Body.String())
			}
			for _, leak := range []string{"{{define", "goroutine", "/internal/", "0x"} {
				if strings.Contains(w.Body.String(), leak) {
					t.Errorf("the answer leaks %q: %.300s", leak, w.Body.String())
				}
			}
		})
	}
	after, _ := st.Counts(t.Context())
	if before["documents"] != after["documents"] {
		t.Errorf("bad requests stored documents: %d -> %d", before["documents"], after["documents"])
	}
}

// isPage tells the dashboard's pages from the API and the assets.
func isPage(url string) bool {
	for _, p := range []string{"/search", "/actors/", "/reports/", "/timeline", "/series", "/conflicts"} {
		if strings.HasPrefix(url, p) {
			return true
		}
	}
	return false
}

// serve sends one request to h; it is safe to call from many goroutines.
func serve(h http.Handler, method, url, body string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// TestListsPageThroughEverything walks every list one item a page, following the cursors:
// each item comes once, and as many as the whole list holds.
func TestListsPageThroughEverything(t *testing.T) {
	s, _ := demo(t, "")
	h := s.Handler()
	for _, list := range []string{"/api/v1/documents?q=migrants", "/api/v1/documents?actor=MAR", "/api/v1/events?actor=MAR",
		"/api/v1/statistics?country=MAR", "/api/v1/statistics?category=migrants_intercepted", "/api/v1/claims?country=MAR",
		"/api/v1/quotes?speaker=", "/api/v1/timeline?a=MAR"} {
		whole := map[string]any{}
		if err := json.Unmarshal(serve(h, "GET", list+"&limit=100", "", nil).Body.Bytes(), &whole); err != nil {
			t.Fatalf("%s: %v", list, err)
		}
		key := "items"
		if strings.Contains(list, "timeline") {
			key = "clusters"
		}
		want, _ := json.Marshal(whole[key])
		var got []any
		url := list + "&limit=1"
		for i := 0; url != "" && i < 200; i++ {
			var pg map[string]any
			w := serve(h, "GET", url, "", nil)
			if err := json.Unmarshal(w.Body.Bytes(), &pg); err != nil || w.Code != 200 {
				t.Fatalf("%s: %d %v", url, w.Code, err)
			}
			items, _ := pg[key].([]any)
			got = append(got, items...)
			url = ""
			if c, _ := pg["next_cursor"].(string); c != "" {
				url = list + "&limit=1&cursor=" + c
			}
		}
		if g, _ := json.Marshal(got); string(g) != string(want) || len(got) < 2 {
			t.Errorf("%s: %d items one a page, %d in one page", list, len(got), len(whole[key].([]any)))
		}
	}
}
