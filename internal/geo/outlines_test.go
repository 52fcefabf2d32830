package geo

import "testing"

func TestOutlines(t *testing.T) {
	os, err := Outlines()
	if err != nil {
		t.Fatal(err)
	}
	if len(os) < 170 {
		t.Fatalf("%d countries, want the 177 of Natural Earth 1:110m", len(os))
	}
	// Morocco (504) lies between 1°W and 17°W, 21°N and 36°N.
	found := false
	for _, o := range os {
		if o.Code != "504" {
			continue
		}
		found = true
		for _, r := range o.Rings {
			for _, p := range r {
				if p[0] < -17.5 || p[0] > -0.9 || p[1] < 20.5 || p[1] > 36 {
					t.Errorf("Morocco's point %v is outside Morocco", p)
				}
			}
		}
	}
	if !found {
		t.Error("no Morocco")
	}
}

func TestParseOutlinesErrors(t *testing.T) {
	for _, bad := range []string{"504\tMorocco", "504\tMorocco\t-2,35 -1,34", "504\tMorocco\t-2,35 -1,34 x,y", "1\tX\t0,0 1,1 200,0"} {
		if _, err := parseOutlines(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
