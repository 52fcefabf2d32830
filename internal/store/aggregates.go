package store

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/link"
	"github.com/alboran/alboran/internal/record"
)

// The stores keep what the overview, the conflicts and the lists of claims show as it changes,
// so that a read costs the same however large the archive: the number of rows per table, the
// clusters per dyad, and each claim's tallies (its figures counted by value, bound and named
// source) with the claim computed from them. A write adds what its documents bring (and a
// reprocess takes away what they brought before); this file says what that is, and the stores
// apply it in the write's transaction.

// Counted reports whether a statistic is one of the figures that claims and series compare:
// a count of a category, not a part of a larger figure, for a period.
func Counted(st record.Statistic) bool {
	return st.Kind == record.KindCount && st.Category != "other" && st.PartOf == "" && st.Period != nil && *st.Period != ""
}

// ClaimFigures returns the figures of a document, stored as id, that claims count.
func ClaimFigures(id int64, x record.Extraction) []link.Figure {
	var out []link.Figure
	for _, st := range x.Statistics {
		if Counted(st) {
			out = append(out, link.Figure{Category: st.Category, Country: st.Country, Period: *st.Period, Value: st.Value,
				Bound: st.Bound, Source: st.Source, DocID: id, StatID: st.ID})
		}
	}
	return out
}

// TallyRow is what a write changes in one value of one claim: figures and reports to add (or,
// negative, to take away), and a figure that gives the value.
type TallyRow struct {
	Key ClaimKey
	link.Tally
}

// MultiRow is reports that give the same values, more than one, of a claim: a write adds them
// (or, negative, takes them away).
type MultiRow struct {
	Key ClaimKey
	link.Multi
}

// Tallies counts figures (of distinct reports, as a write holds them) by claim and value, in a
// stable order.
func Tallies(figs []link.Figure) ([]TallyRow, []MultiRow) {
	byKey := map[ClaimKey][]link.Figure{}
	var keys []ClaimKey
	for _, f := range figs {
		k := ClaimKey{f.Category, f.Country, f.Period}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(keys[j]) })
	var ts []TallyRow
	var ms []MultiRow
	for _, k := range keys {
		t, m := link.TallyFigures(byKey[k])
		for _, x := range t {
			ts = append(ts, TallyRow{k, x})
		}
		for _, x := range m {
			ms = append(ms, MultiRow{k, x})
		}
	}
	return ts, ms
}

// NegateMulti turns the reports of two values that documents brought into what taking them
// away changes.
func NegateMulti(ms []MultiRow) []MultiRow {
	out := make([]MultiRow, len(ms))
	for i, m := range ms {
		m.Reports = -m.Reports
		out[i] = m
	}
	return out
}

func (k ClaimKey) less(o ClaimKey) bool {
	if k.Category != o.Category {
		return k.Category < o.Category
	}
	if k.Country != o.Country {
		return k.Country < o.Country
	}
	return k.Period < o.Period
}

// Keys returns the claims that tallies touch, once each, in order.
func Keys(ts []TallyRow) []ClaimKey {
	seen := map[ClaimKey]bool{}
	var out []ClaimKey
	for _, t := range ts {
		if !seen[t.Key] {
			seen[t.Key] = true
			out = append(out, t.Key)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].less(out[j]) })
	return out
}

// Negate turns what documents brought into what taking them away changes.
func Negate(ts []TallyRow) []TallyRow {
	out := make([]TallyRow, len(ts))
	for i, t := range ts {
		t.Figures, t.Reports = -t.Figures, -t.Reports
		out[i] = t
	}
	return out
}

// RecordCounts returns the rows an extraction adds to each table, by the names Counts uses.
func RecordCounts(x record.Extraction) map[string]int64 {
	c := map[string]int64{"entities": int64(len(x.Entities)), "events": int64(len(x.Events)),
		"statistics": int64(len(x.Statistics)), "quotes": int64(len(x.Quotes))}
	for _, e := range x.Entities {
		c["mentions"] += int64(len(e.Mentions))
	}
	return c
}

// CountNames are the names of the counts a store keeps: the tables, and the mentions.
var CountNames = append([]string{"mentions"}, Tables...)

// Written gathers what the documents of a write bring to the aggregates: the figures claims
// count, the rows per table, and the entities by report.
type Written struct {
	Figures  []link.Figure
	Counts   map[string]int64
	Entities map[int64][]Named
}

