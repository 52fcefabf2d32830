package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/syntax"
	"github.com/alboran/alboran/internal/text"
)

// Version names the rules. Stores compare it to decide what to re-extract.
const Version = "0.6.5"

// Extractor extracts records from documents. It is safe for concurrent use.
type Extractor struct {
	lx *lexicon.Lexicon
	// Explain makes every record carry the rule that made it and the tokens it used
	// (record.Explanation). Set it before the first call to Extract.
	Explain bool
	// Cache, when set, keeps the parses of sentences already seen (syntax.ParseCache): an
	// archive of reprints parses each repeated sentence once. Output is the same with or
	// without it. Set it before the first call to Extract.
	Cache  *syntax.ParseCache
	parses *parseCount // counts sentences and parsed sentences when set (benchmarks)
}

// New returns an extractor over the given dictionaries.
func New(lx *lexicon.Lexicon) *Extractor { return &Extractor{lx: lx} }

// state is one document's analysis while it is extracted.
type state struct {
	places    map[int]scenePlace // during findStatistics: sentencePlace by sentence
	lx        *lexicon.Lexicon
	doc       *text.Doc
	title     string // the report's headline: leadNames reads it
	published string
	explain   bool // records carry their Explanation

	mentions  []mention
	at        []int32 // mention index per token, -1 for none
	entities  []entity
	entityKey map[string]int
	focus     *string
	// ranked is rankCountries' answer for the first rankedAt mentions; callers only read it.
	ranked   []string
	rankedAt int
	// away is awayHome's answer once asked: "-" for none.
	away    string
	subject string // subjectAway's answer, "-" for none; "" until asked
	// offices indexes the organizations and agencies among the mentions by each suffix of
	// their last word, for officeSpeaker; officesAt is how many mentions it holds.
	offices   map[string][]int
	officesAt int
	// gazetteerSpans remembers gazetteerPlace's answer for each span of tokens.
	gazetteerSpans map[[2]int]scenePlace
	// seaSpans remembers atSea's answer for each span of tokens.
	seaSpans map[[2]int]bool
	times    []timex
	anchors  map[int]bool // the first tokens of years that only anchor a later part of them (timex.go)
	inQuote  []bool
	// lastSpeaker is the speaker of the last quotation attributed, in text order: a pronoun
	// with no person named near it refers back to it (quotes.go).
	lastSpeaker     who
	lastSpeakerSent int         // the sentence where lastSpeaker's quotation ends
	lookingBack     bool        // pronounSpeaker is reading the sentences before for a speaker
	trees           []*sentTree // per sentence, parsed on first use (tree.go)
	lang            string      // the document's language, which chooses the syntax model (tree.go)
	cache           *syntax.ParseCache

	acronyms map[string]string // initials -> the longest capitalised phrase with them
	defined  map[string]string // an acronym's letters -> the name it is defined with (quotes_lang.go)

	stats  []stat
	quotes []record.Quote
	events []record.Event

	// Indexes built once and kept, so that what a stage asks per word or per number costs
	// the same however long the document is.
	cues      [][]cueHit // statistic cues per sentence, nil until asked (see sentenceCues)
	cued      []bool
	timeFirst []int            // per sentence (and one past the last), the index in times of its first date expression
	lastDated []int            // per sentence, the index in times of the last day or month before it, or -1
	datedAt   map[string][]int // per lower-case word, where it stands in a sentence that names a date
	solo      map[string][2]int
	soloBuilt bool
}

// cueHit is a statistic cue of a sentence: where it starts and what it matched.
type cueHit struct {
	at int
	m  lexicon.Match[lexicon.StatCue]
}

// sentenceCues returns the statistic cues of sentence si, left to right, each phrase once:
// every number of a sentence reads them, so they are found once per sentence.
func (s *state) sentenceCues(si int) []cueHit {
	if s.cued == nil {
		s.cued = make([]bool, len(s.doc.Sents))
		s.cues = make([][]cueHit, len(s.doc.Sents))
	}
	if !s.cued[si] {
		sent := s.doc.Sents[si]
		var hits []cueHit
		for j := sent.First; j < sent.First+len(sent.Tokens); j++ {
			if m, ok := s.lx.StatCueAt(s.doc.Tokens, j); ok {
				hits = append(hits, cueHit{j, m})
				j = m.End - 1
			}
		}
		s.cues[si], s.cued[si] = hits, true
	}
	return s.cues[si]
}

