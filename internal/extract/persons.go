package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// particles may stand inside a name: "Gauri van Gulik", "Wan Junaidi bin Tuanku Jaafar".
var particles = set("van", "von", "de", "der", "den", "da", "di", "du", "bin", "binti", "al", "el", "la", "le", "dos", "das", "ibn", "ter", "del", "y")

// nameHeads are words that make a capitalised phrase a place or an organization, not a person.
var nameHeads = set("sea", "strait", "straits", "street", "island", "islands", "province", "state", "states", "agency",
	"office", "department", "ministry", "council", "commission", "university", "station", "force", "forces",
	"guard", "navy", "police", "party", "airport", "port", "beach", "camp", "centre", "center", "hospital",
	"court", "news", "times", "post", "project", "foundation", "organisation", "organization", "association",
	"union", "committee", "institute", "group", "bank", "fund", "company", "corporation", "service", "services",
	"network", "channel", "ocean", "river", "mountains", "valley", "county", "city", "district", "region",
	"republic", "kingdom", "house", "hall", "square", "bridge", "road", "avenue", "lane", "bay", "gulf", "coast",
	"peninsula", "desert", "international", "national", "europe", "africa", "asia", "america", "middle",
	"east", "west", "north", "south", "aid", "rescue", "migrant", "migrants", "refugee", "refugees", "border",
	"prize", "award", "act", "law", "bill", "treaty", "convention", "conference", "summit", "day", "week",
	"month", "year", "church", "mosque", "school", "college", "academy", "army", "navy", "command", "watch",
	"magazine", "daily", "herald", "journal", "telegraph", "express", "mail", "tribune", "press", "agency",
	"ltd", "inc", "plc", "llc", "administration", "government", "parliament", "senate", "congress", "assembly",
	"affairs", "security", "protection", "farm", "observatory", "branch", "enforcement", "immigration", "customs", "sector", "division",
	"unit", "team", "trust", "club", "society", "alliance", "movement", "front", "brigade", "directorate",
	"general", "secretary", "minister", "president", "prime", "chief", "director", "spokesman", "spokeswoman",
	"operation", "mission", "programme", "program", "initiative", "plan", "deal", "agreement", "crisis",
	"facebook", "twitter", "instagram", "youtube", "google", "related", "source", "photo", "image")

// officeWords before a title make it a state office: "government spokesman".
var officeWords = set("government", "ministry", "police", "army", "navy", "military", "interior", "foreign", "defence", "defense", "state", "coastguard", "presidential", "official")

// personVerbs after a capitalised run say that a person acts: "Anna Berg was", "Anna Berg met".
var personVerbs = set("was", "is", "has", "had", "who", "will", "would", "visited", "held", "met", "launched", "founded", "spoke", "speaks", "thinks")

// bylineWords open a reporter's or a contributor's credit: "Writing by", "Thanks to".
var bylineWords = set("by", "to", "said", "says", "told", "according", "thank", "thanks", "reporter", "correspondent")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// findPersons finds people: capitalised runs that, once titles and affiliations are peeled
// off, leave a name of two to five words, with a cue that a person is meant.
func (s *state) findPersons() {
	toks := s.doc.Tokens
	// A name given to a vessel anywhere in the report names it everywhere: "The boat is named
	// Louise Michel ... Louise Michel has picked up 219 migrants".
	vesselNames := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		if isCapWord(toks[i]) && s.at[i] < 0 && (i == 0 || !isCapWord(toks[i-1])) && (s.vesselName(i) || s.thingName(i)) {
			vesselNames[s.runKey(i, s.nameRunEnd(i))] = true
		}
	}
	for i := 0; i < len(toks); {
		if !isCapWord(toks[i]) || s.at[i] >= 0 {
			i++
			continue
		}
		j := s.nameRunEnd(i)
		if vesselNames[s.runKey(i, j)] {
			i = j
			continue
		}
		s.personRun(i, j)
		if j <= i {
			j = i + 1
		}
		i = j
	}
	s.coordinatedNames()
	s.sortMentions()
	s.surnameMentions()
	s.roleMentions()
	s.sortMentions()
}

