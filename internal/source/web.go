package source

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// userAgent names Alboran to the sites it reads.
const userAgent = "alboran/1 (+https://github.com/alboran/alboran)"

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Fetch downloads a URL with the request's context and returns its body, capped at the report
// size limit, and its media type.
func Fetch(ctx context.Context, client *http.Client, u string, header http.Header) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("bad URL: %w", err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return resp, nil, nil
	}
	if resp.StatusCode != http.StatusOK {
		return resp, nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, text.MaxReportBytes+1))
	if err != nil {
		return resp, nil, fmt.Errorf("reading the response: %w", err)
	}
	if len(body) > text.MaxReportBytes {
		return resp, nil, text.ErrTooLarge
	}
	return resp, body, nil
}

// readURL fetches a page, a feed or an OPML list and reads it by its media type.
func (o Options) readURL(ctx context.Context, u string, fn func(Item) error) error {
	resp, body, err := Fetch(ctx, o.Client, u, nil)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fn(Item{Doc: record.Document{Source: u, URL: u}, Err: err})
	}
	kind := kindOf(u)
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case strings.Contains(mt, "html"):
		kind = kindHTML
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || strings.Contains(mt, "xml"):
		kind = kindFeed
	case mt == "application/x-ndjson" || mt == "application/jsonl":
		kind = kindJSONL
	}
	if kind == kindFeed && bytes.Contains(bytes.ToLower(body[:min(len(body), 512)]), []byte("<opml")) {
		kind = kindOPML
	}
	switch kind {
	case kindHTML, kindFeed, kindOPML:
		return o.readMarkup(ctx, kind, u, u, body, fn)
	case kindJSONL:
		return o.readStream(ctx, u+".jsonl", bytes.NewReader(body), fn)
	}
	it := Report(u, body)
	it.Doc.URL = u
	return fn(it)
}

// readMarkup reads an HTML page, a feed or an OPML list.
func (o Options) readMarkup(ctx context.Context, kind int, name, pageURL string, raw []byte, fn func(Item) error) error {
	switch kind {
	case kindHTML:
		return fn(Page(name, pageURL, raw))
	case kindOPML:
		feeds, err := OPML(raw)
		if err != nil {
			return fn(Item{Doc: record.Document{Source: name}, Err: err})
		}
		for _, f := range feeds {
			if err := o.readURL(ctx, f, fn); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := FeedItems(name, raw)
	if err != nil {
		return fn(Item{Doc: record.Document{Source: name}, Err: err})
	}
	for _, it := range items {
		if o.FetchArticles && it.Err == nil && it.Doc.URL != "" {
			it = o.FetchArticle(ctx, it)
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// FetchArticle replaces a feed item by the page it links to, fetched through o.Crawler; on
// failure (robots.txt disallows it, the page fails or holds no article) it keeps the item and
// warns.
func (o Options) FetchArticle(ctx context.Context, it Item) Item {
	c := o.Crawler
	if c == nil {
		c = &Crawler{Client: o.Client}
	}
	_, body, err := c.Fetch(ctx, it.Doc.URL)
	if err != nil {
		it.Warnings = append(it.Warnings, fmt.Sprintf("%s: kept the feed summary: %v", it.Doc.URL, err))
		return it
	}
	page := Page(it.Doc.URL, it.Doc.URL, body)
	if page.Err != nil {
		it.Warnings = append(it.Warnings, fmt.Sprintf("%s: kept the feed summary: %v", it.Doc.URL, page.Err))
		return it
	}
	if page.Doc.Title == "" {
		page.Doc.Title = it.Doc.Title
	}
	if page.Doc.Published == nil {
		page.Doc.Published = it.Doc.Published
	}
	return page
}

// Page reads an HTML page: the main text, title and publication date come from the page (meta
// tags, JSON-LD, <time>); navigation, ads and comments are left out.
func Page(name, pageURL string, raw []byte) Item {
	opts := trafilatura.Options{ExcludeComments: true, EnableFallback: true}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
	it := Item{Doc: record.Document{Source: name, URL: pageURL}}
	if err != nil {
		it.Err = fmt.Errorf("no article text found in the page: %w", err)
		return it
	}
	// The content tree keeps the paragraph breaks that the plain text loses.
	var b bytes.Buffer
	if res.ContentNode != nil && html.Render(&b, res.ContentNode) == nil {
		body := paragraphs(HTMLText(b.String()))
		if body != "" {
			res.ContentText = body
		}
	}
	body := paragraphs(res.ContentText)
	if strings.TrimSpace(body) == "" {
		it.Err = text.ErrEmpty
		return it
	}
	it.Doc.Text = body
	it.Doc.Title = strings.TrimSpace(res.Metadata.Title)
	if it.Doc.URL == "" && res.Metadata.URL != "" {
		it.Doc.URL = res.Metadata.URL
	}
	if !res.Metadata.Date.IsZero() {
		p := res.Metadata.Date.Format("2006-01-02")
		it.Doc.Published = &p
	} else {
		it.Warnings = append(it.Warnings, name+": no publication date in the page")
	}
	it.Doc.ID = hash(body)
	setLanguage(&it)
	return it
}

// paragraphs turns one-line-per-paragraph text into paragraphs separated by blank lines, as
// in a report body.
func paragraphs(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n\n")
}

// FeedItems reads an RSS or Atom feed. An item with only a summary is marked partial.
func FeedItems(name string, raw []byte) ([]Item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("not a readable RSS or Atom feed: %w", err)
	}
	out := make([]Item, 0, len(feed.Items))
	for i, fi := range feed.Items {
		src := fi.Link
		if src == "" {
			src = fmt.Sprintf("%s#item%d", name, i+1)
		}
		d := record.Document{Source: src, URL: fi.Link, Title: strings.TrimSpace(fi.Title)}
		body := paragraphs(HTMLText(fi.Content))
		if body == "" {
			body = paragraphs(HTMLText(fi.Description))
			d.Partial = true
		}
		if t := firstTime(fi.PublishedParsed, fi.UpdatedParsed); t != nil {
			p := t.UTC().Format("2006-01-02")
			d.Published = &p
		}
		if body == "" {
			out = append(out, Item{Doc: d, Err: text.ErrEmpty})
			continue
		}
		d.Text = body
		d.ID = hash(body)
		it := Item{Doc: d}
		setLanguage(&it)
		out = append(out, it)
	}
	return out, nil
}

func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return t
		}
	}
	return nil
}

// HTMLText returns the text of an HTML fragment, one line per block element.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote":
				b.WriteByte('\n')
			}
		}
	}
}

// OPML returns the feed URLs an OPML list names.
func OPML(raw []byte) ([]string, error) {
	var doc struct {
		Outlines []outline `xml:"body>outline"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("not a readable OPML file: %w", err)
	}
	var out []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if o.XMLURL != "" {
				out = append(out, o.XMLURL)
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Outlines)
	if len(out) == 0 {
		return nil, fmt.Errorf("the OPML file names no feeds (no xmlUrl attributes)")
	}
	return out, nil
}

type outline struct {
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}
