package extract

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/geo"
	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Events of a sentence without a tree of its own language.
//
// The frames of data/LANG/events.tsv name UD relations, which the tree path reads once a
// language has a syntax model whose trees extraction has been checked on. Until then, and for
// any sentence that has no tree, a Spanish or French sentence's events are read on its
// surface, by the word order of news copy in both languages: the source is the actor named
// before the trigger in its clause (not after a preposition), the target the actor after it
// ("con", "avec" for a meeting; "a", "al", "à" for a request; the first one named for an
// act on people, else the country where it happens).

// treeEventLangs are the languages whose events are read on their dependency trees. Spanish
// and French join when their models' trees are checked against testdata/es and testdata/fr.
var treeEventLangs = map[string]bool{}

// surfaceEvents reports whether the events of the document are read on the surface.
func (s *state) surfaceEvents() bool { return s.ownLang() != "" && !treeEventLangs[s.ownLang()] }

// codeSurface codes the triggers of sentence si by word order.
func (s *state) codeSurface(si int, trigs []trigger, seen map[string]bool) {
	sent := s.doc.Sents[si]
	first, end := sent.First, sent.First+len(sent.Tokens)
	var prevSrc side       // the source of the last act read in the sentence
	prevAgentless := false // whether that act named no one who acts
	prevEnd := first       // the end of its trigger
	// "… y ha detenido a 14 personas. La operación, desarrollada el pasado día 24 con la
	// colaboración de la DGSN marroquí, culminó con", "L'opération, menée mardi avec l'appui
	// de …": the operation as subject dates the acts told before and is their side's, with the
	// partner it names.
	opSrc, opOK := s.operationSubject(si, seen)
	for _, tr := range trigs {
		if s.inQuote[tr.i] {
			continue
		}
		r := tr.rules[0]
		typ := r.Type
		neg, hyp := false, false
		for k := tr.i - 1; k >= first && k >= tr.i-3; k-- {
			w := s.doc.Tokens[k].Low
			neg = neg || s.lx.Modal("negation", w)
			hyp = hyp || s.lx.Modal("hypothetical", w)
		}
		if neg || hyp || s.inName(tr, first) {
			continue
		}
		fut, future := s.futureTense(tr, first)
		promised := false // an act to come, promised to another state
		if future || s.lx.Modal("future", s.doc.Tokens[tr.i].Low) || s.lx.Modal("future", s.doc.Tokens[tr.j-1].Low) {
			// "déploiera des patrouilles en Mauritanie", "desplegará agentes": a deployment to
			// come, told as a plan with another state, is promised as cooperation is.
			if !cooperativeTypes[typ] && typ != "MOBILIZE" {
				continue
			}
			promised = typ != "AGREE"
			typ = "AGREE"
		}
		// "movilizó a la Salvamar Mimosa para auxiliar a una patera", "a mobilisé une vedette
		// pour secourir": a vessel sent to a rescue is the rescue, not a deployment.
		if typ == "MOBILIZE" && s.rescueAim(tr, trigs, end) {
			continue
		}
		// "Ha permitido desmantelar", "a permis d'intercepter": an infinitive is an act only
		// as the complement of a verb that tells it was done ("para detener", "pour
		// démanteler" tell an aim).
		if s.infinitive(tr) && !s.enabled(tr.i, first) {
			continue
		}
		// "Sont convenues d'intensifier les patrouilles mixtes", "acordaron reforzar la
		// cooperación policial": a joint act named after an agreement is what was agreed,
		// the agreement's object, not an act done.
		if (typ == "COOPERATE" || s.word("meeting-noun", s.doc.Tokens[tr.i].Low) || s.word("act-nominal", s.doc.Tokens[tr.i].Low)) && s.agreedBefore(tr, trigs) {
			continue // also "acordaron celebrar una nueva reunión": a meeting to come
		}
		// "ont signé un accord prévoyant des patrouilles conjointes", "firmaron un memorando
		// que prevé patrullas conjuntas": a joint act that a signed text provides for is what
		// was agreed, an AGREE of the same sides, not an act done.
		provided := typ == "COOPERATE" && s.providedFor(tr, trigs)
		if provided {
			typ = "AGREE"
		}
		// "El rescate de 50 personas el martes", "l'arrestation de X lundi": a noun names a
		// done act when a date follows it in its clause; else it names a kind of act.
		// "La Gendarmerie royale a procédé à l'arrestation de", "ha procedido a la detención
		// de": a noun after a light verb is the verb's act, dated as a verb.
		actDate, actNoun := "", false
		if s.word("act-nominal", s.doc.Tokens[tr.i].Low) && tr.j == tr.i+1 {
			actNoun = true
			// "… y ha detenido a 23 personas. Las detenciones se practicaron el pasado
			// martes", "Les interpellations ont eu lieu mardi": the noun, subject of a verb of
			// occurring, names the acts told before and gives their time; it is no new act.
			if s.occurredSubject(tr, first, end) && s.dateActsBefore(si, typ, s.timeAfter(tr.i)) {
				continue
			}
			if !s.afterLightVerb(tr.i, first) {
				if actDate = s.nominalDate(tr.i, end); actDate == "" {
					continue
				}
			}
		}
		// "El juez decretó el miércoles prisión provisional para los detenidos", "placés sous
		// mandat de dépôt": a remand named by a noun is an act when a verb orders it in its
		// clause; "pidió prisión provisional", "a requis la détention provisoire" ask for it.
		remand := s.word("remand-noun", s.doc.Tokens[tr.i].Low)
		if remand && !s.remandOrdered(tr.i, first) {
			continue
		}
		// "La reunión entre X y Y", "l'entretien de X avec Y": a meeting named by a noun, its
		// sides after it.
		nsrc, ntgt, nominal := s.nominalMeeting(typ, tr, end)
		// "Los detenidos cobraban", "les interpellés": a participle after an article names
		// people, not an act.
		// An infinitive after "a" is a verb's complement ("volvió a pedir"): the English "a"
		// is no article there.
		if !nominal && !actNoun && tr.i > first && s.isArticle(s.doc.Tokens[tr.i-1].Low) && !s.word("act-noun", s.doc.Tokens[tr.i].Low) && !s.infinitive(tr) && !remand {
			continue
		}
		// "a rejeté toute idée d'installer des centres pour les migrants expulsés", "rechazó
		// acoger a los migrantes devueltos": a participle in the object of a refusal describes
		// the people refused, it tells no act.
		if s.refusedParticiple(tr, trigs, first) {
			continue
		}
		// "Los supervivientes rescatados por la Salvamar, de origen subsahariano y marroquí,
		// fueron desembarcados", "Les migrants secourus par la Marine": a participle on a noun
		// of people that opens the sentence, after the act was told, names them again.
		if s.restatedParticiple(tr, first, typ) {
			continue
		}
		src, ok := nsrc, nominal
		// "del Juzgado de Instrucción número 2 de Ceuta, que decretó prisión provisional", "placés
		// sous mandat de dépôt par le juge du tribunal de Nador": a remand is the act of the
		// state whose court orders it, where the report's place or dateline puts it.
		if remand {
			src, ok = s.remandCourt(sent, tr.i)
		}
		passive := false
		if !ok && s.passiveForm(tr) {
			src, ok = s.passiveAgent(tr.j, end)
			passive = ok
		}
		// "a salué ... tout en appelant Dakar à", "elogió ..., instando a Rabat a": a gerund
		// shares the subject of the act told before it in its sentence.
		if !ok && s.gerund(tr) {
			if ev := s.lastEventIn(si); ev != nil {
				src, ok = side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "gerund"}, true
			}
		}
		if !ok {
			src, ok = s.relativeSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.surfaceSource(first, tr.i)
			if ok {
				src = s.ownCountryOf(src, first)
			}
			// "s'est entretenu avec la cheffe de mission de l'OIM, X, et a appelé", "se reunió
			// con X y pidió": an actor named after the act before is that act's object; the
			// verb joined to it by "et", "y" shares its subject.
			if _, after := s.surfaceSource(prevEnd, tr.i); ok && after && prevEnd > first && prevSrc.code != "" && s.joinedVerb(first, tr.i) {
				src = prevSrc
				src.node, src.how = -1, "joined verb"
			}
		}
		// "ha acusado al Gobierno ... y ha exigido al Ministerio", "reprocha a X ... y pide a
		// Bruselas": a verb joined by "y", "et" to the act told before in its sentence shares
		// its subject, when no actor stands before it in the clause.
		if !ok && s.joinedVerb(first, tr.i) && prevSrc.code != "" {
			src, ok = prevSrc, true // the act before may be a repeat, coded once
			src.node, src.how = -1, "joined verb"
		}
		// "Le collectif Boza Fii a appelé le gouvernement", "El Foro de Entidades Cívicas ha
		// denunciado": a civil body the gazetteer does not know, opening the sentence of a
		// demand or a criticism, acts for the state of the dateline.
		if !ok && (typ == "ACCUSE" || typ == "REQUEST") {
			src, ok = s.unknownBodySubject(first, tr.i)
		}
		// "La commission mixte algéro-espagnole s'est réunie", "el Grupo Permanente
		// hispano-marroquí acordó": a subject named by the compound adjective of two countries
		// acts for both.
		if !ok && mutualTypes[typ] {
			if a, b, found := s.compoundSides(first, tr.i); found {
				src, ntgt, nominal, ok = a, b, true, true
			}
		}
		// "La Guardia Civil y las Fuerzas Auxiliares marroquíes frustraron", "La Marine royale et
		// la Guardia Civil ont intercepté": a material act of two bodies of different states is
		// one act for each of them.
		var coSrc side
		if ok && materialTypes[typ] && src.explicit && src.how == "surface" {
			if c := s.coordinatedBefore(first, src); c.code != "" && c.code != src.code && s.isCountry(c.code) && s.isCountry(src.code) && !s.genericForce(c) && !s.genericForce(src) {
				coSrc = c
			}
		}
		var pair *record.Event
		// "recibió a su homólogo senegalés, con quien firmó un memorando", "avec qui il a
		// signé": the act of a relative clause after "con", "avec" is between the sides of the
		// act told before it in the sentence.
		if s.withWhom(first, tr.i) {
			if ev := s.lastEventIn(si); ev != nil {
				pair = ev
				src, ok = side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "relative after with"}, true
			}
		}
		if !ok {
			// "Ambos ministros acordaron", "Les deux ministres ont salué": the two sides of the
			// meeting told before.
			if pair = s.bothSides(first, tr.i); pair != nil {
				src, ok = side{code: pair.Source.Actor, entity: pair.Source.Entity, node: -1, how: "both sides"}, true
			}
		}
		if !ok {
			// "Le commissaire européen a salué", "El ministro elogió": a title with no name
			// is its holder named before.
			src, ok = s.titleSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.pronounSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.anaphorSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.ngoSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.courtSubject(first, tr.i)
		}
		if !ok {
			src, ok = s.ministryAtPlace(first, tr.i)
		}
		if !ok && opOK && materialTypes[typ] {
			src, ok = opSrc, true // "en los que los agentes intervinieron": the operation's agents
		}
		// "L'UE a annoncé une aide de 100 millions à la Tunisie. Une première tranche de 60
		// millions a été versée mardi": money paid with no payer named is the donor's told
		// before, to its recipient.
		if !ok && typ == "AID" && r.Mode == "" && s.passiveForm(tr) {
			if ev := s.lastGrant(); ev != nil {
				pair = ev
				src, ok = side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "donor told before"}, true
			}
		}
		agentless := false
		if !ok && materialTypes[typ] {
			agentless = true
			if c := s.placeCountry(sent); c != "" {
				src, ok = side{code: c, node: -1, how: "place in sentence"}, true
			} else if p := s.gazetteerPlace(first, end); p.found && p.code != "" {
				// "Once personas han sido arrestadas en Ceuta", "se ha detenido en Almería a":
				// the country of the place the clause names.
				src, ok = side{code: p.code, node: -1, how: "place in sentence"}, true
			} else if c := s.recentAgency(tr.i); c != "" {
				src, ok = side{code: c, node: -1, how: "agency named before"}, true
			} else if c := s.datelinePlace(); c != "" {
				// "Oran - Les unités des garde-côtes ... ont mis en échec", "Fnideq - Les forces
				// de l'ordre ont déjoué": a body named without its country is the dateline's.
				src, ok = side{code: c, node: -1, how: "dateline"}, true
			}
		}
		if !ok || src.code == "" {
			continue
		}
		// "les forces de l'ordre ont démantelé 187 réseaux et porté secours à 13 200 migrants
		// au cours des onze premiers mois": a verb joined to an act that names no one who acts
		// tells a balance to date as that act does.
		joinedAgentless := src.how == "joined verb" && prevAgentless
		prevSrc, prevEnd, prevAgentless = src, tr.j, agentless
		tgt := ntgt
		if !nominal {
			tgt = s.surfaceTarget(r, tr.j, end, src)
		}
		// "X a été reçu par Y", "X fue recibido por Y": the subject of a passive is the
		// object of the act, when the act falls on no people.
		if passive && !r.Frame.People && !r.Frame.Self {
			if sd, ok := s.surfaceSource(first, tr.i); ok && sd.code != src.code {
				tgt = sd
			}
		}
		// "96 ciudadanos argelinos fueron devueltos", "12 migrants marocains ont été
		// interpellés": unnamed people of one stated nationality, the subject of a passive,
		// take that nationality (codebook 3).
		if r.Frame.People && tgt.code == src.code && s.passiveForm(tr) {
			if c := s.subjectNationality(first, tr.i); c != "" {
				tgt = side{code: c, node: -1, how: "nationality of the people acted on", people: true}
			}
		}
		if pair != nil {
			tgt = side{code: pair.Target.Actor, entity: pair.Target.Entity, node: -1, how: "both sides"}
		}
		// "La Guardia Civil y la Gendarmería senegalesa realizaron patrullas conjuntas": the
		// two bodies of a joint act are its sides.
		if typ == "COOPERATE" && !nominal && !passive {
			if c := s.coordinatedBefore(first, src); c.code != "" && c.code != src.code {
				src, tgt = c, src
			} else if c := s.jointAfter(src, tr.i); c.code != "" {
				// "Patrulleras de la Marina senegalesa y de la Guardia Civil", "des unités de la
				// Marine royale et de la Guardia Civil": the second body of the subject, not
				// the supporter named after the act ("con el apoyo de Frontex").
				tgt = c
			}
		}
		// "a rejeté ces accusations", "rechazó estas acusaciones": the accusations told
		// before; their author is the target.
		if tgt.code == "" && typ == "REJECT" && s.accusationsAfter(tr.j, end) {
			for k := len(s.events) - 1; k >= 0; k-- {
				if ev := s.events[k]; ev.Type == "ACCUSE" {
					tgt = side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "author of the accusations"}
					break
				}
			}
		}
		// "Le ministre marocain a écarté toute idée de retours forcés", "rechazó ese
		// calendario": a rejection of a thing that names no one rejects the other side of the
		// meeting told before.
		rejectsCharges := typ == "REJECT" && s.chargesRejected(tr.j, end)
		if tgt.code == "" && typ == "REJECT" && !rejectsCharges {
			tgt = s.meetingPartner(src)
		}
		// "Le gouverneur a appelé les imams à", "pidió a los líderes religiosos que": unnamed
		// people asked by a state's official are that state's (codebook 3).
		if tgt.code == "" && typ == "REQUEST" && s.isCountry(src.code) && s.unnamedGroup(tr.j, end) {
			tgt = side{code: src.code, node: -1, how: "unnamed people at home"}
		}
		// "La Audiencia condenó a tres patrones a ocho años de prisión", "a condamné sept
		// accusés à vingt ans de prison": a court that sentences unnamed people to prison
		// sentences them at home (coded as the sentence of named people is: the accusation,
		// and the detention below).
		if tgt.code == "" && typ == "ACCUSE" && s.prisonSentence(tr, end) {
			if c, found := s.courtSubject(first, tr.i); found && s.isCountry(c.code) {
				src = c // "Rabat - Le tribunal de Nador": the court, not the dateline's capital
				tgt = side{code: c.code, node: -1, how: "unnamed people at home"}
			}
		}
		// "qui a reproché au gouvernement de", "pidió al Gobierno que": the government named
		// with no country is that of the report's home state.
		if (tgt.code == "" || tgt.node >= 0 && s.mentions[tgt.node].start > tr.j+1) && (typ == "REQUEST" || typ == "ACCUSE") && s.homeGovernment(tr.j, end) {
			if c := s.home(); c != "" {
				tgt = side{code: c, node: -1, how: "home government"}
			}
		}
		// "… s'est entretenu avec M. Laftit. M. Laftit a demandé que les conditions soient
		// assouplies": a demand that names no one, by a side of the last two-sided act, is made
		// to its other side.
		if tgt.code == "" && typ == "REQUEST" {
			tgt = s.twoSidedPartner(src)
		}
		// "se reunió con el ministro senegalés … y anunció una aportación de 8 millones", "s'est
		// entretenu avec … et a annoncé une aide": a pledge joined to a meeting, with no
		// recipient named, is made to the other side of the meeting.
		if tgt.code == "" && typ == "AGREE" && s.joinedVerb(first, tr.i) {
			if ev := s.lastEventIn(si); ev != nil && ev.Type == "CONSULT" {
				tgt = s.meetingPartner(src)
			}
		}
		// "Le Forum tunisien ... a dénoncé des « expulsions collectives »": a national body
		// that denounces acts and names no one denounces its own state.
		// "l'AMDH ... réclame l'ouverture d'une enquête": so is what it demands.
		if tgt.code == "" && (typ == "ACCUSE" || typ == "REQUEST") && src.how == "national body" {
			tgt = side{code: src.code, node: -1, how: "own state of a national body"}
		}
		if tgt.code == "" && mutualTypes[typ] {
			// "España y Marruecos firmaron un acuerdo": joint subjects act with each other.
			if c := s.coordinatedBefore(first, src); c.code != "" {
				src, tgt = c, src // the first named is the source
			} else if c := s.counterpartBefore(first, src); c.code != "" {
				src, tgt = c, src // "X y su homólogo Y acordaron", "X et son homologue Y ont signé"
			}
		}
		// "ha aprobado una partida de 45 millones para reforzar el control fronterizo de Senegal
		// y Mauritania", "a débloqué 10 millions d'euros pour le Niger et le Mali": the states
		// named in the aim of an aid that names no recipient receive it.
		// "España financiará patrulleras para la Gendarmería mauritana", "Bruxelles financerait
		// des équipements pour les garde-côtes tunisiens": so does an aid to come, a promise.
		if (typ == "AID" || r.Type == "AID" && typ == "AGREE") && r.Mode == "" && !nominal && (tgt.code == "" || tgt.code == src.code) {
			if t := s.aimRecipient(tr.j, end, src); t.code != "" {
				tgt = t
			}
		}
		// "pidió al Gobierno de España y a la Unión Europea", "a appelé Rabat et l'Union
		// européenne": a demand, criticism or thanks on two coordinated sides is one act on each,
		// and so is an aid to two states.
		if provided {
			// the sides of the signing
			ev := s.lastEventIn(si)
			if ev == nil || ev.Type != "SUPPORT" {
				continue
			}
			src = side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "sides of a signed text"}
			tgt = side{code: ev.Target.Actor, entity: ev.Target.Entity, node: -1, how: "sides of a signed text"}
		}
		tgts := []side{tgt}
		// "una semana después de que Rabat rechazara la readmisión", "après que Rabat a refusé":
		// a refusal told in a clause of time is the act of its subject toward the other side of
		// the last act between two states it took part in, a week or days before that act.
		var clauseDate string
		if typ == "REJECT" && (tgt.code == "" || tgt.node < 0) {
			if days, ok := s.afterClause(tr.i, first); ok {
				if p, ev := s.otherSideBefore(src.code); p.code != "" && (tgt.code == "" || tgt.code == p.code) {
					tgt, tgts[0] = p, p
					clauseDate = shiftDay(ev.Date, -days)
				}
			}
		}
		if (verbalTypes[typ] || typ == "AID" && tgt.how == "aim of an aid") && !nominal && pair == nil {
			if t2 := s.coordinatedAfter(tgt, end); t2.code != "" {
				tgts = append(tgts, t2)
			}
		}
		// "a arrêté huit passeurs avec l'appui de la Guardia Civil": the partner of an
		// operation is no one it falls on; the people are then the acting state's.
		if materialTypes[typ] && tgt.node >= 0 && !nominal {
			for _, p := range s.phrasePartners(first, end) {
				if p.node == tgt.node {
					tgt = side{code: src.code, node: -1, how: "people of an operation with a partner", people: true}
					tgts[0] = tgt
				}
			}
		}
		// "L'OIM a appelé les deux gouvernements à", "pidió a ambos gobiernos que": the two
		// sides of the last two-sided act, one act on each.
		if verbalTypes[typ] && !nominal && pair == nil {
			if p := s.bothSides(tr.j, min(end, tr.j+4)); p != nil {
				tgts = []side{
					{code: p.Source.Actor, entity: p.Source.Entity, node: -1, how: "both sides as target"},
					{code: p.Target.Actor, entity: p.Target.Entity, node: -1, how: "both sides as target"},
				}
			}
		}
		n0 := len(s.events)
		for _, tgt := range tgts {
			// "a rejeté des accusations « infondées »", "rechazó las acusaciones": a rejection
			// of charges whose author is not named is coded with no target (codebook 5).
			if tgt.code == "" && !rejectsCharges || promised && tgt.code == src.code || tgt.code == src.code && !materialTypes[typ] && !r.Frame.Self && !r.Frame.People && tgt.how != "own state of a national body" && tgt.how != "author of the accusations" && tgt.how != "home government" && tgt.how != "unnamed people at home" && !s.domesticDemand(typ, src, tgt) {
				continue
			}
			date := actDate
			if clauseDate != "" {
				date = clauseDate
			}
			if nominal && date == "" && !future {
				date = s.timeAfter(tr.i) // "la reunión ..., celebrada este jueves", "s'est tenue lundi"
			}
			switch {
			case remand:
				date = s.remandTime(tr, first)
			case future:
				// "ha anunciado que ambos países celebrarán en febrero una reunión": the time
				// named is when the act is to be done; the promise is dated by its telling.
				date = s.promiseDay(fut, first)
			case materialTypes[typ] && s.operationTime(first, end) != "":
				// "han desarticulado una red …, en una operación desarrollada el pasado martes",
				// "lors d'une opération menée mardi": the operation dates the acts it holds.
				date = s.operationTime(first, end)
			case date == "":
				date = s.explicitTime(tr.i, false)
				if rt := s.reportedActTime(first, tr.i, end); date != "" && materialTypes[typ] && rt != "" {
					date = rt // "ha informado este jueves de que … frustraron … a lo largo de 2026"
				}
				if date != "" && !materialTypes[typ] && s.reportedTime(tr.j, end, date) {
					date = "" // "agradeció el apoyo y recordó que ... el año pasado": not when it thanked
				}
				if date != "" && r.Type == "AGREE" && s.promisedTime(tr, end, date) {
					date = "" // "sont convenues de réunir ... en février": when it is to be done
				}
				// "ha acusado al Gobierno de devolver … durante el mes de noviembre, en un informe
				// presentado este lunes", "a dénoncé … dans un rapport publié lundi": the time of
				// the report that tells a word act dates it.
				if st := s.statementTime(first, end); st != "" && !materialTypes[typ] {
					date = st
				}
			}
			// "denunció este jueves el colapso del sistema, que recibió entre enero y octubre
			// …, y reclamó", "a dénoncé mardi …, et a réclamé": a verb joined to a word act
			// told before was said when that act was, not over the span named between them.
			if strings.Contains(date, "/") && !materialTypes[typ] && s.joinedVerb(first, tr.i) {
				if ev := s.lastEventIn(si); ev != nil && ev.Date != nil && !strings.Contains(*ev.Date, "/") {
					date = *ev.Date
				}
			}
			if date == "" && pair != nil && pair.Date != nil {
				date = *pair.Date // what the two sides did at their meeting
			}
			if date == "" && !remand {
				date = s.hodiernal(tr.i, first) // a remand with no time of its own is undated
			}
			if date == "" && !materialTypes[typ] {
				date = s.meetingDay(src.code) // "pidió a la UE": said at the meeting told before
			}
			// "13 420 migrants ont été interceptés depuis janvier", "en lo que va de año": a count
			// to date with no one named who acts is a statistic, not an act; so is one over a
			// whole year ("L'an dernier, les services de sécurité avaient déjoué 78 685 tentatives").
			// "ce week-end", "este fin de semana": a span of a day or two up to the publication
			// is when the act was done, not a count to date.
			if agentless && len(s.published) >= 4 && (strings.HasSuffix(date, "/"+s.published) && !shortSpan(date) || len(date) == 4 || longPeriod(date)) || joinedAgentless && (longPeriod(date) || len(s.published) >= 4 && date == s.published[:4]) {
				continue // also "durant les quatre premiers mois de l'année": a total over months
			}
			// "Desde enero, … 143 detenidos. Además, se han intervenido 27 embarcaciones",
			// "Par ailleurs, 40 embarcations ont été saisies": a sentence with no one named who
			// acts that goes on with the balance before adds to its figures; it is no act.
			if agentless && s.continuesBalance(si, tr.i) {
				continue
			}
			key := typ + "|" + src.code + "|" + tgt.code + "|" + date
			if seen[key] {
				continue
			}
			// "s'est entretenu avec X, en visite au Royaume": a meeting is one act whichever side
			// each mention names first (codebook: CONSULT and COOPERATE match in either order).
			if (typ == "CONSULT" || typ == "COOPERATE") && seen[typ+"|"+tgt.code+"|"+src.code+"|"+date] {
				continue
			}
			seen[key] = true
			ev := record.Event{Type: typ, Mode: r.Mode, Contexts: r.Contexts, Trigger: s.span(tr.i, tr.j)}
			ev.Source = record.Actor{Actor: src.code, Entity: src.entity}
			ev.Target = record.Actor{Actor: tgt.code, Entity: tgt.entity}
			ev.Confidence = 0.5
			if date != "" {
				ev.Date = &date
				ev.Confidence += 0.2
			}
			if len(ev.Contexts) == 0 {
				ev.Contexts = []string{"migration"}
			}
			ev.Evidence = s.evidence(si)
			ev.Explain = s.why("surface "+typ+" "+r.Phrase, s.tokUse("trigger", tr.i, tr.j), s.sideUseSurface("source", src), s.sideUseSurface("target", tgt))
			s.events = append(s.events, ev)
			// "a condamné sept passeurs à vingt ans de prison", "ha condenado a doce años de
			// prisión": a sentence to prison is a detention as well as an accusation.
			if typ == "ACCUSE" && s.prisonSentence(tr, end) && !seen["COERCE|"+src.code+"|"+tgt.code+"|"+date] {
				seen["COERCE|"+src.code+"|"+tgt.code+"|"+date] = true
				jail := ev
				jail.Type, jail.Mode, jail.Contexts = "COERCE", "arrest", []string{"crime"}
				jail.Explain = s.why("surface COERCE sentence to prison", s.tokUse("trigger", tr.i, tr.j), s.sideUseSurface("source", src), s.sideUseSurface("target", tgt))
				s.events = append(s.events, jail)
			}
		}
		if coSrc.code != "" {
			s.coSourceEvents(n0, src, coSrc, seen)
		}
		// "ha desarticulado una red en colaboración con la DGSN marroquí", "a démantelé un
		// réseau avec le concours de la police espagnole": the partner a phrase names works
		// with the acting side, at the time of the act.
		// A joint act the sentence names by its own trigger ("en una operación conjunta con")
		// is coded from that trigger.
		if materialTypes[typ] && len(s.events) > n0 && !slices.ContainsFunc(trigs, func(t trigger) bool { return t.rules[0].Type == "COOPERATE" && !s.inQuote[t.i] }) {
			s.partnerEvents(first, end, src, s.events[n0], seen)
		}
	}
	s.visitEvents(si, seen)
	s.tripToSign(si, seen)
}