// Extract returns the records of one document. The document's Text is the body; Published
// is its publication date or nil. The result depends on nothing else.
func (x *Extractor) Extract(d record.Document) record.Extraction {
	out, _ := x.ExtractContext(context.Background(), d)
	return out
}

// ExtractContext is Extract that stops when ctx ends: it then returns ctx's error, and no
// records, within CancelWithin. Every stage is linear in the length of the document (sentences
// are cut at text.MaxSentenceTokens, so what a stage does per sentence is bounded), and ctx is
// checked between stages; a cancelled call returns at once and leaves at most the stage under
// way to finish in the background.
func (x *Extractor) ExtractContext(ctx context.Context, d record.Document) (record.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return record.Extraction{}, err
	}
	if ctx.Done() == nil || len(d.Text) < syncBelow {
		return x.extract(ctx, d)
	}
	type result struct {
		x   record.Extraction
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := x.extract(ctx, d)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.x, r.err
	case <-ctx.Done():
		return record.Extraction{}, ctx.Err()
	}
}

// CancelWithin is how soon ExtractContext returns once its context ends: a document under
// syncBelow bytes takes less than this to extract whole, and a longer one is extracted in a
// goroutine that the call stops waiting for.
const CancelWithin = 100 * time.Millisecond

// syncBelow is the size under which a document is extracted in the caller's goroutine: such a
// report takes a few milliseconds.
const syncBelow = 64 << 10

// extract runs the stages in order, checking ctx between them.
func (x *Extractor) extract(ctx context.Context, d record.Document) (record.Extraction, error) {
	if d.ID == "" {
		sum := sha256.Sum256([]byte(d.Text))
		d.ID = hex.EncodeToString(sum[:])
	}
	if d.Language == "" {
		d.Language = "en"
	}
	s := &state{lx: x.lexicon(d.Language), doc: text.Analyze(d.Text), entityKey: map[string]int{}, explain: x.Explain, cache: x.Cache}
	if d.Published != nil {
		s.published = *d.Published
	}
	s.lang = d.Language
	s.title = d.Title
	// A number may be a figure: room for them all saves copying a long report's figures
	// over and over as the list grows.
	numbers := 0
	for _, t := range s.doc.Tokens {
		if t.Kind == text.Number {
			numbers++
		}
	}
	s.stats = make([]stat, 0, numbers)
	for _, stage := range []func(){s.findActors, s.sortMentions, s.findPersons, s.findTimes, s.findQuotes, s.findStatistics, s.findEvents} {
		if err := ctx.Err(); err != nil {
			return record.Extraction{}, err
		}
		stage()
	}
	if d.Dateline == "" {
		d.Dateline = s.dateline()
	}
	out := record.Extraction{Document: d}
	out.Entities = s.outEntities()
	out.Events = s.events
	for i := range out.Events {
		out.Events[i].ID = "v" + itoa(i+1)
	}
	out.Statistics = s.outStatistics()
	out.Quotes = s.quotes
	for i := range out.Quotes {
		out.Quotes[i].ID = "q" + itoa(i+1)
	}
	if s.doc.Cut > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("text with no sentence end was cut %d times into sentences of at most %d tokens; a record across a cut is missed", s.doc.Cut, text.MaxSentenceTokens))
	}
	resolvePlaces(&out)
	out.Normalize()
	x.countParses(s)
	return out, ctx.Err()
}

// outStatistics lists each figure once: a value repeated for the same kind and category is the
// same claim, kept at its first mention, unless one sentence gives it twice for different
// things ("62 men, three women and three minors"). Part-of links are renumbered.
func (s *state) outStatistics() []record.Statistic {
	out := make([]record.Statistic, 0, len(s.stats))
	ids := make([]string, len(s.stats)) // the new id of the figure that was s<i+1>
	seen := map[string]int{}            // key -> index in s.stats of its first mention
	for i, st := range s.stats {
		// Figures of no category are never merged, so they need no key.
		var key string
		if st.Category != "other" {
			key = st.Kind + "|" + st.Category + "|" + strconv.FormatFloat(st.Value, 'g', -1, 64)
			if first, dup := seen[key]; dup {
				f := s.stats[first]
				if f.sent != st.sent || f.Subject == st.Subject {
					ids[i] = ids[first]
					continue
				}
			}
		}
		st.ID = "s" + itoa(len(out)+1)
		ids[i] = st.ID
		if _, dup := seen[key]; key != "" && !dup {
			seen[key] = i
		}
		out = append(out, st.Statistic)
	}
	for i := range out {
		if p := out[i].PartOf; p != "" {
			out[i].PartOf = ""
			if k, err := strconv.Atoi(strings.TrimPrefix(p, "s")); err == nil && k >= 1 && k <= len(ids) {
				out[i].PartOf = ids[k-1]
			}
		}
	}
	return out
}

