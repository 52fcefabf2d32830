package web

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lang"
	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/series"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/text"
)

// apiError is a 4xx answer with a message for the client.
type apiError struct {
	status int
	msg    string
}

func (e apiError) Error() string { return e.msg }

func bad(format string, args ...any) error {
	return apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// page is a list answer with the cursor of the next page ("" on the last).
type page struct {
	Items      any    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

var (
	codeRe     = regexp.MustCompile(`^[A-Z0-9]{2,12}$`)
	typeRe     = regexp.MustCompile(`^[A-Z]{4,10}$`)
	categoryRe = regexp.MustCompile(`^[a-z_]{2,40}$`)
)

// params reads and checks query parameters; the first problem is kept.
type params struct {
	r   *http.Request
	err error
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *params) str(name string, re *regexp.Regexp, upper bool) string {
	v := strings.TrimSpace(p.r.URL.Query().Get(name))
	if upper {
		v = strings.ToUpper(v)
	}
	if v != "" && re != nil && !re.MatchString(v) {
		p.fail(bad("parameter %s: %q is not valid", name, v))
		return ""
	}
	return v
}

func (p *params) text(name string, max int) string {
	v := strings.TrimSpace(p.r.URL.Query().Get(name))
	if len(v) > max {
		p.fail(bad("parameter %s: longer than %d bytes", name, max))
		return ""
	}
	return v
}

// Dates are taken from 1900 to 2100: reports are dated within them, and a range wider than
// that only makes work.
const minYear, maxYear = 1900, 2100

func (p *params) date(name string) string {
	v := strings.TrimSpace(p.r.URL.Query().Get(name))
	if v == "" {
		return ""
	}
	for _, l := range []string{"2006", "2006-01", "2006-01-02"} {
		if t, err := time.Parse(l, v); err == nil {
			if t.Year() < minYear || t.Year() > maxYear {
				p.fail(bad("parameter %s: %q is out of range (years %d to %d)", name, v, minYear, maxYear))
				return ""
			}
			return v
		}
	}
	p.fail(bad("parameter %s: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name, v))
	return ""
}

// dates reads a since-until pair; since may not come after until.
func (p *params) dates(since, until string) (string, string) {
	a, b := p.date(since), p.date(until)
	if a != "" && b != "" && a > b && !strings.HasPrefix(a, b) {
		p.fail(bad("parameter %s: %s is after %s %s", since, a, until, b))
	}
	return a, b
}

func (p *params) limit() int {
	v := p.r.URL.Query().Get("limit")
	if v == "" {
		return 20
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100 {
		p.fail(bad("parameter limit: want 1 to 100"))
		return 20
	}
	return n
}

func (p *params) oneOf(name, def string, allowed ...string) string {
	v := p.r.URL.Query().Get(name)
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.fail(bad("parameter %s: want one of %s", name, strings.Join(allowed, ", ")))
	return def
}

// A cursor is opaque to clients: the kind of list it belongs to and the key of the last item
// given, in base64. The next page starts after that key, however far into the list it is.
// A cursor of another list, or one this API did not make, is a bad request.
const cursorSep = "\x1f"

func encodeCursor(kind string, key ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + cursorSep + strings.Join(key, cursorSep)))
}

// cursor reads the cursor of a list of kind whose keys have n parts; nil when there is none.
func (p *params) cursor(kind string, n int) []string {
	v := p.r.URL.Query().Get("cursor")
	if v == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(v)
	parts := strings.Split(string(b), cursorSep)
	if err != nil || len(v) > 600 || len(parts) != n+1 || parts[0] != kind {
		p.fail(bad("parameter cursor: not a cursor this API gave for this list; start again without it"))
		return nil
	}
	return parts[1:]
}

// cursorID reads a cursor whose key is one positive id.
func (p *params) cursorID(kind string) int64 {
	key := p.cursor(kind, 1)
	if key == nil {
		return 0
	}
	return p.keyID(key[0])
}

// keyID reads a positive id from a cursor's key.
func (p *params) keyID(s string) int64 {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || id == math.MaxInt64 {
		p.fail(bad("parameter cursor: not a cursor this API gave for this list; start again without it"))
		return 0
	}
	return id
}

// keyText checks a text part of a cursor's key against a pattern.
func (p *params) keyText(s string, re *regexp.Regexp) string {
	if !re.MatchString(s) {
		p.fail(bad("parameter cursor: not a cursor this API gave for this list; start again without it"))
		return ""
	}
	return s
}

var (
	statIDRe    = regexp.MustCompile(`^[a-z]\d{1,7}$`)
	clusterIDRe = regexp.MustCompile(`^[0-9a-f]{16}/[a-z]\d{1,7}$`)
	dateKeyRe   = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9-]{4,10})?$`)
	periodRe    = regexp.MustCompile(`^[0-9/-]{4,21}$`)
	countryKey  = regexp.MustCompile(`^[A-Z0-9]{0,12}$`)
)

// clusterCursor reads the cursor of a list of clusters: a date and a cluster id.
func (p *params) clusterCursor(kind string) *store.ClusterKey {
	key := p.cursor(kind, 2)
	if key == nil {
		return nil
	}
	return &store.ClusterKey{Date: p.keyText(key[0], dateKeyRe), ID: p.keyText(key[1], clusterIDRe)}
}

// clusterNext cuts a page of clusters read one over the limit, and gives the next page's
// cursor: the last cluster's place, its first date and its id.
func clusterNext(kind string, cs []link.Cluster, limit int) ([]link.Cluster, string) {
	if len(cs) <= limit {
		if cs == nil {
			cs = []link.Cluster{}
		}
		return cs, ""
	}
	cs = cs[:limit]
	return cs, encodeCursor(kind, cs[limit-1].Since, cs[limit-1].ID)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// api adapts a handler that returns a value or an error.
func (s *Server) api(fn func(*http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := call(r, fn)
		if err != nil {
			status, msg := s.failure(r, err)
			writeProblem(w, r, status, msg)
			return
		}
		if c, ok := v.(created); ok {
			w.Header().Set("Location", c.location)
			writeJSON(w, c.status, c.body)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// created is a write's answer: 201 with the new resource's address in Location, or 200 when
// it was there already.
type created struct {
	status   int
	location string
	body     any
}

// call runs a handler's fn once the query string is known to be well formed.
func call(r *http.Request, fn func(*http.Request) (any, error)) (any, error) {
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
		return nil, bad("the query string is malformed: %v", err)
	}
	return fn(r)
}

// failure maps a handler's error to a status and a message for the client: a 4xx says what
// was wrong; anything else is logged and answered without detail.
func (s *Server) failure(r *http.Request, err error) (int, string) {
	var ae apiError
	switch {
	case errors.As(err, &ae):
		return ae.status, ae.msg
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request took too long; narrow it or try again later"
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return http.StatusServiceUnavailable, "the request was cancelled"
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error"
}

// route is one API route: a method and a path pattern.
type route struct {
	method, path string
	h            func(*http.Request) (any, error)
}

// apiRoutes lists the API; a test checks it against the OpenAPI description.
func (s *Server) apiRoutes() []route {
	return []route{
		{"GET", "/api/v1/documents", s.listDocuments},
		{"POST", "/api/v1/documents", s.countPost(s.postDocument)},
		{"GET", "/api/v1/documents/{id}", s.getDocument},
		{"GET", "/api/v1/entities", s.getEntities},
		{"GET", "/api/v1/events", s.listEvents},
		{"GET", "/api/v1/statistics", s.listStatistics},
		{"GET", "/api/v1/claims", s.listClaims},
		{"GET", "/api/v1/quotes", s.listQuotes},
		{"GET", "/api/v1/timeline", s.getTimeline},
		{"GET", "/api/v1/series", s.getSeries},
	}
}

func (s *Server) routesAPI(mux *http.ServeMux) {
	for _, rt := range s.apiRoutes() {
		mux.HandleFunc(rt.method+" "+rt.path, s.api(rt.h))
	}
	mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI)
	})
}

// uidRe is a document's stable id (store.UID): 16 hex digits.
var uidRe = regexp.MustCompile(`^[0-9a-f]{16}$`)

// docID finds the document a route names: by its stable id (doc_id), or by its row in this
// database (doc_rowid), which the answer to a post and the exports' doc_rowid give.
func (s *Server) docID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	if uidRe.MatchString(v) {
		return s.st.Find(r.Context(), v)
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, apiError{http.StatusNotFound, "not found"}
	}
	return id, nil
}

// docSummary is a document in a list: its stable id, and its row in this database as the
// documents export gives it.
type docSummary struct {
	DocID     string `json:"doc_id"`
	DocRowID  int64  `json:"doc_rowid"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Sentence  string `json:"sentence,omitempty"`
}

func (s *Server) listDocuments(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.Query{
		Text: p.text("q", 500), Actor: p.str("actor", codeRe, true), EventType: p.str("type", typeRe, true),
		Category: p.str("category", categoryRe, false),
	}
	q.Since, q.Until = p.dates("since", "until")
	limit := p.limit()
	if p.err != nil {
		return nil, p.err
	}
	items := []docSummary{}
	next := ""
	if q.Text == "" && q.Actor == "" && q.EventType == "" && q.Category == "" && q.Since == "" && q.Until == "" {
		before := p.cursorID("d")
		if p.err != nil {
			return nil, p.err
		}
		hits, err := s.st.Recent(r.Context(), before, limit+1)
		if err != nil {
			return nil, err
		}
		if len(hits) > limit {
			hits = hits[:limit]
			next = encodeCursor("d", strconv.FormatInt(hits[limit-1].DocID, 10))
		}
		var f store.UIDFill
		f.Hits(hits)
		if err := f.Fill(r.Context(), s.st); err != nil {
			return nil, err
		}
		for _, h := range hits {
			items = append(items, docSummary{h.DocUID, h.DocID, h.Title, h.Published, h.Source, ""})
		}
		return page{items, next}, nil
	}
	// Ranked search: the cursor is the last hit given, by rank and id.
	if key := p.cursor("s", 2); key != nil {
		rank, err := strconv.ParseFloat(key[0], 64)
		if err != nil || math.IsNaN(rank) || math.IsInf(rank, 0) {
			p.fail(bad("parameter cursor: not a cursor this API gave for this list; start again without it"))
		}
		q.After = &store.HitKey{Rank: rank, ID: p.keyID(key[1])}
	}
	if p.err != nil {
		return nil, p.err
	}
	q.Limit = limit + 1
	hits, err := s.search(r, q)
	if err != nil {
		return nil, err
	}
	if len(hits) > limit {
		hits = hits[:limit]
		last := hits[limit-1]
		next = encodeCursor("s", strconv.FormatFloat(last.Rank, 'g', -1, 64), strconv.FormatInt(last.DocID, 10))
	}
	var f store.UIDFill
	f.Hits(hits)
	if err := f.Fill(r.Context(), s.st); err != nil {
		return nil, err
	}
	for _, h := range hits {
		items = append(items, docSummary{h.DocUID, h.DocID, h.Title, h.Published, h.Source, text.BestSentence(h.Text, q.Text)})
	}
	return page{items, next}, nil
}

// search runs a search; a query that has nothing to search for is the client's mistake.
func (s *Server) search(r *http.Request, q store.Query) ([]store.Hit, error) {
	hits, err := s.st.Search(r.Context(), q)
	if err != nil && strings.Contains(err.Error(), "no words") {
		return nil, bad("%v", err)
	}
	return hits, err
}

func (s *Server) getDocument(r *http.Request) (any, error) {
	id, err := s.docID(r)
	if err != nil {
		return nil, err
	}
	return s.st.Document(r.Context(), id)
}

// maxBody is the largest request body: a report under the 10 MB limit, as JSON.
const maxBody = text.MaxReportBytes + 64<<10

func (s *Server) postDocument(r *http.Request) (any, error) {
	if s.token == "" {
		return nil, apiError{http.StatusForbidden, "the server is read-only: start it with ALBORAN_TOKEN set to allow writes"}
	}
	auth := r.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "Bearer ") || subtle.ConstantTimeCompare([]byte(strings.TrimPrefix(auth, "Bearer ")), []byte(s.token)) != 1 {
		return nil, apiError{http.StatusUnauthorized, "a valid bearer token is needed to write"}
	}
	var in struct {
		URL       string `json:"url"`
		Title     string `json:"title"`
		Published string `json:"published"`
		Text      string `json:"text"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(&in)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, apiError{http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %d bytes", maxBody)}
		}
		return nil, bad("the body is not one JSON object with url, title, published and text: %v", err)
	}
	if strings.TrimSpace(in.Text) == "" {
		return nil, bad("text is empty")
	}
	d := record.Document{Source: in.URL, URL: in.URL, Title: in.Title, Text: in.Text, Language: lang.Detect(in.Title, in.Text).Code}
	if d.Source == "" {
		d.Source = "api"
	}
	if in.Published != "" {
		if _, err := time.Parse("2006-01-02", in.Published); err != nil {
			return nil, bad("published: want YYYY-MM-DD")
		}
		d.Published = &in.Published
	}
	// Extraction runs outside the write lock, so that one long report holds up no other write.
	start := time.Now()
	x, err := s.x.ExtractContext(r.Context(), d)
	if err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	es := []store.Entry{{Doc: d, Extraction: x, Version: extract.Version}}
	outs, err := s.st.Put(r.Context(), es)
	if err != nil {
		return nil, err
	}
	if s.cache != nil && outs[0] == store.Inserted {
		s.cache.invalidate()
	}
	hash, url := store.Key(es[0].Doc) // as stored: Put cleans the entry
	rowid, err := s.st.Lookup(r.Context(), store.DocKey{Hash: hash, URL: url})
	if err != nil {
		return nil, fmt.Errorf("find the stored report: %w", err)
	}
	out := Posted{DocID: store.UID(hash, url), DocRowID: rowid, Stored: outs[0] == store.Inserted}
	status, outcome := http.StatusCreated, "stored"
	if !out.Stored {
		status, outcome = http.StatusOK, "unchanged"
	}
	s.metrics.post(outcome, len(in.Text), time.Since(start))
	return created{status, "/api/v1/documents/" + out.DocID, out}, nil
}

// countPost counts the posts that fail: rejected (a 4xx: the client's to fix) or failed (the
// server's); postDocument counts those it takes.
func (s *Server) countPost(fn func(*http.Request) (any, error)) func(*http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		v, err := fn(r)
		if err != nil {
			var ae apiError
			if errors.As(err, &ae) {
				s.metrics.post("rejected", 0, 0)
			} else {
				s.metrics.post("failed", 0, 0)
			}
		}
		return v, err
	}
}

// Posted is the answer to a posted report: its stable id (the Location names it), its row in
// this database, and whether it is new.
type Posted struct {
	DocID    string `json:"doc_id"`
	DocRowID int64  `json:"doc_rowid"`
	Stored   bool   `json:"stored"` // false: the same report was stored before (200, not 201)
}

func (s *Server) getEntities(r *http.Request) (any, error) {
	p := &params{r: r}
	name := p.text("name", 200)
	if p.err != nil {
		return nil, p.err
	}
	if name == "" {
		return nil, bad("parameter name is required")
	}
	ms, err := s.st.EntityMentions(r.Context(), name)
	if err != nil {
		return nil, err
	}
	out := []link.Entity{}
	for _, e := range link.Entities(ms) {
		if link.MatchesName(e, name) {
			out = append(out, e)
		}
	}
	var f store.UIDFill
	f.Entities(out)
	return out, f.Fill(r.Context(), s.st)
}

func (s *Server) listEvents(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.ClusterQuery{A: p.str("actor", codeRe, true), B: p.str("b", codeRe, true), Type: p.str("type", typeRe, true)}
	q.Since, q.Until = p.dates("since", "until")
	limit := p.limit()
	q.After = p.clusterCursor("e")
	if p.err != nil {
		return nil, p.err
	}
	if q.B != "" && q.A == "" {
		return nil, bad("parameter b needs actor: b is the other actor of a dyad")
	}
	q.Limit = limit + 1
	cs, err := s.st.Clusters(r.Context(), q)
	if err != nil {
		return nil, err
	}
	items, next := clusterNext("e", cs, limit)
	return page{items, next}, nil
}

func (s *Server) listStatistics(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.SeriesQuery{Category: p.str("category", categoryRe, false), Country: p.str("country", codeRe, true)}
	limit := p.limit()
	if key := p.cursor("f", 2); key != nil {
		q.After = &store.FigureKey{DocID: p.keyID(key[0]), StatID: p.keyText(key[1], statIDRe)}
	}
	if p.err != nil {
		return nil, p.err
	}
	q.Limit = limit + 1
	figs, err := s.st.Figures(r.Context(), q)
	if err != nil {
		return nil, err
	}
	next := ""
	if len(figs) > limit {
		figs = figs[:limit]
		next = encodeCursor("f", strconv.FormatInt(figs[limit-1].DocID, 10), figs[limit-1].StatID)
	}
	if figs == nil {
		figs = []store.Figure{}
	}
	var f store.UIDFill
	f.Figures(figs)
	if err := f.Fill(r.Context(), s.st); err != nil {
		return nil, err
	}
	return page{figs, next}, nil
}

// claimCursor reads the cursor of a list of claims: the last claim's category, country and
// period.
func (p *params) claimCursor(kind string) *store.ClaimKey {
	key := p.cursor(kind, 3)
	if key == nil {
		return nil
	}
	return &store.ClaimKey{Category: p.keyText(key[0], categoryRe), Country: p.keyText(key[1], countryKey), Period: p.keyText(key[2], periodRe)}
}

// claimPage reads a page of stored claims, with their evidence, and the next page's cursor.
func (s *Server) claimPage(r *http.Request, q store.ClaimQuery, kind string, limit int) ([]link.Claim, string, error) {
	q.Limit, q.Evidence = limit+1, true
	cs, err := s.st.Claims(r.Context(), q)
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(cs) > limit {
		cs = cs[:limit]
		last := cs[limit-1]
		next = encodeCursor(kind, last.Category, last.Country, last.Period)
	}
	if cs == nil {
		cs = []link.Claim{}
	}
	var f store.UIDFill
	f.Claims(cs)
	if err := f.Fill(r.Context(), s.st); err != nil {
		return nil, "", err
	}
	return cs, next, nil
}

func (s *Server) listClaims(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.ClaimQuery{Category: p.str("category", categoryRe, false), Country: p.str("country", codeRe, true)}
	q.Conflicts = p.oneOf("conflicts", "false", "true", "false") == "true"
	limit := p.limit()
	q.After = p.claimCursor("c")
	if p.err != nil {
		return nil, p.err
	}
	cs, next, err := s.claimPage(r, q, "c", limit)
	if err != nil {
		return nil, err
	}
	return page{cs, next}, nil
}

func (s *Server) listQuotes(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.QuoteQuery{Speaker: p.text("speaker", 200)}
	limit := p.limit()
	if key := p.cursor("q", 2); key != nil {
		q.After = &store.QuoteKey{DocID: p.keyID(key[0]), QuoteID: p.keyText(key[1], statIDRe)}
	}
	if p.err != nil {
		return nil, p.err
	}
	q.Limit = limit + 1
	qs, err := s.st.Quotes(r.Context(), q)
	if err != nil {
		return nil, err
	}
	next := ""
	if len(qs) > limit {
		qs = qs[:limit]
		next = encodeCursor("q", strconv.FormatInt(qs[limit-1].DocID, 10), qs[limit-1].QuoteID)
	}
	if qs == nil {
		qs = []store.QuoteHit{}
	}
	var f store.UIDFill
	f.Quotes(qs)
	if err := f.Fill(r.Context(), s.st); err != nil {
		return nil, err
	}
	return page{qs, next}, nil
}

func (s *Server) timeline(r *http.Request, pageSize int) (link.Timeline, error) {
	p := &params{r: r}
	q := store.ClusterQuery{A: p.str("a", codeRe, true), B: p.str("b", codeRe, true)}
	q.After = p.clusterCursor("t")
	limit := pageSize
	if r.URL.Query().Get("limit") != "" {
		limit = p.limit()
	}
	if p.err != nil {
		return link.Timeline{}, p.err
	}
	if q.A == "" {
		return link.Timeline{}, bad("parameter a is required")
	}
	q.Limit = limit + 1
	cs, err := s.st.Clusters(r.Context(), q)
	if err != nil {
		return link.Timeline{}, err
	}
	months, err := s.st.Months(r.Context(), q.A, q.B)
	if err != nil {
		return link.Timeline{}, err
	}
	t := link.Timeline{A: q.A, B: q.B, Months: months}
	t.Clusters, t.NextCursor = clusterNext("t", cs, limit)
	if t.Months == nil {
		t.Months = []link.Month{}
	}
	return t, nil
}

func (s *Server) getTimeline(r *http.Request) (any, error) { return s.timeline(r, 20) }

// maxPoints bounds a series: the latest periods, each with its sentence. A series by the
// period as reported can have a point a day; more than this makes neither a chart nor a table.
const maxPoints = 120

// series builds a statistic's series from the stored claims (one point per period and
// country), the latest maxPoints of them, with the sentences of the chosen points.
func (s *Server) series(r *http.Request) (store.SeriesQuery, []series.Point, error) {
	p := &params{r: r}
	q := store.SeriesQuery{Category: p.str("category", categoryRe, false), Country: p.str("country", codeRe, true),
		By: p.oneOf("by", "year", "year", "month", "period")}
	if p.err != nil {
		return q, nil, p.err
	}
	if q.Category == "" {
		return q, nil, bad("parameter category is required")
	}
	cs, err := s.st.Claims(r.Context(), store.ClaimQuery{Category: q.Category, Country: q.Country})
	if err != nil {
		return q, nil, err
	}
	pts := series.FromClaims(cs, q.By)
	if len(pts) > maxPoints {
		pts = pts[len(pts)-maxPoints:]
	}
	if pts == nil {
		pts = []series.Point{}
	}
	figs := make([]store.Figure, len(pts))
	refs := make([]*store.Figure, len(pts))
	for i := range pts {
		figs[i] = store.Figure{DocID: pts[i].DocID, StatID: pts[i].StatID}
		refs[i] = &figs[i]
	}
	if err := s.st.Evidence(r.Context(), refs); err != nil {
		return q, nil, err
	}
	var f store.UIDFill
	for i := range pts {
		pts[i].Source, pts[i].Evidence = figs[i].DocSource, figs[i].Evidence
		pt := &pts[i]
		f.Doc(pt.DocID, func(uid string) { pt.DocUID, pt.StatUID = uid, store.RecordID(uid, pt.StatID) })
	}
	return q, pts, f.Fill(r.Context(), s.st)
}

func (s *Server) getSeries(r *http.Request) (any, error) {
	_, pts, err := s.series(r)
	return pts, err
}
