package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

// Version names the rules. Stores compare it to decide what to re-extract.
const Version = "0.4.0"

// Extractor extracts records from documents. It is safe for concurrent use.
type Extractor struct {
	lx *lexicon.Lexicon
	// Explain makes every record carry the rule that made it and the tokens it used
	// (record.Explanation). Set it before the first call to Extract.
	Explain bool
	parses  *parseCount // counts sentences and parsed sentences when set (benchmarks)
}

// New returns an extractor over the given dictionaries.
func New(lx *lexicon.Lexicon) *Extractor { return &Extractor{lx: lx} }

// state is one document's analysis while it is extracted.
type state struct {
	lx        *lexicon.Lexicon
	doc       *text.Doc
	published string
	explain   bool // records carry their Explanation

	mentions  []mention
	at        []int32 // mention index per token, -1 for none
	entities  []entity
	entityKey map[string]int
	focus     *string
	times     []timex
	inQuote   []bool
	trees     []*sentTree // per sentence, parsed on first use (tree.go)
	lang      string      // the document's language, which chooses the syntax model (tree.go)

	acronyms map[string]string // initials -> the longest capitalised phrase with them

	stats  []stat
	quotes []record.Quote
	events []record.Event
}

// Extract returns the records of one document. The document's Text is the body; Published
// is its publication date or nil. The result depends on nothing else.
func (x *Extractor) Extract(d record.Document) record.Extraction {
	if d.ID == "" {
		sum := sha256.Sum256([]byte(d.Text))
		d.ID = hex.EncodeToString(sum[:])
	}
	if d.Language == "" {
		d.Language = "en"
	}
	s := &state{lx: x.lx, doc: text.Analyze(d.Text), entityKey: map[string]int{}, explain: x.Explain}
	if d.Published != nil {
		s.published = *d.Published
	}
	s.lang = d.Language
	s.findActors()
	s.sortMentions()
	s.findPersons()
	s.findTimes()
	s.findQuotes()
	s.findStatistics()
	s.findEvents()
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
	resolvePlaces(&out)
	out.Normalize()
	x.countParses(s)
	return out
}

// outStatistics lists each figure once: a value repeated for the same kind and category is the
// same claim, kept at its first mention, unless one sentence gives it twice for different
// things ("62 men, three women and three minors"). Part-of links are renumbered.
func (s *state) outStatistics() []record.Statistic {
	var out []record.Statistic
	ids := map[string]string{} // old id -> new id
	seen := map[string]int{}   // key -> index in s.stats of its first mention
	for i, st := range s.stats {
		old := "s" + itoa(i+1)
		key := st.Kind + "|" + st.Category + "|" + strconv.FormatFloat(st.Value, 'g', -1, 64)
		if first, dup := seen[key]; dup && st.Category != "other" {
			f := s.stats[first]
			if f.sent != st.sent || f.Subject == st.Subject {
				ids[old] = ids["s"+itoa(first+1)]
				continue
			}
		}
		st.ID = "s" + itoa(len(out)+1)
		ids[old] = st.ID
		if _, dup := seen[key]; !dup {
			seen[key] = i
		}
		out = append(out, st.Statistic)
	}
	for i := range out {
		if out[i].PartOf != "" {
			out[i].PartOf = ids[out[i].PartOf]
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
	toks := s.doc.Tokens
	sent := toks[i].Sent
	best, bestD := "", 1<<30
	last := ""
	for _, tx := range s.times {
		ts := toks[tx.start].Sent
		if ts == sent {
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
			continue
		}
		if ts < sent && (len(tx.value) == 10 || len(tx.value) == 7) {
			last = tx.value
		}
	}
	if best != "" {
		return best
	}
	if carry {
		if d := s.antecedentTime(sent); d != "" {
			return d
		}
		return last
	}
	return ""
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
// investigation with a date: "an investigation carried out from May 11 - 23".
func (s *state) antecedentTime(sent int) string {
	toks := s.doc.Tokens
	st := s.doc.Sents[sent]
	for k := st.First; k+2 < st.First+len(st.Tokens); k++ {
		if toks[k].Low != "during" || toks[k+1].Low != "the" && toks[k+1].Low != "this" && toks[k+1].Low != "that" {
			continue
		}
		noun := toks[k+2].Low
		for ps := sent - 1; ps >= 0; ps-- {
			prev := s.doc.Sents[ps]
			for n := prev.First; n < prev.First+len(prev.Tokens); n++ {
				if toks[n].Low == noun && n != k+2 {
					if d := s.explicitTime(n, false); d != "" {
						return d
					}
				}
			}
		}
	}
	return ""
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
