package web

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
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

func (p *params) date(name string) string {
	v := strings.TrimSpace(p.r.URL.Query().Get(name))
	if v == "" {
		return ""
	}
	for _, l := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(l, v); err == nil {
			return v
		}
	}
	p.fail(bad("parameter %s: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name, v))
	return ""
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

// cursor reads an opaque cursor: a position encoded by encodeCursor.
func (p *params) cursor() int64 {
	v := p.r.URL.Query().Get("cursor")
	if v == "" {
		return 0
	}
	b, err := base64.RawURLEncoding.DecodeString(v)
	n, err2 := strconv.ParseInt(string(b), 10, 64)
	if err != nil || err2 != nil || n < 0 {
		p.fail(bad("parameter cursor: not a cursor this API gave"))
		return 0
	}
	return n
}

func encodeCursor(n int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(n, 10)))
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
		var v any
		_, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			err = bad("the query string is malformed: %v", err)
		} else {
			v, err = fn(r)
		}
		var ae apiError
		switch {
		case err == nil:
			writeJSON(w, http.StatusOK, v)
		case errors.As(err, &ae):
			writeJSON(w, ae.status, map[string]string{"error": ae.msg})
		case errors.Is(err, store.ErrNotFound):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
		default:
			s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	}
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
		{"POST", "/api/v1/documents", s.postDocument},
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

func docID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apiError{http.StatusNotFound, "not found"}
	}
	return id, nil
}

// docSummary is a document in a list.
type docSummary struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Sentence  string `json:"sentence,omitempty"`
}

func (s *Server) listDocuments(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.Query{
		Text: p.text("q", 500), Actor: p.str("actor", codeRe, true), EventType: p.str("type", typeRe, true),
		Category: p.str("category", categoryRe, false), Since: p.date("since"), Until: p.date("until"),
	}
	limit, cur := p.limit(), p.cursor()
	if p.err != nil {
		return nil, p.err
	}
	items := []docSummary{}
	next := ""
	if q.Text == "" && q.Actor == "" && q.EventType == "" && q.Category == "" && q.Since == "" && q.Until == "" {
		hits, err := s.st.Recent(r.Context(), cur, limit+1)
		if err != nil {
			return nil, err
		}
		if len(hits) > limit {
			hits = hits[:limit]
			next = encodeCursor(hits[limit-1].DocID)
		}
		for _, h := range hits {
			items = append(items, docSummary{h.DocID, h.Title, h.Published, h.Source, ""})
		}
		return page{items, next}, nil
	}
	// Ranked search: the cursor is the number of reports already given.
	q.Limit = int(cur) + limit + 1
	if q.Limit > 1000 {
		return nil, bad("search pages end after 1,000 reports; narrow the query")
	}
	hits, err := s.st.Search(r.Context(), q)
	if err != nil {
		if strings.Contains(err.Error(), "no words") {
			return nil, bad("%v", err)
		}
		return nil, err
	}
	if int64(len(hits)) > cur+int64(limit) {
		next = encodeCursor(cur + int64(limit))
		hits = hits[:cur+int64(limit)]
	}
	if int64(len(hits)) > cur {
		hits = hits[cur:]
	} else {
		hits = nil
	}
	for _, h := range hits {
		items = append(items, docSummary{h.DocID, h.Title, h.Published, h.Source, text.BestSentence(h.Text, q.Text)})
	}
	return page{items, next}, nil
}

func (s *Server) getDocument(r *http.Request) (any, error) {
	id, err := docID(r)
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
	if err := dec.Decode(&in); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, apiError{http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %d bytes", maxBody)}
		}
		return nil, bad("the body is not a JSON object with url, title, published and text: %v", err)
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
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	outs, err := s.st.Put(r.Context(), []store.Entry{{Doc: d, Extraction: s.x.Extract(d), Version: extract.Version}})
	if err != nil {
		return nil, err
	}
	return map[string]any{"stored": outs[0] == store.Inserted, "unchanged": outs[0] == store.Unchanged}, nil
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
	return out, nil
}

