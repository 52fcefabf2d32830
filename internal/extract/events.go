package extract

import (
	"strings"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// verbalTypes need a target other than their source; material types may act at home
// ("Moroccan police detained 466 suspects" is MAR -> MAR).
var materialTypes = set("COERCE", "AID", "MOBILIZE", "ASSAULT", "RETREAT")

// futureTypes become AGREE when they are promised rather than done.
var futureTypes = set("CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE")

// thingNouns next to a trigger show that it acts on a thing, not on people.
var thingNouns = set("data", "figures", "statistics", "statement", "report", "video", "footage", "images", "photos", "details", "documents", "findings", "results",
	"weather", "winds", "storm", "storms", "waves", "conditions", "shipwreck", "fog")

// changeNouns before "in" make a trend: "a 29% drop in arrests".
var changeNouns = set("drop", "fall", "decline", "decrease", "reduction", "rise", "increase", "surge", "spike", "jump", "growth", "uptick", "downturn", "dip")

// afterChangeNoun reports whether the noun at i is the object of "a drop in" or "a rise in
// border".
func (s *state) afterChangeNoun(i, lo int) bool {
	toks := s.doc.Tokens
	for k := i - 1; k > lo && k >= i-2; k-- {
		if toks[k].Low == "in" {
			return changeNouns[toks[k-1].Low]
		}
	}
	return false
}

// modality returns how word w bears on an act (lexicon data en/modality.tsv), or "".
func (s *state) modality(w string) string { return s.lx.Modality[w] }

// intendedBefore reports whether an intention stands just before "to" at k, a date apart at
// most: "agreed to", "pledged on Tuesday to".
func (s *state) intendedBefore(k, lo int) bool {
	toks := s.doc.Tokens
	for p := k - 1; p >= lo && p >= k-4; p-- {
		if s.modality(toks[p].Low) == "intention" {
			return true
		}
		if p < k-2 && !s.inTime(p) {
			return false
		}
	}
	return false
}

// inTime reports whether token p is part of a date expression.
func (s *state) inTime(p int) bool {
	for _, tx := range s.times {
		if p >= tx.start && p < tx.end {
			return true
		}
		if tx.start > p {
			break
		}
	}
	return p > 0 && s.doc.Tokens[p].Low == "on"
}

// subordinators between an actor and a noun trigger part them: "Malaysia ... after a crackdown
// in Thailand" does not make the crackdown Malaysia's.
var subordinators = set("after", "before", "following", "amid", "despite", "since", "because", "as", "while", "when")

// findEvents codes the PLOVER events of each sentence.
func (s *state) findEvents() {
	toks := s.doc.Tokens
	seen := map[string]int{}
	for si := range s.doc.Sents {
		sent := s.doc.Sents[si]
		end := sent.First + len(sent.Tokens)
		if toks[end-1].Text == "?" {
			continue // a question asserts no act
		}
		for i := sent.First; i < end; i++ {
			if s.inQuote[i] || toks[i].Kind != text.Word {
				continue
			}
			m, ok := s.lx.Events.Longest(toks, i)
			if !ok {
				continue
			}
			rule, ok := s.pickRule(m.Vals, i, m.End, end)
			if !ok {
				continue
			}
			s.codeEvent(rule, i, m.End, sent, seen)
			i = m.End - 1
		}
	}
	s.dropVagueSelfActs()
}

// pickRule chooses among the rules of a trigger at [i, j): a rule that names the object it
// needs ("lift" a "curfew") when that object follows, else a rule that needs none.
func (s *state) pickRule(rules []lexicon.EventRule, i, j, hi int) (lexicon.EventRule, bool) {
	var plain *lexicon.EventRule
	for k := range rules {
		r := &rules[k]
		if len(r.Frame.On) == 0 {
			if plain == nil {
				plain = r
			}
			continue
		}
		if s.objectIn(r, i, j, hi) {
			return *r, true
		}
	}
	if plain == nil {
		return lexicon.EventRule{}, false
	}
	return *plain, true
}

// objectIn reports whether one of the words a rule needs stands as its object: for a verb a
// word among the next five, for a noun the verb among the three words before it.
func (s *state) objectIn(r *lexicon.EventRule, i, j, hi int) bool {
	toks := s.doc.Tokens
	a, b := j, min(j+5, hi)
	if r.Noun {
		a, b = max(i-3, toks[i].Sent), i
		a = max(a, s.doc.Sents[toks[i].Sent].First)
	}
	for k := a; k < b; k++ {
		if toks[k].Kind != text.Word {
			if !r.Noun {
				return false
			}
			continue
		}
		w := toks[k].Low
		for _, o := range r.Frame.On {
			if w == o || strings.HasPrefix(w, o) && len(w)-len(o) <= 3 || strings.HasSuffix(o, "e") && strings.HasPrefix(w, o[:len(o)-1]) && len(w) <= len(o)+2 {
				return true
			}
		}
	}
	return false
}

// dropVagueSelfActs drops "Greece arrested 9" coded as GRC -> GRC when the report also says
// whom Greece arrested ("nine Egyptians were arrested": GRC -> EGY) in an act of the same mode.
func (s *state) dropVagueSelfActs() {
	specific := map[string]bool{}
	for _, e := range s.events {
		if e.Source.Actor != e.Target.Actor {
			specific[e.Type+"|"+e.Mode+"|"+e.Source.Actor] = true
		}
	}
	out := s.events[:0]
	for _, e := range s.events {
		if e.Type == "COERCE" && e.Source.Actor == e.Target.Actor && specific[e.Type+"|"+e.Mode+"|"+e.Source.Actor] {
			continue
		}
		out = append(out, e)
	}
	s.events = out
}

// codeEvent turns one trigger into events, one per source and target pair.
func (s *state) codeEvent(rule lexicon.EventRule, i, j int, sent text.Sentence, seen map[string]int) {
	toks := s.doc.Tokens
	typ := rule.Type
	lo := sent.First
	// "charges of assisting": a gerund after a preposition names an act, it does not report one.
	if i > lo && strings.HasSuffix(toks[i].Low, "ing") && (toks[i-1].Low == "of" || toks[i-1].Low == "for") {
		return
	}
	// "the rescue occurred", "a search and rescue official": a bare verb form used as a noun.
	if !rule.Noun && toks[i].Low == strings.Fields(rule.Phrase)[0] && s.nominal(i, j, lo) {
		return
	}
	// "the sentences", "their arrests": a plural verb form after a determiner is a noun.
	if !rule.Noun && i > lo && determiners[toks[i-1].Low] && strings.HasSuffix(toks[i].Low, "s") {
		return
	}
	// "a drop in arrests": a trend in acts counts them, it does not report one.
	if s.afterChangeNoun(i, lo) {
		return
	}
	// "data released by CBP": the act is done to a thing, not to people.
	if i > lo && thingNouns[toks[i-1].Low] || j < len(toks) && thingNouns[toks[j].Low] {
		return
	}
	// Negation and modality in the words just before the trigger.
	future := false
	for k := i - 1; k >= lo && k >= i-4; k-- {
		w := toks[k].Low
		mod := s.modality(w)
		if mod == "negation" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return
		}
		if (mod == "hypothetical" || mod == "condition") && !(w == "may" && toks[k].IsCap()) { // "on 3 May" is a month
			return
		}
		if mod == "future" || mod == "intention" {
			future = true
		}
		// "agreed to hold monthly meetings", "agreed to attend a regional summit": a noun
		// trigger may stand a few words after "to".
		if w == "to" && (k == i-1 || rule.Noun && k >= i-4) {
			if s.intendedBefore(k, lo) {
				future = true
			} else if k > lo && s.modality(toks[k-1].Low) == "attempt" && !materialTypes[typ] {
				// "sought to blame French authorities": a speech act is done by trying it.
			} else if !rule.Noun {
				return // a purpose clause: "held a meeting to discuss"
			}
		}
	}
	if future {
		if !futureTypes[typ] {
			return
		}
		typ = "AGREE"
	}
	// A noun trigger with a possessor takes it as the source ("Morocco's commitment"); an
	// unresolved possessor ("the country's aid") leaves the act without a known source.
	var sources []side
	if i > lo && toks[i-1].Kind == text.Poss {
		if m := s.actorAt(i - 2); m >= 0 {
			sources = []side{s.side(m)}
		} else {
			return
		}
	} else {
		if rule.Noun && s.subordinateBefore(i, lo) {
			return
		}
		sources = s.eventSources(i, sent, typ)
	}
	// "two Syrians who had requested a return": people of a nationality do not make a
	// state's verbal acts.
	if !materialTypes[typ] && typ != "PROTEST" && len(sources) > 0 && s.demonymSource(i, lo) {
		return
	}
	// "migrants deported from the islands", "migrants being detained at a camp": a participle
	// that describes people names no act of its own.
	if s.reducedRelative(i, j, lo) {
		return
	}
	var targets []side
	if passive(toks, i, lo) {
		// "nine Egyptians were arrested": the subject is acted on; the agent follows "by",
		// else the act happened where the sentence or the report places it.
		targets = s.subjectBefore(i, sent, true)
		if len(targets) == 0 && personalModes[rule.Mode] {
			targets = s.nationalitiesBefore(i, sent)
		}
		sources = s.agentAfter(j, sent)
		if len(sources) == 0 && materialTypes[typ] {
			c := s.placeCountry(sent)
			if c == "" && rule.Mode == "deport" {
				c = s.focusCountryBut(s.destination(j, sent))
			}
			if c == "" {
				c = s.focusCountry()
			}
			sources = []side{{code: c}}
		}
		if len(targets) == 0 && len(sources) > 0 && materialTypes[typ] {
			targets = []side{{code: sources[0].code}}
		}
		if len(sources) == 0 || len(targets) == 0 {
			return
		}
	} else {
		if len(sources) == 0 {
			return
		}
		targets = s.eventTargets(j, sent, rule, typ, sources)
	}
	date, inferred := s.eventDate(i)
	loc := s.location(sent)
	type pair struct{ src, tgt side }
	var pairs []pair
	for _, src := range sources {
		for _, tgt := range targets {
			pairs = append(pairs, pair{src, tgt})
		}
	}
	// "London and Paris have been negotiating": actors joined as the subject of a symmetric
	// act take part in it with each other.
	if link.Symmetric[rule.Type] {
		for a := 1; a < len(sources); a++ {
			pairs = append(pairs, pair{sources[0], sources[a]})
		}
	}
	for _, p := range pairs {
		src, tgt := p.src, p.tgt
		// An act needs someone it is aimed at; verbal acts need someone else.
		if tgt.code == "" || src.code == tgt.code && !materialTypes[typ] {
			continue
		}
		key := typ + "|" + src.code + "|" + tgt.code + "|" + date
		if _, dup := seen[key]; dup {
			continue
		}
		seen[key] = len(s.events)
		ev := record.Event{Type: typ, Mode: rule.Mode, Contexts: rule.Contexts, Trigger: s.span(i, j), Location: loc}
		ev.Source = record.Actor{Actor: src.code, Entity: src.entity}
		ev.Target = record.Actor{Actor: tgt.code, Entity: tgt.entity}
		if date != "" {
			d := date
			ev.Date = &d
			ev.DateInferred = inferred
		}
		ev.Evidence = s.evidence(toks[i].Sent)
		ev.Confidence = 0.5
		if src.explicit {
			ev.Confidence += 0.2
		}
		if !inferred && date != "" {
			ev.Confidence += 0.2
		}
		if len(ev.Contexts) == 0 {
			ev.Contexts = []string{"migration"}
		}
		s.events = append(s.events, ev)
	}
}

