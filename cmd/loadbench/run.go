package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/testcorpus"
	"github.com/alboran/alboran/internal/web"
)

type runOptions struct {
	db, url, token string
	cpuprofile     string
	cache          time.Duration
	rate, posts    float64
	dur            time.Duration
	inflight       int
	seed           uint64
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o runOptions
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.db, "db", "", "serve this database (a SQLite file or a postgres:// URL) in this process, on loopback")
	fs.StringVar(&o.url, "url", "", "drive the server at this address instead (e.g. http://127.0.0.1:8080)")
	fs.StringVar(&o.token, "token", "loadbench", "the bearer token for posts (with --db the in-process server takes it)")
	fs.Float64Var(&o.rate, "rate", 200, "read requests a second (API and pages)")
	fs.Float64Var(&o.posts, "posts", 0, "reports posted a second during the reads, each new")
	fs.DurationVar(&o.dur, "for", 60*time.Second, "how long to send")
	fs.IntVar(&o.inflight, "inflight", 512, "requests in flight at most; one more is counted as an error")
	fs.Uint64Var(&o.seed, "seed", 1, "the seed of the request mix")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "with --db, write a CPU profile of the run to this file")
	fs.DurationVar(&o.cache, "cache", 2*time.Second, "with --db, how long the server keeps its answers (as alboran serve --cache); 0 answers every request afresh")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (o.db == "") == (o.url == "") {
		return errors.New("run: give --db or --url")
	}
	base := strings.TrimSuffix(o.url, "/")
	var st store.Store
	if o.db != "" {
		var err error
		var stop func()
		if st, base, stop, err = serveDB(ctx, o.db, o.token, o.cache, stderr); err != nil {
			return err
		}
		defer stop()
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.inflight, MaxConnsPerHost: o.inflight}}
	mix, err := discover(ctx, client, base, o.seed)
	if err != nil {
		return fmt.Errorf("run: reading what the server holds: %w", err)
	}
	var before int64
	if st != nil {
		c, err := st.Counts(ctx)
		if err != nil {
			return err
		}
		before = c["documents"]
	}
	fmt.Fprintf(stdout, "driving %s: %.0f reads/s and %.0f posts/s for %v (%d reports seen, newest id %d)\n", base, o.rate, o.posts, o.dur, mix.reports, mix.maxID)
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	res := drive(ctx, client, base, mix, o)
	res.print(stdout, o)
	if o.posts > 0 {
		if err := checkPosts(ctx, client, base, o.token, res.posted, st, before, stdout); err != nil {
			return err
		}
	}
	return nil
}

// serveDB serves the database db (a SQLite file or a postgres:// URL) in this process, on
// loopback, keeping answers for cache; stop stops the server and closes the store.
func serveDB(ctx context.Context, db, token string, cache time.Duration, stderr io.Writer) (st store.Store, base string, stop func(), err error) {
	if st, err = openStore(ctx, db); err != nil {
		return nil, "", nil, err
	}
	lx, err := lexicon.Default()
	if err != nil {
		st.Close()
		return nil, "", nil, err
	}
	srv := web.New(st, extract.New(lx), token, slog.New(slog.NewTextHandler(stderr, nil)))
	srv.Cache(cache)
	sctx, cancel := context.WithCancel(ctx)
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- web.Serve(sctx, "127.0.0.1:0", srv.Handler(), func(a net.Addr) { ready <- a }, nil) }()
	select {
	case a := <-ready:
		return st, "http://" + a.String(), func() { cancel(); <-done; st.Close() }, nil
	case err := <-done:
		cancel()
		st.Close()
		return nil, "", nil, err
	}
}

// mix makes the requests of a realistic session: pages and API lists, over what the server
// holds.
type mix struct {
	r        *rand.Rand
	maxID    int64
	reports  int64
	actors   []string
	dyads    [][2]string
	claims   [][2]string // category, country
	speakers []string
	names    []string
	cursors  map[string][]string // list -> next cursors seen, for deeper pages
	mu       sync.Mutex
}

var words = []string{"migrants", "rescued", "boat", "coast guard", "trafficking", "smugglers", "border", "asylum", "Libya", "Lampedusa",
	"arrested", "agreement", "\"search and rescue\"", "capsized", "detention", "deported", "Ceuta", "Mediterranean", "minister", "UNHCR"}