// particleCompound reports whether a word is a particle joined to a name: "al-Moallem",
// "el-Sisi", "bin-Salman".
func particleCompound(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !particles[p] || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// particlesThenName reports whether particles from token j lead to a capitalised word.
func (s *state) particlesThenName(j int) bool {
	toks := s.doc.Tokens
	for k := j; k < len(toks) && k < j+3; k++ {
		if particles[toks[k].Low] && !isCapWord(toks[k]) || k == j && particles[toks[k].Low] {
			continue
		}
		return isCapWord(toks[k]) && s.at[k] < 0
	}
	return false
}

// nameRunEnd returns the end of the run of name-like tokens that starts at i.
func (s *state) nameRunEnd(i int) int {
	toks := s.doc.Tokens
	j := i
	for j < len(toks) && toks[j].Sent == toks[i].Sent {
		t := toks[j]
		switch {
		case isCapWord(t) && s.at[j] < 0:
			j++
		case t.Text == "." && j > i && t.Start == toks[j-1].End && utf8.RuneCountInString(toks[j-1].Text) == 1:
			j++ // an initial: "Matthew J. Hudak"
		case s.joinsNames(i, j):
			return j // "Fernando Grande-Marlaska y Abdelouafi Laftit": lang.go
		case particles[t.Low] && j > i && (t.Low != "y" || j-i >= 2) && s.particlesThenName(j):
			j++ // "Anna de la Cruz", "José Ortega y Gasset"; not "Algeciras y Tánger"
		case j > i && particleCompound(t.Text):
			j++ // "Walid al-Moallem"
		default:
			return j
		}
	}
	return j
}

// personRun decides whether the capitalised run [a, b) holds a person's name.
func (s *state) personRun(a, b int) {
	toks := s.doc.Tokens
	// The name starts after the last title in the run; what stands before it is the title
	// ("Laredo Sector Chief Patrol Agent Matthew J. Hudak").
	k := a
	// "Mme Cancela", "Sr. Albares": a Spanish or French honorific opens no name.
	for k < b && (s.lx.Stop[toks[k].Low] || s.ownLang() != "" && (s.isHonorific(toks[k].Low) || toks[k].Text == "." && k > a && s.isHonorific(toks[k-1].Low))) {
		k++
	}
	if s.ownLang() != "" && k+1 < b && particles[toks[k].Low] && (k > a || s.honorificBefore(a)) && s.tailOfPerson(k, b) {
		return // "Mme Van der Berg" after "Anneke Van der Berg": the person named in full
	}
	titleStart := -1
	var title string
	for p := k; p < b-1; p++ {
		if m, ok := s.lx.Titles.Longest(toks, p); ok && m.End < b {
			if titleStart < 0 {
				titleStart = k
			}
			title = strings.TrimSpace(s.span(titleStart, m.End))
			p = m.End - 1
			k = m.End
		}
	}
	// Trailing initials or particles do not end a name.
	for b > k && (toks[b-1].Text == "." || particles[toks[b-1].Low] && !isCapWord(toks[b-1])) && !(toks[b-1].Text == "." && b-1 > k && utf8.RuneCountInString(toks[b-2].Text) == 1 && b < len(toks) && isCapWord(toks[b])) {
		if toks[b-1].Text == "." && b-2 >= k && utf8.RuneCountInString(toks[b-2].Text) == 1 {
			b -= 2
			continue
		}
		b--
	}
	runEnd := b
	if s.bodyRun(k, b) {
		return // "la Audiencia Provincial de Almería": quotes_lang.go
	}
	if s.placeOrBodyName(a, k) {
		return // "Isla Cristina", "le collectif Alarme Phone Sahara": lang.go
	}
	// Letters after a name are no part of it: "Amanda Pinto QC", "John Hayes MP".
	if b-k > 2 && isAllCaps(toks[b-1].Text) && utf8.RuneCountInString(toks[b-1].Text) <= 3 && !particles[toks[b-1].Low] {
		b--
	}
	// The name is the tail of the run after the last word that cannot be part of a name: a
	// place or organization word, a common English word before the surname, a descriptor
	// ("Former Royal Marine Dan O'Mahoney", "Haulier Ronan Hughes", "German-flagged Louise
	// Michel"). A run that ends in such a word names no person.
	desc := k
	for t := k; t < b; t++ {
		w := toks[t]
		if w.Kind != text.Word || particles[w.Low] || utf8.RuneCountInString(w.Text) == 1 {
			continue
		}
		// A common word capitalised only because it opens the sentence ("Although", "Local"),
		// or a noun for a person ("Haulier", "Carpenter"), describes the name after it.
		opener := (t == s.doc.Sents[w.Sent].First || toks[t-1].IsQuoteMark() || toks[t-1].Text == ":") && s.lx.Common[w.Low]
		bad := s.lx.Stop[w.Low] || nameHeads[w.Low] || s.lx.Titles.Has(w.Low) || isAllCaps(strings.TrimSuffix(w.Text, "s")) && utf8.RuneCountInString(w.Text) > 1 ||
			s.descriptor(w.Text) || t < b-1 && (opener || s.lx.People[w.Low])
		if !bad {
			continue
		}
		if t == b-1 {
			return
		}
		k = t + 1
	}
	if k > desc && title == "" {
		titleStart = -1
	}
	core := 0
	for t := k; t < b; t++ {
		// "Le Van Ha", "Vo Nhan Du": a capitalised particle is a name of its own.
		if w := toks[t]; w.Kind == text.Word && (!particles[w.Low] || isCapWord(w)) && utf8.RuneCountInString(w.Text) > 1 {
			core++
		}
	}
	oneName := core == 1 && title != "" && b-k == 1 && k == desc && !s.fullerNameEndsWith(toks[k].Low)
	if oneName && !s.isGovTitle(title) {
		// "Pope Francis", "Archbishop Ieronymos": a speaker and an antecedent, not a person.
		s.addMention(mention{start: k, end: b, kind: mPerson, entity: -1, name: s.span(titleStart, b), title: title})
		return
	}
	// A person is named with a given name and a family name (codebook section 4); the holder of
	// a state office named by surname alone ("Interior Minister Benali") is kept, so that
	// linking can join the surname to the full name another report gives.
	if !oneName && core < 2 || core > 5 {
		return
	}
	if s.ownLang() != "" && s.datelineRun(a, b) {
		return // "Santa Cruz de Tenerife, 9 oct (EFE).-"
	}
	if s.titleComplement(a, runEnd) {
		return // "el presidente del Cabildo de El Hierro, Alpidio Armas": quotes_lang.go
	}
	if s.officeList(k, b) {
		return // "la ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz": lang.go
	}
	// "the Louise Michel": a person's name takes no article; "at Duncan Lewis", "in Kara
	// Tepe": a place's takes a locative preposition.
	if k == a && a > 0 && toks[a-1].Sent == toks[a].Sent && (s.isArticle(toks[a-1].Low) || locatives[toks[a-1].Low]) {
		return
	}
	rule := "person.title"
	cue := title != ""
	if !cue {
		title, titleStart = s.titleBefore(k)
		cue = title != ""
	}
	app := s.appositive(runEnd)
	listed := s.coordinatedWithPerson(k)
	switch {
	case cue:
	case app.title != "":
		rule, cue = "person.apposition-title", true
	case app.person:
		rule, cue = "person.apposition-person", true
	case s.speechAround(k, b):
		rule, cue = "person.speech", true
	case s.speechAfterApposition(runEnd):
		rule, cue = "person.apposition-speech", true
	case s.ageBefore(k):
		rule, cue = "person.age", true
	case s.leaderOf(b):
		rule, cue = "person.possessive-office", true
	case s.namedAs(k):
		rule, cue = "person.named", true
	case listed >= 0:
		rule, cue = "person.coordinated", true
	case s.surnameRecurs(k, b):
		rule, cue = "person.surname-recurs", true
	case s.givenNameRecurs(k, b):
		rule, cue = "person.given-name-recurs", true
	case s.sharesSurname(k):
		rule, cue = "person.shared-surname", true
	case s.apposedToPerson(k, b):
		rule, cue = "person.apposed", true
	case s.coordinatedPair(k, b):
		rule, cue = "person.coordinated-pair", true // lang.go
	}
	if !cue && s.nationalityBefore(a) != "" {
		rule, cue = "person.nationality", true
	}
	if !cue && s.ownLang() != "" && s.adjBeforeComma(a) != "" {
		rule, cue = "person.apposed-nationality", true // "su homólogo marroquí, Abdelouafi Laftit"
	}
	if !cue && s.governmentOf(a) {
		rule, cue = "person.government-of", true // "le gouvernement de Giorgia Meloni": lang.go
	}
	if !cue {
		return
	}
	if title == "" {
		title = app.title
	}
	name := s.span(k, b)
	country, known := s.affiliation(titleStart, k, a)
	if c, ok := s.titleCountry(title); ok && s.ownLang() != "" {
		country, known = c, true // "le commissaire européen aux affaires intérieures": an office of one body
	}
	if !known && s.ownLang() != "" {
		// "su homólogo marroquí, Abdelouafi Laftit", "son homologue espagnol, Fernando
		// Grande-Marlaska": the adjective of the apposed description; else a state office named
		// before the name without its country ("El ministro del Interior, Fernando
		// Grande-Marlaska") is the home country of the language's press.
		if c := s.adjBeforeComma(a); c != "" {
			country, known = c, true
		} else if c, ok := s.apposedOfficePlace(titleStart); ok && title != "" {
			country, known = c, true
		} else if t, _ := s.titleCountry(title); title != "" && t == "" && s.isGovTitle(title) && s.lx.Home != "" && !app.org {
			country, known = s.officeHome(k), true // French copy: the dateline's country; a report from elsewhere: its country
		}
	}
	if !known && app.known {
		country, known = app.code, true
	}
	if !known {
		// An office only one country has: "Home Secretary Priti Patel".
		country, known = s.titleCountry(title)
	}
	// The country of an office or an affiliation makes the person a state's actor in events;
	// a nationality or the place where the report is set only gives their country.
	actor := ""
	if known && !(app.known && app.origin && country == app.code) {
		actor = country
	}
	if !known {
		// "Sudanese asylum seeker Idris Kamal", "one of the four Sudanese asylum seekers, Amin
		// Adam": a stated nationality.
		if c := s.nationalityBefore(a); c != "" {
			country, known = c, true
			if rule == "person.title" && title == "" {
				rule = "person.nationality"
			}
		}
	}
	if !known && title == "" {
		// "Mamadou Barry tiene 19 años, es de Conakry", "originaire de Kayes": where the
		// person is from (lang.go).
		if c := s.originAfter(b); c != "" {
			country, known = c, true
		}
	}
	gov := title != "" && (s.isGovTitle(title) || officeWords[strings.ToLower(strings.Fields(title)[0])])
	if !known && listed >= 0 && s.mentions[listed].code != "" {
		// "Four Eritrean asylum seekers, Amanuel Tesfay and Yonas Berhe": a list shares its
		// description.
		country, known = s.mentions[listed].code, true
	}
	if !known && title == "" && !app.known {
		// "Sweden may deport 80,000, the interior minister says. Mia Berg said flights would
		// be chartered": the role the sentences before gave, held by no one named yet.
		if c, ok := s.roleBefore(k); ok {
			country, known = c, true // the role is only inferred: no actor in events
		}
	}
	// "Claire Morel, directrice du bureau d'Amnesty International": a body's officer does not
	// act for the state the report is about.
	if !known && gov && !(s.ownLang() != "" && app.org) {
		country = s.focusCountry()
		actor = country
	}
	// "Tony Blair's government", "Macron's interior minister": who heads a state's office
	// named by their possessive acts for the state where the report is set.
	if !known && !gov && s.leaderOf(b) {
		country, known = s.focusCountry(), true
		actor = country
	}
	// A person the report quotes or describes, with no office, organization or nationality of
	// their own, lives and acts where the report is set; a reporter's or a contributor's credit
	// says nothing of a country.
	// A lawyer speaks for a client, never a state: "l'avocat de la défense, Karim Lahlou";
	// one of a body ("la abogada …, Montserrat Vila, de la Fundación X") is the body's (lang.go).
	if !known && !gov && !s.credit(k) && !app.org && !(rule == "person.apposed" && s.displacedBefore(k)) && !(s.privateTitle(title) && !s.bodyAfter(b)) {
		country = s.focusCountry()
	}
	s.addPerson(k, b, name, country, actor, title, gov)
	if e := &s.entities[s.entityKey["p:"+foldName(name)]]; e.why == nil && s.explain {
		uses := []use{s.tokUse("name", k, b)}
		if titleStart >= 0 && titleStart < k {
			uses = append(uses, s.tokUse("title", titleStart, k))
		}
		e.why = s.why(rule, uses...)
	}
}

// locatives before a capitalised run make it a place or an office.
var locatives = set("at", "in", "near", "into", "outside", "inside")

// descriptor reports whether a capitalised word describes rather than names: a hyphenated word
// whose second part is a common word or an age ("German-flagged", "Fifteen-year-old"), not a
// name's second part ("Chan-ocha").
func (s *state) descriptor(w string) bool {
	_, rest, ok := strings.Cut(w, "-")
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r) && (s.lx.Common[rest] || strings.HasPrefix(rest, "year"))
}

