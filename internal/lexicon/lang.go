package lexicon

import (
	"fmt"
	"strings"
	"sync"
)

// Langs are the languages with dictionaries of their own beside English, each in data/LANG/.
var Langs = []string{"es", "fr"}

var (
	langMu   sync.Mutex
	langLexs = map[string]*Lexicon{}
)

// For returns the dictionaries for a document in language lang (ISO 639-1): English for "",
// "en" and any language without dictionaries of its own; for "es" and "fr", the English
// dictionaries with the language's own files added (names, titles, cues, speech verbs, event
// triggers and function words). Each is compiled once, on first use.
func For(lang string) (*Lexicon, error) {
	if !hasLang(lang) {
		return Default()
	}
	langMu.Lock()
	defer langMu.Unlock()
	if lx := langLexs[lang]; lx != nil {
		return lx, nil
	}
	lx, err := LoadLang(lang)
	if err != nil {
		return nil, err
	}
	langLexs[lang] = lx
	return lx, nil
}

func hasLang(lang string) bool {
	for _, l := range Langs {
		if l == lang {
			return true
		}
	}
	return false
}

// LoadLang compiles the English dictionaries and then the files of data/LANG/.
func LoadLang(lang string) (*Lexicon, error) {
	if !hasLang(lang) {
		return nil, fmt.Errorf("lexicon: no dictionaries for language %q (have en, %s)", lang, strings.Join(Langs, ", "))
	}
	lx, err := Load()
	if err != nil {
		return nil, err
	}
	lx.Lang = lang
	lx.Words = map[string]map[string]bool{}
	lx.Currency = map[string]string{}
	lx.Prefix = map[string]string{}
	lx.Numbers = map[string]NumberWord{}
	lx.Time = &TimeWords{Months: map[string]int{}, Abbr: map[string]int{}, Weekdays: map[string]int{},
		Phrases: NewTrie[string](), Since: map[string]bool{}, Past: map[string]bool{}, Next: map[string]bool{}, DayNoun: map[string]bool{},
		RangeFrom: map[string]bool{}, RangeTo: map[string]bool{}, Until: map[string]bool{}, RangeArticle: map[string]bool{},
		First: map[string]bool{}, Parts: map[string]int{}}
	steps := []struct {
		file string
		cols int
		fn   func([]string) error
	}{
		{"country-names.tsv", 4, lx.addCountryLang}, // names only: the other columns are empty
		{"countries.tsv", 4, lx.addCountryLang},
		{"demonyms.tsv", 2, lx.addDemonyms},
		{"organizations.tsv", 3, lx.addOrg},
		{"agencies.txt", 1, func(c []string) error { lx.Agencies.Add(c[0], c[0], false); return nil }},
		{"titles.txt", 2, lx.addTitleLang},
		{"events.tsv", 5, lx.addEvent},
		{"modality.tsv", 2, lx.addModalityForms},
		{"statistics.tsv", 3, lx.addStatCue},
		{"speech.tsv", 3, lx.addSpeechForms},
		{"words.tsv", 2, lx.addWords},
		{"numbers.tsv", 3, lx.addNumber},
		{"time.tsv", 3, lx.addTime},
	}
	for _, s := range steps {
		if err := readTable(lang+"/"+s.file, s.cols, s.fn); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// addCountryLang reads a country line of data/LANG/countries.tsv. Adjectives and demonyms are
// written in lower case in Spanish and French ("marroquí", "marocaine"), so they match in any
// case, and every form is listed: no plural is made.
func (lx *Lexicon) addCountryLang(c []string) error {
	code := strings.TrimSpace(c[0])
	names := split(c[1])
	if len(code) != 3 || len(names) == 0 {
		return fmt.Errorf("want a three-letter code and a name, got %q", strings.Join(c, "\t"))
	}
	name := lx.Countries[code]
	if name == "" {
		return fmt.Errorf("unknown country code %q (add it to countries.tsv first)", code)
	}
	for _, n := range names {
		lx.Actors.Add(n, Actor{Kind: CountryName, Code: code, Name: name}, true)
	}
	for _, a := range split(c[2]) {
		lx.Actors.Add(a, Actor{Kind: CountryAdj, Code: code, Name: name}, false)
	}
	for _, cp := range split(c[3]) {
		lx.Actors.Add(cp, Actor{Kind: Capital, Code: code, Name: name}, true)
	}
	return nil
}

// addDemonyms reads a line of data/LANG/demonyms.tsv: the adjectives and demonyms of a
// country that countries.tsv does not list, in lower case like those.
func (lx *Lexicon) addDemonyms(c []string) error {
	code := strings.TrimSpace(c[0])
	name := lx.Countries[code]
	if name == "" {
		return fmt.Errorf("unknown country code %q (add it to countries.tsv first)", code)
	}
	for _, a := range split(c[1]) {
		lx.Actors.Add(a, Actor{Kind: CountryAdj, Code: code, Name: name}, false)
	}
	return nil
}

// govWords are the stems of Spanish and French titles of state offices.
var govWords = []string{"ministr", "minist", "president", "présiden", "presiden", "delegad", "délégué",
	"embajador", "ambassad", "rey", "reina", "roi", "souverain", "secretari", "secrétaire", "comisari",
	"commissaire", "director", "directeur", "directrice", "portavoz", "porte-parole", "gobernador",
	"gouverneur", "wali", "alcalde", "maire", "teniente", "coronel", "colonel", "general", "général",
	"jefe", "chef", "fiscal", "juez", "jueza", "juge", "procureur", "capitán", "capitaine", "comandante", "commandant"}

// addTitleLang reads a title of data/LANG/titles.txt; whether it is a state office is read
// from the language's stems.
func (lx *Lexicon) addTitleLang(c []string) error {
	p := strings.TrimSpace(c[0])
	t := Title{Role: strings.HasSuffix(p, "*"), Country: strings.TrimSpace(c[1])}
	p = strings.TrimSuffix(p, "*")
	t.Phrase = p
	for _, w := range govWords {
		if strings.Contains(p, w) {
			t.Gov = true
		}
	}
	lx.Titles.Add(p, t, false)
	return nil
}

// addModalityForms reads data/LANG/modality.tsv: the roles of en/modality.tsv, every form
// listed (no English inflection is applied).
func (lx *Lexicon) addModalityForms(c []string) error {
	role := strings.TrimSpace(c[0])
	if !modalityRoles[role] {
		return fmt.Errorf("unknown role %q", role)
	}
	if lx.Modality[role] == nil {
		lx.Modality[role] = map[string]bool{}
	}
	for _, w := range split(c[1]) {
		lx.Modality[role][w] = true
	}
	return nil
}

// addSpeechForms reads data/LANG/speech.tsv: a verb's lemma, its forms (| separated, each
// one word), and the flags of speech.en.txt.
func (lx *Lexicon) addSpeechForms(c []string) error {
	lemma := strings.TrimSpace(c[0])
	forms := split(c[1])
	if lemma == "" || len(forms) == 0 {
		return fmt.Errorf("want a lemma and its forms")
	}
	v := SpeechVerb{Lemma: lemma}
	for _, f := range split(strings.ReplaceAll(c[2], ",", "|")) {
		switch f {
		case "invert":
			v.Invert = true
		case "listener":
			v.Listener = true
		default:
			return fmt.Errorf("unknown flag %q (want invert or listener)", f)
		}
	}
	for _, f := range forms {
		if strings.Contains(f, " ") {
			return fmt.Errorf("a form is one word, got %q", f)
		}
		lx.Speech[f] = v
	}
	return nil
}

// wordRoles are the roles of data/LANG/words.tsv: function words that English rules know
// from their own word lists.
var wordRoles = map[string]bool{
	"article":              true, // "el", "la", "le", "les": stands before a noun, a title or a name
	"place-head":           true, // opens a place's name, never a person's: "Isla", "Punta", "Cap"
	"origin":               true, // before "de" and a place, tells where a person is from: "originario", "originaire"
	"stop":                 true, // opens a sentence, never a name: "Según", "Selon", "Los"
	"honorific":            true, // before a surname: "M.", "Sr."
	"pronoun":              true, // a third person subject that may refer to a person: "él", "elle", "a-t-elle"
	"preposition":          true, // before a name that is then no subject: "en", "con", "à"
	"before-verb":          true, // may stand between a subject and its speech verb: "ha", "a", "también"
	"according":            true, // opens an attribution like "according to": "según", "selon"
	"people":               true, // a noun for people, never a name: "migrantes", "agentes"
	"common":               true, // a common word that is capitalised only to open a sentence or title
	"approximate":          true, // before a number: "unos", "cerca de", "environ"
	"at_least":             true, // before a number: "más de", "au moins"
	"at_most":              true, // before a number: "menos de", "jusqu'à"
	"currency":             true, // a currency word and its ISO 4217 code: "euros:EUR"
	"change-down":          true, // a fall: "descendieron un 35 %"
	"change-up":            true, // a rise: "une hausse de 20 %"
	"home":                 true, // the country whose offices the language's press names without one
	"both":                 true, // names both sides of an act told before: "ambos", "ambas" (not "deux" alone)
	"auxiliary":            true, // makes a participle after it a verb of the clause: "fueron", "ont été"
	"part":                 true, // opens a part of the people just counted: "dont", "incluidos"
	"part-of":              true, // joins a number to the pronoun of the whole it is part of: "de" ("siete de ellas")
	"part-article":         true, // after a number and "part-of", makes the noun after it a whole: "de las peticiones", "des victimes"
	"running-total":        true, // before "a", "à" and a number, makes it a running total: "elevando", "portant"
	"total-noun":           true, // after a running total's number and an article: "número", "nombre"
	"measure":              true, // after a number, makes it a distance or a duration, not a count: "millas", "milles"
	"reside":               true, // after the people a number counts, makes it a population: "viven", "vivent"
	"predicate":            true, // a state verb between a bare number and the participle that tells what it counts: "permanecen", "restent"
	"continuation":         true, // opens a sentence that goes on with the figures before: "además", "par ailleurs"
	"part-pronoun":         true, // the pronoun of a whole just counted, after "part" or "part-of": "ellos", "eux"
	"list-join":            true, // joins the next figure of a list: "y", "et"
	"than":                 true, // after a comparative, opens what is compared with: "que", "qu'"
	"comparative":          true, // makes a "than" after it open a comparison: "más", "moitié", "fois"
	"compared":             true, // opens what a figure is compared with: "respecto", "rapport"
	"times":                true, // after a number, makes it a factor when "more" follows: "fois", "veces"
	"more":                 true, // after "times", a rise by that factor: "plus", "más"
	"home-dateline":        true, // "yes": the dateline's country, when known, is the home (a press of several countries)
	"elected-noun":         true, // a noun for whoever holds an elected office named before: "l'élu", "el parlamentario"
	"elected":              true, // the head of an elected office's title, which "elected-noun" refers to: "député", "diputada"
	"same-source":          true, // the source named before, as a speaker: "la même source", "la misma fuente"
	"ministry-noun":        true, // alone after an article, the ministry named before: "el departamento", "le ministère"
	"ministry":             true, // opens a ministry's name: "Ministerio", "ministère"
	"null-subject":         true, // "yes": a verb may drop its subject, the person the text is about ("«…», afirmó.")
	"not-funding":          true, // money near it is no funding: a price, a fine, cash seized
	"generic-people":       true, // people of no stated kind: arrested, they are suspects ("14 personas")
	"perfect":              true, // the auxiliary of a perfect that tells the day's acts: "ha", "han"
	"meeting-noun":         true, // names a meeting whose sides follow it: "la reunión entre", "l'entretien de"
	"meeting-join":         true, // joins the second side of a meeting noun: "y", "et", "con", "avec"
	"act-noun":             true, // a noun that names an act after its article: "una operación conjunta"
	"partner":              true, // names who acts alongside, not the target: "con", "avec"
	"members":              true, // people of the body named after them: "agentes de la Guardia Civil"
	"possessive":           true, // a third person possessive before a noun: "su", "son", "sa"
	"country-noun":         true, // names a country after a possessive: "país", "pays"
	"complementizer":       true, // opens a reported clause: "que", "qu'"
	"future-end":           true, // an ending of the future tense: "-rán", "-ront"
	"operation-noun":       true, // a noun for a police operation, which its participle may date: "operación", "opération"
	"operation-participle": true, // after an operation noun, before its time: "desarrollada", "menée"
	"for-speaker":          true, // opens the sentence before a quotation that gives its speaker's view: "para", "pour"
	"sides":                true, // after "los dos", "les deux", names both sides: "delegaciones", "pays"
	"infinitive-end":       true, // the ending of an infinitive trigger: "ar", "er", "ir"
	"enabling":             true, // tells that the act of the infinitive after it was done: "ha permitido", "a permis de"
	"act-nominal":          true, // a noun trigger that names a done act when its clause dates it: "el rescate de", "l'arrestation de"
	"participle-end":       true, // the ending of a participle: "ado", "idos", "é", "ées"
	"active-perfect":       true, // the auxiliary of an active perfect before a participle: "ha", "han", "a", "ont"
	"light-act":            true, // a verb whose object noun names its act: "procedió a la detención", "a procédé à l'arrestation"
	"relative":             true, // opens a relative clause: "que", "quien", "qui"
	"country-prefix":       true, // the first part of a compound adjective of two countries and its code: "maroco:MAR" ("maroco-espagnol")
	"statement":            true, // a statement that speaks for the body that issued it: "el comunicado", "le communiqué"
	"but":                  true, // opens a clause that opposes the one before: "pero", "mais"
	"name-head":            true, // makes a capitalised run a body or a place, never a person: "Audiencia", "Tribunal"
	"gerund-end":           true, // the ending of a gerund, which shares the subject before it: "ant", "ando", "iendo"
	"masculine":            true, // an article or honorific of a man: "le", "el", "M.", "Sr."
	"feminine":             true, // an article or honorific of a woman: "la", "Mme", "Sra."
	"org-head":             true, // heads the name of a body that the country adjective after it places: "Association", "Foro"
	"border":               true, // a border or a heading: the country after it names a place, no target: "vers", "frontières"
	"accusation":           true, // a noun for accusations, rejected after a demonstrative: "accusations", "acusaciones"
	"demonstrative":        true, // points back to what was told: "ces", "estas"
	"place-noun":           true, // names a region before its name, which is then no person: "région", "provincia"
	"destination":          true, // before the country people are sent to, not the act's target: "aux frontières du", "hacia"
	"court":                true, // a court, which acts for the state of its seat: "Audiencia", "tribunal"
	"not-home":             true, // an office the home country of the press has none of: "gendarmería"; the dateline's
	"sentence-verb":        true, // a court's sentence, with "prison" a detention as well as an accusation: "condamné", "condenó"
	"prison":               true, // the place of a prison sentence: "prison", "prisión", "cárcel"
	"remand-noun":          true, // a remand named by a noun, an act only when ordered: "prisión (provisional)", "mandat (de dépôt)"
	"remand-verb":          true, // orders a remand before its noun: "decretó", "placés"
	"seat-office":          true, // a diplomatic office whose fullest name holds its seat: "ambassade", "embajada"
	"seat-preposition":     true, // before an office's seat: "à", "en"
	"counterpart":          true, // the other side's holder of the same office: "homólogo", "homologue"
	"occurred":             true, // after an act noun that opens a sentence, tells when the acts told before took place: "se practicaron", "ont eu lieu"
	"charge":               true, // an accusation proper, whose rejection is an act when its author goes unnamed: "acusaciones", "accusations"
	"title-adjective":      true, // between an office and its holder's name: "la diputada canaria X", "le député socialiste X"
	"government-noun":      true, // a government named with no country, the home state's: "gouvernement", "Gobierno"
	"state-noun":           true, // a plural noun for states or their bodies, never unnamed people: "países", "partenaires"
	"ngo-noun":             true, // a common noun for a non-governmental body, standing for the one named before: "la ONG", "l'association"
	"aim":                  true, // opens the aim of an act, before an infinitive: "para", "pour"
	"aboard":               true, // after people, says they were aboard: "a bordo", "à bord"
	"elided-before":        true, // before a number whose noun is left out: "otras 17"
	"elided-after":         true, // after a number whose noun is left out: "17 autres"
	"victims-noun":         true, // victims, of a death toll in a report on deaths: "víctimas", "victimes"
	"versus":               true, // before the figure another is compared with: "frente a", "contre"
	"year-before":          true, // before a year that names a period, never a count: "en todo 2025", "au premier semestre 2027"
	"per":                  true, // before what a sum is paid for, each: "por persona", "par personne"
	"per-head":             true, // after "por", "par": a person each pays for, "persona", "tête", "migrant"
	"no-act":               true, // a count's own predicate that tells no act of the codebook: "evacuados", "acquittés"
	"load-noun":            true, // after "con", "avec" and a number, the load of a vessel: "ocupantes", "passagers"
	"part-relative":        true, // a relative pronoun after "de los", "parmi" that opens a part of the figure before: "de los cuales", "parmi lesquelles"
	"day-noun":             true, // before a day of the month, never a count: "el pasado día 1"
	"day-article":          true, // a singular article before a day of the month with nothing counted after it: "le 3 à Rabat"
	"part-possessive":      true, // a possessive in a partitive: "cinco de sus ocupantes"
	"with":                 true, // before a figure of a list whose noun is left out: "con 214", "avec 300"
	"cooperation-phrase":   true, // names the partner of an operation after it: "en colaboración con", "avec le concours de"
	"anaphor-noun":         true, // a common noun for the person named before, as a subject: "el responsable", "le diplomate"
	"national-society":     true, // a Red Cross or Red Crescent named alone, the home country's society: "Cruz Roja", "Croix-Rouge"
	"place-country":        true, // a country whose place a homonym names before any other's: "esp" ("Valencia", "Cádiz")
	"place-head-prep":      true, // opens a place's name after a preposition of place, a person's elsewhere: "Sidi"
	"private-title":        true, // a profession that acts for a client, never a state: "abogado", "avocat"
	"visit-noun":           true, // a visit named by a noun, a meeting of the visitor's and the host's states: "visita", "visite"
	"visit-frame":          true, // before a visit noun, tells the visit took place: "durante", "lors"
	"visit-skip":           true, // between a frame word and a visit noun: "una", "d'", "su"
	"received":             true, // a participle that tells a visitor was received, before its host: "recibido", "reçue"
	"after-clause":         true, // opens a clause of time after the act it names, before "que": "después", "après"
	"time-unit-days":       true, // a unit of time and its days, before an after-clause: "semana:7", "jours:1"
	"small-number":         true, // a number word from one to ten and its value: "una:1", "deux:2"
	"trip-future":          true, // a trip to come, before its destination and aim: "viajará", "rendra"
	"sign-infinitive":      true, // a signing as the aim of a trip, after "para", "pour": "firmar", "signer"
	"provide":              true, // after a signed text, tells what it provides for: "prevé", "prévoyant"
}

func (lx *Lexicon) addWords(c []string) error {
	role := strings.TrimSpace(c[0])
	if !wordRoles[role] {
		return fmt.Errorf("unknown role %q", role)
	}
	if lx.Words[role] == nil {
		lx.Words[role] = map[string]bool{}
	}
	for _, w := range split(c[1]) {
		if role == "currency" {
			word, code, ok := strings.Cut(w, ":")
			if !ok || len(code) != 3 {
				return fmt.Errorf("want word:CODE, got %q", w)
			}
			lx.Currency[word] = code
			continue
		}
		if role == "country-prefix" {
			word, code, ok := strings.Cut(w, ":")
			if !ok || code == "" {
				return fmt.Errorf("want word:CODE, got %q", w)
			}
			lx.Prefix[strings.ToLower(word)] = code
			continue
		}
		if role == "home" {
			if len(w) != 3 {
				return fmt.Errorf("want a country code, got %q", w)
			}
			lx.Home = w
			continue
		}
		w = strings.ToLower(w)
		lx.Words[role][w] = true
		switch role {
		case "stop", "article", "pronoun", "preposition":
			lx.Stop[w] = true
		case "people":
			lx.People[w] = true
		case "common":
			lx.Common[w] = true
		}
	}
	return nil
}

// Word reports whether w (lower case) has the role in data/LANG/words.tsv; always false for
// English, whose rules keep their own lists.
func (lx *Lexicon) Word(role, w string) bool { return lx.Words[role][w] }

// NumberWord is a number written in words: "cuatro", "cents", "millones".
type NumberWord struct {
	Value float64
	Kind  string // "unit", "hundred", "scale" or "join"
}

func (lx *Lexicon) addNumber(c []string) error {
	w, kind := strings.TrimSpace(c[0]), strings.TrimSpace(c[2])
	var v float64
	if _, err := fmt.Sscan(strings.TrimSpace(c[1]), &v); err != nil || w == "" {
		return fmt.Errorf("want a word, a value and a kind, got %q", strings.Join(c, "\t"))
	}
	switch kind {
	case "unit", "hundred", "scale", "join":
	default:
		return fmt.Errorf("unknown kind %q (want unit, hundred, scale or join)", kind)
	}
	lx.Numbers[w] = NumberWord{Value: v, Kind: kind}
	return nil
}

// TimeWords are a language's date words (data/LANG/time.tsv).
type TimeWords struct {
	Months   map[string]int // "marzo": 3
	Abbr     map[string]int // "mar": 3, read only after a day
	Weekdays map[string]int // "martes": 2 (0 is Sunday)
	// Phrases are relative expressions and what they resolve to: "el año pasado": "year-1".
	Phrases           *Trie[string]
	Since, Past, Next map[string]bool
	// DayNoun stands before a day of the month named alone ("el pasado día 24").
	DayNoun map[string]bool
	// First opens the first part of a year ("los nueve primeros meses", "le premier
	// semestre"); Parts are its units in months ("meses": 1, "semestre": 6).
	First map[string]bool
	Parts map[string]int
	// A range of dates: RangeFrom opens it ("entre", "du"), RangeTo joins its end ("y",
	// "au"), Until ends a span from 1 January ("hasta", "jusqu'au"); RangeArticle may stand
	// before either date ("el 1 de enero").
	RangeFrom, RangeTo, Until, RangeArticle map[string]bool
}

var timeValues = map[string]bool{"day": true, "day-1": true, "day-2": true, "month": true, "month-1": true,
	"year": true, "year-1": true, "since-year": true, "week": true, "week-1": true, "weekend": true, "eve": true}

func (lx *Lexicon) addTime(c []string) error {
	kind, w, v := strings.TrimSpace(c[0]), strings.TrimSpace(c[1]), strings.TrimSpace(c[2])
	tw := lx.Time
	num := func(lo, hi int) (int, error) {
		var n int
		if _, err := fmt.Sscan(v, &n); err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("want a number from %d to %d, got %q", lo, hi, v)
		}
		return n, nil
	}
	var err error
	switch kind {
	case "month":
		tw.Months[w], err = num(1, 12)
	case "abbr":
		tw.Abbr[w], err = num(1, 12)
	case "weekday":
		tw.Weekdays[w], err = num(0, 6)
	case "phrase":
		if !timeValues[v] {
			return fmt.Errorf("unknown value %q", v)
		}
		tw.Phrases.Add(w, v, false)
	case "since":
		tw.Since[w] = true
	case "past":
		tw.Past[w] = true
	case "next":
		tw.Next[w] = true
	case "day-noun":
		tw.DayNoun[w] = true
	case "first":
		tw.First[w] = true
	case "part":
		tw.Parts[w], err = num(1, 12)
	case "range-from":
		tw.RangeFrom[w] = true
	case "range-to":
		tw.RangeTo[w] = true
	case "until":
		tw.Until[w] = true
	case "range-article":
		tw.RangeArticle[w] = true
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	return err
}
