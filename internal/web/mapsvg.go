package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/store"
)

// maxMapRows bounds the rows of each table the map reads: a map of the first maxMapRows events
// and figures says where things happen; more only costs time.
const maxMapRows = 20000

// spot is a place on the map with what happened there.
type spot struct {
	Name            string
	Lat, Lon        float64
	Events, Figures int
	Country         string
}

type mapData struct {
	SVG   template.HTML
	Spots []spot
	Rows  int // rows read
}

// mapPage draws events and figures by place over the countries' outlines, as SVG made on the
// server: no script, no tiles.
func (s *Server) mapPage(r *http.Request) (any, error) {
	spots := map[string]*spot{}
	rows := 0
	add := func(p store.PlaceColumns, event bool) {
		if p.PlaceLat == nil || p.PlaceLon == nil || p.PlaceName == nil {
			return
		}
		key := fmt.Sprintf("%s/%.3f/%.3f", *p.PlaceName, *p.PlaceLat, *p.PlaceLon)
		sp := spots[key]
		if sp == nil {
			sp = &spot{Name: *p.PlaceName, Lat: *p.PlaceLat, Lon: *p.PlaceLon}
			if p.PlaceCountry != nil {
				sp.Country = *p.PlaceCountry
			}
			spots[key] = sp
		}
		if event {
			sp.Events++
		} else {
			sp.Figures++
		}
	}
	for _, table := range []string{"events", "statistics"} {
		places, n, err := s.st.Places(r.Context(), table, maxMapRows)
		if err != nil {
			return nil, err
		}
		for _, p := range places {
			var c store.PlaceColumns
			c.Set(p)
			add(c, table == "events")
		}
		rows += n
	}
	list := make([]spot, 0, len(spots))
	for _, sp := range spots {
		list = append(list, *sp)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i].Events+list[i].Figures, list[j].Events+list[j].Figures
		return a > b || a == b && list[i].Name < list[j].Name
	})
	svg, err := drawMap(list)
	if err != nil {
		return nil, err
	}
	return mapData{SVG: svg, Spots: list, Rows: rows}, nil
}

// The map is equirectangular, 960 by 480 user units for the world, cut to latitudes 60°S to
// 84°N where there is land to show.
const mapW, mapH, mapTop, mapBottom = 960.0, 480.0, 84.0, -60.0

func project(lon, lat float64) (float64, float64) {
	return (lon + 180) / 360 * mapW, (90 - lat) / 180 * mapH
}

// drawMap draws the outlines, then a circle a spot, its area by its count, with a title that
// names it (escaped: the names come from the gazetteer, but the page escapes all it shows).
func drawMap(spots []spot) (template.HTML, error) {
	outlines, err := geo.Outlines()
	if err != nil {
		return "", err
	}
	_, top := project(0, mapTop)
	_, bottom := project(0, mapBottom)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 %.0f %.0f %.0f" role="img" aria-label="Events and figures by place">`, top, mapW, bottom-top)
	fmt.Fprintf(&b, `<rect x="0" y="%.0f" width="%.0f" height="%.0f" fill="#eef4f8"/>`, top, mapW, bottom-top)
	b.WriteString(`<g fill="#dfe3d8" stroke="#9aa59a" stroke-width="0.4">`)
	for _, o := range outlines {
		b.WriteString(`<path d="`)
		for _, ring := range o.Rings {
			for i, p := range ring {
				x, y := project(p[0], p[1])
				if i == 0 {
					fmt.Fprintf(&b, "M%.1f %.1f", x, y)
				} else {
					fmt.Fprintf(&b, "L%.1f %.1f", x, y)
				}
			}
			b.WriteString("Z")
		}
		fmt.Fprintf(&b, `"><title>%s</title></path>`, template.HTMLEscapeString(o.Name))
	}
	b.WriteString(`</g><g stroke="#fff" stroke-width="0.5">`)
	for _, sp := range spots {
		x, y := project(sp.Lon, sp.Lat)
		n := sp.Events + sp.Figures
		r := 2 + 1.5*math.Sqrt(float64(n))
		fill := "#c0392b" // events
		if sp.Events == 0 {
			fill = "#2471a3" // figures only
		} else if sp.Figures > 0 {
			fill = "#7d3c98" // both
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" fill-opacity="0.75"><title>%s: %d event(s), %d figure(s)</title></circle>`,
			x, y, r, fill, template.HTMLEscapeString(sp.Name), sp.Events, sp.Figures)
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String()), nil
}