// Add counts a document stored as id.
func (w *Written) Add(id int64, x record.Extraction) {
	if w.Counts == nil {
		w.Counts = map[string]int64{}
	}
	if w.Entities == nil {
		w.Entities = map[int64][]Named{}
	}
	w.Figures = append(w.Figures, ClaimFigures(id, x)...)
	for name, n := range RecordCounts(x) {
		w.Counts[name] += n
	}
	w.Entities[id] = NameEntities(x)
}

// EncodeTallies writes tally keys as JSON, [[value, bound, source], ...], as the stores keep
// the reports that give more than one value of a claim.
func EncodeTallies(ks []link.TallyKey) string {
	out := make([][3]any, len(ks))
	for i, k := range ks {
		out[i] = [3]any{k.Value, k.Bound, k.Source}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// DecodeTallies reads what EncodeTallies wrote.
func DecodeTallies(s string) ([]link.TallyKey, error) {
	var raw [][3]any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	out := make([]link.TallyKey, len(raw))
	for i, r := range raw {
		v, _ := r[0].(float64)
		b, _ := r[1].(string)
		src, _ := r[2].(string)
		out[i] = link.TallyKey{Value: v, Bound: b, Source: src}
	}
	return out, nil
}

// NameRow is one way that reports name an entity, counted: a person by the folded last word of
// their name ("sn:haddad"), an organization or a country by its code ("code:UNHCR"), with the
// report that named it so first. EntityMentions reads these, not every mention.
type NameRow struct {
	Key                               string
	Type, Name, Country, Code, Titles string
	Reports                           int   // negative: reports that no longer name it so
	First                             int64 // the least document id that names it so
}

// NameKey returns the key an entity is found by, or "" when it has none.
func NameKey(typ, code, surname string) string {
	switch {
	case typ == record.Person && surname != "":
		return "sn:" + surname
	case typ != record.Person && code != "":
		return "code:" + code
	}
	return ""
}

// Names counts the ways entities are named, once per report: ents holds, for each report
// (by its id), its entities as stored.
func Names(ents map[int64][]Named) []NameRow {
	type k struct{ key, typ, name, country, code, titles string }
	idx := map[k]int{}
	var out []NameRow
	ids := make([]int64, 0, len(ents))
	for id := range ents {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		seen := map[k]bool{}
		for _, e := range ents[id] {
			key := NameKey(e.Type, e.Code, e.Surname)
			if key == "" {
				continue
			}
			kk := k{key, e.Type, e.Name, e.Country, e.Code, e.Titles}
			if seen[kk] {
				continue
			}
			seen[kk] = true
			i, ok := idx[kk]
			if !ok {
				i = len(out)
				idx[kk] = i
				out = append(out, NameRow{Key: key, Type: e.Type, Name: e.Name, Country: e.Country, Code: e.Code, Titles: e.Titles, First: id})
			}
			out[i].Reports++
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.Key+"\x00"+a.Type+"\x00"+a.Name+"\x00"+a.Country+"\x00"+a.Code+"\x00"+a.Titles <
			b.Key+"\x00"+b.Type+"\x00"+b.Name+"\x00"+b.Country+"\x00"+b.Code+"\x00"+b.Titles
	})
	return out
}

// Named is an entity of a report as Names counts it: as the stores keep it, titles joined by
// "; " and the folded surname of a person.
type Named struct {
	Type, Name, Country, Code, Titles, Surname string
}

// NameEntities gives a report's entities as Names wants them.
func NameEntities(x record.Extraction) []Named {
	out := make([]Named, len(x.Entities))
	for i, en := range x.Entities {
		out[i] = Named{Type: string(en.Type), Name: en.Name, Country: en.Country, Code: en.Code, Titles: strings.Join(en.Titles, "; "),
			Surname: Surname(en)}
	}
	return out
}

// NegateNames turns the names documents gave into what taking them away changes.
func NegateNames(ns []NameRow) []NameRow {
	out := make([]NameRow, len(ns))
	for i, n := range ns {
		n.Reports = -n.Reports
		out[i] = n
	}
	return out
}

// SymmetricSQL lists the symmetric types (link.Symmetric) as SQL strings, sorted, for an IN
// list: 'CONSULT', 'COOPERATE'.
func SymmetricSQL() string {
	var ts []string
	for t := range link.Symmetric {
		ts = append(ts, "'"+t+"'")
	}
	sort.Strings(ts)
	return strings.Join(ts, ", ")
}
