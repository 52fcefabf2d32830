package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/record"
)

// A sentence places its action with a preposition or a verb of arrival before the place:
// "in Madrid", "off Lampedusa", "near Nador", "on Lesbos", "reached Lampedusa".
var triggers = map[string]bool{
	"in": true, "off": true, "near": true, "at": true, "on": true, "outside": true, "into": true,
	"around": true, "inside": true, "reached": true, "reaching": true, "reach": true,
}

// Words before "in" that make what follows where someone is from or is kept, not where the
// act was: "based in Malta", "born in Syria".
var notHere = map[string]bool{
	"based": true, "born": true, "headquartered": true, "registered": true, "flagged": true, "stationed": true,
	"resident": true, "residing": true, "living": true, "lives": true, "lived": true,
}

// arrival reports whether a word is a verb of arrival, after which "to" names a place:
// "migrants arriving to Yemen".
func arrival(w string) bool {
	return strings.HasPrefix(w, "arriv") || strings.HasPrefix(w, "land") || strings.HasPrefix(w, "return") ||
		strings.HasPrefix(w, "deport") || strings.HasPrefix(w, "travel")
}

// Nouns that name a place by what it is: "the island of Lampedusa", "the coast of Libya",
// "Libya's capital Tripoli".
var containers = map[string]bool{
	"island": true, "islands": true, "isle": true, "port": true, "city": true, "town": true, "coast": true,
	"coasts": true, "shores": true, "waters": true, "village": true, "region": true, "province": true,
	"enclave": true, "enclaves": true, "capital": true, "area": true, "camp": true, "archipelago": true,
}

// Lowercase words that may stand inside a name: "Strait of Gibraltar", "El Hierro", "Côte
// d'Ivoire".
var connectors = map[string]bool{"of": true, "de": true, "del": true, "la": true, "el": true, "al": true, "and": true,
	"d'": true, "d’": true}

// placeWords are the words of a language that place an action before a name: prepositions of
// place (triggers), words that link a preposition to the rest ("frente a", "près de"),
// articles, nouns of places ("coast of", "costas de", "au large de") and the "of" after them.
type placeWords struct {
	triggers, link, articles, containers, of map[string]bool
	arrival                                  func(string) bool // a verb after which "to" ("a") places
	to                                       map[string]bool
}

var english = placeWords{triggers: triggers, link: map[string]bool{}, articles: set("the", "a"),
	containers: containers, of: set("of"), arrival: arrival, to: set("to")}