// partnerEvents adds a COOPERATE between the side src of the material act ev and each state
// named right after a phrase of cooperation in the clause from first to end: "en colaboración
// con la Policía de Marruecos", "en una operación coordinada entre Salvamento Marítimo y la
// Marina Real", "avec le concours de la Guardia Civil". A partner of src's own state is none.
func (s *state) partnerEvents(first, end int, src side, ev record.Event, seen map[string]bool) {
	date := ""
	if ev.Date != nil {
		date = *ev.Date
	}
	for _, p := range s.phrasePartners(first, end) {
		if p.code == "" || p.code == src.code || !s.isCountry(p.code) || !s.isCountry(src.code) {
			continue
		}
		key := "COOPERATE|" + src.code + "|" + p.code + "|" + date
		if seen[key] || seen["COOPERATE|"+p.code+"|"+src.code+"|"+date] || s.toldJoint(ev, src.code, p.code) {
			continue
		}
		seen[key] = true
		co := ev
		co.Type, co.Mode, co.Contexts = "COOPERATE", "", []string{"migration"}
		co.Source = record.Actor{Actor: src.code, Entity: src.entity}
		co.Target = record.Actor{Actor: p.code, Entity: p.entity}
		co.Explain = s.why("surface COOPERATE named by a phrase of cooperation", s.sideUseSurface("source", src), s.sideUseSurface("target", p))
		s.events = append(s.events, co)
	}
}

