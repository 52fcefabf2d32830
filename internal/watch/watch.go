// Package watch keeps ingesting feeds: it polls each with a conditional GET (ETag,
// If-Modified-Since), stores the new items, backs off per feed on errors, and logs one line per
// poll.
package watch

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
)

// Watcher polls feeds into a store.
type Watcher struct {
	Store         store.Store
	Extractor     *extract.Extractor
	Client        *http.Client
	Feeds         []string
	Every         time.Duration // between successful polls of a feed
	MaxBackoff    time.Duration // the longest wait after errors
	FetchArticles bool
	Crawler       *source.Crawler // fetches the articles; made from Client when nil
	Log           io.Writer
	Now           func() time.Time
}

// Result is what one poll of one feed did.
type Result struct {
	URL       string
	Status    int // HTTP status, 0 when the request failed
	Items     int
	New       int
	Unchanged int
	Skipped   bool // not due yet
	Err       error
	Retry     time.Time
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// Run polls every feed that is due, then waits, until ctx is done.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		w.PollAll(ctx)
		wait := w.Every
		for _, u := range w.Feeds {
			st, err := w.Store.FeedState(ctx, u)
			if err == nil && !st.NextPoll.IsZero() {
				if d := st.NextPoll.Sub(w.now()); d > 0 && d < wait {
					wait = d
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// PollAll polls each feed that is due, once, and returns the results.
func (w *Watcher) PollAll(ctx context.Context) []Result {
	var out []Result
	for _, u := range w.Feeds {
		if ctx.Err() != nil {
			break
		}
		r := w.Poll(ctx, u)
		if !r.Skipped && w.Log != nil {
			fmt.Fprintln(w.Log, r)
		}
		out = append(out, r)
	}
	return out
}

// String is the log line of a poll.
func (r Result) String() string {
	ts := time.Now().UTC().Format(time.RFC3339)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s poll %s: %v; retry at %s", ts, r.URL, r.Err, r.Retry.UTC().Format(time.RFC3339))
	case r.Status == http.StatusNotModified:
		return fmt.Sprintf("%s poll %s: not modified", ts, r.URL)
	}
	return fmt.Sprintf("%s poll %s: %d items, %d new, %d unchanged", ts, r.URL, r.Items, r.New, r.Unchanged)
}

// Poll polls one feed if it is due.
func (w *Watcher) Poll(ctx context.Context, u string) Result {
	r := Result{URL: u}
	st, err := w.Store.FeedState(ctx, u)
	if err != nil {
		r.Err = err
		return r
	}
	now := w.now()
	if !st.NextPoll.IsZero() && now.Before(st.NextPoll) {
		r.Skipped = true
		return r
	}
	h := http.Header{}
	if st.ETag != "" {
		h.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		h.Set("If-Modified-Since", st.LastModified)
	}
	resp, body, err := source.Fetch(ctx, w.Client, u, h)
	if resp != nil {
		r.Status = resp.StatusCode
	}
	if err == nil && r.Status == http.StatusOK {
		err = w.store(ctx, u, body, &r)
	}
	if err != nil {
		st.Failures++
		r.Err = err
		st.NextPoll = now.Add(w.backoff(st.Failures))
		r.Retry = st.NextPoll
	} else {
		st.Failures = 0
		st.NextPoll = now.Add(w.Every)
		if r.Status == http.StatusOK {
			st.ETag = resp.Header.Get("ETag")
			st.LastModified = resp.Header.Get("Last-Modified")
		}
	}
	if serr := w.Store.SetFeedState(ctx, st); serr != nil && r.Err == nil {
		r.Err = serr
	}
	return r
}

// backoff doubles the wait with each failure in a row, up to MaxBackoff.
func (w *Watcher) backoff(failures int) time.Duration {
	d := w.Every
	if d <= 0 {
		d = time.Minute
	}
	for i := 1; i < failures && d < w.MaxBackoff; i++ {
		d *= 2
	}
	if w.MaxBackoff > 0 && d > w.MaxBackoff {
		d = w.MaxBackoff
	}
	return d
}

func (w *Watcher) store(ctx context.Context, u string, body []byte, r *Result) error {
	items, err := source.FeedItems(u, body)
	if err != nil {
		return err
	}
	if w.FetchArticles && w.Crawler == nil {
		w.Crawler = &source.Crawler{Client: w.Client}
	}
	opts := source.Options{Client: w.Client, FetchArticles: w.FetchArticles, Crawler: w.Crawler}
	var entries []store.Entry
	for _, it := range items {
		if it.Err != nil {
			continue
		}
		if w.FetchArticles && it.Doc.URL != "" {
			it = opts.FetchArticle(ctx, it)
		}
		entries = append(entries, store.Entry{Doc: it.Doc, Extraction: w.Extractor.Extract(it.Doc), Version: extract.Version})
	}
	r.Items = len(items)
	if len(entries) == 0 {
		return nil
	}
	outs, err := w.Store.Put(ctx, entries)
	if err != nil {
		return err
	}
	for _, o := range outs {
		if o == store.Inserted {
			r.New++
		} else {
			r.Unchanged++
		}
	}
	return nil
}

// ReadFeedList reads feed URLs from a file: one per line (blank lines and # comments are
// skipped), or an OPML file.
func ReadFeedList(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(bytes.ToLower(raw[:min(len(raw), 512)]), []byte("<opml")) {
		return source.OPML(raw)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			return nil, fmt.Errorf("%s: %q is not an http(s) URL", path, line)
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s names no feeds", path)
	}
	return out, sc.Err()
}
