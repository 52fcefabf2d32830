package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/text"
)

// Quotations with a dialogue dash, as Spanish and French copy prints them: a paragraph that
// opens with a dash quotes its words up to the dash before the attribution ("—Es un día
// histórico —declaró el ministro."), or, with no second dash, up to the comma before the
// speech verb ("– Nous sommes prêts, a-t-il déclaré."). Words after a second dash that
// closes the attribution continue the quotation ("—Es un día histórico —declaró—. Lo
// celebramos."). English copy prints lists with dashes, so only a language with its own
// dictionaries reads them, and only with an attribution: a dash with no speech verb after
// its words opens no quotation.

// isDash reports whether t is a dash that opens or closes dialogue: an em dash or an en dash.
func isDash(t text.Token) bool {
	return t.Kind == text.Punct && (t.Text == "—" || t.Text == "–")
}

// dashQuote reads the quotation that the dash at token i opens, if i opens its paragraph. It
// returns the quotation and the first token after its paragraph.
func (s *state) dashQuote(i int) (quote, int, bool) {
	toks := s.doc.Tokens
	if s.ownLang() == "" || !isDash(toks[i]) || i > 0 && toks[i-1].Para == toks[i].Para {
		return quote{}, 0, false
	}
	end := i + 1
	for end < len(toks) && toks[end].Para == toks[i].Para {
		end++
	}
	start := i + 1
	// "—Texto —declaró X—. Más texto.": the second dash closes the words quoted.
	for k := start; k < end; k++ {
		if !isDash(toks[k]) {
			continue
		}
		if k == start || !s.speechSoon(k+1, end) {
			return quote{}, 0, false
		}
		q := quote{open: i, close: k, who: nobody, parts: [][2]int{{start, k}}}
		for m := k + 1; m < end; m++ {
			if !isDash(toks[m]) {
				continue
			}
			n := m + 1
			for n < end && toks[n].Kind == text.Punct {
				n++
			}
			if n < end {
				// The attribution ends here; its words are not quoted.
				q.parts = append(q.parts, [2]int{n, end})
			}
			break
		}
		return q, end, true
	}
	// "– Nous restons mobilisés, a affirmé le préfet.": the last comma before a speech verb.
	for k := end - 1; k > start; k-- {
		if toks[k].Text == "," && s.speechSoon(k+1, end) {
			return quote{open: i, close: k, who: nobody, parts: [][2]int{{start, k}}}, end, true
		}
	}
	// An interview's answer: a dash paragraph that asks nothing, after one that asks ("—
	// ¿Cuántos esperan? / — Unos tres mil."); the person the lead names answers (interviewee).
	if start < end && toks[end-1].Text != "?" && s.interviewee(i) >= 0 {
		return quote{open: i, close: end - 1, who: nobody, parts: [][2]int{{start, end}}}, end, true
	}
	return quote{}, 0, false
}

// interviewee returns the person mention that answers the questions of an interview whose
// answer opens with the dash at token i: the questions and answers are dash paragraphs, the
// paragraph before the first question asks none and names the person ("Interrogée par la TAP,
// Mme X a détaillé le dispositif.", "Preguntada por este diario, la ministra X explicó:"). The
// paragraph right before the answer must be a question. Else -1.
func (s *state) interviewee(i int) int {
	toks := s.doc.Tokens
	if i == 0 || toks[i-1].Text != "?" {
		return -1
	}
	// Walk back over the dialogue's paragraphs, at most twenty, to the one that opens it.
	p := i - 1
	for n := 0; n < 20; n++ {
		first := p
		for first > 0 && toks[first-1].Para == toks[p].Para {
			first--
		}
		if !isDash(toks[first]) {
			if toks[p].Text == "?" {
				return -1
			}
			return s.lastPersonIn(first, p+1)
		}
		if first == 0 {
			return -1
		}
		p = first - 1
	}
	return -1
}

// lastPersonIn returns the last named person mention in tokens [a, b) that no preposition
// introduces ("por la TAP", "par le journaliste X" ask; they do not answer), or -1.
func (s *state) lastPersonIn(a, b int) int {
	toks := s.doc.Tokens
	found := -1
	for m, mm := range s.mentions {
		if mm.start >= b {
			break
		}
		if mm.start >= a && mm.kind == mPerson && mm.entity >= 0 && (mm.start == 0 || !s.isPrep(toks[mm.start-1].Low)) {
			found = m
		}
	}
	return found
}

// speechSoon reports whether a speech verb opens the words from k, after the auxiliaries and
// adverbs that may stand before it ("ha señalado", "a-t-il déclaré").
func (s *state) speechSoon(k, end int) bool {
	for j := k; j < end && j < k+4; j++ {
		if _, ok := s.speechAt(j); ok {
			return true
		}
		if !s.isBeforeVerb(s.doc.Tokens[j].Low) && !s.isHeShe(s.doc.Tokens[j].Low) {
			return false
		}
	}
	return false
}

