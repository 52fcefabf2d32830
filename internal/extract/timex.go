package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/text"
)

// timex is a date expression resolved to an ISO 8601 date or interval.
type timex struct {
	start, end int // tokens [start, end)
	value      string
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

func day(t time.Time) string   { return t.Format("2006-01-02") }
func month(t time.Time) string { return t.Format("2006-01") }
func year(y int) string        { return strconv.Itoa(y) }

// timeResolver resolves date expressions in text order. It remembers the last year named, for
// "in the same year".
type timeResolver struct {
	pub      time.Time
	hasPub   bool
	lastYear int
	// lastDay is the last day named, for "the day before" and "two days later".
	lastDay time.Time
	// anchored is set when the expression just resolved reads its year from the last year
	// named ("in the first half of the year").
	anchored bool
	// sent is the sentence being read; pastYear is a year before publication that the text
	// named alone ("last year", "in 2019") in sentence pastSent, for the days told next.
	sent, pastSent int
	pastYear       int
	// count reads a small number written in the language's words ("neuf", "seis"), or is nil.
	count func(w string) (int, bool)
}

// findTimes finds and resolves the date expressions of the document, in order.
func (s *state) findTimes() {
	r := timeResolver{}
	if s.published != "" {
		if t, err := time.Parse("2006-01-02", s.published); err == nil {
			r.pub, r.hasPub = t, true
		}
	}
	toks := s.doc.Tokens
	at := r.at
	if tw := s.lx.Time; tw != nil {
		at = func(toks []text.Token, i int) (timex, bool) { return r.atLang(toks, i, tw) }
		r.count = func(w string) (int, bool) {
			nw, ok := s.lx.Numbers[w]
			if !ok || nw.Kind != "unit" || nw.Value < 1 || nw.Value > 12 || nw.Value != float64(int(nw.Value)) {
				return 0, false
			}
			return int(nw.Value), true
		}
	}
	for i := 0; i < len(toks); i++ {
		r.sent = toks[i].Sent
		if tx, ok := at(toks, i); ok {
			// "In 2024, 13,489 people arrived in the first half of the year": a year that only
			// anchors a part of it named later in its sentence dates nothing of its own.
			if n := len(s.times); r.anchored && n > 0 && toks[s.times[n-1].start].Sent == toks[tx.start].Sent && s.times[n-1].value == tx.value[:4] {
				if s.anchors == nil {
					s.anchors = map[int]bool{}
				}
				s.anchors[s.times[n-1].start] = true
			}
			r.anchored = false
			// "since last year", "more than last year": a span's start or a comparison's base
			// is not the time the story is set in.
			if y, err := strconv.Atoi(tx.value); err == nil && len(tx.value) == 4 && r.hasPub && y < r.pub.Year() &&
				(tx.start == 0 || !spanBase[toks[tx.start-1].Low]) {
				r.pastYear, r.pastSent = y, r.sent
			}
			if len(tx.value) == 10 {
				if d, err := time.Parse("2006-01-02", tx.value); err == nil {
					r.lastDay = d
				}
			}
			s.times = append(s.times, tx)
			i = tx.end - 1
		}
	}
}

// at resolves a date expression that starts at token i.
func (r *timeResolver) at(toks []text.Token, i int) (timex, bool) {
	t := toks[i]
	low := t.Low
	next := func(k int) string {
		if i+k < len(toks) && toks[i+k].Sent == t.Sent {
			return toks[i+k].Low
		}
		return ""
	}
	prev := ""
	if i > 0 && toks[i-1].Sent == t.Sent {
		prev = toks[i-1].Low
	}
	since := prev == "since"
	switch {
	case t.Kind == text.Word && t.IsCap() && months[strings.TrimSuffix(low, ".")] != 0 && !(low == "may" && !looksDateAround(toks, i)):
		return r.monthExpr(toks, i, since)
	case t.Kind == text.Number && isDay(t.Text) && months[next(1)] != 0 && toks[i+1].IsCap():
		// "14 April 2021"
		m := months[next(1)]
		d, _ := strconv.Atoi(t.Text)
		end := i + 2
		y, ok := r.yearAt(toks, end)
		if ok {
			end++
		} else {
			y = r.inferYear(m, d)
		}
		return r.finish(i, end, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), "day", since)
	case t.Kind == text.Word && weekdays[low] != 0 || low == "sunday":
		if !r.hasPub {
			return timex{}, false
		}
		wd := weekdays[low]
		// "Wednesday, April 14" is a month expression with a weekday in front.
		if next(1) == "," && months[next(2)] != 0 {
			tx, ok := r.monthExpr(toks, i+2, since)
			tx.start = i
			return tx, ok
		}
		// "between Friday and Monday", "from Friday to Monday": the days from one to the other.
		if (prev == "between" || prev == "from") && (next(1) == "and" || next(1) == "to") && weekdays[next(2)] != 0 {
			end := r.pub
			for end.Weekday() != weekdays[next(2)] {
				end = end.AddDate(0, 0, -1)
			}
			start := end.AddDate(0, 0, -1)
			for start.Weekday() != wd {
				start = start.AddDate(0, 0, -1)
			}
			return timex{i, i + 3, interval(start, end)}, true
		}
		d := r.pub
		if prev == "next" || futureBefore(toks, i) {
			d = d.AddDate(0, 0, 1)
			for d.Weekday() != wd {
				d = d.AddDate(0, 0, 1)
			}
		} else {
			if prev == "last" {
				d = d.AddDate(0, 0, -1)
			}
			for d.Weekday() != wd {
				d = d.AddDate(0, 0, -1)
			}
		}
		return r.finish(i, i+1, d, "day", since)
	case t.Kind == text.Number && len(t.Text) == 4 && isYear(t.Text) && yearContext(toks, i):
		y, _ := strconv.Atoi(t.Text)
		r.lastYear = y
		end := i + 1
		// "2014-2016", "2014 to 2016"
		if end+1 < len(toks) && (toks[end].Text == "-" || toks[end].Text == "–" || toks[end].Low == "to") && isYear(toks[end+1].Text) {
			y2, _ := strconv.Atoi(toks[end+1].Text)
			r.lastYear = y2
			return timex{i, end + 2, fmt.Sprintf("%d/%d", y, y2)}, true
		}
		if since && r.hasPub {
			return timex{i, end, fmt.Sprintf("%d-01-01/%s", y, day(r.pub))}, true
		}
		return timex{i, end, year(y)}, true
	}
	if !r.hasPub || t.Kind != text.Word {
		return timex{}, false
	}
	if tx, ok := r.dayAfterDay(toks, i); ok {
		return tx, true
	}
	p := r.pub
	switch low {
	case "yesterday":
		return timex{i, i + 1, day(p.AddDate(0, 0, -1))}, true
	case "today", "tonight", "overnight":
		return timex{i, i + 1, day(p)}, true
	case "morning", "afternoon", "evening":
		// "this morning": the day of publication.
		if prev == "this" {
			return timex{i - 1, i + 1, day(p)}, true
		}
	case "start", "beginning":
		// "since the start of the year", "since the beginning of June", "since the start of
		// 2025": from the first day of that time to the publication date.
		if prev == "the" && next(1) == "of" && i >= 2 && toks[i-2].Low == "since" {
			if tx, ok := r.sinceStart(toks, i); ok {
				return tx, true
			}
		}
	case "last", "this", "past", "previous", "same", "that":
		n := next(1)
		switch {
		case low == "last" && n == "year", low == "previous" && n == "year":
			r.lastYear = p.Year() - 1
			return timex{i, i + 2, year(p.Year() - 1)}, true
		case low == "this" && n == "year":
			r.lastYear = p.Year()
			if prev == "far" { // "so far this year": the year's running total
				return timex{i - 2, i + 2, year(p.Year())}, true
			}
			return timex{i, i + 2, year(p.Year())}, true
		case (low == "same" || low == "that") && n == "year" && r.lastYear != 0:
			return timex{i, i + 2, year(r.lastYear)}, true
		case low == "last" && n == "month" && next(2) != "of":
			return timex{i, i + 2, month(p.AddDate(0, -1, 0))}, true
		case low == "this" && n == "month":
			return timex{i, i + 2, month(p)}, true
		case low == "this" && n == "week":
			start := p
			for start.Weekday() != time.Monday {
				start = start.AddDate(0, 0, -1)
			}
			return timex{i, i + 2, interval(start, p)}, true
		case low == "last" && n == "week":
			return timex{i, i + 2, interval(p.AddDate(0, 0, -7), p.AddDate(0, 0, -1))}, true
		case (low == "past" || low == "last") && n != "year" && i+2 < len(toks) && unitDays[next(2)] > 0:
			// "over the past 48 hours", "in the last six months", "the past two weeks"
			if k, ok := countWord(toks[i+1]); ok {
				d := float64(k) * unitDays[next(2)]
				from := p.AddDate(0, 0, -int(d+0.5))
				if d < 1 {
					from = p.AddDate(0, 0, -1)
				}
				if strings.HasPrefix(next(2), "month") {
					from = p.AddDate(0, -k, 0)
				}
				return timex{i, i + 3, interval(from, p)}, true
			}
		case (low == "past" || low == "last") && (n == "year" || n == "12" && next(2) == "months"):
			end := i + 2
			if n == "12" {
				end++
			}
			return timex{i, end, interval(p.AddDate(-1, 0, 0), p)}, true
		case low == "last" && (n == "weekend"):
			return r.weekend(i, i+2)
		}
	case "first":
		// "in the first half of this year", "the first six months of 2024", "the first 22 days
		// of this month"
		if tx, ok := r.firstPart(toks, i); ok {
			return tx, true
		}
	case "ago":
		// "two years ago", "ten days ago"
		if i > 1 {
			if n, ok := countWord(toks[i-2]); ok {
				switch u := toks[i-1].Low; u {
				case "year", "years":
					r.lastYear = p.Year() - n
					return timex{i - 2, i + 1, year(p.Year() - n)}, true
				case "day", "days":
					return timex{i - 2, i + 1, day(p.AddDate(0, 0, -n))}, true
				case "week", "weeks":
					return timex{i - 2, i + 1, day(p.AddDate(0, 0, -7*n))}, true
				case "month", "months":
					return timex{i - 2, i + 1, month(p.AddDate(0, -n, 0))}, true
				}
			}
		}
	case "year":
		// "the total for the year", "the year's total": the year of publication.
		if prev == "the" && i >= 2 && (toks[i-2].Low == "for" || i+1 < len(toks) && toks[i+1].Kind == text.Poss) {
			r.lastYear = p.Year()
			return timex{i - 1, i + 1, year(p.Year())}, true
		}
	case "weekend":
		if prev == "the" || prev == "this" {
			return r.weekend(i, i+1)
		}
	case "summer", "winter", "spring", "autumn":
		// A season has no ISO form finer than its year.
		switch prev {
		case "the", "this":
			return timex{i - 1, i + 1, year(p.Year())}, true
		case "last":
			return timex{i - 1, i + 1, year(p.Year() - 1)}, true
		}
	case "month":
		// "in the last month of the year": December of the year named last.
		if prev == "last" && next(1) == "of" && next(2) == "the" && next(3) == "year" {
			y := r.lastYear
			if y == 0 {
				y = p.Year()
			}
			return timex{i - 1, i + 4, fmt.Sprintf("%d-12", y)}, true
		}
	}
	return timex{}, false
}

