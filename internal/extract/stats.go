package extract

import (
	"github.com/alboran/alboran/internal/lexicon"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// stat is a statistic as extraction builds it.
type stat struct {
	record.Statistic
	tok  int // first token of the number
	sent int
}

// notCounts are words before a number that make it a label, not a count: "No. 5", "article 3".
var notCounts = set("no", "article", "section", "paragraph", "chapter", "page", "flight", "route", "highway",
	"resolution", "law", "act", "number", "room", "gate", "platform", "level", "phase", "category", "size",
	"aged", "age", "ages", "tel", "phone", "fax", "covid", "covid-19", "a", "grade", "code", "line", "road", "m", "a1", "hms", "version", "top")

// timeUnits after a number make it a duration or a distance, not a count.
var timeUnits = set("weeks", "week", "days", "day", "months", "month", "years", "hours", "hour", "minutes", "minute",
	"seconds", "times", "km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "nautical", "feet", "ft", "degrees", "knots", "tonnes", "tons")

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
		if f, ok := multipliers[t.Low]; ok && t.Kind == text.Word {
			s.addChange(i, i+1, f, "exact")
			continue
		}
		if inTime[i] || (t.Kind != text.Number && t.Kind != text.Word) {
			continue
		}
		n, ok := readNumber(toks, i)
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

// notAStatistic rules out years, ages, times, labels and ordinals.
func (s *state) notAStatistic(n number) bool {
	toks := s.doc.Tokens
	i := n.start
	if n.currency == "" && i > 0 && notCounts[toks[i-1].Low] && !n.words {
		return true
	}
	if n.end < len(toks) {
		nx := toks[n.end].Low
		if nx == "year-old" || nx == "years" && n.end+1 < len(toks) && toks[n.end+1].Low == "old" || nx == "am" || nx == "pm" || nx == "a.m" || nx == "p.m" || nx == "a.m." || nx == "p.m." || nx == "gmt" || nx == "-" && n.end+1 < len(toks) && strings.HasPrefix(toks[n.end+1].Low, "year") {
			return true
		}
		if timeUnits[nx] {
			return true // "two or three weeks ago", "30 months"
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
		if m, ok := s.lx.StatCueAt(toks, j); ok {
			for _, v := range m.Vals {
				if v.Noun {
					return v.Category, m.End, true
				}
			}
			break // "9 arrested after a migrant shipwreck": the verb comes first
		}
		if toks[j].Low == "of" && j > n.end { // "123 human trafficking networks", not "hundreds of"
			continue
		}
	}
	return "", 0, false
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
		st.Kind, st.Unit, st.Category = record.KindAmount, n.currency, "funding"
		if s.near(n, 6, "paid", "pay", "charged", "price", "fee", "fees", "each", "per", "fine", "fined", "worth", "salary", "costs") {
			st.Category = "other"
		}
	case s.aboard(n) || s.projected(n) || n.end < len(toks) && collectives[toks[n.end].Low]:
		st.Category = "other"
	default:
		st.Category = s.countCategory(n, noun, nounEnd, hasNoun)
		if hasNoun {
			st.Subject = s.span(n.end, nounEnd)
		}
	}
	if st.Category == "other" && st.Kind == record.KindCount {
		st.Category = s.sharedCategory(n, sent, noun)
	}
	if st.Category == "" {
		return
	}
	if st.Category == "boats_seized" || st.Category == "networks_dismantled" {
		st.Unit = "items"
	}
	s.fillStat(&st, n.start, n.end)
	s.stats = append(s.stats, st)
}

// countCategory maps a count to a codebook category from what it counts and the verbs around.
func (s *state) countCategory(n number, noun string, nounEnd int, hasNoun bool) string {
	toks := s.doc.Tokens
	verb, dist := s.verbCue(n)
	switch noun {
	case "networks_dismantled", "trafficking_victims":
		return noun
	case "suspects_arrested":
		return noun
	case "boats_seized":
		if verb == "migrants_intercepted" || verb == "suspects_arrested" {
			return "boats_seized"
		}
		return "other"
	case "migrants":
		if verb != "" && verb != "suspects_arrested" {
			return verb
		}
		if verb == "suspects_arrested" && dist <= 3 {
			// "three people arrested" are suspects; "21 migrants arrested" were intercepted.
			if genericPeople[toks[nounEnd-1].Low] {
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
	if !hasNoun && next < len(toks) {
		if m, ok := s.lx.StatCueAt(toks, next); ok && !m.Vals[0].Noun && m.Vals[0].Category != "suspects_arrested" {
			return m.Vals[0].Category // "More than 1,450 arrived"
		}
	}
	if !hasNoun && !n.words && verb != "" && verb != "suspects_arrested" && s.nounInSentence(n.start) == "migrants" {
		return verb // "arrivals tripled from around 27,000 in 2021"
	}
	if !hasNoun && verb != "" && verb != "migrants_dead_missing" && dist <= 1 && s.verbBefore(n) {
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

// loadVerbs before a number count who was aboard, not what happened to them: "a boat carrying
// 260 migrants".
var loadVerbs = set("carrying", "carried", "carries", "containing", "contained", "holding", "packed", "crammed", "transporting", "ferrying")

// aboard reports whether the number counts the people a vessel carried: a load verb before it
// ("carrying 700–1,000 migrants", either end of the range), or "aboard" just after its noun
// ("sank with up to 650 people onboard").
func (s *state) aboard(n number) bool {
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
		return true
	}
	for j := n.end; j < len(toks) && j <= n.end+2 && toks[j].Sent == sent; j++ {
		if aboardWords[toks[j].Low] {
			return true
		}
	}
	return false
}

// collectives count groups, not people: "one group of migrants", "three families".
var collectives = set("group", "groups", "family", "families", "batch", "batches")

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
		case w == "would" || w == "could" || w == "might" || w == "may" || w == "will" || w == "should" || w == "can":
			return true
		case reachVerbs[w] && (k == n.start-1 || boundWords[toks[k+1].Low]):
			reach = true
		case reach && conditions[w]:
			return true
		}
	}
	return false
}

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
		if noun != "migrants" {
			return "other"
		}
		return s.clauseCategory(sent)
	case "to", "from":
		// "from around 27,000 in 2021", not "to over 170 countries"
		if noun == "" && n.end < len(toks) && toks[n.end].Kind == text.Word && !rangeFollowers[toks[n.end].Low] {
			return "other"
		}
		return s.clauseCategory(sent)
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

// clauseCategory is the category of the last count or change the sentence gave so far.
func (s *state) clauseCategory(sent int) string {
	for i := len(s.stats) - 1; i >= 0 && s.stats[i].sent == sent; i-- {
		st := s.stats[i]
		if st.Kind != record.KindAmount && st.Category != "other" {
			return st.Category
		}
	}
	return "other"
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
	for _, c := range s.sentenceCues(toks[n.start].Sent) {
		j, m := c.at, c.m
		if j >= n.start && j < n.end {
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
				d++
			}
			if hasClauseBreak(toks, n, j) {
				d += 6
			}
			if d < bestD {
				best, bestD = v.Category, d
			}
		}
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

// hasClauseBreak reports whether a semicolon or a second number stands between n and token j.
func hasClauseBreak(toks []text.Token, n number, j int) bool {
	lo, hi := j, n.start
	if j >= n.end {
		lo, hi = n.end, j
	}
	for k := lo; k < hi; k++ {
		if toks[k].Text == ";" || toks[k].Low == "while" || toks[k].Low == "but" || toks[k].Low == "whereas" {
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
		if changeDown[toks[j].Low] {
			return 1 - n.value/100, true
		}
		if changeUp[toks[j].Low] {
			return 1 + n.value/100, true
		}
	}
	return 0, false
}

// addChange records a relative change and what it counts, from the words around it.
func (s *state) addChange(start, end int, f float64, bound string) {
	toks := s.doc.Tokens
	st := stat{tok: start, sent: toks[start].Sent}
	st.Kind, st.Value, st.Bound, st.Unit = record.KindChange, f, bound, "ratio"
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
	for _, tx := range s.times {
		if toks[tx.start].Sent != sent || tx.start < start || strings.Contains(tx.value, "/") {
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
	for _, tx := range s.times {
		if tx.start >= start {
			break
		}
		if toks[tx.start].Sent == sent && len(tx.value) == 7 && tx.value[:4] == from[:4] {
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
	if st.Category == "migrants_returned" {
		st.Country = s.returnCountry(start)
	} else {
		st.Country = s.statCountry(start, end)
	}
	if p := s.timeFor(start); p != "" {
		p = s.totalUpTo(start, p)
		st.Period = &p
	}
	st.Source = s.claimedSource(st.sent)
	st.Evidence = s.evidence(st.sent)
	st.Span = record.Span{Start: s.doc.Runes(toks[start].Start), End: s.doc.Runes(toks[end-1].End)}
}

// statCountry is where a number happened or whose authority acted: the acting authority
// before the number, else a place named in the sentence, else the paragraph's, else the
// document's country.
func (s *state) statCountry(start, end int) string {
	toks := s.doc.Tokens
	sent := s.doc.Sents[toks[start].Sent]
	from := sent.First
	to := sent.First + len(sent.Tokens)
	var subj, loc string
	// "the ministry said that Morocco had prevented 9,800": the actor is in the reported clause.
	for k := start - 1; k > from; k-- {
		if toks[k].Text == "that" && s.reportedBefore(k, from) {
			from = k + 1
			break
		}
	}
	for k := from; k < to; k++ {
		m := s.mentionAt(k)
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
				loc = m.code
			}
			continue
		}
		// "from Syria" is an origin; "Syrian" describes people or things, not the place.
		if prev == "from" || m.adj && m.kind == mCountry {
			continue
		}
		switch {
		case (prev == "in" || prev == "off" || prev == "at" || prev == "near" || prev == "into" || prev == "to" || prev == "across" || prev == "leaving") && m.kind == mCountry && !m.adj:
			if loc == "" {
				loc = m.code
			}
		case k < start && subj == "" && !subjectPreps[prev] && (m.kind == mAgency || m.kind == mPerson || m.kind == mOrg || m.kind == mCountry && !m.adj || m.kind == mCountry && m.adj && k+1 < len(toks) && s.mentionAt(k+1) == m):
			subj = m.code
		}
	}
	if s.isCountry(subj) {
		return subj
	}
	// "landed in Malaysia and Indonesia", "on Thai, Malaysian and Indonesian soil": a figure
	// over several countries belongs to none of them.
	if s.severalPlaces(from, to) {
		return ""
	}
	if loc != "" {
		return loc
	}
	for k := from; k < to; k++ {
		if m := s.mentionAt(k); m != nil && s.isCountry(m.code) && m.kind != mPerson && !m.adj {
			return m.code
		}
	}
	if f := s.focusCountry(); f != "" {
		return f
	}
	return "" // an organization's global figure has no country
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
func (s *state) returnCountry(start int) string {
	toks := s.doc.Tokens
	sent := s.doc.Sents[toks[start].Sent]
	dest := ""
	for k := sent.First + 1; k < sent.First+len(sent.Tokens); k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || m.code == "" {
			continue
		}
		switch s.prevWord(k, sent.First) {
		case "from":
			return m.code
		case "to":
			if dest == "" {
				dest = m.code
			}
		}
	}
	if c := s.statCountry(start, start+1); c != dest {
		return c
	}
	return s.focusCountryBut(dest)
}

// claimedSource reads "according to X" in a sentence.
func (s *state) claimedSource(sent int) string {
	toks := s.doc.Sents[sent].Tokens
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Low == "according" && toks[k+1].Low == "to" {
			for j := k + 2; j < len(toks) && j < k+14; j++ {
				if m := s.mentionAt(s.doc.Sents[sent].First + j); m != nil {
					if m.kind == mPerson {
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
