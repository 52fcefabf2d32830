package syntax

import (
	"sort"
	"strings"
)

// lemmatizer gives a word's lemma and features from its form and tag class: first the
// treebank's table of (form, class) pairs, then suffix rules learned from the treebank for the
// class, longest suffix first.
type lemmatizer struct {
	table map[lemmaKey]lemmaVal
	rules map[ruleKey]rule // (class, lower-case suffix) -> rule
	feats []string         // class -> most frequent features
	// byPOS is the table again, by lower-case form and UPOS only, for a form the treebank has
	// with another tag of the same part of speech ("fled" seen as VBD, asked as VBN).
	byPOS map[posKey]string
}

type posKey struct{ form, upos string }

// index builds byPOS from the table; upos gives each class's UPOS. Where a form has several
// lemmas, the smallest is kept, so that the result does not depend on map order.
func (l *lemmatizer) index(upos []string) {
	l.byPOS = map[posKey]string{}
	for k, v := range l.table {
		if k.class >= len(upos) {
			continue
		}
		pk := posKey{strings.ToLower(k.form), upos[k.class]}
		if old, ok := l.byPOS[pk]; !ok || v.lemma < old {
			l.byPOS[pk] = v.lemma
		}
	}
}

type lemmaKey struct {
	form  string
	class int
}

type lemmaVal struct {
	lemma, feats string
}

type ruleKey struct {
	class  int
	suffix string
}

// rule rewrites a word's end: drop Strip bytes, then append Add.
type rule struct {
	strip int
	add   string
}

// maxRuleSuffix is the longest suffix a rule is keyed on.
const maxRuleSuffix = 5

func (l *lemmatizer) lemma(form string, class int, upos string) (lemma, feats string) {
	if v, ok := l.table[lemmaKey{form, class}]; ok {
		return v.lemma, v.feats
	}
	low := strings.ToLower(form)
	if class < len(l.feats) {
		feats = l.feats[class]
	}
	if v, ok := l.table[lemmaKey{low, class}]; ok {
		return v.lemma, v.feats
	}
	if lemma, ok := l.byPOS[posKey{low, upos}]; ok {
		return lemma, feats
	}
	base := low
	if upos == "PROPN" {
		base = form
	}
	for n := maxRuleSuffix; n >= 1; n-- {
		if len(low) <= n {
			continue
		}
		r, ok := l.rules[ruleKey{class, low[len(low)-n:]}]
		if !ok {
			continue
		}
		if r.strip > len(base) {
			break
		}
		return base[:len(base)-r.strip] + r.add, feats
	}
	return base, feats
}

// lemmaCounts gathers the tables while training.
type lemmaCounts struct {
	table map[lemmaKey]map[lemmaVal]int
	rules map[ruleKey]map[rule]int
	feats []map[string]int
}

func newLemmaCounts(classes int) *lemmaCounts {
	c := &lemmaCounts{table: map[lemmaKey]map[lemmaVal]int{}, rules: map[ruleKey]map[rule]int{}}
	for range classes {
		c.feats = append(c.feats, map[string]int{})
	}
	return c
}

func (c *lemmaCounts) add(form, lemma, feats, upos string, class int) {
	inc(c.table, lemmaKey{form, class}, lemmaVal{lemma, feats})
	c.feats[class][feats]++
	low := strings.ToLower(form)
	target := lemma
	if upos != "PROPN" {
		target = strings.ToLower(lemma)
	}
	p := 0
	for p < len(low) && p < len(target) && low[p] == target[p] {
		p++
	}
	r := rule{strip: len(low) - p, add: target[p:]}
	for n := 1; n <= maxRuleSuffix && n < len(low); n++ {
		inc(c.rules, ruleKey{class, low[len(low)-n:]}, r)
	}
}

func inc[K, V comparable](m map[K]map[V]int, k K, v V) {
	mm := m[k]
	if mm == nil {
		mm = map[V]int{}
		m[k] = mm
	}
	mm[v]++
}

// best returns the most frequent value of a count map, ties broken by the smaller value in
// a fixed order so that training is deterministic.
func best[V comparable](m map[V]int, less func(a, b V) bool) (V, int) {
	var bv V
	bn := -1
	for v, n := range m {
		if n > bn || (n == bn && less(v, bv)) {
			bv, bn = v, n
		}
	}
	return bv, bn
}

// build keeps the table entries and the rules seen at least minRule times, where the rule
// is right for at least 60% of the words with that suffix.
func (c *lemmaCounts) build(minRule int) *lemmatizer {
	l := &lemmatizer{table: map[lemmaKey]lemmaVal{}, rules: map[ruleKey]rule{}}
	for k, m := range c.table {
		v, _ := best(m, func(a, b lemmaVal) bool { return a.lemma+"\x00"+a.feats < b.lemma+"\x00"+b.feats })
		l.table[k] = v
	}
	for k, m := range c.rules {
		total := 0
		for _, n := range m {
			total += n
		}
		r, n := best(m, func(a, b rule) bool { return a.strip < b.strip || (a.strip == b.strip && a.add < b.add) })
		if n >= minRule && n*10 >= total*6 {
			l.rules[k] = r
		}
	}
	for _, m := range c.feats {
		f, _ := best(m, func(a, b string) bool { return a < b })
		l.feats = append(l.feats, f)
	}
	return l
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[K interface{ ~string }, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
