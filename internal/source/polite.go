package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// Crawler fetches the pages that feed items link to as a polite crawler does: it asks each
// host's robots.txt first (RFC 9309, for the agent "alboran"; read once per host), waits
// between requests to one host (PerHost, or the Crawl-delay robots.txt asks for when longer),
// and on 429 or 503 waits what Retry-After says, up to MaxRetryAfter, before trying again,
// at most Retries times. One Crawler is shared by every fetch of a run. The zero value works
// with the defaults.
type Crawler struct {
	Client        *http.Client  // nil: a client with a 30 s timeout
	PerHost       time.Duration // least time between requests to one host; DefaultPerHost when 0
	MaxRetryAfter time.Duration // the longest Retry-After obeyed; DefaultMaxRetryAfter when 0
	Retries       int           // tries again after a 429 or 503; 2 when 0

	mu    sync.Mutex
	hosts map[string]*host
}

// Defaults of a Crawler.
const (
	DefaultPerHost       = time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
)

// robotsAgent is the product token robots.txt groups are matched against.
const robotsAgent = "alboran"

// ErrRobots means that the host's robots.txt disallows the page for Alboran.
var ErrRobots = errors.New("robots.txt disallows it")

type host struct {
	mu      sync.Mutex
	read    time.Time        // when robots.txt was read; zero before
	robots  *robotstxt.Group // nil: everything allowed
	err     error            // robots.txt could not be read: nothing is fetched from the host
	limiter *rate.Limiter
}

// How long a host's robots.txt is kept (RFC 9309 asks for no more than a day), and how long
// a failure to read it keeps the host closed before it is asked again.
const (
	robotsTTL      = 24 * time.Hour
	robotsRetryTTL = 5 * time.Minute
)

// Fetch downloads a page after its host's robots.txt allows it and its rate limit lets it.
func (c *Crawler) Fetch(ctx context.Context, u string) (*http.Response, []byte, error) {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return nil, nil, fmt.Errorf("bad URL: %q", u)
	}
	h := c.host(ctx, pu)
	h.mu.Lock()
	robots, err := h.robots, h.err
	h.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	if robots != nil && !robots.Test(pathOf(pu)) {
		return nil, nil, ErrRobots
	}
	retries := c.Retries
	if retries == 0 {
		retries = 2
	}
	for try := 0; ; try++ {
		if err := h.limiter.Wait(ctx); err != nil {
			return nil, nil, err
		}
		resp, body, err := Fetch(ctx, c.client(), u, nil)
		if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) || try == retries {
			return resp, body, err
		}
		wait, ok := RetryAfter(resp.Header.Get("Retry-After"), time.Now())
		if !ok {
			wait = c.perHost() << (try + 1) // no usable header: back off
		}
		if wait > c.maxRetryAfter() {
			return resp, nil, fmt.Errorf("%w; the server asks to wait %s, longer than %s", err, wait.Round(time.Second), c.maxRetryAfter())
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// RetryAfter reads a Retry-After header: a number of seconds or an HTTP date, relative to now.
func RetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second, s >= 0
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// host returns the state of a host, reading its robots.txt the first time and again once the
// copy has expired.
func (c *Crawler) host(ctx context.Context, u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	if c.hosts == nil {
		c.hosts = map[string]*host{}
	}
	h := c.hosts[key]
	if h == nil {
		h = &host{limiter: rate.NewLimiter(rate.Every(c.perHost()), 1)}
		c.hosts[key] = h
	}
	c.mu.Unlock()
	h.mu.Lock()
	defer h.mu.Unlock()
	ttl := robotsTTL
	if h.err != nil {
		ttl = robotsRetryTTL
	}
	if h.read.IsZero() || time.Since(h.read) > ttl {
		h.robots, h.err = c.readRobots(ctx, key)
		h.read = time.Now()
		limit := c.perHost()
		if h.robots != nil && h.robots.CrawlDelay > limit {
			limit = h.robots.CrawlDelay
		}
		h.limiter.SetLimit(rate.Every(limit))
		h.limiter.Allow() // robots.txt was one request to the host
	}
	return h
}

// readRobots reads a host's robots.txt: a missing one (4xx) allows everything, a server
// error (5xx) or no answer disallows everything, as RFC 9309 says.
func (c *Crawler) readRobots(ctx context.Context, origin string) (*robotstxt.Group, error) {
	resp, body, err := Fetch(ctx, c.client(), origin+"/robots.txt", nil)
	if resp == nil {
		return nil, fmt.Errorf("robots.txt of %s: %w; fetching nothing from the host", origin, err)
	}
	status := resp.StatusCode
	if status >= 300 && status < 400 { // Fetch does not follow this far: treat as missing
		status = http.StatusNotFound
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		return nil, fmt.Errorf("robots.txt of %s: %w", origin, perr)
	}
	if status >= 500 {
		return nil, fmt.Errorf("robots.txt of %s: HTTP %d: fetching nothing from the host until it answers", origin, status)
	}
	return data.FindGroup(robotsAgent), nil
}

func pathOf(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

func (c *Crawler) client() *http.Client {
	if c.Client != nil {
		return c.Client
	}
	return defaultClient
}

var defaultClient = &http.Client{Timeout: 30 * time.Second}

func (c *Crawler) perHost() time.Duration {
	if c.PerHost > 0 {
		return c.PerHost
	}
	return DefaultPerHost
}

func (c *Crawler) maxRetryAfter() time.Duration {
	if c.MaxRetryAfter > 0 {
		return c.MaxRetryAfter
	}
	return DefaultMaxRetryAfter
}