// outEntities lists the entities in order of first mention, with code-point offsets.
func (s *state) outEntities() []record.Entity {
	out := make([]record.Entity, len(s.entities))
	for i, e := range s.entities {
		r := record.Entity{ID: "e" + itoa(i+1), Type: e.typ, Name: e.name, Country: e.country, Titles: e.titles, Explain: e.why}
		if e.typ != "person" {
			r.Code = e.code
		}
		sort.Slice(e.mentions, func(a, b int) bool { return e.mentions[a][0] < e.mentions[b][0] })
		for _, m := range e.mentions {
			r.Mentions = append(r.Mentions, record.Span{Start: s.doc.Runes(m[0]), End: s.doc.Runes(m[1])})
		}
		out[i] = r
	}
	return out
}

// dateline reads "Rabat –" or "LONDON (Reuters) -" at the start of the body.
func (s *state) dateline() string {
	toks := s.doc.Tokens
	for k := 0; k < len(toks) && k < 6; k++ {
		t := toks[k]
		if t.Kind == text.Punct && (t.Text == "–" || t.Text == "—" || t.Text == "-") && k > 0 && toks[k].Sent == toks[0].Sent {
			return strings.TrimSpace(s.span(0, k))
		}
		if t.Kind == text.Punct && t.Text == "(" {
			if k > 0 {
				return strings.TrimSpace(s.span(0, k))
			}
			return ""
		}
		if t.Kind != text.Word || !isCapWord(t) {
			return ""
		}
	}
	return ""
}

// explicitTime returns the date the sentence of token i names nearest to it, else (with carry)
// the last day or month the text named before it.
func (s *state) explicitTime(i int, carry bool) string {
	s.indexTimes()
	toks := s.doc.Tokens
	sent := toks[i].Sent
	best, bestD := "", 1<<30
	for _, tx := range s.times[s.timeFirst[sent]:s.timeFirst[sent+1]] {
		if s.anchors[tx.start] {
			continue
		}
		d := i - tx.end
		if tx.start > i {
			d = tx.start - i
		}
		// "said on Thursday that 12 were arrested over the past year": the date of the
		// saying does not date what was said.
		if tx.end <= i && s.reportBoundary(tx.end, i) {
			d += 12
		}
		// "21,553 in May, 30,721 in June": a comma parts list items.
		if tx.end <= i && (s.commaBetween(tx.end, i) || s.wordBetween(tx.end, i, "and")) {
			d += 3
		}
		if d < bestD {
			best, bestD = tx.value, d
		}
	}
	if best != "" {
		return best
	}
	if carry {
		if d := s.antecedentTime(sent); d != "" {
			return d
		}
		if k := s.lastDated[sent]; k >= 0 {
			return s.times[k].value
		}
	}
	return ""
}

// indexTimes indexes the date expressions (in text order) by sentence, once findTimes has run:
// where each sentence's start in s.times, the last day or month named before each sentence,
// and where each word stands in a sentence that names a date.
func (s *state) indexTimes() {
	if s.timeFirst != nil {
		return
	}
	n := len(s.doc.Sents)
	s.timeFirst, s.lastDated = make([]int, n+1), make([]int, n)
	k, last := 0, -1
	for si := 0; si <= n; si++ {
		s.timeFirst[si] = k
		for k < len(s.times) && s.doc.Tokens[s.times[k].start].Sent == si {
			k++
		}
		if si < n {
			s.lastDated[si] = last
		}
		for j := s.timeFirst[si]; j < k; j++ {
			if v := s.times[j].value; len(v) == 10 || len(v) == 7 {
				last = j
			}
		}
	}
	s.datedAt = map[string][]int{}
	for si := 0; si < n; si++ {
		if s.timeFirst[si] == s.timeFirst[si+1] {
			continue
		}
		st := s.doc.Sents[si]
		for j := st.First; j < st.First+len(st.Tokens); j++ {
			low := s.doc.Tokens[j].Low
			s.datedAt[low] = append(s.datedAt[low], j)
		}
	}
}

// reportBoundary reports whether a reported clause opens between tokens a and b:
// "... on Thursday that ...".
func (s *state) reportBoundary(a, b int) bool {
	for k := a; k < b; k++ {
		if s.doc.Tokens[k].Text == "that" {
			return true
		}
	}
	return false
}

