package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// routeCase is one page or API list of the routes command: its name and the address of its
// i-th request. A list read with a cursor first reads its first page (not timed) for one.
type routeCase struct {
	name   string
	url    func(i int) string
	cursor bool
}

// routeCases lists every page and every API list, with and without filters, and a later page
// of each list that has cursors.
func routeCases(m *mix) []routeCase {
	pick := func(xs []string, i int) string { return xs[i%len(xs)] }
	actor := func(i int) string { return pick(m.actors, i) }
	word := func(i int) string { return url.QueryEscape(words[i%len(words)]) }
	claim := func(i int) [2]string { return m.claims[i%len(m.claims)] }
	dyad := func(i int) [2]string { return m.dyads[i%len(m.dyads)] }
	speaker := func(i int) string { return pick(m.speakers, i) }
	// Reports spread over the whole archive, newest to oldest.
	report := func(i int) int64 { return max(1, m.maxID-int64(i)*(m.maxID/23+1)) }
	fixed := func(u string) func(int) string { return func(int) string { return u } }
	return []routeCase{
		{name: "page /", url: fixed("/")},
		{name: "page /conflicts", url: fixed("/conflicts")},
		{name: "page /search?q", url: func(i int) string { return "/search?q=" + word(i) }},
		{name: "page /reports/{id}", url: func(i int) string { return fmt.Sprintf("/reports/%d", report(i)) }},
		{name: "page /actors/{code}", url: func(i int) string { return "/actors/" + actor(i) }},
		{name: "page /actors/{name}", url: func(i int) string { return "/actors/" + url.PathEscape(speaker(i)) }},
		{name: "page /timeline", url: func(i int) string { d := dyad(i); return "/timeline?a=" + d[0] + "&b=" + d[1] }},
		{name: "page /series", url: func(i int) string {
			c := claim(i)
			return "/series?category=" + c[0] + "&country=" + c[1] + "&by=period"
		}},
		{name: "page /map", url: fixed("/map")},
		{name: "api documents", url: fixed("/api/v1/documents")},
		{name: "api documents cursor", url: fixed("/api/v1/documents"), cursor: true},
		{name: "api documents?q", url: func(i int) string { return "/api/v1/documents?q=" + word(i) }},
		{name: "api documents?q cursor", url: func(i int) string { return "/api/v1/documents?q=" + word(i) }, cursor: true},
		{name: "api documents?q&actor&since", url: func(i int) string {
			return "/api/v1/documents?q=" + word(i) + "&actor=" + actor(i) + "&since=2015"
		}},
		{name: "api documents/{id}", url: func(i int) string { return fmt.Sprintf("/api/v1/documents/%d", report(i)) }},
		{name: "api events", url: fixed("/api/v1/events")},
		{name: "api events?actor", url: func(i int) string { return "/api/v1/events?actor=" + actor(i) }},
		{name: "api events?actor cursor", url: func(i int) string { return "/api/v1/events?actor=" + actor(i) }, cursor: true},
		{name: "api events?actor&b&since", url: func(i int) string {
			d := dyad(i)
			return "/api/v1/events?actor=" + d[0] + "&b=" + d[1] + "&since=2015-01-01"
		}},
		{name: "api statistics", url: fixed("/api/v1/statistics")},
		{name: "api statistics cursor", url: fixed("/api/v1/statistics"), cursor: true},
		{name: "api statistics?category", url: func(i int) string { return "/api/v1/statistics?category=" + claim(i)[0] }},
		{name: "api statistics?category&country", url: func(i int) string {
			c := claim(i)
			return "/api/v1/statistics?category=" + c[0] + "&country=" + c[1]
		}},
		{name: "api claims", url: fixed("/api/v1/claims")},
		{name: "api claims cursor", url: fixed("/api/v1/claims"), cursor: true},
		{name: "api claims?conflicts", url: fixed("/api/v1/claims?conflicts=true")},
		{name: "api claims?category", url: func(i int) string { return "/api/v1/claims?category=" + claim(i)[0] }},
		{name: "api quotes", url: fixed("/api/v1/quotes")},
		{name: "api quotes cursor", url: fixed("/api/v1/quotes"), cursor: true},
		{name: "api quotes?speaker", url: func(i int) string { return "/api/v1/quotes?speaker=" + url.QueryEscape(speaker(i)) }},
		{name: "api timeline", url: func(i int) string { d := dyad(i); return "/api/v1/timeline?a=" + d[0] + "&b=" + d[1] }},
		{name: "api timeline cursor", url: func(i int) string { d := dyad(i); return "/api/v1/timeline?a=" + d[0] + "&b=" + d[1] }, cursor: true},
		{name: "api series", url: func(i int) string { c := claim(i); return "/api/v1/series?category=" + c[0] + "&country=" + c[1] }},
		{name: "api entities?name", url: func(i int) string { return "/api/v1/entities?name=" + url.QueryEscape(pick(m.names, i)) }},
	}
}

