package web

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/alboran/alboran/examples"
	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/store"
	"github.com/alboran/alboran/internal/store/postgres"
	"github.com/alboran/alboran/internal/store/postgres/pgtest"
	"github.com/alboran/alboran/internal/store/sqlite"
)

// idKeys are the keys of the API's answers that hold ids.
var idKeys = map[string]bool{"doc_id": true, "event_id": true, "stat_id": true, "quote_id": true, "cluster_id": true,
	"speaker_entity": true}

// stableRe is a stable id: a document's (16 hex digits), or a record's in it (doc_id/v1).
var stableRe = regexp.MustCompile(`^[0-9a-f]{16}(/[a-z][0-9]+)?$`)

// idsIn collects the ids in a JSON answer as "key=value".
func idsIn(v any, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && idKeys[k] && s != "" {
				out[k+"="+s] = true
			} else if ok := idKeys[k]; ok && x != nil {
				if _, isStr := x.(string); !isStr {
					out[k+"=not a string"] = true
				}
			}
			idsIn(x, out)
		}
	case []any:
		for _, x := range v {
			idsIn(x, out)
		}
	}
}

// apiIDs reads every list and detail route of a server and returns the ids they give.
func apiIDs(t *testing.T, s *Server) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	read := func(url string) any {
		w := serve(s.Handler(), "GET", url, "", nil)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", url, w.Code, w.Body.String())
		}
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
		return v
	}
	docs := read("/api/v1/documents?limit=100")
	idsIn(docs, out)
	for _, it := range docs.(map[string]any)["items"].([]any) {
		id := it.(map[string]any)["doc_id"].(string)
		if v := read("/api/v1/documents/" + id); v.(map[string]any)["doc_id"] != id {
			t.Errorf("/api/v1/documents/%s gives doc_id %v", id, v.(map[string]any)["doc_id"])
		}
	}
	for _, url := range []string{
		"/api/v1/documents?q=migrants&limit=100", "/api/v1/events?limit=100", "/api/v1/statistics?limit=100",
		"/api/v1/claims?limit=100", "/api/v1/quotes?limit=100", "/api/v1/entities?name=Perea", "/api/v1/entities?name=MAR",
		"/api/v1/timeline?a=MAR&limit=100", "/api/v1/series?category=migrants_intercepted&by=period",
	} {
		idsIn(read(url), out)
	}
	return out
}

// exportIDs returns the ids the exports give, as "key=value".
func exportIDs(t *testing.T, st store.Store) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	add := func(k, v string) { out[k+"="+v] = true }
	for _, what := range append(store.Tables, "clusters") {
		err := st.Export(context.Background(), what, func(row any) error {
			switch r := row.(type) {
			case store.DocumentRow:
				add("doc_id", r.DocID)
			case store.EntityRow:
				add("speaker_entity", r.EntityID)
			case store.EventRow:
				add("event_id", r.EventID)
				add("cluster_id", r.ClusterID)
			case store.StatisticRow:
				add("stat_id", r.StatID)
			case store.QuoteRow:
				add("quote_id", r.QuoteID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestSameIDsInSQLiteAndPostgreSQL stores the bundled reports in SQLite, and in PostgreSQL in
// the other order, so that their rows differ, and checks that every list and detail route of
// the API gives the same ids over both, stable ones, and the ids the exports give.
func TestSameIDsInSQLiteAndPostgreSQL(t *testing.T) {
	ctx := context.Background()
	lx, _ := lexicon.Default()
	x := extract.New(lx)
	names, _ := fs.Glob(examples.Reports, "*.txt")
	var es []store.Entry
	for _, n := range names {
		raw, _ := examples.Reports.ReadFile(n)
		it := source.Report("examples/"+n, raw)
		es = append(es, store.Entry{Doc: it.Doc, Extraction: x.Extract(it.Doc), Version: extract.Version})
	}
	lite, err := sqlite.Open(ctx, t.TempDir()+"/ids.db")
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := postgres.Open(ctx, pgtest.Fresh(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for i := range es {
		if _, err := lite.Put(ctx, es[i:i+1]); err != nil {
			t.Fatal(err)
		}
		if _, err := pg.Put(ctx, es[len(es)-1-i:len(es)-i]); err != nil {
			t.Fatal(err)
		}
	}
	a, b := apiIDs(t, New(lite, x, "", nil)), apiIDs(t, New(pg, x, "", nil))
	if len(a) < 20 {
		t.Fatalf("only %d ids over the API: the test tests little", len(a))
	}
	for _, k := range []string{"doc_id", "event_id", "stat_id", "quote_id", "cluster_id", "speaker_entity"} {
		found := false
		for id := range a {
			found = found || strings.HasPrefix(id, k+"=")
		}
		if !found {
			t.Errorf("no %s in the API's answers", k)
		}
	}
	t.Logf("%d ids over the API", len(a))
	if diff := symDiff(a, b); len(diff) > 0 {
		t.Errorf("SQLite's and PostgreSQL's APIs differ in %d ids: %v", len(diff), diff)
	}
	for name, db := range map[string]store.Store{"SQLite": lite, "PostgreSQL": pg} {
		ex := exportIDs(t, db)
		for id := range a {
			_, v, _ := strings.Cut(id, "=")
			if !stableRe.MatchString(v) {
				t.Errorf("%s is not a stable id", id)
			} else if !ex[id] {
				t.Errorf("%s: the API gives %s, which the export does not", name, id)
			}
		}
	}
}

func symDiff(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, "only SQLite: "+k)
		}
	}
	for k := range b {
		if !a[k] {
			out = append(out, "only PostgreSQL: "+k)
		}
	}
	sort.Strings(out)
	return out
}
