package web

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/series"
	"github.com/alboran/alboran/internal/store"
)

var update = flag.Bool("update", false, "rewrite openapi.json's schemas, operation ids and tags from the Go types")

// operation is what the Go code decides of an operation in openapi.json: its id, its tag and
// the schema of its answers by status. The rest (summaries, parameters) is written by hand.
type operation struct {
	id, tag   string
	responses map[string]string // status -> schema name ("" for text/plain)
}

// errs are the problems an operation may answer, besides its 200.
func errs(codes ...string) map[string]string {
	m := map[string]string{}
	for _, c := range codes {
		m[c] = "Problem"
	}
	return m
}

func with(m map[string]string, status, schema string) map[string]string {
	m[status] = schema
	return m
}

var operations = map[string]operation{
	"GET /api/v1/documents":      {"listDocuments", "documents", with(errs("400", "503"), "200", "DocumentPage")},
	"POST /api/v1/documents":     {"postDocument", "documents", with(with(errs("400", "401", "403", "413", "503"), "201", "Posted"), "200", "Posted")},
	"GET /api/v1/documents/{id}": {"getDocument", "documents", with(errs("404", "503"), "200", "DocView")},
	"GET /api/v1/entities":       {"listEntities", "entities", with(errs("400", "503"), "200", "Entities")},
	"GET /api/v1/events":         {"listEvents", "events", with(errs("400", "503"), "200", "ClusterPage")},
	"GET /api/v1/statistics":     {"listStatistics", "statistics", with(errs("400", "503"), "200", "FigurePage")},
	"GET /api/v1/claims":         {"listClaims", "statistics", with(errs("400", "503"), "200", "ClaimPage")},
	"GET /api/v1/quotes":         {"listQuotes", "quotes", with(errs("400", "503"), "200", "QuotePage")},
	"GET /api/v1/timeline":       {"getTimeline", "events", with(errs("400", "503"), "200", "Timeline")},
	"GET /api/v1/series":         {"getSeries", "statistics", with(errs("400", "503"), "200", "Series")},
	"GET /api/v1/openapi.json":   {"getOpenAPI", "meta", map[string]string{"200": "Object"}},
	"GET /healthz":               {"getHealth", "operations", with(errs("503"), "200", "Health")},
	"GET /metrics":               {"getMetrics", "operations", map[string]string{"200": ""}},
}

// pageOf is a list answer's schema: a page of items of a type.
type pageOf struct{ item reflect.Type }

// schemaTypes are the named schemas, from the types the handlers answer with.
var schemaTypes = map[string]any{
	"Problem":      reflect.TypeFor[problem](),
	"Posted":       reflect.TypeFor[Posted](),
	"Health":       reflect.TypeFor[Health](),
	"DocView":      reflect.TypeFor[store.DocView](),
	"Entities":     reflect.TypeFor[[]link.Entity](),
	"Timeline":     reflect.TypeFor[link.Timeline](),
	"Series":       reflect.TypeFor[[]series.Point](),
	"DocumentPage": pageOf{reflect.TypeFor[docSummary]()},
	"ClusterPage":  pageOf{reflect.TypeFor[link.Cluster]()},
	"FigurePage":   pageOf{reflect.TypeFor[store.Figure]()},
	"ClaimPage":    pageOf{reflect.TypeFor[link.Claim]()},
	"QuotePage":    pageOf{reflect.TypeFor[store.QuoteHit]()},
}

// schemas builds JSON schemas from Go types as encoding/json writes them: a named struct is a
// component of its own; a pointer, a slice or a map without omitempty may be null.
type schemas struct{ defs map[string]any }

func (s *schemas) of(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		m := s.of(t.Elem())
		if _, ref := m["$ref"]; ref {
			return map[string]any{"allOf": []any{m}, "nullable": true}
		}
		m["nullable"] = true
		return m
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "format": "byte"}
		}
		return map[string]any{"type": "array", "items": s.of(t.Elem()), "nullable": true}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": s.of(t.Elem()), "nullable": true}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			return map[string]any{"type": "string", "format": "date-time"}
		}
		name := schemaName(t)
		if _, ok := s.defs[name]; !ok {
			s.defs[name] = nil // a type that holds itself refers to its name
			s.defs[name] = s.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	panic(fmt.Sprintf("no schema for %v", t))
}

// schemaName names a struct's schema by its package and type: link.Cluster is LinkCluster,
// except in this package.
func schemaName(t reflect.Type) string {
	pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
	name := strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
	if pkg == "web" {
		return name
	}
	return strings.ToUpper(pkg[:1]) + pkg[1:] + name
}