// discover reads a few lists to know ids, actors, dyads, claims and speakers.
func discover(ctx context.Context, c *http.Client, base string, seed uint64) (*mix, error) {
	m := &mix{r: rand.New(rand.NewPCG(seed, seed+1)), cursors: map[string][]string{}}
	var docs struct {
		Items []struct {
			ID int64 `json:"doc_rowid"`
		} `json:"items"`
	}
	if err := getJSON(ctx, c, base+"/api/v1/documents?limit=1", &docs); err != nil {
		return nil, err
	}
	if len(docs.Items) == 0 {
		return nil, errors.New("the database holds no reports: run loadbench build first")
	}
	m.maxID, m.reports = docs.Items[0].ID, docs.Items[0].ID
	var claims struct {
		Items []struct {
			Category string `json:"category"`
			Country  string `json:"country"`
		} `json:"items"`
	}
	if err := getJSON(ctx, c, base+"/api/v1/claims?limit=100", &claims); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, it := range claims.Items {
		m.claims = append(m.claims, [2]string{it.Category, it.Country})
		if it.Country != "" && !seen[it.Country] {
			seen[it.Country] = true
			m.actors = append(m.actors, it.Country)
		}
	}
	for _, a := range []string{"MAR", "ESP", "ITA", "GRC", "LBY", "TUR", "TUN", "FRA", "GBR", "EU"} {
		if !seen[a] {
			m.actors = append(m.actors, a)
		}
	}
	for i := 0; i+1 < len(m.actors); i++ {
		m.dyads = append(m.dyads, [2]string{m.actors[i], m.actors[(i+1+i%3)%len(m.actors)]})
	}
	var quotes struct {
		Items []struct {
			Speaker string `json:"speaker"`
		} `json:"items"`
	}
	if err := getJSON(ctx, c, base+"/api/v1/quotes?limit=100", &quotes); err != nil {
		return nil, err
	}
	for _, q := range quotes.Items {
		if q.Speaker == "" || seen["s"+q.Speaker] || len(m.speakers) >= 20 {
			continue
		}
		seen["s"+q.Speaker] = true
		// Only speakers who have a page: a quote's speaker can be a role ("the minister").
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"/actors/"+url.PathEscape(q.Speaker), nil)
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			continue
		}
		m.speakers = append(m.speakers, q.Speaker)
		if f := strings.Fields(q.Speaker); len(f) > 1 {
			m.names = append(m.names, f[len(f)-1])
		}
	}
	if len(m.speakers) == 0 {
		m.speakers = []string{"Karima Benyaich"}
	}
	if len(m.names) == 0 {
		m.names = []string{"Benyaich"}
	}
	if len(m.claims) == 0 {
		m.claims = [][2]string{{"migrants_rescued", ""}}
	}
	return m, nil
}

func getJSON(ctx context.Context, c *http.Client, u string, v any) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s: %d %s", u, resp.StatusCode, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// weighted request kinds: the share of a realistic session each takes.
var kinds = []struct {
	name   string
	weight int
}{
	{"page /", 8}, {"page /reports/{id}", 12}, {"page /search", 7}, {"page /actors/{code}", 4}, {"page /actors/{name}", 3},
	{"page /timeline", 5}, {"page /series", 4}, {"page /conflicts", 4},
	{"api documents/{id}", 9}, {"api documents", 4}, {"api documents?q", 9}, {"api events", 4}, {"api statistics", 4},
	{"api claims", 4}, {"api quotes", 3}, {"api timeline", 4}, {"api series", 3}, {"api entities", 3}, {"next page", 4},
	{"static, health", 1},
}

