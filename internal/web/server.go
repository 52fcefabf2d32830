// Package web serves the JSON API (/api/v1) and the dashboard over a store. Pages are
// rendered on the server with html/template and work without JavaScript; a small embedded
// script adds interaction. Every response carries a Content-Security-Policy with no inline
// script, every input is validated, and every server timeout is set.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/store"
)

//go:embed static templates openapi.json
var assets embed.FS

// staticFiles are the files under /static/: the style sheet and the script, nothing else of
// the embedded folder (templates and the OpenAPI file are not assets).
var staticFiles = func() fs.FS {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err)
	}
	return sub
}()

// static serves one file of the static folder by its name; folders are not listed.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := fs.ReadFile(staticFiles, name)
	if err != nil || !fs.ValidPath(name) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such file under /static/"})
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

var openAPI = mustRead("openapi.json")

func mustRead(name string) []byte {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

// Server is the API and the dashboard over one store.
type Server struct {
	st      store.Store
	x       *extract.Extractor
	token   string // writes need it; "" makes the server read-only
	log     *log.Logger
	writeMu sync.Mutex
	metrics *metrics
	handler http.Handler
	cache   *cache // nil: every request is answered afresh
}

// Cache makes the server keep its answers to GET requests of the pages and the API for ttl
// (see cache); 0 turns it off. Call it before serving.
func (s *Server) Cache(ttl time.Duration) {
	s.cache = nil
	if ttl > 0 {
		s.cache = newCache(ttl, 64<<20)
	}
}

// uncached are the routes answered afresh every time: what operators poll, and files.
var uncached = map[string]bool{"GET /healthz": true, "GET /metrics": true, "GET /static/{file}": true, "GET /api/v1/openapi.json": true}

// New returns a server. token is the bearer token that writes need; empty means read-only.
func New(st store.Store, x *extract.Extractor, token string, logger *log.Logger) *Server {
	if logger == nil {
		logger = log.Default()
	}
	s := &Server{st: st, x: x, token: token, log: logger, metrics: newMetrics()}
	mux := http.NewServeMux()
	s.routesAPI(mux)
	s.routesPages(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := st.Recent(r.Context(), 0, 1); err != nil {
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /metrics", s.metrics.serve)
	s.handler = s.wrap(mux)
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// csp allows only the server's own scripts, styles and images: no inline script.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// requestTimeout bounds the work of one request: its context ends then, and the store's query
// with it. Writes (a report to extract and store) get longer.
const (
	requestTimeout = 10 * time.Second
	writeTimeout   = 50 * time.Second
)

// wrap adds security headers, a body limit, a deadline, panic recovery and metrics to every
// request, and answers what no route serves (a path, a method, a path with dot segments)
// with a JSON error.
func (s *Server) wrap(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		timeout := requestTimeout
		if r.Method == http.MethodPost {
			timeout = writeTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		var handler http.Handler = mux // it sets the path's values, which mux.Handler does not
		_, pattern := mux.Handler(r)
		if dotSegment(r.URL.Path) {
			// "/static/..%2ftemplates": no route takes dot segments, and a redirect to the
			// cleaned path would only invite the next guess.
			handler, pattern = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such path: paths may not hold . or .. segments"})
			}), ""
		} else if pattern == "" {
			handler = unmatched(mux)
		}
		defer func() {
			if v := recover(); v != nil {
				s.log.Printf("panic serving %s: %v", r.URL.Path, v)
				if !rec.wrote {
					writeJSON(rec, http.StatusInternalServerError, map[string]string{"error": "internal error"})
				}
			}
			if pattern == "" {
				pattern = "unmatched"
			}
			s.metrics.observe(pattern, rec.status, time.Since(start))
		}()
		if s.cache != nil && pattern != "" && r.Method == http.MethodGet && !uncached[pattern] {
			s.cache.serve(rec, r, handler)
			return
		}
		handler.ServeHTTP(rec, r)
	})
}

// dotSegment reports whether a (decoded) path holds a "." or ".." segment.
func dotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// unmatched turns the mux's own answers to what no route serves (404, 405, as plain text) into
// JSON errors; its redirects to a canonical path pass through.
func unmatched(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &capture{header: http.Header{}, status: http.StatusOK}
		h.ServeHTTP(c, r)
		switch c.status {
		case http.StatusNotFound:
			writeJSON(w, c.status, map[string]string{"error": "no such path: see /api/v1/openapi.json for the API"})
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", c.header.Get("Allow"))
			writeJSON(w, c.status, map[string]string{"error": fmt.Sprintf("method %s is not allowed here; allowed: %s", r.Method, c.header.Get("Allow"))})
		default:
			for k, v := range c.header {
				w.Header()[k] = v
			}
			w.WriteHeader(c.status)
			w.Write(c.body.Bytes())
		}
	})
}

// capture keeps a small answer in memory.
type capture struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (c *capture) Header() http.Header         { return c.header }
func (c *capture) WriteHeader(code int)        { c.status = code }
func (c *capture) Write(b []byte) (int, error) { return c.body.Write(b) }

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// ShutdownGrace is how long requests in flight may go on after ctx is done; then their contexts
// are cancelled (a query stops at once) and the connections closed, so that the server stops
// within about two seconds of a signal whatever it is doing.
const ShutdownGrace = time.Second

// Serve listens on addr until ctx is done, with every timeout set, then shuts down: it stops
// accepting, lets requests in flight finish for ShutdownGrace, and cancels the rest. stopping
// (may be nil) is called when the shutdown begins.
func Serve(ctx context.Context, addr string, h http.Handler, ready func(net.Addr), stopping func()) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	if stopping != nil {
		stopping()
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// Requests still running: cancel their contexts and close their connections.
		cancelBase()
		srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// metrics counts requests by route and status, with a latency histogram, in the Prometheus
// text format.
type metrics struct {
	mu      sync.Mutex
	count   map[[2]string]int64
	buckets map[string][]int64
	sum     map[string]float64
	n       map[string]int64
}

var bounds = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

func newMetrics() *metrics {
	return &metrics{count: map[[2]string]int64{}, buckets: map[string][]int64{}, sum: map[string]float64{}, n: map[string]int64{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.count[[2]string{route, fmt.Sprint(status)}]++
	b := m.buckets[route]
	if b == nil {
		b = make([]int64, len(bounds))
		m.buckets[route] = b
	}
	sec := d.Seconds()
	for i, ub := range bounds {
		if sec <= ub {
			b[i]++
		}
	}
	m.sum[route] += sec
	m.n[route]++
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	var b strings.Builder
	b.WriteString("# HELP alboran_http_requests_total HTTP requests by route and status.\n# TYPE alboran_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(&b, "alboran_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.count[k])
	}
	b.WriteString("# HELP alboran_http_request_duration_seconds HTTP request latency by route.\n# TYPE alboran_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.n))
	for r := range m.n {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		for i, ub := range bounds {
			fmt.Fprintf(&b, "alboran_http_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", r, ub, m.buckets[r][i])
		}
		fmt.Fprintf(&b, "alboran_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, m.n[r])
		fmt.Fprintf(&b, "alboran_http_request_duration_seconds_sum{route=%q} %g\n", r, m.sum[r])
		fmt.Fprintf(&b, "alboran_http_request_duration_seconds_count{route=%q} %d\n", r, m.n[r])
	}
	w.Write([]byte(b.String()))
}