// colonSubject is the speaker of a Spanish or French quotation that a colon opens in the
// sentence of its speaker, whatever the verb: "La ministra, Sira Rego, ha criticado el
// procedimiento: “No se puede...”"; or that the speaker's own clause runs into, as the object
// of its verb or a word of its own: "M. Albares a salué « le rôle essentiel du Maroc »", "Le
// président canarien, Fernando Clavijo, a salué une décision « historique »". The speaker is
// the first person named in the clause before the quotation, not after a preposition.
func (s *state) colonSubject(open, lo int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || open == 0 || open-1 < lo || toks[open-1].Text != ":" && toks[open-1].Kind != text.Word {
		return nobody
	}
	// "Le ministre mauritanien a salué « un soutien concret » mais a appelé l'UE à « partager
	// le fardeau »": a role that opens the sentence, resolved to its holder, speaks both.
	a := lo
	if a < open && s.isArticle(toks[a].Low) {
		a++
	}
	if m, ok := s.lx.Titles.Longest(toks, a); ok && m.End < open && s.actorMention(a) < 0 && !s.personIn(m.End, open) {
		if w := s.roleSpeaker(a, m.End, a); w.found() && s.mentionKind(w) == mPerson {
			w.rule = "quote.colon-subject"
			return w
		}
	}
	for k := lo; k < open-1; k++ {
		if s.inQuote[k] {
			return nobody
		}
		m := s.actorMention(k)
		if m < 0 && k == lo && toks[open-1].Text == ":" {
			// "Castro fue tajante: «...»": a surname that opens the sentence, of a person
			// named in full before.
			if w := s.speakerAt(k, open-1, false); w.found() && w.mention < 0 && w.start == k && s.personLike(w) {
				if p := s.namedBefore(w.name, k); p >= 0 {
					w = s.mentionWho(p)
					w.rule = "quote.colon-subject"
					return w
				}
			}
		}
		if m < 0 || s.mentions[m].start != k || s.mentions[m].kind != mPerson {
			continue
		}
		if k > lo && s.isPrep(toks[k-1].Low) {
			continue
		}
		w := s.mentionWho(m)
		w.rule = "quote.colon-subject"
		return w
	}
	return nobody
}

// fusedPronouns are the subject pronouns that French writes after an inverted verb, joined by
// hyphens, with the euphonic "-t-" before them when the verb ends in a vowel.
var fusedPronouns = []string{"-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-on", "-ils", "-elles"}

// fusedInversion splits a French verb inverted with its subject pronoun in one token:
// "précise-t-il" is "précise" and "il", "souligne-t-elle" "souligne" and "elle", "ajoute-t-on"
// "ajoute" and "on". It reports false for any other token, and in any other language.
func (s *state) fusedInversion(i int) (verb, pron string, ok bool) {
	if s.lx.Lang != "fr" {
		return "", "", false
	}
	w := s.doc.Tokens[i].Low
	for _, p := range fusedPronouns {
		if v, found := strings.CutSuffix(w, p); found && v != "" && !strings.Contains(v, "-") {
			return v, p[strings.LastIndexByte(p, '-')+1:], true
		}
	}
	return "", "", false
}

// secondTitle reports whether the name at token e follows a second title after a comma, with
// its article: "le commandant de la façade maritime ouest, le général Ahmed Benali", "el jefe
// de la comandancia, el coronel Juan Pérez".
func (s *state) secondTitle(e int) bool {
	toks := s.doc.Tokens
	for c := e - 1; c > 0 && c >= e-5; c-- {
		if toks[c].Text != "," {
			continue
		}
		a := c + 1
		if a < e && s.isArticle(toks[a].Low) {
			a++
		}
		m, ok := s.lx.Titles.Longest(toks, a)
		return ok && m.End == e
	}
	return false
}

// purposeSpeaker is the subject of a Spanish or French sentence whose speech verb is the
// infinitive of its purpose: "Le ministère … a convoqué vendredi l'ambassadeur du Mali pour
// protester contre « … »", "El Gobierno … convocó al embajador para protestar por el "…"". The
// subject is the first body or person of the sentence that no preposition governs, before its
// verb; the object named after that verb does not speak.
func (s *state) purposeSpeaker(lo, v int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || v-1 <= lo || !s.word("aim", toks[v-1].Low) {
		return nobody
	}
	for k := lo; k < v-1; k++ {
		if s.inQuote[k] {
			return nobody
		}
		m := s.actorMention(k)
		if m < 0 || s.mentions[m].start != k {
			continue
		}
		mm := s.mentions[m]
		st := k
		if st > lo && s.isArticle(toks[st-1].Low) {
			st--
		}
		if st > lo && (s.isPrep(toks[st-1].Low) || isCapWord(toks[st-1])) {
			k = mm.end - 1
			continue // "À Niamey,", "l'ambassadeur du Mali": no subject
		}
		if mm.kind == mCountry && (mm.adj || mm.capital) {
			return nobody
		}
		w := s.mentionWho(m)
		if e := s.complementEnd(mm.end, v); mm.kind != mPerson && e > mm.end && w.name == s.span(mm.start, mm.end) {
			w.name = s.span(mm.start, e) // "le ministère nigérien des Affaires étrangères"
		}
		w.rule = "quote.purpose-subject"
		return w
	}
	return nobody
}