// operationSubject reads a sentence si that opens with an operation noun whose participle
// gives a time ("La operación, desarrollada el pasado día 24", "L'opération, menée mardi"): the
// material and joint acts of the last sentence of the three before that tells a material act
// take that time, and a phrase of cooperation in si names a partner of their side. It returns
// that side; with no such act told before, the sentence is read on its own.
func (s *state) operationSubject(si int, seen map[string]bool) (side, bool) {
	k, date := s.operationOpens(si)
	if date == "" {
		return side{}, false
	}
	sent := s.doc.Sents[si]
	first, end := sent.First, sent.First+len(sent.Tokens)
	from, to := s.evidence(max(si-3, 0)).Start, s.evidence(si).Start
	for e := len(s.events) - 1; e >= 0; e-- {
		ev := s.events[e]
		if ev.Evidence.Start < from {
			break
		}
		if !materialTypes[ev.Type] || ev.Evidence.Start >= to || !s.isCountry(ev.Source.Actor) {
			continue
		}
		for m := range s.events {
			if x := &s.events[m]; x.Evidence.Start == ev.Evidence.Start && (materialTypes[x.Type] || x.Type == "COOPERATE") {
				d := date
				x.Date, x.DateInferred = &d, false
				// "se ha saldado con 17 detenidos", "a permis l'arrestation de": the
				// operation's own acts restate those now dated.
				seen[x.Type+"|"+x.Source.Actor+"|"+x.Target.Actor+"|"+date] = true
			}
		}
		src := side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "operation told before"}
		op := ev
		op.Evidence, op.Trigger, op.Date = s.evidence(si), s.span(k, k+1), &date
		s.partnerEvents(first, end, src, op, seen)
		return src, true
	}
	return side{}, false
}

// operationOpens is the token of the operation noun that opens sentence si after its
// article, and the time its participle gives ("La operación, desarrollada el pasado día 24");
// date is "" when the sentence opens otherwise.
func (s *state) operationOpens(si int) (k int, date string) {
	if si == 0 {
		return 0, ""
	}
	sent := s.doc.Sents[si]
	first, end := sent.First, sent.First+len(sent.Tokens)
	toks := s.doc.Tokens
	k = first
	if k < end && s.isArticle(toks[k].Low) {
		k++
	}
	if k >= end || !s.word("operation-noun", toks[k].Low) {
		return 0, ""
	}
	return k, s.operationTime(first, end)
}

// aimRecipient is the first state named, not as an adjective, after the word that opens the
// aim of an aid ("para", "pour") in the clause from from to end: "para reforzar el control de
// Senegal", "pour le Niger". A state of src's own is no recipient.
func (s *state) aimRecipient(from, end int, src side) side {
	toks := s.doc.Tokens
	aim := -1
	for k := from; k < end && k < from+12; k++ {
		if toks[k].Text == "." || toks[k].Text == ";" || s.inQuote[k] {
			break
		}
		if s.word("aim", toks[k].Low) {
			aim = k
			break
		}
	}
	if aim < 0 {
		return side{}
	}
	for k := aim + 1; k < end && k < aim+16; k++ {
		if toks[k].Text == "." || toks[k].Text == ";" || toks[k].Text == "," || s.inQuote[k] {
			break
		}
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		k = m.end - 1
		// "para la Gendarmería mauritana", "pour les garde-côtes tunisiens": a state's body, or
		// an adjective after a body or an office, names the state that receives.
		body := m.adj && m.start > aim+1 && (s.lx.Agencies.Has(toks[m.start-1].Low) || s.lx.Titles.Has(toks[m.start-1].Low))
		if m.adj && !body || m.kind != mCountry && m.kind != mAgency {
			continue
		}
		sd := s.sideOf(int(s.at[m.start]))
		if sd.code != "" && sd.code != src.code && s.isCountry(sd.code) {
			sd.how = "aim of an aid"
			return sd
		}
		break
	}
	return side{}
}

// anaphorSubject is the person a common noun or a bare title stands for when it opens the
// sentence as the subject of the trigger at i ("Le responsable a appelé", "El titular de
// Interior pidió", "Le wali a appelé"): the person the text named last before the sentence.
func (s *state) anaphorSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	if first+1 >= i || !s.isArticle(toks[first].Low) {
		return side{}, false
	}
	k := first + 1
	if t, ok := s.lx.Titles.Longest(toks, k); ok && t.End <= i {
		k = t.End
	} else {
		found := false
		for e := min(i, k+4); e > k; e-- {
			if s.word("anaphor-noun", strings.ToLower(s.span(k, e))) {
				k, found = e, true
				break
			}
		}
		if !found {
			return side{}, false
		}
	}
	// "El titular de Interior", "le ministre de l'Intérieur": the office's words, to the verb.
	if k < i && (toks[k].Low == "de" || toks[k].Low == "del" || toks[k].Low == "du") {
		for k++; k < i && k < first+8 && toks[k].Kind == text.Word && s.mentionAt(k) == nil; k++ {
			if s.word("before-verb", toks[k].Low) {
				break
			}
		}
	}
	for k < i && s.word("before-verb", toks[k].Low) {
		k++
	}
	if k != i {
		return side{}, false
	}
	return s.personBefore(first, "noun for the person named before")
}

// personBefore is the side of the person the text named last before token first, read as how.
func (s *state) personBefore(first int, how string) (side, bool) {
	j := s.lastPersonBefore(first)
	if j < 0 {
		return side{}, false
	}
	sd := s.sideOf(j)
	sd.how = how
	return sd, sd.code != ""
}

// lastPersonBefore is the index of the last person mention that starts before token t, or -1:
// the person a pronoun or "le responsable" stands for.
func (s *state) lastPersonBefore(t int) int {
	for j := len(s.mentions) - 1; j >= 0; j-- {
		if m := s.mentions[j]; m.kind == mPerson && m.start < t {
			return j
		}
	}
	return -1
}

// toldJoint reports whether the sentence of ev already holds a joint act of the two sides,
// dated or not ("en una operación conjunta con", coded from its noun).
func (s *state) toldJoint(ev record.Event, a, b string) bool {
	for _, e := range s.events {
		if e.Type == "COOPERATE" && e.Evidence == ev.Evidence && (e.Source.Actor == a && e.Target.Actor == b || e.Source.Actor == b && e.Target.Actor == a) {
			return true
		}
	}
	return false
}

// phrasePartners are the sides named right after a phrase of cooperation (data:
// cooperation-phrase) in the clause from first to end, and the one joined to each by "y", "et".
func (s *state) phrasePartners(first, end int) []side {
	toks := s.doc.Tokens
	var out []side
	for a := first; a < end; a++ {
		if s.inQuote[a] {
			continue
		}
		phrase, after := "", -1
		for k := a; k < end && k < a+5; k++ {
			if phrase != "" && !strings.HasSuffix(phrase, "'") {
				phrase += " "
			}
			phrase += toks[k].Low
			if s.word("cooperation-phrase", phrase) {
				after = k + 1
			}
		}
		if after < 0 {
			continue
		}
		j := after
		for n := 0; n < 2 && j < end; n++ {
			if s.isArticle(toks[j].Low) {
				j++
			}
			m := s.mentionAt(j)
			if m == nil || m.start != j || m.adj {
				break
			}
			sd := s.sideOf(int(s.at[j]))
			if sd.code == "" {
				sd = s.ngoSide(int(s.at[j]), sd)
			}
			out = append(out, sd)
			j = m.end
			if j >= end || !isAnd(toks[j].Low) {
				break
			}
			j++
			if j < end && (slices.Contains(prepForms["a"], toks[j].Low) || slices.Contains(prepForms["à"], toks[j].Low) || toks[j].Low == "de" || toks[j].Low == "du" || toks[j].Low == "des") {
				j++
			}
		}
		a = after - 1
	}
	return out
}

// coSourceEvents repeats the events made from index n0 on for the other body of a coordinated
// subject: its own act, on its own state where the first fell on the first body's state.
func (s *state) coSourceEvents(n0 int, src, co side, seen map[string]bool) {
	for _, ev := range s.events[n0:len(s.events)] {
		tgt := ev.Target
		if tgt.Actor == src.code {
			tgt = record.Actor{Actor: co.code, Entity: co.entity}
		}
		date := ""
		if ev.Date != nil {
			date = *ev.Date
		}
		key := ev.Type + "|" + co.code + "|" + tgt.Actor + "|" + date
		if seen[key] {
			continue
		}
		seen[key] = true
		ev.Source = record.Actor{Actor: co.code, Entity: co.entity}
		ev.Target = tgt
		ev.Explain = s.why("surface "+ev.Type+" of a coordinated subject", s.sideUseSurface("source", co))
		s.events = append(s.events, ev)
	}
}

// relativeSubject is the side of the person or body that a relative clause opening just
// before the trigger at i stands for: "du député X, du groupe …, qui a reproché", "reconoció el
// ministro, que pidió", "a déploré son porte-parole, X, qui a réclamé". The antecedent is the
// one named last before ", qui", ", que", ", quien", after a preposition or not.
func (s *state) relativeSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	k := i - 1
	for k > first && s.word("before-verb", toks[k].Low) {
		k--
	}
	if k-1 <= first || toks[k-1].Text != "," || !s.word("relative", toks[k].Low) || s.inQuote[k] {
		return side{}, false
	}
	for j := k - 2; j >= first; j-- {
		if s.inQuote[j] {
			continue
		}
		m := s.mentionAt(j)
		if m == nil || m.kind == mCountry {
			continue
		}
		j = m.start
		if sd := s.sideOf(int(s.at[j])); sd.code != "" {
			sd.node, sd.how = -1, "antecedent of a relative"
			return sd, true
		}
	}
	return side{}, false
}

// meetingPartner is the other side of the last meeting (CONSULT) coded in the report that src
// took part in, or no side.
// twoSidedPartner is the other side of the last two-sided act told (a meeting, an agreement,
// a joint act), when src is one of its sides, the same person or body; else none.
func (s *state) twoSidedPartner(src side) side {
	for k := len(s.events) - 1; k >= 0; k-- {
		ev := s.events[k]
		if !twoSidedTypes[ev.Type] || ev.Source.Actor == ev.Target.Actor {
			continue
		}
		// The speaker is that side itself, the same person or body, not another of its country.
		// A person stands for a side the act names by no person ("su homólogo marroquí").
		person := src.node >= 0 && s.mentions[src.node].kind == mPerson
		is := func(a record.Actor) bool {
			return src.entity != "" && src.entity == a.Entity || person && a.Actor == src.code && !s.personEntity(a.Entity)
		}
		switch {
		case is(ev.Source):
			return side{code: ev.Target.Actor, entity: ev.Target.Entity, node: -1, how: "other side of the last two-sided act"}
		case is(ev.Target):
			return side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "other side of the last two-sided act"}
		}
		return side{}
	}
	return side{}
}

// personEntity reports whether the entity id ("e3") names a person.
func (s *state) personEntity(id string) bool {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "e"))
	return err == nil && n >= 1 && n <= len(s.entities) && s.entities[n-1].typ == record.Person
}

func (s *state) meetingPartner(src side) side {
	for k := len(s.events) - 1; k >= 0; k-- {
		ev := s.events[k]
		if ev.Type != "CONSULT" {
			continue
		}
		switch src.code {
		case ev.Source.Actor:
			return side{code: ev.Target.Actor, entity: ev.Target.Entity, node: -1, how: "other side of the meeting"}
		case ev.Target.Actor:
			return side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "other side of the meeting"}
		}
	}
	return side{}
}

// prisonSentence reports whether the trigger is a sentence to prison: a verb of sentencing
// with a word for prison after it in its clause, in the term the "à", "a" opens ("a condamné
// … à cinq ans d'emprisonnement"); a condemnation of a prison itself ("a condamné
// l'emprisonnement des journalistes") is words, no sentence.
func (s *state) prisonSentence(tr trigger, end int) bool {
	toks := s.doc.Tokens
	if !s.word("sentence-verb", toks[tr.j-1].Low) {
		return false
	}
	term := false
	for k := tr.j; k < end && k < tr.j+20; k++ {
		if toks[k].Text == ";" || s.word("relative", toks[k].Low) {
			return false
		}
		if w := toks[k].Low; w == "à" || w == "a" {
			term = true
		}
		if s.word("prison", toks[k].Low) {
			return term
		}
	}
	return false
}

