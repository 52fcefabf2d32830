package extract

import "sync/atomic"

// Clause structure for facts, read off the dependency tree (tree.go): which verb governs a
// number, who acts in that verb's clause. Every helper parses only the sentence it is asked
// about.

// governingVerb returns the verb whose clause holds token tok: up from tok through its noun
// phrase to the first verb, or -1.
func (s *state) governingVerb(tok int) int {
	cur := tok
	for steps := 0; steps < 8; steps++ {
		h := s.synHead(cur)
		if h < 0 {
			return -1
		}
		if s.synPOS(h) == "VERB" {
			return h
		}
		cur = h
	}
	return -1
}

// clauseAgent returns the mention that acts in verb v's clause on token tok: its active subject,
// or the agent of a passive ("were stopped by French authorities"); a verb with no subject of
// its own but tok's phrase ("rescued 26 people and recovered 34 bodies", "stopped another 106
// people making the crossing") takes the subject of the verb it is joined to. It returns nil
// when the clause names no actor.
func (s *state) clauseAgent(v, tok int) *mention {
	for steps := 0; v >= 0 && steps < 4; steps++ {
		for _, d := range s.synDeps(v, "") {
			rel := s.synRel(d)
			if rel != "nsubj" && rel != "obl:agent" {
				continue
			}
			if lo, hi := s.synSpan(d); lo <= tok && tok <= hi {
				continue // tok's own phrase: "106 people making the crossing"
			}
			return s.mentionIn(d)
		}
		switch rel := s.synRel(v); rel {
		case "conj", "xcomp", "advcl", "ccomp", "acl", "parataxis":
			v = s.synHead(v)
		default:
			return nil
		}
	}
	return nil
}

// mentionIn returns the mention that token d heads: the one covering d, else the last one
// inside d's subtree ("authorities" in "French authorities", "police" in "the Greek police").
func (s *state) mentionIn(d int) *mention {
	if m := s.mentionAt(d); m != nil {
		return m
	}
	lo, hi := s.synSpan(d)
	if lo < 0 || hi > d {
		hi = d
	}
	for k := hi; k >= lo && k >= 0; k-- {
		if m := s.mentionAt(k); m != nil {
			return m
		}
	}
	return nil
}

// parseCount counts, over the documents an extractor sees, the sentences and how many of them
// a rule had parsed.
type parseCount struct {
	sentences, parsed atomic.Int64
}

// countParses adds a document's sentences and parsed sentences to x.parses, when it is set.
func (x *Extractor) countParses(s *state) {
	if x.parses == nil {
		return
	}
	n := 0
	for _, t := range s.trees {
		if t != nil {
			n++
		}
	}
	x.parses.sentences.Add(int64(len(s.doc.Sents)))
	x.parses.parsed.Add(int64(n))
}