// auxiliaries before a participle make a passive: "were arrested", "have been freed".
var auxiliaries = set("was", "were", "been", "be", "being", "is", "are", "get", "got", "gets")

// passive reports whether the trigger at i is a passive participle.
func passive(toks []text.Token, i, lo int) bool {
	w := toks[i].Low
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return false
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		if auxiliaries[toks[k].Low] {
			return true
		}
		if !strings.HasSuffix(toks[k].Low, "ly") && toks[k].Low != "also" && toks[k].Low != "later" && toks[k].Low != "reportedly" {
			return false
		}
	}
	return false
}

// subordinateBefore reports whether a subordinator stands between a noun trigger at i and the
// nearest actor before it.
func (s *state) subordinateBefore(i, lo int) bool {
	toks := s.doc.Tokens
	for k := i - 1; k >= lo; k-- {
		if s.actorAt(k) >= 0 {
			return false
		}
		if subordinators[toks[k].Low] {
			return true
		}
	}
	return false
}

// demonymSource reports whether the nearest actor before i is a plural demonym: "Syrians".
func (s *state) demonymSource(i, lo int) bool {
	for k := i - 1; k >= lo; k-- {
		if m := s.actorAt(k); m >= 0 {
			mm := s.mentions[m]
			return mm.kind == mCountry && mm.adj && strings.HasSuffix(mm.name, "s") && !strings.HasSuffix(mm.name, "ss")
		}
	}
	return false
}