// speechAfterApposition reports whether a speech verb follows the apposition after a name: "Tima
// Kurdi, the boy's aunt, said".
func (s *state) speechAfterApposition(b int) bool {
	toks := s.doc.Tokens
	if b >= len(toks) || toks[b].Text != "," {
		return false
	}
	for j := b + 1; j < len(toks) && j < b+25 && toks[j].Sent == toks[b].Sent; j++ {
		if toks[j].Text == "," {
			k := j + 1
			for k < len(toks) && s.isBeforeVerb(toks[k].Low) {
				k++
			}
			_, ok := s.speechAt(k)
			return ok && k < len(toks) && !s.lx.Titles.Has(toks[k].Low)
		}
		if toks[j].IsQuoteMark() || toks[j].Text == "." {
			return false
		}
	}
	return false
}

// apposedToPerson reports whether the name at k stands in apposition to a noun for a person
// before it: "Another refugee, Eman Hussain, said", "The man in charge of border security in
// the UK, Martin Hewitt, has". The tree is asked only when a comma stands right before the name.
func (s *state) apposedToPerson(k, b int) bool {
	toks := s.doc.Tokens
	if k < 2 || toks[k-1].Text != "," || toks[k-2].Sent != toks[k].Sent {
		return false
	}
	// The name's head is its word whose head stands outside it.
	h := -1
	for t := k; t < b; t++ {
		if x := s.synHead(t); x < k || x >= b {
			if s.synRel(t) != "appos" {
				return false
			}
			h = x
			break
		}
	}
	if h < 0 || h >= k {
		return false
	}
	w := toks[h].Low
	return s.lx.People[w] || s.lx.People[strings.TrimSuffix(w, "s")] || s.lx.Titles.Has(w)
}