// complementEnd is the end of the complement of capitalised words that follows a body's name
// ending at e, before hi: "des Affaires étrangères", "de l'Intérieur"; e when there is none.
func (s *state) complementEnd(e, hi int) int {
	toks := s.doc.Tokens
	k := e
	if k < hi && s.nameOf(k) {
		k++
	} else {
		return e
	}
	if k < hi && s.isArticle(toks[k].Low) {
		k++
	}
	if k >= hi || !isCapWord(toks[k]) || s.at[k] >= 0 {
		return e
	}
	for k < hi && (isCapWord(toks[k]) || toks[k].Kind == text.Word && !s.isPrep(toks[k].Low) && !s.isArticle(toks[k].Low) && !s.lx.Common[toks[k].Low] && k > e && isCapWord(toks[k-1])) {
		k++
	}
	return k
}

// relativeSpeaker is the body or person that a relative clause on it makes speak, nearest the
// quotation that opens at open: "selon un communiqué du ministère marocain de l'intérieur, qui
// souligne que le Maroc « … »", "según un comunicado del Ministerio del Interior, que recuerda
// que Túnez "…"". The pronoun follows a comma; the name before the comma is the speaker, a body
// with the lower-case words of its remit ("de l'intérieur") up to the comma.
func (s *state) relativeSpeaker(open, lo int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return nobody
	}
	for v := open - 1; v > lo+2 && v >= open-25; v-- {
		if s.inQuote[v] {
			return nobody
		}
		if _, ok := s.speechAt(v); !ok {
			continue
		}
		r := v - 1
		for r > lo && s.word("before-verb", toks[r].Low) && !s.word("relative", toks[r].Low) {
			r--
		}
		if !s.word("relative", toks[r].Low) || toks[r-1].Text != "," {
			return nobody // the speech verb nearest the quotation has another subject
		}
		c := r - 1
		for p := c - 1; p > lo && p >= c-5; p-- {
			m := s.actorMention(p)
			if m < 0 {
				if isCapWord(toks[p]) || toks[p].Kind == text.Punct {
					return nobody
				}
				continue
			}
			mm := s.mentions[m]
			if mm.kind == mCountry || mm.kind == mPerson && mm.end != c {
				return nobody
			}
			w := s.mentionWho(m)
			if mm.kind != mPerson && mm.end < c {
				w.name, w.mention, w.entity = s.span(mm.start, c), -1, -1
			}
			w.verb, w.rule = v, "quote.relative-subject"
			return w
		}
		return nobody
	}
	return nobody
}

// bodyNoun reports whether the token at a is the category noun of a body that the body's own
// name follows ("l'ONG Alarme Phone Sahara", "la asociación Caminando Fronteras"): the name
// speaks, not "ONG Alarme Phone Sahara". A capitalised noun ("l'Association marocaine des
// droits humains") is part of the name; an acronym ("ONG") is not.
func (s *state) bodyNoun(a, hi int) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || a+1 >= hi || !s.word("ngo-noun", toks[a].Low) || !isCapWord(toks[a+1]) || s.at[a+1] >= 0 && s.mentions[s.at[a+1]].kind == mPerson {
		return false
	}
	return !isCapWord(toks[a]) || isAllCaps(toks[a].Text)
}

// nameOf reports whether the token at e is the "de" that joins the words of a Spanish or French
// name: "Terre d'Asile Maghreb", "Pro Derechos Humanos de Andalucía".
func (s *state) nameOf(e int) bool {
	if s.ownLang() == "" {
		return false
	}
	switch s.doc.Tokens[e].Low {
	case "de", "d'", "d’", "del", "du", "des":
		return true
	}
	return false
}

// titleReach is how far after a title ending at e its holder's name may stand: ten tokens, or
// twenty when a second office is apposed to it ("le wali, directeur de la migration et de la
// surveillance des frontières, Khalid Zerouali").
func (s *state) titleReach(e int) int {
	toks := s.doc.Tokens
	a := e + 1
	if e >= len(toks) || toks[e].Text != "," || a >= len(toks) {
		return 10
	}
	if s.isArticle(toks[a].Low) {
		a++
	}
	if _, ok := s.lx.Titles.Longest(toks, a); ok {
		return 20
	}
	return 10
}

// honorificAfterComma reports whether an honorific after a comma stands just before the name
// at e: "l'avocat des familles, Me Slim Haddad", "el abogado, Sr. Marín".
func (s *state) honorificAfterComma(e int) bool {
	toks := s.doc.Tokens
	h := e - 1
	if h > 0 && toks[h].Text == "." {
		h--
	}
	return h > 0 && s.isHonorific(toks[h].Low) && toks[h-1].Text == ","
}

// speakerAfterCircumstance is the person named after an inverted speech verb and a phrase of
// its circumstance: "advirtió en un comunicado la portavoz de la ONG, Laura Gómez", "a
// déclaré lors d'une conférence de presse le ministre". The phrase opens with a preposition
// and holds no punctuation; only a person is taken, a body named in it is no speaker.
func (s *state) speakerAfterCircumstance(from, hi int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || from >= hi || !s.isPrep(toks[from].Low) {
		return nobody
	}
	for j := from + 2; j < hi && j <= from+6; j++ {
		if toks[j-1].Kind == text.Punct || s.inQuote[j] {
			return nobody
		}
		if s.isPrep(toks[j-1].Low) || s.isArticle(toks[j-1].Low) {
			continue
		}
		if w := s.speakerAt(j, hi, true); w.found() && (s.mentionKind(w) == mPerson || w.rule == "quote.title-name") {
			w.rule = "quote.verb-circumstance-subject"
			return w
		}
	}
	return nobody
}

