package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// quote is a quotation as extraction builds it: the token ranges of its parts (marks
// excluded) and the tokens of its marks.
type quote struct {
	parts [][2]int // token ranges inside the marks
	open  int      // token of the first opening mark
	close int      // token of the last closing mark
	who   who      // the speaker, when attribution finds one
}

// markKind tells how a punctuation token can act as a quotation mark.
func markKind(toks []text.Token, i int, singleOpen bool) (opens, closes bool, style byte) {
	t := toks[i]
	if t.Kind != text.Punct {
		return
	}
	before := i == 0 || toks[i-1].End < t.Start || toks[i-1].Kind == text.Punct && !strings.ContainsAny(toks[i-1].Text, ".,!?;:…")
	after := i+1 < len(toks) && toks[i+1].Start == t.End && (toks[i+1].Kind != text.Punct || strings.ContainsAny(toks[i+1].Text, "[(…\"“‘'"))
	switch t.Text {
	case "“", "„", "«":
		return true, false, 'd'
	case "”", "»":
		return false, true, 'd'
	case "\"":
		return true, true, 'd'
	case "‘":
		return true, false, 's'
	case "’", "'":
		if singleOpen && !(after && !before && toks[i+1].Kind == text.Word) {
			return false, true, 's'
		}
		if t.Text == "'" && before && after {
			return true, false, 's'
		}
	}
	return
}

// findQuotes finds quotations in each paragraph, joins quotations interrupted by their
// attribution and those that run over paragraphs, and finds each one's speaker.
func (s *state) findQuotes() {
	toks := s.doc.Tokens
	s.inQuote = make([]bool, len(toks)) // events are not coded from quoted words
	var open *quote
	var openStyle byte
	var qs []quote
	para := -1
	partStart := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Para != para {
			if open != nil {
				// A quotation that runs on: the next paragraph opens a mark again.
				if op, _, st := markKind(toks, i, false); op && st == openStyle {
					open.parts = append(open.parts, [2]int{partStart, i})
					partStart = i + 1
					para = t.Para
					continue
				}
				open.parts = append(open.parts, [2]int{partStart, i})
				open.close = i - 1
				qs = append(qs, *open)
				open = nil
			}
			para = t.Para
		}
		if open == nil {
			if q, next, ok := s.dashQuote(i); ok {
				qs = append(qs, q)
				i = next - 1
				continue
			}
		}
		op, cl, st := markKind(toks, i, open != nil && openStyle == 's')
		switch {
		case open != nil && cl && st == openStyle:
			open.parts = append(open.parts, [2]int{partStart, i})
			open.close = i
			qs = append(qs, *open)
			open = nil
		case open == nil && op:
			open = &quote{open: i, who: nobody}
			openStyle = st
			partStart = i + 1
		}
	}
	if open != nil {
		open.parts = append(open.parts, [2]int{partStart, len(toks)})
		open.close = len(toks) - 1
		qs = append(qs, *open)
	}
	qs = s.joinInterrupted(qs)
	for _, q := range qs {
		for _, p := range q.parts {
			for k := p[0]; k < p[1] && k < len(s.inQuote); k++ {
				s.inQuote[k] = true
			}
		}
	}
	s.lastSpeaker = nobody
	for k := range qs {
		s.attribute(&qs[k], qs, k)
		if w := qs[k].who; w.found() {
			s.lastSpeaker, s.lastSpeakerSent = w, toks[qs[k].close].Sent
		}
	}
	for k, q := range qs {
		if s.repeated(qs, k) {
			continue // a photo caption that repeats a quotation is not a second one
		}
		s.addQuote(q)
	}
}

// quoteWords returns the lower-case words inside a quotation's marks.
func (s *state) quoteWords(q quote) []string {
	var ws []string
	for _, p := range q.parts {
		for k := p[0]; k < p[1] && k < len(s.doc.Tokens); k++ {
			if t := s.doc.Tokens[k]; t.Kind == text.Word || t.Kind == text.Number {
				ws = append(ws, t.Low)
			}
		}
	}
	return ws
}

// repeated reports whether quotation k repeats another one near it, as a photo caption does:
// nine in ten of its words stand in a longer one (or in an earlier one as long) at most two
// paragraphs away.
func (s *state) repeated(qs []quote, k int) bool {
	mine := s.quoteWords(qs[k])
	if len(mine) < 4 {
		return false
	}
	for j := range qs {
		if j == k {
			continue
		}
		if d := s.doc.Tokens[qs[j].open].Para - s.doc.Tokens[qs[k].open].Para; d > 2 || d < -2 {
			continue // a caption stands by the text it repeats
		}
		other := s.quoteWords(qs[j])
		if len(other) < len(mine) || len(other) == len(mine) && j > k {
			continue
		}
		have := make(map[string]int, len(other))
		for _, w := range other {
			have[w]++
		}
		shared := 0
		for _, w := range mine {
			if have[w] > 0 {
				have[w]--
				shared++
			}
		}
		if shared*10 >= len(mine)*9 {
			return true
		}
	}
	return false
}