// displaced names people who left their country: one so described ("Another refugee, Eman
// Hussain") is not of the country where the report is set.
var displaced = set("refugee", "refugees", "migrant", "migrants", "asylum", "seeker", "seekers", "survivor", "survivors", "deportee", "detainee")

// displacedBefore reports whether the noun that the name at k stands in apposition to is one of
// displaced.
func (s *state) displacedBefore(k int) bool {
	return k >= 2 && displaced[s.doc.Tokens[k-2].Low]
}

// ageBefore reports whether an age stands right before the name: "3-year-old Aylan Kurdi".
func (s *state) ageBefore(k int) bool {
	toks := s.doc.Tokens
	if k == 0 {
		return false
	}
	return isAge(toks[k-1].Low)
}

// leaderOf reports whether the name owns an office or a role: "Boris Johnson's government",
// "Merkel's spokesman".
func (s *state) leaderOf(b int) bool {
	toks := s.doc.Tokens
	if b+1 >= len(toks) || toks[b].Kind != text.Poss {
		return false
	}
	if _, ok := s.lx.Agencies.Longest(toks, b+1); ok {
		return true
	}
	_, ok := s.lx.Titles.Longest(toks, b+1)
	return ok
}

// nationalityBefore returns the country of a nationality that describes the name starting at
// a: a country adjective and nouns for people just before it, or before the comma that opens
// it as an apposition ("Sudanese asylum seeker Idris Kamal", "the four Sudanese asylum
// seekers, Amin Adam").
func (s *state) nationalityBefore(a int) string {
	toks := s.doc.Tokens
	p := a - 1
	if p >= 0 && toks[p].Text == "," {
		p--
	}
	nouns := 0
	for p >= 0 && p >= a-5 && toks[p].Sent == toks[a].Sent && toks[p].Kind == text.Word && s.lx.People[strings.TrimSuffix(toks[p].Low, "s")] || p >= 0 && toks[p].Low == "asylum" {
		nouns++
		p--
	}
	if nouns == 0 || p < 0 {
		return ""
	}
	if m := s.mentionAt(p); m != nil && m.kind == mCountry && m.adj && m.end == p+1 {
		return m.code
	}
	return ""
}

// coordinatedWithPerson returns the person mention whose list the name continues, or -1: "named
// as Irina Dobrev and Kamal Haddad", "Nguyen Quoc Thanh, 26, Tran Dinh Truong, 35".
func (s *state) coordinatedWithPerson(k int) int {
	toks := s.doc.Tokens
	p := k - 1
	if p >= 0 && toks[p].Low == "and" {
		p--
	}
	if p >= 0 && toks[p].Text == "," {
		p--
	}
	if p >= 0 && toks[p].Kind == text.Number && p > 0 && toks[p-1].Text == "," {
		p -= 2 // an age between the names
	}
	if p < 0 || p == k-1 {
		return -1
	}
	for i := len(s.mentions) - 1; i >= 0 && i >= len(s.mentions)-3; i-- {
		if m := s.mentions[i]; m.kind == mPerson && m.end == p+1 && m.end-m.start >= 2 {
			return i
		}
	}
	return -1
}

// credit reports whether a reporter's or a contributor's credit introduces the name at k, or
// the list of names it belongs to: "Reporting by", "Editing by", "Thanks to".
func (s *state) credit(k int) bool {
	toks := s.doc.Tokens
	// "Reporting by Renee Maltezou, George Georgiopoulos and Theodora Arvanitidou": every name
	// of a credit's list.
	for k > 0 && k > s.doc.Sents[toks[k].Sent].First && toks[k-1].Low != "by" && (isCapWord(toks[k-1]) || toks[k-1].Text == "," || toks[k-1].Low == "and" || toks[k-1].Text == ".") {
		k--
	}
	if k == 0 {
		return false
	}
	switch toks[k-1].Low {
	case "by":
		return true
	case "to":
		return k > 1 && (toks[k-2].Low == "thanks" || toks[k-2].Low == "thank")
	}
	return false
}

// isAge reports whether a word is an age: "year-old" (after "3-"), "20-year-old".
func isAge(w string) bool {
	return strings.HasSuffix(w, "year-old") || strings.HasSuffix(w, "years-old")
}

// namedAs reports whether "named", "called" or "named as" introduces the name: "an activist
// called Pia Klemp", "The suspects were named as Irina Dobrev and Kamal Haddad".
func (s *state) namedAs(k int) bool {
	toks := s.doc.Tokens
	p := k - 1
	if p >= 0 && toks[p].Low == "as" {
		p--
	}
	return p >= 0 && (toks[p].Low == "named" || toks[p].Low == "called" || toks[p].Low == "identified")
}

// runKey is the text of the capitalised run a..b without a leading article, so that "The
// Louise Michel" at the start of a sentence is the same run as "Louise Michel".
func (s *state) runKey(a, b int) string {
	for a < b-1 && s.isArticle(s.doc.Tokens[a].Low) {
		a++
	}
	return s.span(a, b)
}

var articles = set("the", "a", "an")

// vesselName reports whether the run at a names a vessel: "the boat is named Louise Michel",
// "a ship called Ocean Viking", "the rescue vessel Sea-Watch 3".
func (s *state) vesselName(a int) bool {
	toks := s.doc.Tokens
	for p := a - 1; p >= 0 && p >= a-4 && toks[p].Sent == toks[a].Sent; p-- {
		w := toks[p].Low
		switch {
		case vessels[w]:
			return true
		case w == "named" || w == "called" || w == "dubbed" || w == "is" || w == "was" || w == "rescue" || w == "the":
			continue
		}
		return false
	}
	return false
}

// thingName reports whether the run at a takes an article, as ships and places do and people
// do not: "the Maersk Etienne", "The Louise Michel is near Lampedusa".
func (s *state) thingName(a int) bool {
	toks := s.doc.Tokens
	e := s.nameRunEnd(a)
	if toks[a].Low == "the" {
		a++
	} else if a == 0 || toks[a-1].Low != "the" || toks[a-1].Sent != toks[a].Sent {
		return false
	}
	if e-a < 2 {
		return false
	}
	for t := a; t < e; t++ {
		if s.lx.Titles.Has(toks[t].Low) || s.lx.Stop[toks[t].Low] && t > a {
			return false
		}
	}
	return true
}

// vessels are the nouns that stand before a ship's name.
var vessels = set("boat", "ship", "vessel", "ferry", "freighter", "tanker", "yacht", "trawler", "tug", "cutter", "frigate", "mv", "rv", "ms", "hms", "ss", "mt")

