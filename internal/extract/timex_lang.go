package extract

import (
	"strconv"
	"time"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/text"
)

// yearWords before a four-digit number make it a year in Spanish and French: "en 2022",
// "desde 2020", "l'année 2023".
var yearWords = set("en", "de", "del", "desde", "depuis", "año", "année", "entre", "y", "et", "hasta", "jusqu'en", "durante", "pendant", "à", "a")

// atLang resolves a Spanish or French date expression at token i with the language's date
// words: relative phrases ("el año pasado", "depuis le début de l'année"), days ("14 de marzo
// de 2024", "14 mars", "14 mar" in a dateline), months ("en marzo", "mars dernier"), weekdays
// ("el pasado martes", "mardi dernier", "el próximo lunes") and years ("en 2022").
func (r *timeResolver) atLang(toks []text.Token, i int, tw *lexicon.TimeWords) (timex, bool) {
	tx, ok := r.dateLang(toks, i, tw)
	if !ok {
		return tx, ok
	}
	return r.rangeLang(toks, tx, tw), true
}

// rangeLang widens a day or a month into the span a range of two dates states: "entre el 1
// de enero y el 15 de noviembre", "du 1er janvier au 15 novembre", "de enero a octubre" run
// from the first day of the first to the last day of the second; a day after "hasta",
// "jusqu'au" ends a span from 1 January of its year ("hasta el 30 de septiembre"). Anything
// else is returned as it is.
func (r *timeResolver) rangeLang(toks []text.Token, tx timex, tw *lexicon.TimeWords) timex {
	sent := toks[tx.start].Sent
	word := func(k int) string {
		if k >= 0 && k < len(toks) && toks[k].Sent == sent {
			return toks[k].Low
		}
		return ""
	}
	if len(tx.value) != 10 && len(tx.value) != 7 || r.namesWeekday(toks, tx, tw) {
		return tx // "la nuit de dimanche à lundi" is one night, dated by its end
	}
	k := tx.start - 1
	if tw.RangeArticle[word(k)] {
		k--
	}
	if !tw.Until[word(k)] && tw.Until[word(k-1)+word(k)] {
		k-- // "jusqu'" "au": the tokens of one word
	}
	if (tw.Until[word(k)] || tw.Until[word(k)+word(k+1)]) && len(tx.value) == 10 && r.hasPub {
		d, err := time.Parse("2006-01-02", tx.value)
		if err != nil {
			return tx
		}
		if !r.namesYear(toks, tx) {
			// The day of a running total is of the report's year: no year named before
			// it in the text moves it.
			d = time.Date(r.pub.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
			if d.After(r.pub.AddDate(0, 0, 7)) {
				d = d.AddDate(-1, 0, 0)
			}
		}
		return timex{k, tx.end, year(d.Year()) + "-01-01/" + day(d)}
	}
	if !tw.RangeFrom[word(k)] {
		return tx
	}
	j := tx.end
	if !tw.RangeTo[word(j)] {
		return tx
	}
	j++
	if tw.RangeArticle[word(j)] {
		j++
	}
	if word(j) == "" {
		return tx
	}
	end, ok := r.dateLang(toks, j, tw)
	if !ok || len(end.value) != 10 && len(end.value) != 7 || r.namesWeekday(toks, end, tw) {
		return tx
	}
	from, err1 := time.Parse("2006-01-02", (tx.value + "-01")[:10])
	to, err2 := time.Parse("2006-01-02", (end.value + "-01")[:10])
	if err1 != nil || err2 != nil {
		return tx
	}
	if len(end.value) == 7 {
		to = to.AddDate(0, 1, -1) // the last day of the month
	}
	if from.After(to) {
		from = from.AddDate(-1, 0, 0) // "de noviembre a marzo" began the year before
	}
	return timex{k, end.end, interval(from, to)}
}

// namesWeekday reports whether the date expression tx names a day of the week.
func (r *timeResolver) namesWeekday(toks []text.Token, tx timex, tw *lexicon.TimeWords) bool {
	for k := tx.start; k < tx.end; k++ {
		if _, ok := tw.Weekdays[toks[k].Low]; ok {
			return true
		}
	}
	return false
}

// namesYear reports whether the date expression tx writes its year.
func (r *timeResolver) namesYear(toks []text.Token, tx timex) bool {
	for k := tx.start; k < tx.end; k++ {
		if toks[k].Kind == text.Number && isYear(toks[k].Text) {
			return true
		}
	}
	return false
}

// dateLang resolves the date expression at token i; atLang widens it into a range.
func (r *timeResolver) dateLang(toks []text.Token, i int, tw *lexicon.TimeWords) (timex, bool) {
	t := toks[i]
	same := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].Sent == t.Sent }
	word := func(k int) string {
		if same(k) {
			return toks[k].Low
		}
		return ""
	}
	since := tw.Since[word(i-1)]
	if r.hasPub {
		if m, ok := tw.Phrases.Longest(toks, i); ok {
			if m.Vals[0] != "eve" {
				return r.relative(i, m.End, m.Vals[0])
			}
			// "la víspera", "la veille": the day before the report's, unless a "de" phrase
			// names the event it is the eve of ("la veille du sommet").
			if !eveOf[word(m.End)] {
				return r.relative(i, m.End, "day-1")
			}
		}
	}
	if r.hasPub && tw.First[t.Low] {
		if tx, ok := r.firstPartLang(toks, i, tw, word); ok {
			return tx, true
		}
	}
	if r.hasPub && r.count != nil && i+1 < len(toks) && tw.First[word(i+1)] {
		if _, ok := r.countAt(toks[i]); ok {
			if tx, ok := r.firstPartLang(toks, i+1, tw, word); ok {
				return tx, true
			}
		}
	}
	switch {
	case t.Kind == text.Number && isDay(t.Text):
		d, _ := strconv.Atoi(t.Text)
		k := i + 1
		if word(k) == "er" && toks[k].Start == t.End { // "1er"
			k++
		}
		if word(k) == "de" {
			k++
		}
		m := tw.Months[word(k)]
		if m == 0 && k == i+1 {
			m = tw.Abbr[word(k)] // "14 mar", "9 oct": a dateline's abbreviation
			if m != 0 && word(k+1) == "." {
				k++
			}
		}
		if m == 0 && k == i+1 && tw.DayNoun[word(i-1)] && r.hasPub {
			// "el pasado día 24", "el día 3": a day of the month named alone is the last one
			// up to the report's day.
			dd := time.Date(r.pub.Year(), r.pub.Month(), d, 0, 0, 0, 0, time.UTC)
			if d > r.pub.Day() {
				dd = time.Date(r.pub.Year(), r.pub.Month()-1, d, 0, 0, 0, 0, time.UTC)
			}
			if dd.Day() != d {
				return timex{}, false
			}
			start := i - 1
			if tw.Past[word(start-1)] {
				start--
			}
			return r.finish(start, i+1, dd, "day", since)
		}
		if m == 0 {
			return timex{}, false
		}
		end := k + 1
		y := 0
		if word(end) == "de" || word(end) == "del" {
			if yy, ok := r.yearAt(toks, end+1); ok && same(end+1) {
				y, end = yy, end+2
			}
		} else if yy, ok := r.yearAt(toks, end); ok && same(end) {
			y, end = yy, end+1
		}
		if y == 0 {
			y = r.inferYear(time.Month(m), d)
			if y == 0 {
				return timex{}, false
			}
		}
		return r.finish(i, end, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), "day", since)
	case t.Kind == text.Word && tw.Months[t.Low] != 0:
		m := time.Month(tw.Months[t.Low])
		end := i + 1
		y := 0
		if word(end) == "de" || word(end) == "del" {
			if yy, ok := r.yearAt(toks, end+1); ok && same(end+1) {
				y, end = yy, end+2
			}
		} else if yy, ok := r.yearAt(toks, end); ok && same(end) {
			y, end = yy, end+1
		}
		if y == 0 {
			if !r.hasPub {
				return timex{}, false
			}
			y = r.pub.Year()
			// "juin dernier", "el pasado junio": the last June before the report, this year's
			// unless the report is of June or earlier.
			if m > r.pub.Month() || (tw.Past[word(end)] || tw.Past[word(i-1)]) && m == r.pub.Month() {
				y--
			}
			if tw.Past[word(end)] {
				end++
			}
		}
		return r.finish(i, end, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), "month", since)
	case t.Kind == text.Word && r.hasPub:
		wd, ok := tw.Weekdays[t.Low]
		if !ok {
			return timex{}, false
		}
		start, end := i, i+1
		next := tw.Next[word(i-1)] || tw.Next[word(i+1)]
		if tw.Past[word(i-1)] {
			start = i - 1
		}
		if tw.Past[word(i+1)] || tw.Next[word(i+1)] {
			end = i + 2
		}
		d := r.pub
		if next {
			d = d.AddDate(0, 0, 1)
			for int(d.Weekday()) != wd {
				d = d.AddDate(0, 0, 1)
			}
		} else {
			for int(d.Weekday()) != wd {
				d = d.AddDate(0, 0, -1)
			}
			// "samedi et dimanche", "el sábado y el domingo": two days joined are the span
			// from the first to the second, when the second comes later in the same week.
			if k := end; !since && (word(k) == "y" || word(k) == "et") {
				k++
				if tw.RangeArticle[word(k)] {
					k++
				}
				if wd2, ok := tw.Weekdays[word(k)]; ok {
					d2 := r.pub
					for int(d2.Weekday()) != wd2 {
						d2 = d2.AddDate(0, 0, -1)
					}
					if d2.After(d) && d2.Sub(d) < 7*24*time.Hour {
						return timex{start, k + 1, interval(d, d2)}, true
					}
				}
			}
		}
		return r.finish(start, end, d, "day", since)
	case t.Kind == text.Number && isYear(t.Text) && (yearWords[word(i-1)] || tw.Months[word(i-1)] != 0):
		y, _ := strconv.Atoi(t.Text)
		r.lastYear = y
		if since && r.hasPub {
			return timex{i, i + 1, year(y) + "-01-01/" + day(r.pub)}, true
		}
		return timex{i, i + 1, year(y)}, true
	}
	return timex{}, false
}

