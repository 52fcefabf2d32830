package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alboran/alboran/internal/lexicon"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
	"github.com/alboran/alboran/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func extractor(t testing.TB) *Extractor {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(lx)
}

func doc(pub, body string) record.Document {
	d := record.Document{Source: "test.txt", Text: body}
	if pub != "" {
		d.Published = &pub
	}
	return d
}

// TestGolden extracts every bundled example and compares with testdata/NAME.golden.json.
// Run with -update to accept a change of the rules, then review the diff.
func TestGolden(t *testing.T) {
	x := extractor(t)
	paths, _ := filepath.Glob("../../examples/*.txt")
	if len(paths) == 0 {
		t.Fatal("no bundled examples under examples/")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			it := source.Report(filepath.Base(p), raw)
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			got, err := json.MarshalIndent(x.Extract(it.Doc), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/extract -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("extraction of %s differs from %s; run with -update and review the diff", p, golden)
			}
		})
	}
}

func TestSeedReport(t *testing.T) {
	raw, err := os.ReadFile("../../examples/000_morocco-spain-migration.txt")
	if err != nil {
		t.Fatal(err)
	}
	it := source.Report("seed.txt", raw)
	x := extractor(t).Extract(it.Doc)
	persons := map[string]string{}
	for _, e := range x.Entities {
		if e.Type == record.Person {
			persons[e.Name] = e.Country
		}
	}
	want := map[string]string{"Karima Benyaich": "MAR", "Jesus Javier Perea": "ESP", "Fernando Grande-Marlaska": "ESP"}
	for n, c := range want {
		if persons[n] != c {
			t.Errorf("person %q country = %q, want %q (persons: %v)", n, persons[n], c, persons)
		}
	}
	if len(persons) != len(want) {
		t.Errorf("persons = %v, want %v", persons, want)
	}
	var found bool
	for _, s := range x.Statistics {
		if s.Value == 6162 {
			found = true
			if s.PartOf == "" || s.Qualifier != "foreign nationals" {
				t.Errorf("6,162 should be part of 9,179 as foreign nationals, got part_of %q qualifier %q", s.PartOf, s.Qualifier)
			}
		}
	}
	if !found {
		t.Error("no statistic 6,162")
	}
}