// langPlaceWords are Spanish and French words of place: "en Almería", "frente a las costas de
// Almería", "en aguas de Canarias", "llegaron a las Canarias", "au large de Tarfaya", "près des
// côtes de Nador", "aux îles Canaries".
var langPlaceWords = map[string]placeWords{
	"es": {
		triggers: set("en", "frente", "cerca", "junto", "ante"),
		link:     set("a", "al", "de", "del"),
		articles: set("el", "la", "los", "las"),
		containers: set("costa", "costas", "aguas", "isla", "islas", "islote", "puerto", "ciudad", "localidad",
			"región", "provincia", "archipiélago", "playa", "playas", "litoral", "enclave", "frontera"),
		of: set("de", "del"),
		arrival: func(w string) bool {
			return strings.HasPrefix(w, "lleg") || strings.HasPrefix(w, "arrib") || strings.HasPrefix(w, "alcanz") ||
				strings.HasPrefix(w, "desembarc")
		},
		to: set("a", "al"),
	},
	"fr": {
		triggers: set("à", "au", "aux", "en", "près", "dans", "sur"),
		link:     set("de", "d'", "d’", "du", "des"),
		articles: set("le", "la", "les", "l'", "l’"),
		containers: set("côte", "côtes", "large", "eaux", "île", "îles", "port", "ville", "localité", "région",
			"province", "préfecture", "archipel", "plage", "plages", "littoral", "enclave", "frontière"),
		of: set("de", "d'", "d’", "du", "des"),
		arrival: func(w string) bool {
			return strings.HasPrefix(w, "arriv") || strings.HasPrefix(w, "débarqu") || strings.HasPrefix(w, "accost")
		},
		to: set("à", "au", "aux"),
	},
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Match is a place a sentence names, with the byte range of its name in the sentence.
type Match struct {
	Place      record.Geo
	Start, End int
}

// Find returns the place where a sentence says its action happened: of the places it names
// after a preposition of place, the most specific (a city or an island before a region or a
// strait, before a country, before a sea), the first of equals. Countries are the report's,
// most mentioned first, to choose between homonyms. It returns false when the sentence names no
// place the gazetteer has.
func (g *Gazetteer) Find(sentence string, countries []string) (Match, bool) {
	return g.find(sentence, &english, countries)
}

// FindLang is Find for a sentence in the language lang ("es", "fr"), with its prepositions and
// nouns of place; a language without words of its own is read as English.
func (g *Gazetteer) FindLang(sentence, lang string, countries []string) (Match, bool) {
	if w, ok := langPlaceWords[lang]; ok {
		return g.find(sentence, &w, countries)
	}
	return g.find(sentence, &english, countries)
}

func (g *Gazetteer) find(sentence string, w *placeWords, countries []string) (Match, bool) {
	toks := tokenize(sentence)
	var best Match
	found := false
	for i, t := range toks {
		if !w.triggers[t.low] && !(w.to[t.low] && i > 0 && w.arrival(toks[i-1].low)) {
			continue
		}
		// "based in Malta", "born in Syria": where someone is from, not where the act was.
		if i > 0 && notHere[toks[i-1].low] {
			continue
		}
		m, end, ok := g.after(sentence, toks, i+1, w, countries)
		if !ok {
			continue
		}
		// "off Indonesia's Aceh", "in Libya's capital Tripoli": the second place, within the first;
		// "off Thailand's coast": the first. "On Greece's official version" names no place.
		if end+1 < len(toks) && toks[end].low == "'s" {
			j := end + 1
			for k := 0; k < 2 && j < len(toks) && containers[toks[j].low]; k++ {
				j++
			}
			m2, _, ok := g.name(sentence, toks, j, append([]string{m.Place.Country}, countries...))
			switch {
			case ok && rank(m2.Place.Kind) <= rank(m.Place.Kind):
				m = m2
			case j == end+1:
				continue
			}
		}
		if !found || rank(m.Place.Kind) < rank(best.Place.Kind) {
			best, found = m, true
		}
	}
	return best, found
}

// after reads a place name after a trigger: an optional article, an optional "island of"
// (with up to two words before the noun: "the Greek island of"), then the name.
func (g *Gazetteer) after(s string, toks []token, j int, w *placeWords, countries []string) (Match, int, bool) {
	if j < len(toks) && w.link[toks[j].low] {
		j++ // "frente a", "près de"
	}
	if j < len(toks) && w.articles[toks[j].low] {
		j++
	}
	for k := j; k < j+3 && k+1 < len(toks); k++ {
		if w.containers[toks[k].low] && w.of[toks[k+1].low] {
			j = k + 2
			if j < len(toks) && w.articles[toks[j].low] && toks[j].low != "a" {
				j++
			}
			break
		}
		// "islas Canarias", "îles Canaries": the noun before the name.
		if w != &english && w.containers[toks[k].low] && toks[k+1].upper {
			j = k + 1
			break
		}
		if toks[k].punct {
			break
		}
	}
	return g.name(s, toks, j, countries)
}

// name matches the name that starts at token j: a run of capitalised words, with connectors
// inside, that the gazetteer has whole, or without a last word such as "Island" or
// "Province". A shorter part of the run is not tried: "Padang Besar" is not Padang, "Napier
// Barracks" not Napier. It returns the match and the token after it.
func (g *Gazetteer) name(s string, toks []token, j int, countries []string) (Match, int, bool) {
	if j >= len(toks) || !toks[j].upper {
		return Match{}, 0, false
	}
	end := j
	for end < len(toks) && !toks[end].punct && (toks[end].upper || connectors[toks[end].low] && end+1 < len(toks) && toks[end+1].upper) {
		end++
	}
	if end-j > g.maxWords+1 {
		return Match{}, 0, false
	}
	for n := end; n > j; n-- {
		if n < end && !containers[toks[n].low] && toks[n].low != "state" {
			break
		}
		name := s[toks[j].start:toks[n-1].end]
		if g.notPlace[fold(name)] {
			continue
		}
		if p, ok := g.Lookup(name, countries); ok {
			return Match{Place: p, Start: toks[j].start, End: toks[n-1].end}, n, true
		}
	}
	return Match{}, 0, false
}

// rank orders kinds from the most specific.
func rank(kind string) int {
	switch kind {
	case record.PlaceCity, record.PlaceIsland, record.PlaceArchipelago, record.PlaceCamp:
		return 0
	case record.PlaceRegion, record.PlaceStrait, record.PlaceRiver:
		return 1
	case record.PlaceCountry:
		return 2
	}
	return 3
}

// token is a word or a punctuation mark of a sentence, by byte offsets.
type token struct {
	start, end int
	low        string
	upper      bool // starts with a capital letter
	punct      bool
}

// tokenize splits a sentence into words (letters and digits, with inner hyphens, dots and
// apostrophes), possessive "'s" as a token of its own, and punctuation marks.
func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				// An inner hyphen, dot or apostrophe joins letters: "Bab-el-Mandeb", "N'Djamena";
				// but "Libya's" is "Libya" and "'s".
				if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' {
					r3, n3 := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) && !((r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') && !isLetterAt(s, j+n2+n3)) {
						j += n2
						continue
					}
				}
				break
			}
			// "d'Almería", "l'Atlantique": the elided article or preposition is a word of its own.
			if e := elision(s[i:j]); e > 0 {
				out = append(out, token{start: i, end: i + e, low: strings.ToLower(s[i : i+e])})
				i += e
				r, _ = utf8.DecodeRuneInString(s[i:])
			}
			out = append(out, token{start: i, end: j, low: strings.ToLower(s[i:j]), upper: unicode.IsUpper(r)})
			i = j
		case (r == '\'' || r == '’') && i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && !isLetterAt(s, i+n+1):
			out = append(out, token{start: i, end: i + n + 1, low: "'s"})
			i += n + 1
		default:
			out = append(out, token{start: i, end: i + n, low: s[i : i+n], punct: true})
			i += n
		}
	}
	return out
}

// elision returns the length of a lower-case "d'" or "l'" that opens word w before a capital
// letter ("d'Almería", "l'Atlantique", "d’Ivoire"), else 0.
func elision(w string) int {
	if len(w) < 3 || w[0] != 'd' && w[0] != 'l' {
		return 0
	}
	_, n := utf8.DecodeRuneInString(w[1:])
	if a := w[1 : 1+n]; a != "'" && a != "’" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w[1+n:])
	if !unicode.IsUpper(r) {
		return 0
	}
	return 1 + n
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