// eveOf holds the words that make "la víspera", "la veille" the eve of a named event.
var eveOf = map[string]bool{"de": true, "del": true, "d'": true, "du": true, "des": true}

// relative resolves a relative phrase of the language's date words against the publication
// date.
func (r *timeResolver) relative(i, end int, v string) (timex, bool) {
	p := r.pub
	switch v {
	case "day":
		return timex{i, end, day(p)}, true
	case "day-1":
		return timex{i, end, day(p.AddDate(0, 0, -1))}, true
	case "day-2":
		return timex{i, end, day(p.AddDate(0, 0, -2))}, true
	case "month":
		return timex{i, end, month(p)}, true
	case "month-1":
		return timex{i, end, month(time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0))}, true
	case "year":
		r.lastYear = p.Year()
		return timex{i, end, year(p.Year())}, true
	case "year-1":
		r.lastYear = p.Year() - 1
		return timex{i, end, year(p.Year() - 1)}, true
	case "week", "week-1":
		// "esta semana", "cette semaine": from Monday to the day; "la semana pasada", "la
		// semaine dernière": the calendar week before, Monday to Sunday.
		start := p
		for start.Weekday() != time.Monday {
			start = start.AddDate(0, 0, -1)
		}
		if v == "week" {
			return timex{i, end, interval(start, p)}, true
		}
		return timex{i, end, interval(start.AddDate(0, 0, -7), start.AddDate(0, 0, -1))}, true
	case "weekend":
		// "este fin de semana", "ce week-end": the Saturday and Sunday of the day, or the
		// last ones before it.
		sat := p
		for sat.Weekday() != time.Saturday {
			sat = sat.AddDate(0, 0, -1)
		}
		return timex{i, end, interval(sat, sat.AddDate(0, 0, 1))}, true
	case "since-year":
		r.lastYear = p.Year()
		return timex{i, end, interval(time.Date(p.Year(), 1, 1, 0, 0, 0, 0, time.UTC), p)}, true
	}
	return timex{}, false
}