// namedBefore is the mention of a person named before token i whose name holds the one-word
// name w: "Alfonso Castro Ledesma ... Castro"; else -1.
func (s *state) namedBefore(w string, i int) int {
	if strings.Contains(w, " ") {
		return -1
	}
	for k, m := range s.mentions {
		if m.kind == mPerson && m.start < i && m.entity >= 0 {
			for _, f := range strings.Fields(s.entities[m.entity].name) {
				if f == w {
					return k
				}
			}
		}
	}
	return -1
}

// forSubject is the speaker of a quotation that opens after "Pour X," or "Para X,", at the
// head of its sentence: "Pour le ministre, Abdelouafi Laftit, « ... »", "Para el delegado del
// Gobierno, Luis Pérez, «...»". The words open the sentence and a comma closes them just
// before the quotation.
func (s *state) forSubject(open, lo int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || open < lo+3 || toks[open-1].Text != "," || !s.word("for-speaker", toks[lo].Low) {
		return nobody
	}
	for k := lo + 1; k < open; k++ {
		if s.inQuote[k] {
			return nobody
		}
	}
	if w := s.speakerAt(lo+1, open-1, true); w.found() && s.personLike(w) {
		w.rule = "quote.for-subject"
		return w
	}
	return nobody
}

// innerAttribution reads an attribution that French and Spanish copy sets inside the marks of
// a quotation that runs on: "« Nous devons agir, a déclaré M. Muller. La route est longue. »".
// A comma, a speech verb that inverts, its subject and a full stop: the subject speaks, and
// the attribution's words are not quoted. It reports whether it found one.
func (s *state) innerAttribution(q *quote) bool {
	toks := s.doc.Tokens
	if s.ownLang() == "" || len(q.parts) != 1 {
		return false
	}
	start, end := q.parts[0][0], q.parts[0][1]
	for c := start + 1; c < end; c++ {
		if toks[c].Text != "," {
			continue
		}
		v := c + 1
		for v < end && v < c+4 && s.isBeforeVerb(toks[v].Low) {
			v++
		}
		sv, ok := s.speechAt(v)
		if !ok || !sv.Invert {
			continue
		}
		dot := v + 1
		// "a déclaré M. Muller.": the point of a title's abbreviation ends no sentence. "Il
		// demande, a martelé le ministre, un partenariat": a comma closes the attribution
		// within the sentence.
		for dot < end && dot < v+15 && (toks[dot].Text != "." && toks[dot].Text != "," || s.isHonorific(toks[dot-1].Low) || s.isHonorific(toks[dot-1].Low+".")) {
			dot++
		}
		if dot >= end || toks[dot].Text != "." && toks[dot].Text != "," || dot+1 >= end {
			continue
		}
		w := s.speakerAt(v+1, dot, true)
		if !w.found() || !s.personLike(w) {
			continue
		}
		w.verb, w.rule = v, "quote.inner-attribution"
		q.parts = [][2]int{{start, c}, {dot + 1, end}}
		s.setSpeaker(q, w)
		return true
	}
	return false
}

// complementPreps join an office to the place or body it serves: "alcaldesa de", "président du
// conseil régional de".
var complementPreps = set("de", "del", "du", "des", "d'", "d’")

// titleComplement reports whether the name [a, e) is the complement of a title whose holder
// is named right after it, in Spanish or French copy: "el presidente del Cabildo de El Hierro,
// Alpidio Armas", "le wali de la région de Guelmim-Oued Noun, Mohamed Najib Ben Cheikh". The name
// follows "de", a title opens the words before it in its sentence, and a comma and a capitalised
// word follow it: the place or body of the office, no person.
func (s *state) titleComplement(a, e int) bool {
	toks := s.doc.Tokens
	// "le wali de la région Tanger-Tétouan-Al Hoceïma, X": a noun of place before the name.
	if s.ownLang() == "" || a == 0 || e+1 >= len(toks) || !complementPreps[toks[a-1].Low] && !s.word("place-noun", toks[a-1].Low) || toks[e].Text != "," || !isCapWord(toks[e+1]) || s.isArticle(toks[e+1].Low) {
		return false
	}
	for p := a - 2; p >= 0 && p >= a-12 && toks[p].Sent == toks[a].Sent; p-- {
		if toks[p].Kind == text.Punct && toks[p].Text != "-" {
			return false
		}
		if _, ok := s.lx.Titles.Longest(toks, p); ok {
			return true
		}
	}
	return false
}