// promisedTime reports whether the date nearest a commitment's trigger is named in the act
// committed to, after the "de", "à" or "a" that opens it ("sont convenues de réunir un groupe
// de travail en février", "se comprometió a celebrar una reunión en marzo"): it dates what is
// to be done, not the commitment.
func (s *state) promisedTime(tr trigger, end int, date string) bool {
	toks := s.doc.Tokens
	open := -1
	for k := tr.j - 1; k < end && k <= tr.j+2; k++ {
		if w := toks[k].Low; w == "de" || w == "d'" || w == "d’" || w == "a" || w == "à" {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	s.indexTimes()
	sent := toks[tr.i].Sent
	times := s.times[s.timeFirst[sent]:s.timeFirst[sent+1]]
	for _, tx := range times {
		if tx.value == date && tx.start <= open {
			return false
		}
	}
	for _, tx := range times {
		if tx.value == date {
			return true
		}
	}
	return false
}

// nominalMeeting reads the two sides of a meeting, or of a joint act, that a noun names, after it: "la reunión
// entre los ministros del Interior de España y Marruecos", "la rencontre entre le wali, X, et
// le délégué du gouvernement espagnol", "l'entretien du ministre marocain avec son homologue
// espagnol". The first actor after "entre" or "de" is the source; the first of another
// country after the joining word ("y", "et", "con", "avec") the target.
func (s *state) nominalMeeting(typ string, tr trigger, end int) (src, tgt side, ok bool) {
	toks := s.doc.Tokens
	// "Una investigación conjunta de la Guardia Civil y la Policía marroquí": a joint act
	// named by a noun and its adjective, its sides after it.
	joint := typ == "COOPERATE" && tr.j-tr.i >= 2
	if typ != "CONSULT" && !joint || tr.j >= end || !joint && !s.word("meeting-noun", toks[tr.i].Low) {
		return side{}, side{}, false
	}
	// "la réunion du Groupe permanent maroco-espagnol", "la reunión de alto nivel
	// hispano-marroquí": the two countries of a compound adjective in the noun's phrase.
	if a, b, ok := s.compoundSides(tr.j, min(end, tr.j+8)); ok {
		return a, b, true
	}
	// "une rencontre lundi à Alger entre X et Y", "la reunión del martes en Rabat entre":
	// "entre" after the meeting's day and place; else "de", "du" just after the noun.
	from := -1
	for k := tr.j; k < end && k <= tr.j+6; k++ {
		if toks[k].Low == "entre" {
			from = k
			break
		}
		if toks[k].Kind == text.Punct || s.inQuote[k] {
			break
		}
	}
	if from < 0 {
		switch toks[tr.j].Low {
		case "de", "del", "du", "d'", "d’":
			from = tr.j
		default:
			return side{}, side{}, false
		}
	}
	limit := from + 30
	if limit > end {
		limit = end
	}
	found, joined := false, false
	for k := from + 1; k < limit; k++ {
		if s.inQuote[k] || toks[k].Text == "." || toks[k].Text == ";" || toks[k].Text == ":" {
			break
		}
		if found && s.word("meeting-join", toks[k].Low) {
			joined = true
			continue
		}
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		idx := int(s.at[k])
		k = m.end - 1
		sd := s.sideOf(idx)
		if sd.code == "" {
			continue
		}
		if !found {
			src, found = sd, true
			continue
		}
		if joined && sd.code != src.code {
			sd.how = "meeting noun"
			src.how = "meeting noun"
			return src, sd, true
		}
	}
	return side{}, side{}, false
}

// timeAfter is the first date expression after token i in its sentence: a meeting named by
// a noun is dated by its predicate ("celebrada este jueves", "s'est tenue lundi"), not by the
// dateline before it ("Rabat, 14 mar (EFE).- La reunión ...").
func (s *state) timeAfter(i int) string {
	s.indexTimes()
	sent := s.doc.Tokens[i].Sent
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		if tx.start > i && !s.anchors[tx.start] {
			return tx.value
		}
	}
	return ""
}

// twoSidedTypes are the acts whose two sides act together, whose pair "ambos ministros", "les
// deux parties" can name; SUPPORT is left out, for praise ("a salué") is one side's act.
var twoSidedTypes = set("CONSULT", "AGREE", "COOPERATE")

// bothSides returns the last two-sided act coded before (a meeting or an agreement: "X y su
// homólogo Y acordaron … Ambos ministros se reunieron"), when the words before the
// trigger at i name both its sides ("ambos ministros", "los dos gobiernos", "les deux ministres"); else nil.
func (s *state) bothSides(first, i int) *record.Event {
	toks := s.doc.Tokens
	both := false
	for k := first; k < i; k++ {
		if s.word("both", toks[k].Low) {
			both = true
		}
		// "los dos ministros", "les deux gouvernements", "les deux délégations".
		if (toks[k].Low == "dos" || toks[k].Low == "deux") && k > first && s.isArticle(toks[k-1].Low) && k+1 < i {
			n := toks[k+1].Low
			one := strings.TrimSuffix(n, "s")
			both = both || s.lx.Titles.Has(one) || s.lx.Agencies.Has(one) || s.lx.Agencies.Has(n) || s.word("sides", n)
		}
	}
	if !both {
		return nil
	}
	for k := len(s.events) - 1; k >= 0; k-- {
		if ev := &s.events[k]; twoSidedTypes[ev.Type] && ev.Target.Actor != "" && ev.Source.Actor != ev.Target.Actor {
			return ev
		}
	}
	return s.lastTwoPersons(i)
}

// lastTwoPersons is a pair of the last two persons of different countries named before token
// i, the first named as source: "Amadou Diouf … José Luis Escrivá … Les deux ministres sont
// convenus" (with no two-sided act told before). Nil when there are no two.
func (s *state) lastTwoPersons(i int) *record.Event {
	var last side
	for k := i - 1; k >= 0; k-- {
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		idx := int(s.at[k])
		k = m.start
		if m.kind != mPerson || s.inQuote[k] {
			continue
		}
		sd := s.sideOf(idx)
		if sd.code == "" || !s.isCountry(sd.code) {
			continue
		}
		if last.code == "" {
			last = sd
		} else if sd.code != last.code {
			return &record.Event{Source: record.Actor{Actor: sd.code, Entity: sd.entity}, Target: record.Actor{Actor: last.code, Entity: last.entity}}
		}
	}
	return nil
}

// hodiernal is the publication date for an act in the Spanish present perfect with no time of
// its own: news copy in Spain tells the day's acts with "ha"/"han" ("ha agradecido la
// colaboración", "han detenido a seis personas") and earlier ones in the preterite. French
// copy tells any past act with the passé composé, so it is not dated this way.
func (s *state) hodiernal(i, first int) string {
	if s.ownLang() != "es" || s.published == "" {
		return ""
	}
	toks := s.doc.Tokens
	for k := i; k >= first && k >= i-2; k-- {
		if s.word("perfect", toks[k].Low) {
			return s.perfectDay(toks[i].Sent)
		}
	}
	return ""
}

// perfectDay is the day the report tells with the present perfect: the day of publication,
// or the day before it when the report named that day right after a perfect before sentence
// si ("ha informado este jueves", "ha señalado este jueves" in copy filed the next morning). An
// older day after a perfect ("ha detenido el pasado martes") dates its own act only.
func (s *state) perfectDay(si int) string {
	toks := s.doc.Tokens
	day := s.published
	pub, err := time.Parse("2006-01-02", s.published)
	if err != nil {
		return day
	}
	eve := pub.AddDate(0, 0, -1).Format("2006-01-02")
	for _, tx := range s.times {
		if toks[tx.start].Sent >= si {
			break
		}
		if tx.value != eve && tx.value != s.published || tx.start < len(s.inQuote) && s.inQuote[tx.start] {
			continue
		}
		for k := tx.start - 1; k >= 0 && k >= tx.start-3 && toks[k].Sent == toks[tx.start].Sent; k-- {
			if s.word("perfect", toks[k].Low) {
				day = tx.value
				break
			}
		}
	}
	return day
}

// passiveAgent is the agent of a passive participle, named after "por" or "par" within a few
// words of the trigger: "37 han sido rescatados este jueves por Salvamento Marítimo", "58
// migrants ont été interceptés par la Marine royale".
func (s *state) passiveAgent(from, end int) (side, bool) {
	toks := s.doc.Tokens
	for k := from; k < end && k < from+12; k++ {
		t := toks[k]
		if t.Kind == text.Punct && t.Text != "," || s.inQuote[k] {
			break
		}
		if t.Low != "por" && t.Low != "par" {
			continue
		}
		j := k + 1
		for j < end && j < k+6 && (s.isArticle(toks[j].Low) || toks[j].Kind == text.Word && !toks[j].IsCap() && s.mentionAt(j) == nil) {
			j++ // "por la Guardia Civil", "par une patrouille de la Marine royale"
		}
		if m := s.mentionAt(j); m != nil && j < end {
			// "por el presidente senegalés": an adjective after a title names its state.
			// "por su homólogo marroquí", "par son homologue marocain": so does one after a
			// counterpart.
			office := j > k+1 && (s.lx.Titles.Has(toks[j-1].Low) || s.lx.Agencies.Has(toks[j-1].Low) || s.word("counterpart", toks[j-1].Low))
			if sd := s.sideOf(int(s.at[j])); sd.code != "" && (!m.adj || office) {
				sd.how = "passive agent"
				return sd, true
			}
		}
		break
	}
	return side{}, false
}

// dateUndated dates the acts from event from on that their sentence tells with no time of
// their own, as English acts are dated (eventDate): by the day or month the text last named
// before their sentence, else by the day of publication, marked as inferred. A report tells
// of the days it names, and of its own day.
func (s *state) dateUndated(from int) {
	sentAt := make(map[int]int, len(s.doc.Sents))
	for k, sn := range s.doc.Sents {
		sentAt[s.doc.Runes(sn.Start)] = k
	}
	for i := from; i < len(s.events); i++ {
		ev := &s.events[i]
		si, ok := sentAt[ev.Evidence.Start]
		if ev.Date != nil || !ok {
			continue
		}
		d, inferred := s.carriedDate(s.doc.Sents[si].First), false
		if d == "" {
			d, inferred = s.published, true
		}
		if d != "" {
			ev.Date, ev.DateInferred = &d, inferred
		}
	}
}

// dropUndatedRepeats removes a surface event with no date when the document has the same act
// (type, source, target) with a date: a repeated mention of one act ("ont démantelé lundi un
// réseau ... Quelque 47 candidats ont également été interpellés") is one event (codebook 5).
func (s *state) dropUndatedRepeats(from int) {
	dated := map[string]bool{}
	for _, ev := range s.events[from:] {
		if ev.Date != nil {
			dated[ev.Type+"|"+ev.Source.Actor+"|"+ev.Target.Actor] = true
		}
	}
	out := s.events[:from]
	for _, ev := range s.events[from:] {
		if ev.Date == nil && dated[ev.Type+"|"+ev.Source.Actor+"|"+ev.Target.Actor] {
			continue
		}
		out = append(out, ev)
	}
	s.events = out
}

// sideUseSurface is the use of the tokens that named a side, if any.
func (s *state) sideUseSurface(role string, sd side) use {
	if sd.node < 0 {
		return use{role: role + " (" + sd.how + ")", start: -1}
	}
	m := s.mentions[sd.node]
	return s.tokUse(role, m.start, m.end)
}

// sideOf is the side a mention names: a person acts for their state, an office or a country
// for itself. node holds the mention's index.
func (s *state) sideOf(k int) side {
	m := s.mentions[k]
	sd := side{code: m.code, node: k, how: "surface", explicit: true, demonym: m.adj}
	if m.entity >= 0 {
		e := s.entities[m.entity]
		sd.entity = "e" + itoa(m.entity+1)
		if e.typ == record.Person {
			sd.code = e.actor
			if sd.code == "" {
				sd.code = e.country
			}
		}
	}
	return sd
}

// surfaceSource is the actor named last before the trigger in its clause, not after a
// preposition ("en Rabat", "con", "selon") and not a nationality adjective.
func (s *state) surfaceSource(first, trig int) (side, bool) {
	toks := s.doc.Tokens
	for k := trig - 1; k >= first; k-- {
		if s.inQuote[k] {
			continue
		}
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		idx := int(s.at[k])
		k = m.start
		// "el ministro español", "la police marocaine": an adjective after a title or an office
		// names its state; alone ("los migrantes marroquíes") it names people.
		// "L'Association mauritanienne des droits de l'homme", "el Foro marroquí": a body
		// that its name's adjective places acts for that country.
		body := m.adj && k > first && s.word("org-head", toks[k-1].Low)
		if m.adj && !body && !(k > first && (s.lx.Titles.Has(toks[k-1].Low) || s.lx.Agencies.Has(toks[k-1].Low) || s.word("counterpart", toks[k-1].Low))) {
			continue
		}
		// "Selon l'OIM, 760 personnes ont été interceptées", "Según la OIM": the body a figure
		// is attributed to is no actor of the act.
		if k > first && (s.isPrep(toks[k-1].Low) || s.word("according", toks[k-1].Low) || s.isArticle(toks[k-1].Low) && k-1 > first && (s.isPrep(toks[k-2].Low) || s.word("according", toks[k-2].Low))) && !s.membersOf(k) {
			continue
		}
		if s.attributed(k, first) {
			continue
		}
		// "desplegados en Mauritania y Senegal", "déployés au Mali et au Niger": a name joined
		// by "y", "et" to one after a preposition is after that preposition too.
		if s.coordinatedAfterPrep(k, first) {
			continue
		}
		// "con la Dirección General de la Seguridad Nacional (DGSN) de Marruecos": an acronym
		// in brackets is the body named just before it, read as that one is.
		if k-2 >= first && toks[k-1].Text == "(" && s.mentionAt(k-2) != nil {
			continue
		}
		sd := s.sideOf(idx)
		if sd.code == "" {
			sd = s.ngoSide(idx, sd)
		}
		if sd.code != "" {
			if body {
				sd.how = "national body"
			}
			return sd, true
		}
	}
	return side{}, false
}

// unknownBodySubject is the side of a body that opens the sentence from first with an article
// and a word for a civil body ("Le collectif Boza Fii", "Le Forum des organisations nationales",
// "La Coordinadora de Barrios"; data: org-head), before the trigger at i with no actor between:
// a national body of the dateline's state, else of the state a report that never names the
// home state of its language's press is about (codebook 3).
func (s *state) unknownBodySubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	if i-first < 3 || !s.isArticle(toks[first].Low) || !s.word("org-head", toks[first+1].Low) {
		return side{}, false
	}
	for k := first; k < i; k++ {
		if s.mentionAt(k) != nil || s.inQuote[k] {
			return side{}, false
		}
	}
	c := s.datelinePlace()
	if c == "" {
		c = s.awayHome() // a report that never names the home state of its language's press
	}
	return side{code: c, node: -1, how: "national body"}, c != ""
}

// coordinatedAfterPrep reports whether the mention opening at k is joined by "y", "e", "et"
// (and an article) to a mention that stands after a preposition: "en Mauritania y Senegal",
// "en Mauritanie et au Sénégal".
func (s *state) coordinatedAfterPrep(k, first int) bool {
	toks := s.doc.Tokens
	j := k - 1
	if j > first && (s.isArticle(toks[j].Low) || s.isPrep(toks[j].Low)) {
		j--
	}
	if j <= first || !isAnd(toks[j].Low) {
		return false
	}
	m := s.mentionAt(j - 1)
	if m == nil || m.start <= first {
		return false
	}
	b := m.start - 1
	if b > first && s.isArticle(toks[b].Low) {
		b--
	}
	// "por los Mossos y la Policía Nacional", "par la Marine et la Gendarmerie": the agents
	// of a passive act.
	agent := toks[b].Low == "por" || toks[b].Low == "par"
	return s.isPrep(toks[b].Low) && !agent && !s.membersOf(m.start)
}

// genericForce reports whether the side names a national force every state has, named
// without its country ("la Marine nationale", "la Gendarmerie"), whose state is inferred.
func (s *state) genericForce(sd side) bool {
	if sd.node < 0 {
		return false
	}
	m := s.mentions[sd.node]
	return s.word("not-home", strings.ToLower(s.span(m.start, m.end)))
}

// ngoSide is the side of a non-governmental body that the gazetteer gives no country: the
// country it works from (codebook 3), which a place in its name gives ("Asociación Pro
// Derechos Humanos de Andalucía"), else the report's dateline ("SEVILLA, 2 Dic. -"). A body
// that denounces with no one named denounces the state it works in.
func (s *state) ngoSide(k int, sd side) side {
	m := s.mentions[k]
	if m.kind != mOrg || m.orgType != "ngo" {
		return sd
	}
	c := ""
	for t := m.start; t < m.end && c == ""; t++ {
		// "Association marocaine des droits humains": a country or its adjective in the name.
		if a, ok := s.lx.Actors.Longest(s.doc.Tokens, t); ok && a.End <= m.end {
			for _, v := range a.Vals {
				if v.Kind == lexicon.CountryName || v.Kind == lexicon.CountryAdj {
					c = v.Code
				}
			}
		}
	}
	if c == "" {
		c = s.seatOf(m.start, m.end)
	}
	if c == "" {
		c = s.datelinePlace()
	}
	if c == "" {
		return sd
	}
	sd.code, sd.how = c, "national body"
	return sd
}

