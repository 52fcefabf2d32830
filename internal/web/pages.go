package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/series"
	"github.com/alboran/alboran/internal/store"
)

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"num":   func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) },
	"deref": func(p *string) string { return deref(p) },
	"join":  strings.Join,
	"quad":  func(q int64) string { return quadClass[q] },
}).ParseFS(assets, "templates/*.html"))

var quadClass = map[int64]string{1: "vcoop", 2: "mcoop", 3: "vconf", 4: "mconf"}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (s *Server) routesPages(mux *http.ServeMux) {
	mux.HandleFunc("GET /static/{file}", s.static)
	mux.HandleFunc("GET /{$}", s.page("overview", s.overview))
	mux.HandleFunc("GET /reports/{id}", s.page("report", s.report))
	mux.HandleFunc("GET /search", s.page("search", s.searchPage))
	mux.HandleFunc("GET /actors/{code}", s.page("actor", s.actor))
	mux.HandleFunc("GET /timeline", s.page("timeline", s.timelinePage))
	mux.HandleFunc("GET /series", s.page("series", s.seriesPage))
	mux.HandleFunc("GET /conflicts", s.page("conflicts", s.conflicts))
	mux.HandleFunc("GET /map", s.page("map", s.mapPage))
}

// page renders a template with the data fn gives; errors become an HTML error page. The
// handler is shared by every request to its route: what one request decides (the template, the
// status) stays in that request's variables.
func (s *Server) page(name string, fn func(*http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tmpl, status := name, http.StatusOK
		data, err := call(r, fn)
		if err != nil {
			var msg string
			status, msg = s.failure(r, err)
			tmpl, data = "error", strings.ToUpper(msg[:1])+msg[1:]
		}
		var buf bytes.Buffer
		if err := pages.ExecuteTemplate(&buf, tmpl, data); err != nil {
			s.log.Error("template failed", "template", tmpl, "err", err)
			writeProblem(w, r, http.StatusInternalServerError, "internal error")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(buf.Bytes())
	}
}

type overviewData struct {
	Counts    map[string]int64
	Recent    []store.Hit
	Dyads     []store.Dyad
	Conflicts []link.Claim
}

// overview reads only what the writes keep: the counts, the dyads, and the stored claims.
func (s *Server) overview(r *http.Request) (any, error) {
	var d overviewData
	var err error
	if d.Counts, err = s.st.Counts(r.Context()); err != nil {
		return nil, err
	}
	if d.Recent, err = s.st.Recent(r.Context(), 0, 10); err != nil {
		return nil, err
	}
	if d.Dyads, err = s.st.Dyads(r.Context(), "", 10); err != nil {
		return nil, err
	}
	if d.Conflicts, err = s.st.Claims(r.Context(), store.ClaimQuery{Conflicts: true, Limit: 5}); err != nil {
		return nil, err
	}
	var f store.UIDFill
	f.Hits(d.Recent)
	f.Claims(d.Conflicts)
	return d, f.Fill(r.Context(), s.st)
}

// segment is a piece of a report's text, highlighted when it belongs to a record.
type segment struct {
	Text  string
	Kind  string // "", "stat", "quote", "ent"
	Rec   string // the record's id
	Title string
}

type reportData struct {
	View     store.DocView
	Segments []segment
	Entities map[string]string // id -> name
}

func (s *Server) report(r *http.Request) (any, error) {
	id, err := s.docID(r)
	if err != nil {
		return nil, err
	}
	v, err := s.st.Document(r.Context(), id)
	if err != nil {
		return nil, err
	}
	d := reportData{View: v, Entities: map[string]string{}}
	for _, e := range v.Records.Entities {
		d.Entities[e.ID] = e.Name
	}
	d.Segments = highlight(v.Text, v.Records)
	return d, nil
}

// highlight cuts a text into segments by the records' spans: figures first, then quotes,
// then entity mentions, where they overlap.
func highlight(body string, x record.Extraction) []segment {
	runes := []rune(body)
	owner := make([]int32, len(runes)) // index into marks, +1
	type mark struct{ kind, rec, title string }
	var marks []mark
	set := func(sp record.Span, m mark) {
		if sp.Start < 0 || sp.End > len(runes) || sp.Start >= sp.End {
			return
		}
		for i := sp.Start; i < sp.End; i++ {
			if owner[i] != 0 {
				return // an earlier, stronger record holds it
			}
		}
		marks = append(marks, m)
		for i := sp.Start; i < sp.End; i++ {
			owner[i] = int32(len(marks))
		}
	}
	for _, st := range x.Statistics {
		set(st.Span, mark{"stat", st.ID, st.Category})
	}
	for _, q := range x.Quotes {
		for _, sp := range q.Spans {
			set(sp, mark{"quote", q.ID, q.Speaker.Name})
		}
	}
	for _, e := range x.Entities {
		for _, sp := range e.Mentions {
			set(sp, mark{"ent", e.ID, e.Name})
		}
	}
	var out []segment
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && owner[j] == owner[i] {
			j++
		}
		seg := segment{Text: string(runes[i:j])}
		if o := owner[i]; o != 0 {
			m := marks[o-1]
			seg.Kind, seg.Rec, seg.Title = m.kind, m.rec, m.title
		}
		out = append(out, seg)
		i = j
	}
	return out
}

