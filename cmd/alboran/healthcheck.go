package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/web"
)

const healthcheckHelp = `Usage: alboran healthcheck [options]

Asks a running 'alboran serve' whether it is healthy (GET /healthz: the server answers and its
store answers a read) and exits 0 if so, 1 if not, saying why on stderr. It needs no shell or
curl in the image, so it fits a container's HEALTHCHECK:

  HEALTHCHECK --interval=30s --timeout=5s CMD ["alboran", "healthcheck", "--addr", "127.0.0.1:8080"]

Examples:
  alboran healthcheck
  alboran healthcheck --addr http://alboran.internal:8080 --timeout 2s
`

func cmdHealthcheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("healthcheck", healthcheckHelp, stdout)
	def := os.Getenv("ALBORAN_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	addr := fs.String("addr", def, "the server's address: host:port or an http(s):// URL (env ALBORAN_ADDR)")
	timeout := fs.Duration("timeout", 5*time.Second, "how long to wait for the answer")
	quiet := fs.Bool("quiet", false, "print nothing when healthy")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"healthcheck takes no arguments (see alboran healthcheck --help)"}
	}
	u, err := healthURL(*addr)
	if err != nil {
		return err
	}
	h, err := checkHealth(ctx, u, *timeout)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "healthy: %s (alboran %s)\n", u, h.Version)
	}
	return nil
}

// healthURL makes the /healthz URL of an address: host:port, :port or a URL.
func healthURL(addr string) (string, error) {
	a := strings.TrimSpace(addr)
	if !strings.Contains(a, "://") {
		if strings.HasPrefix(a, ":") {
			a = "127.0.0.1" + a
		}
		a = "http://" + a
	}
	u, err := url.Parse(a)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usageError{fmt.Sprintf("--addr %q: want host:port or an http(s):// URL", addr)}
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/healthz"
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// checkHealth asks u and reads its answer: healthy is 200 with status "ok".
func checkHealth(ctx context.Context, u string, timeout time.Duration) (web.Health, error) {
	var h web.Health
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return h, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return h, fmt.Errorf("unhealthy: %w (is 'alboran serve' running there?)", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return h, fmt.Errorf("unhealthy: read the answer of %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		var p struct {
			Detail string `json:"detail"`
		}
		json.Unmarshal(body, &p)
		if p.Detail == "" {
			p.Detail = strings.TrimSpace(string(body))
		}
		return h, fmt.Errorf("unhealthy: %s answers %s: %.200s", u, resp.Status, p.Detail)
	}
	if err := json.Unmarshal(body, &h); err != nil || h.Status != "ok" {
		return h, fmt.Errorf("unhealthy: %s answers 200 but not {\"status\": \"ok\"}: %.200s", u, body)
	}
	return h, nil
}