// joinInterrupted joins quotations in one paragraph that only their attribution separates:
// "We will," he said, "do it." A colon before the second opens a quotation of its own: "it
// had been 'assisting Border Force' today, with a spokesman adding: 'We are ...'".
func (s *state) joinInterrupted(qs []quote) []quote {
	toks := s.doc.Tokens
	var out []quote
	for _, q := range qs {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			gap := toks[prev.close+1 : q.open]
			if len(gap) > 0 && len(gap) <= 30 && toks[prev.close].Para == toks[q.open].Para && s.hasSpeech(prev.close+1, q.open) && gap[len(gap)-1].Text != ":" && !s.newClause(gap) && !s.ownSentence(prev.close, q.open) && !s.ownAttribution(prev.close+1, q.open) {
				prev.parts = append(prev.parts, q.parts...)
				prev.close = q.close
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

// ownSentence reports whether the quotation that opens at o stands in a sentence of its own,
// begun after the quotation that closes at c, whose speech verb comes before it: "« … ». Il a
// appelé les partenaires à « … »" is a second quote with its own attribution, where "'We
// will,' he said. 'We must.'" is one quote interrupted by its attribution.
func (s *state) ownSentence(c, o int) bool {
	toks := s.doc.Tokens
	st := s.doc.Sents[toks[o].Sent].First
	return st > c && st < o && s.hasSpeechVerb(st, o)
}

// speechAt returns the speech verb at token i ("said", "tells", "adding"), if it is one.
func (s *state) speechAt(i int) (lexicon.SpeechVerb, bool) {
	if i < 0 || i >= len(s.doc.Tokens) || s.doc.Tokens[i].Kind != text.Word {
		return lexicon.SpeechVerb{}, false
	}
	v, ok := s.lx.Speech[s.doc.Tokens[i].Low]
	if !ok {
		if verb, _, fused := s.fusedInversion(i); fused {
			v, ok = s.lx.Speech[verb] // "précise-t-il": quotes_lang.go
		}
	}
	return v, ok
}

// hasSpeechVerb reports whether a speech verb outside quotation marks stands in [lo, hi).
func (s *state) hasSpeechVerb(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := s.speechAt(k); ok && !s.inQuote[k] {
			return true
		}
	}
	return false
}

func (s *state) hasSpeech(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := s.speechAt(k); ok || s.doc.Tokens[k].Low == "according" || s.word("according", s.doc.Tokens[k].Low) {
			return true
		}
	}
	return false
}

// who is a speaker as attribution finds it: a mention (a person, an organization, an agency,
// or a country that is itself the subject), or a name the gazetteer does not know ("said
// Uenuma", "Kent Police said").
type who struct {
	mention    int // index into state.mentions, or -1
	entity     int // index into state.entities, or -1
	name       string
	start, end int // the tokens that name the speaker
	verb       int // the speech verb's token, or -1
	rule       string
}

var nobody = who{mention: -1, entity: -1, verb: -1}

func (w who) found() bool { return w.name != "" }

// attribute finds a quotation's speaker: the subject of a speech verb in its sentence (after
// the quotation, between its parts, then before it); else the speaker of the sentence before
// when that sentence ends with a colon; else, for a quotation with no attribution of its own,
// the speaker of the sentence just before it or of the quotation before it.
func (s *state) attribute(q *quote, all []quote, k int) {
	toks := s.doc.Tokens
	first, last := q.open, q.close
	sentA, sentB := toks[first].Sent, toks[last].Sent
	lo := s.doc.Sents[sentA].First
	hi := s.doc.Sents[sentB].First + len(s.doc.Sents[sentB].Tokens)
	// The attribution after the quotation or between its parts comes first; the words before
	// it may belong to another sentence of reported speech.
	var outside [][2]int
	for p := 1; p < len(q.parts); p++ {
		outside = append(outside, [2]int{q.parts[p-1][1] + 1, q.parts[p][0] - 1})
	}
	after := hi
	if s.ownLang() != "" && last+1 < hi && toks[last+1].Text == "." {
		after = last + 1 // "« petites mains ». « Les vrais …", a déploré X": the sentence ends at the mark
	}
	outside = append(outside, [2]int{last + 1, after}, [2]int{lo, first})
	if s.innerAttribution(q) {
		return // quotes_lang.go
	}
	if s.ownLang() != "" && isDash(toks[first]) {
		if m := s.interviewee(first); m >= 0 {
			w := s.mentionWho(m)
			w.rule = "quote.interview-answer"
			s.setSpeaker(q, w)
			return // quotes_lang.go
		}
	}
	if w := s.verbBeforeQuote(first, lo); w.found() {
		s.setSpeaker(q, w) // quotes_lang.go
		return
	}
	own := false // the quotation's sentences hold a speech verb of their own
	for _, r := range outside {
		if r[0] == lo && r[1] == first {
			if w := s.relativeSpeaker(first, lo); w.found() {
				s.setSpeaker(q, w) // quotes_lang.go
				return
			}
		}
		if w := s.speakerIn(r[0], r[1]); w.found() {
			s.setSpeaker(q, w)
			return
		}
		own = own || s.hasSpeechVerb(r[0], r[1])
	}
	if w := s.colonSubject(q.open, lo); w.found() {
		s.setSpeaker(q, w) // quotes_lang.go
		return
	}
	if w := s.forSubject(q.open, lo); w.found() {
		s.setSpeaker(q, w) // quotes_lang.go
		return
	}
	if own {
		return // "said a government source", "one tweet said": a speaker the text does not name
	}
	if sentA > 0 {
		prev := s.doc.Sents[sentA-1]
		pe := prev.First + len(prev.Tokens)
		// "Home Secretary Priti Patel said:" in the sentence before.
		if toks[pe-1].Text == ":" {
			if w := s.speakerIn(prev.First, pe); w.found() {
				w.rule = "quote.colon-before"
				s.setSpeaker(q, w)
				return
			}
		}
	}
	// A quotation with no attribution of its own continues the speaker of the quotation just
	// before it, in the same or the previous paragraph.
	if k > 0 && all[k-1].who.found() {
		pp := toks[all[k-1].close].Para
		if pp == toks[first].Para || pp == toks[first].Para-1 {
			w := all[k-1].who
			w.rule = "quote.continues"
			s.setSpeaker(q, w)
			return
		}
	}
	// Else the speaker of the sentence just before, when a speech verb has a subject there
	// ("Mogherini said the crisis needed more. / 'We need the rest of the world...'").
	if sentA > 0 && !s.inQuote[s.doc.Sents[sentA-1].First] {
		prev := s.doc.Sents[sentA-1]
		if toks[first].Para-s.doc.Sents[sentA-1].Para <= 1 {
			if w := s.speakerIn(prev.First, prev.First+len(prev.Tokens)); w.found() && w.rule != "quote.according-to" {
				w.rule = "quote.sentence-before"
				s.setSpeaker(q, w)
			}
		}
	}
}

// speakerIn finds the speaker in tokens [lo, hi): the subject of a speech verb there, or the
// source of "according to".
func (s *state) speakerIn(lo, hi int) who {
	toks := s.doc.Tokens
	for v := lo; v < hi; v++ {
		if after, ok := s.isAccording(v); ok && after < hi {
			for j := after; j < hi && j < v+8; j++ {
				if w := s.speakerAt(j, hi, false); w.found() {
					w.verb, w.rule = v, "quote.according-to"
					return w
				}
			}
			continue
		}
		if s.inQuote[v] {
			continue
		}
		sv, ok := s.speechAt(v)
		if !ok {
			continue
		}
		// "said Chris Boian", "said Amnesty International's director, Gauri van Gulik": the
		// subject after an inverting verb that opens the attribution.
		// "ha señalado el teniente coronel ...", "a déclaré M. ...": an auxiliary may stand
		// between the quotation and the inverted verb in Spanish and French.
		// "souligne-t-il", "précise-t-elle": the verb carries its own subject pronoun.
		if _, pron, fused := s.fusedInversion(v); fused {
			if pron != "on" {
				if w := s.pronounSpeaker(v); w.found() {
					w.verb, w.rule = v, "quote.fused-inversion"
					return w
				}
			}
			continue
		}
		b := v
		for s.ownLang() != "" && b > lo && s.word("before-verb", toks[b-1].Low) {
			b--
		}
		if sv.Invert && v+1 < hi && (b == lo || isCloseQuote(toks[b-1]) || toks[b-1].Text == ",") {
			if w := s.speakerAt(v+1, hi, true); w.found() {
				w.verb, w.rule = v, "quote.verb-subject-inverted"
				return w
			}
			if w := s.speakerAfterCircumstance(v+1, hi); w.found() {
				w.verb = v // quotes_lang.go
				return w
			}
			if w := s.speakerAfterDay(v+1, hi); w.found() {
				w.verb = v // quotes_lang.go
				return w
			}
			if w := s.elidedSubject(b, v); w.found() {
				w.verb = v // quotes_lang.go
				return w
			}
		}
		if w := s.purposeSpeaker(lo, v); w.found() {
			w.verb = v // quotes_lang.go
			return w
		}
		if w := s.speakerBefore(lo, v); w.found() {
			w.verb = v
			return w
		}
	}
	return nobody
}

// adverbs that may stand between a subject and its speech verb: "she also said", "he has
// repeatedly said".
var beforeVerb = set("also", "has", "have", "had", "later", "then", "again", "previously", "earlier", "further",
	"recently", "repeatedly", "once", "reportedly", "publicly", "simply", "only", "was", "is", "were", "been",
	"would", "will", "had", "quoted", "as", "then", "subsequently", "separately", "told")

// speakerBefore finds the subject of the speech verb at v, in [lo, v): the name just before it,
// the name that an apposition follows ("Tomas Berg, Halvorsen's chief of staff, said"), a
// pronoun, or else the nearest speaker before it.
func (s *state) speakerBefore(lo, v int) who {
	toks := s.doc.Tokens
	from := v - 40
	if from < lo {
		from = lo
	}
	// Stop at a quotation that closes before the verb: its words are not the subject.
	for j := v - 1; j >= from; j-- {
		if s.inQuote[j] || isCloseQuote(toks[j]) {
			from = j + 1
			break
		}
	}
	k := v - 1
	for k >= from {
		if c := s.incise(k, from); c >= 0 {
			k = c - 1 // "Kallas a, de son côté, salué": quotes_lang.go
			continue
		}
		if !s.isBeforeVerb(toks[k].Low) || s.isHeShe(toks[k].Low) {
			break // "Il a ajouté": the pronoun is the subject, not a word before the verb
		}
		k--
	}
	if k < from {
		if s.ownLang() == "es" && from == s.doc.Sents[toks[v].Sent].First {
			// "También pidió a los socios «…»": Spanish drops the subject pronoun; the verb
			// that opens its sentence speaks for the person named last.
			if w := s.pronounSpeaker(v); w.found() {
				w.rule = "quote.dropped-subject"
				return w
			}
		}
		return nobody
	}
	if s.isHeShe(toks[k].Low) {
		return s.pronounSpeaker(k)
	}
	// "X, an apposition, said": the leftmost name that a comma follows is the subject.
	if toks[k].Text == "," {
		for c := from + 1; c < k; c++ {
			if toks[c].Text != "," {
				continue
			}
			if w := s.speakerEndingAt(c, from); w.found() && s.mentionKind(w) == mPerson {
				// "Home Secretary, Yvette Cooper, said": the name after a role is who holds it.
				if m := s.actorMention(c + 1); w.rule == "quote.role" && m >= 0 && s.mentions[m].kind == mPerson && s.mentions[m].start == c+1 {
					w = s.mentionWho(m)
				}
				w.rule = "quote.subject-apposition"
				return w
			}
		}
		// "El presidente del Cabildo de El Hierro, Alpidio Armas, reclamó": the person named
		// in apposition to the title is the subject, not a place inside the title.
		if m := s.actorMention(k - 1); s.ownLang() != "" && m >= 0 && s.mentions[m].kind == mPerson && s.mentions[m].end == k && s.mentions[m].start-1 > from && toks[s.mentions[m].start-1].Text == "," {
			w := s.mentionWho(m)
			w.rule = "quote.subject-apposition"
			return w
		}
		for c := from + 1; c < k; c++ {
			if toks[c].Text != "," {
				continue
			}
			if w := s.speakerEndingAt(c, from); w.found() {
				w.rule = "quote.subject-apposition"
				return w
			}
		}
	}
	if w := s.speakerEndingAt(k+1, from); w.found() {
		return w
	}
	// "The Andalusian Human Rights Association (APDHA) said": the name before the acronym.
	if k-2 > from && toks[k].Text == ")" && toks[k-2].Text == "(" && isAcronym(toks[k-1].Text) {
		if w := s.speakerEndingAt(k-2, from); w.found() {
			return w
		}
		// "Le Forum tunisien pour les droits économiques et sociaux (FTDES)": a body whose
		// name the gazetteer does not know, defined by its acronym.
		if full := s.definedAcronym(acronymLetters(toks[k-1].Text)); full != "" {
			w := nobody
			w.name, w.start, w.end, w.rule = full, k-1, k, "quote.verb-subject"
			return w
		}
	}
	// The nearest speaker before the verb: "Mr Berg was quoted in Swedish media as saying".
	for j := k; j >= from; j-- {
		if s.isHeShe(toks[j].Low) {
			if j == from || toks[j-1].Text == "," || toks[j-1].Kind == text.Word && !toks[j-1].IsCap() && s.lx.Stop[toks[j-1].Low] {
				return s.pronounSpeaker(j)
			}
			continue
		}
		m := s.actorMention(j)
		if m < 0 || s.mentions[m].end != j+1 {
			continue
		}
		if st := s.mentions[m].start; st > from && (s.isPrep(toks[st-1].Low) || s.listenerAt(st-1)) {
			j = st
			continue // "in Lesbos", "told Reuters": not the subject
		}
		if q := s.partnerBefore(s.mentions[m].start, from); q >= 0 {
			j = q
			continue // "s'est entretenu avec la cheffe de mission, X, et a appelé": the side met
		}
		if w := s.speakerEndingAt(j+1, from); w.found() && !s.countrySpeaker(w) {
			w.rule = "quote.nearest-subject"
			return w
		}
	}
	return nobody
}

// prepositions before a name make it no subject: "in Lesbos", "to Reuters".
var prepositions = set("in", "on", "at", "to", "from", "into", "near", "off", "with", "for", "of", "about", "across", "outside", "inside", "toward", "towards", "over", "under", "via", "through", "against", "between", "among", "around", "behind")

// unnamedPeople head an office's mention that names people, not the office: "Greek officials".
var unnamedPeople = set("officials", "official", "sources", "source", "officers", "officer", "agents", "diplomats")

func (s *state) listenerAt(i int) bool {
	v, ok := s.speechAt(i)
	return ok && v.Listener
}

func (s *state) mentionKind(w who) int {
	if w.mention < 0 {
		return 0
	}
	return s.mentions[w.mention].kind
}

// countrySpeaker reports whether w is a country's name: it speaks only as the verb's own
// subject ("Thailand said"), never from further away.
func (s *state) countrySpeaker(w who) bool {
	return w.mention >= 0 && s.mentions[w.mention].kind == mCountry
}

func (s *state) pronounSpeaker(j int) who {
	if w := s.fusedSubjectBefore(j); w.found() {
		return w // quotes_lang.go
	}
	m := s.pronounPerson(j)
	if m < 0 {
		// "Ahmad said ... / 'I am very happy,' he said": no person's full name is near, so the
		// pronoun refers back to a speaker known by one name: the subject of a speech verb in
		// the two sentences before, or the speaker of a quotation that ends there.
		// The subject of a speech verb in the two sentences before comes first ("On Monday,
		// Ahmad said he felt vindicated. / 'I'm very happy,' he said").
		toks := s.doc.Tokens
		sent := toks[j].Sent
		if !s.lookingBack {
			s.lookingBack = true
			for k := sent - 1; k >= 0 && k >= sent-2; k-- {
				st := s.doc.Sents[k]
				if w := s.speakerIn(st.First, st.First+len(st.Tokens)); w.found() && s.personLike(w) {
					s.lookingBack = false
					w.start, w.end, w.rule = j, j+1, "quote.pronoun-subject-before"
					return w
				}
			}
			s.lookingBack = false
		}
		w := s.lastSpeaker
		if !w.found() || !s.personLike(w) || s.lastSpeakerSent < sent-2 {
			return nobody
		}
		w.start, w.end, w.rule = j, j+1, "quote.pronoun-last-speaker"
		return w
	}
	w := s.mentionWho(m)
	w.start, w.end, w.rule = j, j+1, "quote.pronoun"
	return w
}

// personLike reports whether w may be what "he" or "she" refers to: a person, or a name the
// gazetteer does not know, never an organization or a country.
func (s *state) personLike(w who) bool {
	if w.mention >= 0 {
		return s.mentions[w.mention].kind == mPerson
	}
	for _, x := range strings.Fields(strings.ToLower(w.name)) {
		if nameHeads[x] {
			return false // "Harbour Trust", "Border Force"
		}
	}
	return true
}

// speakerEndingAt finds a speaker whose words end right before token e and start at or after
// from: a name, a role ("the minister", "an MoD spokesperson") or an office.
func (s *state) speakerEndingAt(e, from int) who {
	toks := s.doc.Tokens
	if e-1 < from {
		return nobody
	}
	if m := s.actorMention(e - 1); m >= 0 && s.mentions[m].start >= from {
		mm := s.mentions[m]
		if mm.kind == mCountry && (mm.adj || mm.capital) {
			return nobody // "Swedish", "Whitehall": never a speaker
		}
		if mm.kind == mAgency && unnamedPeople[s.doc.Tokens[mm.end-1].Low] {
			return nobody // "Swedish officials told reporters": people the text does not name
		}
		return s.mentionWho(m)
	}
	if w := s.ministryAnaphor(e - 1); w.found() {
		return w // quotes_lang.go: "el departamento aseguró"
	}
	// A role: "the pope", "a police spokesman", "An MoD spokesperson".
	for a := e - 1; a >= from && a >= e-5; a-- {
		if m, ok := s.lx.Titles.Longest(toks, a); ok && m.End == e {
			return s.roleSpeaker(a, e, from)
		}
	}
	if w := s.ngoRole(e, from); w.found() {
		return w // quotes_lang.go: "la responsable de la organización"
	}
	// An office: "the coastguard", "the shipping ministry".
	for a := e - 1; a >= from && a >= e-3; a-- {
		if m, ok := s.lx.Agencies.Longest(toks, a); ok && m.End == e && (a == from || s.isArticle(toks[a-1].Low) || !isCapWord(toks[a-1])) {
			return s.officeSpeaker(a, e)
		}
	}
	// A name the gazetteer does not know: "Uenuma", "Kent Police", "Folkestone and Hythe
	// District Council".
	a := e
	for a-1 >= from && (isCapWord(toks[a-1]) && s.at[a-1] < 0 || a-2 >= from && (toks[a-1].Low == "and" || toks[a-1].Low == "of" || toks[a-1].Low == "for") && isCapWord(toks[a-2])) {
		a--
	}
	for a < e && (!isCapWord(toks[a]) || s.isArticle(toks[a].Low) || s.lx.Common[toks[a].Low] && a == s.doc.Sents[toks[a].Sent].First) {
		a++
	}
	if a < e && isCapWord(toks[e-1]) && !s.lx.Stop[toks[e-1].Low] && !s.lx.Titles.Has(toks[e-1].Low) && !(a > 0 && s.isPrep(toks[a-1].Low)) {
		if h := s.honorificName(a, e); h.found() {
			return h
		}
		w := nobody
		w.name, w.start, w.end, w.rule = s.span(a, e), a, e, "quote.name"
		if e-a == 1 && (s.lx.Common[toks[a].Low] || s.peopleNoun(toks[a].Low)) {
			return nobody // "Reporters described", "Officials said": people the text does not name
		}
		return w
	}
	return nobody
}

// honorifics stand before a surname: "Mr O'Mahoney", "Dr Aziz".
var honorifics = set("mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "prof", "prof.", "sir", "dame")

// honorificName reads "Mr O'Mahoney" at a (within [a, e)): the person with that surname, else
// the surname itself, which names the speaker well enough.
func (s *state) honorificName(a, e int) who {
	toks := s.doc.Tokens
	k := a
	if k < e && s.isHonorific(toks[k].Low) {
		k++
		if k < e && toks[k].Text == "." {
			k++
		}
	} else {
		return nobody
	}
	if k >= e || !isCapWord(toks[k]) {
		return nobody
	}
	if m := s.actorMention(k); m >= 0 && s.mentions[m].kind == mPerson {
		w := s.mentionWho(m)
		w.start, w.rule = a, "quote.honorific"
		return w
	}
	// "Mme De Vleeschouwer", "M. Van Damme": a capitalised particle opens the surname, and the
	// person is the one named by the words after it.
	j := k
	for j < e && j < k+3 && particles[toks[j].Low] {
		j++
	}
	if j > k && j < e && isCapWord(toks[j]) {
		if m := s.actorMention(j); m >= 0 && s.mentions[m].kind == mPerson && s.mentions[m].entity >= 0 &&
			strings.Contains(s.entities[s.mentions[m].entity].name, s.span(k, s.mentions[m].end)) {
			w := s.mentionWho(m)
			w.start, w.rule = a, "quote.honorific"
			return w
		}
	}
	b := k
	for b < e && isCapWord(toks[b]) && s.at[b] < 0 {
		b++
	}
	w := nobody
	w.name, w.start, w.end, w.rule = s.span(k, b), a, b, "quote.honorific"
	return w
}

// peopleNoun reports whether w, singular or plural, is a noun for people: "reporters", "woman".
func (s *state) peopleNoun(w string) bool {
	return s.lx.People[w] || s.lx.People[strings.TrimSuffix(w, "s")] || genericPeople[w]
}

// roleSpeaker resolves a role [a, e) to who holds it: the person last named with that title,
// else the office it speaks for ("an MoD spokesperson" speaks for the Ministry of Defence).
func (s *state) roleSpeaker(a, e, from int) who {
	toks := s.doc.Tokens
	if w := s.holderNamedAfter(a, e); w.found() {
		return w
	}
	// "a spokesman for the Home Office": the office after the role.
	if e+1 < len(toks) && (toks[e].Low == "for" || toks[e].Low == "of" || toks[e].Low == "at") {
		j := e + 1
		if s.isArticle(toks[j].Low) {
			j++
		}
		if m := s.actorMention(j); m >= 0 && (s.mentions[m].kind == mOrg || s.mentions[m].kind == mAgency) {
			w := s.mentionWho(m)
			w.start, w.end, w.rule = a, e, "quote.role-of-office"
			return w
		}
	}
	// "An MoD spokesperson", "a Home Office spokesman": the office before the role.
	if a-1 >= from && s.at[a-1] < 0 {
		if full := s.expandAcronym(toks[a-1].Text); full != "" {
			w := nobody
			w.name, w.start, w.end, w.rule = full, a-1, e, "quote.role-of-office"
			return w
		}
	}
	b := a
	for b-1 >= from && (toks[b-1].Kind == text.Poss || isCapWord(toks[b-1]) || s.at[b-1] >= 0 || !s.isArticle(toks[b-1].Low) && toks[b-1].Kind == text.Word && !isCapWord(toks[b-1]) && b == a) {
		b--
		if m := s.actorMention(b); m >= 0 && (s.mentions[m].kind == mOrg || s.mentions[m].kind == mAgency) {
			w := s.mentionWho(m)
			w.start, w.end, w.rule = b, e, "quote.role-of-office"
			return w
		}
		if b < a-3 {
			break
		}
	}
	// "A Commission spokesperson": the last word of an office the text named in full before.
	if a-1 >= from && s.at[a-1] < 0 && isCapWord(toks[a-1]) && !s.isArticle(toks[a-1].Low) && (a-1 == from || !isCapWord(toks[a-2]) || s.isArticle(toks[a-2].Low)) {
		if w := s.officeSpeaker(a-1, a); w.found() {
			w.start, w.end, w.rule = a-1, e, "quote.role-of-office"
			return w
		}
	}
	// "a police spokesman": an office noun before the role.
	if a-1 >= from {
		if ag, ok := s.lx.Agencies.Longest(toks, a-1); ok && ag.End == a {
			return s.officeSpeaker(a-1, a)
		}
	}
	// "the minister", "the pope": the person last named with that title. A nationality
	// after the role ("el ministro marroquí", "le chef de la diplomatie marocaine") must agree.
	if k, rule := s.titleHolder(a, e); k >= 0 {
		w := s.mentionWho(k)
		w.start, w.end, w.rule = a, e, rule
		return w
	}
	return nobody
}

// titleHolder is the mention of the person last named before token a with the title [a, e)
// ("the minister", "el ministro marroquí": a nationality after the role must agree), else of
// the one person of that nationality; -1 when none. rule tells which.
func (s *state) titleHolder(a, e int) (int, string) {
	head := s.doc.Tokens[e-1].Low
	nat := s.roleNationality(e)
	g := ""
	if a > 0 {
		g = s.gender(s.doc.Tokens[a-1].Low) // "le ministre", "la ministre"
	}
	for k := len(s.mentions) - 1; k >= 0; k-- {
		m := s.mentions[k]
		if m.kind != mPerson || m.start >= a {
			continue
		}
		titles := []string{m.title}
		if m.entity >= 0 {
			titles = s.entities[m.entity].titles
		}
		if (titleHas(titles, head) || s.electedTitle(head, titles)) && (nat == "" || m.entity >= 0 && s.entities[m.entity].country == nat) && s.sameGender(g, k, head) {
			return k, "quote.role"
		}
	}
	if nat != "" {
		if k := s.onlyPersonOf(nat, a); k >= 0 {
			return k, "quote.role-of-nationality"
		}
	}
	// "Le responsable a appelé les familles à « … »", "el titular": a noun that stands for
	// whoever holds the office named before is the person named last (data: anaphor-noun).
	// "un responsable de l'OIM" is someone else: an indefinite or a complement of its own.
	if e == a+1 && s.word("anaphor-noun", head) && a > 0 && s.isArticle(s.doc.Tokens[a-1].Low) && !indefinite[s.doc.Tokens[a-1].Low] && (e >= len(s.doc.Tokens) || !s.nameOf(e)) {
		if k := s.lastPersonBefore(a); k >= 0 && s.sameGender(g, k, head) {
			return k, "quote.anaphor-noun"
		}
	}
	return -1, ""
}

// indefinite articles, Spanish and French: "un responsable" is no one named before.
var indefinite = set("un", "una", "une", "unos", "unas", "des")

// roleNationality is the country of the demonym that follows a role ending at token e in
// Spanish or French copy ("el ministro marroquí", "le chef de la diplomatie marocaine"), else "".
func (s *state) roleNationality(e int) string {
	if s.ownLang() == "" || e >= len(s.doc.Tokens) {
		return ""
	}
	if m := s.actorMention(e); m >= 0 && s.mentions[m].kind == mCountry && s.mentions[m].adj && s.mentions[m].start == e {
		return s.mentions[m].code
	}
	return ""
}

// onlyPersonOf is the last mention before token a of the one person of country c the text
// names before a; -1 when it names none or several: "el ministro marroquí" is the Moroccan the
// report named, whatever his title was then ("su homólogo marroquí, Abdelouafi Laftit").
func (s *state) onlyPersonOf(c string, a int) int {
	found, ent := -1, -1
	for k, m := range s.mentions {
		if m.start >= a {
			break
		}
		if m.kind != mPerson || m.entity < 0 || s.entities[m.entity].country != c {
			continue
		}
		if ent >= 0 && m.entity != ent {
			return -1
		}
		found, ent = k, m.entity
	}
	return found
}

// holderNamedAfter resolves a definite role that no one named before holds ("the European
// Union's foreign policy chief has told the council ...") to the person the next sentences name
// first, with no title of their own ("Lena Sorensen addressed the council on Monday"): a lead
// gives the role, the body gives the name.
func (s *state) holderNamedAfter(a, e int) who {
	toks := s.doc.Tokens
	definite := false
	for p := a - 1; p >= 0 && p >= a-7 && toks[p].Sent == toks[a].Sent; p-- {
		if toks[p].Low == "the" {
			definite = true
			break
		}
		if toks[p].Kind == text.Punct || toks[p].Low == "a" || toks[p].Low == "an" {
			break
		}
	}
	if !definite {
		return nobody
	}
	head := toks[e-1].Low
	for _, m := range s.mentions {
		if m.kind == mPerson && m.start < a && m.entity >= 0 && titleHas(s.entities[m.entity].titles, head) {
			return nobody // the role's holder was named before
		}
	}
	sent := toks[a].Sent
	for k, m := range s.mentions {
		if m.kind != mPerson || m.entity < 0 || m.start < a {
			continue
		}
		ms := toks[m.start].Sent
		if ms == sent {
			return nobody // a name in the role's own sentence is someone else
		}
		if ms > sent+2 {
			return nobody
		}
		if len(s.entities[m.entity].titles) > 0 || s.entities[m.entity].first != m.start {
			return nobody
		}
		w := s.mentionWho(k)
		w.start, w.end, w.rule = a, e, "quote.role-named-after"
		return w
	}
	return nobody
}

// officeSpeaker resolves an office noun [a, e) ("the coastguard", "police") to the office the
// text named most fully with that noun: "Greek coastguard", "Kent Police".
func (s *state) officeSpeaker(a, e int) who {
	toks := s.doc.Tokens
	head := toks[e-1].Low
	if strings.ContainsAny(head, " ") {
		return nobody
	}
	ks := s.officesEndingIn(head)
	for i := len(ks) - 1; i >= 0; i-- {
		k := ks[i]
		if m := s.mentions[k]; m.end > a && m.start < e {
			continue
		}
		w := s.mentionWho(k)
		w.start, w.end, w.rule = a, e, "quote.office"
		return w
	}
	// "ATHENS ... 'Forty swam ashore,' the coastguard said": a state's office that the text
	// never names in full is the one of the country where the report is set, named as the
	// English press names it ("Greek coastguard").
	if s.ownLang() == "" {
		p := a - 1 // "from the authorities": an object, no speaker
		if p >= 0 && toks[p].Kind == text.Word {
			if _, n := countWord(toks[p]); n {
				return nobody // "the three governments": several states
			}
		}
		if p >= 0 && s.isArticle(toks[p].Low) {
			p--
		}
		if m, ok := s.lx.Agencies.Longest(toks, a); ok && m.End == e && !unnamedPeople[head] && !(p >= 0 && s.isPrep(toks[p].Low)) {
			if adj := s.lx.Adjectives[s.homeCountry()]; adj != "" {
				b := a
				// "the shipping ministry": a noun compounded with the office's is part of its name.
				if b > 0 && toks[b-1].Kind == text.Word && !isCapWord(toks[b-1]) && s.synRel(b-1) == "compound" && s.synHead(b-1) == e-1 {
					b--
				}
				w := nobody
				w.name, w.start, w.end, w.rule = adj+" "+strings.ToLower(s.span(b, e)), b, e, "quote.office-of-home"
				return w
			}
		}
	}
	return nobody
}

// officesEndingIn returns, in order, the mentions of organizations and agencies whose name
// ends with w (a word with no space): looked up in an index of the suffixes of each name's
// last word, so that a long report does not read all its mentions for every office.
func (s *state) officesEndingIn(w string) []int {
	if s.offices == nil || s.officesAt != len(s.mentions) {
		s.offices = map[string][]int{}
		for k, m := range s.mentions {
			if m.kind != mAgency && m.kind != mOrg {
				continue
			}
			name := strings.ToLower(m.name)
			last := name[strings.LastIndexByte(name, ' ')+1:]
			for i := range last {
				if i == 0 || utf8.RuneStart(last[i]) {
					s.offices[last[i:]] = append(s.offices[last[i:]], k)
				}
			}
		}
		s.officesAt = len(s.mentions)
	}
	return s.offices[w]
}

// speakerAt finds a speaker that starts at token j: a name, a role or an office. With invert,
// an organization followed by its person ("Amnesty International's director, Gauri van
// Gulik") gives the person.
func (s *state) speakerAt(j, hi int, invert bool) who {
	toks := s.doc.Tokens
	if j >= hi {
		return nobody
	}
	if s.isHeShe(toks[j].Low) {
		return s.pronounSpeaker(j)
	}
	a := j
	if s.isArticle(toks[a].Low) || invert && s.word("possessive", toks[a].Low) { // "a déploré son porte-parole, X"
		a++
	}
	if s.bodyNoun(a, hi) {
		a++ // quotes_lang.go
	}
	if w := s.sameSource(a); w.found() {
		return w // quotes_lang.go
	}
	if w := s.ministryAnaphor(a); w.found() {
		return w // quotes_lang.go
	}
	if m := s.actorMention(a); m >= 0 {
		mm := s.mentions[m]
		if mm.kind == mCountry && (mm.adj || mm.capital) {
			return nobody
		}
		if mm.kind != mPerson && invert {
			if p := s.personAfter(mm.end, hi, 10); p >= 0 {
				return s.mentionWho(p)
			}
		}
		return s.mentionWho(m)
	}
	if h := s.honorificName(a, hi); h.found() {
		return h
	}
	if w := s.statementSpeaker(a); w.found() {
		return w // quotes_lang.go
	}
	if w := s.definitionAt(a, hi); w.found() {
		return w // quotes_lang.go
	}
	// "el teniente coronel Juan Carlos Martínez", "le colonel-major Mohamed Benali", "el
	// coordinador de la Cruz Roja en Almería, Francisco Vargas": the person a title names,
	// after the inverted verb.
	if m, ok := s.lx.Titles.Longest(toks, a); ok && s.ownLang() != "" {
		for e, reach := m.End, s.titleReach(m.End); e < hi && e <= m.End+reach; e++ {
			if p := s.actorMention(e); p >= 0 && s.mentions[p].kind == mPerson && s.mentions[p].start == e && (e == m.End || toks[e-1].Text == "," || s.secondTitle(e) || s.honorificAfterComma(e)) {
				w := s.mentionWho(p)
				w.start, w.rule = a, "quote.title-name"
				return w
			}
			if toks[e].Kind == text.Punct && toks[e].Text != "," && toks[e].Text != "'" && toks[e].Text != "’" {
				break
			}
		}
	}
	for e := a + 1; e <= hi && e <= a+5; e++ {
		if m, ok := s.lx.Titles.Longest(toks, a); ok && m.End == e {
			if w := s.roleSpeaker(a, e, a); w.found() {
				return w
			}
		}
	}
	e := a
	for e < hi && (isCapWord(toks[e]) && s.at[e] < 0 || e > a && e+1 < hi && (toks[e].Low == "and" || toks[e].Low == "of" || toks[e].Low == "for" || s.nameOf(e)) && isCapWord(toks[e+1])) {
		e++
	}
	if e > a && !s.lx.Stop[toks[a].Low] && !(s.ownLang() != "" && isAllCaps(toks[a].Text) && s.word("ngo-noun", toks[a].Low)) && !(e-a == 1 && (s.lx.Common[toks[a].Low] || s.peopleNoun(toks[a].Low))) && !s.lx.Titles.Has(toks[a].Low) {
		w := nobody
		w.name, w.start, w.end, w.rule = s.span(a, e), a, e, "quote.name"
		return w
	}
	return nobody
}

// mentionWho is the speaker a mention names: a person's full name, an organization's fullest
// name in the text.
func (s *state) mentionWho(m int) who {
	mm := s.mentions[m]
	w := nobody
	w.mention, w.entity, w.start, w.end, w.rule = m, mm.entity, mm.start, mm.end, "quote.verb-subject"
	switch {
	case mm.kind == mPerson && mm.entity >= 0:
		w.name = s.entities[mm.entity].name
	case mm.kind == mCountry && mm.entity >= 0:
		w.name = s.entities[mm.entity].name
	default:
		w.name = s.fullestName(mm)
		if e := s.branchEnd(mm); e > mm.end {
			w.name = s.span(mm.start, e) // quotes_lang.go
		}
	}
	return w
}

// fullestName gives an organization's fullest name in the text: the name whose capitalised
// words an acronym abbreviates ("Ministry of Defence" for "MoD", "International Organization
// for Migration" for "IOM"), when the text gives it.
func (s *state) fullestName(m mention) string {
	best := m.name
	caps := acronymLetters(m.name)
	if len(caps) < 2 || len(caps) < len([]rune(m.name))/2 {
		return best
	}
	for _, o := range s.mentions {
		if (o.kind == mOrg || o.kind == mAgency) && len(o.name) > len(best) && initials(o.name) == caps {
			best = o.name
		}
	}
	if full := s.definedAcronym(caps); len(full) > len(best) {
		best = full // quotes_lang.go
	}
	return best
}

// expandAcronym returns the capitalised phrase of the text whose initials an acronym gives
// ("Ministry of Defence" for "MoD"), or "".
func (s *state) expandAcronym(w string) string {
	caps := acronymLetters(w)
	if len(caps) < 2 || len(caps)*2 < len([]rune(w)) {
		return ""
	}
	if s.acronyms == nil {
		s.acronyms = map[string]string{}
		toks := s.doc.Tokens
		for i := 0; i < len(toks); {
			if !isCapWord(toks[i]) || s.isArticle(toks[i].Low) {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && toks[j].Sent == toks[i].Sent && (isCapWord(toks[j]) || (toks[j].Low == "of" || toks[j].Low == "and" || toks[j].Low == "for" || toks[j].Low == "on") && j+1 < len(toks) && isCapWord(toks[j+1])) {
				j++
			}
			if j-i >= 2 {
				run := s.span(i, j)
				if k := initials(run); len(run) > len(s.acronyms[k]) {
					s.acronyms[k] = run
				}
			}
			i = j
		}
	}
	return s.acronyms[caps]
}

// isAcronym reports whether a word is written as an acronym: "IOM", "MoD", "APDHA".
func isAcronym(w string) bool {
	n := len(acronymLetters(w))
	return n >= 2 && n*2 >= len([]rune(w))
}

// acronymLetters returns the upper-case letters of a name written as an acronym ("MoD": "MD").
func acronymLetters(n string) string {
	var b strings.Builder
	for _, r := range n {
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		} else if r == ' ' {
			return ""
		}
	}
	return b.String()
}

// initials returns the first letters of a name's capitalised words ("Ministry of Defence": "MD").
func initials(n string) string {
	var b strings.Builder
	for _, w := range strings.Fields(n) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isCloseQuote(t text.Token) bool {
	return t.Kind == text.Punct && strings.ContainsAny(t.Text, "”\"’'»")
}

// actorMention returns the index of the mention starting at or covering token j, or -1.
func (s *state) actorMention(j int) int {
	if j < 0 || j >= len(s.at) {
		return -1
	}
	return int(s.at[j])
}

// personAfter returns the first person mention in [from, hi) within n tokens, or -1.
func (s *state) personAfter(from, hi, n int) int {
	for j := from; j < hi && j < from+n; j++ {
		if m := s.actorMention(j); m >= 0 && s.mentions[m].kind == mPerson {
			return m
		}
	}
	return -1
}

// commaBetween reports whether a comma stands between tokens a and b.
func (s *state) commaBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if s.doc.Tokens[k].Text == "," {
			return true
		}
	}
	return false
}

func (s *state) setSpeaker(q *quote, w who) {
	if !w.found() {
		return
	}
	if w.mention < 0 && !strings.Contains(w.name, " ") {
		// "a déclaré la LSDH": an acronym the gazetteer does not know, defined in the text.
		if c := acronymLetters(w.name); len(c)*2 >= len([]rune(w.name)) {
			if full := s.definedAcronym(c); full != "" {
				w.name = full // quotes_lang.go
			}
		}
	}
	q.who = w
}

// addQuote turns a quotation into a record; scare quotes of one or two words need a speaker.
func (s *state) addQuote(q quote) {
	toks := s.doc.Tokens
	var texts []string
	words := 0
	var spans []record.Span
	for _, p := range q.parts {
		if p[1] <= p[0] {
			continue
		}
		a, b := toks[p[0]].Start, toks[p[1]-1].End
		texts = append(texts, strings.TrimSpace(s.doc.Text[a:b]))
		spans = append(spans, record.Span{Start: s.doc.Runes(a), End: s.doc.Runes(b)})
		for k := p[0]; k < p[1]; k++ {
			if toks[k].Kind == text.Word || toks[k].Kind == text.Number {
				words++
			}
		}
	}
	w := q.who
	// A fragment quoted inside a sentence ("described it as 'rickety boats'") is attributed only
	// by its own sentence's speech verb, never by a neighbour's, and only to a speaker the text
	// knows: not through "according to" or a capitalised word that names nothing known.
	last := q.parts[len(q.parts)-1]
	sentence := last[1] > last[0] && strings.ContainsAny(toks[last[1]-1].Text, ".!?…")
	if words <= 4 && !sentence && w.found() && (w.rule == "quote.continues" || w.rule == "quote.sentence-before" || w.rule == "quote.colon-before" || w.rule == "quote.nearest-subject" || w.rule == "quote.according-to" || w.rule == "quote.name" || w.rule == "quote.office-of-home") {
		w = nobody
	}
	if words == 0 || words <= 2 && !w.found() {
		return
	}
	// A scare quote needs its speaker named in its sentence, not a pronoun.
	if words <= 2 && (toks[w.start].Sent != toks[q.open].Sent || w.rule == "quote.pronoun") {
		return
	}
	out := record.Quote{Text: strings.Join(texts, " "), Spans: spans}
	out.Speaker.Name = w.name
	if w.entity >= 0 {
		out.Speaker.Entity = "e" + itoa(w.entity+1)
	}
	if d := s.timeFor(q.open); d != "" {
		out.Date = &d
	}
	out.Evidence = s.evidenceRange(toks[q.open].Sent, toks[q.close].Sent)
	if s.explain {
		rule := w.rule
		if !w.found() {
			rule = "quote.unattributed"
		}
		uses := []use{s.tokUse("open", q.open, q.open+1), s.tokUse("close", q.close, q.close+1)}
		if w.found() {
			uses = append(uses, s.tokUse("speaker", w.start, w.end))
		}
		if w.verb >= 0 {
			uses = append(uses, s.tokUse("verb", w.verb, w.verb+1))
		}
		out.Explain = s.why(rule, uses...)
	}
	s.quotes = append(s.quotes, out)
}

// gender is "m" or "f" for an article or honorific that tells it in Spanish or French ("le",
// "la", "Mme", "Sr."), else "".
func (s *state) gender(w string) string {
	switch {
	case s.word("masculine", w):
		return "m"
	case s.word("feminine", w):
		return "f"
	}
	return ""
}

// sameGender reports whether the person of mention k can be of gender g: the honorific before
// the name, else the article before the title head the sentence gives them ("la ministre
// italienne de l'Intérieur, Giulia Ferrante"), agrees, or either is not told.
func (s *state) sameGender(g string, k int, head string) bool {
	m := s.mentions[k]
	if g == "" || m.start == 0 {
		return true
	}
	toks := s.doc.Tokens
	if h := s.gender(toks[m.start-1].Low); h != "" {
		return h == g
	}
	first := s.doc.Sents[toks[m.start].Sent].First
	for j := m.start - 1; j > first && j >= m.start-15; j-- {
		if toks[j].Low == head {
			h := s.gender(toks[j-1].Low)
			return h == "" || h == g
		}
	}
	return true
}
