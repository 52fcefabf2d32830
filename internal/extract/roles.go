package extract

import (
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/text"
)

// side is one resolved event actor.
type side struct {
	code     string
	entity   string
	explicit bool
	node     int    // the tree node that named it, -1 for a place or the report's focus
	how      string // the relation or rule that gave it: "nsubj", "obl:agent", "place"
	people   bool   // unnamed people of a nationality ("60 Sudanese"), not a state acting
	demonym  bool   // named by a nationality adjective or demonym, not by a name
	civil    bool   // people, not a state's agents: "demonstrators in Baghdad", "Palestinian youths"
}

// namedSide reports whether a side was named in the text rather than inferred from a place.
func namedSide(sides []side) bool {
	for _, sd := range sides {
		if sd.node >= 0 || sd.explicit {
			return true
		}
	}
	return false
}

// codeAct resolves an act's roles, date and place, and records one event per source and
// target pair.
func (s *state) codeAct(a *act, seen map[string]bool) {
	typ := a.typ
	if a.refused {
		switch {
		case typ == "REJECT" || typ == "THREATEN":
			return
		case conflictTypes[typ]:
			typ = "AGREE" // "will not deport them": a promise
		default:
			typ = "REJECT" // "will not accept", "has no intention of granting"
		}
	} else if a.future {
		switch {
		case a.cond || conflictTypes[typ]:
			if typ != "REJECT" {
				typ = "THREATEN" // "will close the border unless ..."
			}
		case cooperativeTypes[typ]:
			typ = "AGREE"
		default:
			return // "will ask", "would accuse": a statement not yet made
		}
	}
	a.typ = typ
	sources, unnamed := s.sources(a)
	placed := len(sources) == 0 // the source is where the act happens, not a name
	if len(sources) == 0 && unnamed && materialTypes[typ] {
		// "were arrested", "the coastguard rescued 26": an unnamed state agent acts for
		// the country where the act happens. Violence by an unnamed hand is coded only
		// where its own clause places it ("killed by a bomb in Beirut").
		if typ != "ASSAULT" {
			if c := s.actingCountry(a); c.code != "" {
				sources = []side{c}
			}
		} else if c, ok := s.clausePlace(a); ok {
			sources = []side{c}
		}
	}
	// "protests broke out": the people of the place where they happen protest.
	if len(sources) == 0 && unnamed && typ == "PROTEST" && a.nominal {
		if c := s.actingCountry(a); c.code != "" {
			sources = []side{c}
		}
	}
	if len(sources) == 0 {
		return
	}
	// "demonstrators blocked a road": people, not a state's agents, protest.
	if c := a.rule.Frame.Civil; c != "" && allCivil(sources) {
		typ = c
		a.typ = typ
	}
	// "warned that the deal could see people deported": a warning about someone else's act
	// is a complaint, not a threat.
	if f := a.rule.Frame.Other; f != "" && typ == a.rule.Type && s.reportsOther(a, sources) {
		typ = f
		a.typ = typ
	}
	targets := s.targets(a, sources)
	// "Mattresses were being delivered": an act on things whose frame says where its
	// receiver stands, with neither side named, is no state's act on another.
	if placed && len(a.rule.Frame.Target) > 0 && !a.rule.Frame.People && !a.rule.Frame.Self && !namedSide(targets) {
		return
	}
	date, inferred, dateNode := s.actDate(a)
	loc := s.actLocation(a, targets)
	type pair struct{ src, tgt side }
	var pairs []pair
	for _, src := range sources {
		for _, tgt := range targets {
			pairs = append(pairs, pair{src, tgt})
		}
	}
	// "Canada and Mexico signed a deal", "London and Paris have been negotiating": joint
	// subjects of an act with no other side, or of a symmetric one, act with each other.
	if len(sources) > 1 && (link.Symmetric[typ] || mutualTypes[typ] && len(targets) == 1 && targets[0].code == "") {
		for k := 1; k < len(sources); k++ {
			pairs = append(pairs, pair{sources[0], sources[k]})
		}
	}
	toks := s.doc.Tokens
	for _, p := range pairs {
		src, tgt := p.src, p.tgt
		if tgt.how == "source's country" && s.isCountry(src.code) {
			tgt.code = src.code // each of "Thailand, Malaysia and Indonesia" at home
		}
		// Verbal acts are aimed at someone else, unless they fall on people at home.
		if tgt.code == "" && !((a.rule.Frame.Alone || typ == "REQUEST" && s.appealFor(a)) && len(targets) == 1) || src.code == "" ||
			tgt.code != "" && src.code == tgt.code && !materialTypes[typ] && !a.rule.Frame.Self && !a.rule.Frame.People {
			continue
		}
		key := typ + "|" + src.code + "|" + tgt.code + "|" + date
		if s.caption(a.si) {
			key = "caption|" + key // the running text's mention of the act is kept first (dropRepeatedMentions)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		ev := record.Event{Type: typ, Mode: a.rule.Mode, Contexts: a.rule.Contexts, Trigger: s.span(a.tr.i, a.tr.j), Location: loc}
		ev.Source = record.Actor{Actor: src.code, Entity: src.entity}
		ev.Target = record.Actor{Actor: tgt.code, Entity: tgt.entity}
		if date != "" {
			d := date
			ev.Date = &d
			ev.DateInferred = inferred
		}
		ev.Evidence = s.evidence(toks[a.tr.i].Sent)
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
		if s.explain {
			uses := []use{s.tokUse("trigger", a.tr.i, a.tr.j)}
			uses = append(uses, a.why...)
			uses = append(uses, s.sideUse("source", a, src), s.sideUse("target", a, tgt))
			if dateNode >= 0 {
				uses = append(uses, s.nodeUse(a.t, "date", dateNode))
			}
			voice := "active"
			switch {
			case a.nominal:
				voice = "nominal"
			case a.passive:
				voice = "passive"
			}
			ev.Explain = s.why("frame "+a.frame+" ("+voice+")", uses...)
		}
		s.events = append(s.events, ev)
	}
}

// appealFor reports whether a request names what it asks for and no one it asks ("appealed for
// $26m in aid", "joined the call for a solution"): an appeal to no one in particular, coded
// with an empty target.
func (s *state) appealFor(a *act) bool {
	t := a.t
	heads := []int{a.n}
	if a.nominal && a.verb >= 0 {
		heads = append(heads, a.verb) // "joined the call for", with "for" hung on the verb
	}
	for _, h := range heads {
		for _, d := range t.under(h, "") {
			if r := t.Tokens[d].Rel; (r == "obl" || r == "nmod") && d > a.n && t.hasMark(d, "for") {
				return true
			}
		}
	}
	return false
}

// mutualTypes are acts that joint subjects do with each other when no one else is named:
// "Jordan and Britain agreed to", "Canada and Mexico signed".
var mutualTypes = set("AGREE", "SUPPORT", "CONSULT", "COOPERATE")

// reportsOther reports whether the clause a trigger reports (its ccomp) has a subject that is
// not one of the sources.
func (s *state) reportsOther(a *act, sources []side) bool {
	t := a.t
	c := t.child(a.n, "ccomp")
	if c < 0 {
		// "warned in a letter seen by the press that ...": a that-clause may hang lower.
		for _, d := range t.under(a.n, "") {
			for _, e := range append([]int{d}, t.under(d, "")...) {
				if r := t.Tokens[e].Rel; c < 0 && (r == "ccomp" || r == "acl" || r == "advcl") && t.hasMark(e, "that") {
					c = e
				}
			}
		}
	}
	if c < 0 {
		return false
	}
	subj := t.child(c, "nsubj")
	if subj < 0 {
		return true
	}
	// The subject or a name in apposition to it ("France, the UK" misread).
	for _, n := range append([]int{subj}, t.under(subj, "appos")...) {
		for _, sd := range s.actorsOf(t, n, "nsubj") {
			for _, src := range sources {
				if sd.code == src.code {
					return false
				}
			}
		}
	}
	return true
}

// nodeUse is the use of a tree node's word in a role.
func (s *state) nodeUse(t *sentTree, role string, n int) use {
	k := t.text(n)
	return s.tokUse(role, k, k+1)
}

// sideUse is the use of the words that named an actor.
func (s *state) sideUse(role string, a *act, sd side) use {
	if sd.node < 0 {
		return use{role: role + ": " + sd.how + " " + sd.code, start: -1}
	}
	k := a.t.text(sd.node)
	if m := s.actorMention(k); m >= 0 {
		mm := s.mentions[m]
		return s.tokUse(role+": "+sd.how, mm.start, mm.end)
	}
	return s.tokUse(role+": "+sd.how, k, k+1)
}

// dropVagueSelfActs drops "Greece arrested 9" coded as GRC -> GRC when the report also says
// whom Greece arrested ("nine Egyptians were arrested": GRC -> EGY) in an act of the same mode.
func (s *state) dropVagueSelfActs() {
	specific := map[string]bool{}
	sameSentence := map[string]bool{}
	for _, e := range s.events {
		if e.Source.Actor != e.Target.Actor {
			specific[e.Type+"|"+e.Mode+"|"+e.Source.Actor] = true
			sameSentence[e.Type+"|"+e.Mode+"|"+e.Source.Actor+"|"+itoa(e.Evidence.Start)] = true
		}
	}
	out := s.events[:0]
	for _, e := range s.events {
		key := e.Type + "|" + e.Mode + "|" + e.Source.Actor
		// People of several nationalities are also coded at home in their own sentence.
		if e.Type == "COERCE" && e.Source.Actor == e.Target.Actor && specific[key] && !sameSentence[key+"|"+itoa(e.Evidence.Start)] {
			continue
		}
		out = append(out, e)
	}
	s.events = out
}

// sources finds who acted: the frame's source, else the subject (the agent of a passive),
// shared through coordination and control; for a noun, its possessor, nationality or
// by-phrase, else the subject of the verb that carries it. With no actor, unnamed tells
// whether the act may still be a state's: it has no subject, or its subject is an unnamed
// state agent ("the coastguard", "police"), not a named non-state actor or a common noun.
func (s *state) sources(a *act) (out []side, unnamed bool) {
	t := a.t
	if len(a.rule.Frame.Source) > 0 {
		for _, arg := range a.rule.Frame.Source {
			for _, n := range s.argNodes(a, arg) {
				if out := s.actorsOf(t, n, arg.String()); len(out) > 0 {
					return s.statesOnly(a, out), false
				}
			}
		}
		return nil, false
	}
	if a.nominal && !a.rule.Frame.Adverbial {
		for _, d := range t.under(a.n, "") {
			r := t.Tokens[d].Rel
			if r == "nmod:poss" || r == "amod" || r == "compound" || r == "nmod" && t.hasMark(d, "by") {
				if out := s.actorsOf(t, d, r); len(out) > 0 {
					return s.statesOnly(a, out), false
				}
			}
		}
		// "talks began", "arrests rose": the noun is the subject, so no one else is.
		if a.verb < 0 || syntax.RelIs(t.Tokens[a.n].Rel, "nsubj") {
			return nil, true
		}
	}
	n, how := s.subjectOf(a, a.verb, a.passive)
	if a.quoted {
		// Inside a quotation only "we" and "I" are sure: they are the speaker's side.
		if n < 0 || !firstPerson(t.Tokens[n].Form) {
			return nil, false
		}
		if sd, ok := s.speakerSide(a.tr.i); ok {
			sd.node, sd.how = n, how+" (the speaker)"
			return []side{sd}, false
		}
		return nil, false
	}
	if n < 0 {
		// The parser found no subject: take an actor that stands just before the verb
		// with nothing between to govern it ("Portugal offered" read as an adverb).
		if !a.passive && a.verb >= 0 {
			if sd, ok := s.subjectBefore(a); ok {
				return s.statesOnly(a, []side{sd}), false
			}
		}
		return nil, true
	}
	out = s.actorsOf(t, n, how)
	if len(out) == 0 && s.agencyNoun(t, n) {
		// "the Calais police", "the Lampedusa coastguard": an agency named by its town acts
		// for the town's country.
		for _, d := range t.under(n, "compound") {
			if t.Tokens[d].UPOS == "PROPN" {
				if p, ok := s.placeNode(t, d); ok {
					p.how = how + " compound " + p.how
					return []side{p}, false
				}
			}
		}
	}
	if len(out) == 0 {
		// Violence by an unnamed hand ("killed by a roadside bomb") may still be placed;
		// harm done by an accident ("a shipwreck that killed 78") is no one's act.
		return nil, s.agencyNoun(t, n) || a.typ == "ASSAULT" && s.actorMention(t.text(n)) < 0 && !s.modalNode(t, "accident", n)
	}
	return s.statesOnly(a, out), false
}

// subjectBefore returns the actor whose mention ends the words before the act's verb in its
// sentence, when no verb, clause word, punctuation or preposition stands between them or
// before it.
func (s *state) subjectBefore(a *act) (side, bool) {
	t := a.t
	toks := s.doc.Tokens
	first := s.doc.Sents[a.si].First
	// Up the verbs that share the subject: "offered to take in".
	x := a.verb
	for steps := 0; steps < 8 && (t.Tokens[x].Rel == "xcomp" || t.Tokens[x].Rel == "conj") && t.Head(x) >= 0; steps++ {
		x = t.Head(x)
	}
	v := t.text(x)
	for k := v - 1; k >= first; k-- {
		if n := t.syn(k); n >= 0 && syntax.RelIs(t.Tokens[n].Rel, "aux") {
			continue // "has offered"
		}
		m := s.actorMention(k)
		if m < 0 {
			w := toks[k].Low
			if toks[k].Kind != text.Word || isRelative(w) || s.lx.Stop[w] && !(w == "the") || isVerb(t.Tokens[t.syn(k)].UPOS) {
				return side{}, false
			}
			continue // "Greek coastguards rescued": a noun after the nationality
		}
		mm := s.mentions[m]
		if mm.code == "" || mm.start > first && subjectPreps[s.prevWord(mm.start, first)] {
			return side{}, false
		}
		sd := s.side(m)
		sd.node, sd.how = t.syn(k), "the actor before the verb"
		if mm.kind == mCountry && mm.adj {
			sd.entity = ""
		}
		return sd, true
	}
	return side{}, false
}

func firstPerson(w string) bool {
	switch strings.ToLower(w) {
	case "we", "i":
		return true
	}
	return false
}

// speakerSide returns the country or organization of the speaker of the quotation that holds
// token k.
func (s *state) speakerSide(k int) (side, bool) {
	at := s.doc.Runes(s.doc.Tokens[k].Start)
	for _, q := range s.quotes {
		for _, sp := range q.Spans {
			if at < sp.Start || at >= sp.End {
				continue
			}
			var e int
			if q.Speaker.Entity == "" || !strings.HasPrefix(q.Speaker.Entity, "e") {
				return side{}, false
			}
			for _, c := range q.Speaker.Entity[1:] {
				e = e*10 + int(c-'0')
			}
			if e < 1 || e > len(s.entities) {
				return side{}, false
			}
			ent := s.entities[e-1]
			code := ent.country
			if ent.typ != "person" && ent.code != "" {
				code = ent.code
			}
			if code == "" {
				return side{}, false
			}
			return side{code: code, entity: q.Speaker.Entity, explicit: true}, true
		}
	}
	return side{}, false
}

// agencyNoun reports whether node n is a common noun for a state's agents: "the coastguard",
// "police", "authorities" (lexicon data agencies.txt).
func (s *state) agencyNoun(t *sentTree, n int) bool {
	tok := t.Tokens[n]
	if !isNoun(tok.UPOS) || tok.UPOS == "PROPN" && s.actorMention(t.text(n)) >= 0 {
		return false
	}
	return s.lx.Agencies.Has(tok.Form) || s.lx.Agencies.Has(tok.Lemma)
}

// actingCountry returns the country of an unnamed state agent: where its clause places the
// act, else the country whose agency the text named last, else a place the sentence names,
// else the country the report is most about.
func (s *state) actingCountry(a *act) side {
	if p, ok := s.clausePlace(a); ok {
		return p
	}
	if p, ok := s.actGazetteerPlace(a); ok {
		return p
	}
	if c := s.recentAgency(a.tr.i); c != "" {
		return side{code: c, node: -1, how: "agency named before"}
	}
	if c := s.placeCountry(s.doc.Sents[a.si]); c != "" {
		return side{code: c, node: -1, how: "place in sentence"}
	}
	if c := s.recentPlace(a.si); c != "" {
		return side{code: c, node: -1, how: "place named before"}
	}
	if c := s.datelineCountry(); c != "" && c != s.destination(a) {
		return side{code: c, node: -1, how: "dateline"}
	}
	// Whoever sent people "back to Turkey" is not Turkey.
	if dest := s.destination(a); dest != "" {
		return side{code: s.focusCountryBut(dest), node: -1, how: "report's focus, not the destination"}
	}
	return side{code: s.focusCountry(), node: -1, how: "report's focus"}
}

// datelineCountry returns the country of the place the report is filed from ("ATHENS –"),
// or "".
func (s *state) datelineCountry() string {
	d := s.dateline()
	if d == "" {
		// "ATHENS At least 42 people...": a place in capitals opens the text.
		toks := s.doc.Tokens
		k := 0
		for k < len(toks) && k < 3 && toks[k].Kind == text.Word && len(toks[k].Text) > 1 && isAllCaps(toks[k].Text) {
			k++
		}
		if k == 0 {
			return ""
		}
		d = s.span(0, k)
	}
	if m := s.mentionAt(0); m != nil && m.kind == mCountry && s.isCountry(m.code) {
		return m.code
	}
	if g, err := geo.Default(); err == nil {
		ranked := s.rankCountries()
		if p, ok := g.Lookup(d, ranked[:len(ranked)-1]); ok && len(p.Country) == 3 {
			return p.Country
		}
	}
	return ""
}

// recentPlace returns the country that a place phrase of one of the three sentences before
// sentence si names ("off Lesbos", "in Greece"): where the story stands.
func (s *state) recentPlace(si int) string {
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		if c := s.placeCountry(s.doc.Sents[k]); c != "" {
			return c
		}
	}
	return ""
}