// domesticDemand reports whether a demand, criticism or refusal falls on a body of the
// source's own state that the text names, another than the source: "el presidente del Cabildo
// reclamó al Gobierno central", "l'association a exigé du ministère de l'Intérieur". A state's
// own bodies are its actors (codebook 3), so the act is coded within the state.
func (s *state) domesticDemand(typ string, src, tgt side) bool {
	if typ != "REQUEST" && typ != "ACCUSE" && typ != "REJECT" || !tgt.explicit || tgt.node < 0 || tgt.entity == src.entity {
		return false
	}
	m := s.mentions[tgt.node]
	return m.kind == mOrg || m.kind == mAgency
}

// joinedVerb reports whether the trigger at i follows "y", "e" or "et" with only words that
// stand before a verb between them ("y ha exigido", "et a appelé").
func (s *state) joinedVerb(first, i int) bool {
	toks := s.doc.Tokens
	k := i - 1
	for k > first && s.word("before-verb", toks[k].Low) {
		k--
	}
	return k > first && isAnd(toks[k].Low)
}

// courtSubject is the state of a court that is the subject just before the trigger at i ("La
// Audiencia de Barcelona ha condenado", "le tribunal de première instance de Tanger a
// condamné"): the country of the place in its name, else of the dateline. A court is a state
// body; its sentence on people it names no state for falls on its own state.
func (s *state) courtSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	for a := first + 1; a < i; a++ {
		// "La Audiencia", "la chambre criminelle du Tribunal de Mahdia": the court after its
		// article, or after the "de" that joins a chamber to it.
		if !s.word("court", toks[a].Low) || !s.isArticle(toks[a-1].Low) && !s.ofContraction(toks[a-1].Low) {
			continue
		}
		for k := a + 1; k < i; k++ {
			if toks[k].Kind == text.Punct || s.mentionAt(k) != nil && s.mentions[s.at[k]].kind == mPerson {
				return side{}, false // "El tribunal, que ...", a person who speaks
			}
		}
		c := s.seatOf(a+1, i)
		if c == "" {
			c = s.datelinePlace()
		}
		return side{code: c, node: -1, how: "national body"}, c != ""
	}
	return side{}, false
}

// seatOf is the country of the place a body's name gives after "de", "del" or "d'": "Audiencia
// de Barcelona", "tribunal de Tanger", "Derechos Humanos de Andalucía"; else "".
func (s *state) seatOf(from, to int) string {
	toks := s.doc.Tokens
	g, err := geo.Default()
	if err != nil {
		return ""
	}
	for k := from; k < to; k++ {
		if w := toks[k].Low; w != "de" && w != "del" && w != "d'" && w != "d’" {
			continue
		}
		e := k + 1
		for e < to && isCapWord(toks[e]) {
			e++
		}
		if e == k+1 {
			continue
		}
		// A court's seat is read as a place of the report's home country first ("Audiencia
		// de Cádiz" is not Cadiz in the Philippines).
		var home []string
		if h := s.home(); h != "" {
			home = []string{h}
		}
		if p, ok := g.Lookup(s.span(k+1, e), home); ok && s.isCountry(p.Country) {
			return p.Country
		}
	}
	return ""
}

// ofContraction reports whether w is "de" joined to an article: "del", "du", "des".
func (s *state) ofContraction(w string) bool { return w == "del" || w == "du" || w == "des" }

// subjectNationality is the one nationality that an adjective after a noun for people names
// in the clause before the trigger at i ("ciudadanos argelinos", "migrants marocains"); ""
// when there is none or more than one.
func (s *state) subjectNationality(first, i int) string {
	toks := s.doc.Tokens
	c := ""
	for k := first + 1; k < i; k++ {
		m := s.mentionAt(k)
		if m == nil || !m.adj || m.start != k {
			continue
		}
		// "ciudadanos argelinos", "ressortissants algériens": a noun for people, not an
		// office ("el Gobierno argelino", "le ministre algérien").
		if w := toks[k-1]; w.Kind != text.Word || w.IsCap() || s.lx.Titles.Has(w.Low) || s.lx.Agencies.Has(w.Low) || s.isArticle(w.Low) || s.isPrep(w.Low) {
			continue
		}
		if c != "" && c != m.code {
			return ""
		}
		c = m.code
	}
	return c
}

// ngoSubject is the body a common noun stands for as the subject just before the trigger at i
// ("La ONG reprocha", "l'association a dénoncé"): the non-governmental body named last before.
func (s *state) ngoSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	k := i - 1
	for k > first && s.word("before-verb", toks[k].Low) {
		k--
	}
	if k > first && isAnd(toks[k].Low) {
		k = s.headBody(first, k) // "La responsable de la organización lamentó … y pidió"
	}
	if k <= first || !s.word("ngo-noun", toks[k].Low) || !s.isArticle(toks[k-1].Low) {
		return side{}, false
	}
	for j := len(s.mentions) - 1; j >= 0; j-- {
		if m := s.mentions[j]; m.start < k && m.kind == mOrg && m.orgType == "ngo" {
			if sd := s.ngoSide(j, s.sideOf(j)); sd.code != "" {
				return sd, true
			}
			return side{}, false
		}
	}
	return side{}, false
}

// surfaceTarget is the actor after the trigger (within the sentence, ten words at most) that
// the frame asks for: after "con"/"avec" for a meeting, after "a"/"al"/"à"/"au" for an
// indirect object, else the first actor named; for an act on people, their nationality, else
// the country where it happens (the source's own for an act at home).
func (s *state) surfaceTarget(r lexicon.EventRule, from, end int, src side) side {
	toks := s.doc.Tokens
	want := ""
	for _, a := range r.Frame.Target {
		if a.Case != "" {
			want = a.Case
			break
		}
	}
	// "a appelé l'Union européenne à": a frame whose first target is a bare direct object
	// takes it with no preposition before it.
	if len(r.Frame.Target) > 0 && r.Frame.Target[0].Case == "" && r.Frame.Target[0].Rel == "obj" {
		want = ""
	}
	limit := from + 12
	if r.Frame.People {
		limit = from + 20 // "interceptado desde el lunes once pateras con 183 migrantes de origen argelino"
	}
	if limit > end {
		limit = end
	}
	quoted, sentEnd := false, 0
	for k := from; k < limit; k++ {
		// "a salué « l'engagement des autorités marocaines »", "elogió "el compromiso de
		// Marruecos"": a quotation that opens just after a verb of saying is its object.
		if s.inQuote[k] && !quoted && !r.Frame.People && !r.Frame.Self && k-from <= 4 && (from == 0 || !s.inQuote[from-1]) {
			quoted = true
			limit = min(end, k+20)
		}
		if s.inQuote[k] && !quoted || toks[k].Text == "." || toks[k].Text == ";" {
			break
		}
		// "le commissaire européen aux Affaires intérieures et à la Migration, Piet Janssen":
		// a title names its holder after its own words, however long.
		if s.lx.Titles.Has(toks[k].Low) && !quoted {
			limit = min(end, max(limit, k+14))
		}
		// "150 candidats, dont 12 ressortissants gambiens", "entre ellos cuatro marroquíes": the
		// nationality of a part is not the target's.
		if r.Frame.People && s.word("part", toks[k].Low) {
			break
		}
		// "six membres d'un réseau qui facilitait l'entrée de migrants marocains": a relative
		// clause tells of others than the people acted on.
		if r.Frame.People && s.word("relative", toks[k].Low) {
			break
		}
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		idx := int(s.at[k])
		k = m.end - 1
		if want != "" && !r.Frame.People && !s.afterPrep(m.start, from, want) {
			continue
		}
		// "reconduits aux frontières du Sénégal", "devolvió a Marruecos a 1.430 personas": the
		// country a deportation sends people to is their destination, not the act's target.
		// "des expulsions vers les frontières algérienne et libyenne": a border or a heading
		// names a place, for any act.
		if m.kind == mCountry && (r.Mode == "deport" && !m.adj && s.sentTo(m.start, from) || s.toBorder(m.start, from) || sentEnd > 0 && s.joinedTo(sentEnd, m.start)) {
			sentEnd = m.end // "... du Sénégal et du Mali"
			continue
		}
		// "han desarticulado, en una operación conjunta con la Policía marroquí, una
		// organización": a body named after "con" or "avec" acts alongside the source.
		if want == "" && !mutualTypes[r.Type] && !m.adj && (m.kind == mAgency || m.kind == mOrg || m.kind == mPerson) && s.afterPartner(m.start, from) {
			continue
		}
		sd := s.sideOf(idx)
		if sd.code != "" && sd.code != src.code || sd.code != "" && (r.Frame.Self || r.Frame.People || s.domesticDemand(r.Type, src, sd)) {
			return sd
		}
	}
	if r.Frame.People || r.Frame.Self {
		if src.code != "" && s.isCountry(src.code) {
			return side{code: src.code, node: -1, how: "source's country"}
		}
	}
	return side{}
}

// prepForms are the forms a frame's preposition takes before a name: "a" is also "al", "à"
// also "au" and "aux".
var prepForms = map[string][]string{"a": {"a", "al"}, "à": {"à", "au", "aux"}, "con": {"con"}, "avec": {"avec"}, "de": {"de", "del"}}

// afterPrep reports whether the mention at token k follows the preposition p, with words
// between them ("con su homólogo marroquí", "avec son homologue espagnol", "con el ministro del
// Interior mauritano").
func (s *state) afterPrep(k, from int, p string) bool {
	toks := s.doc.Tokens
	forms := prepForms[p]
	if forms == nil {
		forms = []string{p}
	}
	lo := k - 6
	for j := k - 1; j >= from && j >= lo; j-- {
		// "avec la cheffe de mission de l'OIM en Tunisie, Elena Marchetti Rossi": a title
		// and its holder after the preposition, however long.
		if s.lx.Titles.Has(toks[j].Low) {
			lo = min(lo, j-3)
		}
		for _, f := range forms {
			if toks[j].Low == f {
				return true
			}
		}
		if toks[j].Kind == text.Punct && toks[j].Text != "," {
			return false
		}
	}
	return false
}

// membersOf reports whether the mention at token k names the body of the people before it:
// "Agentes de la Policía Nacional", "les éléments de la Sûreté nationale".
func (s *state) membersOf(k int) bool {
	toks := s.doc.Tokens
	j := k - 1
	of := func(w string) bool { return w == "de" || w == "del" || w == "du" || w == "des" }
	if j > 0 && !of(toks[j].Low) && s.isArticle(toks[j].Low) {
		j-- // "de la", not the "del" that joins ("Fuentes del Ministerio")
	}
	if j < 1 || !of(toks[j].Low) {
		return false
	}
	return s.word("members", toks[j-1].Low)
}

// afterPartner reports whether the mention at token k follows a word that names who acts
// alongside ("con", "avec"), within a few words: "con la Policía marroquí".
func (s *state) afterPartner(k, from int) bool {
	toks := s.doc.Tokens
	for j := k - 1; j >= from && j >= k-3; j-- {
		if s.word("partner", toks[j].Low) {
			return true
		}
		if toks[j].Kind == text.Punct {
			return false
		}
	}
	return false
}

// coordinatedBefore is the actor joined by "y", "et" or "and" to the source named at
// src.node: "España y Marruecos firmaron".
func (s *state) coordinatedBefore(first int, src side) side {
	if src.node < 0 {
		return side{}
	}
	toks := s.doc.Tokens
	j := s.mentions[src.node].start - 1
	if j > first && s.ownLang() != "" && s.isArticle(toks[j].Low) {
		j-- // "Le Maroc et l'Espagne sont convenus"
	}
	if j <= first || toks[j].Low != "y" && toks[j].Low != "et" && toks[j].Low != "and" && toks[j].Low != "e" {
		return side{}
	}
	if m := s.mentionAt(j - 1); m != nil {
		if sd := s.sideOf(int(s.at[j-1])); sd.code != src.code {
			return sd
		}
	}
	return side{}
}

// counterpartBefore is the first side of a subject that joins a person to "su homólogo", "son
// homologue": "El ministro X, y su homólogo marroquí, Y, acordaron", "Le ministre X et son
// homologue espagnol ont signé". src is the counterpart, named last before the verb; the side
// returned is the one named last before the "y", "et" that opens it, when of another country.
func (s *state) counterpartBefore(first int, src side) side {
	if src.node < 0 {
		return side{}
	}
	toks := s.doc.Tokens
	start := s.mentions[src.node].start
	for k := start; k >= first && k >= start-6; k-- {
		if !s.word("counterpart", toks[k].Low) {
			continue
		}
		j := k - 1
		if j > first && s.word("possessive", toks[j].Low) {
			j--
		}
		if j <= first || !isAnd(toks[j].Low) {
			return side{}
		}
		if toks[j-1].Text == "," {
			j--
		}
		for m := j - 1; m >= first && m >= j-8; m-- {
			if toks[m].Text == "," && m < j-1 {
				continue
			}
			mn := s.mentionAt(m)
			if mn == nil {
				continue
			}
			if sd := s.sideOf(int(s.at[m])); sd.code != "" && sd.code != src.code {
				sd.how = "side before its counterpart"
				return sd
			}
			return side{}
		}
		return side{}
	}
	return side{}
}

// verbalTypes are the acts of words that can fall on two coordinated sides at once.
var verbalTypes = map[string]bool{"REQUEST": true, "ACCUSE": true, "REJECT": true, "SUPPORT": true}

// coordinatedAfter is the side joined by "y", "e" or "et" (and the target's preposition) to the
// target named at tgt.node: "al Gobierno de España y a la Unión Europea", "Rabat et l'UE".
func (s *state) coordinatedAfter(tgt side, end int) side {
	if tgt.code == "" || !tgt.explicit || tgt.node < 0 {
		return side{}
	}
	toks := s.doc.Tokens
	j := s.mentions[tgt.node].end
	if j >= end || !isAnd(toks[j].Low) {
		return side{}
	}
	j++
	if j < end && (slices.Contains(prepForms["a"], toks[j].Low) || slices.Contains(prepForms["à"], toks[j].Low)) {
		j++
	}
	if j < end && s.isArticle(toks[j].Low) {
		j++
	}
	if j >= end {
		return side{}
	}
	if m := s.mentionAt(j); m != nil && m.start == j && !m.adj {
		if sd := s.sideOf(int(s.at[j])); sd.code != "" && sd.code != tgt.code {
			return sd
		}
	}
	return side{}
}