func (s *schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	s.fields(t, props, &required)
	sort.Strings(required)
	m := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		m["required"] = required
	}
	return m
}

func (s *schemas) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			s.fields(f.Type, props, required)
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
		props[name] = s.of(f.Type)
		if !omit {
			*required = append(*required, name)
		}
	}
}

// generated rewrites spec's schemas, operation ids, tags and answers from the Go code.
func generated(t *testing.T, spec map[string]any) {
	s := &schemas{defs: map[string]any{}}
	for name, v := range schemaTypes {
		switch v := v.(type) {
		case reflect.Type:
			if v.Kind() == reflect.Struct {
				s.of(v)
				if sn := schemaName(v); sn != name {
					s.defs[name] = s.defs[sn]
					delete(s.defs, sn)
				}
			} else {
				s.defs[name] = s.of(v)
			}
		case pageOf:
			s.defs[name] = map[string]any{"type": "object", "required": []string{"items", "next_cursor"}, "properties": map[string]any{
				"items":       map[string]any{"type": "array", "items": s.of(v.item)},
				"next_cursor": map[string]any{"type": "string", "description": "the cursor of the next page; empty on the last"},
			}}
		}
	}
	s.defs["Object"] = map[string]any{"type": "object"}
	comps := spec["components"].(map[string]any)
	comps["schemas"] = s.defs
	paths := spec["paths"].(map[string]any)
	for key, op := range operations {
		method, path, _ := strings.Cut(key, " ")
		ops, ok := paths[path].(map[string]any)
		if !ok {
			t.Fatalf("%s is not in openapi.json: describe it there first", path)
		}
		o, ok := ops[strings.ToLower(method)].(map[string]any)
		if !ok {
			t.Fatalf("%s is not in openapi.json: describe it there first", key)
		}
		o["operationId"], o["tags"] = op.id, []string{op.tag}
		old, _ := o["responses"].(map[string]any)
		resp := map[string]any{}
		for status, schema := range op.responses {
			desc := http.StatusText(atoi(status))
			if prev, ok := old[status].(map[string]any); ok && prev["description"] != nil {
				desc = prev["description"].(string)
			}
			r := map[string]any{"description": desc}
			switch {
			case schema == "":
				r["content"] = map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}
			case schema == "Problem":
				r["content"] = map[string]any{problemType: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}
			default:
				r["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + schema}}}
			}
			if status == "201" {
				r["headers"] = map[string]any{"Location": map[string]any{"description": "the stored report's address", "schema": map[string]any{"type": "string"}}}
			}
			resp[status] = r
		}
		o["responses"] = resp
	}
}

func atoi(s string) int { var n int; fmt.Sscan(s, &n); return n }

// TestOpenAPIGenerated: openapi.json's schemas, operation ids, tags and answers are those the
// Go types and the table above give (go test -run OpenAPIGenerated -update rewrites them).
func TestOpenAPIGenerated(t *testing.T) {
	var spec map[string]any
	if err := json.Unmarshal(openAPI, &spec); err != nil {
		t.Fatal(err)
	}
	generated(t, spec)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(spec); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("openapi.json", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b.Bytes(), openAPI) {
		t.Errorf("openapi.json is not what the Go types give: run go test ./internal/web -run OpenAPIGenerated -update")
	}
	if len(operations) != len(s(t).apiRoutes())+3 {
		t.Errorf("%d operations for %d API routes and 3 others", len(operations), len(s(t).apiRoutes()))
	}
}

func s(t *testing.T) *Server { srv, _ := demo(t, ""); return srv }