// fullerNameEndsWith reports whether a capitalised run of two words or more anywhere in the
// report ends with the word w: then "Minister Perea" is a later mention of "Jesus Javier
// Perea", which coreference links, not a person of its own.
func (s *state) fullerNameEndsWith(w string) bool {
	toks := s.doc.Tokens
	for i := 1; i < len(toks); i++ {
		g := toks[i-1]
		opener := i-1 == s.doc.Sents[g.Sent].First && s.lx.Common[g.Low] // "Upon Francis's return"
		if toks[i].Low == w && isCapWord(toks[i]) && isCapWord(g) && !s.lx.Titles.Has(g.Low) && !s.lx.Stop[g.Low] && !opener && g.Sent == toks[i].Sent {
			return true
		}
	}
	return false
}

// addPerson records a person mention, merging it with a person of the same name.
func (s *state) addPerson(k, b int, name, country, actor, title string, gov bool) {
	key := "p:" + foldName(name)
	idx, ok := s.entityKey[key]
	var parts []string
	if !ok {
		for t := k; t < b; t++ {
			if s.doc.Tokens[t].Kind == text.Word {
				parts = append(parts, s.doc.Tokens[t].Text)
			}
		}
		// "Garrido Montalbán" after "Elena Garrido Montalbán": the surnames of one person
		// named in full before are that person, not a second one.
		if e := s.fullerPerson(parts); e >= 0 {
			idx, ok = e, true
		}
	}
	if !ok {
		s.entities = append(s.entities, entity{typ: "person", name: name, country: country, actor: actor, nameToks: parts, gov: gov, first: k})
		idx = len(s.entities) - 1
		s.entityKey[key] = idx
	}
	e := &s.entities[idx]
	if title != "" && !contains(e.titles, title) {
		e.titles = append(e.titles, title)
	}
	if e.country == "" && country != "" {
		e.country = country
	}
	if e.actor == "" && actor != "" {
		e.actor = actor
	}
	s.addMention(mention{start: k, end: b, kind: mPerson, code: e.actor, name: name, entity: idx})
}

// fullerPerson is the one person named before whose name ends with the two or more words of
// parts and holds more, else -1.
func (s *state) fullerPerson(parts []string) int {
	if len(parts) < 2 {
		return -1
	}
	found := -1
	for i, e := range s.entities {
		n := len(e.nameToks)
		if e.typ != "person" || n <= len(parts) || !slices.Equal(e.nameToks[n-len(parts):], parts) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// titleBefore returns a lower-case title that ends right before token k ("spokeswoman Marie
// Harf"), or that an apposition comma separates from it ("Secretary of State for Migration,
// Jesus Javier Perea").
func (s *state) titleBefore(k int) (string, int) {
	toks := s.doc.Tokens
	reach := 8
	if s.ownLang() != "" {
		reach = 12 // "le wali de la région Tanger-Tétouan-Al Hoceima, Younes Tazi"
	}
	for p := k - 1; p >= 0 && p >= k-reach && toks[p].Sent == toks[k].Sent; p-- {
		if m, ok := s.lx.Titles.Longest(toks, p); ok && m.End <= k {
			gap := toks[m.End:k]
			if s.ownLang() != "" && len(gap) == 1 && s.titleAdjective(m.End) {
				// "la diputada canaria Nieves Bethencourt Díaz", "le député socialiste X": one
				// adjective of region, party or nationality between the office and the name.
				return strings.TrimSpace(s.span(p, k)), p
			}
			okGap := true
			// "le wali de la région Tanger-Tétouan-Al Hoceima, Younes Tazi": a longer complement
			// of names may hold one common noun; "le commissaire européen aux affaires
			// intérieures et à la migration, X": the remit of an office, up to four.
			// "l'avocat des familles, Me Slim Haddad": an honorific between the comma and the
			// name is no part of the office's complement.
			c := k - 1
			if s.ownLang() != "" && c > m.End && s.isHonorific(toks[c].Low) && toks[c-1].Text == "," {
				c--
				gap = toks[m.End:c]
			}
			nouns, near := 0, k-m.End <= 5 && toks[c].Text == ","
			for _, g := range gap {
				if s.ownLang() != "" && g.Text == "-" {
					continue // "Tanger-Tétouan-Al Hoceima"
				}
				common := s.ownLang() != "" && g.Kind == text.Word && !isCapWord(g) && !s.isPrep(g.Low) && !s.isArticle(g.Low) && g.Low != "y" && g.Low != "et"
				if common {
					nouns++
				}
				// "la delegada del Gobierno en Ceuta, Cristina Pérez", "le commandant de l'unité,
				// Youssef El Idrissi": Spanish and French place the office's complement after it.
				if !(isCapWord(g) || g.Low == "for" || g.Low == "of" || g.Low == "to" || g.Low == "the" || g.Text == "," || g.Kind == text.Poss ||
					s.ownLang() != "" && (s.isPrep(g.Low) || s.isArticle(g.Low) || g.Kind == text.Word && (near || toks[c].Text == "," && nouns <= 4))) {
					okGap = false
				}
			}
			if okGap {
				start := p
				if p > 0 && officeWords[toks[p-1].Low] {
					start = p - 1 // "a government spokesman"
				}
				return strings.TrimRight(s.span(start, k), ", "), start
			}
		}
		if toks[p].Text == "." || toks[p].Text == ";" {
			break
		}
	}
	return "", -1
}

// apposition is what follows a name between commas: ", a spokesman in Greece,".
type apposition struct {
	title  string
	code   string
	known  bool
	age    bool
	person bool // the apposition names a person: "a Burmese man", "a 20-year-old"
	org    bool // the apposition names an organization that is no state's: "of the charity X"
	origin bool // the country is where the person comes from, not whom they act for
}

func (s *state) appositive(b int) apposition {
	toks := s.doc.Tokens
	var a apposition
	if b >= len(toks) || toks[b].Text != "," || b+1 >= len(toks) || toks[b+1].Sent != toks[b].Sent {
		return a
	}
	if toks[b+1].Kind == text.Number {
		a.age, a.person = true, true
		return a
	}
	// "le wali ..., Younes Tazi, et le délégué du gouvernement espagnol, Pedro Fernández": the
	// title after "et" or "y" is the next person's, not this one's.
	if s.ownLang() != "" && (toks[b+1].Low == "et" || toks[b+1].Low == "y" || toks[b+1].Low == "e") {
		return a
	}
	// "X, a été reçu par le président", "X, fue recibido por": a predicate, no apposition.
	if s.ownLang() != "" && s.word("auxiliary", toks[b+1].Low) {
		return a
	}
	end := b + 1
	for end < len(toks) && end < b+12 && toks[end].Sent == toks[b].Sent && toks[end].Text != "," && toks[end].Text != "." {
		end++
	}
	for p := b + 1; p < end; p++ {
		// "of the charity Help Refugees", "with the National Catholic Reporter": a body that is
		// no state's.
		if (toks[p].Low == "of" || toks[p].Low == "for" || toks[p].Low == "at" || toks[p].Low == "with") && p+1 < end {
			q := p + 1
			for q < end && (s.isArticle(toks[q].Low) || !isCapWord(toks[q]) && toks[q].Kind == text.Word && q < p+4) {
				q++
			}
			if q < end && isCapWord(toks[q]) {
				if m := s.mentionAt(q); m == nil || m.kind == mOrg && m.orgType != "igo" && m.orgType != "agency" {
					a.org = true
				}
			}
		}
		if isAge(toks[p].Low) || s.lx.People[toks[p].Low] && toks[b+1].Kind == text.Word && s.isArticle(toks[b+1].Low) {
			a.person = true // "Myint Naing, a Burmese man,"; "a 26-year-old woman from Ha Tinh"
		}
		if m, ok := s.lx.Titles.Longest(toks, p); ok && m.End <= end && a.title == "" {
			a.title = strings.TrimSpace(s.span(b+1, m.End))
			a.title = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(a.title, "the "), "a "), "an ")
		}
		// ", the head of Dunkirk's lifeboat crew,": a town's body.
		if !a.known && p+1 < end && toks[p+1].Kind == text.Poss {
			if c, ok := s.townCountry(p); ok {
				a.code, a.known = c, true
			}
		}
		if men := s.mentionAt(p); men != nil && !a.known {
			locative := p > 0 && (toks[p-1].Low == "in" || toks[p-1].Low == "from" && !a.person) && men.kind == mCountry
			if !locative {
				a.code, a.known = men.code, true
				a.origin = p > 0 && toks[p-1].Low == "from" // "a 25-year-old man from Hungary"
				if men.kind == mOrg && men.orgType != "igo" && men.orgType != "agency" {
					a.code, a.org = "", true
				}
			}
		}
	}
	return a
}