type searchData struct {
	Q       store.Query
	Results []docSummary
	Next    string // the next page's address
}

func (s *Server) searchPage(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.Query{Text: p.text("q", 500), Actor: p.str("actor", codeRe, true), EventType: p.str("type", typeRe, true),
		Category: p.str("category", categoryRe, false)}
	q.Since, q.Until = p.dates("since", "until")
	if p.err != nil {
		return nil, p.err
	}
	d := searchData{Q: q}
	if q.Text == "" && q.Actor == "" && q.EventType == "" && q.Category == "" && q.Since == "" && q.Until == "" {
		return d, nil
	}
	v, err := s.listDocuments(r)
	if err != nil {
		return nil, err
	}
	pg := v.(page)
	d.Results, d.Next = pg.Items.([]docSummary), nextPage(r, pg.NextCursor)
	return d, nil
}

// nextPage returns the address of the page after r's, at cursor; "" when there is none.
func nextPage(r *http.Request, cursor string) string {
	if cursor == "" {
		return ""
	}
	q := r.URL.Query()
	q.Set("cursor", cursor)
	return r.URL.Path + "?" + q.Encode()
}

type actorData struct {
	Name     string
	Code     string // for a country or an organization
	Entities []link.Entity
	Timeline link.Timeline
	Partners []store.Dyad
	Quotes   []store.QuoteHit
}

// actor shows a country or organization (by code) or a person (by name): titles, events,
// quotes and the actors it deals with.
func (s *Server) actor(r *http.Request) (any, error) {
	name := strings.TrimSpace(r.PathValue("code"))
	if name == "" || len(name) > 200 {
		return nil, apiError{http.StatusNotFound, "Not found."}
	}
	d := actorData{Name: name}
	if up := strings.ToUpper(name); codeRe.MatchString(up) {
		d.Code, d.Name = up, up
	}
	ms, err := s.st.EntityMentions(r.Context(), name)
	if err != nil {
		return nil, err
	}
	for _, e := range link.Entities(ms) {
		if link.MatchesName(e, name) {
			d.Entities = append(d.Entities, e)
		}
	}
	// A person acts for a country: their events are that country's where they are named.
	var speakers []string
	for _, e := range d.Entities {
		if e.Type == "person" {
			speakers = append(speakers, e.Name)
			if d.Code == "" && len(e.Countries) == 1 {
				d.Code = e.Countries[0]
			}
		}
	}
	for _, sp := range speakers {
		qs, err := s.st.Quotes(r.Context(), store.QuoteQuery{Speaker: sp, Limit: 20})
		if err != nil {
			return nil, err
		}
		d.Quotes = append(d.Quotes, qs...)
	}
	var cs []link.Cluster
	if d.Code != "" {
		if cs, err = s.st.Clusters(r.Context(), store.ClusterQuery{A: d.Code, Limit: 20}); err != nil {
			return nil, err
		}
		if d.Partners, err = s.st.Dyads(r.Context(), d.Code, 20); err != nil {
			return nil, err
		}
	}
	d.Timeline = link.BuildTimeline(d.Code, "", cs)
	if len(d.Entities) == 0 && len(cs) == 0 {
		return nil, store.ErrNotFound
	}
	var f store.UIDFill
	f.Entities(d.Entities)
	f.Quotes(d.Quotes)
	return d, f.Fill(r.Context(), s.st)
}

