package extract

import (
	"testing"

	"github.com/alboran/alboran/internal/text"
)

// TestPeriodExpressions checks intervals and relative times (published 2021-04-15, a Thursday).
func TestPeriodExpressions(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Arrivals so far this year rose.", "2021"},
		{"Arrivals in the first half of this year rose.", "2021-01-01/2021-06-30"},
		{"Arrivals in the first six months of 2019 rose.", "2019-01-01/2019-06-30"},
		{"Arrivals in the first 10 days of this month rose.", "2021-04-01/2021-04-10"},
		{"Arrivals over the past 48 hours rose.", "2021-04-13/2021-04-15"},
		{"Arrivals in the last six months rose.", "2020-10-15/2021-04-15"},
		{"The boat sank two years ago.", "2019"},
		{"It was 2018. That year, many arrived.", "2018"},
		// A day without its year, right after a past year named alone, falls in that year.
		{"The boat left Calais last year. It reached Dover on February 18.", "2020-02-18"},
		{"In 2017, the camp was closed. On May 3, the last residents left.", "2017-05-03"},
		// Not after the start of a span or a comparison's base, nor further on.
		{"Arrivals have risen since last year. On February 18, a boat reached Dover.", "2021-02-18"},
		{"The boat left Calais last year. Police arrested the pilot. The court heard the case. It reached Dover on February 18.", "2021-02-18"},
	}
	x := extractor(t)
	for _, tt := range tests {
		s := &state{lx: x.lx, doc: text.Analyze(tt.body), published: "2021-04-15", entityKey: map[string]int{}}
		s.findTimes()
		if len(s.times) == 0 {
			t.Errorf("%q: no date found, want %s", tt.body, tt.want)
			continue
		}
		if got := s.times[len(s.times)-1].value; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.body, got, tt.want)
		}
	}
}

// TestStatisticPeriodClasses checks that a figure takes its own clause's time, never the base
// it is compared with.
func TestStatisticPeriodClasses(t *testing.T) {
	tests := []struct {
		body  string
		value float64
		want  string
	}{
		{"Nearly 9,000 people arrived in the first half of this year, up 40% on the first half of 2020.", 9000, "2021-01-01/2021-06-30"},
		{"Nearly 9,000 people arrived in the first half of this year, up 40% on the first half of 2020.", 1.4, "2021-01-01/2021-06-30"},
		{"Some 4,000 migrants landed in Spain this year, a 20% increase compared to the same period last year.", 4000, "2021"},
		{"At least 300 people have drowned so far this year.", 300, "2021"},
		// A part ("Of those, ...") covers its whole's time, not a comparison's base.
		{"Last year 52,000 people applied for asylum in Austria, twice the 26,000 of 2018. Of those, 8,100 were children.", 8100, "2020"},
		{"Since January 1, 12,400 migrants have arrived in Greece. Of those, 3,300 arrived on Lesbos, twice as many as in the same period last year.", 3300, "2021-01-01/2021-04-15"},
		{"So far this year 6,200 migrants have reached Italy by sea. Another 900 have crossed into Slovenia by land.", 900, "2021"},
		// A figure with no time of its own counts the act the sentences before dated, not the
		// day that a later event took place.
		{"A tanker rescued 40 migrants off Crete on Monday. On Tuesday one of them died in hospital. The 31 men and nine women rescued were from Eritrea.", 31, "2021-04-12"},
		{"A tanker rescued 40 migrants off Crete on Monday. On Tuesday one of them died in hospital. The 31 men and nine women rescued were from Eritrea.", 9, "2021-04-12"},
	}
	x := extractor(t)
	for _, tt := range tests {
		for _, st := range statisticsOf(t, x, tt.body, tt.value) {
			if st.Period == nil || *st.Period != tt.want {
				t.Errorf("%q: %v has period %s, want %s", tt.body, tt.value, deref(st.Period), tt.want)
			}
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}
