package extract

import (
	"sort"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/lexicon"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// stat is a statistic as extraction builds it.
type stat struct {
	record.Statistic
	tok  int // first token of the number
	sent int
	rule string // the rule that gave the category, for --explain
	noun [2]int // the tokens of the counted noun, if any
}

// notCounts are words before a number that make it a label, not a count: "No. 5", "article 3".
var notCounts = set("no", "article", "section", "paragraph", "chapter", "page", "flight", "route", "highway",
	"resolution", "law", "act", "number", "room", "gate", "platform", "level", "phase", "category", "size",
	"aged", "age", "ages", "tel", "phone", "fax", "covid", "covid-19", "a", "grade", "code", "line", "road", "m", "a1", "hms", "version", "top")

// fractions and legal counts after a number make it no count of people: "two thirds", "39
// counts of manslaughter".
var (
	fractions   = set("thirds", "third", "quarters", "quarter", "fifths", "half", "halves", "tenths")
	legalCounts = set("counts", "charges", "offences", "offenses", "years'", "articles")
)

// timeUnits after a number make it a duration or a distance, not a count.
var timeUnits = set("weeks", "week", "days", "day", "months", "month", "years", "hours", "hour", "minutes", "minute",
	"seconds", "times", "km", "kilometre", "kilometer", "metre", "meter", "foot", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "nautical", "feet", "ft", "degrees", "knots", "tonnes", "tons")

// deadAfter are words that, right after a number, say that it counts the dead or missing.
var deadAfter = set("dead", "missing", "died", "drowned", "killed", "bodies", "feared", "deaths", "perished")

// changeWords give the direction of a percentage change.
var changeDown = set("drop", "dropped", "fell", "fall", "falls", "decline", "declined", "decrease", "decreased", "down", "lower", "cut", "reduction", "reduced", "plunged", "plummeted", "slumped")
var changeUp = set("rise", "rose", "risen", "increase", "increased", "up", "higher", "jump", "jumped", "surge", "surged", "grew", "growth", "soared", "climbed", "spike")

// multipliers are words that state a relative change on their own.
var multipliers = map[string]float64{"halve": 0.5, "halved": 0.5, "halving": 0.5, "halves": 0.5,
	"double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "triple": 3, "tripled": 3, "tripling": 3,
	"threefold": 3, "quadrupled": 4, "fourfold": 4, "twofold": 2}

// findStatistics finds the numbers the report states about the world.
func (s *state) findStatistics() {
	// The place of a sentence is asked for each of its numbers and those of the three after
	// it: found once per sentence, so that a line of numbers costs one lookup per sentence.
	s.places = map[int]scenePlace{}
	defer func() { s.places = nil }()
	toks := s.doc.Tokens
	inTime := make([]bool, len(toks))
	for _, tx := range s.times {
		for k := tx.start; k < tx.end && k < len(toks); k++ {
			if k >= 0 {
				inTime[k] = true
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "doubled", "will double"; not "a double amputee".
		if f, ok := multipliers[t.Low]; ok && t.Kind == text.Word && !(i > 0 && s.isArticle(toks[i-1].Low)) {
			s.addChange(i, i+1, f, "exact")
			continue
		}
		if n, ok := s.number(i); ok && !inTime[i] && n.currency == "" && !n.percent {
			if end, ok := s.timesChange(n); ok {
				s.addChange(n.start, end, n.value, n.bound)
				i = end - 1
				continue
			}
		}
		if inTime[i] || (t.Kind != text.Number && t.Kind != text.Word) {
			continue
		}
		n, ok := s.number(i)
		if !ok {
			continue
		}
		if s.notAStatistic(n) {
			i = n.end - 1
			continue
		}
		s.addNumber(n)
		i = n.end - 1
	}
	s.linkParts()
}

// timesChange reads "12-fold" and "three times higher", "six times the figure of 2015": a
// relative change by a factor. It returns the end of the expression.
func (s *state) timesChange(n number) (int, bool) {
	toks := s.doc.Tokens
	j := n.end
	if end, ok := s.langTimesChange(n); ok { // stats_lang.go
		return end, true
	}
	if j+1 < len(toks) && toks[j].Text == "-" && toks[j+1].Low == "fold" {
		return j + 2, true
	}
	if j+1 < len(toks) && toks[j].Low == "times" {
		switch w := toks[j+1].Low; {
		case w == "higher" || w == "more" || w == "greater" || w == "larger" || w == "as" || w == "the" || w == "that" || w == "those" || w == "over":
			return j + 1, true
		}
	}
	return 0, false
}

// notAStatistic rules out years, ages, times, labels and ordinals.
func (s *state) notAStatistic(n number) bool {
	toks := s.doc.Tokens
	i := n.start
	if n.currency == "" && i > 0 && notCounts[toks[i-1].Low] && !n.words && !s.word("preposition", toks[i-1].Low) {
		return true
	}
	if n.end < len(toks) {
		nx := toks[n.end].Low
		if nx == "year-old" || nx == "years" && n.end+1 < len(toks) && toks[n.end+1].Low == "old" || nx == "am" || nx == "pm" || nx == "a.m" || nx == "p.m" || nx == "a.m." || nx == "p.m." || nx == "gmt" || nx == "-" && n.end+1 < len(toks) && strings.HasPrefix(toks[n.end+1].Low, "year") {
			return true
		}
		if timeUnits[nx] || s.word("measure", nx) {
			return true // "two or three weeks ago", "30 months", "a unas 20 millas"
		}
		if nx == "or" && n.end+2 < len(toks) && timeUnits[toks[n.end+2].Low] {
			return true
		}
		if nx == "of" && n.words && n.value == 1 {
			return true // "one of the ..."
		}
	}
	// "Leontin Padure, 37,": an age after a name.
	if i > 1 && toks[i-1].Text == "," && n.end < len(toks) && (toks[n.end].Text == "," || toks[n.end].Low == "and" || toks[n.end].Text == ".") {
		if m := s.mentionAt(i - 2); m != nil && m.kind == mPerson {
			return true
		}
	}
	if n.words && n.value == 1 && !s.countedAfter(n) {
		return true
	}
	if s.yearNamed(n) { // stats_lang.go
		return true // "en todo 2025"
	}
	if s.dayOfMonth(n) { // stats_lang.go
		return true // "el pasado día 1", "le 3"
	}
	if n.end < len(toks) {
		nx := toks[n.end].Low
		// "two thirds", "39 counts of manslaughter", "a 40-metre ship": fractions, charges,
		// measures.
		if fractions[nx] || legalCounts[nx] {
			return true
		}
		if (nx == "-" || nx == "–") && n.end+1 < len(toks) && (timeUnits[toks[n.end+1].Low] || timeUnits[toks[n.end+1].Low+"s"] || strings.HasPrefix(toks[n.end+1].Low, "year")) {
			return true
		}
	}
	// "Sea-Watch 4", "Ocean Viking 2": a number after a capitalised name labels it.
	if !n.words && n.currency == "" && i > 0 && isCapWord(toks[i-1]) && toks[i-1].Sent == toks[i].Sent && months[toks[i-1].Low] == 0 && weekdays[toks[i-1].Low] == 0 && toks[i-1].End+1 >= toks[i].Start {
		_, verb := s.speechAt(i - 1) // "Indonesia Says 217 Missing": a headline's verb
		m := s.mentionAt(i - 1)
		charity := m != nil && m.kind == mOrg && m.orgType != "igo" && m.orgType != "agency"
		// Spanish and French put a place before the object: "han llegado a Canarias 23.537
		// inmigrantes"; a counted noun after the number says it counts.
		placeFirst := s.ownLang() != "" && s.countedAfter(n)
		if !verb && !placeFirst && (charity || m == nil && i-1 != s.doc.Sents[toks[i].Sent].First) {
			return true
		}
	}
	// "several dozen", "a few hundred": a vague multiple is no figure.
	if n.words && i > 0 && (toks[i-1].Low == "several" || toks[i-1].Low == "few" || toks[i-1].Low == "many") {
		return true
	}
	return false
}

// countedAfter reports whether a counted noun follows the number closely.
func (s *state) countedAfter(n number) bool {
	_, _, ok := s.countedNoun(n)
	return ok
}

// countedNoun finds what a number counts: the first cue noun in the few words after it.
func (s *state) countedNoun(n number) (string, int, bool) {
	toks := s.doc.Tokens
	for j := n.end; j < len(toks) && j < n.end+5 && toks[j].Sent == toks[n.start].Sent; j++ {
		if toks[j].Kind == text.Punct && toks[j].Text != "-" {
			break
		}
		// "a record of 416 on 28 boats": a noun after a preposition or another number is not
		// what this number counts.
		if toks[j].Kind == text.Number || s.isPrep(toks[j].Low) && toks[j].Low != "of" && !s.collectiveOf(n, j) {
			break
		}
		if (toks[j].Low == "suspected" || toks[j].Low == "alleged") && j+1 < len(toks) && toks[j+1].Kind == text.Word {
			continue // "20 suspected migrants": an adjective, not the suspects counted
		}
		if m, ok := s.lx.StatCueAt(toks, j); ok {
			for _, v := range m.Vals {
				if v.Noun {
					return v.Category, m.End, true
				}
			}
			break // "9 arrested after a migrant shipwreck": the verb comes first
		}
		// "366 Eritreans", "26 Sudanese males": a nationality counts people, or describes them.
		if m := s.mentionAt(j); m != nil && m.kind == mCountry && m.adj && m.start == j {
			if m.end >= len(toks) || toks[m.end].Kind != text.Word || toks[m.end].Sent != toks[j].Sent || !s.nounAt(m.end) {
				return "migrants", m.end, true
			}
			if c, ok := s.lx.StatCueAt(toks, m.end); ok && c.Vals[0].Noun {
				return c.Vals[0].Category, c.End, true
			}
			return "migrants", m.end + 1, true // "26 Sudanese males"
		}
		if toks[j].Low == "of" && j > n.end { // "123 human trafficking networks", not "hundreds of"
			continue
		}
	}
	return "", 0, false
}

// nounAt reports whether token i reads as the noun a nationality describes: a counted noun, a
// noun for people, or a lower-case word that is no verb cue.
func (s *state) nounAt(i int) bool {
	toks := s.doc.Tokens
	if m, ok := s.lx.StatCueAt(toks, i); ok {
		return m.Vals[0].Noun
	}
	return s.lx.People[toks[i].Low] || s.lx.People[strings.TrimSuffix(toks[i].Low, "s")] || genericPeople[toks[i].Low] || toks[i].Low == "males" || toks[i].Low == "females" || toks[i].Low == "nationals"
}

// addNumber turns a number into a statistic when it counts something.
func (s *state) addNumber(n number) {
	toks := s.doc.Tokens
	sent := toks[n.start].Sent
	if n.percent {
		if f, ok := s.percentChange(n); ok {
			s.addChange(n.start, n.end, f, n.bound)
		}
		return
	}
	st := stat{tok: n.start, sent: sent}
	st.Kind, st.Value, st.Bound = record.KindCount, n.value, n.bound
	st.Unit = "persons"
	noun, nounEnd, hasNoun := s.countedNoun(n)
	switch {
	case n.currency != "":
		st.Kind, st.Unit, st.Category, st.rule = record.KindAmount, n.currency, "funding", "statistic.amount"
		if s.near(n, 6, "paid", "pay", "charged", "price", "fee", "fees", "each", "per", "fine", "fined", "worth", "salary", "costs",
			"seized", "confiscated", "cash", "ransom", "bail", "bribe", "bribes", "stolen", "earns", "earned", "revenue", "turnover") || s.nearRole(n, 6, "not-funding") || s.perHead(n) { // stats_lang.go
			st.Category, st.rule = "other", "statistic.amount-not-funding"
		}
	case s.isAboard(n):
		st.Category, st.rule = "other", "statistic.aboard"
		if load, _ := s.aboard(n); load >= 0 && hasNoun {
			if c := s.carriedCategory(load, nounEnd); c != "" {
				st.Category, st.rule = c, "statistic.vessel-predicate"
				st.Subject, st.noun = s.span(n.end, nounEnd), [2]int{n.end, nounEnd}
			}
		}
	case s.projected(n):
		st.Category, st.rule = "other", "statistic.projected"
	case s.collective(n):
		st.Category, st.rule = "other", "statistic.groups"
	default:
		st.Category = s.countCategory(n, noun, nounEnd, hasNoun)
		if st.Category == "migrants_dead_missing" && hasNoun && s.aboardAfter(nounEnd) { // stats_lang.go
			st.Category = "other" // "con unas 45 personas a bordo, … siguen desaparecidos": a load, not a toll
		}
		st.rule = "statistic.predicate"
		if hasNoun {
			st.Subject = s.span(n.end, nounEnd)
			st.rule, st.noun = "statistic.counted-noun", [2]int{n.end, nounEnd}
		}
	}
	whole := s.partWhole(n, sent) // stats_lang.go
	if whole >= 0 && s.stats[whole].Kind != st.Kind {
		if st.Kind == record.KindCount && !hasNoun {
			st.Kind, st.Unit = record.KindAmount, s.stats[whole].Unit // "210 millions d'euros, dont 60 millions"
		} else {
			whole = -1 // "9,5 millions d'euros, dont 40 agents" counts no money
		}
	}
	if whole < 0 && st.Kind == record.KindCount {
		if w := s.moneyGoesOn(n, sent, hasNoun); w >= 0 { // stats_lang.go
			st.Kind, st.Unit, whole = record.KindAmount, s.stats[w].Unit, w // "De esa cantidad, 27 millones"
		}
	}
	if whole >= 0 {
		if w := s.stats[whole]; st.Category == "" || st.Category == "other" || st.Category != w.Category && w.Category != "other" {
			st.Category, st.rule = w.Category, "statistic.part-of-whole"
		}
	}
	if (st.Category == "other" || st.Category == "") && st.Kind == record.KindCount && whole < 0 {
		if c := s.runningTotal(n, sent); c != "" { // stats_lang.go
			st.Category, st.rule = c, "statistic.running-total"
		} else if c := s.bareNoun(n, hasNoun); c != "" {
			st.Category, st.rule = c, "statistic.bare-noun"
		}
	}
	if (st.Category == "other" || st.Category == "") && st.Kind == record.KindCount && whole < 0 {
		if c := s.elidedCategory(n, sent, hasNoun); c != "" { // stats_lang.go
			st.Category, st.rule = c, "statistic.elided-noun"
		} else if c := s.sentenceCount(n, sent, hasNoun); c != "" { // stats_lang.go
			st.Category, st.rule = c, "statistic.shared-clause"
		}
	}
	if (st.Category == "other" || st.Category == "") && st.Kind == record.KindCount && whole < 0 {
		shared := s.sharedCategory(n, sent, noun)
		if st.Category == "" && shared == "other" {
			return // "one of", "two" with nothing counted
		}
		if shared != "other" {
			st.rule = "statistic.shared-clause"
		}
		st.Category = shared
	}
	if st.Category != "" && st.Kind == record.KindCount && s.noActPredicate(n, st.Category, nounEnd, hasNoun) { // stats_lang.go
		st.Category, st.rule, whole = "other", "statistic.no-act", -1 // "cuatro de ellos fueron evacuados"
	}
	if st.Category == "" {
		return
	}
	if st.Category == "boats_seized" || st.Category == "networks_dismantled" {
		st.Unit = "items"
	}
	s.fillStat(&st, n.start, n.end)
	if p := s.balancePeriod(n, sent); p != nil { // stats_lang.go
		st.Period = p
	}
	if whole >= 0 {
		// A part counts what its whole counts, where and when: "De ellos, 4.820 …".
		w := s.stats[whole]
		st.PartOf, st.Qualifier, st.Country, st.Period = "s"+itoa(whole+1), st.Subject, w.Country, w.Period
	}
	s.stats = append(s.stats, st)
}

// countCategory maps a count to a codebook category from what it counts and the verbs around.
func (s *state) countCategory(n number, noun string, nounEnd int, hasNoun bool) string {
	toks := s.doc.Tokens
	verb, dist := s.verbCue(n)
	switch noun {
	case "networks_dismantled", "trafficking_victims":
		if s.victimsDead(n) { // stats_lang.go
			return "migrants_dead_missing" // "con 1.103 víctimas" in a report on deaths
		}
		return noun
	case "suspects_arrested":
		return noun
	case "boats_seized":
		if verb == "migrants_intercepted" || verb == "suspects_arrested" {
			return "boats_seized"
		}
		return "other"
	case "migrants":
		if s.resides(nounEnd) { // stats_lang.go
			return "other" // "80 000 Marocains vivent en Belgique": a population, no act
		}
		if s.sentBack(n, nounEnd) {
			return "migrants_returned" // "Spain flew 17 of the arrivals back to Portugal"
		}
		// "26 Sudanese males were picked up", "366 Eritreans drowned"; but "stopped 106 people
		// making the crossing": a participle after the noun describes the people whom the verb
		// before governs.
		if c := s.predicateAfter(nounEnd); c != "" && c != "suspects_arrested" && !(nounEnd < len(toks) && strings.HasSuffix(toks[nounEnd].Low, "ing") && s.verbBefore(n)) && !s.describing(nounEnd, verb, c) {
			return c
		}
		if verb != "" && verb != "suspects_arrested" {
			return verb
		}
		if verb == "suspects_arrested" && dist <= 3 {
			// "three people arrested" are suspects; "21 migrants arrested" were intercepted.
			if genericPeople[toks[nounEnd-1].Low] || s.word("generic-people", toks[nounEnd-1].Low) {
				return "suspects_arrested"
			}
			return "migrants_intercepted"
		}
		return "other"
	}
	next := n.end
	for next < len(toks) && next < n.end+2 && (auxiliaries[toks[next].Low] || perfect[toks[next].Low]) {
		next++ // "140 are missing", "1,450 have arrived"
	}
	if next < len(toks) && deadAfter[toks[next].Low] {
		return "migrants_dead_missing" // "at least 78 dead", "80 missing"
	}
	if (noun == "suspects_arrested" || !hasNoun) && n.end < len(toks) && toks[n.end].Low == "arrests" && s.sentenceHas(n.start, "border") {
		return "migrants_intercepted" // "16,162 border arrests" are apprehensions of migrants
	}
	// "Fifteen are confirmed dead", "31 are believed to have drowned", "the 416 who arrived":
	// the predicate of a bare number says what it counts.
	if !hasNoun {
		after := n.end
		// "between 130 and 250 are missing": a range's start shares its end's predicate.
		if after+1 < len(toks) && (toks[after].Low == "and" || toks[after].Low == "to" || toks[after].Text == "-" || toks[after].Text == "–") && toks[after+1].Kind == text.Number {
			after += 2
		}
		if c := s.predicateAfter(s.partitiveEnd(after)); c != "" { // stats_lang.go
			return c
		}
	}
	if !hasNoun && next < len(toks) {
		if m, ok := s.lx.StatCueAt(toks, next); ok && !m.Vals[0].Noun && m.Vals[0].Category != "suspects_arrested" {
			return m.Vals[0].Category // "More than 1,450 arrived"
		}
	}
	if !hasNoun && !n.words && verb != "" && verb != "suspects_arrested" && s.nounInSentence(n.start) == "migrants" {
		return verb // "arrivals tripled from around 27,000 in 2021"
	}
	if !hasNoun && verb != "" && verb != "migrants_dead_missing" && dist-s.elidedBefore(n) <= 1 && s.verbBefore(n) { // stats_lang.go
		return verb // "Border Patrol apprehended 16,162 in April"
	}
	// "9 arrested", "12 police officials have been arrested"
	if !hasNoun && verb == "suspects_arrested" && dist <= 5 && s.verbFollows(n, dist) {
		return verb
	}
	if !hasNoun && n.words {
		return ""
	}
	if !hasNoun {
		return "other"
	}
	return "other"
}

// sendVerbs with "back" after their object return people: "flew 17 of them back".
var sendVerbs = set("sent", "send", "sends", "flew", "flown", "fly", "flies", "shipped", "ship", "took", "taken", "take",
	"brought", "bring", "bussed", "put", "deported", "returned", "transferred")

// sentBack reports whether a verb of sending governs the number and "back" follows its noun.
func (s *state) sentBack(n number, nounEnd int) bool {
	toks := s.doc.Tokens
	k := n.start - 1
	for k >= 0 && boundWords[toks[k].Low] {
		k--
	}
	if k < 0 || !sendVerbs[toks[k].Low] {
		return false
	}
	for j := nounEnd; j < len(toks) && j < nounEnd+3; j++ {
		if toks[j].Low == "back" || toks[j].Low == "home" {
			return true
		}
	}
	return false
}

// predicateWords may stand between a count and the verb that says what happened to it: "are
// believed to have drowned", "who were successfully deported", "are still missing".
var predicateWords = set("who", "that", "are", "were", "is", "was", "be", "been", "being", "have", "has", "had",
	"still", "also", "now", "already", "reportedly", "all", "later", "then", "since", "confirmed", "believed",
	"feared", "thought", "known", "presumed", "reported", "said", "estimated", "understood", "to", "successfully",
	"eventually", "subsequently", "finally", "either", "allegedly", "initially", "officially", "may", "might",
	"could", "likely", "probably", "feared")

// predicateAfter returns the category of the verb that a count's predicate starts with at token
// i, or "".
func (s *state) predicateAfter(i int) string {
	toks := s.doc.Tokens
	if i >= len(toks) {
		return ""
	}
	sent := toks[i].Sent
	for j := i; j < len(toks) && j < i+7 && toks[j].Sent == sent; j++ {
		if deadAfter[toks[j].Low] {
			return "migrants_dead_missing"
		}
		if m, ok := s.lx.StatCueAt(toks, j); ok && !m.Vals[0].Noun {
			return m.Vals[0].Category
		}
		if !predicateWords[toks[j].Low] && !s.word("predicate", toks[j].Low) && !s.word("auxiliary", toks[j].Low) {
			return ""
		}
	}
	return ""
}

// loadVerbs before a number count who was aboard, not what happened to them: "a boat carrying
// 260 migrants".
var loadVerbs = set("carry", "carrying", "carried", "carries", "containing", "contained", "holding", "packed", "crammed", "transporting", "ferrying")

// aboard reports whether the number counts the people a vessel carried: a load verb before it
// ("carrying 700–1,000 migrants", either end of the range), or "aboard" just after its noun
// ("sank with up to 650 people onboard"). It returns the load verb's token, or -1.
func (s *state) aboard(n number) (int, bool) {
	toks := s.doc.Tokens
	sent := toks[n.start].Sent
	k := n.start - 1
	skip := func() {
		for k >= 0 && toks[k].Sent == sent && (boundWords[toks[k].Low] || toks[k].Low == "as" || toks[k].Low == "many" || toks[k].Low == "with") {
			k--
		}
	}
	skip()
	if k >= 1 && (toks[k].Text == "–" || toks[k].Text == "-" || toks[k].Low == "to") && toks[k-1].Kind == text.Number {
		k -= 2
		skip()
	}
	if k >= 0 && loadVerbs[toks[k].Low] {
		return k, true
	}
	for j := n.end; j < len(toks) && j <= n.end+2 && toks[j].Sent == sent; j++ {
		if aboardWords[toks[j].Low] {
			return -1, true
		}
	}
	return -1, false
}

// isAboard reports whether the number counts the people a vessel carried.
func (s *state) isAboard(n number) bool {
	_, ok := s.aboard(n)
	return ok
}

// carriedCategory is what happened to the people a vessel carried, when the vessel's own verb
// says it: "a boat carrying 800 refugees from Libya reached Lampedusa", "prevented seven
// dinghies carrying 54 people from crossing", "a dinghy carrying 45 migrants was rescued". A
// vessel that capsized or sank says nothing of its people's fate. It returns "" when no such
// verb stands in the clause.
func (s *state) carriedCategory(load, nounEnd int) string {
	toks := s.doc.Tokens
	sent := toks[load].Sent
	// The vessel just before the load verb, and a verb of the clause before the vessel.
	v := -1
	for k := load - 1; k >= 0 && k >= load-3 && toks[k].Sent == sent && toks[k].Kind != text.Punct; k-- {
		if m, ok := s.lx.StatCueAt(toks, k); ok && m.Vals[0].Noun && m.Vals[0].Category == "boats_seized" {
			v = k
			break
		}
	}
	if v < 0 {
		return ""
	}
	for k := v - 1; k >= 0 && k >= v-4 && toks[k].Sent == sent && toks[k].Kind != text.Punct; k-- {
		if m, ok := s.lx.StatCueAt(toks, k); ok && !m.Vals[0].Noun {
			// "Rescuers reached the boats" says nothing of who arrived; "never rescued" is no
			// rescue.
			if c := m.Vals[0].Category; carriedFates[c] && c != "migrants_arrived" && !s.negatedWord(k) {
				return c
			}
			break
		}
	}
	// The vessel's predicate after the people it carried.
	for j := nounEnd; j < len(toks) && j < nounEnd+8 && toks[j].Sent == sent; j++ {
		if toks[j].Kind == text.Punct || clauseBreaks[toks[j].Low] || toks[j].Low == "and" || toks[j].Low == "who" {
			break
		}
		if m, ok := s.lx.StatCueAt(toks, j); ok && !m.Vals[0].Noun {
			if c := m.Vals[0].Category; carriedFates[c] && !s.negatedWord(j) {
				return c
			}
			break
		}
	}
	return ""
}

// denials before a verb deny it: "never reached", "did not rescue".
var denials = set("not", "never", "n't", "no", "failed", "unable")

// negatedWord reports whether a negation stands in the three words before token k of its
// sentence.
func (s *state) negatedWord(k int) bool {
	toks := s.doc.Tokens
	for p := k - 1; p >= 0 && p >= k-3 && toks[p].Sent == toks[k].Sent; p-- {
		if denials[toks[p].Low] {
			return true
		}
	}
	return false
}

// carriedFates are what a vessel's verb can say of the people aboard.
var carriedFates = set("migrants_arrived", "migrants_intercepted", "migrants_rescued")

// collectives count groups, not people: "one group of migrants", "three families".
var collectives = set("group", "groups", "family", "families", "batch", "batches", "rescue", "rescues", "operation", "operations", "incident", "incidents", "mission", "missions", "trips", "attempts")

// collective reports whether the number counts groups: "three families", "three separate
// groups", "1 rescue of 27 people".
func (s *state) collective(n number) bool {
	toks := s.doc.Tokens
	for j := n.end; j < len(toks) && j < n.end+3 && toks[j].Kind == text.Word; j++ {
		if collectives[toks[j].Low] {
			return true
		}
		if _, ok := s.lx.StatCueAt(toks, j); ok {
			return false
		}
	}
	return false
}

// aboardWords after a number's noun say where its people were: "650 people onboard".
var aboardWords = set("aboard", "onboard")

// projected reports whether a modal governs the number: "would let as many as 7,000 migrants
// ashore" states a possibility, not a fact. So does a condition on reaching it: "freezes
// asylum processing when daily arrests reach 2,500" states a threshold.
func (s *state) projected(n number) bool {
	toks := s.doc.Tokens
	reach := false
	for k := n.start - 1; k >= 0 && k >= n.start-6 && toks[k].Sent == toks[n.start].Sent; k-- {
		if toks[k].Kind == text.Punct {
			return false
		}
		switch w := toks[k].Low; {
		case (w == "would" || w == "could" || w == "might" || w == "may" || w == "will" || w == "should" || w == "can") && !toks[k].IsCap():
			return true
		case w == "to" && s.infinitiveBefore(k, n.start):
			return true // "a plan to take in 20,000 more refugees"
		case reachVerbs[w] && (k == n.start-1 || boundWords[toks[k+1].Low]):
			reach = true
		case reach && conditions[w]:
			return true
		}
	}
	return false
}

// infinitiveBefore reports whether "to" at k and the verb after it govern the number at start:
// "to deport 7,000", "to take in 20,000 more".
func (s *state) infinitiveBefore(k, start int) bool {
	toks := s.doc.Tokens
	j := k + 1
	if j >= start || toks[j].Kind != text.Word || s.isArticle(toks[j].Low) || boundWords[toks[j].Low] || s.lx.Stop[toks[j].Low] {
		return false
	}
	j++
	if j < start && particlesAfterVerb[toks[j].Low] {
		j++
	}
	for j < start && boundWords[toks[j].Low] {
		j++
	}
	return j == start
}

// particlesAfterVerb complete a phrasal verb: "take in", "send back".
var particlesAfterVerb = set("in", "back", "up", "out", "off", "away")

// reachVerbs and conditions make a threshold: "when arrests reach 2,500", "if numbers exceed".
var (
	reachVerbs = set("reach", "reaches", "exceed", "exceeds", "surpass", "surpasses", "top", "tops", "hit", "hits")
	conditions = set("when", "whenever", "if", "once", "until", "unless")
)

// boundWords stand between a number and the word that links it to the clause: "to more than
// 5,000", "and an additional 38,347".
var boundWords = set("more", "than", "about", "around", "nearly", "almost", "some", "over", "just", "at", "least",
	"up", "an", "additional", "another", "a", "further", "roughly", "approximately", "under", "fewer", "less", "only")

// sharedCategory gives a number the category its clause already gave another: a list ("21,553
// immigrants in May, 30,721 migrants in June"), a range or total ("tripled from around 27,000 to
// more than 90,000", "bringing the total to 5,000"), or the subject of a copula ("the record for
// arrivals was 1,075"). It returns "other" when nothing is shared.
func (s *state) sharedCategory(n number, sent int, noun string) string {
	toks := s.doc.Tokens
	k := n.start - 1
	for k >= 0 && toks[k].Sent == sent && boundWords[toks[k].Low] {
		k--
	}
	if k < 0 || toks[k].Sent != sent {
		return "other"
	}
	switch toks[k].Low {
	case ",", "and":
		// "ten were flown to Germany and four to France", "and a further 218 this month": a bare
		// number with no verb of its own continues the list before it.
		gapped := noun == "" && (n.end >= len(toks) || toks[n.end].Sent != sent || s.isPrep(toks[n.end].Low) || toks[n.end].Kind == text.Punct || s.timeAt(n.end))
		if noun != "migrants" && !gapped {
			return "other"
		}
		if !gapped {
			return s.clauseCategory(sent, -1)
		}
		return s.clauseCategory(sent, n.start)
	case "to", "from":
		// "from around 27,000 in 2021", not "to over 170 countries"
		if noun == "" && n.end < len(toks) && toks[n.end].Kind == text.Word && !rangeFollowers[toks[n.end].Low] {
			return "other"
		}
		if noun != "" {
			return s.clauseCategory(sent, -1)
		}
		return s.clauseCategory(sent, n.start)
	case "of":
		// "a single-day record of 416", "a total of 5,025": a measure of the clause's count.
		if noun == "" && k > 0 && measureNouns[toks[k-1].Low] {
			if c := s.clauseCategory(sent, n.start); c != "other" {
				return c
			}
			return s.sentenceCategory(sent - 1)
		}
	case "was", "is", "were", "are", "totaled", "totalled", "numbered", "reached", "topped":
		for j := k - 1; j >= s.doc.Sents[sent].First && j >= k-6; j-- {
			if c, ok := s.lx.VerbStem(toks[j].Low); ok && c != "suspects_arrested" {
				return c
			}
		}
	}
	return "other"
}

// rangeFollowers may follow a bare number in a range: "from 27,000 in 2021".
var rangeFollowers = set("in", "on", "at", "by", "last", "this", "per", "a", "and", "or", "since", "during", "over", "the")

// measureNouns name a figure whose count the clause gives: "a record of 416", "the total to".
var measureNouns = set("record", "total", "tally", "toll", "figure", "number", "peak", "high", "sum", "count")

// clauseCategory is the category of the last count or change the sentence gave, else (with at
// >= 0, for a bare number) of the nearest verb or noun of an act before token at ("the number
// of people killed ... to at least 900", "Wednesday's arrivals take the total for the year to
// 6,512", "raising the death toll to 37").
func (s *state) clauseCategory(sent, at int) string {
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent == sent; i-- {
		st := s.stats[i]
		if st.Kind != record.KindAmount && st.Category != "other" {
			return st.Category
		}
	}
	if at < 0 {
		return "other"
	}
	toks := s.doc.Tokens
	for j := at - 1; j >= s.doc.Sents[sent].First; j-- {
		if s.inQuote[j] {
			continue
		}
		if m, ok := s.lx.StatCueAt(toks, j); ok && !m.Vals[0].Noun && m.Vals[0].Category != "suspects_arrested" {
			return m.Vals[0].Category
		}
		if c, ok := s.lx.VerbStem(toks[j].Low); ok && c != "suspects_arrested" {
			return c
		}
	}
	return "other"
}

// sentenceCategory is the category of the last count sentence sent gave, for "This figure
// includes a record of 1,468" after it; "other" when it gave none.
func (s *state) sentenceCategory(sent int) string {
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent >= sent; i-- {
		if st := s.stats[i]; st.sent == sent && st.Kind == record.KindCount && st.Category != "other" {
			return st.Category
		}
	}
	return "other"
}

// timeAt reports whether a time phrase starts at token i.
func (s *state) timeAt(i int) bool {
	k := sort.Search(len(s.times), func(k int) bool { return s.times[k].start >= i })
	return k < len(s.times) && s.times[k].start == i
}

// perfect auxiliaries stand between a count and its verb: "1,889 have died".
var perfect = set("have", "has", "had")

// genericPeople are counted nouns that say nothing of who the people are.
var genericPeople = set("people", "persons", "men", "women", "individuals")

// verbFollows reports whether the verb cue at verbCue's distance dist after the number is
// reached through words only: "12 police officials have been arrested".
func (s *state) verbFollows(n number, dist int) bool {
	toks := s.doc.Tokens
	at := n.end + dist - 1 // verbCue counts a verb after the number one further
	if dist < 1 || at >= len(toks) {
		return false
	}
	for k := n.end; k < at; k++ {
		if toks[k].Kind != text.Word {
			return false
		}
	}
	m, ok := s.lx.StatCueAt(toks, at)
	return ok && !m.Vals[0].Noun
}

// verbCue returns the category of the nearest verb cue in the number's clause, and how far it
// stands from the number.
func (s *state) verbCue(n number) (string, int) {
	toks := s.doc.Tokens
	best, bestD := "", 1<<30
	neg := false
	join := s.listItemJoin(n) // stats_lang.go
	for _, c := range s.sentenceCues(toks[n.start].Sent) {
		j, m := c.at, c.m
		if j >= n.start && j < n.end || s.attribution(j) {
			continue
		}
		vals := m.Vals
		if c, ok := s.lx.VerbStem(toks[j].Low); ok && m.End == j+1 {
			vals = append(vals[:len(vals):len(vals)], lexicon.StatCue{Category: c}) // "arrivals" is also "arrive"
		}
		for _, v := range vals {
			if v.Noun {
				continue
			}
			d := n.start - m.End
			if j >= n.end {
				d = j - n.end
			}
			// A verb after the number in another clause counts less than one before it.
			if j >= n.end {
				d += 1 - s.compoundAuxiliaries(n.end, j) // stats_lang.go
			}
			if hasClauseBreak(toks, n, j) {
				d += 6
			}
			if j >= n.end && s.reducedRelative(n, j) && join < 0 {
				d += 6 // stats_lang.go
			}
			if j < n.start && m.End == join {
				continue // the participle of the item before: "271 réseaux démantelés et"
			}
			if d < bestD {
				best, bestD, neg = v.Category, d, s.negatedWord(j)
			}
		}
	}
	if neg {
		return "", bestD // "no rescue was sent to the 112 people": what did not happen
	}
	return best, bestD
}

// sentenceHas reports whether the sentence of token i holds the word w.
func (s *state) sentenceHas(i int, w string) bool {
	for _, t := range s.doc.Sents[s.doc.Tokens[i].Sent].Tokens {
		if t.Low == w {
			return true
		}
	}
	return false
}

// verbBefore reports whether a verb cue stands right before the number.
func (s *state) verbBefore(n number) bool {
	toks := s.doc.Tokens
	for j := n.start - 1; j >= 0 && j >= n.start-3; j-- {
		if m, ok := s.lx.StatCueAt(toks, j); ok && !m.Vals[0].Noun {
			return true
		}
	}
	return false
}

// clauseBreaks open a clause whose verbs do not govern a number in the clause before.
var clauseBreaks = set("while", "but", "whereas", "so", "although", "though", "because")

// hasClauseBreak reports whether a semicolon or a second number stands between n and token j.
func hasClauseBreak(toks []text.Token, n number, j int) bool {
	lo, hi := j, n.start
	if j >= n.end {
		lo, hi = n.end, j
	}
	for k := lo; k < hi; k++ {
		if toks[k].Text == ";" || clauseBreaks[toks[k].Low] {
			return true
		}
	}
	return false
}

// percentChange reads "a 29% drop" or "fell by 40%" as a ratio.
func (s *state) percentChange(n number) (float64, bool) {
	toks := s.doc.Tokens
	for j := n.start - 4; j < n.end+3; j++ {
		if j < 0 || j >= len(toks) || j >= n.start && j < n.end || toks[j].Sent != toks[n.start].Sent {
			continue
		}
		if changeDown[toks[j].Low] || s.word("change-down", toks[j].Low) {
			return 1 - n.value/100, true
		}
		if s.word("change-up", toks[j].Low) || changeUp[toks[j].Low] && !(toks[j].Low == "up" && j+1 < len(toks) && toks[j+1].Low == "to") {
			return 1 + n.value/100, true
		}
	}
	return 0, false
}

// addChange records a relative change and what it counts, from the words around it.
func (s *state) addChange(start, end int, f float64, bound string) {
	toks := s.doc.Tokens
	st := stat{tok: start, sent: toks[start].Sent}
	st.Kind, st.Value, st.Bound, st.Unit, st.rule = record.KindChange, f, bound, "ratio", "statistic.change"
	n := number{start: start, end: end}
	verb, _ := s.verbCue(n)
	noun, _, _ := s.countedNoun(n)
	if noun == "" {
		noun = s.nounInSentence(start)
	}
	switch {
	case verb == "suspects_arrested" && noun != "suspects_arrested":
		st.Category = "migrants_intercepted" // "border arrests fell by 40%"
	case verb != "":
		st.Category = verb
	case noun == "migrants":
		st.Category = "migrants_arrived"
	default:
		st.Category = "other"
	}
	s.fillStat(&st, start, end)
	if p := s.changeSpan(start); p != "" {
		st.Period = &p
	}
	s.stats = append(s.stats, st)
}

// changeSpan is the period a change covers when its sentence names where it started and where
// it ended: "tripled from 27,000 in 2021 to 90,000 in 2023" covers 2021/2023.
func (s *state) changeSpan(start int) string {
	toks := s.doc.Tokens
	sent := toks[start].Sent
	var first, last string
	for _, tx := range s.timesOf(sent) {
		if tx.start < start || strings.Contains(tx.value, "/") || s.comparisonBase(tx) {
			continue
		}
		if first == "" {
			first = tx.value
		}
		last = tx.value
	}
	if first == "" || first == last || len(first) != len(last) {
		return ""
	}
	return first + "/" + last
}

// totalUpTo ends a running total where the figure before it in the sentence ends: "1,450
// arrived in August, bringing the total since the start of the year to 5,000" counts up to
// the end of August, not to the day of the report.
func (s *state) totalUpTo(start int, p string) string {
	if len(p) == 7 {
		return s.totalToEndOf(start, p)
	}
	from, to, ok := strings.Cut(p, "/")
	if !ok || to != s.published || !strings.HasSuffix(from, "-01-01") {
		return p
	}
	toks := s.doc.Tokens
	sent := toks[start].Sent
	total := false
	for k := start - 1; k >= 0 && k >= start-10 && toks[k].Sent == sent; k-- {
		total = total || toks[k].Low == "total"
	}
	if !total {
		return p
	}
	month := ""
	for _, tx := range s.timesOf(sent) {
		if tx.start >= start {
			break
		}
		if len(tx.value) == 7 && tx.value[:4] == from[:4] {
			month = tx.value
		}
	}
	if month == "" {
		return p
	}
	m, err := time.Parse("2006-01", month)
	if err != nil {
		return p
	}
	return from + "/" + m.AddDate(0, 1, -1).Format("2006-01-02")
}

// totalToEndOf reads a running total up to the end of a month as the year so far: "taking the
// total until the end of June to 19,982" counts from January 1 to June 30. month is the
// figure's period; it is returned unchanged unless "total" comes before the figure and the
// month is "the end of" it.
func (s *state) totalToEndOf(start int, month string) string {
	toks := s.doc.Tokens
	sent := toks[start].Sent
	total := false
	for k := start - 1; k >= 0 && k >= start-12 && toks[k].Sent == sent; k-- {
		total = total || toks[k].Low == "total"
	}
	if !total {
		return month
	}
	for _, tx := range s.timesOf(sent) {
		if tx.value != month || tx.start < 3 {
			continue
		}
		k := tx.start
		if toks[k-1].Low == "of" && toks[k-2].Low == "end" && toks[k-3].Low == "the" && k > 3 {
			switch toks[k-4].Low {
			case "until", "till", "by", "to", "at":
				m, err := time.Parse("2006-01", month)
				if err != nil {
					return month
				}
				return month[:4] + "-01-01/" + m.AddDate(0, 1, -1).Format("2006-01-02")
			}
		}
	}
	return month
}

// nounInSentence returns the first counted-noun cue after token i in its sentence.
func (s *state) nounInSentence(i int) string {
	toks := s.doc.Tokens
	sent := s.doc.Sents[toks[i].Sent]
	for j := i; j < sent.First+len(sent.Tokens); j++ {
		if m, ok := s.lx.StatCueAt(toks, j); ok && m.Vals[0].Noun {
			return m.Vals[0].Category
		}
	}
	return ""
}

// near reports whether any of words stands within d tokens of n in its sentence.
func (s *state) near(n number, d int, words ...string) bool {
	toks := s.doc.Tokens
	for j := n.start - d; j < n.end+d; j++ {
		if j < 0 || j >= len(toks) || toks[j].Sent != toks[n.start].Sent {
			continue
		}
		for _, w := range words {
			if toks[j].Low == w {
				return true
			}
		}
	}
	return false
}

// fillStat sets a statistic's country, period, source and evidence.
func (s *state) fillStat(st *stat, start, end int) {
	toks := s.doc.Tokens
	var because use
	if st.Category == "migrants_returned" {
		st.Country, because = s.returnCountry(start)
	} else {
		st.Country, because = s.statCountry(start, end, st.Category)
		// Money is the donor's: the actor of its clause, never the place it pays for ("the
		// journey to Britain cost him 11,000 pounds").
		if st.Category == "funding" {
			if d, u, ok := s.donor(start); ok {
				st.Country, because = d, u
			} else if because.role == "country: place" {
				st.Country, because = "", use{}
			}
		}
	}
	if p := s.statPeriod(start); p != "" {
		p = s.totalUpTo(start, p)
		if q := s.incidentDay(st); q != "" {
			p = q
		}
		if q := s.wholePeriod(st); q != "" {
			p = q
		}
		st.Period = &p
	}
	st.Source = s.claimedSource(st.sent)
	st.Evidence = s.evidence(st.sent)
	st.Span = record.Span{Start: s.doc.Runes(toks[start].Start), End: s.doc.Runes(toks[end-1].End)}
	if s.explain {
		rule := st.rule
		if rule == "" {
			rule = "statistic." + st.Kind
		}
		st.Explain = s.why(rule, s.tokUse("value", start, end), s.tokUse("counted", st.noun[0], st.noun[1]), because)
	}
}

// incidentDay dates a figure whose sentence names no time by the day of the same act the
// sentences just before counted: "The ship rescued 68 people on Wednesday. On Thursday one of
// them died. The 62 men and six women rescued were from Mali" are Wednesday's rescued, not
// Thursday's. It gives "" when no such figure stands within a few sentences before.
func (s *state) incidentDay(st *stat) string {
	if s.timesIn(st.sent) > 0 || st.Kind != "count" || st.Category == "other" {
		return ""
	}
	for i := len(s.stats) - 1; i >= 0; i-- {
		prev := &s.stats[i]
		if prev.sent >= st.sent {
			continue
		}
		if prev.sent < st.sent-4 {
			break
		}
		if prev.Category != st.Category || prev.Kind != "count" {
			continue
		}
		if prev.Period != nil && len(*prev.Period) == 10 {
			return *prev.Period
		}
		return ""
	}
	return ""
}

// wholePeriod dates a part by its whole: "Last year 9,000 people arrived. Of those, 2,000 were
// minors" counts last year's minors. The part's sentence opens with "Of those" (them, these)
// and names no time of its own but the base of a comparison; the whole is the first figure of
// the sentence before.
func (s *state) wholePeriod(st *stat) string {
	toks := s.doc.Tokens
	sent := s.doc.Sents[st.sent]
	// "So far this year 4,000 arrived by sea. Another 800 came by land.": a figure that adds
	// to the one before covers its time too.
	more := st.tok > 0 && (toks[st.tok-1].Low == "another" || toks[st.tok-1].Low == "further" && st.tok > 1 && toks[st.tok-2].Low == "a")
	part := len(sent.Tokens) >= 3 && toks[sent.First].Low == "of" && (toks[sent.First+1].Low == "those" || toks[sent.First+1].Low == "them" || toks[sent.First+1].Low == "these")
	if !more && !part {
		return ""
	}
	for _, tx := range s.times {
		if toks[tx.start].Sent == st.sent && !s.comparisonBase(tx) {
			return ""
		}
	}
	whole := ""
	for i := len(s.stats) - 1; i >= 0; i-- {
		prev := &s.stats[i]
		if prev.sent >= st.sent {
			continue
		}
		if prev.sent < st.sent-1 {
			break
		}
		if prev.Period != nil {
			if more {
				return *prev.Period // the figure just before
			}
			whole = *prev.Period // the sentence's first figure: the others compare with it
		}
	}
	return whole
}

// statCountry is where a number happened or whose authority acted: the acting authority
// before the number, else a place named in the sentence, else the paragraph's, else the
// document's country.
func (s *state) statCountry(start, end int, category string) (string, use) {
	arriving := category == "migrants_arrived"
	toks := s.doc.Tokens
	sent := s.doc.Sents[toks[start].Sent]
	from := sent.First
	to := sent.First + len(sent.Tokens)
	var subj, loc string
	subjAt, locAt := -1, -1
	charity := false // a body that is no state's acts in the clause
	// "the ministry said that Morocco had prevented 9,800": the actor is in the reported clause.
	for k := start - 1; k > from; k-- {
		if toks[k].Text == "that" && s.reportedBefore(k, from) {
			from = k + 1
			break
		}
	}
	// "..., said an IOM spokesman in Geneva": the attribution after the figure places the saying,
	// not the figure.
	for k := end; k < to; k++ {
		if _, ok := s.speechAt(k); ok && !s.inQuote[k] && k > 0 && (toks[k-1].Text == "," || isCloseQuote(toks[k-1])) {
			to = k
			break
		}
	}
	// The actor of the clause that holds the number: "Border Force detained 223 migrants as
	// French authorities stopped another 106" gives 106 to France. The words since the last
	// clause break before the number name it; else its tree does.
	clause := from
	for k := start - 1; k > from; k-- {
		if t := toks[k]; t.Text == ";" || t.Low == "as" || t.Low == "while" || t.Low == "whereas" || t.Low == "but" || (t.Text == "-" || t.Text == "–" || t.Text == "—") && t.Start > toks[k-1].End {
			clause = k + 1
			break
		}
	}
	for k := clause; k < start; k++ {
		if m := s.mentionAt(k); m != nil && m.start == k && s.isCountry(m.code) && !subjectPreps[s.prevWord(k, from)] && !s.isPrep(s.prevWord(k, from)) && (m.kind == mAgency || m.kind == mOrg && m.orgType == "agency" || m.kind == mCountry && !m.adj && !m.capital && !s.origin(k, from)) {
			subj, subjAt = m.code, k
			break
		}
	}
	// "The coastguard rescued 26": an office named by its noun alone is the one the text named
	// in full before ("the Greek coastguard").
	if subj == "" {
		if c, k, e := s.officeIn(clause, start, from); c != "" {
			subj, subjAt = c, k
			_ = e
		}
	}
	// Only a clause with actors of two countries needs its tree to tell them apart.
	if subj == "" && s.countriesIn(from, to) >= 2 {
		if v := s.governingVerb(start); v >= 0 {
			if m := s.clauseAgent(v, start); m != nil && s.isCountry(m.code) && (m.kind == mAgency || m.kind == mCountry && !m.adj && !m.capital || m.kind == mOrg && m.orgType == "agency") {
				subj, subjAt = m.code, m.start
			}
		}
	}
	for k := from; k < to; k++ {
		// "arrivals in Europe": a Europe-wide total is the EU's.
		if toks[k].Text == "Europe" && loc == "" && k > from && (toks[k-1].Low == "in" || toks[k-1].Low == "into" || toks[k-1].Low == "to") {
			loc, locAt = "EU", k
		}
		m := s.mentionAt(k)
		if m != nil && m.start == k && k < start && subj == "" && m.kind == mOrg && (m.orgType == "ngo" || m.orgType == "media") && (!subjectPreps[s.prevWord(k, from)] || s.prevWord(k, from) == "by") {
			charity = true // "Sea-Watch rescued 1,000", "a ship run by Sea-Watch": no state acted
		}
		if m == nil || m.start != k || m.code == "" {
			continue
		}
		prev := ""
		if k > 0 {
			prev = toks[k-1].Low
		}
		// "on Greek islands": an adjective before a place noun names the place.
		if m.adj && m.kind == mCountry && m.end < len(toks) && placeNouns[toks[m.end].Low] {
			if p := s.prevWord(k, from); (p == "on" || p == "in" || p == "to" || p == "at" || p == "off" || p == "near") && loc == "" {
				loc, locAt = m.code, k
			}
			continue
		}
		// "from Syria" is an origin; "Syrian" describes people or things, not the place.
		if prev == "from" || m.adj && m.kind == mCountry {
			continue
		}
		switch {
		case (prev == "in" || prev == "off" || prev == "at" || prev == "near" || prev == "into" || prev == "to" || prev == "across" || prev == "leaving" || prev == "of" && k > 1 && placeNouns[toks[k-2].Low]) && m.kind == mCountry && !m.adj:
			if loc == "" && !s.residence(k, from) {
				loc, locAt = m.code, k
			}
		case k < start && subj == "" && !subjectPreps[prev] && !s.isPrep(prev) && !s.origin(k, from) && (m.kind == mAgency || m.kind == mPerson || m.kind == mOrg || m.kind == mCountry && !m.adj || m.kind == mCountry && m.adj && k+1 < len(toks) && s.mentionAt(k+1) == m):
			subj, subjAt = m.code, k
		}
	}
	if s.isCountry(subj) {
		return subj, s.tokUse("country: actor", subjAt, s.mentionEnd(subjAt))
	}
	// "landed in Malaysia and Indonesia", "on Thai, Malaysian and Indonesian soil": a figure
	// over several countries belongs to none of them.
	if s.severalPlaces(from, to) {
		return "", use{}
	}
	// "at Farmakonisi, close to the Turkish coast": a town or an island is more precise than
	// a country.
	gp := s.gazetteerPlace(from, to)
	if gp.local && gp.code != "" {
		return gp.code, s.tokUse("country: place", gp.at, gp.end)
	}
	if loc != "" {
		return loc, s.tokUse("country: place", locAt, s.mentionEnd(locAt))
	}
	// "landed in Dover", "off Lampedusa": a place the gazetteer knows.
	if gp.found && !gp.sea {
		return gp.code, s.tokUse("country: place", gp.at, gp.end)
	}
	if charity && subj == "" && !s.lodgedWithState(category) {
		return "", use{}
	}
	// "drowned in the Mediterranean", "rescued at sea", "crossed the Channel": a figure at sea
	// belongs to no country unless a coast or a country places it.
	if (gp.sea || s.atSea(from, to)) && !arriving {
		return "", use{}
	}
	for k := from; k < to; k++ {
		if m := s.mentionAt(k); m != nil && m.start == k && s.isCountry(m.code) && m.kind != mPerson && !m.adj && !s.residence(k, from) && (!s.origin(k, from) || category == "migrants_rescued" || category == "trafficking_victims") && !s.heading(k, from) {
			return m.code, s.tokUse("country: sentence", m.start, m.end)
		}
	}
	// "An estimated 3,771 died that year": the dead of a year, that no clause places, are a
	// route's toll, not a country's.
	if category == "migrants_dead_missing" && s.longPeriod(start) {
		return "", use{}
	}
	if c, k := s.jointSide(from, start); c != "" { // stats_lang.go
		return c, s.tokUse("country: joint body", k, k+1)
	}
	// "A boat capsized off Lampedusa. Fifteen are confirmed dead.": the scene the sentences
	// before set.
	if p := s.scene(toks[start].Sent); p.found && !(p.sea && arriving) {
		return p.code, s.tokUse("country: scene", p.at, p.end)
	}
	if f := s.focusCountry(); f != "" {
		return f, s.focusUse("country: report")
	}
	return "", use{} // an organization's global figure has no country
}

// origin reports whether the mention at token k follows "from", alone or in a list: "from
// Syria and Sri Lanka".
func (s *state) origin(k, from int) bool {
	toks := s.doc.Tokens
	for p := k - 1; p >= from && p >= k-12; p-- {
		switch {
		case toks[p].Low == "from":
			return true
		case toks[p].Text == "," || toks[p].Low == "and" || toks[p].Low == "or" || s.isArticle(toks[p].Low) || s.mentionAt(p) != nil && s.mentionAt(p).kind == mCountry:
			continue
		case p == k-1 && toks[p].Kind == text.Word && !toks[p].IsCap() && !s.isPrep(toks[p].Low) && !s.lx.Stop[toks[p].Low]:
			continue // "from war-torn Syria"
		}
		return false
	}
	return false
}

// longPeriod reports whether the figure at token start covers a year or more.
func (s *state) longPeriod(start int) bool {
	p := s.statPeriod(start)
	if len(p) == 4 {
		return true
	}
	from, to, ok := strings.Cut(p, "/")
	if !ok {
		return false
	}
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return len(from) == 4
	}
	return b.Sub(a) > 180*24*time.Hour
}

// mentionEnd returns the end of the mention that covers token k, or k+1.
func (s *state) mentionEnd(k int) int {
	if m := s.mentionAt(k); m != nil {
		return m.end
	}
	return k + 1
}

// focusUse is the use of the report's main country: its first mention.
func (s *state) focusUse(role string) use { return s.countryUse(role, s.focusCountry()) }

// countryUse is the use of a country's first mention in the report, in a role.
func (s *state) countryUse(role, code string) use {
	for _, m := range s.mentions {
		if m.code == code && m.kind != mPerson {
			return s.tokUse(role, m.start, m.end)
		}
	}
	return use{role: role}
}

// seaWords name the open sea or a route across it.
var seaWords = set("mediterranean", "med", "aegean", "sea", "seas", "ocean", "route", "routes")

// atSea reports whether the clause [from, to) places its figure at sea: a sea word after "in",
// "at", "across", "on" or "crossed the".
func (s *state) atSea(from, to int) bool {
	// The numbers of one clause ask about the same tokens: each span is read once.
	key := [2]int{from, to}
	if v, ok := s.seaSpans[key]; ok {
		return v
	}
	v := s.readAtSea(from, to)
	if s.seaSpans == nil {
		s.seaSpans = map[[2]int]bool{}
	}
	s.seaSpans[key] = v
	return v
}

// readAtSea is atSea without its memory.
func (s *state) readAtSea(from, to int) bool {
	toks := s.doc.Tokens
	for k := from + 1; k < to; k++ {
		if !seaWords[toks[k].Low] {
			continue
		}
		p := k - 1
		for p > from && (s.isArticle(toks[p].Low) || toks[p].Kind == text.Word && !toks[p].IsCap() && s.lx.Common[toks[p].Low] && !s.isPrep(toks[p].Low) && p > k-3) {
			p--
		}
		switch toks[p].Low {
		case "in", "at", "across", "on", "crossed", "cross", "crossing", "along":
			return true
		}
	}
	return false
}

// statPeriod is the time a figure covers: the nearest time phrase of its sentence that is not a
// comparison's base ("up 48% on the first six months of 2024", "compared to the same period
// last year"); else the sentence's, the text's or the publication's date.
func (s *state) statPeriod(start int) string {
	toks := s.doc.Tokens
	sent := toks[start].Sent
	var own, poss []timex
	for _, tx := range s.timesOf(sent) {
		if s.anchors[tx.start] || s.comparisonBase(tx) {
			continue
		}
		// "Yesterday's arrivals meant 5,800 have arrived this year": a time that owns a noun
		// dates that noun, not the figure, unless it is the only time there is.
		if tx.end < len(toks) && toks[tx.end].Kind == text.Poss && len(tx.value) == 10 {
			poss = append(poss, tx)
			continue
		}
		own = append(own, tx)
	}
	if len(own) == 0 {
		own = poss
	} else if len(poss) > 0 {
		return nearestTime(own, start)
	}
	if len(own) == 0 {
		return s.timeFor(start)
	}
	if len(own) > 1 {
		if v := s.relativeClauseTime(start, own); v != "" {
			return v
		}
	}
	if len(own) < s.timesIn(sent) {
		return nearestTime(own, start) // some were bases: choose among the others
	}
	return s.timeFor(start)
}

// relativeClauseTime is the time named in the relative clause of the figure at start or of the
// noun it counts: "surpassing the 1,800 who made the journey in the whole of 2019" counts 2019's
// crossings, whatever time stands nearer the figure. It gives "" when there is no such clause
// or it names no time of ts.
func (s *state) relativeClauseTime(start int, ts []timex) string {
	n := start
	if s.synRel(start) == "nummod" {
		n = s.synHead(start)
	}
	if n < 0 {
		return ""
	}
	for _, c := range s.synDeps(n, "acl") { // "acl" matches "acl:relcl"
		first, last := s.synSpan(c)
		if first <= n {
			continue // a clause before its noun is no relative clause of it
		}
		for _, tx := range ts {
			if tx.start >= first && tx.end-1 <= last {
				return tx.value
			}
		}
	}
	return ""
}

// nearestTime is the value of the time phrase nearest token start.
func nearestTime(ts []timex, start int) string {
	best, bestD := "", 1<<30
	for _, tx := range ts {
		d := tx.start - start
		if d < 0 {
			d = start - tx.end
		}
		if d < bestD {
			best, bestD = tx.value, d
		}
	}
	return best
}

// timesIn counts the time phrases of sentence sent.
func (s *state) timesIn(sent int) int {
	return len(s.timesOf(sent))
}

// timesOf returns the time phrases of sentence sent, in text order, once findTimes has run.
func (s *state) timesOf(sent int) []timex {
	s.indexTimes()
	return s.times[s.timeFirst[sent]:s.timeFirst[sent+1]]
}

// comparisonBase reports whether a time phrase is the base a figure is compared with: "on the
// first six months of 2024", "compared to the same period last year", "than in 2019", "from
// the previous year", "over last year's figures".
func (s *state) comparisonBase(tx timex) bool {
	toks := s.doc.Tokens
	if s.langComparisonBase(tx) { // stats_lang.go
		return true
	}
	// "the same month in 2014", "the same period of 2019": a time named as the same part of
	// another year is what a figure is compared with.
	if k := tx.start - 1; k >= 2 && toks[k-2].Sent == toks[tx.start].Sent && (toks[k].Low == "in" || toks[k].Low == "of") && toks[k-2].Low == "same" {
		switch toks[k-1].Low {
		case "month", "period", "week", "day", "time", "quarter", "season":
			return true
		}
	}
	for k := tx.start - 1; k >= 0 && k >= tx.start-6 && toks[k].Sent == toks[tx.start].Sent; k-- {
		switch w := toks[k].Low; {
		case w == "than" || w == "compared" || w == "versus" || w == "vs":
			return true
		case w == "on" && (k+1 < tx.start && toks[k+1].Low == "the" || toks[tx.start].Low == "the"): // "up 48% on the first half of 2024"
			return true
		case w == "over" && k == tx.start-1: // "over last year's figures"
			return true
		case w == "from" && (toks[tx.start].Low == "previous" || toks[tx.start].Low == "same" || k+1 < tx.start && (toks[k+2].Low == "previous" || toks[k+2].Low == "same")):
			return true
		case w == "in" && k > 0 && (toks[k-1].Low == "as" || toks[k-1].Low == "than"): // "twice as many as in 2019"
			return true
		case w == "," || w == ";" || w == "in" || w == "during" || w == "since":
			return false
		}
	}
	return false
}

// countriesIn counts the distinct countries that mentions in tokens [from, to) name.
func (s *state) countriesIn(from, to int) int {
	seen := map[string]bool{}
	for k := from; k < to; k++ {
		if m := s.mentionAt(k); m != nil && m.start == k && s.isCountry(m.code) {
			seen[m.code] = true
		}
	}
	return len(seen)
}

// donor returns who gives the money at token tok: the actor of its clause, a state or a body of
// states ("The EU pledged 3 billion euros to Turkey" is the EU's).
func (s *state) donor(tok int) (string, use, bool) {
	if v := s.governingVerb(tok); v >= 0 {
		if m := s.clauseAgent(v, tok); m != nil && m.code != "" && !(m.kind == mCountry && m.adj) {
			return m.code, s.tokUse("country: donor", m.start, m.end), true
		}
		if code, lo, hi, ok := s.langDonor(v, tok); ok { // stats_lang.go
			return code, s.tokUse("country: donor", lo, hi), true
		}
	}
	return "", use{}, false
}

// placeNouns after a country adjective make it a place: "Greek islands", "Thai soil".
var placeNouns = set("soil", "territory", "coast", "coasts", "shores", "shore", "waters", "islands", "island", "border", "borders", "ports", "beaches")

// severalPlaces reports whether the clause [from, to) places its action in two or more
// countries joined by "and" or commas.
func (s *state) severalPlaces(from, to int) bool {
	toks := s.doc.Tokens
	for k := from; k < to; k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || m.code == "" {
			continue
		}
		prev := s.prevWord(k, from)
		if prev == "from" || !m.adj && prev != "in" && prev != "on" && prev != "into" && prev != "to" && prev != "at" {
			continue
		}
		// Walk the coordination that starts here.
		codes := map[string]bool{m.code: true}
		j := m.end
		for j+1 < to && (toks[j].Text == "," || toks[j].Low == "and") {
			n := j + 1
			if toks[n].Low == "and" && n+1 < to {
				n++
			}
			nm := s.mentionAt(n)
			if nm == nil || nm.start != n || nm.kind != mCountry || nm.adj != m.adj {
				break
			}
			codes[nm.code] = true
			j = nm.end
		}
		// Adjectives name places only before a place noun: "Thai, Malaysian and Indonesian soil",
		// not "migrants, mostly Pakistani and Afghan".
		if len(codes) >= 2 && (!m.adj || j < to && placeNouns[toks[j].Low]) {
			return true
		}
		k = j - 1
	}
	return false
}

// reportedBefore reports whether a speech verb stands a few words before token k: "said on
// Tuesday that".
func (s *state) reportedBefore(k, from int) bool {
	for j := k - 1; j >= from && j >= k-4; j-- {
		if reportVerbs[s.doc.Tokens[j].Low] {
			return true
		}
	}
	return false
}

// returnCountry is the country that returned people: the one they were sent back from
// ("deported from the Greek islands"), never the one they were sent to ("shipped back to
// Turkey").
func (s *state) returnCountry(start int) (string, use) {
	toks := s.doc.Tokens
	sent := s.doc.Sents[toks[start].Sent]
	dests := map[string]bool{}
	for k := sent.First + 1; k < sent.First+len(sent.Tokens); k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || m.code == "" {
			continue
		}
		switch s.prevWord(k, sent.First) {
		case "from":
			return m.code, s.tokUse("country: returned from", m.start, m.end)
		case "to":
			dests[m.code] = true // "ten were flown to Germany and four to France"
		}
	}
	if c, u := s.statCountry(start, start+1, "migrants_returned"); !dests[c] {
		return c, u
	}
	for _, c := range s.rankCountries() {
		if !dests[c] {
			return c, s.countryUse("country: report", c)
		}
	}
	return "", use{}
}