// sinceStart resolves "since the start of the year", "... of this month", "... of June", "... of
// 2025" at token i ("start" or "beginning"): an interval up to the publication date.
func (r *timeResolver) sinceStart(toks []text.Token, i int) (timex, bool) {
	p := r.pub
	k := i + 2
	if k < len(toks) && (toks[k].Low == "the" || toks[k].Low == "this") {
		k++
	}
	if k >= len(toks) || toks[k].Sent != toks[i].Sent {
		return timex{}, false
	}
	var from time.Time
	switch w := toks[k].Low; {
	case w == "year":
		from = time.Date(p.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case w == "month":
		from = time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC)
	case months[w] != 0 && toks[k].IsCap():
		y := p.Year()
		if months[w] > p.Month() {
			y--
		}
		if yy, ok := r.yearAt(toks, k+1); ok {
			y = yy
			k++
		}
		from = time.Date(y, months[w], 1, 0, 0, 0, 0, time.UTC)
	case toks[k].Kind == text.Number && isYear(toks[k].Text):
		y, _ := strconv.Atoi(toks[k].Text)
		from = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	default:
		return timex{}, false
	}
	if from.After(p) {
		return timex{}, false
	}
	r.lastYear = p.Year()
	return timex{i - 2, k + 1, interval(from, p)}, true
}