// firstPartLang resolves the first part of a year opened by the word at token i: "les neuf
// premiers mois de l'année", "los primeros seis meses de 2024", "el primer semestre", "au
// premier trimestre de cette année". The part runs from 1 January to the end of its last month;
// the year is the publication's unless the expression names one.
func (r *timeResolver) firstPartLang(toks []text.Token, i int, tw *lexicon.TimeWords, word func(int) string) (timex, bool) {
	start, n, k := i, 1, i+1
	if c, ok := r.countAt(toks[max(i-1, 0)]); ok && i > 0 && toks[i-1].Sent == toks[i].Sent {
		start, n = i-1, c // "les neuf premiers mois"
	} else if c, ok := r.countAt(toks[min(k, len(toks)-1)]); ok && k < len(toks) && toks[k].Sent == toks[i].Sent {
		n, k = c, k+1 // "los primeros seis meses"
	}
	unit := tw.Parts[word(k)]
	if unit == 0 || n*unit > 12 {
		return timex{}, false
	}
	end, y := k+1, r.pub.Year()
	if w := word(end); w == "de" || w == "del" || w == "d'" {
		j := end + 1
		for word(j) == "l'" || word(j) == "la" || word(j) == "el" || word(j) == "este" || word(j) == "cette" {
			j++
		}
		switch {
		case word(j) == "año" || word(j) == "année" || word(j) == "an":
			end = j + 1
		default:
			if yy, ok := r.yearAt(toks, j); ok && toks[j].Sent == toks[i].Sent {
				y, end = yy, j+1
			}
		}
	}
	from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, n*unit, -1)
	return timex{start, end, interval(from, to)}, true
}

// countAt is the small whole number a token writes, in digits or in the language's words:
// "9", "neuf", "seis".
func (r *timeResolver) countAt(t text.Token) (int, bool) {
	if t.Kind == text.Number {
		n, err := strconv.Atoi(t.Text)
		return n, err == nil && n > 0 && n <= 12
	}
	if r.count == nil {
		return 0, false
	}
	return r.count(t.Low)
}
