package extract

import (
	"strings"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// quote is a quotation as extraction builds it: the token ranges of its parts (marks
// excluded) and the tokens of its marks.
type quote struct {
	parts   [][2]int // token ranges inside the marks
	open    int      // token of the first opening mark
	close   int      // token of the last closing mark
	speaker int      // mention index or -1
	name    string
	entity  int
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
		op, cl, st := markKind(toks, i, open != nil && openStyle == 's')
		switch {
		case open != nil && cl && st == openStyle:
			open.parts = append(open.parts, [2]int{partStart, i})
			open.close = i
			qs = append(qs, *open)
			open = nil
		case open == nil && op:
			open = &quote{open: i, speaker: -1, entity: -1}
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
	for k := range qs {
		s.attribute(&qs[k], qs, k)
	}
	for _, q := range qs {
		s.addQuote(q)
	}
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
			if len(gap) > 0 && len(gap) <= 12 && toks[prev.close].Para == toks[q.open].Para && hasSpeech(gap) && gap[len(gap)-1].Text != ":" {
				prev.parts = append(prev.parts, q.parts...)
				prev.close = q.close
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

func hasSpeech(toks []text.Token) bool {
	for _, t := range toks {
		if attributionVerbs[t.Low] {
			return true
		}
	}
	return false
}

// attributionVerbs introduce or follow a quotation.
var attributionVerbs = set("said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted",
	"explained", "stated", "noted", "warned", "insisted", "asked", "argued", "claimed", "continued", "replied",
	"responded", "declared", "commented", "according", "stressed", "urged", "recalled", "posted", "reported",
	"announced", "acknowledged", "admitted", "confirmed", "cautioned", "complained", "remarked", "observed",
	"emphasised", "emphasized", "saying", "telling", "adding", "described", "called", "calls")

// attribute finds a quotation's speaker: a speech verb in its sentence and the actor next to
// it, else the speaker of the sentence before when it ends with a colon, else the speaker of
// the quotation just before in the same or previous paragraph.
func (s *state) attribute(q *quote, all []quote, k int) {
	toks := s.doc.Tokens
	first, last := q.open, q.close
	sentA, sentB := toks[first].Sent, toks[last].Sent
	lo := s.doc.Sents[sentA].First
	hi := s.doc.Sents[sentB].First + len(s.doc.Sents[sentB].Tokens)
	// Outside the marks in the quote's sentences, and between its parts.
	// The attribution after the quotation or between its parts comes first; the words before
	// it may belong to another sentence of reported speech.
	var outside [][2]int
	for p := 1; p < len(q.parts); p++ {
		outside = append(outside, [2]int{q.parts[p-1][1] + 1, q.parts[p][0] - 1})
	}
	outside = append(outside, [2]int{last + 1, hi}, [2]int{lo, first})
	for _, r := range outside {
		if m := s.speakerIn(r[0], r[1]); m >= 0 {
			s.setSpeaker(q, m)
			return
		}
	}
	// "Home Secretary Priti Patel said:" in the sentence before.
	if sentA > 0 {
		prev := s.doc.Sents[sentA-1]
		pe := prev.First + len(prev.Tokens)
		if toks[pe-1].Text == ":" || toks[first].Para != toks[prev.First].Para && toks[pe-1].Text == ":" {
			if m := s.speakerIn(prev.First, pe); m >= 0 {
				s.setSpeaker(q, m)
				return
			}
		}
	}
	// A quotation that opens its paragraph continues the speaker of the quotation before.
	if k > 0 && all[k-1].speaker >= 0 {
		pp := toks[all[k-1].close].Para
		if pp == toks[first].Para || pp == toks[first].Para-1 {
			q.speaker, q.name, q.entity = all[k-1].speaker, all[k-1].name, all[k-1].entity
		}
	}
}

// speakerIn finds the speaker in tokens [lo, hi): the actor next to a speech verb.
func (s *state) speakerIn(lo, hi int) int {
	toks := s.doc.Tokens
	for v := lo; v < hi; v++ {
		if !attributionVerbs[toks[v].Low] {
			continue
		}
		if toks[v].Low == "according" {
			for j := v + 2; j < hi && j < v+8; j++ {
				if m := s.actorMention(j); m >= 0 {
					return m
				}
			}
			continue
		}
		// "he said", "she told": a pronoun just before the verb.
		if v > lo && (toks[v-1].Low == "he" || toks[v-1].Low == "she") {
			return s.pronounPerson(v - 1)
		}
		// "said Chris Boian", "said Amnesty International's director, Gauri van Gulik"; after
		// "told" comes the listener, not the speaker.
		if v+1 < hi && invertible[toks[v].Low] && (v == lo || s.actorMention(v-1) < 0) {
			if m := s.actorMention(v + 1); m >= 0 {
				if s.mentions[m].kind != mPerson {
					if p := s.personAfter(s.mentions[m].end, hi, 10); p >= 0 {
						return p
					}
				}
				if v-1 < lo || isCloseQuote(toks[v-1]) || toks[v-1].Text == "," {
					return m
				}
			}
		}
		// "Maria Clara, the UNHCR representative in Greece, told": the nearest subject before.
		for j := v - 1; j >= lo && j >= v-16; j-- {
			if toks[j].Low == "he" || toks[j].Low == "she" {
				if j == v-1 || j == v-2 {
					return s.pronounPerson(j)
				}
			}
			if m := s.actorMention(j); m >= 0 {
				mm := s.mentions[m]
				// Skip an organization inside an apposition when a person heads it.
				if mm.kind != mPerson {
					if p := s.personBefore(lo, mm.start); p >= 0 && s.commaBetween(s.mentions[p].end, mm.start) {
						return p
					}
				}
				return m
			}
			if isCloseQuote(toks[j]) {
				break
			}
		}
	}
	return -1
}

func isCloseQuote(t text.Token) bool {
	return t.Kind == text.Punct && strings.ContainsAny(t.Text, "”\"’'")
}

// actorMention returns the index of the mention starting at or covering token j, or -1.
func (s *state) actorMention(j int) int {
	if j < 0 || j >= len(s.at) {
		return -1
	}
	return int(s.at[j])
}

// invertible speech verbs may come before their speaker: "said Chris Boian".
var invertible = set("said", "says", "added", "adds", "wrote", "writes", "continued", "explained", "asked", "insisted", "warned")

// personAfter returns the first person mention in [from, hi) within n tokens, or -1.
func (s *state) personAfter(from, hi, n int) int {
	for j := from; j < hi && j < from+n; j++ {
		if m := s.actorMention(j); m >= 0 && s.mentions[m].kind == mPerson {
			return m
		}
	}
	return -1
}

// personBefore returns the last person mention in [lo, end), or -1.
func (s *state) personBefore(lo, end int) int {
	for j := end - 1; j >= lo; j-- {
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

func (s *state) setSpeaker(q *quote, m int) {
	if m < 0 {
		return
	}
	mm := s.mentions[m]
	q.speaker = m
	q.entity = mm.entity
	if mm.kind == mPerson && mm.entity >= 0 {
		q.name = s.entities[mm.entity].name
	} else {
		q.name = mm.name
	}
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
	if words == 0 || words <= 2 && q.name == "" {
		return
	}
	if words <= 2 && !s.sameSentenceSpeaker(q) {
		return
	}
	out := record.Quote{Text: strings.Join(texts, " "), Spans: spans}
	out.Speaker.Name = q.name
	if q.entity >= 0 {
		out.Speaker.Entity = "e" + itoa(q.entity+1)
	}
	if d := s.timeFor(q.open); d != "" {
		out.Date = &d
	}
	out.Evidence = s.evidenceRange(toks[q.open].Sent, toks[q.close].Sent)
	s.quotes = append(s.quotes, out)
}

func (s *state) sameSentenceSpeaker(q quote) bool {
	if q.speaker < 0 {
		return false
	}
	return s.doc.Tokens[s.mentions[q.speaker].start].Sent == s.doc.Tokens[q.open].Sent
}
