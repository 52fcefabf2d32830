package geo

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Outline is a country's outline: rings of (lon, lat) points in degrees, from Natural
// Earth's 1:110m countries (public domain), converted once by scripts/outlines/convert.js.
type Outline struct {
	Code  string // ISO 3166-1 numeric
	Name  string
	Rings [][][2]float64
}

//go:embed data/outlines.tsv
var outlinesTSV string

// Outlines returns the countries' outlines, parsed once.
var Outlines = sync.OnceValues(func() ([]Outline, error) { return parseOutlines(outlinesTSV) })

// parseOutlines reads outlines.tsv: code, name and rings ("lon,lat lon,lat ...|...") a line.
func parseOutlines(data string) ([]Outline, error) {
	var out []Outline
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("outlines.tsv:%d: want 3 fields, got %d", n+1, len(f))
		}
		o := Outline{Code: f[0], Name: f[1]}
		for _, r := range strings.Split(f[2], "|") {
			pts := strings.Fields(r)
			ring := make([][2]float64, 0, len(pts))
			for _, p := range pts {
				x, y, ok := strings.Cut(p, ",")
				lon, err1 := strconv.ParseFloat(x, 64)
				lat, err2 := strconv.ParseFloat(y, 64)
				if !ok || err1 != nil || err2 != nil || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
					return nil, fmt.Errorf("outlines.tsv:%d: %q is not lon,lat in degrees", n+1, p)
				}
				ring = append(ring, [2]float64{lon, lat})
			}
			if len(ring) < 3 {
				return nil, fmt.Errorf("outlines.tsv:%d: a ring of %d points", n+1, len(ring))
			}
			o.Rings = append(o.Rings, ring)
		}
		out = append(out, o)
	}
	return out, nil
}