// unitDays are the lengths of the units of "the past N units", in days.
var unitDays = map[string]float64{"hours": 1.0 / 24, "days": 1, "weeks": 7, "months": 30, "years": 365}

// countWord reads a small count written in digits or words: "48", "six", "two".
func countWord(t text.Token) (int, bool) {
	if t.Kind == text.Number {
		n, err := strconv.Atoi(t.Text)
		return n, err == nil && n > 0 && n < 1000
	}
	if v, ok := units[t.Low]; ok {
		return int(v), true
	}
	if v, ok := tens[t.Low]; ok {
		return int(v), true
	}
	return 0, false
}

// dayAfterDay resolves a day counted from the last day named, at token i: "the day before",
// "the previous day", "the next day", "the following day", "a day earlier", "two days later".
// "the day before the vote" names another day, not one counted from the last.
func (r *timeResolver) dayAfterDay(toks []text.Token, i int) (timex, bool) {
	if r.lastDay.IsZero() {
		return timex{}, false
	}
	sent := toks[i].Sent
	word := func(k int) string {
		if k >= 0 && k < len(toks) && toks[k].Sent == sent {
			return toks[k].Low
		}
		return ""
	}
	switch low := toks[i].Low; {
	case low == "day" && (word(i-1) == "same" && word(i-2) == "the" || word(i-1) == "that" && word(i-2) != "on" && word(i+1) != "of"):
		// "later the same day", "that day" (but not "on that day of"): the last day named.
		b := i - 1
		if word(i-1) == "same" {
			b = i - 2
		}
		return timex{b, i + 1, day(r.lastDay)}, true
	case word(i-1) == "the" && low == "day" && (word(i+1) == "before" || word(i+1) == "after"):
		if n := i + 2; n < len(toks) && toks[n].Sent == sent && (toks[n].Kind == text.Number || isCapWord(toks[n]) || determiners[toks[n].Low]) {
			return timex{}, false
		}
		days := -1
		if word(i+1) == "after" {
			days = 1
		}
		return timex{i - 1, i + 2, day(r.lastDay.AddDate(0, 0, days))}, true
	case word(i-1) == "the" && word(i+1) == "day" && (low == "previous" || low == "next" || low == "following"):
		days := 1
		if low == "previous" {
			days = -1
		}
		return timex{i - 1, i + 2, day(r.lastDay.AddDate(0, 0, days))}, true
	case (low == "day" || low == "days") && (word(i+1) == "earlier" || word(i+1) == "later"):
		n := 1
		if low == "days" {
			c, ok := countWord(toks[max(i-1, 0)])
			if !ok || i == 0 || c > 14 {
				return timex{}, false
			}
			n = c
		} else if w := word(i - 1); w != "a" && w != "one" {
			return timex{}, false
		}
		if word(i+1) == "earlier" {
			n = -n
		}
		return timex{i - 1, i + 2, day(r.lastDay.AddDate(0, 0, n))}, true
	}
	return timex{}, false
}