// ownCountryOf reads a body named with a possessive of its country, "la Marina de su país",
// "la Marine de son pays": it acts for the country of the person named before it in the
// sentence, the subject whose country "su", "son" refers to. Any other side is returned as is.
func (s *state) ownCountryOf(sd side, first int) side {
	toks := s.doc.Tokens
	if sd.node < 0 {
		return sd
	}
	m := s.mentions[sd.node]
	e := m.end
	if e+2 >= len(toks) || !(toks[e].Low == "de" || toks[e].Low == "du") || !s.word("possessive", toks[e+1].Low) || !s.word("country-noun", toks[e+2].Low) {
		return sd
	}
	for k := m.start - 1; k >= first; k-- {
		p := s.mentionAt(k)
		if p == nil {
			continue
		}
		idx := int(s.at[k])
		k = p.start
		if p.kind != mPerson {
			continue
		}
		if c := s.sideOf(idx); c.code != "" {
			sd.code, sd.how = c.code, "possessive of a person's country"
			return sd
		}
	}
	return sd
}

// meetingDay is the date of the last dated meeting coded before that the actor took part in:
// a minister's words with no time of their own, told after the meeting ("El ministro
// senegalés pidió a la UE más visados"), were said there.
func (s *state) meetingDay(code string) string {
	for k := len(s.events) - 1; k >= 0; k-- {
		ev := &s.events[k]
		if ev.Type == "CONSULT" && ev.Date != nil && (ev.Source.Actor == code || ev.Target.Actor == code) {
			return *ev.Date
		}
	}
	return ""
}

// reportedTime reports whether the date v is told only in a clause that "que" opens after the
// trigger ending at j: the time of what is reported, not of the act ("agradeció el apoyo
// español y recordó que la Marina interceptó el año pasado", "a salué ... et rappelé que").
func (s *state) reportedTime(j, end int, v string) bool {
	toks := s.doc.Tokens
	que := -1
	for k := j; k < end; k++ {
		if s.word("complementizer", toks[k].Low) {
			que = k
			break
		}
	}
	if que < 0 {
		return false
	}
	s.indexTimes()
	sent := toks[j-1].Sent
	after := false
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		if tx.value != v || s.anchors[tx.start] {
			continue
		}
		if tx.start < que {
			return false
		}
		after = true
	}
	return after
}

// reportedActTime is the time a clause reported after a speech verb names for the act at
// token i in it ("ha informado este jueves de que sus fuerzas frustraron … a lo largo de
// 2026", "a annoncé mardi que les unités ont déjoué … en 2025"): the saying's time does not
// date what was said. It is "" when the act is not reported or its clause names no time.
func (s *state) reportedActTime(first, i, end int) string {
	toks := s.doc.Tokens
	que := -1
	for k := i - 1; k > first; k-- {
		if s.word("complementizer", toks[k].Low) && !s.inQuote[k] {
			que = k
			break
		}
	}
	if que < 0 || !s.hasSpeechVerb(first, que) {
		return ""
	}
	s.indexTimes()
	sent := toks[i].Sent
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		if tx.start > que && tx.start < end && !s.anchors[tx.start] {
			return tx.value
		}
	}
	return ""
}

// rescueAim reports whether the clause of trigger tr goes on, within a few words, with a
// rescue as its aim: "para auxiliar", "pour secourir".
func (s *state) rescueAim(tr trigger, trigs []trigger, end int) bool {
	toks := s.doc.Tokens
	for _, t2 := range trigs {
		if t2.i <= tr.j || t2.i >= end || t2.i > tr.j+10 || t2.rules[0].Type != "AID" || t2.rules[0].Mode != "rescue" {
			continue
		}
		if k := t2.i - 1; s.word("aim", toks[k].Low) || k > 0 && s.word("aim", toks[k-1].Low+" "+toks[k].Low) {
			return true
		}
	}
	return false
}

// infinitive reports whether the trigger tr is one word with the ending of the language's
// infinitives: "desmantelar", "intercepter".
func (s *state) infinitive(tr trigger) bool {
	return s.oneWordEnding(tr, "infinitive-end", "ar", "er", "ir")
}

// oneWordEnding reports whether the trigger tr is one word ending in one of endings that the
// language lists under role.
func (s *state) oneWordEnding(tr trigger, role string, endings ...string) bool {
	if tr.j != tr.i+1 {
		return false
	}
	w := s.doc.Tokens[tr.i].Low
	for _, e := range endings {
		if strings.HasSuffix(w, e) && s.word(role, e) {
			return true
		}
	}
	return false
}

// enabled reports whether the infinitive at token i completes a verb that tells its act was
// done: "ha permitido detener", "a permis d'intercepter", "ont réussi à secourir".
func (s *state) enabled(i, first int) bool {
	toks := s.doc.Tokens
	k := i - 1
	if k > first {
		switch toks[k].Low {
		case "de", "d'", "d’", "à", "a":
			k--
		}
	}
	return k >= first && s.word("enabling", toks[k].Low)
}

// nominalDate is the date told within a few words after the noun at token i, in its clause:
// "el rescate de 50 personas el martes", "l'arrestation lundi de trois passeurs".
func (s *state) nominalDate(i, end int) string {
	s.indexTimes()
	toks := s.doc.Tokens
	sent := toks[i].Sent
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		if tx.start <= i || s.anchors[tx.start] {
			continue
		}
		if tx.start > i+8 || tx.start >= end {
			return ""
		}
		for k := i + 1; k < tx.start; k++ {
			if toks[k].Kind == text.Punct || s.word("complementizer", toks[k].Low) {
				return "" // the date of another clause
			}
		}
		return tx.value
	}
	return ""
}

// compoundSides reads the two countries of a compound adjective ("maroco-espagnol",
// "hispano-marroquí") within a few words from token from, in its clause: the first part is
// the source, the second the target.
func (s *state) compoundSides(from, end int) (src, tgt side, ok bool) {
	toks := s.doc.Tokens
	for k := from; k < end; k++ {
		t := toks[k]
		if t.Kind == text.Punct || s.inQuote[k] {
			break
		}
		first, rest, found := strings.Cut(t.Low, "-")
		if !found {
			continue
		}
		a := s.lx.Prefix[first]
		b := ""
		for _, v := range s.lx.Actors.Word(rest) {
			if v.Kind == lexicon.CountryAdj {
				b = v.Code
				break
			}
		}
		if a != "" && b != "" && a != b {
			how := "compound adjective"
			return side{code: a, node: -1, how: how}, side{code: b, node: -1, how: how}, true
		}
	}
	return side{}, side{}, false
}

// agreedBefore reports whether a trigger of an agreement stands before tr in its clause, with
// no punctuation between them: "acordaron celebrar una nueva reunión", not "a accepté de
// reprendre les rapatriements, à l'issue d'une rencontre".
func (s *state) agreedBefore(tr trigger, trigs []trigger) bool {
	toks := s.doc.Tokens
	for _, o := range trigs {
		if o.i >= tr.i || o.rules[0].Type != "AGREE" {
			continue
		}
		clause := true
		for k := o.j; k < tr.i && clause; k++ {
			clause = toks[k].Kind != text.Punct
		}
		if clause {
			return true
		}
	}
	return false
}

// providedFor reports whether trigger tr follows, in its clause's sentence, a signing (a
// SUPPORT trigger before it) and after that signing a word that tells what the signed text
// provides for ("un accord prévoyant", "un acuerdo que prevé"; data: provide).
func (s *state) providedFor(tr trigger, trigs []trigger) bool {
	toks := s.doc.Tokens
	for _, o := range trigs {
		if o.i >= tr.i || o.rules[0].Type != "SUPPORT" {
			continue
		}
		for k := o.j; k < tr.i && k < o.j+12; k++ {
			if s.word("provide", toks[k].Low) {
				return true
			}
		}
	}
	return false
}

// longPeriod reports whether the date is an interval of more than a month ("2024-01-01/2024-04-30"):
// what happened over it is a total, not one act.
func longPeriod(date string) bool {
	d, ok := spanLength(date)
	return ok && d > 31*24*time.Hour
}

// statementTime is the time told right after a report's noun in the sentence from first to end
// ("en un informe presentado este lunes", "dans un communiqué publié mardi"), outside quotes.
func (s *state) statementTime(first, end int) string {
	toks := s.doc.Tokens
	s.indexTimes()
	for _, tx := range s.times[s.timeFirst[toks[first].Sent]:s.timeFirst[toks[first].Sent+1]] {
		if s.anchors[tx.start] || tx.start >= end || s.inQuote[tx.start] {
			continue
		}
		for k := tx.start - 1; k >= first && k >= tx.start-3; k-- {
			if s.word("statement", toks[k].Low) {
				return tx.value
			}
		}
	}
	return ""
}

// refusedParticiple reports whether the trigger tr is a lone participle after a noun in the
// clause of a refusal told before it in the sentence: what the refusal is about, not an act.
func (s *state) refusedParticiple(tr trigger, trigs []trigger, first int) bool {
	toks := s.doc.Tokens
	if tr.j != tr.i+1 || tr.i == first || !s.passiveForm(tr) || toks[tr.i-1].Kind != text.Word || s.word("before-verb", toks[tr.i-1].Low) {
		return false
	}
	for _, p := range trigs {
		if p.i >= tr.i || p.rules[0].Type != "REJECT" || s.inQuote[p.i] || tr.i-p.j > 15 {
			continue
		}
		clause := true
		for k := p.j; k < tr.i; k++ {
			if toks[k].Kind == text.Punct || s.word("complementizer", toks[k].Low) {
				clause = false
				break
			}
		}
		if clause {
			return true
		}
	}
	return false
}

// lastGrant is the last aid or promise of aid between two sides coded so far, or nil.
func (s *state) lastGrant() *record.Event {
	for k := len(s.events) - 1; k >= 0; k-- {
		e := &s.events[k]
		if (e.Type == "AID" && e.Mode == "" || e.Type == "AGREE") && e.Source.Actor != e.Target.Actor && e.Target.Actor != "" {
			return e
		}
	}
	return nil
}

// shortSpan reports whether date is a span of two days at most: a weekend, "ces deux
// derniers jours".
func shortSpan(date string) bool {
	d, ok := spanLength(date)
	return ok && d <= 24*time.Hour
}

// spanLength is the time from the first to the last day of the interval date.
func spanLength(date string) (time.Duration, bool) {
	a, b, ok := strings.Cut(date, "/")
	if !ok {
		return 0, false
	}
	from, err1 := time.Parse("2006-01-02", a)
	to, err2 := time.Parse("2006-01-02", b)
	return to.Sub(from), err1 == nil && err2 == nil
}

// passiveForm reports whether the trigger tr ends in a participle that is not an active perfect:
// "fueron rescatados", "ont été interpellés", "migrantes rescatados" (and a noun that names an act,
// "l'arrestation de X par") may have an agent after "por" or "par"; "se felicitó por", "ha agradecido por", "a salué par" have none.
func (s *state) passiveForm(tr trigger) bool {
	toks := s.doc.Tokens
	last := toks[tr.j-1].Low
	if s.word("act-nominal", last) {
		return true // "el rescate de 50 personas por Salvamento Marítimo"
	}
	part := false
	for k := len(last) - 1; k > 0 && k >= len(last)-5 && !part; k-- {
		part = utf8.RuneStart(last[k]) && s.word("participle-end", last[k:])
	}
	if !part {
		return false
	}
	return tr.j-2 < 0 || !s.word("active-perfect", toks[tr.j-2].Low)
}

// afterLightVerb reports whether the noun at token i is the object of a light verb that makes
// it the act: "a procédé à l'arrestation", "ha procedido a la detención".
func (s *state) afterLightVerb(i, first int) bool {
	toks := s.doc.Tokens
	s.indexTimes()
	sent := toks[i].Sent
	inTime := func(k int) bool { // "a procédé lundi à", "ha procedido este lunes a"
		for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
			if k >= tx.start && k < tx.end {
				return true
			}
		}
		return false
	}
	for k := i - 1; k >= first && k >= i-8; k-- {
		w := toks[k].Low
		if s.word("light-act", w) {
			return true
		}
		if !s.isArticle(w) && !inTime(k) && !lightGlue[w] {
			return false
		}
	}
	return false
}

// lightGlue are the words between a light verb and its noun besides articles and a date:
// "procedió el lunes a la", "a procédé ce matin à l'".
var lightGlue = set("a", "à", "al", "este", "esta", "ce", "cette")

// withWhom reports whether the trigger at token i opens a relative clause after "con" or
// "avec" ("con quien firmó", "avec lequel il a signé"), within a few words.
func (s *state) withWhom(first, i int) bool {
	toks := s.doc.Tokens
	for k := i - 1; k > first && k >= i-4; k-- {
		if s.word("relative", toks[k].Low) && s.word("partner", toks[k-1].Low) {
			return true
		}
		if toks[k].Kind == text.Punct {
			return false
		}
	}
	return false
}

// lastEventIn is the last event coded from sentence si, or nil.
func (s *state) lastEventIn(si int) *record.Event {
	ev := s.evidence(si)
	for k := len(s.events) - 1; k >= 0; k-- {
		if s.events[k].Evidence.Start == ev.Start {
			return &s.events[k]
		}
		if s.events[k].Evidence.Start < ev.Start {
			break
		}
	}
	return nil
}

// sentTo reports whether the country named at token k, after from, follows a word that
// tells where people are sent: "vers", "aux frontières du", "a", "hacia", "a la frontera con".
func (s *state) sentTo(k, from int) bool {
	toks := s.doc.Tokens
	for j := k - 1; j >= from && j >= k-3; j-- {
		if s.word("destination", toks[j].Low) {
			return true
		}
		if !s.isArticle(toks[j].Low) && !s.isPrep(toks[j].Low) {
			return false
		}
	}
	return false
}

// toBorder reports whether the country named at token k, after from, follows a word for a
// border or a heading: "vers les frontières algérienne", "hacia la frontera argelina".
func (s *state) toBorder(k, from int) bool {
	toks := s.doc.Tokens
	for j := k - 1; j >= from && j >= k-3; j-- {
		if s.word("border", toks[j].Low) {
			return true
		}
		if !s.isArticle(toks[j].Low) && !s.isPrep(toks[j].Low) {
			return false
		}
	}
	return false
}

// joinedTo reports whether only articles, prepositions and a joining word stand between token
// end and token k: "du Sénégal et du Mali".
func (s *state) joinedTo(end, k int) bool {
	joined := false
	for j := end; j < k; j++ {
		w := s.doc.Tokens[j].Low
		switch {
		case s.word("meeting-join", w):
			joined = true
		case !s.isArticle(w) && !s.isPrep(w):
			return false
		}
	}
	return joined && k-end <= 3
}