// definedAcronym is the name that Spanish or French copy defines an acronym with, in brackets
// after it: "L'Association mauritanienne des droits de l'homme (AMDH)", "la Comisión Española
// de Ayuda al Refugiado (CEAR)". The initials of the name's words, articles and prepositions
// aside, spell the acronym; the name opens with a capital. Else "".
func (s *state) definedAcronym(caps string) string {
	if s.ownLang() == "" {
		return ""
	}
	if s.defined == nil {
		s.defined = map[string]string{}
		toks := s.doc.Tokens
		for p := 1; p+2 < len(toks); p++ {
			if toks[p].Text != "(" || toks[p+2].Text != ")" {
				continue
			}
			c := acronymLetters(toks[p+1].Text)
			n := len([]rune(c))
			if n < 2 || n > 10 || s.defined[c] != "" {
				continue
			}
			for j := p - 1; j >= 0 && j >= p-3*n && toks[j].Sent == toks[p].Sent && toks[j].Kind != text.Punct; j-- {
				if isCapWord(toks[j]) && !s.isArticle(toks[j].Low) && s.contentInitials(j, p) == c {
					s.defined[c] = s.span(j, p)
					break
				}
			}
		}
	}
	return s.defined[caps]
}

// contentInitials are the upper-cased first letters of the words in [a, b) other than
// articles, prepositions and elided words ("l'", "d'").
func (s *state) contentInitials(a, b int) string {
	var sb strings.Builder
	for _, t := range s.doc.Tokens[a:b] {
		if t.Kind != text.Word || s.isArticle(t.Low) || s.isPrep(t.Low) || complementPreps[t.Low] || strings.HasSuffix(t.Low, "'") || strings.HasSuffix(t.Low, "’") || t.Low == "y" || t.Low == "et" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text.FoldAccents(t.Text)) // "économiques": E
		sb.WriteRune(unicode.ToUpper(r))
	}
	return sb.String()
}

// statementSpeaker resolves a statement that speaks for the body that issued it ("souligne le
// communiqué", "añade el comunicado") to that body, named with a statement in the sentences
// before: "selon un communiqué de la DGSN", "la ONG denunció en un comunicado". The body is
// the organization or agency nearest the earlier statement word in its sentence; the search
// goes back at most five sentences.
func (s *state) statementSpeaker(a int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || !s.word("statement", toks[a].Low) {
		return nobody
	}
	first := 0
	if sent := toks[a].Sent - 5; sent > 0 {
		first = s.doc.Sents[sent].First
	}
	for j := a - 1; j >= first; j-- {
		if !s.word("statement", toks[j].Low) || s.inQuote[j] {
			continue
		}
		best, dist := -1, 0
		for k, m := range s.mentions {
			if (m.kind != mOrg && m.kind != mAgency) || toks[m.start].Sent != toks[j].Sent {
				continue
			}
			d := m.start - j
			if d < 0 {
				d = j - m.end
			}
			if best < 0 || d < dist {
				best, dist = k, d
			}
		}
		if best >= 0 {
			w := s.mentionWho(best)
			w.start, w.end, w.rule = a, a+1, "quote.statement"
			return w
		}
		return nobody
	}
	return nobody
}

// newClause reports whether the words between two quotations open a clause of their own in
// Spanish or French copy, not an attribution: "salué « un soutien concret » mais a appelé l'UE
// à « partager le fardeau »", "calificó de «ejemplar» la cooperación y pidió «más medios»": a
// conjunction opens them, and each quotation is a quote of its own.
func (s *state) newClause(gap []text.Token) bool {
	if s.ownLang() == "" {
		return false
	}
	for _, t := range gap {
		if t.Kind == text.Punct {
			continue
		}
		return isAnd(t.Low) || s.word("but", t.Low)
	}
	return false
}

// ownAttribution reports whether the words between two quotations of Spanish or French copy
// hold two speech verbs outside quotation marks: the second is the second quotation's own
// attribution ("», a déclaré Mme Berg, saluant «", "», ha señalado Gil, quien ha añadido que
// «"), and each is a quote of its own.
func (s *state) ownAttribution(lo, hi int) bool {
	if s.ownLang() == "" {
		return false
	}
	n := 0
	for k := lo; k < hi; k++ {
		if _, ok := s.speechAt(k); ok && !s.inQuote[k] {
			n++
		}
	}
	return n >= 2
}

// incise returns the comma that opens a short aside of Spanish or French copy closed by the
// comma at k ("a, de son côté, salué", "ha, por su parte, pedido"): a few lower-case words
// between an auxiliary and its verb; else -1.
func (s *state) incise(k, from int) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" || k < from || toks[k].Text != "," {
		return -1
	}
	for c := k - 1; c >= from && c >= k-5; c-- {
		switch t := toks[c]; {
		case t.Text == ",":
			if c < k-1 && c > from && s.isBeforeVerb(toks[c-1].Low) {
				return c
			}
			return -1
		case t.Kind != text.Word || t.IsCap():
			return -1
		}
	}
	return -1
}

// personIn reports whether a person is named in tokens [a, b): "Le président canarien,
// Fernando Clavijo, a salué": the role is his, the name speaks.
func (s *state) personIn(a, b int) bool {
	for k := a; k < b; k++ {
		if m := s.actorMention(k); m >= 0 && s.mentions[m].kind == mPerson {
			return true
		}
	}
	return false
}