// bar is one month of the timeline chart, in chart coordinates.
type bar struct {
	X, W   int
	Mid    int // the label's x, under the bar's middle
	Label  string
	Blocks []block
}

type block struct {
	Y, H  int
	Class string
	N     int
	Title string
}

type timelineData struct {
	T      link.Timeline
	Bars   []bar
	Height int
	Next   string // the next page of events
}

func (s *Server) timelinePage(r *http.Request) (any, error) {
	t, err := s.timeline(r, 30)
	if err != nil {
		return nil, err
	}
	d := timelineData{T: t, Height: 160, Next: nextPage(r, t.NextCursor)}
	maxN := 1
	for _, m := range t.Months {
		maxN = max(maxN, m.VerbalCooperation+m.MaterialCooperation+m.VerbalConflict+m.MaterialConflict)
	}
	w := 640 / max(len(t.Months), 1)
	for i, m := range t.Months {
		b := bar{X: i * w, W: max(w-4, 2), Label: m.Month}
		b.Mid = 10 + b.W/2
		y := d.Height
		for _, q := range []struct {
			n     int
			class string
			name  string
		}{{m.VerbalCooperation, "vcoop", "verbal cooperation"}, {m.MaterialCooperation, "mcoop", "material cooperation"},
			{m.VerbalConflict, "vconf", "verbal conflict"}, {m.MaterialConflict, "mconf", "material conflict"}} {
			if q.n == 0 {
				continue
			}
			h := q.n * (d.Height - 10) / maxN
			y -= h
			b.Blocks = append(b.Blocks, block{Y: y, H: h, Class: q.class, N: q.n, Title: fmt.Sprintf("%s %s: %d", m.Month, q.name, q.n)})
		}
		d.Bars = append(d.Bars, b)
	}
	return d, nil
}

// dot is one point of the series chart.
type dot struct {
	X, Y  int
	P     series.Point
	Label string
}

type seriesData struct {
	Q      store.SeriesQuery
	Points []series.Point
	Dots   []dot
	Path   string
	Max    float64
}

func (s *Server) seriesPage(r *http.Request) (any, error) {
	q, pts, err := s.series(r)
	if err != nil {
		return nil, err
	}
	d := seriesData{Q: q, Points: pts}
	// One line per country would crowd the chart: draw the first country's points.
	var draw []series.Point
	for _, p := range pts {
		if len(draw) == 0 || p.Country == draw[0].Country {
			draw = append(draw, p)
		}
	}
	lo := 0.0
	for i, p := range draw {
		d.Max = max(d.Max, p.Value)
		if i == 0 || p.Value < lo {
			lo = p.Value
		}
	}
	// The scale starts a little under the least value, so that changes show.
	lo *= 0.8
	if d.Max <= lo {
		d.Max = lo + 1
	}
	step := 560 / max(len(draw)-1, 1)
	var path []string
	for i, p := range draw {
		x, y := 40+i*step, 160-int((p.Value-lo)/(d.Max-lo)*140)
		d.Dots = append(d.Dots, dot{X: x, Y: y, P: p, Label: p.Period})
		cmd := "L"
		if i == 0 {
			cmd = "M"
		}
		path = append(path, fmt.Sprintf("%s%d %d", cmd, x, y))
	}
	d.Path = strings.Join(path, " ")
	return d, nil
}

type conflictsData struct {
	Claims []link.Claim
	Next   string
}

// conflicts lists the stored claims whose reports disagree, a page at a time.
func (s *Server) conflicts(r *http.Request) (any, error) {
	p := &params{r: r}
	q := store.ClaimQuery{Conflicts: true, After: p.claimCursor("k")}
	if p.err != nil {
		return nil, p.err
	}
	cs, next, err := s.claimPage(r, q, "k", 10)
	if err != nil {
		return nil, err
	}
	return conflictsData{cs, nextPage(r, next)}, nil
}
