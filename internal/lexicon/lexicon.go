// Package lexicon holds Alboran's dictionaries: countries with their names, adjectives,
// demonyms and capitals; international organizations and national agencies; titles; agency
// nouns; PLOVER event triggers; and statistic cues. They are data files embedded with go:embed
// and compiled once into token tries. A malformed line is an error that names its file and line.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/alboran/alboran/internal/text"
)

//go:embed data/*
var files embed.FS

// Kinds of actor phrase.
const (
	CountryName = iota + 1 // "Morocco"
	CountryAdj             // "Moroccan", "Moroccans"
	Capital                // "Rabat", used for the government
	Org                    // "UNHCR", "Home Office"
)

// Actor is what an actor phrase stands for.
type Actor struct {
	Kind int
	Code string // the actor code: ISO 3166-1 alpha-3 or the IGO code; "" for NGOs and media
	Name string // the canonical name: "Morocco", "UNHCR", "Amnesty International"
	Type string // for organizations: "igo", "agency", "ngo", "media"
}

// Title is a title or role.
type Title struct {
	Phrase string
	Role   bool // may stand alone for the person later ("the ambassador")
	Gov    bool // a state office, so the holder acts for a country
	// Country is the one country that has the office ("home secretary": GBR), or "".
	Country string
}

// StatCue is a word stem that says what a number counts.
type StatCue struct {
	Category string
	Noun     bool
}

// Lexicon is the compiled dictionaries. It is read-only after Load and safe for concurrent use.
type Lexicon struct {
	Actors    *Trie[Actor]
	Agencies  *Trie[string]
	Titles    *Trie[Title]
	Events    *Trie[EventRule]
	Modality  map[string]map[string]bool // role ("negation", "future", ...) -> its words
	StatCues  *Trie[StatCue]
	statStems []stem
	// statStemsBy4 indexes the stems (of four bytes or more) by their first four bytes.
	statStemsBy4 map[string][]int
	statGaps     []gapCue
	// statBlocks are phrases inside which a word is no cue: "in return", "return flight".
	statBlocks *Trie[bool]
	Stop       map[string]bool
	Countries  map[string]string // code -> name
	// Adjectives maps a country's code to its first adjective ("GRC": "Greek").
	Adjectives map[string]string
	// Speech maps each form of a speech verb ("said", "tells") to what it allows.
	Speech map[string]SpeechVerb
	// Common holds common English words (common.en.txt), lower case.
	Common map[string]bool
	// People holds nouns that name a person ("woman", "fisherman"), lower case.
	People map[string]bool
	// Lang is the language the dictionaries add to English ("es", "fr"), "" for English.
	Lang string
	// Words maps a role of data/LANG/words.tsv ("article", "honorific") to its words.
	Words map[string]map[string]bool
	// Currency maps the language's currency words to ISO 4217 codes ("dólares": USD).
	Currency map[string]string
	// Prefix maps the first part of a compound adjective of two countries to its code
	// ("maroco": MAR in "maroco-espagnol", "hispano": ESP in "hispano-marroquí").
	Prefix map[string]string
	// Numbers holds the language's number words ("doscientos", "deux", "millions").
	Numbers map[string]NumberWord
	// Home is the country whose offices the language's press names without a country: "el
	// ministro del Interior" in Spanish agency copy is Spain's, "le ministre de l'Intérieur" in
	// the Moroccan French press is Morocco's.
	Home string
	// Time holds the language's date words; nil for English, whose rules keep their own.
	Time *TimeWords
}

var (
	once    sync.Once
	def     *Lexicon
	loadErr error
)

// Default returns the dictionaries built from the embedded data, compiled on first use.
func Default() (*Lexicon, error) {
	once.Do(func() { def, loadErr = Load() })
	return def, loadErr
}

