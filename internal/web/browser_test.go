package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the headless browser: $ALBORAN_CHROMIUM, else Debian's chromium. In CI its
// absence is a failure, never a skip.
func chromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("ALBORAN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is needed for the browser tests in CI; .ci/run installs Debian's chromium")
	}
	t.Skip("chromium not installed; install Debian's chromium to run the browser tests")
	return ""
}

// artifacts is where screenshots go: $ALBORAN_ARTIFACTS, else artifacts/screenshots at the
// top of the checkout.
func artifacts(t *testing.T) string {
	dir := os.Getenv("ALBORAN_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser drives the dashboard of a demo database in headless Chromium: the overview,
// a report, a click on a highlighted figure, the Morocco–Spain timeline and a series chart, on
// a laptop and on a phone, with screenshots.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	s, _ := demo(t, "")
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	out := artifacts(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting chromium: %v", err)
	}

	shot := func(t *testing.T, name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	step := func(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	text := func(t *testing.T, sel string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	for _, vp := range []struct {
		name string
		w, h int64
	}{{"laptop", 1366, 850}, {"phone", 390, 844}} {
		t.Run(vp.name, func(t *testing.T) {
			step(t, chromedp.EmulateViewport(vp.w, vp.h))

			step(t, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#recent")))
			if got := text(t, "#recent"); !strings.Contains(got, "Morocco") {
				t.Errorf("overview lists %q", got)
			}
			shot(t, vp.name+"-overview")

			// Open the seed report from the overview.
			step(t, chromedp.Click(chromedp.CSS(`#recent a[href="/reports/8b779aad68ced100"]`)), chromedp.WaitVisible(chromedp.CSS("#text")))
			// Click a highlighted figure: its record appears in the panel.
			step(t, chromedp.Click(chromedp.CSS(`a.hl.stat[data-rec="s2"]`)), chromedp.WaitVisible(chromedp.CSS("#record")))
			if got := text(t, "#record"); !strings.Contains(got, "9179") || !strings.Contains(got, "migrants_intercepted") {
				t.Errorf("the record panel shows %q", got)
			}
			shot(t, vp.name+"-report")

			step(t, chromedp.Navigate(srv.URL+"/timeline?a=MAR&b=ESP"), chromedp.WaitVisible(chromedp.CSS("#timeline-chart rect")))
			if got := text(t, "#events"); !strings.Contains(got, "CONSULT") {
				t.Errorf("the timeline lists %q", got)
			}
			shot(t, vp.name+"-timeline")

			step(t, chromedp.Navigate(srv.URL+"/series?category=migrants_intercepted&country=MAR&by=year"),
				chromedp.WaitVisible(chromedp.CSS("#series-chart circle")))
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#series-chart circle").length`))
			if err != nil || n < 3 {
				t.Errorf("the series chart has %d points (%v), want at least 3", n, err)
			}
			conflicts, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#series-chart circle.conflict").length`))
			if conflicts < 1 {
				t.Error("the 2020 conflict is not marked on the chart")
			}
			// The page fits the viewport: nothing scrolls sideways.
			wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if wide {
				t.Errorf("the series page is wider than a %d px viewport", vp.w)
			}
			shot(t, vp.name+"-series")
		})
	}
}