// determiners open a noun phrase: after "the day before" they make it name another day.
var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "this", "that")

// firstPart resolves "first half of this year", "first six months of 2024", "first 22 days of
// this month" at token i ("first").
func (r *timeResolver) firstPart(toks []text.Token, i int) (timex, bool) {
	k := i + 1
	var n int
	unit := ""
	if k < len(toks) && (toks[k].Low == "half" || toks[k].Low == "quarter") {
		unit = toks[k].Low
		k++
	} else if c, ok := countWord(toks[min(k, len(toks)-1)]); ok && k+1 < len(toks) {
		n, unit = c, toks[k+1].Low
		k += 2
	}
	if k+1 >= len(toks) || toks[k].Low != "of" {
		return timex{}, false
	}
	k++
	if toks[k].Low == "the" || toks[k].Low == "this" {
		k++
	}
	var y int
	var m time.Month
	switch {
	case k < len(toks) && toks[k].Low == "year" && toks[k-1].Low == "this" && r.hasPub:
		y = r.pub.Year()
	case k < len(toks) && toks[k].Low == "year" && r.lastYear != 0:
		y = r.lastYear
		r.anchored = true
	case k < len(toks) && toks[k].Low == "year" && r.hasPub:
		y = r.pub.Year()
	case k < len(toks) && toks[k].Kind == text.Number && isYear(toks[k].Text):
		y, _ = strconv.Atoi(toks[k].Text)
	case k < len(toks) && toks[k].Low == "month" && r.hasPub:
		y, m = r.pub.Year(), r.pub.Month()
	default:
		return timex{}, false
	}
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	var end time.Time
	switch {
	case m != 0 && (unit == "days" || unit == "day") && n > 0:
		start = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 0, n-1)
	case m != 0:
		return timex{}, false
	case unit == "half":
		end = time.Date(y, 6, 30, 0, 0, 0, 0, time.UTC)
	case unit == "quarter":
		end = time.Date(y, 3, 31, 0, 0, 0, 0, time.UTC)
	case (unit == "months" || unit == "month") && n > 0 && n <= 12:
		end = start.AddDate(0, n, -1)
	default:
		return timex{}, false
	}
	r.lastYear = y
	b := i
	if b > 0 && toks[b-1].Low == "the" {
		b--
	}
	return timex{b, k + 1, interval(start, end)}, true
}