// speechAround reports whether a speech verb or a credit frames the name [k, b).
func (s *state) speechAround(k, b int) bool {
	toks := s.doc.Tokens
	if _, ok := s.speechAt(b); ok || b < len(toks) && personVerbs[toks[b].Low] {
		return true
	}
	if k > 0 && bylineWords[toks[k-1].Low] {
		return true
	}
	// "declaró Fernando Grande-Marlaska", "a déclaré M. Laftit": the subject after a Spanish or
	// French speech verb.
	if s.ownLang() != "" {
		j := k - 1
		for j >= 0 && (toks[j].Text == "." || s.isHonorific(toks[j].Low) || s.isArticle(toks[j].Low)) && j > k-4 {
			j--
		}
		if _, ok := s.speechAt(j); ok && j >= 0 {
			return true
		}
	}
	// "Al Jazeera's Step Vaessen": an organization's person.
	if k > 1 && toks[k-1].Kind == text.Poss {
		if m := s.mentionAt(k - 2); m != nil && m.kind == mOrg {
			return true
		}
	}
	return false
}

// sharesSurname reports whether a lone given name and "and" stand before the name: "Chris and
// Regina Catrambone".
func (s *state) sharesSurname(k int) bool {
	toks := s.doc.Tokens
	if k < 2 || toks[k-1].Low != "and" {
		return false
	}
	g := toks[k-2]
	return isCapWord(g) && s.at[k-2] < 0 && !s.lx.Stop[g.Low] && !nameHeads[g.Low] && (k < 3 || !isCapWord(toks[k-3]))
}

// surnameRecurs reports whether the name's last word stands alone elsewhere in the text.
func (s *state) surnameRecurs(k, b int) bool {
	first, last, ok := s.soloSpan(s.doc.Tokens[b-1].Text)
	return ok && (first < k || last >= b)
}

// roleBefore returns the country of a definite role with an affiliation ("the European
// Union's foreign policy chief", "Sweden's interior minister") that the two sentences before
// token k name, when no person has been named since the text began: the lead gives the role,
// the body the name.
func (s *state) roleBefore(k int) (string, bool) {
	toks := s.doc.Tokens
	for _, e := range s.entities {
		if e.typ == "person" && e.first < k {
			return "", false
		}
	}
	sent := toks[k].Sent
	lo := s.doc.Sents[max(sent-2, 0)].First
	for p := lo; p < k; p++ {
		m, ok := s.lx.Titles.Longest(toks, p)
		if !ok || m.End >= k || m.End < len(toks) && isCapWord(toks[m.End]) {
			continue
		}
		the := -1
		for q := p - 1; q >= lo && q >= p-7 && toks[q].Sent == toks[p].Sent; q-- {
			if toks[q].Low == "the" {
				the = q
				break
			}
			if toks[q].Kind == text.Punct || toks[q].Low == "a" || toks[q].Low == "an" {
				break
			}
		}
		if the < 0 {
			continue
		}
		for q := the + 1; q < p; q++ {
			if mm := s.mentionAt(q); mm != nil && mm.kind != mPerson && mm.code != "" {
				return mm.code, true // "the European Union's foreign policy chief"
			}
		}
		if c, ok := s.titleCountry(s.span(p, m.End)); ok {
			return c, true
		}
	}
	return "", false
}

// givenNameRecurs reports whether the name's first word stands alone at least twice elsewhere
// in the text, as a person's given name does in a feature ("Sue Cook ... Sue says").
func (s *state) givenNameRecurs(k, b int) bool {
	toks := s.doc.Tokens
	first := toks[k]
	if b-k < 2 || s.lx.Common[first.Low] || s.at[k] >= 0 && s.mentions[s.at[k]].kind != mPerson {
		return false
	}
	n := 0
	for i, t := range toks {
		if i >= k && i < b || t.Text != first.Text {
			continue
		}
		if i > 0 && isCapWord(toks[i-1]) && i-1 != s.doc.Sents[t.Sent].First || i+1 < len(toks) && isCapWord(toks[i+1]) {
			continue
		}
		if i > 0 && (articles[toks[i-1].Low] || prepositions[toks[i-1].Low] || locatives[toks[i-1].Low] ||
			s.ownLang() != "" && (s.isArticle(toks[i-1].Low) || s.isPrep(toks[i-1].Low))) {
			return false // "in Dover" (so no "Dover Castle"), "an MoD spokesman": a place or a body
		}
		n++
	}
	return n >= 2
}