// relativePreps after a participle show that it describes the noun before it.
var relativePreps = set("from", "at", "in", "on", "to", "into", "after", "over", "under")

// reducedRelative reports whether the participle at [i, j) modifies the common noun before it.
func (s *state) reducedRelative(i, j, lo int) bool {
	toks := s.doc.Tokens
	k := i - 1
	if k > lo && toks[k].Low == "being" {
		k--
	} else if !strings.HasSuffix(toks[i].Low, "ed") || j >= len(toks) || !relativePreps[toks[j].Low] || toks[j].Low == "by" {
		return false
	}
	if k < lo || toks[k].Kind != text.Word || toks[k].IsCap() && k > lo || auxiliaries[toks[k].Low] || s.actorAt(k) >= 0 {
		return false
	}
	w := toks[k].Low
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !s.lx.Stop[w]
}

// reportVerbs end the clause that holds a subject.
var reportVerbs = set("said", "says", "told", "announced", "confirmed")

// delegates are the people a country sends: "officials of Turkey", "counterparts from Morocco".
var delegates = set("officials", "official", "representatives", "delegation", "delegations", "delegates", "counterparts",
	"counterpart", "ministers", "diplomats", "envoys", "leaders", "authorities", "government")

// delegationOf reports whether the actor at k, after the preposition prep, names whom a
// delegate noun before it acts for: "officials of Turkey met ..." makes Turkey the subject.
func (s *state) delegationOf(k int, prep string) bool {
	if prep != "of" && prep != "from" {
		return false
	}
	toks := s.doc.Tokens
	for p := k - 1; p >= 0 && p >= k-3; p-- {
		if toks[p].Low == prep {
			return p > 0 && delegates[toks[p-1].Low]
		}
	}
	return false
}