// destination returns the country an act sends people to ("shipped back to Turkey"), or "".
func (s *state) destination(a *act) string {
	t := a.t
	bases := []int{a.n}
	bases = append(bases, t.under(a.n, "advmod")...) // "back to Turkey"
	bases = append(bases, t.under(a.n, "compound:prt")...)
	for _, b := range bases {
		for _, d := range t.under(b, "obl") {
			if t.hasMark(d, "to") || t.hasMark(d, "into") {
				if sd, ok := s.actorAtNode(t, d, "destination"); ok {
					return sd.code
				}
			}
		}
	}
	return ""
}

// actGazetteerPlace returns the country of the place the act's sentence names after a
// preposition of place ("off Dunkirk", "in Molndal, near Gothenburg"), from the gazetteer of
// places (package geo).
func (s *state) actGazetteerPlace(a *act) (side, bool) {
	g, err := geo.Default()
	if err != nil {
		return side{}, false
	}
	sent := s.doc.Sents[a.si]
	ranked := s.rankCountries()
	m, ok := g.Find(s.doc.Text[sent.Start:sent.End], ranked[:len(ranked)-1]) // without the last, empty one
	// Where people were sent ("returned to Algeria") is not where the act happened.
	if !ok || len(m.Place.Country) != 3 || m.Place.Country == s.destination(a) {
		return side{}, false
	}
	return side{code: m.Place.Country, node: -1, how: "place " + m.Place.Name}, true
}