// honorificBefore reports whether an honorific stands right before token a: "la Sra. X".
func (s *state) honorificBefore(a int) bool {
	toks := s.doc.Tokens
	p := a - 1
	if p >= 0 && toks[p].Text == "." {
		p--
	}
	return p >= 0 && toks[p].Sent == toks[a].Sent && (s.isHonorific(toks[p].Low) || s.isHonorific(toks[p].Low+"."))
}

// tailOfPerson reports whether the run [k, b) ends the name of a person named before with more
// words: a surname that opens with particles, after an honorific ("Mme Van der Berg").
func (s *state) tailOfPerson(k, b int) bool {
	tail := foldName(s.span(k, b))
	for _, e := range s.entities {
		if n := foldName(e.name); e.typ == "person" && len(n) > len(tail) && strings.HasSuffix(n, " "+tail) {
			return true
		}
	}
	return false
}

// orgNameCountry gives the country that the name of an organization acting for no state names
// in Spanish or French copy, a person who speaks for it acting for that country (codebook
// section 3): "la Comisión Española de Ayuda al Refugiado (CEAR)", "l'Association marocaine
// des droits humains". An acronym is read by the name the text defines it with. Else "".
func (s *state) orgNameCountry(m *mention) string {
	if s.ownLang() == "" || m.code != "" {
		return m.code
	}
	name := m.name
	if full := s.definedAcronym(acronymLetters(name)); full != "" && isAllCaps(name) {
		name = full
	}
	toks := text.Tokenize(name)
	for i := range toks {
		if a, ok := s.lx.Actors.Longest(toks, i); ok {
			for _, v := range a.Vals {
				if v.Kind == lexicon.CountryAdj || v.Kind == lexicon.CountryName {
					return v.Code
				}
			}
		}
	}
	return ""
}

// apposedOfficePlace gives the country of the place that names the office described before a
// Spanish or French title in apposition: "el jefe de la Seguridad Regional de Tánger, el
// comisario X", "le chef de la sûreté de Tanger, le commissaire X" are Moroccan, whatever the
// home of the press.
func (s *state) apposedOfficePlace(ts int) (string, bool) {
	toks := s.doc.Tokens
	j := ts - 1
	if j >= 0 && s.isArticle(toks[j].Low) {
		j--
	}
	if j < 1 || toks[j].Text != "," || toks[j].Sent != toks[ts].Sent {
		return "", false
	}
	for p := j - 1; p >= 0 && p >= j-12 && toks[p].Sent == toks[j].Sent && toks[p].Kind != text.Punct; p-- {
		if m := s.mentionAt(p); m != nil && m.kind == mCountry {
			return m.code, true
		}
		if c, ok := s.townCountry(p); ok {
			return c, true
		}
	}
	return "", false
}

// titleAdjective reports whether token j is a lower-case adjective that may stand between a
// Spanish or French office and the holder's name: a nationality ("el ministro marroquí") or a
// region's or party's (data: title-adjective).
func (s *state) titleAdjective(j int) bool {
	t := s.doc.Tokens[j]
	if t.Kind != text.Word || isCapWord(t) {
		return false
	}
	if m := s.mentionAt(j); m != nil && m.kind == mCountry && m.adj && m.start == j && m.end == j+1 {
		return true
	}
	return s.word("title-adjective", t.Low)
}

// affiliation finds the country or organization that a title belongs to: "Morocco's
// Ambassador", "Spanish Interior Minister", "CBP Acting Commissioner".
func (s *state) affiliation(titleStart, k, a int) (string, bool) {
	toks := s.doc.Tokens
	start := titleStart
	if start < 0 {
		start = a
	}
	for p := start - 1; p >= 0 && p >= start-4 && toks[p].Sent == toks[start].Sent; p-- {
		t := toks[p]
		if t.Kind == text.Poss || t.Low == "new" || t.Low == "former" || t.Low == "acting" || t.Low == "the" || t.Low == "deputy" || t.Low == "then" {
			continue
		}
		// "the Emirates' Minister": a plural's possessive is an apostrophe alone.
		if (t.Text == "'" || t.Text == "’") && p > 0 && strings.HasSuffix(toks[p-1].Low, "s") && toks[p-1].End == t.Start {
			continue
		}
		// "Ayvalik's mayor": a town's office.
		if p+1 < len(toks) && toks[p+1].Kind == text.Poss && s.mentionAt(p) == nil {
			if c, ok := s.townCountry(p); ok {
				return c, true
			}
		}
		// "US Assistant Secretary of State": a capitalised word that modifies the title.
		if isCapWord(t) && s.mentionAt(p) == nil {
			continue
		}
		if m := s.mentionAt(p); m != nil && m.kind != mPerson {
			if m.kind == mOrg && m.orgType != "igo" && m.orgType != "agency" {
				return s.orgNameCountry(m), true
			}
			return m.code, true
		}
		// "Chancellor Angela Merkel's spokesman": the person's office gives the country.
		if m := s.mentionAt(p); m != nil && m.kind == mPerson && p+1 < len(toks) && toks[p+1].Kind == text.Poss && m.code != "" {
			return m.code, true
		}
		break
	}
	// A title inside the run may itself hold the affiliation: "Laredo Sector Chief".
	for p := start; p < k; p++ {
		if m := s.mentionAt(p); m != nil && m.kind != mPerson {
			if s.portfolioItem(m) {
				p = m.end - 1
				continue // "ministro de Asuntos Exteriores, Unión Europea y Cooperación": lang.go
			}
			if m.kind == mOrg && m.code == "" {
				return s.orgNameCountry(m), true // "la secretaria general de CEAR"
			}
			return m.code, true
		}
	}
	// A town's office: "Tubingen Mayor", "the Calais prefect": the gazetteer's town.
	for p := titleStart; p >= 0 && p < k; p++ {
		if c, ok := s.townCountry(p); ok {
			return c, true
		}
	}
	return "", false
}

