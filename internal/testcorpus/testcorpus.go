// Package testcorpus generates report-like documents from varied templates, for tests and
// benchmarks that need many reports: ingest crashes, search latency, clustering. The output
// depends only on the seed.
package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
)

type country struct{ name, adj, capital string }

var countries = []country{
	{"Morocco", "Moroccan", "Rabat"}, {"Spain", "Spanish", "Madrid"}, {"Italy", "Italian", "Rome"},
	{"Greece", "Greek", "Athens"}, {"Turkey", "Turkish", "Ankara"}, {"Libya", "Libyan", "Tripoli"},
	{"Tunisia", "Tunisian", "Tunis"}, {"France", "French", "Paris"}, {"Malta", "Maltese", "Valletta"},
	{"Senegal", "Senegalese", "Dakar"}, {"Mauritania", "Mauritanian", "Nouakchott"}, {"Algeria", "Algerian", "Algiers"},
}

var firstNames = []string{"Amina", "Carlos", "Elena", "Hassan", "Ioannis", "Lucia", "Mehmet", "Nadia", "Omar", "Sofia", "Youssef", "Marco",
	"Fatima", "Pablo", "Maria", "Karim", "Giorgos", "Chiara", "Emre", "Leila", "Samir", "Ines", "Tarik", "Paola", "Nikos", "Salma",
	"Javier", "Aylin", "Rachid", "Giulia", "Hugo", "Zeynep", "Moussa", "Alba", "Khalid", "Eleni", "Luca", "Sara", "Mamadou", "Rania"}
var lastNames = []string{"Benali", "Garcia", "Papadopoulos", "Rossi", "Yilmaz", "Haddad", "Moreau", "Diallo", "Camilleri", "Saidi", "Ortega", "Kaya",
	"Alaoui", "Martinez", "Nikolaou", "Bianchi", "Demir", "Mansour", "Lefebvre", "Ndiaye", "Farrugia", "Tazi", "Romero", "Aydin",
	"Bennani", "Lopez", "Georgiou", "Ferrari", "Celik", "Khoury", "Dubois", "Sow", "Borg", "Idrissi", "Navarro", "Sahin",
	"Chraibi", "Sanchez", "Karagiannis", "Esposito", "Arslan", "Nasser", "Laurent", "Fall", "Vella", "Amrani", "Ruiz", "Koc",
	"Berrada", "Torres", "Dimitriou", "Romano", "Ozturk", "Saleh", "Girard", "Ba", "Grech", "Fassi", "Moreno", "Polat"}
var roles = []string{"Interior Minister", "Foreign Minister", "Minister of Migration", "Secretary of State for Migration"}

var topics = []string{"trafficking network", "search and rescue", "border management", "asylum reception", "smuggling routes", "readmission agreement"}

// Generate returns n documents. Document i uses country pairs, people, figures and one of
// several templates chosen from the seed, so the corpus reads like varied reports.
func Generate(n int, seed uint64) []record.Document {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]record.Document, n)
	for i := range out {
		a := countries[r.IntN(len(countries))]
		b := countries[r.IntN(len(countries))]
		for b == a {
			b = countries[r.IntN(len(countries))]
		}
		pub := base.AddDate(0, 0, r.IntN(6*365))
		person := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		role := roles[r.IntN(len(roles))]
		topic := topics[r.IntN(len(topics))]
		n1 := 100 + r.IntN(20000)
		n2 := 1 + r.IntN(n1/3+1)
		n3 := 1 + r.IntN(300)
		var paras []string
		switch r.IntN(4) {
		case 0:
			paras = []string{
				fmt.Sprintf("%s – %s's %s %s met %s officials on %s to discuss %s.", a.capital, a.name, role, person, b.adj, pub.AddDate(0, 0, -1).Weekday(), topic),
				fmt.Sprintf("According to the %s interior ministry, %s prevented %s irregular departures in %d, including %s women.", a.adj, a.name, comma(n1), pub.Year()-1, comma(n2)),
				fmt.Sprintf("\"We will continue to work with %s,\" %s said.", b.name, lastOf(person)),
			}
		case 1:
			paras = []string{
				fmt.Sprintf("The %s coast guard rescued %d migrants off %s on %s, officials said.", a.adj, n3, b.name, pub.AddDate(0, 0, -2).Weekday()),
				fmt.Sprintf("At least %d people were missing after the boat capsized, the UNHCR said.", 1+r.IntN(40)),
				fmt.Sprintf("More than %s migrants have arrived in %s since January.", comma(n1), a.name),
			}
		case 2:
			paras = []string{
				fmt.Sprintf("%s police arrested %d suspected smugglers linked to a %s in %s.", a.adj, 2+r.IntN(60), topic, pub.Format("January 2006")),
				fmt.Sprintf("%s %s %s said the %s had dismantled %d networks this year.", a.adj, role, person, a.adj+" authorities", 1+r.IntN(30)),
				fmt.Sprintf("%s called on %s to step up cooperation on %s.", a.name, b.name, topic),
			}
		default:
			paras = []string{
				fmt.Sprintf("%s and %s signed an agreement on %s in %s on %s.", a.name, b.name, topic, b.capital, pub.AddDate(0, 0, -3).Weekday()),
				fmt.Sprintf("%s will provide %s with %d patrol boats and €%d million in funding.", a.name, b.name, 2+r.IntN(10), 1+r.IntN(50)),
				fmt.Sprintf("Arrivals in %s fell by %d%% in %d, the ministry said.", b.name, 5+r.IntN(60), pub.Year()-1),
			}
		}
		paras = append(paras, filler(r, a, b, i))
		p := pub.Format("2006-01-02")
		out[i] = record.Document{
			Source:    fmt.Sprintf("corpus/%06d.txt", i),
			Title:     fmt.Sprintf("%s and %s: %s (%d)", a.name, b.name, topic, i),
			Published: &p,
			Language:  "en",
			Text:      strings.Join(paras, "\n\n"),
		}
	}
	return out
}

// filler adds a paragraph of background so that reports are of a realistic length and
// differ from each other.
func filler(r *rand.Rand, a, b country, i int) string {
	bits := []string{
		fmt.Sprintf("Report %d.", i),
		fmt.Sprintf("The route between %s and %s has long been used by smugglers.", a.name, b.name),
		fmt.Sprintf("Aid groups in %s warned that reception centres were full.", b.capital),
		"Rights organisations have criticised the conditions in detention centres.",
		fmt.Sprintf("The %s government has promised more resources for its border agencies.", a.adj),
		"Weather conditions in the region are expected to improve next week.",
	}
	r.Shuffle(len(bits)-1, func(x, y int) { bits[x+1], bits[y+1] = bits[y+1], bits[x+1] })
	return strings.Join(bits[:2+r.IntN(len(bits)-1)], " ")
}

func lastOf(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }

func comma(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Report renders a document as a report file (codebook section 2).
func Report(d record.Document) string {
	return fmt.Sprintf(" date %s %s\n\n%s\n", *d.Published, d.Title, d.Text)
}

// Padded returns a report followed by paragraphs of plain words up to size bytes: a large
// document that extraction reads quickly, for tests of how large documents travel.
func Padded(report string, size int) string {
	var b strings.Builder
	b.WriteString(report)
	for b.Len() < size {
		b.WriteString("\n\nThe boat left at dawn and came back at night with nets full of fish.")
		for i := 0; i < 9 && b.Len() < size; i++ {
			b.WriteString(" The weather was calm and the sea was quiet that day.")
		}
	}
	return b.String()
}