// recentAgency returns the country of the last state agency named before token k, in the
// same sentence or the four before it: "Greek coastguards ... The coastguard rescued 26".
func (s *state) recentAgency(k int) string {
	sent := s.doc.Tokens[k].Sent
	for m := len(s.mentions) - 1; m >= 0; m-- {
		mm := s.mentions[m]
		if mm.start >= k {
			continue
		}
		if s.doc.Tokens[mm.start].Sent < sent-4 {
			break
		}
		if (mm.kind == mAgency || mm.kind == mOrg && mm.orgType == "agency") && s.isCountry(mm.code) {
			return mm.code
		}
	}
	return ""
}

// statesOnly drops unnamed people from the sources of a verbal act: "two Syrians had requested
// a return" is not Syria asking. They may protest, and they may suffer material acts.
func (s *state) statesOnly(a *act, in []side) []side {
	if a.typ == "PROTEST" {
		return in
	}
	out := in[:0:0]
	for _, sd := range in {
		if !sd.people {
			out = append(out, sd)
		}
	}
	return out
}

// subjectOf returns the subject of verb v (the agent when passive), looking up through the
// verbs that share it: a conjunct ("arrested and deported"), a controller ("agreed to meet"),
// the noun a participle or relative clause describes ("police officers who detained"); -1
// when there is none.
func (s *state) subjectOf(a *act, v int, passive bool) (int, string) {
	t := a.t
	x := v
	for steps := 0; x >= 0 && steps < 8; steps++ {
		if passive {
			if ag := t.child(x, "obl:agent"); ag >= 0 {
				return ag, "obl:agent"
			}
			if t.mainAcl(x) {
				return -1, ""
			}
			if x == v && t.Tokens[x].Rel != "conj" && t.Tokens[x].Rel != "xcomp" {
				return -1, ""
			}
		} else if t.mainAcl(x) {
			return t.Head(x), "nsubj (the noun before the verb)"
		} else if subj := t.child(x, "nsubj"); subj >= 0 {
			st := t.Tokens[subj]
			if st.UPOS == "PRON" && isRelative(st.Form) && t.Tokens[x].Rel == "acl:relcl" {
				return t.Head(x), "nsubj (relative)"
			}
			return subj, "nsubj"
		}
		h := t.Head(x)
		if h < 0 {
			return -1, ""
		}
		switch rel := t.Tokens[x].Rel; {
		case (rel == "advcl" || rel == "conj") && !passive && t.misreadSubject(x) >= 0:
			// "came as Myanmar's navy escorted a boat": the parser read the clause's subject
			// as a phrase of the verb above, with its conjunction for a preposition.
			return t.misreadSubject(x), "nsubj (read as an obl)"
		case rel == "xcomp" && passive:
			// "had to be rescued", "are expected to be deported": the verb above has the
			// people for its subject; the agent is still the one a "by" phrase names.
			x = h
		case rel == "conj", rel == "xcomp":
			x = h
			passive = t.passive(x)
		case rel == "acl" && isNoun(t.Tokens[h].UPOS) && (t.hasMark(x, "to") || t.hasMark(x, "of")):
			// "Hungary's plan to deport", "Hungary has no intention of granting": the one
			// whose intention it is.
			if p := t.child(h, "nmod:poss"); p >= 0 {
				return p, "nmod:poss"
			}
			v := t.Head(h)
			if v < 0 || !isVerb(t.Tokens[v].UPOS) {
				return -1, ""
			}
			x = v
			passive = t.passive(x)
		case rel == "acl" && !passive, rel == "acl:relcl":
			return h, rel
		case rel == "advcl" && !t.hasMark(x, "after") && !t.hasMark(x, "before") && !t.hasMark(x, "since") && !t.hasMark(x, "because"):
			x = h // "..., saying it would", "rescued 40, bringing them ashore"
			passive = t.passive(x)
		default:
			return -1, ""
		}
	}
	return -1, ""
}

