package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080/healthz"},
		{":9000", "http://127.0.0.1:9000/healthz"},
		{"http://alboran.internal:8080/", "http://alboran.internal:8080/healthz"},
		{"https://example.org/alboran?x=1", "https://example.org/alboran/healthz"},
		{"ftp://example.org", ""},
		{"http://", ""},
	}
	for _, tt := range tests {
		got, err := healthURL(tt.addr)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%q: %q, want a usage error", tt.addr, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: %q, %v, want %q", tt.addr, got, err, tt.want)
		}
	}
}

// TestHealthcheck runs the command against servers that answer healthy, unhealthy, not as a
// server of ours, and not at all: exit 0 only for the first.
func TestHealthcheck(t *testing.T) {
	answer := func(status int, body string) *httptest.Server {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/healthz" {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(status)
			w.Write([]byte(body))
		}))
		t.Cleanup(srv.Close)
		return srv
	}
	down := answer(200, "")
	down.Close()
	tests := []struct {
		name string
		url  string
		code int
		msg  string
	}{
		{"healthy", answer(200, `{"status":"ok","version":"v1"}`).URL, exitOK, "healthy"},
		{"the store does not answer", answer(503, `{"status":503,"detail":"the store does not answer"}`).URL, exitFailed, "the store does not answer"},
		{"not our server", answer(200, `<html>`).URL, exitFailed, "not {\"status\": \"ok\"}"},
		{"nothing listens", down.URL, exitFailed, "is 'alboran serve' running"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), []string{"healthcheck", "--addr", tt.url, "--timeout", "2s"}, strings.NewReader(""), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s%s", code, tt.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String()+errb.String(), tt.msg) {
				t.Errorf("no %q in %s%s", tt.msg, out.String(), errb.String())
			}
		})
	}
}
