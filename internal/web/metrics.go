package web

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	metricspkg "github.com/alboran/alboran/internal/metrics"
)

// metrics counts requests by route and status, with a latency histogram, and the reports
// posted by outcome, in the Prometheus text format.
type metrics struct {
	mu      sync.Mutex
	count   map[[2]string]int64
	latency map[string]*histogram // by route

	posted      map[string]int64 // reports posted, by outcome: stored, unchanged, rejected, failed
	postedBytes int64            // the text of reports stored or unchanged
	ingest      histogram        // seconds to extract and store a posted report
}

var bounds = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

// ingestBounds are wider: a long report takes seconds to extract.
var ingestBounds = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

type histogram struct {
	buckets []int64
	sum     float64
	n       int64
}

func (h *histogram) observe(bounds []float64, sec float64) {
	if h.buckets == nil {
		h.buckets = make([]int64, len(bounds))
	}
	for i, ub := range bounds {
		if sec <= ub {
			h.buckets[i]++
		}
	}
	h.sum += sec
	h.n++
}

func newMetrics() *metrics {
	return &metrics{count: map[[2]string]int64{}, latency: map[string]*histogram{},
		posted: map[string]int64{"stored": 0, "unchanged": 0, "rejected": 0, "failed": 0}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.count[[2]string{route, fmt.Sprint(status)}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{}
		m.latency[route] = h
	}
	h.observe(bounds, d.Seconds())
}

// write writes the histogram's samples as name, with labels (`route="x",` or "") first.
func (h *histogram) write(b *strings.Builder, name, labels string, bounds []float64) {
	for i, ub := range bounds {
		var c int64
		if h.buckets != nil {
			c = h.buckets[i]
		}
		fmt.Fprintf(b, "%s_bucket{%sle=\"%g\"} %d\n", name, labels, ub, c)
	}
	fmt.Fprintf(b, "%s_bucket{%sle=\"+Inf\"} %d\n", name, labels, h.n)
	labels = strings.TrimSuffix(labels, ",")
	if labels != "" {
		labels = "{" + labels + "}"
	}
	fmt.Fprintf(b, "%s_sum%s %g\n", name, labels, h.sum)
	fmt.Fprintf(b, "%s_count%s %d\n", name, labels, h.n)
}

// post counts a posted report: its outcome, its text's size when it was taken, and the time
// its extraction and storage took.
func (m *metrics) post(outcome string, bytes int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.posted[outcome]++
	if outcome == "stored" || outcome == "unchanged" {
		m.postedBytes += int64(bytes)
		m.ingest.observe(ingestBounds, d.Seconds())
	}
}

// serveMetrics writes the process's, the runtime's and the build's metrics, then the server's.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", metricspkg.ContentType)
	w.Header().Set("Cache-Control", "no-store")
	var b strings.Builder
	metricspkg.WriteProcess(&b, s.version)
	s.metrics.write(&b)
	w.Write([]byte(b.String()))
}

func (m *metrics) write(b *strings.Builder) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b.WriteString("# HELP alboran_http_requests_total HTTP requests by route and status.\n# TYPE alboran_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(b, "alboran_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.count[k])
	}
	b.WriteString("# HELP alboran_http_request_duration_seconds HTTP request latency by route.\n# TYPE alboran_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		m.latency[r].write(b, "alboran_http_request_duration_seconds", fmt.Sprintf("route=%q,", r), bounds)
	}
	b.WriteString("# HELP alboran_ingest_documents_total Reports posted to the API by outcome (stored, unchanged, rejected: a bad request, failed: an error of the server).\n# TYPE alboran_ingest_documents_total counter\n")
	outcomes := make([]string, 0, len(m.posted))
	for o := range m.posted {
		outcomes = append(outcomes, o)
	}
	sort.Strings(outcomes)
	for _, o := range outcomes {
		fmt.Fprintf(b, "alboran_ingest_documents_total{outcome=%q} %d\n", o, m.posted[o])
	}
	b.WriteString("# HELP alboran_ingest_bytes_total Bytes of report text posted and taken.\n# TYPE alboran_ingest_bytes_total counter\n")
	fmt.Fprintf(b, "alboran_ingest_bytes_total %d\n", m.postedBytes)
	b.WriteString("# HELP alboran_ingest_duration_seconds Time to extract and store a posted report.\n# TYPE alboran_ingest_duration_seconds histogram\n")
	m.ingest.write(b, "alboran_ingest_duration_seconds", "", ingestBounds)
}
