package web

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/sqlite"
	"github.com/alboran/alboran/internal/testcorpus"
)

// loadDB returns a database of n generated reports, built once and kept in the temporary
// directory between runs.
func loadDB(b *testing.B, n int) *sqlite.DB {
	sum := sha256.Sum256([]byte(extract.Version))
	path := filepath.Join(os.TempDir(), fmt.Sprintf("alboran-load-%d-%x.db", n, sum[:4]))
	_, statErr := os.Stat(path)
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	if statErr == nil {
		return db
	}
	lx, _ := lexicon.Default()
	x := extract.New(lx)
	docs := testcorpus.Generate(n, 99)
	for i := 0; i < n; i += 1000 {
		var es []store.Entry
		for _, d := range docs[i:min(i+1000, n)] {
			es = append(es, store.Entry{Doc: d, Extraction: x.Extract(d), Version: extract.Version})
		}
		if _, err := db.Put(context.Background(), es); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkLoad sends 200 requests a second for ten seconds, from 16 concurrent clients on
// loopback, to the API over 100,000 reports, and reports the p50 and p99 latency and the
// errors. The target is p99 under 100 ms with no errors.
func BenchmarkLoad(b *testing.B) {
	db := loadDB(b, 100_000)
	defer db.Close()
	lx, _ := lexicon.Default()
	srv := httptest.NewServer(New(db, extract.New(lx), "", nil).Handler())
	defer srv.Close()
	paths := []string{
		"/api/v1/documents?limit=20",
		"/api/v1/documents?q=trafficking%20network",
		"/api/v1/documents?q=rescued&actor=GRC&since=2021",
		"/api/v1/documents/12345",
		"/api/v1/documents/98765",
		"/api/v1/timeline?a=MAR&b=ESP",
		"/api/v1/series?category=networks_dismantled&country=TUN",
		"/api/v1/quotes?limit=20",
		"/api/v1/entities?name=Benali",
		"/healthz",
	}
	const rate, seconds, clients = 200, 10, 16
	jobs := make(chan string, rate)
	var mu sync.Mutex
	var lat []time.Duration
	byPath := map[string][]time.Duration{}
	errs := 0
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				t0 := time.Now()
				resp, err := client.Get(srv.URL + p)
				ok := err == nil && resp.StatusCode == 200
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				byPath[p] = append(byPath[p], d)
				if !ok {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	b.ResetTimer()
	tick := time.NewTicker(time.Second / rate)
	for i := 0; i < rate*seconds; i++ {
		<-tick.C
		jobs <- paths[i%len(paths)]
	}
	tick.Stop()
	close(jobs)
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, p := range paths {
		l := byPath[p]
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
		b.Logf("%-60s p50 %7.1f ms  p99 %7.1f ms", p, ms(l[len(l)/2]), ms(l[len(l)*99/100]))
	}
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(float64(errs), "errors")
	b.ReportMetric(float64(len(lat))/seconds, "req/s")
}

// BenchmarkReadsBySize times the pages and lists that used to read every figure (the overview,
// the conflicts, the claims, a series) on 1,000 and 10,000 generated reports. The target is
// under 50 ms each at 10,000 reports, and no growth from 1,000 to 10,000.
func BenchmarkReadsBySize(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		db := loadDB(b, n)
		lx, _ := lexicon.Default()
		h := New(db, extract.New(lx), "", nil).Handler()
		for _, u := range []string{"/", "/conflicts", "/api/v1/claims?conflicts=true", "/api/v1/series?category=migrants_rescued&country=GRC"} {
			b.Run(fmt.Sprintf("%d%s", n, u), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, httptest.NewRequest("GET", u, nil))
					if w.Code != http.StatusOK {
						b.Fatalf("%s: %d", u, w.Code)
					}
				}
			})
		}
		db.Close()
	}
}