// cmdRoutes requests every page and API list n times, one request at a time, and prints each
// route's p50, p95 and max: what one user waits for on this database.
func cmdRoutes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "serve this database (a SQLite file or a postgres:// URL) in this process, on loopback")
	u := fs.String("url", "", "request the server at this address instead (e.g. http://127.0.0.1:8080)")
	n := fs.Int("n", 20, "requests per route")
	cache := fs.Duration("cache", 0, "with --db, how long the server keeps its answers; 0 (the default) measures every request afresh")
	timeout := fs.Duration("timeout", 60*time.Second, "a request that takes longer counts as an error")
	only := fs.String("only", "", "measure only the routes whose name contains this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*db == "") == (*u == "") {
		return errors.New("routes: give --db or --url")
	}
	base := strings.TrimSuffix(*u, "/")
	if *db != "" {
		_, b, stop, err := serveDB(ctx, *db, "", *cache, stderr)
		if err != nil {
			return err
		}
		defer stop()
		base = b
	}
	client := &http.Client{Timeout: *timeout}
	m, err := discover(ctx, client, base, 1)
	if err != nil {
		return fmt.Errorf("routes: reading what the server holds: %w", err)
	}
	fmt.Fprintf(stdout, "%s: %d reports; %d requests per route, one at a time\n", base, m.reports, *n)
	fmt.Fprintf(stdout, "%-34s %4s %9s %9s %9s %6s\n", "route (ms)", "n", "p50", "p95", "max", "errors")
	worst, worstP95 := "", time.Duration(0)
	for _, rc := range routeCases(m) {
		if *only != "" && !strings.Contains(rc.name, *only) {
			continue
		}
		var ds []time.Duration
		errs := 0
		why := ""
		for i := 0; i < *n && ctx.Err() == nil; i++ {
			addr := rc.url(i)
			if rc.cursor {
				next, err := nextCursor(ctx, client, base+addr)
				if err != nil {
					errs++
					why = fmt.Sprintf("%s: %v", addr, err)
					continue
				}
				if next == "" {
					continue // a list of one page: nothing to measure
				}
				sep := "?"
				if strings.Contains(addr, "?") {
					sep = "&"
				}
				addr += sep + "cursor=" + url.QueryEscape(next)
			}
			t0 := time.Now()
			status, err := fetch(ctx, client, base+addr)
			d := time.Since(t0)
			if err != nil || status != http.StatusOK {
				errs++
				why = fmt.Sprintf("%s: %d %v", addr, status, err)
				continue
			}
			ds = append(ds, d)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		if len(ds) == 0 {
			fmt.Fprintf(stdout, "%-34s %4d %9s %9s %9s %6d  %s\n", rc.name, 0, "-", "-", "-", errs, why)
			continue
		}
		p95 := pct(ds, .95)
		fmt.Fprintf(stdout, "%-34s %4d %9s %9s %9s %6d", rc.name, len(ds), ms(pct(ds, .5)), ms(p95), ms(ds[len(ds)-1]), errs)
		if why != "" {
			fmt.Fprintf(stdout, "  %.100s", why)
		}
		fmt.Fprintln(stdout)
		if p95 > worstP95 {
			worst, worstP95 = rc.name, p95
		}
	}
	fmt.Fprintf(stdout, "slowest p95: %s, %s ms\n", worst, ms(worstP95))
	return nil
}

func fetch(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// nextCursor reads a list's first page for its next cursor.
func nextCursor(ctx context.Context, c *http.Client, u string) (string, error) {
	var p struct {
		Next string `json:"next_cursor"`
	}
	if err := getJSON(ctx, c, u, &p); err != nil {
		return "", err
	}
	return p.Next, nil
}