// next returns a request's kind and address.
func (m *mix) next() (string, string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	x := m.r.IntN(total)
	kind := kinds[0].name
	for _, k := range kinds {
		if x < k.weight {
			kind = k.name
			break
		}
		x -= k.weight
	}
	r := m.r
	id := 1 + r.Int64N(m.maxID)
	actor := m.actors[r.IntN(len(m.actors))]
	dyad := m.dyads[r.IntN(len(m.dyads))]
	claim := m.claims[r.IntN(len(m.claims))]
	word := url.QueryEscape(words[r.IntN(len(words))])
	switch kind {
	case "page /":
		return kind, "/"
	case "page /reports/{id}":
		return kind, fmt.Sprintf("/reports/%d", id)
	case "page /search":
		return kind, "/search?q=" + word
	case "page /actors/{code}":
		return kind, "/actors/" + actor
	case "page /actors/{name}":
		return kind, "/actors/" + url.PathEscape(m.speakers[r.IntN(len(m.speakers))])
	case "page /timeline":
		return kind, "/timeline?a=" + dyad[0] + "&b=" + dyad[1]
	case "page /series":
		return kind, "/series?category=" + claim[0] + "&country=" + claim[1] + "&by=period"
	case "page /conflicts":
		return kind, "/conflicts"
	case "api documents/{id}":
		return kind, fmt.Sprintf("/api/v1/documents/%d", id)
	case "api documents":
		return kind, "/api/v1/documents?limit=20"
	case "api documents?q":
		if r.IntN(3) == 0 {
			return kind, "/api/v1/documents?q=" + word + "&actor=" + actor + "&since=2015"
		}
		return kind, "/api/v1/documents?q=" + word
	case "api events":
		return kind, "/api/v1/events?actor=" + actor
	case "api statistics":
		if r.IntN(2) == 0 {
			return kind, "/api/v1/statistics?category=" + claim[0]
		}
		return kind, "/api/v1/statistics"
	case "api claims":
		if r.IntN(2) == 0 {
			return kind, "/api/v1/claims?conflicts=true"
		}
		return kind, "/api/v1/claims?category=" + claim[0]
	case "api quotes":
		if r.IntN(2) == 0 {
			return kind, "/api/v1/quotes?speaker=" + url.QueryEscape(m.speakers[r.IntN(len(m.speakers))])
		}
		return kind, "/api/v1/quotes"
	case "api timeline":
		return kind, "/api/v1/timeline?a=" + dyad[0] + "&b=" + dyad[1]
	case "api series":
		return kind, "/api/v1/series?category=" + claim[0] + "&country=" + claim[1]
	case "api entities":
		return kind, "/api/v1/entities?name=" + url.QueryEscape(m.names[r.IntN(len(m.names))])
	case "next page":
		// A later page of a list a client read before.
		for list, cs := range m.cursors {
			if len(cs) > 0 {
				c := cs[r.IntN(len(cs))]
				return kind, list + "&cursor=" + c
			}
		}
		return kind, "/api/v1/quotes?limit=20"
	}
	if r.IntN(2) == 0 {
		return kind, "/healthz"
	}
	return kind, "/static/style.css"
}