// titleSubject is the holder of a title that stands with no name as the subject just before
// the trigger at i ("Le commissaire européen a salué", "El ministro marroquí elogió"): the
// person the text last named with that title, as a quote's role is resolved.
func (s *state) titleSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	for a := first; a+1 < i; a++ {
		if !s.isArticle(toks[a].Low) {
			continue
		}
		t, ok := s.lx.Titles.Longest(toks, a+1)
		if !ok || t.End > i {
			continue
		}
		k := t.End
		if m := s.mentionAt(k); m != nil && m.adj {
			k = m.end // "el ministro marroquí"
		} else if k < i && toks[k].Kind == text.Word && !toks[k].IsCap() && !s.word("before-verb", toks[k].Low) {
			k++ // "le commissaire européen"
		}
		for k < i && s.word("before-verb", toks[k].Low) {
			k++
		}
		// "…», reconoció el ministro, que pidió", "a reconnu le ministre, qui a appelé": the
		// title, after the verb that closes a quotation, is the subject of the relative clause.
		if k+1 < i && toks[k].Low == "," && (toks[k+1].Low == "que" || toks[k+1].Low == "quien" || toks[k+1].Low == "qui") && a > first && s.hasSpeechVerb(a-1, a) {
			for k += 2; k < i && s.word("before-verb", toks[k].Low); k++ {
			}
		}
		if k != i {
			return side{}, false
		}
		h, _ := s.titleHolder(a+1, t.End)
		if h < 0 {
			return side{}, false
		}
		sd := s.sideOf(h)
		sd.how = "title subject"
		return sd, sd.code != ""
	}
	return side{}, false
}

// pronounSubject is the person a subject pronoun just before the trigger at i stands for
// ("Il a appelé", "Él pidió"): the person the text named last before its sentence.
func (s *state) pronounSubject(first, i int) (side, bool) {
	toks := s.doc.Tokens
	k := i - 1
	for k >= first && s.word("before-verb", toks[k].Low) && !s.word("pronoun", toks[k].Low) {
		k--
	}
	if k < first || !s.word("pronoun", toks[k].Low) {
		return side{}, false
	}
	return s.personBefore(first, "pronoun subject")
}

// gerund reports whether the trigger is one gerund: "appelant", "instando", "pidiendo".
func (s *state) gerund(tr trigger) bool {
	return s.oneWordEnding(tr, "gerund-end", "ant", "ando", "iendo")
}

// accusationsAfter reports whether the object after token j is accusations told before: a
// demonstrative and an accusation noun ("ces accusations", "estas acusaciones").
func (s *state) accusationsAfter(j, end int) bool {
	k := s.accusationAt(j, end)
	// "estas acusaciones", "les critiques": told before, by a demonstrative or an article.
	return k > j && (s.word("demonstrative", s.doc.Tokens[k-1].Low) || s.isArticle(s.doc.Tokens[k-1].Low))
}

// chargesRejected reports whether the words after a rejection at j name accusations by an
// article, not a demonstrative: "rechazó las acusaciones", "a rejeté des accusations
// « infondées »" reject charges whose author may go unnamed; "ces accusations" refer to
// charges told before, with no act when none were.
func (s *state) chargesRejected(j, end int) bool {
	k := s.accusationAt(j, end)
	return k > j && s.word("charge", s.doc.Tokens[k].Low) && s.isArticle(s.doc.Tokens[k-1].Low) && !s.word("demonstrative", s.doc.Tokens[k-1].Low)
}

// accusationAt is the index of the word for accusations within the three words after j
// (after the rejection's time, if one stands first), or -1.
func (s *state) accusationAt(j, end int) int {
	// "rechazó este lunes las críticas", "a rejeté mardi ces accusations": the time of the act
	// may stand between the verb and what it rejects.
	for _, tx := range s.times {
		if tx.start >= j && tx.start <= j+1 && tx.end < end { // "este miércoles": from the weekday
			j = tx.end
			break
		}
	}
	for k := j; k < end && k < j+3; k++ {
		if s.word("accusation", s.doc.Tokens[k].Low) {
			return k
		}
	}
	return -1
}

// jointAfter is the body joined to the source named at src.node by "y", "et", with the
// preposition repeated, before the trigger at i: "Patrulleras de la Marina senegalesa y de la
// Guardia Civil interceptaron", "des vedettes de la Marine royale et de la Guardia Civil".
func (s *state) jointAfter(src side, i int) side {
	if src.node < 0 || s.ownLang() == "" {
		return side{}
	}
	toks := s.doc.Tokens
	j := s.mentions[src.node].end
	if j >= i || !isAnd(toks[j].Low) {
		return side{}
	}
	j++
	if j < i && (slices.Contains(prepForms["de"], toks[j].Low) || toks[j].Low == "des" || toks[j].Low == "du") {
		j++
	}
	if j < i && s.isArticle(toks[j].Low) {
		j++
	}
	if m := s.mentionAt(j); m != nil && m.start == j && m.end <= i && !m.adj {
		if sd := s.sideOf(int(s.at[j])); sd.code != "" && sd.code != src.code {
			return sd
		}
	}
	return side{}
}

// continuesBalance reports whether sentence si, which names no time of its own, goes on with
// the balance of the sentence before: a continuation word ("Además", "Par ailleurs") opens it
// before the trigger at i, and the figures before it are counted over a span.
func (s *state) continuesBalance(si, i int) bool {
	if len(s.timesOf(si)) > 0 || len(s.stats) == 0 {
		return false
	}
	span := false
	for _, st := range s.stats {
		if st.sent == si-1 && st.Period != nil && strings.Contains(*st.Period, "/") {
			span = true
		}
	}
	if !span {
		return false
	}
	for k := s.doc.Sents[si].First; k < i; k++ {
		if s.word("continuation", s.doc.Tokens[k].Low) {
			return true
		}
	}
	return false
}

// headBody is the token of the common noun for a body ("organización", "ONG", "association")
// that heads the subject of sentence first, before token end: "La ONG …", "La responsable de
// la organización …", "Le président de l'association …"; -1 when the sentence opens otherwise
// or an actor is named between the subject and end.
func (s *state) headBody(first, end int) int {
	toks := s.doc.Tokens
	a := first
	if a+1 >= end || !s.isArticle(toks[a].Low) {
		return -1
	}
	a++
	if !s.word("ngo-noun", toks[a].Low) {
		// a role noun and "de": "la responsable de la organización", "le porte-parole de l'ONG"
		if a+2 >= end || !slices.Contains(prepForms["de"], toks[a+1].Low) {
			return -1
		}
		a += 2
		if !s.isArticle(toks[a].Low) || a+1 >= end || !s.word("ngo-noun", toks[a+1].Low) {
			return -1
		}
		a++
	}
	for k := a + 1; k < end; k++ {
		if s.mentionAt(k) != nil {
			return -1
		}
	}
	return a
}

// inName reports whether trigger tr is part of a capitalised name after the sentence's first
// word: "el Centro de Cooperación Policial hispano-marroquí", "l'Opération Conjointe Atlas"
// name a place, a body or a programme, not an act.
func (s *state) inName(tr trigger, first int) bool {
	toks := s.doc.Tokens
	if tr.i <= first+1 {
		return false
	}
	for k := tr.i; k < tr.j; k++ {
		if toks[k].Kind == text.Word && !toks[k].IsCap() {
			return false
		}
	}
	if tr.j < len(toks) && toks[tr.j].Sent == toks[tr.i].Sent && toks[tr.j].Kind == text.Word && toks[tr.j].IsCap() {
		return true // "l'Opération Conjointe Atlas"
	}
	p := tr.i - 1
	if slices.Contains(prepForms["de"], toks[p].Low) {
		p--
	}
	return p > first && toks[p].Kind == text.Word && toks[p].IsCap()
}

// homeGovernment reports whether the object just after a trigger ending at j is a government
// named with no country: "au gouvernement de …", "à l'exécutif", "al Gobierno que".
func (s *state) homeGovernment(j, end int) bool {
	toks := s.doc.Tokens
	if j < end && (slices.Contains(prepForms["a"], toks[j].Low) || slices.Contains(prepForms["à"], toks[j].Low)) {
		j++
	}
	if j < end && s.isArticle(toks[j].Low) {
		j++
	}
	if j >= end || !s.word("government-noun", toks[j].Low) || s.mentionAt(j) != nil {
		return false
	}
	// "au gouvernement marocain", "al Gobierno de Rabat": a country named after it is read as such.
	return j+1 >= end || s.mentionAt(j+1) == nil && (j+2 >= end || !slices.Contains(prepForms["de"], toks[j+1].Low) || s.mentionAt(j+2) == nil)
}

// unnamedGroup reports whether the object just after a trigger ending at j is people named by
// a plural common noun, with no actor among its first words: "les chefs de quartier et les
// imams", "a los líderes religiosos", "aux familles".
func (s *state) unnamedGroup(j, end int) bool {
	toks := s.doc.Tokens
	if j < end && toks[j].Low == "aux" {
		j++
	} else {
		if j < end && (toks[j].Low == "a" || toks[j].Low == "à") {
			j++
		}
		if j >= end || toks[j].Low != "les" && toks[j].Low != "los" && toks[j].Low != "las" {
			return false
		}
		j++
	}
	if j >= end || toks[j].Kind != text.Word || toks[j].IsCap() || !strings.HasSuffix(toks[j].Low, "s") || s.word("state-noun", toks[j].Low) {
		return false
	}
	for k := j; k < end && k < j+4 && !s.word("relative", toks[k].Low); k++ {
		if s.mentionAt(k) != nil {
			return false
		}
	}
	return true
}

// titledSubject reports whether a trigger of the sentence opening at first has a title with no
// name as its subject ("Le gouverneur a appelé les imams à"): the sentence names no actor, but
// the title stands for its holder named before.
func (s *state) titledSubject(first int, trigs []trigger) bool {
	for _, tr := range trigs {
		if _, ok := s.titleSubject(first, tr.i); ok {
			return true
		}
	}
	return false
}

// remandOrdered reports whether a verb that orders a remand stands before the remand noun at
// token i within a few words of its clause: "decretó el miércoles prisión provisional", "ha
// decretado prisión", "ont été placés sous mandat de dépôt", "placé en détention provisoire".
func (s *state) remandOrdered(i, first int) bool {
	toks := s.doc.Tokens
	for k := i - 1; k >= first && k >= i-5; k-- {
		if toks[k].Kind == text.Punct {
			return false
		}
		if s.word("remand-verb", toks[k].Low) {
			return true
		}
	}
	return false
}

// remandCourt is the state of the court that orders the remand at token i: the seat its name
// gives ("Juzgado de Instrucción de Algeciras", "tribunal de Nador"), else the place the
// sentence names, else the dateline's (codebook 3: the country where the act happens).
func (s *state) remandCourt(sent text.Sentence, i int) (side, bool) {
	first, end := sent.First, sent.First+len(sent.Tokens)
	c := ""
	for a := first; a < end && c == ""; a++ {
		if s.word("court", s.doc.Tokens[a].Low) {
			c = s.seatOf(a+1, min(end, a+8))
		}
	}
	if c == "" {
		c = s.placeCountry(sent)
	}
	if c == "" {
		c = s.datelinePlace()
	}
	return side{code: c, node: -1, how: "state of the court"}, c != ""
}

// remandTime dates a remand by the time its own clause tells before it ("decretó el miércoles
// prisión provisional", "pasaron el sábado a disposición del Juzgado, que decretó") or just
// after it ("ingresaron en prisión el martes"); a time further on dates something else, the
// arrest or the offence ("prisión provisional para los detenidos en la operación de marzo").
func (s *state) remandTime(tr trigger, first int) string {
	s.indexTimes()
	sent := s.doc.Tokens[tr.i].Sent
	date := ""
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		switch {
		case s.anchors[tx.start]:
		case tx.end <= tr.i && tx.start >= first:
			date = tx.value // the last before it
		case tx.start >= tr.j && tx.start <= tr.j+1 && date == "":
			return tx.value
		}
	}
	return date
}

// futureTense reports whether the act of a trigger is told in the future tense, by the ending
// of its verb ("se reunirá", "celebrarán", "tiendront"), or, for a meeting named by a noun, of
// the verb that takes it in its clause ("celebrarán en febrero en Tánger una nueva reunión",
// "les deux pays tiendront une réunion"). It gives the verb's token.
func (s *state) futureTense(tr trigger, first int) (int, bool) {
	toks := s.doc.Tokens
	for k := tr.i; k < tr.j; k++ {
		if s.futureForm(k) {
			return k, true
		}
	}
	if !s.word("meeting-noun", toks[tr.i].Low) {
		return 0, false
	}
	for k := tr.i - 1; k >= first && k >= tr.i-8; k-- {
		if toks[k].Kind == text.Punct || s.word("complementizer", toks[k].Low) || s.word("relative", toks[k].Low) {
			return 0, false
		}
		if s.futureForm(k) {
			return k, true
		}
	}
	return 0, false
}