// futureBefore reports whether the sentence speaks of the future before token i: "Turkey is
// ready to take 200 more on Wednesday".
func futureBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && toks[k].Sent == toks[i].Sent; k-- {
		switch toks[k].Low {
		case "will", "ready", "due", "plans", "scheduled", "expected":
			return true
		}
	}
	return false
}

func (r *timeResolver) weekend(i, end int) (timex, bool) {
	d := r.pub.AddDate(0, 0, -1)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return timex{i, end, interval(d.AddDate(0, 0, -1), d)}, true
}

// monthExpr resolves "April 14", "April 14, 2021", "November 2020" and "May".
func (r *timeResolver) monthExpr(toks []text.Token, i int, since bool) (timex, bool) {
	m := months[strings.TrimSuffix(toks[i].Low, ".")]
	end := i + 1
	if end < len(toks) && toks[end].Text == "." && toks[end].Start == toks[i].End {
		end++
	}
	if end < len(toks) && toks[end].Kind == text.Number && isDay(toks[end].Text) && toks[end].Sent == toks[i].Sent {
		d, _ := strconv.Atoi(toks[end].Text)
		end++
		if end < len(toks) && toks[end].Kind == text.Word && (toks[end].Low == "th" || toks[end].Low == "st" || toks[end].Low == "nd" || toks[end].Low == "rd") {
			end++
		}
		k := end
		if k < len(toks) && toks[k].Text == "," {
			k++
		}
		// "May 11 - 23", "May 11 to May 23", "between May 11 and 23"
		if m2, d2, e2, ok := rangeEnd(toks, end, m, d); ok {
			if e2+1 < len(toks) && toks[e2].Text == "," {
				if _, ok := r.yearAt(toks, e2+1); ok {
					e2++
				}
			}
			y, ok := r.yearAt(toks, e2)
			if ok {
				e2++
			} else if ry, n := r.relativeYear(toks, e2); n > 0 {
				y, e2 = ry, e2+n // "between January 1 and December 1 this year"
			} else {
				y = r.inferYear(m, d)
			}
			r.lastYear = y
			return timex{i, e2, interval(time.Date(y, m, d, 0, 0, 0, 0, time.UTC), time.Date(y, m2, d2, 0, 0, 0, 0, time.UTC))}, true
		}
		y, ok := r.yearAt(toks, k)
		if ok {
			end = k + 1
		} else {
			y = r.inferYear(m, d)
		}
		return r.finish(i, end, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), "day", since)
	}
	y, ok := r.yearAt(toks, end)
	if ok {
		end++
	} else if r.hasPub {
		y = r.pub.Year()
		if m > r.pub.Month() {
			y--
		}
	} else {
		return timex{}, false
	}
	// "from January to July", "between March and May": the months from one to the other.
	if i > 0 && (toks[i-1].Low == "from" || toks[i-1].Low == "between") && end+1 < len(toks) && (toks[end].Low == "to" || toks[end].Low == "and" || toks[end].Low == "until") {
		if m2 := months[toks[end+1].Low]; m2 > m && toks[end+1].IsCap() && (end+2 >= len(toks) || toks[end+2].Kind != text.Number || !isDay(toks[end+2].Text)) {
			e := end + 2
			if y2, ok := r.yearAt(toks, e); ok && y2 == y {
				e++
			}
			r.lastYear = y
			return timex{i, e, fmt.Sprintf("%d-%02d/%d-%02d", y, m, y, m2)}, true
		}
	}
	return r.finish(i, end, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), "month", since)
}

