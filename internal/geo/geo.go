// Package geo resolves place names to places: a name in the gazetteer, its GeoNames id, kind,
// country (ISO 3166-1 alpha-3), first-level region and a point. The gazetteer is embedded
// (data/*.tsv, built by scripts/gazetteer/build from GeoNames data; see data/ATTRIBUTION.md):
// cities of some size and the seats of divisions, first-level regions, countries with their
// centroids, and the islands, seas and straits that migration news names. Homonyms are told
// apart by the countries a report is about, then by kind and size.
package geo

import (
	"bufio"
	"embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

//go:embed data/*.tsv data/*.txt
var files embed.FS

// entry is one place of the gazetteer.
type entry struct {
	place      record.Geo
	population int64
}

// ref is an entry a name stands for, by its own name or by another of its names.
type ref struct {
	i     int32
	other bool
}

// Gazetteer maps folded names to places. It is read-only after Load and safe for concurrent
// use.
type Gazetteer struct {
	entries  []entry
	byName   map[string][]ref // folded name -> entries
	maxWords int              // the most words a name has
	notPlace map[string]bool  // capitalised words that are rarely places in news text
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, loaded once.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() { defaultGaz, defaultErr = Load() })
	return defaultGaz, defaultErr
}

// Load parses the embedded gazetteer. A malformed line is an error naming its file and line.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{byName: make(map[string][]ref, 1<<17), notPlace: map[string]bool{}}
	regions := map[string]string{} // "ESP.51" -> "Andalusia"
	err := eachLine("data/places.tsv", 9, func(f []string) error {
		lat, lon, err := point(f[5], f[6])
		if err != nil {
			return err
		}
		pop, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			return fmt.Errorf("population %q: %w", f[7], err)
		}
		p := record.Geo{Name: f[1], Kind: f[2], Country: f[3], Lat: lat, Lon: lon}
		if f[0] != "" {
			id, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return fmt.Errorf("geonames id %q: %w", f[0], err)
			}
			p.GeoNamesID = &id
		}
		switch p.Kind {
		case record.PlaceRegion:
			regions[f[3]+"."+f[4]] = f[1]
			p.Region = f[1]
		case record.PlaceCity:
			p.Region = regions[f[3]+"."+f[4]] // regions come first in the file
		default:
			return fmt.Errorf("kind %q: want region or city", p.Kind)
		}
		g.add(entry{p, pop}, f[8])
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/countries.tsv", 6, func(f []string) error {
		lat, lon, err := point(f[3], f[4])
		if err != nil {
			return err
		}
		g.add(entry{record.Geo{Name: f[2], Kind: record.PlaceCountry, Country: f[0], Lat: lat, Lon: lon}, 0}, f[5])
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/features.tsv", 6, func(f []string) error {
		lat, lon, err := point(f[3], f[4])
		if err != nil {
			return err
		}
		g.add(entry{record.Geo{Name: f[0], Kind: f[1], Country: f[2], Lat: lat, Lon: lon}, 0}, f[5])
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Other names of places loaded above: "Canarias", "Îles Canaries" for the Canary Islands.
	err = eachLine("data/names.tsv", 2, func(f []string) error {
		refs := g.byName[fold(f[0])]
		if len(refs) == 0 {
			return fmt.Errorf("names.tsv: no place %q", f[0])
		}
		for _, r := range refs {
			if !r.other {
				g.alias(r.i, f[1])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/notplaces.txt", 1, func(f []string) error {
		g.notPlace[fold(f[0])] = true
		return nil
	})
	return g, err
}

// add indexes an entry under its name and its other names (";" separated).
func (g *Gazetteer) add(e entry, other string) {
	i := int32(len(g.entries))
	g.entries = append(g.entries, e)
	names := []string{e.place.Name}
	if other != "" {
		names = append(names, strings.Split(other, ";")...)
	}
	keys := make([]string, 0, len(names))
	for _, n := range names {
		k := fold(n)
		if k == "" || slices.Contains(keys, k) {
			continue
		}
		keys = append(keys, k)
		g.byName[k] = append(g.byName[k], ref{i, len(keys) > 1})
		if w := strings.Count(k, " ") + 1; w > g.maxWords {
			g.maxWords = w
		}
	}
}

// alias indexes entry i under its names in other languages (";" separated) as well.
func (g *Gazetteer) alias(i int32, other string) {
	for _, n := range strings.Split(other, ";") {
		k := fold(n)
		if k == "" {
			continue
		}
		// The name in another language is the place's own, not a rare variant.
		if j := slices.IndexFunc(g.byName[k], func(r ref) bool { return r.i == i }); j >= 0 {
			g.byName[k][j].other = false
			continue
		}
		g.byName[k] = append(g.byName[k], ref{i, false})
		if w := strings.Count(k, " ") + 1; w > g.maxWords {
			g.maxWords = w
		}
	}
}

// eachLine calls fn with the tab-separated fields of each line of an embedded file, skipping
// comments and blank lines; a line with another number of fields is an error.
func eachLine(name string, fields int, fn func([]string) error) error {
	f, err := files.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != fields {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, n, len(f), fields)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func point(lat, lon string) (float64, float64, error) {
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err1 != nil || err2 != nil || math.Abs(la) > 90 || math.Abs(lo) > 180 {
		return 0, 0, fmt.Errorf("bad point %q, %q", lat, lon)
	}
	return la, lo, nil
}

// fold is a name as it is looked up: case, accents, hyphens and apostrophes folded, and a
// leading article dropped ("the Aegean" is "aegean").
func fold(s string) string {
	if k, ok := foldASCII(s); ok {
		return k
	}
	return strings.TrimPrefix(dropApostrophes.Replace(text.FoldName(s)), "the ")
}

// foldASCII is fold for a name in ASCII, in one pass: most of the gazetteer's ~90,000 names,
// folded when it loads. It reports false for other names.
func foldASCII(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := true // at the start, or after a space: a separator adds nothing
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case c == ' ' || c == '-' || c == '.' || c == '_' || c == '\t':
			if !space {
				b = append(b, ' ')
				space = true
			}
		case c == '\'':
		default:
			b = append(b, c)
			space = false
		}
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return strings.TrimPrefix(string(b), "the "), true
}

var dropApostrophes = strings.NewReplacer("'", "", "’", "")

// Len returns the number of places in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Lookup resolves a name. Of several places with the name, it prefers one in the countries
// given (the report's countries, most mentioned first), then the curated features and
// countries, then places by size; a place's own name counts more than another of its names
// ("Florida" is the state, not Floridablanca). When countries are given, a city or region
// outside them must be large to be chosen (a report on Britain's "Kent" does not mean Kent,
// Washington). It returns false when the gazetteer has no place of that name.
func (g *Gazetteer) Lookup(name string, countries []string) (record.Geo, bool) {
	best, bestScore := -1, math.Inf(-1)
	for _, r := range g.byName[fold(name)] {
		e := g.entries[r.i]
		s, ok := score(e, r.other, countries)
		if ok && (s > bestScore || s == bestScore && less(e.place, g.entries[best].place)) {
			best, bestScore = int(r.i), s
		}
	}
	if best < 0 {
		return record.Geo{}, false
	}
	return clone(g.entries[best].place), true
}

// farPopulation is how large a city or region outside the report's countries must be to be
// chosen.
const farPopulation = 150_000

// score ranks a candidate: about the order of magnitude of its population (a region's is the
// people of its towns, and a city wins a tie with its region; a country or a curated feature
// counts as a city of ten million: a name that news uses for the feature, not for a village
// of the same name), less 2 for a name that is not the place's own, plus a bonus for being in
// one of the report's countries (more for the first). It returns false for a candidate that
// is too small, or named by another of its names, and outside the report's countries.
func score(e entry, other bool, countries []string) (float64, bool) {
	s := math.Log10(float64(e.population) + 10)
	switch e.place.Kind {
	case record.PlaceCity:
	case record.PlaceRegion:
		s -= 0.5
	default:
		s = 7
	}
	if other {
		s -= 2
	}
	for k, c := range countries {
		if c != "" && c == e.place.Country {
			return s + 3 - math.Min(float64(k), 2)*0.5, true
		}
	}
	if len(countries) == 0 {
		return s, true
	}
	switch e.place.Kind {
	case record.PlaceCity, record.PlaceRegion:
		return s, !other && e.population >= farPopulation
	}
	return s, true
}

// less orders equal candidates so that the choice does not depend on the file's order.
func less(a, b record.Geo) bool {
	if a.Country != b.Country {
		return a.Country < b.Country
	}
	return a.Name < b.Name
}

// clone copies a place so that callers cannot change the gazetteer's.
func clone(p record.Geo) record.Geo {
	if p.GeoNamesID != nil {
		id := *p.GeoNamesID
		p.GeoNamesID = &id
	}
	return p
}