func (s *Server) listEvents(r *http.Request) (any, error) {
	p := &params{r: r}
	a, b := p.str("actor", codeRe, true), p.str("b", codeRe, true)
	typ := p.str("type", typeRe, true)
	since, until := p.date("since"), p.date("until")
	limit, cur := p.limit(), p.cursor()
	if p.err != nil {
		return nil, p.err
	}
	if a == "" {
		return nil, bad("parameter actor is required: events are listed by actor")
	}
	// The page is cut after filtering, so the cursor counts filtered clusters; the store gives
	// them in date order, a bounded window at a time.
	var keep []link.Cluster
	for off := 0; len(keep) < int(cur)+limit+1; off += 500 {
		cs, err := s.st.Clusters(r.Context(), store.ClusterQuery{A: a, B: b, Limit: 500, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if typ != "" && c.Type != typ || since != "" && c.Date < since || until != "" && c.Date > until+"~" {
				continue
			}
			keep = append(keep, c)
		}
		if len(cs) < 500 {
			break
		}
	}
	return pageOf(keep, cur, limit), nil
}

// pageOf cuts one page from an ordered list; the cursor is the offset.
func pageOf[T any](all []T, cur int64, limit int) page {
	items := []T{}
	if cur < int64(len(all)) {
		items = all[cur:]
	}
	next := ""
	if len(items) > limit {
		items = items[:limit]
		next = encodeCursor(cur + int64(limit))
	}
	return page{items, next}
}

func (s *Server) listStatistics(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.SeriesQuery{Category: p.str("category", categoryRe, false), Country: p.str("country", codeRe, true)}
	limit, cur := p.limit(), p.cursor()
	if p.err != nil {
		return nil, p.err
	}
	figs, err := s.st.Figures(r.Context(), q)
	if err != nil {
		return nil, err
	}
	return pageOf(figs, cur, limit), nil
}

func (s *Server) listClaims(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.SeriesQuery{Category: p.str("category", categoryRe, false), Country: p.str("country", codeRe, true)}
	conflicts := p.oneOf("conflicts", "false", "true", "false") == "true"
	limit, cur := p.limit(), p.cursor()
	if p.err != nil {
		return nil, p.err
	}
	figs, err := s.st.Figures(r.Context(), q)
	if err != nil {
		return nil, err
	}
	var keep []link.Claim
	for _, c := range link.Claims(figs) {
		if !conflicts || c.Conflict {
			keep = append(keep, c)
		}
	}
	return pageOf(keep, cur, limit), nil
}

func (s *Server) listQuotes(r *http.Request) (any, error) {
	p := &params{r: r}
	speaker := p.text("speaker", 200)
	limit, cur := p.limit(), p.cursor()
	if p.err != nil {
		return nil, p.err
	}
	qs, err := s.st.Quotes(r.Context(), speaker, cur, limit+1)
	if err != nil {
		return nil, err
	}
	next := ""
	if len(qs) > limit {
		// A page ends at a document boundary, so that the cursor (a document id) loses nothing.
		last := qs[limit].DocID
		cut := limit
		for cut > 0 && qs[cut-1].DocID == last {
			cut--
		}
		if cut == 0 {
			cut = limit
		}
		qs = qs[:cut]
		next = encodeCursor(qs[cut-1].DocID)
	}
	if qs == nil {
		qs = []store.QuoteHit{}
	}
	return page{qs, next}, nil
}

func (s *Server) timeline(r *http.Request, pageSize int) (link.Timeline, error) {
	p := &params{r: r}
	a, b := p.str("a", codeRe, true), p.str("b", codeRe, true)
	cur := p.cursor()
	limit := pageSize
	if r.URL.Query().Get("limit") != "" {
		limit = p.limit()
	}
	if p.err != nil {
		return link.Timeline{}, p.err
	}
	if a == "" {
		return link.Timeline{}, bad("parameter a is required")
	}
	cs, err := s.st.Clusters(r.Context(), store.ClusterQuery{A: a, B: b, Limit: limit + 1, Offset: int(cur)})
	if err != nil {
		return link.Timeline{}, err
	}
	months, err := s.st.Months(r.Context(), a, b)
	if err != nil {
		return link.Timeline{}, err
	}
	t := link.Timeline{A: a, B: b, Months: months, Clusters: cs}
	if t.Months == nil {
		t.Months = []link.Month{}
	}
	if t.Clusters == nil {
		t.Clusters = []link.Cluster{}
	}
	if len(cs) > limit {
		t.Clusters = cs[:limit]
		t.NextCursor = encodeCursor(cur + int64(limit))
	}
	return t, nil
}

func (s *Server) getTimeline(r *http.Request) (any, error) { return s.timeline(r, 50) }

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
	q.NoEvidence = true // only the chosen points' sentences are shown
	figs, err := s.st.Figures(r.Context(), q)
	if err != nil {
		return q, nil, err
	}
	pts := series.Build(figs, q.By)
	if pts == nil {
		pts = []series.Point{}
	}
	for i := range pts {
		f := store.Figure{DocID: pts[i].DocID, StatID: pts[i].StatID}
		if err := s.st.Evidence(r.Context(), &f); err != nil {
			return q, nil, err
		}
		pts[i].Source, pts[i].Evidence = f.DocSource, f.Evidence
	}
	return q, pts, nil
}

func (s *Server) getSeries(r *http.Request) (any, error) {
	_, pts, err := s.series(r)
	return pts, err
}