// subjectPreps before an actor make it an object or an origin, not the subject.
var subjectPreps = set("with", "to", "from", "in", "of", "on", "for", "at", "against", "into", "by")

// subjectBefore returns the actors the sentence names as the subject before token i: the
// nearest actor not governed by a preposition, with the actors joined to it by "and", or the
// antecedent of a pronoun next to the trigger.
func (s *state) subjectBefore(i int, sent text.Sentence, stopAtReport bool) []side {
	toks := s.doc.Tokens
	lo := sent.First
	// "a shipwreck that killed 78": the relative pronoun stands for a thing, not an actor.
	if k := i - 1; k > lo && (toks[k].Low == "that" || toks[k].Low == "which") && s.actorAt(k-1) < 0 {
		return nil
	}
	for k := i - 1; k >= lo; k-- {
		// "police said 202 migrants were shipped back": the speaker is not what was acted on.
		if stopAtReport && reportVerbs[toks[k].Low] && toks[k+1].Low != "to" {
			return nil
		}
		if w := toks[k].Low; (w == "he" || w == "she") && (k >= i-3 || k == lo) {
			if p := s.pronounPerson(k); p >= 0 && s.mentions[p].code != "" {
				return []side{s.side(p)}
			}
		}
		m := s.actorAt(k)
		if m < 0 {
			continue
		}
		mm := s.mentions[m]
		chain := append([]side{s.side(m)}, s.coordinated(mm.start, -1, lo)...)
		// The preposition before the first of "Mexico, Cuba and Guatemala" governs them all.
		first := mm.start
		if len(chain) > 1 {
			for first > lo && (s.actorAt(first-1) >= 0 || toks[first-1].Low == "and" || toks[first-1].Text == ",") {
				first--
			}
		}
		if p := s.prevWord(first, lo); subjectPreps[p] && !s.delegationOf(first, p) {
			k = first
			continue
		}
		return chain
	}
	return nil
}

