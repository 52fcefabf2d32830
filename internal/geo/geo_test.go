package geo

import (
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/text"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookupChoosesByCountry(t *testing.T) {
	g := gaz(t)
	for _, c := range []struct {
		name      string
		countries []string
		country   string
		kind      string
		region    string
	}{
		{"Tripoli", nil, "LBY", "city", ""},
		{"Tripoli", []string{"LBN"}, "LBN", "city", ""},
		{"Tripoli", []string{"GRC"}, "GRC", "city", ""},
		{"Turkey", nil, "TUR", "country", ""},
		{"Ceuta", nil, "ESP", "city", "Ceuta"},
		{"Nador", []string{"MAR"}, "MAR", "city", ""},
		{"Madrid", nil, "ESP", "city", "Madrid"},
		{"Seville", nil, "ESP", "city", "Andalusia"},
		{"Lampedusa", nil, "ITA", "island", ""},
		{"the Canary Islands", nil, "ESP", "region", "Canary Islands"},
		{"the Aegean", nil, "", "sea", ""},
		{"Strait of Gibraltar", nil, "", "strait", ""},
		{"Libya", nil, "LBY", "country", ""},
		{"Côte d'Ivoire", nil, "CIV", "country", ""},
	} {
		p, ok := g.Lookup(c.name, c.countries)
		if !ok {
			t.Errorf("%s: not found", c.name)
			continue
		}
		if p.Country != c.country || p.Kind != c.kind || c.region != "" && p.Region != c.region {
			t.Errorf("%s %v: got %+v, want country %s kind %s region %q", c.name, c.countries, p, c.country, c.kind, c.region)
		}
	}
	if _, ok := g.Lookup("Xqzville", nil); ok {
		t.Error("found Xqzville")
	}
}

func TestLookupGivesGeoNamesIDs(t *testing.T) {
	g := gaz(t)
	p, _ := g.Lookup("Nador", []string{"MAR"})
	if p.GeoNamesID == nil || *p.GeoNamesID != 2541479 || p.Lat < 35 || p.Lat > 35.3 || p.Lon > -2.8 || p.Lon < -3 {
		t.Errorf("Nador: %+v", p)
	}
	*p.GeoNamesID = 1
	if q, _ := g.Lookup("Nador", []string{"MAR"}); *q.GeoNamesID != 2541479 {
		t.Error("a caller changed the gazetteer")
	}
}

func TestFind(t *testing.T) {
	g := gaz(t)
	for _, c := range []struct {
		sentence, want string
	}{
		{"Karima Benyaich held a meeting on Wednesday, April 14 in Madrid with Perea.", "Madrid"},
		{"Over 500 Libyan refugees were rescued off Italy near Lampedusa Island.", "Lampedusa"},
		{"The pre-dawn incident happened near the southern Island of Lampedusa.", "Lampedusa"},
		{"Police detained 12 people near Nador on Sunday.", "Nador"},
		{"More than 200 are missing after a ship sank off Indonesia's Aceh province.", "Aceh"},
		{"Some 3,000 migrants arrived in the Canary Islands in May.", "Canary Islands"},
		{"They were rescued in the Strait of Gibraltar.", "Strait of Gibraltar"},
		{"Arrivals in Greece rose; most landed on Lesbos.", "Lesbos"},
		{"A boat capsized in the Aegean off the coast of Turkey.", "Türkiye"},
		{"Officials met in Brussels on Monday.", "Brussels"},
	} {
		m, ok := g.Find(c.sentence, nil)
		if !ok || m.Place.Name != c.want {
			t.Errorf("%q: got %+v (%v), want %s", c.sentence, m.Place, ok, c.want)
			continue
		}
		if got := c.sentence[m.Start:m.End]; got == "" {
			t.Errorf("%q: empty span", c.sentence)
		}
	}
	for _, s := range []string{
		"The talks were held in March and in May.",
		"He said in a statement that 40 people were arrested.",
		"Migrants from Libya were returned.",
		"The ministry said on Monday it had no figures.",
	} {
		if m, ok := g.Find(s, nil); ok {
			t.Errorf("%q: found %+v", s, m.Place)
		}
	}
}

// TestFindLang places Spanish and French sentences by their own prepositions and nouns of
// place, with the Spanish and French names of data/names.tsv.
func TestFindLang(t *testing.T) {
	g := gaz(t)
	for _, c := range []struct {
		lang, sentence, want string
	}{
		{"es", "Cuatro migrantes murieron frente a las costas de Almería.", "Almería"},
		{"es", "Salvamento Marítimo rescató a 52 personas en aguas de Canarias.", "Canary Islands"},
		{"es", "En lo que va de año han llegado a las Canarias 30.000 migrantes.", "Canary Islands"},
		{"es", "Una neumática fue interceptada cerca de Melilla.", "Melilla"},
		{"es", "La patera llegó al puerto de Motril.", "Motril"},
		{"es", "Llegaron a Baleares 300 argelinos.", "Balearic Islands"},
		{"fr", "La Marine royale a intercepté 58 migrants au large de Nador.", "Nador"},
		{"fr", "Une pirogue a été secourue près des côtes d'Almería.", "Almería"},
		{"fr", "Ils sont arrivés aux îles Canaries.", "Canary Islands"},
		{"fr", "Deux corps ont été repêchés en Méditerranée.", "Mediterranean Sea"},
		{"fr", "Les passeurs ont été arrêtés à Tanger.", "Tangier"},
	} {
		m, ok := g.FindLang(c.sentence, c.lang, []string{"ESP", "MAR"})
		if !ok || m.Place.Name != c.want {
			t.Errorf("%q: got %+v (%v), want %s", c.sentence, m.Place, ok, c.want)
		}
	}
	for _, c := range []struct{ lang, sentence string }{
		{"es", "En lo que va de año han llegado 30.000 migrantes."},
		{"es", "Según el Ministerio del Interior, bajaron las llegadas."},
		{"fr", "Depuis le début de l'année, 2 350 migrants ont été secourus."},
		// English words of place are not Spanish ones: "a" is an article, "on" a pronoun.
		{"fr", "On a arrêté trois passeurs."},
	} {
		if m, ok := g.FindLang(c.sentence, c.lang, nil); ok {
			t.Errorf("%q: found %+v", c.sentence, m.Place)
		}
	}
	// Côte d'Ivoire keeps its name when "d'" is a word of its own.
	if m, ok := g.Find("They came from Mali and arrived in Côte d'Ivoire.", nil); !ok || m.Place.Country != "CIV" {
		t.Errorf("Côte d'Ivoire: got %+v (%v)", m.Place, ok)
	}
}

// BenchmarkFind measures finding the place of one sentence, the cost per record.
func BenchmarkFind(b *testing.B) {
	g := gaz(b)
	s := "Over 500 Libyan refugees were rescued off Italy near Lampedusa Island on Sunday, officials said in Rome."
	for b.Loop() {
		g.Find(s, []string{"ITA", "LBY"})
	}
}

// BenchmarkLoad measures parsing the embedded gazetteer, paid once per process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFoldASCIIIsFold(t *testing.T) {
	for _, s := range []string{"Strait of Gibraltar", "  the  Aegean ", "Bab-el-Mandeb", "N'Djamena", "St. Peter Port", "Dover_Kent", "U.S.", "Mölndal", "Côte d'Ivoire"} {
		got := fold(s)
		want := strings.TrimPrefix(dropApostrophes.Replace(text.FoldName(s)), "the ")
		if got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}