// finish records the year and applies "since" (an interval up to the publication date).
func (r *timeResolver) finish(i, end int, t time.Time, prec string, since bool) (timex, bool) {
	r.lastYear = t.Year()
	if since && r.hasPub && !t.After(r.pub) {
		return timex{i, end, interval(t, r.pub)}, true
	}
	if prec == "month" {
		return timex{i, end, month(t)}, true
	}
	return timex{i, end, day(t)}, true
}

func interval(a, b time.Time) string { return day(a) + "/" + day(b) }

// relativeYear reads "this year" or "last year" at token k and returns the year and the
// number of tokens.
func (r *timeResolver) relativeYear(toks []text.Token, k int) (int, int) {
	if !r.hasPub || k+1 >= len(toks) || toks[k+1].Low != "year" {
		return 0, 0
	}
	switch toks[k].Low {
	case "this":
		return r.pub.Year(), 2
	case "last":
		return r.pub.Year() - 1, 2
	}
	return 0, 0
}

// rangeEnd reads the end of a day range after "May 11" at token k: "- 23", "to 23",
// "and May 23". It returns the end month, day and the token after the range.
func rangeEnd(toks []text.Token, k int, m time.Month, d int) (time.Month, int, int, bool) {
	if k+1 >= len(toks) || toks[k].Sent != toks[k+1].Sent {
		return 0, 0, 0, false
	}
	switch toks[k].Low {
	case "-", "–", "—", "to", "and", "through", "until":
	default:
		return 0, 0, 0, false
	}
	k++
	m2 := m
	if mm := months[strings.TrimSuffix(toks[k].Low, ".")]; mm != 0 && toks[k].IsCap() {
		m2 = mm
		k++
	}
	if k >= len(toks) || toks[k].Kind != text.Number || !isDay(toks[k].Text) {
		return 0, 0, 0, false
	}
	d2, _ := strconv.Atoi(toks[k].Text)
	if m2 < m || m2 == m && d2 <= d {
		return 0, 0, 0, false
	}
	return m2, d2, k + 1, true
}

// yearAt reads a year at token k.
func (r *timeResolver) yearAt(toks []text.Token, k int) (int, bool) {
	if k < len(toks) && toks[k].Kind == text.Number && isYear(toks[k].Text) {
		y, _ := strconv.Atoi(toks[k].Text)
		return y, true
	}
	return 0, false
}

// spanBase are the words before a year that make it a span's start or a comparison's base.
var spanBase = set("since", "from", "than", "on", "over", "with", "to", "vs", "versus")

// inferYear gives a day without a year the past year that its sentence or the one before
// named alone ("set off last year ... Its arrival on February 18"), else the publication year,
// or the year before when that would put it more than a week after publication.
func (r *timeResolver) inferYear(m time.Month, d int) int {
	if !r.hasPub {
		if r.lastYear != 0 {
			return r.lastYear
		}
		return 0
	}
	if r.pastYear != 0 && r.sent-r.pastSent <= 1 {
		return r.pastYear
	}
	y := r.pub.Year()
	if time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(r.pub.AddDate(0, 0, 7)) {
		y--
	}
	return y
}

func isDay(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 31 && len(s) <= 2
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1900 && n <= 2100
}

// yearContext reports whether a four-digit number at i reads as a year rather than a count.
func yearContext(toks []text.Token, i int) bool {
	if i > 0 {
		switch toks[i-1].Low {
		case "in", "since", "of", "by", "during", "until", "till", "from", "to", "and", "between", "early", "late", "mid", "before", "after", "for", "through", "spring", "summer", "autumn", "winter", "fall", "-", "–":
			return true
		case "$", "€", "£":
			return false
		}
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		if n.Kind == text.Word && !strings.HasSuffix(n.Low, "s") || n.Kind == text.Punct {
			return true
		}
		return false
	}
	return true
}

// looksDateAround tells the month "May" from the verb "may": a day or a year must stand next
// to it, or a preposition before it.
func looksDateAround(toks []text.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Kind == text.Number {
		return true
	}
	if i > 0 {
		switch toks[i-1].Low {
		case "in", "since", "of", "until", "early", "late", "mid", "from", "during", "last", "this", "next", "by":
			return true
		}
	}
	return false
}