// destination returns the country after "to" that follows the trigger ending at j: "shipped
// back to Turkey".
func (s *state) destination(j int, sent text.Sentence) string {
	toks := s.doc.Tokens
	hi := sent.First + len(sent.Tokens)
	for k := j; k < hi && k < j+3; k++ {
		if toks[k].Low != "to" {
			continue
		}
		if m := s.actorAt(k + 1); m >= 0 {
			return s.mentions[m].code
		}
		if k+2 < hi {
			if m := s.actorAt(k + 2); m >= 0 && toks[k+1].Low == "the" {
				return s.mentions[m].code
			}
		}
	}
	return ""
}

// nationalitiesBefore returns the nationalities a passive subject gives its people: "202
// migrants, mostly Pakistani and Afghan, were shipped back".
func (s *state) nationalitiesBefore(i int, sent text.Sentence) []side {
	var out []side
	seen := map[string]bool{}
	for k := sent.First; k < i; k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || !m.adj || m.code == "" || seen[m.code] {
			continue
		}
		seen[m.code] = true
		out = append(out, side{code: m.code})
	}
	return out
}

// agentAfter returns the actor after "by" that follows a passive participle.
func (s *state) agentAfter(j int, sent text.Sentence) []side {
	toks := s.doc.Tokens
	hi := sent.First + len(sent.Tokens)
	for k := j; k < hi && k < j+6; k++ {
		if toks[k].Low != "by" {
			continue
		}
		for n := k + 1; n < hi && n < k+6; n++ {
			if m := s.actorAt(n); m >= 0 {
				return []side{s.side(m)}
			}
		}
		return nil
	}
	return nil
}

// side is one resolved event actor.
type side struct {
	code     string
	entity   string
	explicit bool
}

func (s *state) side(m int) side {
	mm := s.mentions[m]
	sd := side{code: mm.code, explicit: true}
	if mm.entity >= 0 {
		sd.entity = "e" + itoa(mm.entity+1)
	}
	return sd
}

// actorAt returns the mention at token k when it can act: a person with a country, a country
// named as such, an agency or an organization with a code. A bare adjective before a common
// noun ("Moroccan students") cannot.
func (s *state) actorAt(k int) int {
	m := s.actorMention(k)
	if m < 0 {
		return -1
	}
	mm := s.mentions[m]
	if mm.code == "" {
		return -1
	}
	if mm.kind == mCountry && mm.adj && strings.HasSuffix(mm.name, "s") && !strings.HasSuffix(mm.name, "ss") && s.lx.Actors.Has(strings.TrimSuffix(mm.name, "s")) {
		return m // a plural demonym names people: "Syrians", "Pakistanis"
	}
	if mm.kind == mCountry && mm.adj {
		// "his Indonesian and Thai counterparts": an adjective before a role stands for its holder.
		e := mm.end
		for e < len(s.doc.Tokens) && (s.doc.Tokens[e].Low == "and" || s.mentionAt(e) != nil && s.mentionAt(e).adj) {
			e++
		}
		if e < len(s.doc.Tokens) {
			if _, ok := s.lx.Titles.Longest(s.doc.Tokens, e); ok || s.doc.Tokens[e].Low == "counterparts" || s.doc.Tokens[e].Low == "counterpart" {
				return m
			}
		}
		return -1
	}
	return m
}