// misreadSubject returns the noun that stands just before adverbial clause x as an obl of the
// verb above, introduced by a conjunction ("as", "while", "when", "after", "before", "because",
// "since", "until"): the clause's own subject, which a parser may hang on that verb. -1 when
// there is none or x has a subject.
func (t *sentTree) misreadSubject(x int) int {
	h := t.Head(x)
	if h < 0 || t.child(x, "nsubj") >= 0 || t.child(x, "nsubj:pass") >= 0 || t.child(x, "mark") >= 0 {
		return -1
	}
	for _, d := range t.under(h, "obl") {
		if d >= x || d < h || !isNoun(t.Tokens[d].UPOS) {
			continue
		}
		// Only the noun's own words stand between it and the clause's verb.
		between := false
		for k := d + 1; k < x && !between; k++ {
			between = !t.descends(k, d)
		}
		if between {
			continue
		}
		for _, w := range []string{"as", "while", "when", "after", "before", "because", "since", "until"} {
			if t.hasMark(d, w) {
				return d
			}
		}
	}
	return -1
}

// descends reports whether node k lies in the phrase that node d heads.
func (t *sentTree) descends(k, d int) bool {
	for steps := 0; k >= 0 && steps < len(t.Tokens); steps++ {
		if k == d {
			return true
		}
		k = t.Head(k)
	}
	return false
}