// Load compiles the embedded data files.
func Load() (*Lexicon, error) {
	lx := &Lexicon{
		Actors: NewTrie[Actor](), Agencies: NewTrie[string](), Titles: NewTrie[Title](),
		Events: NewTrie[EventRule](), StatCues: NewTrie[StatCue](), statBlocks: NewTrie[bool](),
		Stop: map[string]bool{}, Countries: map[string]string{}, Adjectives: map[string]string{}, Modality: map[string]map[string]bool{},
		Speech: map[string]SpeechVerb{}, Common: map[string]bool{}, People: map[string]bool{},
	}
	steps := []struct {
		file string
		cols int
		fn   func([]string) error
	}{
		{"countries.tsv", 4, lx.addCountry},
		{"organizations.tsv", 3, lx.addOrg},
		{"agencies.txt", 1, func(c []string) error { lx.Agencies.Add(c[0], c[0], false); return nil }},
		{"titles.txt", 2, lx.addTitle},
		{"en/events.tsv", 5, lx.addEvent},
		{"en/modality.tsv", 2, lx.addModality},
		{"statistics.en.tsv", 3, lx.addStatCue},
		{"words.txt", 1, func(c []string) error { lx.Stop[c[0]] = true; return nil }},
		{"speech.en.txt", 2, lx.addSpeech},
		{"common.en.txt", 1, func(c []string) error { lx.Common[c[0]] = true; return nil }},
		{"people.en.txt", 1, func(c []string) error { lx.People[c[0]] = true; return nil }},
	}
	for _, s := range steps {
		if err := readTable(s.file, s.cols, s.fn); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// readTable calls fn with the tab-separated columns of each line that is not blank or a
// comment, and wraps any error with the file and line.
func readTable(name string, cols int, fn func([]string) error) error {
	f, err := files.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < cols {
			c = append(c, make([]string, cols-len(c))...)
		}
		if cols == 1 {
			c[0] = strings.TrimSpace(line)
		}
		if err := fn(c); err != nil {
			return fmt.Errorf("lexicon: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (lx *Lexicon) addCountry(c []string) error {
	code := strings.TrimSpace(c[0])
	names := split(c[1])
	if len(code) != 3 || len(names) == 0 {
		return fmt.Errorf("want a three-letter code and a name, got %q", strings.Join(c, "\t"))
	}
	lx.Countries[code] = names[0]
	for _, n := range names {
		lx.Actors.Add(n, Actor{Kind: CountryName, Code: code, Name: names[0]}, true)
	}
	if adjs := split(c[2]); len(adjs) > 0 {
		lx.Adjectives[code] = adjs[0]
	}
	for _, a := range split(c[2]) {
		v := Actor{Kind: CountryAdj, Code: code, Name: names[0]}
		lx.Actors.Add(a, v, true)
		if !strings.HasSuffix(a, "s") && !strings.HasSuffix(a, "ese") && !strings.HasSuffix(a, "ch") && !strings.HasSuffix(a, "sh") {
			lx.Actors.Add(a+"s", v, true) // demonym plural: "Moroccans"
		}
	}
	for _, cap := range split(c[3]) {
		lx.Actors.Add(cap, Actor{Kind: Capital, Code: code, Name: names[0]}, true)
	}
	return nil
}

func (lx *Lexicon) addOrg(c []string) error {
	code, actsFor := strings.TrimSpace(c[0]), strings.TrimSpace(c[1])
	names := split(c[2])
	if code == "" || len(names) == 0 {
		return fmt.Errorf("want a code and names")
	}
	typ := "agency"
	switch {
	case code == "NGO":
		typ, actsFor = "ngo", ""
	case code == "MEDIA":
		typ, actsFor = "media", ""
	case code == "AGENCY":
		typ, actsFor = "agency", "" // a national agency whose country the text must give
	case code == actsFor && len(code) != 3 || code == "EU" || code == "UN" || code == "AU" || code == "WB":
		typ = "igo"
	}
	for _, n := range names {
		lx.Actors.Add(n, Actor{Kind: Org, Code: actsFor, Name: n, Type: typ}, true)
	}
	return nil
}

func (lx *Lexicon) addTitle(c []string) error {
	p := strings.TrimSpace(c[0])
	t := Title{Role: strings.HasSuffix(p, "*"), Country: strings.TrimSpace(c[1])}
	p = strings.TrimSuffix(p, "*")
	t.Phrase = p
	t.Gov = govTitle(p)
	lx.Titles.Add(p, t, false)
	return nil
}

// govTitle reports whether a title is a state office.
func govTitle(p string) bool {
	for _, w := range []string{"minister", "president", "secretary", "ambassador", "envoy", "king", "queen",
		"prince", "emperor", "chancellor", "sultan", "emir", "governor", "mayor", "senator", "congress",
		"mp", "judge", "justice", "magistrate", "prosecutor", "attorney", "commissioner", "agent",
		"officer", "inspector", "superintendent", "general", "admiral", "colonel", "lieutenant",
		"commander", "sergeant", "police", "patrol", "sen.", "rep.", "gen.", "col.", "lt.", "sgt.", "capt.", "official", "sir"} {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}

// Inflect returns the forms of a verb written as "meet/met" (base, then irregular forms): the
// base, its -s, -ed and -ing forms, and the irregular ones.
func Inflect(spec string) []string {
	parts := strings.Split(spec, "/")
	base := parts[0]
	forms := append([]string{base}, parts[1:]...)
	stem := base
	if strings.HasSuffix(base, "e") && !strings.HasSuffix(base, "ee") {
		stem = base[:len(base)-1]
	}
	past := stem + "ed"
	if strings.HasSuffix(base, "ee") {
		past = base + "d" // "agree", "agreed"
	}
	switch {
	case strings.HasSuffix(base, "y") && len(base) > 2 && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		forms = append(forms, base[:len(base)-1]+"ies", base[:len(base)-1]+"ied", base+"ing")
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		forms = append(forms, base+"es", past, stem+"ing")
	default:
		forms = append(forms, base+"s", past, stem+"ing")
	}
	if len(parts) == 1 && doubles(base) {
		last := base[len(base)-1:]
		forms = append(forms, base+last+"ed", base+last+"ing")
	}
	return forms
}

// doubles reports whether a short verb doubles its last consonant ("stop", "stopped").
func doubles(b string) bool {
	n := len(b)
	if n < 3 || n > 4 {
		return false
	}
	v := "aeiou"
	return !strings.ContainsRune(v, rune(b[n-1])) && strings.ContainsRune(v, rune(b[n-2])) &&
		!strings.ContainsRune(v, rune(b[n-3])) && !strings.ContainsRune("wxy", rune(b[n-1]))
}

func (lx *Lexicon) addStatCue(c []string) error {
	w, kind, cat := strings.TrimSpace(c[0]), strings.TrimSpace(c[1]), strings.TrimSpace(c[2])
	if kind == "none" && w != "" {
		lx.statBlocks.Add(w, true, false) // "in return": no cue inside
		return nil
	}
	if w == "" || cat == "" || (kind != "noun" && kind != "verb") {
		return fmt.Errorf("want a cue, noun, verb or none, and a category")
	}
	v := StatCue{Category: cat, Noun: kind == "noun"}
	if a, b, ok := strings.Cut(w, "..."); ok {
		g := gapCue{first: Tokens(strings.TrimSpace(a)), last: Tokens(strings.TrimSpace(b)), cue: v}
		if len(g.first) == 0 || len(g.last) == 0 {
			return fmt.Errorf("a gap needs words on both sides: %q", w)
		}
		lx.statGaps = append(lx.statGaps, g)
		return nil
	}
	lx.StatCues.Add(w, v, false)
	if !strings.Contains(w, " ") {
		lx.statStems = append(lx.statStems, stem{w, v})
		if len(w) >= 4 {
			if lx.statStemsBy4 == nil {
				lx.statStemsBy4 = map[string][]int{}
			}
			lx.statStemsBy4[w[:4]] = append(lx.statStemsBy4[w[:4]], len(lx.statStems)-1)
		}
	}
	return nil
}

// gapCue is a cue phrase with up to maxGap words inside it: "made ... journey".
type gapCue struct {
	first, last []string
	cue         StatCue
}

// maxGap is how many words "..." in a cue phrase stands for at most.
const maxGap = 3

// gapAt returns the gap cue that starts at token i, if any: the first words, up to maxGap
// words of the sentence, then the last words.
func (lx *Lexicon) gapAt(toks []text.Token, i int) (Match[StatCue], bool) {
	for _, g := range lx.statGaps {
		j, ok := wordsAt(toks, i, g.first)
		if !ok {
			continue
		}
		for k := j; k <= j+maxGap && k < len(toks) && toks[k].Sent == toks[i].Sent; k++ {
			if toks[k].Kind == text.Punct {
				break
			}
			if end, ok := wordsAt(toks, k, g.last); ok {
				return Match[StatCue]{Start: i, End: end, Vals: []StatCue{g.cue}}, true
			}
		}
	}
	return Match[StatCue]{}, false
}

// wordsAt reports whether the words ws stand at token i, and returns the token after them.
func wordsAt(toks []text.Token, i int, ws []string) (int, bool) {
	for k, w := range ws {
		if i+k >= len(toks) || toks[i+k].Lower() != w {
			return 0, false
		}
	}
	return i + len(ws), true
}

// stem is a one-word cue that matches the start of a word: "drown" matches "drowned".
type stem struct {
	prefix string
	cue    StatCue
}

// StatCueAt returns the statistic cue at token i: a phrase with a gap, else the longest phrase,
// else the longest stem that starts the word; none inside a phrase that blocks cues ("in
// return").
func (lx *Lexicon) StatCueAt(toks []text.Token, i int) (Match[StatCue], bool) {
	for k := i; k >= 0 && k >= i-2; k-- {
		if m, ok := lx.statBlocks.Longest(toks, k); ok && m.End > i {
			return Match[StatCue]{}, false
		}
	}
	if m, ok := lx.gapAt(toks, i); ok {
		return m, true
	}
	if m, ok := lx.StatCues.Longest(toks, i); ok {
		return m, true
	}
	w := toks[i].Low
	best := -1
	for _, k := range lx.stemsOf(w) {
		if st := lx.statStems[k]; strings.HasPrefix(w, st.prefix) && (best < 0 || len(st.prefix) > len(lx.statStems[best].prefix)) {
			best = k
		}
	}
	if best < 0 {
		return Match[StatCue]{}, false
	}
	var vals []StatCue
	for _, k := range lx.stemsOf(w) {
		if st := lx.statStems[k]; st.prefix == lx.statStems[best].prefix {
			vals = append(vals, st.cue)
		}
	}
	return Match[StatCue]{Start: i, End: i + 1, Vals: vals}, true
}

// stemsOf returns, in the order they were added, the stems of four bytes or more that may start
// word w: those that share its first four bytes. Looking them up costs the same however many
// stems there are.
func (lx *Lexicon) stemsOf(w string) []int {
	if len(w) < 4 {
		return nil
	}
	return lx.statStemsBy4[w[:4]]
}

// VerbStem returns the category of the longest verb stem that starts word w: "arrivals" gives
// migrants_arrived even though the phrase table reads it as a counted noun.
func (lx *Lexicon) VerbStem(w string) (string, bool) {
	best := -1
	for _, k := range lx.stemsOf(w) {
		if st := lx.statStems[k]; !st.cue.Noun && strings.HasPrefix(w, st.prefix) && (best < 0 || len(st.prefix) > len(lx.statStems[best].prefix)) {
			best = k
		}
	}
	if best < 0 {
		return "", false
	}
	return lx.statStems[best].cue.Category, true
}

// Tokens returns the lowercase word tokens of a phrase, as the tries key them.
func Tokens(p string) []string {
	toks := text.Tokenize(p)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}
