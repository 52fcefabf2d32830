// Package web serves the JSON API (/api/v1) and the dashboard over a store. Pages are
// rendered on the server with html/template and work without JavaScript; a small embedded
// script adds interaction. Every response carries a Content-Security-Policy with no inline
// script, every input is validated, and every server timeout is set.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/store"
)

//go:embed static templates openapi.json
var assets embed.FS

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
}

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

// wrap adds security headers, a body limit, panic recovery and metrics to every request.
func (s *Server) wrap(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		_, pattern := mux.Handler(r)
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
		mux.ServeHTTP(rec, r)
	})
}

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

// Serve listens on addr until ctx is done, with every timeout set, then shuts down
// gracefully.
func Serve(ctx context.Context, addr string, h http.Handler, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
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
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			return err
		}
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
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