// bodyRun reports whether the capitalised run [a, b) holds a word that makes it a body or a
// place in Spanish or French ("Audiencia Provincial de Almería", "Tribunal de première
// instance"): no person's name holds one.
func (s *state) bodyRun(a, b int) bool {
	for t := a; t < b; t++ {
		if s.word("name-head", s.doc.Tokens[t].Low) {
			return true
		}
	}
	return false
}

// elidedSubject is the speaker of a quotation whose inverted speech verb has no subject of
// its own, as a null-subject language writes it: "«…», afirmó." The verb at v ends its
// sentence, right after the comma that follows the closing mark. The speaker is the person
// the text is talking about: the subject of a speech verb in the two sentences before the
// quotation, else the person who opens the sentence before, else the speaker of the
// quotation just before.
func (s *state) elidedSubject(b, v int) who {
	toks := s.doc.Tokens
	if !s.word("null-subject", "yes") || b < 2 || toks[b-1].Text != "," || !isCloseQuote(toks[b-2]) {
		return nobody
	}
	if v+1 < len(toks) && toks[v+1].Sent == toks[v].Sent && toks[v+1].Text != "." && toks[v+1].Text != ";" && !s.trailingAdjunct(v+1) {
		return nobody
	}
	open := b - 2
	for open > 0 && s.inQuote[open-1] {
		open--
	}
	sent := toks[open].Sent
	if s.lookingBack {
		return nobody
	}
	s.lookingBack = true
	defer func() { s.lookingBack = false }()
	for k := sent - 1; k >= 0 && k >= sent-2; k-- {
		st := s.doc.Sents[k]
		if toks[st.First].Para < toks[open].Para-1 {
			break
		}
		if w := s.speakerIn(st.First, st.First+len(st.Tokens)); w.found() && s.personLike(w) && w.rule != "quote.according-to" {
			w.rule = "quote.elided-subject"
			return w
		}
		if m := s.subjectPerson(st.First, st.First+len(st.Tokens)); m >= 0 {
			w := s.mentionWho(m)
			w.rule = "quote.elided-subject-sentence"
			return w
		}
	}
	if w := s.lastSpeaker; w.found() && s.personLike(w) && s.lastSpeakerSent >= sent-2 {
		w.rule = "quote.elided-subject-last-speaker"
		return w
	}
	return nobody
}

// fusedSubjectBefore is what a French subject pronoun fused with its verb ("a-t-il affirmé",
// "a-t-elle ajouté") refers to when the sentence just before, in the same paragraph, opens with
// a speech verb whose subject is a person: "Le ministre a souligné que … « … », a-t-il
// affirmé" is the minister, not the last person named.
func (s *state) fusedSubjectBefore(j int) who {
	toks := s.doc.Tokens
	if s.lx.Lang != "fr" || s.lookingBack || !strings.Contains(toks[j].Low, "-t-") {
		return nobody
	}
	// The sentence before may end inside the pronoun's own sentence when the quotation
	// follows its full stop: its words run from the sentence's first token to the quotation.
	sent := toks[j].Sent
	lo, hi := s.doc.Sents[sent].First, s.doc.Sents[sent].First
	for hi < j && !s.inQuote[hi] && !toks[hi].IsQuoteMark() {
		hi++
	}
	if hi == lo || hi == j || toks[hi-1].Text != "." {
		if sent == 0 || hi != lo {
			return nobody
		}
		prev := s.doc.Sents[sent-1]
		if toks[prev.First].Para != toks[j].Para {
			return nobody
		}
		lo, hi = prev.First, prev.First+len(prev.Tokens)
	}
	s.lookingBack = true
	defer func() { s.lookingBack = false }()
	w := s.speakerIn(lo, hi)
	if !w.found() || s.mentionKind(w) != mPerson && w.rule != "quote.role" || w.start != lo && !(w.start == lo+1 && s.isArticle(toks[lo].Low)) {
		return nobody
	}
	w.start, w.end, w.rule = j, j+1, "quote.pronoun-subject-before"
	return w
}

// verbBeforeQuote is the subject of a Spanish or French speech verb that governs the quotation
// at open directly ("M. Piantedosi a salué « les résultats remarquables » …, a indiqué la même
// source"): a person named before the verb speaks, whatever source the sentence cites after.
func (s *state) verbBeforeQuote(open, lo int) who {
	if s.ownLang() == "" || open-1 <= lo {
		return nobody
	}
	if _, ok := s.speechAt(open - 1); !ok {
		return nobody
	}
	w := s.speakerBefore(lo, open-1)
	if !w.found() || s.mentionKind(w) != mPerson {
		return nobody
	}
	w.verb, w.rule = open-1, "quote.verb-before-quote"
	return w
}