func TestPersons(t *testing.T) {
	tests := []struct {
		body string
		want map[string]string // name -> country
	}{
		{"Thai Prime Minister Prayuth Chan-ocha told parliament on Wednesday that shelters would not open.",
			map[string]string{"Prayuth Chan-ocha": "THA"}},
		{"\"We are ready,\" said Chris Boian, a spokesman for UNHCR.", map[string]string{"Chris Boian": "UNHCR"}},
		// An office only one country has gives the holder's country.
		{"Spain took the flight. Lawyers for Home Secretary Priti Patel said Spanish authorities could be trusted.",
			map[string]string{"Priti Patel": "GBR"}},
		{"Mexico met US officials. Homeland Security Secretary Alejandro Mayorkas spoke in Mexico City.",
			map[string]string{"Alejandro Mayorkas": "USA"}},
		{"The Strait of Malacca and Kuala Lumpur were named. New York is big.", map[string]string{}},
		// A vessel's name is not a person.
		{"The boat is named Louise Michel, after a French anarchist. Louise Michel has picked up 219 migrants, its captain said. The Louise Michel is near Lampedusa.", map[string]string{}},
		{"A man named John Carter was arrested by police, officers said.", map[string]string{"John Carter": ""}},
		{"Chris and Regina Catrambone have launched a rescue ship. Catrambone said it works.",
			map[string]string{"Chris Catrambone": "", "Regina Catrambone": ""}},
		{"(Writing by Nick Tattersall; Editing by Richard Balmforth)", map[string]string{"Nick Tattersall": "", "Richard Balmforth": ""}},
		{"Greek police arrested smugglers in Greece. A government spokesman, Giorgos Kyritis, said more help was coming.",
			map[string]string{"Giorgos Kyritis": "GRC"}},
		// A surname alone after a title is a person; after a fuller name it is that person.
		{"Morocco's Interior Minister Benali said patrols would continue.", map[string]string{"Benali": "MAR"}},
		{"Spain's Secretary of State Jesus Javier Perea met them. Secretary of State Perea said it went well.",
			map[string]string{"Jesus Javier Perea": "ESP"}},
		{"The ship Notre Dame du Risban sailed.", map[string]string{}},
		{"Syrian Foreign Minister Walid al-Moallem said any intervention would fail.", map[string]string{"Walid al-Moallem": "SYR"}},
	}
	x := extractor(t)
	for _, tt := range tests {
		got := map[string]string{}
		for _, e := range x.Extract(doc("2020-01-01", tt.body)).Entities {
			if e.Type == record.Person {
				got[e.Name] = e.Country
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: persons %v, want %v", tt.body, got, tt.want)
			continue
		}
		for n, c := range tt.want {
			if gc, ok := got[n]; !ok || gc != c {
				t.Errorf("%q: persons %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}

func TestDates(t *testing.T) {
	pub := "2021-04-15" // a Thursday
	tests := []struct{ body, want string }{
		{"They met on Wednesday, April 14 in Madrid.", "2021-04-14"},
		{"They met on Wednesday.", "2021-04-14"},
		{"In November 2020, he spoke.", "2020-11"},
		{"Morocco detained them last year.", "2020"},
		{"It was 2019. In the same year, police acted.", "2019"},
		{"Arrivals rose since January.", "2021-01-01/2021-04-15"},
		{"They met yesterday.", "2021-04-14"},
		{"They met on 3 March 2019.", "2019-03-03"},
		{"They met this week.", "2021-04-12/2021-04-15"},
		{"They met in December.", "2020-12"},
		{"The operation ran from April 1 - 9.", "2021-04-01/2021-04-09"},
		{"Talks were held between March 3 and March 5, 2020.", "2020-03-03/2020-03-05"},
		{"Turkey is ready to take 200 more on Friday.", "2021-04-16"},
		{"They arrived during the summer.", "2021"},
		{"Encounters surged in 2019, with a peak in the last month of the year.", "2019-12"},
	}
	x := extractor(t)
	for _, tt := range tests {
		s := &state{lx: x.lx, doc: text.Analyze(tt.body), published: pub, entityKey: map[string]int{}}
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

func TestNumbers(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		cur   string
		bound string
	}{
		{"9,179 migrants", 9179, "", "exact"},
		{"2.5 million people", 2.5e6, "", "exact"},
		{"a dozen boats", 12, "", "exact"},
		{"nearly 300 people", 300, "", "approximate"},
		{"more than 1,000 people", 1000, "", "at_least"},
		{"at least 78 dead", 78, "", "at_least"},
		{"one hundred eighty-nine dead", 189, "", "exact"},
		{"$2 million", 2e6, "USD", "exact"},
		{"€1.59m pledged", 1.59e6, "EUR", "exact"},
		{"£1bn spent", 1e9, "GBP", "exact"},
		{"twenty-one people", 21, "", "exact"},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in)
		var n number
		var ok bool
		for i := range toks {
			if n, ok = readNumber(toks, i); ok {
				break
			}
		}
		if !ok || n.value != tt.value || n.currency != tt.cur || n.bound != tt.bound {
			t.Errorf("%q: got %+v (ok %v), want %v %q %q", tt.in, n, ok, tt.value, tt.cur, tt.bound)
		}
	}
}

func TestStatistics(t *testing.T) {
	type st struct {
		kind, cat string
		value     float64
	}
	tests := []struct {
		body string
		want []st
	}{
		{"In 2020 Moroccan police detained 466 suspects with links to 123 human trafficking networks.",
			[]st{{"count", "suspects_arrested", 466}, {"count", "networks_dismantled", 123}}},
		{"The coast guard rescued 104 people and recovered 78 bodies.",
			[]st{{"count", "migrants_rescued", 104}, {"count", "migrants_dead_missing", 78}}},
		{"Border arrests fell by 40% in June.", []st{{"change", "migrants_intercepted", 0.6}}},
		{"Leontin Padure, 37, was jailed in 2019 at 2am under article 5.", nil},
		{"Aid helped Spain halve the number of migrants' arrivals.", []st{{"change", "migrants_arrived", 0.5}}},
		{"9 arrested after a migrant boat sank off Greece.", []st{{"count", "suspects_arrested", 9}}},
		{"Police said 12 police officials have been arrested.", []st{{"count", "suspects_arrested", 12}}},
		{"Three people were arrested at the port.", []st{{"count", "suspects_arrested", 3}}},
		{"Border Patrol arrested 21 migrants near El Paso.", []st{{"count", "migrants_intercepted", 21}}},
		// A list, a range, a total and a copula share the category their clause gave.
		{"Police detained 210 migrants in May, 300 migrants in June and an additional 400 individuals in July.",
			[]st{{"count", "migrants_intercepted", 210}, {"count", "migrants_intercepted", 300}, {"count", "migrants_intercepted", 400}}},
		{"The previous record for arrivals was 1,075.", []st{{"count", "migrants_arrived", 1075}}},
		{"Arrivals tripled from around 27,000 in 2019 to more than 90,000 in 2020.",
			[]st{{"change", "migrants_arrived", 3}, {"count", "migrants_arrived", 27000}, {"count", "migrants_arrived", 90000}}},
		{"More than 1,450 arrived in August, bringing the total to more than 5,000.",
			[]st{{"count", "migrants_arrived", 1450}, {"count", "migrants_arrived", 5000}}},
		{"Officials repatriated 70,000 migrants to over 170 countries.", []st{{"count", "migrants_returned", 70000}}},
		// Who was aboard, what may happen and vague multiples are not figures of the world.
		{"Survivors told rescuers that the vessel, carrying 260 migrants, sank.", nil},
		{"The freighter was reported to be carrying 700–1,000 migrants.", nil},
		{"A boat sank along with up to 650 people onboard.", nil},
		// A group or a family is not a person.
		{"One group of migrants was seen walking up a hill after landing.", nil},
		{"Three families of migrants arrived in Dover.", nil},
		{"The coast guard rescued 650 people from a boat off Crete.", []st{{"count", "migrants_rescued", 650}}},
		{"Malaysia said it would let as many as 7,000 migrants come ashore.", nil},
		{"The order freezes asylum processing when daily arrests reach 2,500.", nil},
		{"Arrivals reached 2,500 in June.", []st{{"count", "migrants_arrived", 2500}}},
		{"Several dozen migrants being detained at a camp protested.", nil},
		{"UNHCR estimates that 1,889 have died in these waters.", []st{{"count", "migrants_dead_missing", 1889}}},
		{"Nearly 350,000 made the voyage this year.", []st{{"count", "migrants_arrived", 350000}}},
	}
	x := extractor(t)
	for _, tt := range tests {
		var got []st
		for _, s := range x.Extract(doc("2021-01-01", tt.body)).Statistics {
			if s.Category != "other" {
				got = append(got, st{s.Kind, s.Category, s.Value})
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: %v, want %v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].kind != tt.want[i].kind || got[i].cat != tt.want[i].cat || abs(got[i].value-tt.want[i].value) > 1e-9 {
				t.Errorf("%q: %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// TestQuoteAfterColonStandsAlone checks that a quotation introduced by a colon is not joined
// to a quoted fragment before it, though a speech verb stands between them.
func TestQuoteAfterColonStandsAlone(t *testing.T) {
	body := "The Coastguard said it had been 'assisting Border Force' today, with a spokesman adding: 'We are committed to safeguarding life.'"
	qs := extractor(t).Extract(doc("2021-01-01", body)).Quotes
	var texts []string
	for _, q := range qs {
		texts = append(texts, q.Text)
	}
	if len(qs) != 2 || qs[1].Text != "We are committed to safeguarding life." {
		t.Errorf("quotes %q, want the fragment and the statement apart", texts)
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		body    string
		speaker string
		text    string
	}{
		{"“We will,” Maria Clara, the UNHCR representative, said, “do it.”", "Maria Clara", "We will, do it."},
		{"Home Secretary Priti Patel said: 'We will not tolerate people smuggling.'", "Priti Patel", "We will not tolerate people smuggling."},
		{"The migrants’ boats arrived. Priti Patel said it was 'an infrequent phenomenon' and left.", "Priti Patel", "an infrequent phenomenon"},
		{"\"First paragraph of a long quote.\n\n\"Second paragraph,\" Priti Patel said.", "Priti Patel", "First paragraph of a long quote. Second paragraph,"},
	}
	x := extractor(t)
	for _, tt := range tests {
		qs := x.Extract(doc("2021-01-01", tt.body)).Quotes
		if len(qs) != 1 {
			t.Errorf("%q: %d quotes %+v, want 1", tt.body, len(qs), qs)
			continue
		}
		if qs[0].Speaker.Name != tt.speaker || qs[0].Text != tt.text {
			t.Errorf("%q: got %q by %q, want %q by %q", tt.body, qs[0].Text, qs[0].Speaker.Name, tt.text, tt.speaker)
		}
	}
}

func TestStatisticPeriods(t *testing.T) {
	tests := []struct {
		body  string
		value float64
		want  string
	}{
		// A lead with no date takes the day the next sentence gives.
		{"At least 49 people died after their boat capsized off Yemen. Survivors said it sank on Monday.", 49, "2021-04-12"},
		// A comma parts list items: each takes the month after it.
		{"Police detained 210 migrants in March, 300 migrants in April.", 300, "2021-04"},
		{"Malaysian officials said on Thursday that 12 officers have been arrested over the past year.", 12, "2020-04-15/2021-04-15"},
		{"Arrivals tripled from around 27,000 in 2019 to more than 90,000 in 2020.", 3, "2019/2020"},
		{"Police detained 210 migrants in March and an additional 300 migrants in April.", 300, "2021-04"},
		{"UNHCR estimates that 1,889 have died since the start of the year.", 1889, "2021-01-01/2021-04-15"},
		// A running total ends where the figure before it does.
		{"More than 1,450 arrived in March, bringing the total since the start of the year to more than 5,000.", 5000, "2021-01-01/2021-03-31"},
		{"Nearly 350,000 crossed between January 1 and March 1 this year.", 350000, "2021-01-01/2021-03-01"},
		{"About 900 people have crossed since Sunday, taking the total until the end of March to 14,500.", 14500, "2021-01-01/2021-03-31"},
		// A figure's relative clause dates it, whatever time stands nearer.
		{"At least 1,900 migrants reached Italy in the first 20 days of this month, surpassing the 1,700 who made the journey in the whole of 2019.", 1700, "2019"},
		{"At least 1,900 migrants reached Italy in the first 20 days of this month, surpassing the 1,700 who made the journey in the whole of 2019.", 1900, "2021-04-01/2021-04-20"},
		// "the same month in 2019" is the base a change is compared with, not its period.
		{"Arrivals rose to about 37,000 in March, more than six times the combined figures for the same month in 2019 and 2020.", 6, "2021-03"},
		// A day counted from the last day named.
		{"On Monday police stopped 7 migrants near the port. The day before, the navy rescued 53 migrants.", 53, "2021-04-11"},
		{"On Monday police stopped 7 migrants near the port. Two days later, police detained 20 migrants.", 20, "2021-04-14"},
		{"On Monday police stopped 7 migrants near the port. The following day, police detained 20 migrants.", 20, "2021-04-13"},
		{"On Monday police stopped 7 migrants near the port. The day before the vote, police detained 20 migrants.", 20, "2021-04-12"},
		{"On Monday police stopped 7 migrants near the port. Later the same day, the navy rescued 60 migrants.", 60, "2021-04-12"},
		// A year that a later "of the year" refers to only anchors it.
		{"In 2019, police recorded 8,200 people arriving by boat in the first half of the year.", 8200, "2019-01-01/2019-06-30"},
	}
	x := extractor(t)
	for _, tt := range tests {
		for _, st := range statisticsOf(t, x, tt.body, tt.value) {
			if st.Period == nil || *st.Period != tt.want {
				got := "null"
				if st.Period != nil {
					got = *st.Period
				}
				t.Errorf("%q: %v has period %s, want %s", tt.body, tt.value, got, tt.want)
			}
		}
	}
}

// statisticsOf returns the statistics of value that body (published 2021-04-15) yields, and
// reports an error when there is none.
func statisticsOf(t *testing.T, x *Extractor, body string, value float64) []record.Statistic {
	t.Helper()
	var out []record.Statistic
	for _, st := range x.Extract(doc("2021-04-15", body)).Statistics {
		if st.Value == value {
			out = append(out, st)
		}
	}
	if len(out) == 0 {
		t.Errorf("%q: no statistic of %v", body, value)
	}
	return out
}

func TestStatisticCountries(t *testing.T) {
	tests := []struct {
		body  string
		value float64
		want  string
	}{
		{"More than 3,000 migrants have landed in Malaysia and Indonesia this month.", 3000, ""},
		{"More than 3,500 migrants have arrived on Thai, Malaysian and Indonesian soil.", 3500, ""},
		{"In the last day, 629 more people have arrived on Greek islands from Turkey.", 629, "GRC"},
		{"A group of 202 migrants, mostly Pakistani and Afghan, were shipped back to Turkey from Greece.", 202, "GRC"},
		{"UNHCR estimates that 1,889 have died in these waters.", 1889, ""},
	}
	x := extractor(t)
	for _, tt := range tests {
		for _, st := range statisticsOf(t, x, tt.body, tt.value) {
			if st.Country != tt.want {
				t.Errorf("%q: country %q, want %q", tt.body, st.Country, tt.want)
			}
		}
	}
}

// TestDeterministic extracts the same document twice and compares.
func TestDeterministic(t *testing.T) {
	raw, _ := os.ReadFile("../../examples/002_border-talks.txt")
	it := source.Report("x.txt", raw)
	x := extractor(t)
	a, _ := json.Marshal(x.Extract(it.Doc))
	b, _ := json.Marshal(x.Extract(it.Doc))
	if !bytes.Equal(a, b) {
		t.Fatal("extraction is not deterministic")
	}
}

// checkOffsets verifies that every offset lies within the text and that evidence text equals
// the code-point slice it names.
func checkOffsets(t *testing.T, body string, x record.Extraction) {
	r := []rune(body)
	n := len(r)
	ok := func(s, e int) bool { return 0 <= s && s <= e && e <= n }
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if !ok(m.Start, m.End) {
				t.Fatalf("mention %+v out of range %d", m, n)
			}
		}
	}
	for _, v := range x.Events {
		if !ok(v.Evidence.Start, v.Evidence.End) || string(r[v.Evidence.Start:v.Evidence.End]) != v.Evidence.Text {
			t.Fatalf("event evidence %+v does not match the text", v.Evidence)
		}
	}
	for _, s := range x.Statistics {
		if !ok(s.Evidence.Start, s.Evidence.End) || string(r[s.Evidence.Start:s.Evidence.End]) != s.Evidence.Text || !ok(s.Span.Start, s.Span.End) {
			t.Fatalf("statistic evidence %+v does not match the text", s.Evidence)
		}
	}
	for _, q := range x.Quotes {
		for _, sp := range q.Spans {
			if !ok(sp.Start, sp.End) {
				t.Fatalf("quote span %+v out of range", sp)
			}
		}
	}
}

func TestOffsetsOnExamples(t *testing.T) {
	x := extractor(t)
	paths, _ := filepath.Glob("../../examples/*.txt")
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		it := source.Report(p, raw)
		checkOffsets(t, it.Doc.Text, x.Extract(it.Doc))
	}
}

func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/*.txt")
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		f.Add(string(raw))
	}
	f.Add("“We will,” he said, 'do it' 9,179 Gen. U.S. last year Wednesday, April 14")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		it := source.Report("fuzz.txt", []byte(s))
		if it.Err != nil {
			return
		}
		checkOffsets(t, it.Doc.Text, x.Extract(it.Doc))
	})
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"9,179", "2.5 million", "a dozen", "one hundred and five", "$1.5bn", "20%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := text.Tokenize(s)
		for i := range toks {
			if n, ok := readNumber(toks, i); ok && (n.end > len(toks) || n.start < 0 || n.end <= n.start) {
				t.Fatalf("bad range %+v for %q", n, s)
			}
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"Wednesday, April 14", "In November 2020", "last year", "in the same year", "since January", "2014-2016"} {
		f.Add(s, "2021-04-15")
	}
	lx, _ := lexicon.Default()
	f.Fuzz(func(t *testing.T, s, pub string) {
		st := &state{lx: lx, doc: text.Analyze(s), published: pub, entityKey: map[string]int{}}
		st.findTimes()
		for _, tx := range st.times {
			if tx.start < 0 || tx.end > len(st.doc.Tokens) || tx.start >= tx.end {
				t.Fatalf("bad range %+v", tx)
			}
			if _, err := time.Parse("2006", tx.value[:min(4, len(tx.value))]); err != nil && tx.value != "" {
				t.Fatalf("value %q does not start with a year", tx.value)
			}
		}
	})
}

// BenchmarkExtract measures full extraction of dev-set-sized reports. Run with
// GOMAXPROCS=1 go test -bench Extract ./internal/extract for the one-core figure.
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	// The unlabeled real reports beside the project are dev-set-sized; the bundled examples
	// stand in where they are missing.
	paths, _ := filepath.Glob("../../../shared/eval/unlabeled/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../examples/*.txt")
	}
	var docs []record.Document
	size := 0
	for _, p := range paths {
		raw, _ := os.ReadFile(p)
		it := source.Report(p, raw)
		docs = append(docs, it.Doc)
		size += len(it.Doc.Text)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}