// eventSources finds who acted: the subject before the trigger, else the agent after "by",
// else, for rescues and arrests by unnamed agents, the country the sentence places them in.
func (s *state) eventSources(i int, sent text.Sentence, typ string) []side {
	// "officials said the boat was ... and called on": a verb joined by "and" shares the
	// speaker as its subject; otherwise the speaker is not the actor of the reported clause.
	coordinatedVerb := i > sent.First && s.doc.Tokens[i-1].Low == "and"
	if src := s.subjectBefore(i, sent, !coordinatedVerb); len(src) > 0 {
		return src
	}
	if src := s.agentAfter(i+1, sent); len(src) > 0 {
		return src
	}
	if typ == "AID" || typ == "COERCE" {
		if c := s.placeCountry(sent); c != "" {
			return []side{{code: c}}
		}
	}
	return nil
}

// coordinated returns the actors joined by "and" or "," to the mention that starts at k,
// walking backwards (dir -1) or forwards (dir 1).
func (s *state) coordinated(k, dir, limit int) []side {
	toks := s.doc.Tokens
	var out []side
	j := k
	for {
		j += dir
		if j < 0 || j >= len(toks) || (dir < 0 && j < limit) || (dir > 0 && j >= limit) {
			return out
		}
		if toks[j].Low != "and" && toks[j].Text != "," {
			return out
		}
		n := j + dir
		if n < 0 || n >= len(toks) {
			return out
		}
		m := s.actorAt(n)
		if m < 0 {
			return out
		}
		out = append(out, s.side(m))
		if dir < 0 {
			j = s.mentions[m].start
		} else {
			j = s.mentions[m].end - 1
		}
	}
}

// eventTargets finds whom the act was aimed at: the nearest actor after the trigger, with
// actors joined to it; for material acts without one, the source's own country.
func (s *state) eventTargets(j int, sent text.Sentence, rule lexicon.EventRule, typ string, sources []side) []side {
	hi := sent.First + len(sent.Tokens)
	toks := s.doc.Tokens
	for k := j; k < hi; k++ {
		if s.inQuote[k] {
			break
		}
		// "jailed four people for smuggling them to the UK": whom an arrest or a deportation
		// acts on is its object, not a place named after it.
		if personalModes[rule.Mode] && objectEnds[toks[k].Low] {
			break
		}
		// "denied these claims and maintains ... Italy": a verbal act's target stands in its
		// own clause.
		if !materialTypes[typ] && k > j && (clauseEnds[toks[k].Low] || toks[k].Low == "and" && s.clauseVerbAt(k+1, hi)) {
			break
		}
		m := s.actorAt(k)
		if m < 0 && personalModes[rule.Mode] {
			// "the deportation of 11 Syrian nationals": the people's nationality.
			if mm := s.actorMention(k); mm >= 0 && s.mentions[mm].kind == mCountry && s.mentions[mm].code != "" {
				m = mm
			}
		}
		if m < 0 {
			continue
		}
		sd := s.side(m)
		// "immigrants from Mexico": an origin, not the one acted on.
		if p := s.prevWord(s.mentions[m].start, sent.First); (p == "from" || p == "of" && s.mentions[m].kind == mCountry) && !s.delegationOf(s.mentions[m].start, p) {
			k = s.mentions[m].end - 1
			continue
		}
		if sd.code == sources[0].code && !materialTypes[typ] {
			k = s.mentions[m].end - 1
			continue
		}
		out := []side{sd}
		out = append(out, s.coordinated(s.mentions[m].end-1, 1, hi)...)
		return out
	}
	if materialTypes[typ] {
		if c := s.placeCountry(sent); c != "" {
			return []side{{code: c}}
		}
		// An organization's aid lands somewhere: in the country the report is about.
		if !s.isCountry(sources[0].code) {
			return []side{{code: s.focusCountry()}}
		}
		return []side{{code: sources[0].code}}
	}
	return []side{{}}
}

