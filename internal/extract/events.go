package extract

import (
	"strings"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/text"
)

// Event coding reads each sentence that holds a trigger (lexicon data en/events.tsv) on its
// dependency tree: the trigger's frame says which relations give the source and the target;
// the code here knows the constructions that every frame shares: voice, nominal triggers and
// the verbs that carry them ("held talks"), coordination, control ("agreed to meet"),
// negation and modality, reported speech and subordinate clauses.

// materialTypes act on the world, so they may act at home ("Moroccan police detained 466
// suspects" is MAR -> MAR); verbal types need a target other than their source.
var materialTypes = set("COERCE", "AID", "MOBILIZE", "ASSAULT", "RETREAT")

// cooperativeTypes become AGREE when they are promised rather than done; conflictual ones
// become THREATEN (codebook section 5; PLOVER's THREATEN covers intended coercion).
var cooperativeTypes = set("CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "CONCEDE", "RETREAT")
var conflictTypes = set("COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST", "REJECT", "THREATEN")

// modal reports whether word w has a role of lexicon data en/modality.tsv.
func (s *state) modal(role, w string) bool { return s.lx.Modal(role, strings.ToLower(w)) }

// modalNode reports whether node n's word, by its lemma or its form, has a role.
func (s *state) modalNode(t *sentTree, role string, n int) bool {
	return s.modal(role, t.Tokens[n].Lemma) || s.modal(role, t.Tokens[n].Form)
}

// trigger is one trigger found in a sentence: text tokens [i, j) and the rules it may take.
type trigger struct {
	i, j  int
	rules []lexicon.EventRule
}

// findEvents codes the PLOVER events of each sentence that holds a trigger.
func (s *state) findEvents() {
	toks := s.doc.Tokens
	seen := map[string]bool{}
	for si := range s.doc.Sents {
		sent := s.doc.Sents[si]
		end := sent.First + len(sent.Tokens)
		if toks[end-1].Text == "?" {
			continue // a question asserts no act
		}
		var trigs []trigger
		titled := titleCase(toks[sent.First:end])
		for i := sent.First; i < end; i++ {
			if toks[i].Kind != text.Word {
				continue
			}
			// "the House of Commons", "the International Rescue Committee": a capitalised
			// word inside a sentence in running text is part of a name, not an act.
			if !titled && i > sent.First && toks[i].IsCap() && !toks[i-1].IsQuoteMark() && toks[i-1].Kind == text.Word {
				continue
			}
			if m, ok := s.lx.Events.Longest(toks, i); ok {
				// A Spanish or French remand noun no verb orders ("pidió prisión", "la détention
				// provisoire reste l'exception") is no trigger at all (events_lang.go).
				if rules := s.possibleRules(m.Vals, sent, i); len(rules) > 0 && !(s.surfaceEvents() && s.word("remand-noun", toks[i].Low) && !s.remandOrdered(i, sent.First)) {
					trigs = append(trigs, trigger{i, m.End, rules})
				}
				i = m.End - 1
			}
		}
		// Only a sentence that can hold an event is parsed: one with a trigger and an actor,
		// or a trigger of an act that an unnamed agent may do ("were rescued").
		// "La operación, desarrollada el pasado día 24 con la colaboración de …": a Spanish or
		// French sentence opened by a dated operation tells of the acts before (events_lang.go);
		// so does one that tells of a trip to sign ("viajará a Nuakchot para firmar").
		opens := false
		if s.surfaceEvents() {
			_, d := s.operationOpens(si)
			opens = d != "" || s.namesTrip(si)
		}
		if !opens && (len(trigs) == 0 || !s.mayHoldEvent(sent, trigs) && !(s.surfaceEvents() && (s.bothSides(sent.First, end) != nil || s.titledSubject(sent.First, trigs)))) {
			continue
		}
		if !s.surfaceEvents() && s.quotedOnly(sent, trigs) {
			continue
		}
		if s.surfaceEvents() {
			s.codeSurface(si, trigs, seen) // events_lang.go
			continue
		}
		t := s.tree(si)
		if t == nil {
			continue
		}
		nodes := map[int]bool{}
		for _, tr := range trigs {
			nodes[t.syn(tr.i)] = true
			nodes[t.syn(tr.j-1)] = true
		}
		for _, tr := range trigs {
			if a, ok := s.readAct(t, si, tr, nodes); ok {
				s.codeAct(a, seen)
			}
		}
	}
	if s.surfaceEvents() {
		s.dropUndatedRepeats(0) // events_lang.go
		s.dateUndated(0)
	}
	s.dropRepeatedMentions()
	s.dropVagueSelfActs()
}

// dropRepeatedMentions keeps one record of an act that the report tells twice (codebook 5):
// a caption or heading whose act has no date of its own when the running text tells the same
// act (type, source and target) — "Italy rescues 500 migrants" above "coast guard crews
// rescued 500 refugees on Sunday" — or tells it on the same day; and an act whose sentence repeats word for word a sentence
// that told it before (a paragraph printed twice, a pull quote); and an act over a span of days
// when the text tells the same act on a day of that span.
func (s *state) dropRepeatedMentions() {
	if len(s.events) < 2 {
		return
	}
	captions := map[int]bool{}
	for si := range s.doc.Sents {
		if s.caption(si) {
			captions[s.doc.Runes(s.doc.Sents[si].Start)] = true
		}
	}
	told := map[string]bool{}
	for _, e := range s.events {
		if !captions[e.Evidence.Start] {
			key := e.Type + "|" + e.Source.Actor + "|" + e.Target.Actor
			told[key] = true
			if e.Date != nil {
				told[key+"|"+*e.Date] = true
			}
		}
	}
	// The days on which each act is told.
	days := map[string][]string{}
	for _, e := range s.events {
		if e.Date != nil && !strings.Contains(*e.Date, "/") {
			key := e.Type + "|" + e.Source.Actor + "|" + e.Target.Actor
			days[key] = append(days[key], *e.Date)
		}
	}
	said := map[string]int{}
	out := s.events[:0]
	for _, e := range s.events {
		key := e.Type + "|" + e.Source.Actor + "|" + e.Target.Actor
		if captions[e.Evidence.Start] && (e.DateInferred && told[key] || e.Date != nil && told[key+"|"+*e.Date]) {
			continue
		}
		// "3,600 were rescued over the past 48 hours ... 600 were brought ashore on Thursday":
		// acts summed up to the day of publication that the text also tells one by one are
		// those acts. A closed span ("agreed last week") is one act's imprecise day instead.
		if e.Date != nil && s.published != "" && strings.HasSuffix(*e.Date, "/"+s.published) && within(days[key], *e.Date) {
			continue
		}
		line := key + "|" + strings.TrimRight(e.Evidence.Text, ".!…’'\" ")
		if at, ok := said[line]; ok && at != e.Evidence.Start {
			continue
		}
		said[line] = e.Evidence.Start
		out = append(out, e)
	}
	s.events = out
}

// titleCase reports whether most words of a sentence are capitalised, as in a headline.
func titleCase(ts []text.Token) bool {
	words, caps := 0, 0
	for _, t := range ts {
		if t.Kind == text.Word && len(t.Text) > 3 {
			words++
			if t.IsCap() {
				caps++
			}
		}
	}
	return words > 0 && 2*caps > words
}

// quotedOnly reports whether every trigger of a sentence stands inside a quotation that has no
// "we" or "I" to be its subject: inside a quotation only the speaker's side acts (readRoles),
// so such a sentence needs no tree.
func (s *state) quotedOnly(sent text.Sentence, trigs []trigger) bool {
	for _, tr := range trigs {
		if !s.inQuote[tr.i] {
			return false
		}
	}
	for i := sent.First; i < sent.First+len(sent.Tokens); i++ {
		if s.inQuote[i] && firstPerson(s.doc.Tokens[i].Text) {
			return false
		}
	}
	return true
}

// possibleRules keeps the rules of a trigger at token i that the sentence can satisfy without
// its tree: a rule that needs an object ("lift" a "curfew") needs that word in the sentence; a
// noun ("talks", or "the rescue") reports an act only with a verb that carries it ("held",
// "began"), so the sentence needs one.
func (s *state) possibleRules(rules []lexicon.EventRule, sent text.Sentence, i int) []lexicon.EventRule {
	out := rules[:0:0]
	carried := -1 // whether the sentence has a verb that carries a noun trigger, once asked
	for _, r := range rules {
		if len(r.Frame.On) > 0 && !sentenceHasWord(sent, r.Frame.On) {
			continue
		}
		if !r.Frame.Adverbial && (r.Noun || s.nounForm(i, sent)) {
			if carried < 0 {
				carried = 0
				for _, t := range sent.Tokens {
					if s.lx.Modal("light", t.Low) || s.lx.Modal("happen", t.Low) {
						carried = 1
						break
					}
				}
			}
			if carried == 0 {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// nounWords before a word make it a noun: "the rescue", "of aid", "their return".
var nounWords = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
	"of", "for", "after", "before", "during", "in", "on", "with", "without", "further", "more", "new")

// nounForm reports whether the verb trigger at token i is used as a noun, by the word before
// it; a form in -ing or -ed may still be a verb there ("after being rescued", "of granting").
func (s *state) nounForm(i int, sent text.Sentence) bool {
	w := s.doc.Tokens[i].Low
	if i == sent.First || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
		return false
	}
	// The English words are no guide in Spanish or French: "volvió a pedir", "on a arrêté".
	// Their nouns are told apart on the surface (act-nominal, events_lang.go).
	if s.ownLang() != "" {
		return false
	}
	return nounWords[s.doc.Tokens[i-1].Low]
}

// sentenceHasWord reports whether a word of the sentence starts with one of ws ("curfew" finds
// "curfews").
func sentenceHasWord(sent text.Sentence, ws []string) bool {
	for _, t := range sent.Tokens {
		for _, w := range ws {
			if strings.HasPrefix(t.Low, w) {
				return true
			}
		}
	}
	return false
}

// mayHoldEvent reports whether a sentence with triggers can hold an event before parsing it:
// it names an actor or a state agency, or a trigger is a material act that an unnamed agent
// may do.
func (s *state) mayHoldEvent(sent text.Sentence, trigs []trigger) bool {
	for k := sent.First; k < sent.First+len(sent.Tokens); k++ {
		if m := s.mentionAt(k); m != nil && (m.code != "" || s.ownLang() != "" && m.kind == mOrg && m.orgType == "ngo") {
			return true // a Spanish or French NGO acts for the country it works from (ngoSide)
		}
		if s.lx.Agencies.Has(s.doc.Tokens[k].Low) || s.word("court", s.doc.Tokens[k].Low) {
			return true
		}
	}
	for _, tr := range trigs {
		for _, r := range tr.rules {
			if materialTypes[r.Type] && r.Type != "ASSAULT" {
				return true
			}
		}
	}
	return false
}

// act is one trigger read on its tree.
type act struct {
	t       *sentTree
	si      int
	rule    lexicon.EventRule
	typ     string
	n       int  // the trigger's node
	verb    int  // the clause's verb: n, or for a noun the verb that takes it; -1 for none
	nominal bool // n is a noun
	passive bool
	quoted  bool // the trigger stands inside a quotation
	future  bool // promised or intended
	refused bool // promised not to be done: "will not accept"
	// sentTrig marks the nodes of the sentence's other triggers.
	sentTrig map[int]bool
	cond     bool // under "unless": a conditional promise is a threat
	tr       trigger
	why      []use
	frame    string
}

// readAct finds the rule, the clause and the mood of a trigger; false when it reports no act.
func (s *state) readAct(t *sentTree, si int, tr trigger, trigNodes map[int]bool) (*act, bool) {
	a := &act{t: t, si: si, tr: tr, verb: -1, quoted: s.inQuote[tr.i], sentTrig: trigNodes}
	var ok bool
	a.rule, a.n, ok = s.pickRule(t, tr)
	if !ok {
		return nil, false
	}
	a.typ = a.rule.Type
	tok := &t.Tokens[a.n]
	a.nominal = isNoun(tok.UPOS) || a.rule.Frame.Adverbial
	a.frame = a.rule.Type + " " + a.rule.Phrase
	if a.nominal {
		if !s.nounClause(a) {
			return nil, false
		}
	} else {
		a.verb = a.n
		a.passive = t.passive(a.n)
		// "Israel is opposed to the plan": a stance, not a passive.
		if a.passive && a.rule.Frame.Stative && t.child(a.n, "obl:agent") < 0 {
			a.passive = false
		}
		if a.rule.Frame.Alone {
			a.passive = false // "resigned" has no passive; a parser may read one
		}
		if !clauseRels[tok.Rel] {
			return nil, false // "Rescued migrants", "saving lives" as a goal: no clause
		}
		if a.passive && t.onlyBeing(a.n) && t.child(a.n, "obl:agent") < 0 {
			return nil, false // "migrants being detained at a camp": a description
		}
		if s.standingPassive(a) {
			return nil, false // "where surrogacy is banned": a standing rule, not an act
		}
		// An act on people needs the people: "numbers picked up again" rescues no one.
		if a.rule.Frame.People && !a.passive && len(s.patients(a)) == 0 {
			return nil, false
		}
	}
	if !s.mood(a) {
		return nil, false
	}
	return a, true
}

// patients returns the objects of an active verb trigger: its obj and iobj, and for a verb
// with a particle that the parser read as a preposition ("take in 200 children"), the obl
// that the particle introduces.
func (s *state) patients(a *act) []int {
	t := a.t
	out := append(t.under(a.n, "obj"), t.under(a.n, "iobj")...)
	if words := strings.Fields(a.rule.Phrase); len(out) == 0 && len(words) == 2 && !a.rule.Noun {
		for _, d := range t.under(a.n, "obl") {
			if t.hasMark(d, words[1]) {
				out = append(out, d)
			}
		}
	}
	return out
}

// clauseRels are the relations by which a verb heads a clause that may report an act.
var clauseRels = set("root", "conj", "ccomp", "advcl", "xcomp", "acl", "acl:relcl", "parataxis")

func isNoun(upos string) bool { return upos == "NOUN" || upos == "PROPN" }

func isVerb(upos string) bool { return upos == "VERB" }

// pickRule chooses the rule of a trigger that fits its node: a verb rule on a verb, a noun
// rule on a noun, a rule that names its object ("lift" a "curfew") before one that needs none.
func (s *state) pickRule(t *sentTree, tr trigger) (lexicon.EventRule, int, bool) {
	best, bestN, bestScore := lexicon.EventRule{}, -1, 0
	for _, r := range tr.rules {
		k := min(tr.i+r.Head, tr.j-1) // "hunger strike" is a strike
		n := t.syn(k)
		if n < 0 {
			continue
		}
		upos := t.Tokens[n].UPOS
		score := 0
		switch {
		case isNoun(upos) && s.kindOf(t, n):
			// "a rescue boat", "rescue workers": the compound names a kind of thing, no act.
		case r.Noun && isNoun(upos), !r.Noun && isVerb(upos):
			score = 2
		case r.Noun && r.Frame.Adverbial:
			score = 2 // "thanks to" as a preposition
		case !r.Noun && isNoun(upos) && t.Tokens[n].Rel != "compound" && !strings.Contains(r.Phrase, " "):
			score = 1 // a verb used as a noun: "the rescue of 50 migrants" (not "the next step down")
		case !r.Noun && upos == "ADJ" && strings.HasSuffix(t.Tokens[n].Form, "ed") && t.Tokens[n].Rel != "amod":
			score = 2 // a participle the tagger read as an adjective: "is opposed to"
		}
		if score == 0 {
			continue
		}
		if len(r.Frame.On) > 0 {
			if !s.objectIs(t, n, r) {
				continue
			}
			score += 2
		}
		if score > bestScore {
			best, bestN, bestScore = r, n, score
		}
	}
	return best, bestN, bestScore > 0
}

// kindOf reports whether noun n stands right before a noun it classes (en/modality.tsv
// "kind"): "a rescue boat", "rescue workers". The words decide, not the parse: a tagger often
// reads the second noun as something else.
func (s *state) kindOf(t *sentTree, n int) bool {
	return n+1 < len(t.Tokens) && s.lx.Modal("kind", strings.ToLower(t.Tokens[n+1].Form))
}

// objectIs reports whether the object of a verb trigger (or, for a noun trigger, the verb
// whose object it is) is one of the words its rule needs.
func (s *state) objectIs(t *sentTree, n int, r lexicon.EventRule) bool {
	var cands []int
	if r.Noun {
		if h := t.Head(n); h >= 0 && (syntax.RelIs(t.Tokens[n].Rel, "obj") || t.Tokens[n].Rel == "nsubj:pass") {
			cands = append(cands, h)
		}
	} else {
		cands = append(cands, t.under(n, "obj")...)
		cands = append(cands, t.under(n, "nsubj:pass")...)
		if len(cands) == 0 && t.child(n, "aux:pass") >= 0 {
			// A passive whose subject the parser lost ("11 Syrian migrants — believed to
			// be smugglers — were returned"): the nouns just before the verb.
			for k, first := t.text(n)-1, t.text(0); k >= first && k >= t.text(n)-8; k-- {
				if x := t.syn(k); x >= 0 && isNoun(t.Tokens[x].UPOS) {
					cands = append(cands, x)
				}
			}
		}
		// "called off a four-day strike", "opened the Friendship Bridge", "declared a state
		// of siege": a compound, a conjunct or an "of" phrase of the object may hold the word.
		for _, o := range cands {
			cands = append(cands, t.under(o, "compound")...)
			cands = append(cands, t.under(o, "conj")...)
			for _, d := range t.under(o, "nmod") {
				if t.hasMark(d, "of") {
					cands = append(cands, d)
				}
			}
		}
	}
	for _, c := range cands {
		lem := strings.ToLower(t.Tokens[c].Lemma)
		form := strings.ToLower(t.Tokens[c].Form)
		for _, w := range r.Frame.On {
			if lem == w || form == w || form == w+"s" || form == w+"es" {
				return true
			}
		}
	}
	return false
}

// passive reports whether verb n is passive: it has a passive auxiliary or subject, it is a
// participle that modifies a noun ("migrants rescued by the coastguard"), or it shares the
// voice of the verb it is coordinated with ("were located and detained").
func (t *sentTree) passive(n int) bool {
	if t.mainAcl(n) {
		return t.child(n, "aux:pass") >= 0
	}
	for steps := 0; n >= 0 && steps < 4; steps++ {
		if t.child(n, "aux:pass") >= 0 || t.child(n, "nsubj:pass") >= 0 {
			return true
		}
		tok := t.Tokens[n]
		if tok.Rel == "acl" && tok.XPOS == "VBN" && t.child(n, "obj") < 0 {
			return true
		}
		if tok.Rel != "conj" || tok.XPOS != "VBN" || t.child(n, "nsubj") >= 0 || t.child(n, "aux") >= 0 || t.child(n, "obj") >= 0 {
			return false
		}
		n = t.Head(n)
	}
	return false
}

// nounClause finds the verb that carries a noun trigger: the light verb whose object it is
// ("held talks", "made 50 arrests"), the verb it is the subject of when that verb says that it
// happened ("talks began"), or none when the noun heads its sentence (a headline). A noun
// trigger anywhere else names an act without reporting it: "called for talks", "after the
// crackdown", "during the meeting".
func (s *state) nounClause(a *act) bool {
	t := a.t
	n := a.n
	if a.rule.Frame.Adverbial {
		// "achieved success thanks to Morocco's help": the clause's verb carries it.
		for x, steps := t.Head(n), 0; x >= 0 && steps < len(t.Tokens); x, steps = t.Head(x), steps+1 {
			if isVerb(t.Tokens[x].UPOS) {
				a.verb = x
				return true
			}
		}
		return false
	}
	// "talks and meetings": a conjunct shares the place of the first one.
	for k := 0; t.Tokens[n].Rel == "conj" && k < 4; k++ {
		n = t.Head(n)
	}
	tok := t.Tokens[n]
	h := t.Head(n)
	switch {
	case tok.Rel == "root":
		a.verb = -1
		return true
	case h < 0:
		return false
	case syntax.RelIs(tok.Rel, "obj") || tok.Rel == "nsubj:pass":
		if s.modalNode(t, "light", h) {
			a.verb = h
			a.passive = tok.Rel == "nsubj:pass"
			return true
		}
	case tok.Rel == "nsubj":
		if s.modalNode(t, "happen", h) {
			a.verb = h
			return true
		}
	case tok.Rel == "appos", tok.Rel == "parataxis", tok.Rel == "list":
		// "Pope visits Lesbos: a visit to ..." and headline fragments.
		return t.Head(h) < 0
	}
	return false
}

// mood walks up from the act's clause through the verbs and nouns that govern it and settles
// whether the act is reported as done (true), promised (a.future; a.refused when the promise
// is negated: "will not accept", "has no intention of granting"), or not done (false):
// negated, hypothetical, conditional, needed, asked for, or the purpose of another act.
func (s *state) mood(a *act) bool {
	t := a.t
	x := a.verb
	if x < 0 {
		x = a.n
	}
	material := materialTypes[a.typ]
	for steps := 0; x >= 0 && steps < len(t.Tokens); steps++ {
		neg := t.Negated(x)
		for _, d := range t.under(x, "") {
			dt := t.Tokens[d]
			w := strings.ToLower(dt.Form)
			isAux := syntax.RelIs(dt.Rel, "aux")
			switch {
			case (isAux || syntax.RelIs(dt.Rel, "advmod") || dt.Rel == "mark") && s.modal("negation", w):
				neg = true
			case dt.Rel == "det" && (w == "no" || w == "neither"):
				neg = true
			case (isAux || dt.Rel == "mark") && s.modal("hypothetical", w):
				return false
			case isAux && s.modal("future", w):
				a.future = true
				a.why = append(a.why, s.nodeUse(t, "future", d))
			case dt.Rel == "advcl" && t.hasMark(d, "if"), dt.Rel == "advcl" && t.hasMark(d, "whether"):
				return false // "if Britain deports them, France would protest"
			case dt.Rel == "advcl" && t.hasMarkIn(d, s, "condition"):
				a.cond = true // "will withdraw unless the rebels disarm"
				a.why = append(a.why, s.nodeUse(t, "condition", d))
			}
		}
		if neg {
			if !a.future {
				return false
			}
			a.refused = true // "will not accept", "has no intention of granting"
			return true
		}
		tok := t.Tokens[x]
		h := t.Head(x)
		if h < 0 || t.mainAcl(x) {
			return true
		}
		hl := strings.ToLower(t.Tokens[h].Lemma)
		switch {
		case tok.Rel == "xcomp" || (tok.Rel == "acl" || tok.Rel == "ccomp") && (t.hasMark(x, "to") || t.hasMark(x, "of")):
			// "agreed to meet", "plans to deport", "refused to allow", "threatened to cut",
			// "no intention of granting".
			switch {
			case s.modalNode(t, "negation", h):
				return false
			case s.modalNode(t, "refusal", h):
				a.typ = "REJECT"
				a.why = append(a.why, s.nodeUse(t, "refusal", h))
			case s.modalNode(t, "threat", h):
				a.typ = "THREATEN"
				a.why = append(a.why, s.nodeUse(t, "threat", h))
			case s.modalNode(t, "intention", h):
				a.future = true
				a.why = append(a.why, s.nodeUse(t, "intention", h))
			case s.modalNode(t, "attempt", h):
				if material {
					return false
				}
			case s.modalNode(t, "aspect", h):
			case tok.XPOS == "VBN" && !t.hasMark(x, "to") && (hl == "have" || hl == "be" || hl == "get"):
				// "they had stopped" read as "had" governing "stopped": an auxiliary.
			case hl == "have" && t.hasMark(x, "to") && t.Tokens[h].XPOS == "VBD":
				// "had to be rescued": a past necessity was met.
			case hl == "be" && t.hasMark(x, "to"):
				// "are to be housed": planned.
				a.future = true
				a.why = append(a.why, s.nodeUse(t, "planned", h))
			default:
				// "urged Turkey to open", "the decision to deport", "needed to leave": the act
				// is wanted, not done.
				return false
			}
			x = h
			// A governing noun ("intention", "plan") is carried by its own verb.
			if isNoun(t.Tokens[x].UPOS) {
				if v := t.Head(x); v >= 0 && (syntax.RelIs(t.Tokens[x].Rel, "obj") || t.Tokens[x].Rel == "nsubj") {
					if t.Negated(x) || t.hasDet(x, "no") {
						if !a.future {
							return false
						}
						a.refused = true
						return true
					}
					x = v
				}
			}
		case tok.Rel == "advcl" && (t.hasMark(x, "to") || t.hasMark(x, "if") || t.hasMark(x, "whether") || t.hasMarkIn(x, s, "condition")):
			return false // "held a meeting to discuss", "if Britain deports"
		case tok.Rel == "acl" || tok.Rel == "advcl":
			// "charges of assisting", "fined for helping", "charged with aiding", "their part
			// in bringing people across": a gerund after a preposition names an act, it does
			// not report one.
			if t.hasMark(x, "of") || t.hasMark(x, "for") || t.hasMark(x, "with") || t.hasMark(x, "in") && t.Tokens[x].XPOS == "VBG" {
				return false
			}
			if tok.Rel == "acl" && a.passive && t.child(x, "obl:agent") < 0 && !a.nominal {
				return false // "migrants deported from the islands": a description
			}
			// "suspended flights after a jet was shot down": violence in a clause that
			// dates another act is its background.
			if a.typ == "ASSAULT" && tok.Rel == "advcl" && a.sentTrig[h] && t.child(x, "mark") >= 0 {
				return false
			}
			if tok.Rel == "acl" {
				return true
			}
			// An adverbial clause shares the mood of the clause it hangs on: "did not say that
			// Thailand would join them in providing shelter".
			x = h
		case tok.Rel == "conj":
			// A conjunct without a subject or auxiliary of its own shares the first one's.
			if t.child(x, "nsubj") >= 0 || t.child(x, "nsubj:pass") >= 0 || t.child(x, "aux") >= 0 {
				return true
			}
			x = h
		case tok.Rel == "ccomp":
			// "demanded that the US cancel": what is asked for is not done.
			if r, ok := s.lx.Events.Longest([]text.Token{{Low: hl}}, 0); ok && r.Vals[0].Type == "REQUEST" {
				return false
			}
			// "did not say that ...", "denied that ...": the content is not asserted.
			if t.Negated(h) || s.modalNode(t, "negation", h) || s.modalNode(t, "hypothetical", h) {
				return false
			}
			return true
		default:
			return true
		}
	}
	return true
}

// clauseHeads are the relations of a clause's head: a noun there with a past participle after
// it is a misread subject and verb.
var clauseHeads = set("root", "ccomp", "parataxis", "advcl")

// onlyBeing reports whether passive verb n has "being" for its only auxiliary: a participle
// phrase that describes, not a clause that reports.
func (t *sentTree) onlyBeing(n int) bool {
	being := false
	for _, d := range t.under(n, "aux") {
		if !strings.EqualFold(t.Tokens[d].Form, "being") {
			return false
		}
		being = true
	}
	return being
}

// standingPassive reports whether a verb trigger is a present simple passive with no agent in
// running text ("where surrogacy is banned", "boats are seized if ..."): it states a rule or a
// habit, not an act done on a day. A caption's present ("migrants are brought ashore") shows an
// act.
func (s *state) standingPassive(a *act) bool {
	t := a.t
	if !a.passive || t.child(a.n, "obl:agent") >= 0 || s.caption(a.si) {
		return false
	}
	auxes := t.under(a.n, "aux")
	if len(auxes) != 1 {
		return false
	}
	switch strings.ToLower(t.Tokens[auxes[0]].Form) {
	case "is", "are":
		return true
	}
	return false
}

// mainAcl reports whether verb n, which the parser attached as a participle modifying the
// noun that heads the sentence or a clause, is in fact the clause's main verb: "Spanish officials called
// on the EU to help" has no other verb to be the root. Parsers often read a past tense after a
// plural noun this way.
func (t *sentTree) mainAcl(n int) bool {
	tok := t.Tokens[n]
	h := tok.Head
	if tok.Rel != "acl" || h < 0 || h > n || !clauseHeads[t.Tokens[h].Rel] || !isNoun(t.Tokens[h].UPOS) {
		return false
	}
	for k := h + 1; k < n; k++ {
		if t.Tokens[k].UPOS == "PUNCT" {
			return false // "the boat, carrying 40 people": a real participle
		}
	}
	return tok.XPOS == "VBD" || tok.XPOS == "VBN"
}

// hasMarkIn reports whether node n has a mark whose word has the role in en/modality.tsv.
func (t *sentTree) hasMarkIn(n int, s *state, role string) bool {
	for _, d := range t.under(n, "mark") {
		if s.modal(role, t.Tokens[d].Form) {
			return true
		}
	}
	return false
}

// hasMark reports whether node n has a mark or case dependent w.
func (t *sentTree) hasMark(n int, w string) bool {
	for _, d := range t.under(n, "") {
		if r := t.Tokens[d].Rel; (r == "mark" || r == "case") && strings.EqualFold(t.Tokens[d].Form, w) {
			return true
		}
	}
	return false
}

// Word lists the statistics rules share (stats.go).

// auxiliaries before a participle make a passive: "were arrested", "have been freed".
var auxiliaries = set("was", "were", "been", "be", "being", "is", "are", "get", "got", "gets")

// reportVerbs end the clause that holds a subject.
var reportVerbs = set("said", "says", "told", "announced", "confirmed")

// subjectPreps before an actor make it an object or an origin, not the subject.
var subjectPreps = set("with", "to", "from", "in", "of", "on", "for", "at", "against", "into", "by")

// under returns the dependents of syntax token n whose relation matches rel (syntax.RelIs;
// "" matches all), in order, from the tree's child lists.
func (t *sentTree) under(n int, rel string) []int {
	if n < 0 || n >= len(t.kids) {
		return nil
	}
	out := make([]int, 0, len(t.kids[n]))
	for _, c := range t.kids[n] {
		if rel == "" || syntax.RelIs(t.Tokens[c].Rel, rel) {
			out = append(out, int(c))
		}
	}
	return out
}

// child returns the first dependent of syntax token n whose relation matches rel, or -1.
func (t *sentTree) child(n int, rel string) int {
	if n < 0 || n >= len(t.kids) {
		return -1
	}
	for _, c := range t.kids[n] {
		if rel == "" || syntax.RelIs(t.Tokens[c].Rel, rel) {
			return int(c)
		}
	}
	return -1
}

// within reports whether one of the days or months lies inside the interval span
// ("2021-04-12/2021-04-15").
func within(days []string, span string) bool {
	from, to, ok := strings.Cut(span, "/")
	if !ok {
		return false
	}
	for _, d := range days {
		if d >= from[:min(len(d), len(from))] && d <= to {
			return true
		}
	}
	return false
}
