package web

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestMap: the map page draws the countries and a circle for each place of the demo's events
// and figures, inside the map, with no script.
func TestMap(t *testing.T) {
	s, _ := demo(t, "")
	w := serve(s.Handler(), "GET", "/map", "", nil)
	if w.Code != 200 {
		t.Fatalf("%d: %.300s", w.Code, w.Body.String())
	}
	body := w.Body.String()
	if n := strings.Count(body, "<path d="); n < 170 {
		t.Errorf("%d country outlines", n)
	}
	circles := regexp.MustCompile(`<circle cx="([0-9.]+)" cy="([0-9.]+)"[^>]*><title>([^<]*)</title>`).FindAllStringSubmatch(body, -1)
	if len(circles) == 0 {
		t.Fatalf("no place drawn:\n%.2000s", body)
	}
	for _, c := range circles {
		var x, y float64
		if _, err := fmtSscan(c[1], &x); err != nil || x < 0 || x > mapW {
			t.Errorf("%s: x %s outside the map", c[3], c[1])
		}
		if _, err := fmtSscan(c[2], &y); err != nil || y < 0 || y > mapH {
			t.Errorf("%s: y %s outside the map", c[3], c[2])
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("the map page has an inline script")
	}
}

func TestProject(t *testing.T) {
	tests := []struct{ lon, lat, x, y float64 }{
		{-180, 90, 0, 0}, {180, -90, mapW, mapH}, {0, 0, mapW / 2, mapH / 2}, {-5.35, 35.89, 465.73, 144.29},
	}
	for _, tt := range tests {
		x, y := project(tt.lon, tt.lat)
		if d := (x-tt.x)*(x-tt.x) + (y-tt.y)*(y-tt.y); d > 0.01 {
			t.Errorf("project(%v, %v) = %.2f, %.2f, want %.2f, %.2f", tt.lon, tt.lat, x, y, tt.x, tt.y)
		}
	}
}

func fmtSscan(s string, v *float64) (int, error) { return fmt.Sscan(s, v) }
