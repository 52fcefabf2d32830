package web

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// corsHeaders lets the origins given to CORS read the API from a browser: a request from one
// of them gets Access-Control-Allow-Origin, and a preflight (OPTIONS with
// Access-Control-Request-Method) is answered here with 204. It reports whether it answered.
// The token is a header, not a cookie, so credentials are never allowed.
func (s *Server) corsHeaders(w http.ResponseWriter, r *http.Request) bool {
	if len(s.cors) == 0 {
		return false
	}
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if origin == "" || !(s.cors["*"] || s.cors[origin]) {
		return false
	}
	if s.cors["*"] {
		h.Set("Access-Control-Allow-Origin", "*")
	} else {
		h.Set("Access-Control-Allow-Origin", origin)
	}
	h.Set("Access-Control-Expose-Headers", "ETag, Location")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// minGzip is the smallest answer worth compressing: below it, gzip's header and the CPU
// cost more than they save.
const minGzip = 1024

var gzipWriters = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression); return w }}

// finish answers a read: the handler's answer is kept in memory (answers are bounded: pages of
// at most 100 items), and a 200 gets a weak ETag over its body, Cache-Control (public for
// --cache, else no-cache: clients revalidate) and a 304 when If-None-Match names its ETag.
// An answer over minGzip bytes of a text type is gzipped for clients that accept it.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, h http.Handler, pattern string) {
	c := &capture{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(c, r)
	out := w.Header()
	for k, v := range c.header {
		out[k] = v
	}
	body := c.body.Bytes()
	if c.status != http.StatusOK {
		w.WriteHeader(c.status)
		w.Write(body)
		return
	}
	sum := sha256.Sum256(body)
	etag := `W/"` + hex.EncodeToString(sum[:12]) + `"`
	out.Set("ETag", etag)
	if out.Get("Cache-Control") == "" {
		switch {
		case uncached[pattern]:
			out.Set("Cache-Control", "no-cache")
		case s.maxAge >= 1e9:
			out.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(s.maxAge.Seconds())))
		default:
			out.Set("Cache-Control", "no-cache")
		}
	}
	out.Add("Vary", "Accept-Encoding")
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		out.Del("Content-Type")
		out.Del("Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if len(body) >= minGzip && compressible(out.Get("Content-Type")) && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		out.Set("Content-Encoding", "gzip")
		out.Del("Content-Length")
		w.WriteHeader(c.status)
		if r.Method == http.MethodHead {
			return
		}
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(w)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
		return
	}
	out.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(c.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatch is If-None-Match's weak comparison (RFC 9110, 13.1.2): "*" or any listed tag with
// the same opaque part.
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// compressible reports whether a content type is text that gzip shrinks.
func compressible(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	ct = strings.TrimSpace(ct)
	return strings.HasPrefix(ct, "text/") || ct == "application/json" || ct == problemType ||
		ct == "image/svg+xml" || ct == "application/javascript"
}

// acceptsGzip reads Accept-Encoding: gzip (or *) with a q-value above 0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "*" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		return q > 0
	}
	return false
}