// remember keeps the next cursor a list gave, for later requests of deeper pages.
func (m *mix) remember(u string, body []byte) {
	if !strings.HasPrefix(u, "/api/v1/") || strings.Contains(u, "cursor=") || !strings.Contains(u, "?") {
		return
	}
	var p struct {
		Next string `json:"next_cursor"`
	}
	if json.Unmarshal(body, &p) != nil || p.Next == "" {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if cs := m.cursors[u]; len(cs) < 8 {
		m.cursors[u] = append(cs, p.Next)
	}
}

type sample struct {
	kind string
	d    time.Duration
	ok   bool
}

type results struct {
	samples []sample
	errs    map[string]int
	posted  []string // the bodies of the posts the server stored
	postLat []time.Duration
	postErr int
	sent    time.Duration
}

// drive sends requests at a fixed rate (and posts at theirs) for o.dur. A request's latency
// counts from when it was due, so that a server that falls behind is seen to.
func drive(ctx context.Context, c *http.Client, base string, m *mix, o runOptions) *results {
	res := &results{errs: map[string]int{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var inflight atomic.Int64
	start := time.Now()
	n := int(o.rate * o.dur.Seconds())
	post := 0
	nPosts := int(o.posts * o.dur.Seconds())
	postEvery := time.Duration(0)
	if nPosts > 0 {
		postEvery = time.Duration(float64(time.Second) / o.posts)
	}
	readEvery := time.Duration(float64(time.Second) / o.rate)
	bodies := testcorpus.Generate(nPosts, o.seed^uint64(start.UnixNano()))
	for i := 0; i < n || post < nPosts; {
		if ctx.Err() != nil {
			break
		}
		dueRead := start.Add(time.Duration(i) * readEvery)
		duePost := start.Add(time.Duration(post) * postEvery)
		isPost := post < nPosts && (i >= n || duePost.Before(dueRead))
		due := dueRead
		if isPost {
			due = duePost
		}
		if d := time.Until(due); d > 0 {
			time.Sleep(d)
		}
		if inflight.Load() >= int64(o.inflight) {
			mu.Lock()
			res.errs["too many in flight"]++
			res.samples = append(res.samples, sample{"dropped", 0, false})
			mu.Unlock()
			if isPost {
				post++
			} else {
				i++
			}
			continue
		}
		inflight.Add(1)
		wg.Add(1)
		if isPost {
			d := bodies[post]
			post++
			go func(due time.Time) {
				defer wg.Done()
				defer inflight.Add(-1)
				body, _ := json.Marshal(map[string]string{"title": d.Title, "published": *d.Published,
					"text": d.Text + fmt.Sprintf("\n\nPosted by loadbench at %d.", due.UnixNano())})
				req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/documents", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+o.token)
				resp, err := c.Do(req)
				ok := false
				var out struct {
					Stored bool `json:"stored"`
				}
				if err == nil {
					// A new report answers 201 Created, with stored true.
					ok = resp.StatusCode == http.StatusCreated && json.NewDecoder(resp.Body).Decode(&out) == nil && out.Stored
					resp.Body.Close()
				}
				mu.Lock()
				defer mu.Unlock()
				res.postLat = append(res.postLat, time.Since(due))
				if ok {
					res.posted = append(res.posted, string(body))
				} else {
					res.postErr++
				}
			}(due)
			continue
		}
		kind, u := m.next()
		i++
		go func(kind, u string, due time.Time) {
			defer wg.Done()
			defer inflight.Add(-1)
			req, _ := http.NewRequestWithContext(ctx, "GET", base+u, nil)
			resp, err := c.Do(req)
			ok := err == nil
			why := ""
			if err != nil {
				why = err.Error()
			} else {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					ok, why = false, fmt.Sprintf("%d on %s: %.120s", resp.StatusCode, u, b)
				} else {
					m.remember(u, b)
				}
			}
			d := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			res.samples = append(res.samples, sample{kind, d, ok})
			if !ok {
				res.errs[why]++
			}
		}(kind, u, dueRead)
	}
	res.sent = time.Since(start)
	wg.Wait()
	return res
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

func (res *results) print(w io.Writer, o runOptions) {
	by := map[string][]time.Duration{}
	var all []time.Duration
	errs := 0
	for _, s := range res.samples {
		by[s.kind] = append(by[s.kind], s.d)
		all = append(all, s.d)
		if !s.ok {
			errs++
		}
	}
	names := make([]string, 0, len(by))
	for k := range by {
		names = append(names, k)
		sort.Slice(by[k], func(i, j int) bool { return by[k][i] < by[k][j] })
	}
	sort.Strings(names)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	fmt.Fprintf(w, "%-22s %7s %8s %8s %8s %8s\n", "requests (ms)", "n", "p50", "p95", "p99", "max")
	for _, k := range names {
		l := by[k]
		fmt.Fprintf(w, "%-22s %7d %8s %8s %8s %8s\n", k, len(l), ms(pct(l, .5)), ms(pct(l, .95)), ms(pct(l, .99)), ms(l[len(l)-1]))
	}
	if len(all) > 0 {
		fmt.Fprintf(w, "%-22s %7d %8s %8s %8s %8s\n", "all reads", len(all), ms(pct(all, .5)), ms(pct(all, .95)), ms(pct(all, .99)), ms(all[len(all)-1]))
	}
	fmt.Fprintf(w, "reads: %d sent in %v (%.1f/s), %d errors\n", len(res.samples), res.sent.Round(time.Millisecond),
		float64(len(res.samples))/res.sent.Seconds(), errs)
	for why, n := range res.errs {
		fmt.Fprintf(w, "  %d× %s\n", n, why)
	}
	if o.posts > 0 {
		sort.Slice(res.postLat, func(i, j int) bool { return res.postLat[i] < res.postLat[j] })
		fmt.Fprintf(w, "posts: %d stored, %d failed; p50 %s ms, p99 %s ms\n", len(res.posted), res.postErr,
			ms(pct(res.postLat, .5)), ms(pct(res.postLat, .99)))
	}
}

// checkPosts checks that every post was stored exactly once: posting each again changes
// nothing, and (with --db) the reports grew by the posts.
func checkPosts(ctx context.Context, c *http.Client, base, token string, posted []string, st store.Store, before int64, w io.Writer) error {
	again := 0
	for _, body := range posted {
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/documents", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		// A report stored before answers 200 with stored false, and stores nothing.
		out := struct {
			Stored bool `json:"stored"`
		}{Stored: true}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err == nil && resp.StatusCode == http.StatusOK && !out.Stored {
			again++
		}
	}
	line := fmt.Sprintf("posts stored exactly once: %d of %d posted again were already there", again, len(posted))
	if st != nil {
		cnt, err := st.Counts(ctx)
		if err != nil {
			return err
		}
		line += fmt.Sprintf("; the reports grew by %d", cnt["documents"]-before)
		if cnt["documents"]-before != int64(len(posted)) {
			again = -1
		}
	}
	fmt.Fprintln(w, line)
	if again != len(posted) {
		return errors.New("some posts were not stored exactly once")
	}
	return nil
}