// trailingAdjunct reports whether the words from i to the end of their sentence are only a
// phrase of place or time after a speech verb with no subject: "declaró en Roma", "afirmó ayer
// en una rueda de prensa". They open with a preposition or an adverb of time, and name no
// person, body or office that could be the verb's subject, and no article that no preposition
// governs.
func (s *state) trailingAdjunct(i int) bool {
	toks := s.doc.Tokens
	if !s.isPrep(toks[i].Low) && !s.word("before-verb", toks[i].Low) {
		return false
	}
	for k := i; k < len(toks) && toks[k].Sent == toks[i].Sent; k++ {
		if s.inQuote[k] || toks[k].Text == "," || toks[k].Text == ";" {
			return false
		}
		if k > i && s.isArticle(toks[k].Low) && !s.isPrep(toks[k-1].Low) {
			return false // "dijo en Roma una fuente diplomática": a subject after the phrase
		}
		if m := s.actorMention(k); m >= 0 && s.mentions[m].kind != mCountry {
			return false
		}
		if _, ok := s.lx.Titles.Longest(toks, k); ok {
			return false
		}
	}
	return true
}

// subjectPerson is the first person named in [lo, hi) with no preposition before the name,
// which is then the subject of its clause ("El consejero, Tomás Vega, visitó"); -1 when none.
func (s *state) subjectPerson(lo, hi int) int {
	for k := sort.Search(len(s.mentions), func(k int) bool { return s.mentions[k].start >= lo }); k < len(s.mentions) && s.mentions[k].start < hi; k++ {
		m := s.mentions[k]
		if m.kind == mPerson && !s.inQuote[m.start] && (m.start == 0 || !s.isPrep(s.doc.Tokens[m.start-1].Low)) {
			return k
		}
	}
	return -1
}

// electedTitle reports whether head is a noun for any holder of an elected office ("l'élu",
// "el parlamentario") and one of titles is such an office ("député", "diputada"): the noun
// then refers back to that holder.
func (s *state) electedTitle(head string, titles []string) bool {
	if !s.word("elected-noun", head) {
		return false
	}
	for _, t := range titles {
		if f := strings.Fields(strings.ToLower(t)); len(f) > 0 && s.word("elected", f[0]) {
			return true
		}
	}
	return false
}

// sameSource resolves "la même source", "la misma fuente" at token a to the source the text
// named last: the speaker of an attribution in the eight sentences before, a person or a body,
// never a country.
func (s *state) sameSource(a int) who {
	toks := s.doc.Tokens
	if a+1 >= len(toks) || !s.word("same-source", toks[a].Low+" "+toks[a+1].Low) || s.lookingBack {
		return nobody
	}
	s.lookingBack = true
	defer func() { s.lookingBack = false }()
	sent := toks[a].Sent
	for k := sent - 1; k >= 0 && k >= sent-8; k-- {
		st := s.doc.Sents[k]
		if w := s.speakerIn(st.First, st.First+len(st.Tokens)); w.found() && s.bodyOrPerson(w) {
			w.start, w.end, w.rule = a, a+2, "quote.same-source"
			return w
		}
	}
	return nobody
}

// speakerAfterDay is the subject after an inverted speech verb and the day it spoke: "a
// annoncé dimanche la DIRPA", "informó este lunes la Guardia Civil". Only a weekday (after a
// demonstrative or an article: "el lunes") stands between them.
func (s *state) speakerAfterDay(from, hi int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || s.lx.Time == nil {
		return nobody
	}
	j := from
	weekday := func(w string) bool { _, ok := s.lx.Time.Weekdays[w]; return ok }
	if j < hi && !weekday(toks[j].Low) && (s.isArticle(toks[j].Low) || s.word("demonstrative", toks[j].Low) || s.word("before-verb", toks[j].Low)) {
		j++
	}
	if j >= hi || !weekday(toks[j].Low) {
		return nobody
	}
	if w := s.speakerAt(j+1, hi, true); w.found() {
		w.rule = "quote.verb-day-subject"
		return w
	}
	return nobody
}

// definitionAt is the speaker named at token a by the words that define an acronym in
// brackets after them: "a annoncé la Direction de l'information et des relations publiques
// des armées (DIRPA)", a body no gazetteer knows.
func (s *state) definitionAt(a, hi int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || a >= hi || !isCapWord(toks[a]) {
		return nobody
	}
	for p := a + 1; p+2 < hi && p <= a+30 && toks[p].Sent == toks[a].Sent; p++ {
		if toks[p].Text != "(" {
			if toks[p].Kind == text.Punct {
				return nobody
			}
			continue
		}
		if toks[p+2].Text == ")" && s.definedAcronym(acronymLetters(toks[p+1].Text)) == s.span(a, p) {
			w := nobody
			w.name, w.start, w.end, w.rule = s.span(a, p), a, p+3, "quote.acronym-definition"
			return w
		}
		return nobody
	}
	return nobody
}

// bodyOrPerson reports whether w is a person, an organization or an agency the text names:
// a mention that is no country, or the name an acronym was defined with; a name no list
// knows ("Saint-Louis") may be a place.
func (s *state) bodyOrPerson(w who) bool {
	if w.mention >= 0 {
		return s.mentionKind(w) != mCountry
	}
	s.definedAcronym("")
	for _, name := range s.defined {
		if name == w.name {
			return true
		}
	}
	return false
}