// townCountry gives the country of the town that the capitalised word at token p names in the
// gazetteer: the town of an office ("Calais Mayor", "Boulogne's sea-rescue volunteers").
func (s *state) townCountry(p int) (string, bool) {
	t := s.doc.Tokens[p]
	if !isCapWord(t) || s.lx.Titles.Has(t.Low) || s.lx.Common[t.Low] || s.mentionAt(p) != nil {
		return "", false
	}
	g, err := geo.Default()
	if err != nil {
		return "", false
	}
	if pl, ok := g.Lookup(t.Text, s.rankPlaces()); ok && pl.Kind == record.PlaceCity && s.isCountry(pl.Country) {
		return pl.Country, true
	}
	return "", false
}

// titleCountry gives the country of an office that only one country has.
func (s *state) titleCountry(title string) (string, bool) {
	toks := text.Tokenize(strings.ToLower(title))
	for i := range toks {
		if m, ok := s.lx.Titles.Longest(toks, i); ok {
			for _, v := range m.Vals {
				if v.Country != "" {
					return v.Country, true
				}
			}
		}
	}
	return "", false
}

func (s *state) isGovTitle(title string) bool {
	low := strings.ToLower(title)
	toks := text.Tokenize(low)
	for i := range toks {
		if m, ok := s.lx.Titles.Longest(toks, i); ok {
			for _, v := range m.Vals {
				if v.Gov {
					return true
				}
			}
		}
	}
	return false
}

// coordinatedNames handles "Chris and Regina Catrambone": a lone given name joined by "and" to
// a person's full name shares that person's surname.
func (s *state) coordinatedNames() {
	toks := s.doc.Tokens
	for _, m := range append([]mention(nil), s.mentions...) {
		if m.kind != mPerson || m.entity < 0 || m.start < 2 || toks[m.start-1].Low != "and" || m.end-m.start != 2 {
			continue
		}
		g := m.start - 2
		if !isCapWord(toks[g]) || s.at[g] >= 0 && s.mentions[s.at[g]].kind != mPerson || s.lx.Stop[toks[g].Low] || nameHeads[toks[g].Low] {
			continue
		}
		if g > 0 && isCapWord(toks[g-1]) {
			continue
		}
		e := s.entities[m.entity]
		name := toks[g].Text + " " + toks[m.end-1].Text
		s.addPerson(g, g+1, name, e.country, e.actor, "", e.gov)
		if p := &s.entities[s.entityKey["p:"+foldName(name)]]; p.why == nil {
			p.why = s.why("person.shared-surname", s.tokUse("given", g, g+1), s.tokUse("surname", m.end-1, m.end))
		}
		// The mention covers the given name only; the entity keeps the full name.
	}
}

// surnameMentions links a lone surname ("Perea") to the one person it can name.
func (s *state) surnameMentions() {
	toks := s.doc.Tokens
	bySurname := map[string][]int{}
	byGiven := map[string][]int{}
	byFirstSurname := map[string][]int{}
	for i, e := range s.entities {
		if e.typ == "person" && len(e.nameToks) > 1 {
			last := e.nameToks[len(e.nameToks)-1]
			bySurname[last] = append(bySurname[last], i)
			byGiven[e.nameToks[0]] = append(byGiven[e.nameToks[0]], i)
			if n := len(e.nameToks); n > 2 {
				// "Morales" for "Javier Morales Quintero": the first of two surnames, as
				// Spanish and Portuguese names are shortened
				first := e.nameToks[n-2]
				byFirstSurname[first] = append(byFirstSurname[first], i)
			}
		}
	}
	if len(bySurname) == 0 {
		return
	}
	for i, t := range toks {
		if s.at[i] >= 0 || !isCapWord(t) {
			continue
		}
		ids := bySurname[t.Text]
		if len(ids) == 0 && len(byGiven[t.Text]) == 1 && i > 0 && !isCapWord(toks[i-1]) {
			ids = byGiven[t.Text] // "Najib said": a given name that names one person
		}
		if len(ids) == 0 && len(byFirstSurname[t.Text]) == 1 && len(byGiven[t.Text]) == 0 {
			ids = byFirstSurname[t.Text]
		}
		if len(ids) != 1 || i+1 < len(toks) && isCapWord(toks[i+1]) && s.at[i+1] < 0 {
			continue
		}
		s.addMention(mention{start: i, end: i + 1, kind: mPerson, code: s.entities[ids[0]].actor, name: t.Text, entity: ids[0]})
	}
}

// roleMentions links "the ambassador" and "the Moroccan envoy" to the person last named with
// that role or country.
func (s *state) roleMentions() {
	toks := s.doc.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Low != "the" {
			continue
		}
		j := i + 1
		code := ""
		if m := s.mentionAt(j); m != nil && m.kind == mCountry && m.adj {
			code, j = m.code, m.end
		}
		if j >= len(toks) || s.at[j] >= 0 {
			continue
		}
		tm, ok := s.lx.Titles.Longest(toks, j)
		if !ok || !tm.Vals[0].Role {
			continue
		}
		if tm.End < len(toks) && isCapWord(toks[tm.End]) {
			continue // "the president Joe Biden": a title before a name, handled as a name
		}
		head := toks[tm.End-1].Low
		best := -1
		for k := len(s.mentions) - 1; k >= 0; k-- {
			m := s.mentions[k]
			if m.kind != mPerson || m.start >= i || m.entity < 0 {
				continue
			}
			e := s.entities[m.entity]
			if code != "" && e.country != code {
				continue
			}
			if code == "" && !titleHas(e.titles, head) {
				continue
			}
			if best < 0 || m.start > s.mentions[best].start {
				best = k
			}
		}
		if best >= 0 {
			e := s.mentions[best].entity
			s.addMention(mention{start: i, end: tm.End, kind: mPerson, code: s.entities[e].actor, name: s.span(i, tm.End), entity: e})
			i = tm.End - 1
		}
	}
}

func titleHas(titles []string, head string) bool {
	for _, t := range titles {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			if w == head {
				return true
			}
		}
	}
	return false
}

// pronounPerson resolves "he", "she" or "his" at token i to the person most recently
// mentioned in the same or the two sentences before, or returns -1.
func (s *state) pronounPerson(i int) int {
	toks := s.doc.Tokens
	sent := toks[i].Sent
	// Mentions are in text order: start from the last one before i.
	for k := sort.Search(len(s.mentions), func(k int) bool { return s.mentions[k].start >= i }) - 1; k >= 0; k-- {
		m := s.mentions[k]
		if toks[m.start].Sent < sent-2 {
			break
		}
		if m.kind == mPerson {
			return k
		}
	}
	return -1
}

func isAllCaps(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func foldName(n string) string { return text.FoldName(n) }