func isRelative(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// defaultTargets are where a target stands when the frame says nothing.
var (
	verbTargets    = mustArgs("obj", "iobj", "obl/with", "obl/to", "obl/against", "obl/on", "obl/upon", "obl/toward", "obl/towards")
	passiveTargets = mustArgs("nsubj:pass", "obl/with", "obl/to", "obl/against", "obl/on")
	nounTargets    = mustArgs("nmod/of", "nmod/with", "nmod/to", "nmod/against", "nmod/on", "nmod/toward", "obl/with", "obl/to")
)

func mustArgs(ss ...string) []lexicon.Arg {
	out := make([]lexicon.Arg, len(ss))
	for i, p := range ss {
		a, err := lexicon.ParseArg(p)
		if err != nil {
			panic(err)
		}
		out[i] = a
	}
	return out
}

// targets finds whom the act was aimed at.
func (s *state) targets(a *act, sources []side) []side {
	if a.rule.Frame.Alone && len(a.rule.Frame.Target) == 0 {
		return []side{{node: -1}} // "resigned": no one else is in it
	}
	args := a.rule.Frame.Target
	switch {
	case len(args) == 0 && a.nominal:
		args = nounTargets
	case len(args) == 0 && a.passive:
		args = passiveTargets
	case len(args) == 0:
		args = verbTargets
	case a.passive && !a.nominal:
		// The frame names the active object; in the passive it is the subject.
		args = append(mustArgs("nsubj:pass"), args...)
	}
	if a.rule.Frame.People {
		// The people are the patient; a destination ("returned to Myanmar") is not theirs.
		pargs := args
		if len(a.rule.Frame.Target) == 0 {
			pargs = args[:1]
		}
		if out := s.peopleTarget(a, pargs); len(out) > 0 {
			return out
		}
	} else {
		for _, arg := range args {
			out := dropCode(s.argActors(a, arg), sources[0].code, materialTypes[a.typ] || a.rule.Frame.Self)
			if len(out) > 0 {
				return out
			}
		}
	}
	// An act on unnamed people ("charged 17 coastguards", "rescued 40 migrants") falls on the
	// country where it happens.
	onPeople := a.rule.Frame.People && (a.nominal || s.hasPatient(a))
	if a.rule.Frame.Alone {
		return []side{{node: -1}} // "surrendered": no one named to surrender to
	}
	if (!materialTypes[a.typ] || a.typ == "MOBILIZE" || a.typ == "RETREAT") && !onPeople {
		// "renewed Morocco's commitment to deepen cooperation with Spain", "called for an
		// investigation into Greece's handling": a verbal act is aimed at whom its content
		// names.
		if out := s.contentActors(a, sources[0].code); len(out) > 0 {
			return out
		}
	}
	if a.typ == "ASSAULT" && !onPeople {
		return []side{{node: -1}} // violence against a thing: "shelled the town"
	}
	if materialTypes[a.typ] || a.rule.Frame.Self || onPeople {
		// Unnamed people take the country where the act happens: its clause's place, else
		// the acting state's own country, else a place the sentence names, else the report's.
		if p, ok := s.clausePlace(a); ok {
			return []side{p}
		}
		if p, ok := s.actGazetteerPlace(a); ok {
			return []side{p}
		}
		if s.isCountry(sources[0].code) {
			return []side{{code: sources[0].code, node: -1, how: "source's country"}}
		}
		if c := s.placeCountry(s.doc.Sents[a.si]); c != "" {
			return []side{{code: c, node: -1, how: "place in sentence"}}
		}
		return []side{{code: s.focusCountry(), node: -1, how: "report's focus"}}
	}
	return []side{{node: -1}}
}

// contentRels lead from a verbal act into what it says or asks: its object, complements and
// the phrases that modify them.
var contentRels = set("obj", "iobj", "obl", "ccomp", "xcomp", "nmod", "nmod:poss", "acl", "amod", "compound", "conj", "nsubj", "appos", "advcl")

// contentActors returns the first actor, other than the source, named in the content of a
// verbal act, breadth first, at most four relations deep.
func (s *state) contentActors(a *act, src string) []side {
	t := a.t
	level := []int{a.n}
	if a.verb >= 0 && a.verb != a.n {
		level = append(level, a.verb)
	}
	seen := map[int]bool{}
	for depth := 0; depth < 4 && len(level) > 0; depth++ {
		var next []int
		for _, x := range level {
			for _, d := range t.under(x, "") {
				r := t.Tokens[d].Rel
				if seen[d] || d == a.n || !contentRels[r] || depth == 0 && (r == "nsubj" || r == "conj") {
					continue
				}
				if r == "obl" && (t.child(d, "case") < 0 || t.hasMark(d, "by")) {
					continue // a time, or the agent
				}
				if r == "advcl" && !t.hasMark(d, "to") {
					continue // only a purpose tells what the act was for
				}
				seen[d] = true
				next = append(next, d)
			}
		}
		for _, d := range next {
			if sd, ok := s.actorAtNode(t, d, "content"); ok && sd.code != src && !sd.people {
				return []side{sd}
			}
		}
		level = next
	}
	return nil
}

// hasPatient reports whether the act names the people it falls on: a personal object ("killed
// 20 soldiers"), or a personal passive subject.
func (s *state) hasPatient(a *act) bool {
	t := a.t
	for _, r := range []string{"obj", "nsubj:pass"} {
		for _, d := range t.under(a.n, r) {
			if r == "nsubj:pass" || !a.passive {
				// A name ("the Commission") is not unnamed people.
				if u := t.Tokens[d].UPOS; u == "NOUN" && !s.doc.Tokens[t.text(d)].IsCap() || u == "PRON" || u == "NUM" {
					return !s.lx.Stop[strings.ToLower(t.Tokens[d].Lemma)] || u == "PRON"
				}
			}
		}
	}
	return false
}

// dropCode drops the actors with code c, unless keep.
func dropCode(in []side, c string, keep bool) []side {
	if keep {
		return in
	}
	out := in[:0:0]
	for _, sd := range in {
		if sd.code != c {
			out = append(out, sd)
		}
	}
	return out
}

// peopleTarget finds the people an act fell on and gives their nationality ("rescued 60
// Sudanese", "the deportation of 11 Syrian nationals"), or a named actor that stands there.
func (s *state) peopleTarget(a *act, args []lexicon.Arg) []side {
	t := a.t
	if a.passive && !a.nominal && t.child(a.n, "nsubj:pass") < 0 && t.Tokens[a.n].Rel != "acl" {
		// The parser lost the passive's subject: the nationalities named before the verb
		// ("202 migrants, mostly Pakistani, were shipped back").
		if out := s.nationalitiesBefore(a); len(out) > 0 {
			return s.withPlace(a, out)
		}
	}
	for k, arg := range args {
		nodes := s.argNodes(a, arg)
		if k == 0 && !a.nominal && !a.passive {
			nodes = append(nodes, s.patients(a)...)
		}
		for _, n := range nodes {
			if out := s.actorsOf(t, n, arg.String()); len(out) > 0 {
				if allDemonyms(out) {
					return s.withPlace(a, out) // "migrants, mostly Syrian and Iraqi"
				}
				return out
			}
			if out := s.nationalities(t, n, arg.String()); len(out) > 0 {
				return s.withPlace(a, out)
			}
		}
	}
	return nil
}

// nationalities returns the nationalities the phrase under node n gives its people: "202
// migrants, mostly Pakistani and Afghan", "migrants from Syria". Clauses inside the phrase and
// its destinations do not count.
func (s *state) nationalities(t *sentTree, n int, how string) []side {
	var out []side
	seen := map[string]bool{}
	var walk func(x, depth int)
	walk = func(x, depth int) {
		if depth > 3 {
			return
		}
		if m := s.actorMention(t.text(x)); m >= 0 {
			mm := s.mentions[m]
			if mm.kind == mCountry && mm.code != "" && !seen[mm.code] && (mm.adj || t.hasMark(x, "from") || t.hasMark(x, "of")) {
				seen[mm.code] = true
				out = append(out, side{code: mm.code, node: x, how: how + " nationality", people: true, demonym: mm.adj})
			}
		}
		for _, d := range t.under(x, "") {
			r := t.Tokens[d].Rel
			switch {
			case r == "amod", r == "appos", r == "conj", r == "compound", r == "parataxis", r == "list", r == "dep",
				(r == "acl" || r == "acl:relcl") && t.Tokens[d].UPOS == "ADJ",
				r == "nmod" && (t.hasMark(d, "from") || t.hasMark(d, "of") || t.hasMark(d, "for") || t.child(d, "case") < 0):
				walk(d, depth+1)
			}
		}
	}
	walk(n, 0)
	return out
}

func allCivil(sds []side) bool {
	for _, sd := range sds {
		if !sd.civil {
			return false
		}
	}
	return len(sds) > 0
}

func allDemonyms(sds []side) bool {
	for _, sd := range sds {
		if !sd.demonym {
			return false
		}
	}
	return true
}

// withPlace adds, to people of several nationalities, the country where the act happens
// (codebook section 3): each nationality is one reading, the place the other.
func (s *state) withPlace(a *act, nats []side) []side {
	if len(nats) < 2 {
		return nats
	}
	if p, ok := s.clausePlace(a); ok {
		return append(nats, p)
	}
	return append(nats, side{node: -1, how: "source's country"})
}

// nationalitiesBefore returns the nationality adjectives that stand before a passive trigger in
// its sentence, not after a preposition ("migrants from Libya" names an origin the tree would
// have given).
func (s *state) nationalitiesBefore(a *act) []side {
	var out []side
	seen := map[string]bool{}
	first := s.doc.Sents[a.si].First
	for k := first; k < a.tr.i; k++ {
		m := s.mentionAt(k)
		if m == nil || m.start != k || m.kind != mCountry || !m.adj || m.code == "" || seen[m.code] {
			continue
		}
		if subjectPreps[s.prevWord(k, first)] {
			continue
		}
		seen[m.code] = true
		out = append(out, side{code: m.code, node: a.t.syn(k), how: "nationality before the verb", people: true})
	}
	return out
}

// argNodes returns the nodes an argument reaches from the act: a relation of the trigger, or,
// for a noun trigger, an obl of the verb that carries it.
func (s *state) argNodes(a *act, arg lexicon.Arg) []int {
	base := a.n
	if a.nominal && arg.Rel == "obl" && a.verb >= 0 {
		base = a.verb
	}
	return a.t.follow(base, arg)
}

// argActors returns the actors an argument reaches.
func (s *state) argActors(a *act, arg lexicon.Arg) []side {
	var out []side
	for _, n := range s.argNodes(a, arg) {
		out = append(out, s.actorsOf(a.t, n, arg.String())...)
	}
	return out
}

// follow returns the dependents of n that an argument names, and below them its next step. A
// prepositional argument of the verb may also hang from its object, as parsers often attach
// it: "provided intelligence to Macedonia".
func (t *sentTree) follow(n int, arg lexicon.Arg) []int {
	var out []int
	for _, d := range t.under(n, "") {
		r := t.Tokens[d].Rel
		if r != arg.Rel {
			continue
		}
		if arg.Case != "" && !t.hasMark(d, arg.Case) {
			continue
		}
		if arg.Next == nil {
			out = append(out, d)
			continue
		}
		out = append(out, t.follow(d, *arg.Next)...)
	}
	// A prepositional phrase may be read as the trigger's obl or nmod: "thanks to X's help".
	if len(out) == 0 && arg.Case != "" && (arg.Rel == "nmod" || arg.Rel == "obl") {
		other := arg
		other.Rel = map[string]string{"nmod": "obl", "obl": "nmod"}[arg.Rel]
		for _, d := range t.under(n, other.Rel) {
			if r := t.Tokens[d].Rel; r == other.Rel && t.hasMark(d, arg.Case) {
				if arg.Next == nil {
					out = append(out, d)
				} else {
					out = append(out, t.follow(d, *arg.Next)...)
				}
			}
		}
	}
	if len(out) == 0 && arg.Rel == "obl" && arg.Case != "" && arg.Next == nil {
		for _, o := range t.under(n, "obj") {
			for _, x := range append([]int{o}, t.under(o, "conj")...) {
				for _, d := range t.under(x, "nmod") {
					if t.hasMark(d, arg.Case) {
						out = append(out, d)
					}
				}
			}
		}
	}
	return out
}

// actorsOf returns the actors that node n names: the actor mention at its word; for a common
// noun ("Greek coastguards", "Spain's interior minister", "officials of Turkey"), the actor
// that modifies it; for a pronoun, its antecedent; with the actors coordinated with it.
func (s *state) actorsOf(t *sentTree, n int, how string) []side {
	var out []side
	seen := map[string]bool{}
	add := func(sd side) {
		if sd.code != "" && !seen[sd.code] {
			seen[sd.code] = true
			out = append(out, sd)
		}
	}
	var one func(x int, depth int)
	one = func(x int, depth int) {
		// "Senior Hungarian and Romanian officials": the nationalities of a common noun
		// name the states it stands for, each of them.
		if isNoun(t.Tokens[x].UPOS) {
			var adj []side
			for _, d := range t.under(x, "amod") {
				for _, c := range append([]int{d}, t.under(d, "conj")...) {
					if sd, ok := s.actorAtNode(t, c, how+" amod"); ok {
						sd.people = false
						adj = append(adj, sd)
					}
				}
			}
			if len(adj) > 1 {
				for _, sd := range adj {
					add(sd)
				}
				return
			}
		}
		if sd, ok := s.actorAtNode(t, x, how); ok {
			add(sd)
		} else if depth == 0 && (isNoun(t.Tokens[x].UPOS) || quantities[t.Tokens[x].UPOS]) {
			if sd, ok := s.apposedName(t, x, how); ok {
				add(sd)
			} else if sd, ok := s.modifierActor(t, x, how); ok {
				add(sd)
				// "Navy ships from Malaysia, Thailand and Indonesia": each of them.
				if sd.node >= 0 {
					for _, c := range t.under(sd.node, "conj") {
						if sc, ok := s.actorAtNode(t, c, sd.how); ok {
							sc.people, sc.civil = false, sd.civil
							add(sc)
						}
					}
				}
			} else if sd, ok := s.definiteAntecedent(t, x, how); ok {
				add(sd)
			}
		}
		for _, c := range t.under(x, "conj") {
			one(c, depth)
		}
	}
	one(n, 0)
	return out
}

// quantities head a noun phrase of people in place of a noun: "thousands of Nigerians",
// "all of Myanmar's leaders".
var quantities = set("NUM", "PRON", "DET")

// apposedName returns the organization that a common noun stands in apposition with: "UNHCR,
// the UN's refugee agency" (the name before the noun, which parsers often leave outside the
// phrase) and "the UN's migration agency, IOM" are that organization, not the UN that
// modifies the noun.
func (s *state) apposedName(t *sentTree, x int, how string) (side, bool) {
	if t.Tokens[x].UPOS == "PRON" || t.Tokens[x].UPOS == "PROPN" {
		return side{}, false
	}
	cands := t.under(x, "")
	// The parser may hang the name on the verb whose subject the noun is.
	if h := t.Head(x); h >= 0 && syntax.RelIs(t.Tokens[x].Rel, "nsubj") {
		cands = append(cands, t.under(h, "")...)
	}
	for _, d := range cands {
		r := t.Tokens[d].Rel
		if !(r == "appos" && t.Head(d) == x || d < x && (r == "discourse" || r == "dep" || r == "vocative")) {
			continue
		}
		if d < x && !s.commaBetween(t.text(d), t.text(x)) {
			continue
		}
		if m := s.actorMention(t.text(d)); m < 0 || s.mentions[m].kind != mOrg && s.mentions[m].kind != mAgency {
			continue // a town in apposition ("the capital Juba") is a place, not the agent
		}
		if sd, ok := s.actorAtNode(t, d, how+" appos"); ok && !sd.demonym {
			return sd, true
		}
	}
	return side{}, false
}

// definiteAntecedent returns the organization that a definite noun repeats the head of: "the
// Commission" after "the European Commission", "the ministry" after "Greece's migration
// ministry", named in this sentence or the three before.
func (s *state) definiteAntecedent(t *sentTree, x int, how string) (side, bool) {
	if !t.hasDet(x, "the") {
		return side{}, false
	}
	k := t.text(x)
	w := s.doc.Tokens[k].Low
	sent := s.doc.Tokens[k].Sent
	for m := len(s.mentions) - 1; m >= 0; m-- {
		mm := s.mentions[m]
		if mm.start >= k {
			continue
		}
		if s.doc.Tokens[mm.start].Sent < sent-3 {
			break
		}
		if (mm.kind == mOrg || mm.kind == mAgency) && mm.code != "" && mm.end-mm.start > 1 && s.doc.Tokens[mm.end-1].Low == w {
			sd := s.side(m)
			sd.node, sd.how = x, how+" (the name it repeats)"
			return sd, true
		}
	}
	return side{}, false
}

// modifierActor returns the actor that modifies a common noun: its nationality ("Greek
// coastguards"), possessor ("Spain's interior minister"), a name compounded with it ("US
// servicemen") or a phrase after it ("officials of Turkey", "police in Jericho").
func (s *state) modifierActor(t *sentTree, x int, how string) (side, bool) {
	for _, d := range t.under(x, "") {
		r := t.Tokens[d].Rel
		// "officials in Vienna" act for Austria, "demonstrators in Cairo" are Egypt's people;
		// people killed "in Nairobi" were only there.
		in := t.hasMark(d, "in") && (s.agencyNoun(t, x) || syntax.RelIs(t.Tokens[x].Rel, "nsubj"))
		if r != "amod" && r != "nmod:poss" && r != "compound" && !(r == "nmod" && (t.hasMark(d, "of") || t.hasMark(d, "from") || in)) {
			continue
		}
		// The modifier itself, or a word of its own name ("Three US servicemen").
		for _, c := range append([]int{d}, t.under(d, "")...) {
			if c != d {
				if cr := t.Tokens[c].Rel; cr != "flat" && cr != "compound" && cr != "amod" {
					continue
				}
			}
			if sd, ok := s.actorAtNode(t, c, how+" "+r); ok {
				sd.people = false
				sd.civil = !s.agencyNoun(t, x) && !s.titleNoun(t, x)
				return sd, true
			}
		}
	}
	return side{}, false
}

// titleNoun reports whether node n is a title that holds an office ("minister", "president").
func (s *state) titleNoun(t *sentTree, n int) bool {
	_, ok := s.lx.Titles.Longest(s.doc.Tokens, t.text(n))
	return ok
}

// actorAtNode returns the actor whose mention holds node n's word, or the antecedent of a
// pronoun.
func (s *state) actorAtNode(t *sentTree, n int, how string) (side, bool) {
	k := t.text(n)
	tok := t.Tokens[n]
	if tok.UPOS == "PRON" {
		return s.antecedent(t, n, how)
	}
	m := s.actorMention(k)
	if m < 0 {
		return side{}, false
	}
	mm := s.mentions[m]
	if mm.code == "" {
		return side{}, false
	}
	sd := s.side(m)
	sd.node, sd.how = n, how
	if mm.kind == mCountry && mm.adj {
		sd.demonym = true
		// A demonym that heads its phrase names people ("60 Sudanese", "two Syrians"); with
		// "the" and no number it may name the nation ("the Palestinians reject").
		if isNoun(tok.UPOS) || syntax.RelIs(tok.Rel, "nsubj") || syntax.RelIs(tok.Rel, "obj") {
			sd.people = t.child(n, "nummod") >= 0 || !t.hasDet(n, "the")
			sd.civil = true
		}
		sd.entity = ""
	}
	return sd, true
}

// antecedent resolves a personal pronoun: the subject of the verb whose reported or joined
// clause holds it ("Turkish authorities said they had stopped ..."), else for "he" and "she"
// the person named last. ("It" and "they" are left alone across sentences: taking the state
// named last made more wrong actors than right ones on the dev reports.)
func (s *state) antecedent(t *sentTree, n int, how string) (side, bool) {
	w := strings.ToLower(t.Tokens[n].Form)
	switch w {
	case "he", "she", "it", "they", "him", "her", "them", "its", "their", "his":
	default:
		return side{}, false
	}
	// Up through the clauses that hold a subject pronoun to a subject that names an actor.
	for x, steps := t.Head(n), 0; x >= 0 && steps < 8 && syntax.RelIs(t.Tokens[n].Rel, "nsubj"); x, steps = t.Head(x), steps+1 {
		rel := t.Tokens[x].Rel
		if subj := t.child(t.Head(x), "nsubj"); (rel == "ccomp" || rel == "conj" || rel == "advcl") && subj >= 0 && subj != n && t.Tokens[subj].UPOS != "PRON" {
			if sd, ok := s.actorAtNode(t, subj, how+" (antecedent)"); ok && !sd.people {
				return sd, true
			}
			if sd, ok := s.modifierActor(t, subj, how+" (antecedent)"); ok {
				return sd, true
			}
			break
		}
		if rel != "ccomp" && rel != "conj" && rel != "advcl" && rel != "xcomp" {
			break
		}
	}
	k := t.text(n)
	if w == "he" || w == "she" || w == "him" || w == "her" || w == "his" {
		if p := s.pronounPerson(k); p >= 0 && s.mentions[p].code != "" {
			sd := s.side(p)
			sd.node, sd.how = -1, how+" (pronoun)"
			return sd, true
		}
		return side{}, false
	}
	return side{}, false
}

// hasDet reports whether node n has the determiner w.
func (t *sentTree) hasDet(n int, w string) bool {
	for _, d := range t.under(n, "det") {
		if strings.EqualFold(t.Tokens[d].Form, w) {
			return true
		}
	}
	return false
}

// side returns mention m as an event actor.
func (s *state) side(m int) side {
	mm := s.mentions[m]
	sd := side{code: mm.code, explicit: true, node: -1}
	if mm.entity >= 0 {
		sd.entity = "e" + itoa(mm.entity+1)
	}
	return sd
}

// placePreps put an act somewhere: "off Libya", "in Greece".
var placePreps = set("in", "off", "at", "near", "inside", "along", "across", "into", "on", "within", "outside")

// clausePlace returns the country a place phrase of the act's clause names: "off Indonesia's
// Aceh province", "near an Italian port".
func (s *state) clausePlace(a *act) (side, bool) {
	t := a.t
	bases := []int{a.n, a.verb}
	// "detained nine smugglers near the Greek border": parsers often hang the place on the
	// object.
	bases = append(bases, t.under(a.n, "obj")...)
	for _, base := range bases {
		if base < 0 {
			continue
		}
		for _, d := range t.under(base, "") {
			r := t.Tokens[d].Rel
			if r != "obl" && r != "nmod" && r != "advmod" {
				continue
			}
			prep := false
			for p := range placePreps {
				if t.hasMark(d, p) {
					prep = true
					break
				}
			}
			if !prep {
				continue
			}
			if sd, ok := s.placeNode(t, d); ok {
				return sd, true
			}
		}
	}
	return side{}, false
}

// placeNode returns the country a place phrase names: its own word, a country that modifies
// it ("Indonesia's Aceh province", "the Turkish coast"), or a place the gazetteer knows ("in
// Molndal").
func (s *state) placeNode(t *sentTree, n int) (side, bool) {
	if m := s.actorMention(t.text(n)); m >= 0 {
		mm := s.mentions[m]
		if mm.kind == mCountry && mm.code != "" {
			return side{code: mm.code, node: n, how: "place"}, true
		}
	}
	for _, d := range t.under(n, "") {
		r := t.Tokens[d].Rel
		if r != "amod" && r != "nmod:poss" && r != "compound" && r != "nmod" {
			continue
		}
		if m := s.actorMention(t.text(d)); m >= 0 {
			mm := s.mentions[m]
			if mm.kind == mCountry && mm.code != "" {
				return side{code: mm.code, node: d, how: "place"}, true
			}
		}
	}
	if t.Tokens[n].UPOS == "PROPN" {
		if g, err := geo.Default(); err == nil {
			// The name with the words compounded into it: "Cabo Verde", "El Hierro".
			first, last := t.text(n), t.text(n)
			for _, d := range t.under(n, "") {
				if r := t.Tokens[d].Rel; (r == "compound" || r == "flat") && t.Tokens[d].UPOS == "PROPN" {
					first, last = min(first, t.text(d)), max(last, t.text(d))
				}
			}
			ranked := s.rankCountries()
			if p, ok := g.Lookup(s.span(first, last+1), ranked[:len(ranked)-1]); ok && len(p.Country) == 3 {
				return side{code: p.Country, node: n, how: "place " + p.Name}, true
			}
		}
	}
	return side{}, false
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

// placeName names the place a side stands for: the gazetteer's name, else its country's.
func (s *state) placeName(sd side) string {
	if n, ok := strings.CutPrefix(sd.how, "place "); ok {
		return n
	}
	return s.lx.Countries[sd.code]
}

// actLocation names the place of an act: where people were sent, else a place its clause
// names, else, for a material act at home, its country, else a country or capital its
// sentence names after "in".
func (s *state) actLocation(a *act, targets []side) string {
	// Where people were sent: "shipped back to Turkey".
	if a.rule.Mode == "deport" {
		if d := s.destination(a); d != "" {
			return s.lx.Countries[d]
		}
	}
	sent := s.doc.Sents[a.si]
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

// actDate dates an act by the time phrase of its own clause (the trigger, the verb that
// carries it, the verbs that govern it; for a promise, also the saying), else by the dates the
// text gave before, else by the publication date (inferred). It also returns the node of the
// time phrase used, or -1.
func (s *state) actDate(a *act) (string, bool, int) {
	d, inferred, node := s.clauseDate(a)
	// "O'Mahoney said last week: '... we have prevented many more today'": a speaker's today
	// is the day they spoke, when the attribution names it.
	if a.quoted && s.quotedNow(a.si) {
		if said, ok := s.sayingTime(a.tr.i); ok {
			return said, false, -1
		}
	}
	return d, inferred, node
}

// quotedNow reports whether every time phrase inside the quotations of sentence si names the
// day of speaking ("today", "this morning"), or there is none.
func (s *state) quotedNow(si int) bool {
	for _, tx := range s.timesOf(si) {
		if tx.start < len(s.inQuote) && s.inQuote[tx.start] && !nowWords[s.doc.Tokens[tx.start].Low] {
			return false
		}
	}
	return true
}

// nowWords start the time phrases that name the day of speaking.
var nowWords = set("today", "tonight", "this", "now")

// sayingTime is the time that the attribution of the quotation holding token i names, outside
// the quotation, in the sentence where the quotation opens or closes: "said last week: '...".
func (s *state) sayingTime(i int) (string, bool) {
	at := s.doc.Runes(s.doc.Tokens[i].Start)
	for _, q := range s.quotes {
		if len(q.Spans) == 0 {
			continue
		}
		in := false
		for _, sp := range q.Spans {
			in = in || at >= sp.Start && at < sp.End
		}
		if !in {
			continue
		}
		sents := s.doc.Sents
		for _, r := range []int{q.Spans[0].Start, q.Spans[len(q.Spans)-1].End - 1} {
			// The sentence that holds rune offset r.
			si := sort.Search(len(sents), func(k int) bool { return s.doc.Runes(sents[k].End) > r })
			if si == len(sents) {
				continue
			}
			for _, tx := range s.timesOf(si) {
				if tx.start < len(s.inQuote) && !s.inQuote[tx.start] {
					return tx.value, true
				}
			}
		}
		return "", false
	}
	return "", false
}

// clauseDate dates an act by its own clause, the text before or the publication (actDate).
func (s *state) clauseDate(a *act) (string, bool, int) {
	t := a.t
	chain := map[int]bool{a.n: true}
	if a.verb >= 0 {
		chain[a.verb] = true
	}
	x := a.verb
	if x < 0 {
		x = a.n
	}
	for steps := 0; x >= 0 && steps < 8; steps++ {
		rel := t.Tokens[x].Rel
		h := t.Head(x)
		if h < 0 {
			break
		}
		if rel == "xcomp" || rel == "conj" || a.future && rel == "ccomp" || rel == "acl" && t.hasMark(x, "to") {
			chain[h] = true
			x = h
			continue
		}
		break
	}
	best, bestD, bestNode := "", 1<<30, -1
	for _, tx := range s.timesOf(a.si) {
		n := t.syn(tx.end - 1)
		// Climb from the time phrase to the clause that holds it.
		for steps := 0; n >= 0 && !chain[n] && steps < len(t.Tokens); steps++ {
			if isVerb(t.Tokens[n].UPOS) {
				break
			}
			n = t.Head(n)
		}
		if n < 0 || !chain[n] {
			continue
		}
		d := tx.start - a.tr.i
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD, bestNode = tx.value, d, t.syn(tx.start)
		}
	}
	if best != "" {
		return best, false, bestNode
	}
	// "picked up this morning": the day of publication.
	if s.published != "" && s.thisMorning(a.si) {
		return s.published, false, -1
	}
	// A caption or heading shows or names the story's act outside the narrative's order: a
	// date of its own sentence dates it, else the day of publication, never a day the text
	// before it named.
	if s.caption(a.si) {
		if d := s.explicitTime(a.tr.i, false); d != "" {
			return d, false, -1
		}
		if s.published != "" {
			return s.published, true, -1
		}
	}
	d, inferred := s.eventDate(a.tr.i)
	// A date after publication dates a plan, not a done act.
	if !a.future && s.published != "" && d > s.published && !strings.HasPrefix(s.published, d) {
		return s.published, true, -1
	}
	return d, inferred, -1
}

// thisMorning reports whether sentence si names a part of the day of publication ("this
// morning", "this afternoon"), which the time expressions leave out.
func (s *state) thisMorning(si int) bool {
	toks := s.doc.Sents[si].Tokens
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Low == "this" {
			switch toks[k+1].Low {
			case "morning", "afternoon", "evening":
				return true
			}
		}
	}
	return false
}

// eventDate is the date of the sentence, else the date the text last named, else the
// publication date, marked as inferred.
func (s *state) eventDate(i int) (string, bool) {
	if d := s.explicitTime(i, false); d != "" {
		return d, false
	}
	if d := s.carriedDate(i); d != "" {
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

// carriedDate is the last day, or month with its year ("In November 2020, ..."), the text
// named before the sentence of token i, outside quotations: a speaker's "this morning" or
// "yesterday" counts from the day they spoke, which the text need not give, so it dates no
// act the narrative reports after it; a month without its year ("elections scheduled for
// November") is background resolved by a guess, not the time the story is set in.
func (s *state) carriedDate(i int) string {
	toks := s.doc.Tokens
	sent := toks[i].Sent
	if d := s.antecedentTime(sent); d != "" {
		return d
	}
	last := ""
	for _, tx := range s.times {
		ts := toks[tx.start].Sent
		if ts >= sent {
			break
		}
		if (len(tx.value) == 10 || len(tx.value) == 7 && s.namesYear(tx)) && !(tx.start < len(s.inQuote) && s.inQuote[tx.start]) &&
			!s.backgroundSentence(ts) {
			last = tx.value
		}
	}
	return last
}

// backgroundSentence reports whether sentence si sets what is told against an earlier event
// rather than moving the story on, so that its date dates no later sentence: a caption or
// heading, a paragraph of one sentence with no full stop; a sentence whose main clause is
// "it comes after", "this follows", "the move came as" (background verbs in modality.tsv).
func (s *state) backgroundSentence(si int) bool {
	if s.caption(si) {
		return true
	}
	toks := s.doc.Sents[si].Tokens
	for k := 1; k+1 < len(toks) && k < 6; k++ {
		if s.lx.Modal("background", toks[k].Low) {
			switch toks[k+1].Low {
			case "after", "as", "amid", "days", "weeks", "months", "just", "hours", "a", "only":
				return true
			}
		}
	}
	return false
}

// caption reports whether sentence si is a caption or a heading: a paragraph of one sentence
// with no full stop ("Migrants are brought into Dover on Wednesday (pictured)").
func (s *state) caption(si int) bool {
	sent := s.doc.Sents[si]
	toks := sent.Tokens
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	return !sent.Cut && !sentenceEnds[last.Text] && (si+1 >= len(s.doc.Sents) || s.doc.Sents[si+1].Para != sent.Para) &&
		(si == 0 || s.doc.Sents[si-1].Para != sent.Para)
}

// sentenceEnds are the tokens that end a sentence of running text; a caption ends with a word
// or "(pictured)".
var sentenceEnds = set(".", "!", "?", "…", "'", "\"", "”", "’", ":", ";")

// namesYear reports whether time expression tx writes its year out ("November 2020").
func (s *state) namesYear(tx timex) bool {
	for k := tx.start; k < tx.end && k < len(s.doc.Tokens); k++ {
		if w := s.doc.Tokens[k].Text; len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "" {
			return true
		}
	}
	return false
}