// personalModes act on people, whose country is named in the object itself.
var personalModes = set("arrest", "deport")

// objectEnds close the object of a verb.
var objectEnds = set("to", "for", "in", "at", "from", "after", "over", "with", "on", "into", "because", "as", "who", "which", "that", "while")

// determiners before a verb form make it a noun.
var determiners = set("the", "a", "an", "this", "these", "those", "its", "their", "his", "her")

// clauseEnds close the clause of a verbal act before its target is found.
var clauseEnds = set("but", "because", "while", "although", "which", "who", ";")

// notVerbs end in -s or -ed without being finite verbs.
var notVerbs = set("its", "is", "his", "this", "as", "us", "has", "was", "less", "across", "various", "several", "needed", "red")

// clauseVerbAt reports whether the word at k looks like a finite verb that opens a new clause
// after "and": "denied these claims and maintains".
func (s *state) clauseVerbAt(k, hi int) bool {
	if k >= hi {
		return false
	}
	t := s.doc.Tokens[k]
	w := t.Low
	return t.Kind == text.Word && !t.IsCap() && !notVerbs[w] && s.actorAt(k) < 0 &&
		(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// nounHeads after a bare verb form show it modifies a noun: "rescue efforts".
var nounHeads = set("official", "officials", "efforts", "effort", "operation", "operations", "boat", "boats", "ship",
	"ships", "mission", "missions", "workers", "worker", "team", "teams", "services", "service", "vessel", "vessels",
	"crew", "crews", "centre", "center", "centres", "centers", "zone", "area", "group", "groups", "organisation",
	"organization", "agency", "charity", "charities", "plan", "policy", "flight", "flights", "camp", "camps", "coordination", "station")

// nominal reports whether a bare verb form at [i, j) is used as a noun.
func (s *state) nominal(i, j, lo int) bool {
	toks := s.doc.Tokens
	if j < len(toks) && nounHeads[toks[j].Low] {
		return true
	}
	if i > lo {
		switch toks[i-1].Low {
		case "the", "a", "an", "this", "that", "its", "their", "his", "her", "and", "of", "for", "after", "before", "during", "in":
			return true
		}
	}
	return false
}

// prevWord returns the word before token k, skipping determiners: "on the EU" gives "on".
func (s *state) prevWord(k, lo int) string {
	toks := s.doc.Tokens
	for p := k - 1; p >= lo; p-- {
		switch toks[p].Low {
		case "the", "a", "an", "its", "their", "his", "her":
			continue
		}
		return toks[p].Low
	}
	return ""
}

// placeCountry returns the country a sentence places its action in: "off Indonesia's Aceh".
func (s *state) placeCountry(sent text.Sentence) string {
	for k := sent.First; k < sent.First+len(sent.Tokens); k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || m.adj || k == 0 {
			continue
		}
		switch s.prevWord(k, sent.First) {
		case "in", "off", "at", "near", "into", "inside", "on", "along", "across":
			return m.code
		}
	}
	return ""
}

// location returns the place a sentence names after "in": "in Madrid".
func (s *state) location(sent text.Sentence) string {
	toks := s.doc.Tokens
	for k := sent.First + 1; k < sent.First+len(sent.Tokens); k++ {
		if toks[k-1].Low != "in" {
			continue
		}
		if m := s.mentionAt(k); m != nil && m.kind == mCountry && !m.adj {
			return m.name
		}
	}
	return ""
}

// eventDate is the date of the sentence, else the date the text last named, else the
// publication date, marked as inferred.
func (s *state) eventDate(i int) (string, bool) {
	if d := s.explicitTime(i, true); d != "" {
		return d, false
	}
	if d := s.leadTime(i); d != "" {
		return d, false
	}
	if s.published != "" {
		return s.published, true
	}
	return "", false
}