// apiExamples are requests to every documented operation, each status it documents that a
// request can provoke.
var apiExamples = []struct {
	method, url, body string
	auth              bool
	status            int
}{
	{"GET", "/api/v1/documents", "", false, 200},
	{"GET", "/api/v1/documents?limit=2", "", false, 200},
	{"GET", "/api/v1/documents?q=migrants&actor=MAR&since=2020&until=2022&category=migrants_intercepted&type=CONSULT", "", false, 200},
	{"GET", "/api/v1/documents?q=migrants", "", false, 200},
	{"GET", "/api/v1/documents?limit=0", "", false, 400},
	{"POST", "/api/v1/documents", `{"url":"https://example.org/x","title":"Talks","published":"2021-05-01","text":"Morocco and Spain held talks in Rabat on Friday."}`, true, 201},
	{"POST", "/api/v1/documents", `{"url":"https://example.org/x","title":"Talks","published":"2021-05-01","text":"Morocco and Spain held talks in Rabat on Friday."}`, true, 200},
	{"POST", "/api/v1/documents", `{"text":""}`, true, 400},
	{"POST", "/api/v1/documents", `{"text":"x"}`, false, 401},
	{"GET", "/api/v1/documents/1", "", false, 200},
	{"GET", "/api/v1/documents/2", "", false, 200},
	{"GET", "/api/v1/documents/3", "", false, 200},
	{"GET", "/api/v1/documents/4", "", false, 200},
	{"GET", "/api/v1/documents/5", "", false, 200},
	{"GET", "/api/v1/documents/6", "", false, 200},
	{"GET", "/api/v1/documents/8b779aad68ced100", "", false, 200},
	{"GET", "/api/v1/documents/999", "", false, 404},
	{"GET", "/api/v1/entities?name=Perea", "", false, 200},
	{"GET", "/api/v1/entities?name=Morocco", "", false, 200},
	{"GET", "/api/v1/entities", "", false, 400},
	{"GET", "/api/v1/events", "", false, 200},
	{"GET", "/api/v1/events?actor=MAR&b=ESP&type=CONSULT&since=2020&until=2022&limit=5", "", false, 200},
	{"GET", "/api/v1/events?b=ESP", "", false, 400},
	{"GET", "/api/v1/statistics", "", false, 200},
	{"GET", "/api/v1/statistics?category=migrants_intercepted&country=MAR&limit=3", "", false, 200},
	{"GET", "/api/v1/statistics?category=DROP%20TABLE", "", false, 400},
	{"GET", "/api/v1/claims", "", false, 200},
	{"GET", "/api/v1/claims?conflicts=true&country=MAR&category=migrants_intercepted", "", false, 200},
	{"GET", "/api/v1/claims?conflicts=maybe", "", false, 400},
	{"GET", "/api/v1/quotes", "", false, 200},
	{"GET", "/api/v1/quotes?speaker=Perea&limit=2", "", false, 200},
	{"GET", "/api/v1/quotes?limit=1000", "", false, 400},
	{"GET", "/api/v1/timeline?a=MAR&b=ESP", "", false, 200},
	{"GET", "/api/v1/timeline?a=ITA&limit=2", "", false, 200},
	{"GET", "/api/v1/timeline", "", false, 400},
	{"GET", "/api/v1/series?category=migrants_intercepted&country=MAR&by=year", "", false, 200},
	{"GET", "/api/v1/series?category=migrants_intercepted&by=period", "", false, 200},
	{"GET", "/api/v1/series", "", false, 400},
	{"GET", "/api/v1/openapi.json", "", false, 200},
	{"GET", "/healthz", "", false, 200},
	{"GET", "/metrics", "", false, 200},
}

// TestOpenAPIValidates checks the document with kin-openapi, then sends every example and
// validates its request (every parameter it uses is documented, with its type) and its answer
// (status, media type and body against the schema) against the document. Every documented
// operation has examples.
func TestOpenAPIValidates(t *testing.T) {
	ctx := context.Background()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := demo(t, "s3cret")
	h := srv.Handler()
	seen := map[string]bool{}
	for _, ex := range apiExamples {
		t.Run(ex.method+" "+ex.url, func(t *testing.T) {
			req := httptest.NewRequest(ex.method, "http://localhost"+ex.url, strings.NewReader(ex.body))
			if ex.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if ex.auth {
				req.Header.Set("Authorization", "Bearer s3cret")
			}
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("not documented: %v", err)
			}
			seen[ex.method+" "+route.Path] = true
			// Every query parameter sent is documented.
			q, _ := url.ParseQuery(req.URL.RawQuery)
			for name := range q {
				if route.Operation.Parameters.GetByInAndName("query", name) == nil {
					t.Errorf("parameter %s is not documented for %s %s", name, ex.method, route.Path)
				}
			}
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			if ex.status < 400 {
				if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
					t.Errorf("the request does not match the document: %v", err)
				}
				req.Body = io.NopCloser(strings.NewReader(ex.body))
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != ex.status {
				t.Fatalf("%d, want %d: %.300s", w.Code, ex.status, w.Body.String())
			}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: w.Code, Header: w.Header(),
				Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			out.SetBodyBytes(w.Body.Bytes())
			if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
				t.Errorf("the answer does not match the document: %v", err)
			}
		})
	}
	for key := range operations {
		if !seen[key] {
			t.Errorf("%s has no example", key)
		}
	}
}
