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
	"log/slog"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/alboran/alboran/internal/extract"
	metricspkg "github.com/alboran/alboran/internal/metrics"
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
		writeProblem(w, r, http.StatusNotFound, "no such file under /static/")
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
	log     *slog.Logger
	access  *slog.Logger // one line per request; nil: none
	cors    map[string]bool
	version string
	writeMu sync.Mutex
	metrics *metrics
	handler http.Handler
	cache   *cache        // nil: every request is answered afresh
	maxAge  time.Duration // what Cache-Control lets clients keep a read
}

// Cache makes the server keep its answers to GET requests of the pages and the API for ttl
// (see cache), and lets clients and proxies keep them as long (Cache-Control max-age); 0 turns
// both off (clients then revalidate with the ETag). Call it before serving.
func (s *Server) Cache(ttl time.Duration) {
	s.cache, s.maxAge = nil, 0
	if ttl > 0 {
		s.cache = newCache(ttl, 64<<20)
		s.maxAge = ttl
	}
}

// CORS lets pages from origins (scheme://host[:port], or "*" for any) read the API from a
// browser. Call it before serving.
func (s *Server) CORS(origins ...string) {
	s.cors = map[string]bool{}
	for _, o := range origins {
		s.cors[strings.TrimSuffix(o, "/")] = true
	}
}

// AccessLog logs one line per request to l: method, path, route, status, bytes, duration,
// client address and user agent. Call it before serving.
func (s *Server) AccessLog(l *slog.Logger) { s.access = l }

// Version sets the version /metrics and /healthz report ("" takes what the build recorded).
func (s *Server) Version(v string) { s.version, _ = metricspkg.Version(v) }

// uncached are the routes answered afresh every time: what operators poll, and files.
var uncached = map[string]bool{"GET /healthz": true, "GET /metrics": true, "GET /static/{file}": true, "GET /api/v1/openapi.json": true}

// New returns a server. token is the bearer token that writes need; empty means read-only.
// logger (nil: slog.Default) takes the server's errors.
func New(st store.Store, x *extract.Extractor, token string, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.Default()
	}
	s := &Server{st: st, x: x, token: token, log: logger, metrics: newMetrics()}
	s.version, _ = metricspkg.Version("")
	mux := http.NewServeMux()
	s.routesAPI(mux)
	s.routesPages(mux)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /metrics", s.serveMetrics)
	s.handler = s.wrap(mux)
	return s
}

// Health is the answer of /healthz.
type Health struct {
	Status  string `json:"status"` // "ok" or "unavailable"
	Version string `json:"version"`
	Detail  string `json:"detail,omitempty"`
}

// healthz answers 200 when the store answers a read, else 503.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.st.Recent(r.Context(), 0, 1); err != nil {
		s.log.Error("health check: the store does not answer", "err", err)
		writeProblem(w, r, http.StatusServiceUnavailable, "the store does not answer: see the server's log")
		return
	}
	writeJSON(w, http.StatusOK, Health{Status: "ok", Version: s.version})
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

// wrap adds security headers, CORS, a body limit, a deadline, panic recovery, metrics and the
// access log to every request; answers reads with an ETag, Cache-Control and gzip (see
// finish); and answers what no route serves (a path, a method, a path with dot segments) with
// a problem.
func (s *Server) wrap(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		pattern := ""
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic serving a request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				if !rec.wrote {
					writeProblem(rec, r, http.StatusInternalServerError, "internal error")
				}
			}
			if pattern == "" {
				pattern = "unmatched"
			}
			d := time.Since(start)
			s.metrics.observe(pattern, rec.status, d)
			if s.access != nil {
				s.access.LogAttrs(r.Context(), slog.LevelInfo, "request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", pattern),
					slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes),
					slog.Float64("duration_ms", float64(d.Microseconds())/1000),
					slog.String("remote", r.RemoteAddr), slog.String("user_agent", r.UserAgent()))
			}
		}()
		if s.corsHeaders(rec, r) {
			return // a preflight, answered
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		timeout := requestTimeout
		if r.Method == http.MethodPost {
			timeout = writeTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		var handler http.Handler = mux // it sets the path's values, which mux.Handler does not
		_, pattern = mux.Handler(r)
		if dotSegment(r.URL.Path) {
			// "/static/..%2ftemplates": no route takes dot segments, and a redirect to the
			// cleaned path would only invite the next guess.
			handler, pattern = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				writeProblem(w, r, http.StatusNotFound, "no such path: paths may not hold . or .. segments")
			}), ""
		} else if pattern == "" {
			handler = unmatched(mux)
		}
		if s.cache != nil && pattern != "" && r.Method == http.MethodGet && !uncached[pattern] {
			cached := handler
			handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.cache.serve(w, r, cached) })
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			handler.ServeHTTP(rec, r)
			return
		}
		s.finish(rec, r, handler, pattern)
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
			writeProblem(w, r, c.status, "no such path: see /api/v1/openapi.json for the API")
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", c.header.Get("Allow"))
			writeProblem(w, r, c.status, fmt.Sprintf("method %s is not allowed here; allowed: %s", r.Method, c.header.Get("Allow")))
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
	bytes  int64
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.WriteHeader(http.StatusOK)
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// ShutdownGrace is how long requests in flight may go on after ctx is done; then their contexts
// are cancelled (a query stops at once) and the connections closed, so that the server stops
// within two seconds of a signal whatever it is doing: on a 200,000-report database with 120
// heavy requests in flight on two busy cores, the signal took 0.4 s to be seen and the
// cancelled requests 0.5 s to let go, so the grace is less than a second.
const ShutdownGrace = 750 * time.Millisecond

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