// futureForm reports whether the word at token k is a verb in the future tense: a lowercase
// word of five letters or more, after no article, with an ending of the future ("future-end").
func (s *state) futureForm(k int) bool {
	toks := s.doc.Tokens
	w := toks[k].Low
	if toks[k].Kind != text.Word || toks[k].IsCap() || utf8.RuneCountInString(w) < 5 || k > 0 && s.isArticle(toks[k-1].Low) {
		return false
	}
	for e := range s.lx.Words["future-end"] {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// promiseDay dates an act promised in the future tense by its telling: the time of its
// sentence before the future verb at i ("a annoncé mardi que … tiendront"), else the day of the Spanish perfect
// before it ("ha anunciado que … celebrarán"), else none.
func (s *state) promiseDay(i, first int) string {
	toks := s.doc.Tokens
	s.indexTimes()
	date := ""
	for _, tx := range s.times[s.timeFirst[toks[i].Sent]:s.timeFirst[toks[i].Sent+1]] {
		if tx.end <= i && tx.start >= first && !s.anchors[tx.start] {
			date = tx.value
		}
	}
	if date != "" {
		return date
	}
	if s.ownLang() == "es" && s.published != "" {
		for k := first; k < i; k++ {
			if s.word("perfect", toks[k].Low) {
				return s.perfectDay(toks[i].Sent)
			}
		}
	}
	return ""
}

// operationTime is the time of an operation told in the sentence from first to end by a
// participle after its noun: "en una operación desarrollada el pasado martes", "lors d'une
// opération menée mardi", "en un operativo llevado a cabo el lunes"; else "".
func (s *state) operationTime(first, end int) string {
	s.indexTimes()
	toks := s.doc.Tokens
	times := s.times[s.timeFirst[toks[first].Sent]:s.timeFirst[toks[first].Sent+1]]
	for a := first; a < end; a++ {
		if !s.word("operation-noun", toks[a].Low) {
			continue
		}
		for p := a + 1; p < end && p <= a+3; p++ {
			if !s.word("operation-participle", toks[p].Low) {
				continue
			}
			for _, tx := range times {
				if tx.start > p && tx.start <= p+4 && !s.anchors[tx.start] { // "llevado a cabo el lunes"
					return tx.value
				}
			}
		}
	}
	return ""
}

// occurredSubject reports whether the act noun of tr opens its sentence (after an article) as
// the subject of a verb of occurring: "Las detenciones se practicaron", "tuvieron lugar", "Les
// interpellations ont eu lieu", "se sont déroulées".
func (s *state) occurredSubject(tr trigger, first, end int) bool {
	toks := s.doc.Tokens
	if tr.i != first && !(tr.i == first+1 && s.isArticle(toks[first].Low)) {
		return false
	}
	phrase := ""
	for k := tr.j; k < end && k < tr.j+4; k++ {
		if phrase != "" && !strings.HasSuffix(phrase, "'") {
			phrase += " "
		}
		phrase += toks[k].Low
		if s.word("occurred", phrase) {
			return true
		}
	}
	return false
}

// dateActsBefore gives the time date, when not empty, to the material and joint acts of the sentence
// that tells the last act of type typ in the three sentences before si: "ha desarticulado una
// red y ha detenido a 23 personas. Las detenciones se practicaron el pasado martes" dates the
// arrests and the dismantling they were part of. It reports whether it dated any; with none
// told before, the sentence is an act of its own.
func (s *state) dateActsBefore(si int, typ, date string) bool {
	if date == "" || si == 0 {
		return false
	}
	from, to := s.evidence(max(si-3, 0)).Start, s.evidence(si).Start
	for k := len(s.events) - 1; k >= 0; k-- {
		ev := s.events[k]
		if ev.Evidence.Start < from {
			return false
		}
		if ev.Type != typ || ev.Evidence.Start >= to {
			continue
		}
		for m := range s.events {
			if e := &s.events[m]; e.Evidence.Start == ev.Evidence.Start && (materialTypes[e.Type] || e.Type == "COOPERATE") {
				d := date
				e.Date, e.DateInferred = &d, false
			}
		}
		return true
	}
	return false
}

// ministryAtPlace is the side of a ministry or government named with no country, the subject
// of the trigger at i, in a sentence that opens with the place it acts from: "À Niamey, le
// ministère des Affaires étrangères a convoqué", "En Rabat, el Ministerio del Interior
// rechazó": the country of that place.
func (s *state) ministryAtPlace(first, i int) (side, bool) {
	toks := s.doc.Tokens
	if i-first < 4 || !s.isPrep(toks[first].Low) {
		return side{}, false
	}
	comma := -1
	for k := first + 1; k < i && k < first+6; k++ {
		if toks[k].Text == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		return side{}, false
	}
	ministry := false
	for k := comma + 1; k < i && k < comma+4; k++ {
		ministry = ministry || s.word("ministry-noun", toks[k].Low) || s.word("government-noun", toks[k].Low)
	}
	if !ministry {
		return side{}, false
	}
	if p := s.gazetteerPlace(first, comma); p.found && p.code != "" {
		return side{code: p.code, node: -1, how: "ministry at the place the sentence opens with"}, true
	}
	return side{}, false
}

// attributed reports whether token k stands in an attribution that opens its clause, before
// any comma: "Selon les chiffres de l'Organisation internationale pour les migrations (OIM)
// cités dans le document, 21 760 personnes ont été interceptées", "Según datos de la OIM". It
// looks back at most twelve words.
func (s *state) attributed(k, first int) bool {
	toks := s.doc.Tokens
	for m := k - 1; m >= first && m >= k-12; m-- {
		if toks[m].Text == "," {
			return false
		}
		if s.word("according", toks[m].Low) {
			return true
		}
	}
	return false
}

// visitEvents reads the visits sentence si names by a noun after a word that tells it took
// place ("durante una visita a Rabat", "lors d'une visite de la ministre espagnole de
// l'Intérieur à Nouakchott, reçue par son homologue"): a CONSULT of the visitor's state, named
// after "de" or else the subject before the noun, with the host's, the state of the place
// after "a" or "à" or else of the counterpart that received the visitor. A visit to come is
// none; nor is one with no two states.
func (s *state) visitEvents(si int, seen map[string]bool) {
	sent := s.doc.Sents[si]
	first, end := sent.First, sent.First+len(sent.Tokens)
	toks := s.doc.Tokens
	for k := first + 1; k < end; k++ {
		if !s.word("visit-noun", toks[k].Low) || s.inQuote[k] || !s.visitFramed(k, first) {
			continue
		}
		visitor, host := side{}, side{}
		for j := k + 1; j < end && j <= k+14; j++ {
			t := toks[j]
			if t.Text == "." || t.Text == ";" || t.Text == ":" || s.inQuote[j] || s.futureForm(j) {
				break
			}
			m := s.mentionAt(j)
			if m == nil {
				continue
			}
			sd := s.sideOf(int(s.at[j]))
			office := j > first && (s.lx.Titles.Has(toks[j-1].Low) || s.lx.Agencies.Has(toks[j-1].Low))
			switch {
			case sd.code == "" || m.adj && !office:
			case s.visitPlace(j, k):
				host = sd
			case visitor.code == "" && host.code == "":
				visitor = sd // "de la ministre espagnole de l'Intérieur"
			}
			if host.code != "" {
				break
			}
			j = m.end - 1
		}
		if visitor.code == "" {
			if sd, ok := s.surfaceSource(first, k); ok {
				visitor = s.ownCountryOf(sd, first)
			} else if sd, ok := s.titleSubject(first, k); ok {
				visitor = sd // "El ministro del Interior, X, firmó … durante una visita"
			}
		}
		// "reçue par son homologue marocain", "recibida por el ministro marroquí": the agent
		// of the participle that tells the visitor was received.
		for p := k + 1; host.code == "" && p < end && p <= k+30; p++ {
			if w := toks[p].Low; w == "." || w == ";" || w == ":" || s.inQuote[p] {
				break
			}
			if p > k+1 && (toks[p].Low == "por" || toks[p].Low == "par") && s.word("received", toks[p-1].Low) {
				host, _ = s.passiveAgent(p, end)
			}
		}
		if visitor.code == "" || host.code == "" || visitor.code == host.code || !s.isCountry(visitor.code) || !s.isCountry(host.code) {
			continue
		}
		date := s.explicitTime(k, false)
		key := "CONSULT|" + visitor.code + "|" + host.code + "|" + date
		if seen[key] || seen["CONSULT|"+host.code+"|"+visitor.code+"|"+date] {
			continue
		}
		seen[key] = true
		visitor.how, host.how = "visitor", "host"
		s.addWordEvent(record.Event{Type: "CONSULT", Mode: "visit"}, "visit named by a noun", si, k, visitor, host, date)
	}
}

// visitFramed reports whether the visit noun at k follows a word that tells the visit took
// place, past the articles and possessives between them: "durante una visita", "lors d'une
// visite", "au cours de sa visite", "en visite".
func (s *state) visitFramed(k, first int) bool {
	for j := k - 1; j >= first && j >= k-4; j-- {
		w := s.doc.Tokens[j].Low
		if s.word("visit-frame", w) {
			return true
		}
		if !s.word("visit-skip", w) {
			return false
		}
	}
	return false
}

// visitPlace reports whether the mention at j follows a preposition of destination after
// the visit noun at k: "a Rabat", "à Nouakchott", "au Maroc", "en Mauritanie".
func (s *state) visitPlace(j, k int) bool {
	for p := j - 1; p > k && p >= j-2; p-- {
		switch s.doc.Tokens[p].Low {
		case "a", "al", "à", "au", "aux", "en": // "a" before "la": the English article is none here
			return true
		}
		if !s.isArticle(s.doc.Tokens[p].Low) {
			return false
		}
	}
	return false
}

// afterClause reports whether the trigger at i is the verb of a clause of time that opens
// with "después de que", "après que" within the words before it, and the days its measure
// names before that word ("una semana después de que", "deux jours après que"), 0 with none.
func (s *state) afterClause(i, first int) (days int, ok bool) {
	toks := s.doc.Tokens
	for q := i - 1; q > first && q >= i-5; q-- {
		if toks[q].Low != "que" && toks[q].Low != "qu'" && toks[q].Low != "qu’" {
			continue
		}
		a := q - 1
		if a > first && toks[a].Low == "de" {
			a--
		}
		if !s.word("after-clause", toks[a].Low) {
			return 0, false
		}
		if a-2 >= first {
			if d, found := s.lx.Words["time-unit-days"]; found {
				for u := range d {
					name, n, _ := strings.Cut(u, ":")
					if toks[a-1].Low == name {
						if k, err := strconv.Atoi(n); err == nil {
							return k * s.smallNumber(toks[a-2].Low), true
						}
					}
				}
			}
		}
		return 0, true
	}
	return 0, false
}

// smallNumber is the value of a number word or figure from one to ten ("una", "deux", "3"),
// else 0.
func (s *state) smallNumber(w string) int {
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n <= 10 {
		return n
	}
	for v := range s.lx.Words["small-number"] {
		name, n, _ := strings.Cut(v, ":")
		if name == w {
			k, _ := strconv.Atoi(n)
			return k
		}
	}
	return 0
}

// otherSideBefore is the other state of the last act coded before between two states that
// code is a side of, and that act; no side when there is none.
func (s *state) otherSideBefore(code string) (side, *record.Event) {
	for k := len(s.events) - 1; k >= 0; k-- {
		ev := &s.events[k]
		if ev.Source.Actor == ev.Target.Actor || !s.isCountry(ev.Source.Actor) || !s.isCountry(ev.Target.Actor) {
			continue
		}
		switch code {
		case ev.Source.Actor:
			return side{code: ev.Target.Actor, entity: ev.Target.Entity, node: -1, how: "other side of the last act between two states"}, ev
		case ev.Target.Actor:
			return side{code: ev.Source.Actor, entity: ev.Source.Entity, node: -1, how: "other side of the last act between two states"}, ev
		}
	}
	return side{}, nil
}

// shiftDay is the day date moved by days, when date is a day and days is not 0; else "".
func shiftDay(date *string, days int) string {
	if date == nil || days == 0 {
		return ""
	}
	t, err := time.Parse("2006-01-02", *date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, days).Format("2006-01-02")
}

// tripToSign reads a trip to come whose aim is a signing ("viajará el lunes a Nuakchot para
// firmar el convenio", "se rendra lundi à Dakar pour signer un accord"): a promise, AGREE of
// the traveller's state with the destination's, dated by its telling. A trip to a place of
// the traveller's own state, or with no signing as its aim, is none.
func (s *state) tripToSign(si int, seen map[string]bool) {
	sent := s.doc.Sents[si]
	first, end := sent.First, sent.First+len(sent.Tokens)
	toks := s.doc.Tokens
	for k := first + 1; k < end; k++ {
		if !s.word("trip-future", toks[k].Low) || s.inQuote[k] {
			continue
		}
		host, signs := side{}, false
		for j := k + 1; j < end && j <= k+12; j++ {
			if w := toks[j].Low; w == "." || w == ";" || w == ":" || s.inQuote[j] {
				break
			}
			if s.word("aim", toks[j].Low) {
				signs = j+1 < end && s.word("sign-infinitive", toks[j+1].Low)
				break
			}
			if m := s.mentionAt(j); m != nil && host.code == "" && !m.adj && s.visitPlace(j, k) {
				host = s.sideOf(int(s.at[j]))
				j = m.end - 1
			}
		}
		if !signs || host.code == "" {
			continue
		}
		traveller, ok := s.surfaceSource(first, k)
		if ok {
			traveller = s.ownCountryOf(traveller, first)
		} else if traveller, ok = s.titleSubject(first, k); !ok {
			continue
		}
		if traveller.code == "" || traveller.code == host.code || !s.isCountry(traveller.code) || !s.isCountry(host.code) {
			continue
		}
		date := s.promiseDay(k, first)
		key := "AGREE|" + traveller.code + "|" + host.code + "|" + date
		if seen[key] {
			continue
		}
		seen[key] = true
		traveller.how, host.how = "traveller", "destination"
		s.addWordEvent(record.Event{Type: "AGREE"}, "trip to sign", si, k, traveller, host, date)
	}
}

// namesTrip reports whether sentence si holds a word of a trip to come ("viajará", "se
// rendra"), which tripToSign reads though no trigger stands in the sentence.
func (s *state) namesTrip(si int) bool {
	sent := s.doc.Sents[si]
	for k := sent.First; k < sent.First+len(sent.Tokens); k++ {
		if s.word("trip-future", s.doc.Tokens[k].Low) {
			return true
		}
	}
	return false
}

// addWordEvent adds the diplomatic act ev (its type and mode set) of src toward tgt that the
// word at k of sentence si tells, dated date when not empty; how names the construction.
func (s *state) addWordEvent(ev record.Event, how string, si, k int, src, tgt side, date string) {
	ev.Contexts, ev.Trigger, ev.Confidence = []string{"diplomatic"}, s.span(k, k+1), 0.5
	ev.Source = record.Actor{Actor: src.code, Entity: src.entity}
	ev.Target = record.Actor{Actor: tgt.code, Entity: tgt.entity}
	if date != "" {
		ev.Date = &date
		ev.Confidence += 0.2
	}
	ev.Evidence = s.evidence(si)
	ev.Explain = s.why("surface "+ev.Type+" "+how, s.tokUse("trigger", k, k+1), s.sideUseSurface("source", src), s.sideUseSurface("target", tgt))
	s.events = append(s.events, ev)
}

// restatedParticiple reports whether the trigger at tr is a one-word participle right after
// a noun of people that opens its sentence ("Los supervivientes rescatados", "Les 52 migrants
// secourus"), when an act of type typ was told before the sentence.
func (s *state) restatedParticiple(tr trigger, first int, typ string) bool {
	toks := s.doc.Tokens
	if tr.j != tr.i+1 || tr.i-first < 2 || tr.i-first > 3 || !s.word("people", toks[tr.i-1].Low) {
		return false
	}
	for k := first; k < tr.i-1; k++ {
		if !s.isArticle(toks[k].Low) && toks[k].Kind != text.Number {
			return false
		}
	}
	start := s.evidence(toks[first].Sent).Start
	return slices.ContainsFunc(s.events, func(ev record.Event) bool { return ev.Type == typ && ev.Evidence.Start < start })
}