// wordBetween reports whether word w stands between tokens a and b.
func (s *state) wordBetween(a, b int, w string) bool {
	for k := a; k < b; k++ {
		if s.doc.Tokens[k].Low == w {
			return true
		}
	}
	return false
}

// antecedentTime dates "during the investigation" by the sentence before that named the
// investigation with a date: "an investigation carried out from May 11 - 23". The nearest such
// sentence counts, and in it the first mention of the noun.
func (s *state) antecedentTime(sent int) string {
	toks := s.doc.Tokens
	st := s.doc.Sents[sent]
	for k := st.First; k+2 < st.First+len(st.Tokens); k++ {
		if toks[k].Low != "during" || toks[k+1].Low != "the" && toks[k+1].Low != "this" && toks[k+1].Low != "that" {
			continue
		}
		at := s.datedAt[toks[k+2].Low]
		// The last mention before the sentence, then back to the first in its sentence.
		p := sort.SearchInts(at, st.First) - 1
		if p < 0 {
			continue
		}
		for p > 0 && toks[at[p-1]].Sent == toks[at[p]].Sent {
			p--
		}
		if d := s.explicitTime(at[p], false); d != "" {
			return d
		}
	}
	return ""
}

// soloSpan returns the first and last place where word w stands with no capitalised word
// beside it ("Benali said", not "Omar Benali"), or false when it never does.
func (s *state) soloSpan(w string) (first, last int, ok bool) {
	if !s.soloBuilt {
		s.solo, s.soloBuilt = map[string][2]int{}, true
		toks := s.doc.Tokens
		for i, t := range toks {
			if i > 0 && isCapWord(toks[i-1]) || i+1 < len(toks) && isCapWord(toks[i+1]) {
				continue
			}
			if r, seen := s.solo[t.Text]; seen {
				s.solo[t.Text] = [2]int{r[0], i}
			} else {
				s.solo[t.Text] = [2]int{i, i}
			}
		}
	}
	r, ok := s.solo[w]
	return r[0], r[1], ok
}

// timeFor is the time of token i for statistics and quotes: the sentence's date, else the date
// the text last named, else the publication date.
func (s *state) timeFor(i int) string {
	if d := s.explicitTime(i, true); d != "" {
		return d
	}
	if d := s.leadTime(i); d != "" {
		return d
	}
	return s.published
}

// leadTime dates a lead that names no date by the day the next sentences give it: "49 died
// after their boat capsized. Survivors said it sank on Monday." It applies only before the
// text has named any date.
func (s *state) leadTime(i int) string {
	toks := s.doc.Tokens
	sent := toks[i].Sent
	for _, tx := range s.times {
		ts := toks[tx.start].Sent
		if ts < sent {
			return ""
		}
		if ts > sent+3 {
			return ""
		}
		if len(tx.value) == 10 {
			return tx.value
		}
	}
	return ""
}

// evidence returns sentence si as evidence.
func (s *state) evidence(si int) record.Evidence { return s.evidenceRange(si, si) }

func (s *state) evidenceRange(a, b int) record.Evidence {
	start, end := s.doc.Sents[a].Start, s.doc.Sents[b].End
	return record.Evidence{Start: s.doc.Runes(start), End: s.doc.Runes(end), Text: s.doc.Text[start:end]}
}

func itoa(i int) string { return strconv.Itoa(i) }

// why returns the explanation of a record made by rule from the given token ranges (byte
// offsets into the text, as tokens hold them), or nil when the extractor does not explain.
func (s *state) why(rule string, uses ...use) *record.Explanation {
	if !s.explain {
		return nil
	}
	e := &record.Explanation{Rule: rule}
	for _, u := range uses {
		if u.start < 0 {
			e.Uses = append(e.Uses, record.Use{Role: u.role}) // a rule's choice that no token shows
			continue
		}
		if u.end <= u.start {
			continue
		}
		e.Uses = append(e.Uses, record.Use{Role: u.role, Text: s.doc.Text[u.start:u.end],
			Span: record.Span{Start: s.doc.Runes(u.start), End: s.doc.Runes(u.end)}})
	}
	return e
}

// use is a piece of text a rule used: its role and its byte range.
type use struct {
	role       string
	start, end int
}

// tokUse is the use of tokens a..b-1 (token indexes) in a role.
func (s *state) tokUse(role string, a, b int) use {
	if a < 0 || b > len(s.doc.Tokens) || a >= b {
		return use{role: role}
	}
	return use{role: role, start: s.doc.Tokens[a].Start, end: s.doc.Tokens[b-1].End}
}