// claimedSource reads "according to X" in a sentence.
func (s *state) claimedSource(sent int) string {
	toks := s.doc.Sents[sent].Tokens
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Low == "according" && toks[k+1].Low == "to" {
			for j := k + 2; j < len(toks) && j < k+14; j++ {
				if m := s.mentionAt(s.doc.Sents[sent].First + j); m != nil {
					if m.kind == mPerson && m.entity >= 0 {
						return s.entities[m.entity].name
					}
					return m.name
				}
			}
			// "according to the Interior Ministry": a capitalised name the gazetteer lacks.
			j := k + 2
			if j < len(toks) && toks[j].Low == "the" {
				j++
			}
			e := j
			for e < len(toks) && isCapWord(toks[e]) {
				e++
			}
			if e-j >= 2 {
				first := s.doc.Sents[sent].First
				return s.span(first+j, first+e)
			}
		}
	}
	return ""
}

// linkParts links "including 6,162 foreign nationals" to the whole before it.
func (s *state) linkParts() {
	toks := s.doc.Tokens
	for i := range s.stats {
		st := &s.stats[i]
		p := st.tok - 1
		for p >= 0 && (toks[p].Low == "some" || toks[p].Low == "about" || toks[p].Low == "nearly" || toks[p].Low == "around") {
			p--
		}
		if p < 0 || !(toks[p].Low == "including" || toks[p].Low == "includes" || toks[p].Low == "among" || toks[p].Low == "of" && p > 0 && toks[p-1].Low == "whom") {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			w := &s.stats[j]
			if w.sent != st.sent || w.Kind != st.Kind || w.PartOf != "" {
				continue
			}
			st.PartOf = "s" + itoa(j+1)
			st.Qualifier = st.Subject
			if st.Category == "other" || st.Category != w.Category && w.Category != "other" {
				st.Category = w.Category
			}
			break
		}
	}
}