// ministryAnaphor resolves a bare noun for a ministry at token a ("el departamento aseguró",
// "le ministère a précisé"), with no complement after it, to the ministry the text named
// last in the ten sentences before.
func (s *state) ministryAnaphor(a int) who {
	toks := s.doc.Tokens
	if a >= len(toks) || !s.word("ministry-noun", toks[a].Low) || a+1 < len(toks) && (s.isPrep(toks[a+1].Low) || isCapWord(toks[a+1])) {
		return nobody
	}
	sent := toks[a].Sent
	for k := sort.Search(len(s.mentions), func(k int) bool { return s.mentions[k].start >= a }) - 1; k >= 0; k-- {
		m := s.mentions[k]
		if toks[m.start].Sent < sent-10 {
			break
		}
		if (m.kind == mOrg || m.kind == mAgency) && m.entity >= 0 {
			if f := strings.Fields(strings.ToLower(s.entities[m.entity].name)); len(f) > 0 && s.word("ministry", f[0]) {
				w := s.mentionWho(k)
				w.start, w.end, w.rule = a, a+1, "quote.ministry-anaphor"
				return w
			}
		}
	}
	return nobody
}

// partnerBefore returns the token of "avec", "con" that opens the title a Spanish or French
// name at token st is apposed to ("s'est entretenu avec la cheffe de mission de l'OIM, X",
// "se reunió con la jefa de misión de la OIM, X"): the name is the side met, no subject.
// Else -1. It looks back no further than from and twelve tokens.
func (s *state) partnerBefore(st, from int) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" || st < 2 || toks[st-1].Text != "," {
		return -1
	}
	for q := st - 2; q > from && q >= st-14 && toks[q].Sent == toks[st].Sent; q-- {
		if toks[q].Text == "," || toks[q].Text == "." {
			return -1
		}
		if s.word("partner", toks[q].Low) {
			return q
		}
	}
	return -1
}

// ngoRole is the person a role of a non-governmental organization that ends right before token
// e names in Spanish or French copy ("la responsable de la organización lamentó", "le
// responsable de l'ONG a dénoncé"), else nobody.
func (s *state) ngoRole(e, from int) who {
	toks := s.doc.Tokens
	if s.ownLang() == "" || e-1 < from || !s.word("ngo-noun", toks[e-1].Low) {
		return nobody
	}
	t := e - 2
	if t >= from && s.isArticle(toks[t].Low) {
		t--
	}
	if t < from || !s.isPrep(toks[t].Low) {
		return nobody
	}
	for a := t - 1; a >= from && a >= t-3; a-- {
		if m, ok := s.lx.Titles.Longest(toks, a); ok && m.End == t {
			if k := s.ngoRoleHolder(a, t); k >= 0 {
				w := s.mentionWho(k)
				w.start, w.end, w.rule = a, e, "quote.role-of-ngo"
				return w
			}
		}
	}
	return nobody
}

// ngoRoleHolder is the mention of the person an office of a non-governmental organization
// refers back to in Spanish or French copy ("la responsable de la organización", "le
// responsable de l'ONG"): the last person named before token a with an office of no state,
// when the role [a, e) is followed by the organization's bare noun (data: ngo-noun). Else -1.
func (s *state) ngoRoleHolder(a, e int) int {
	toks := s.doc.Tokens
	if s.ownLang() == "" {
		return -1
	}
	j := e
	if j < len(toks) && s.isPrep(toks[j].Low) {
		j++
	}
	if j < len(toks) && s.isArticle(toks[j].Low) {
		j++
	}
	if j == e || j >= len(toks) || !s.word("ngo-noun", toks[j].Low) {
		return -1
	}
	for k := len(s.mentions) - 1; k >= 0; k-- {
		m := s.mentions[k]
		if m.kind != mPerson || m.start >= a || m.entity < 0 {
			continue
		}
		if len(s.entities[m.entity].titles) > 0 && s.ngoBefore(m.start) {
			return k
		}
	}
	return -1
}

// ngoBefore reports whether the title before a person's name at token st names an
// organization of no state: "la secretaria general de CEAR, X".
func (s *state) ngoBefore(st int) bool {
	toks := s.doc.Tokens
	for p := st - 1; p >= 0 && p >= st-12 && toks[p].Sent == toks[st].Sent; p-- {
		if m := s.mentionAt(p); m != nil && m.kind == mOrg && m.orgType == "ngo" {
			return true
		}
	}
	return false
}

// branchEnd is the end of the place that names the local branch of a body of no state, when
// "de" and that place follow the body's name as a speaker: "Cáritas Diocesana de Ceuta", "le
// Secours catholique de Marseille". The place is one to three capitalised words the text
// reads as no other body or person. It is m.end otherwise, and always for English.
func (s *state) branchEnd(m mention) int {
	toks := s.doc.Tokens
	e := m.end
	if s.ownLang() == "" || m.kind != mOrg || m.orgType != "ngo" || e+1 >= len(toks) || toks[e+1].Sent != toks[m.start].Sent {
		return m.end
	}
	switch toks[e].Low {
	case "de", "d'", "d’":
	default:
		return m.end
	}
	k := e + 1
	for k < len(toks) && k <= e+3 && isCapWord(toks[k]) && s.at[k] < 0 && !s.lx.Stop[toks[k].Low] {
		k++
	}
	if k == e+1 || k < len(toks) && isCapWord(toks[k]) {
		return m.end
	}
	return k
}
