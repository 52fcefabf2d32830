package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/text"
)

func langDoc(lang, pub, body string) record.Document {
	d := doc(pub, body)
	d.Language = lang
	return d
}

// TestLangNumbers reads Spanish and French numbers: thousands parted by dots or spaces, the
// decimal comma, scales and currencies after "de", number words.
func TestLangNumbers(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		lang, text string
		want       float64
		unit       string
	}{
		{"es", "Llegaron 18.500 migrantes.", 18500, "persons"},
		{"es", "La UE destinará 1,5 millones de euros al programa.", 1.5e6, "EUR"},
		{"es", "El Gobierno aprobó 3.000 euros de ayuda.", 3000, "EUR"},
		{"es", "Llegaron doscientos migrantes.", 200, "persons"},
		{"es", "Rescataron a treinta y dos personas.", 32, "persons"},
		{"fr", "Les autorités ont intercepté 12 000 migrants.", 12000, "persons"},
		{"fr", "Les autorités ont intercepté 4\u00a0500 migrants.", 4500, "persons"},
		{"fr", "Le gouvernement a débloqué 2,3 millions d'euros.", 2.3e6, "EUR"},
		{"fr", "La Marine royale a secouru deux cents migrants.", 200, "persons"},
		{"fr", "La Marine royale a secouru quatre-vingt-dix migrants.", 90, "persons"},
		// Number words before a noun, and approximate collective numbers.
		{"es", "Salvamento Marítimo rescató a una veintena de migrantes.", 20, "persons"},
		{"es", "Las autoridades interceptaron tres cayucos con 412 ocupantes.", 3, "items"},
		{"es", "La red habría trasladado a unos doscientos migrantes.", 200, "persons"},
		{"fr", "La Marine royale a intercepté une centaine de migrants.", 100, "persons"},
		{"fr", "La Marine royale a secouru une vingtaine de migrants.", 20, "persons"},
		{"fr", "Les gendarmes ont intercepté trois embarcations pneumatiques.", 3, "items"},
	}
	for _, tc := range tests {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		found := false
		for _, s := range got.Statistics {
			if s.Value == tc.want {
				found = true
				if s.Unit != tc.unit {
					t.Errorf("%q: unit %q, want %q", tc.text, s.Unit, tc.unit)
				}
			}
		}
		if !found {
			t.Errorf("%q: no statistic %v in %+v", tc.text, tc.want, got.Statistics)
		}
	}
}

// TestLangStatistics: the category, country and period of Spanish and French figures.
func TestLangStatistics(t *testing.T) {
	checkLangStats(t, []langStat{
		{"es", "Marruecos interceptó el año pasado a 87.000 migrantes.", 87000, "migrants_intercepted", "MAR", "2023"},
		{"es", "La Guardia Civil ha detenido a 14 traficantes.", 14, "suspects_arrested", "ESP", ""},
		{"es", "Salvamento Marítimo rescató el martes a 48 personas.", 48, "migrants_rescued", "ESP", "2024-03-12"},
		{"es", "En lo que va de año han llegado a España 23.537 inmigrantes irregulares.", 23537, "migrants_arrived", "ESP", "2024"},
		{"es", "Marruecos desmanteló 370 redes de tráfico de personas.", 370, "networks_dismantled", "MAR", ""},
		{"fr", "Les autorités marocaines ont avorté l'an dernier 75 184 tentatives d'émigration irrégulière.", 75184, "migrants_intercepted", "MAR", "2023"},
		{"fr", "La Gendarmerie royale a arrêté trois passeurs.", 3, "suspects_arrested", "MAR", ""},
		{"fr", "Depuis le début de l'année, la Marine royale a porté secours à 2 350 migrants.", 2350, "migrants_rescued", "MAR", "2024-01-01/2024-03-14"},
		{"fr", "La police espagnole a démantelé quatre réseaux.", 4, "networks_dismantled", "ESP", ""},
		// A participle that describes the people counted does not tell the figure's category.
		{"fr", "La police espagnole a renvoyé lundi 52 migrants marocains entrés à la nage.", 52, "migrants_returned", "ESP", ""},
		{"es", "La Policía Nacional ha devuelto a 30 menores llegados a Ceuta.", 30, "migrants_returned", "ESP", ""},
		{"fr", "Les gardes-côtes ont aperçu 52 migrants entrés à la nage.", 52, "migrants_arrived", "", ""},
		// "un N % más", "un N % menos": a change after the percentage.
		{"es", "Llegaron a Baleares 3.000 migrantes, un 25 % más que el año pasado.", 1.25, "migrants_arrived", "ESP", ""},
		{"es", "Llegaron a Baleares 3.000 migrantes, un 40 % menos que el año pasado.", 0.6, "migrants_arrived", "ESP", ""},
		// The place of a figure after Spanish and French prepositions and nouns of place.
		{"es", "Siete migrantes murieron frente a las costas de Almería.", 7, "migrants_dead_missing", "ESP", ""},
		{"es", "Una patrullera rescató a 61 migrantes en aguas de Canarias.", 61, "migrants_rescued", "ESP", ""},
		{"fr", "Cinq corps ont été repêchés au large de Tanger.", 5, "migrants_dead_missing", "MAR", ""},
		{"fr", "Cinq corps ont été repêchés près des côtes d'Almería.", 5, "migrants_dead_missing", "ESP", ""},
		{"fr", "Les garde-côtes algériens ont mis en échec samedi une tentative d'émigration clandestine de 17 personnes.", 17, "migrants_intercepted", "DZA", "2024-03-09"},
		// Number words before the noun they count.
		{"es", "Salvamento Marítimo rescató a una veintena de migrantes frente a Ceuta.", 20, "migrants_rescued", "ESP", ""},
		{"es", "La Guardia Civil ha intervenido cuatro embarcaciones semirrígidas.", 4, "boats_seized", "ESP", ""},
		{"fr", "La Gendarmerie royale a intercepté mardi trois embarcations transportant une centaine de migrants.", 100, "migrants_intercepted", "MAR", ""},
		{"fr", "La Gendarmerie royale a intercepté mardi trois embarcations transportant une centaine de migrants.", 3, "boats_seized", "MAR", ""},
	})
}

// TestLangStatisticsUnseen holds the constructions found missing on unseen Spanish and French
// reports, each in invented sentences of both languages.
func TestLangStatisticsUnseen(t *testing.T) {
	checkLangStats(t, []langStat{
		// A counted noun or an act not yet known.
		{"fr", "La Marine royale a porté assistance, jeudi, à 64 candidats à la migration.", 64, "migrants_rescued", "MAR", "2024-03-14"},
		{"fr", "Au total, 21 organisateurs de ces départs ont été arrêtés.", 21, "suspects_arrested", "", ""},
		{"es", "La Policía Nacional ha detenido a 21 organizadores de los viajes.", 21, "suspects_arrested", "ESP", ""},
		{"es", "La Oficina de Asilo recibió 95.000 solicitudes de protección internacional.", 95000, "asylum_applications", "", ""},
		{"fr", "L'Office a reçu 95 000 demandes de protection internationale.", 95000, "asylum_applications", "", ""},
		{"es", "La Guardia Civil ha intervenido seis motos de agua.", 6, "boats_seized", "ESP", ""},
		{"fr", "La marine sénégalaise a saisi six pirogues.", 6, "boats_seized", "SEN", ""},
		{"es", "Al menos 30 migrantes perdieron la vida en la ruta canaria.", 30, "migrants_dead_missing", "ESP", ""},
		{"fr", "Au moins 30 migrants ont perdu la vie au large de Tanger.", 30, "migrants_dead_missing", "MAR", ""},
		{"es", "Cuatro hombres fueron hallados sin vida frente a las costas de Almería.", 4, "migrants_dead_missing", "ESP", ""},
		{"fr", "Quatre hommes ont été retrouvés sans vie sur une plage de Tanger.", 4, "migrants_dead_missing", "MAR", ""},
		{"es", "Según los supervivientes, al menos cinco personas cayeron al mar frente a las costas de Almería.", 5, "migrants_dead_missing", "ESP", ""},
		{"fr", "Selon les survivants, au moins cinq personnes sont tombées à la mer au large de Tanger.", 5, "migrants_dead_missing", "MAR", ""},
		{"es", "Salvamento Marítimo atendió el lunes a 75 personas frente a Ceuta.", 75, "migrants_rescued", "ESP", "2024-03-11"},
		// A compound passive stands as near its subject as an English one.
		{"es", "Nueve personas han sido arrestadas por la Guardia Civil.", 9, "suspects_arrested", "ESP", ""},
		{"fr", "Neuf personnes ont été interpellées à Tanger.", 9, "suspects_arrested", "MAR", ""},
		// A part that an anaphoric partitive opens counts what its whole counts, where and when.
		{"es", "Salvamento Marítimo rescató el lunes a 90 personas cerca de Motril. De ellas, 12 eran menores.", 12, "migrants_rescued", "ESP", "2024-03-11"},
		{"es", "Salvamento Marítimo rescató el lunes a 90 personas cerca de Motril. Entre ellas había 12 menores y 8 mujeres.", 8, "migrants_rescued", "ESP", "2024-03-11"},
		{"fr", "La Marine royale a secouru lundi 90 migrants près de Tarfaya. Parmi eux figurent 12 mineurs et 8 femmes.", 8, "migrants_rescued", "MAR", "2024-03-11"},
		{"es", "Quince personas han sido arrestadas, nueve de ellas en Melilla y seis en Almería.", 6, "suspects_arrested", "ESP", ""},
		{"fr", "Quinze personnes ont été interpellées à Tanger, dont neuf Marocains et six Algériens.", 6, "suspects_arrested", "MAR", ""},
		{"fr", "Quinze personnes ont été interpellées à Tanger, sept d'entre elles pour trafic.", 7, "suspects_arrested", "MAR", ""},
		// A number before "de las", "des" and a noun is a part of the whole the noun names; the
		// parts after it that leave out its verb are parts too.
		{"es", "España recibió el año pasado 90.000 solicitudes de asilo. Según el informe, 40.000 de las peticiones fueron presentadas por sirios, 20.000 por afganos y 5.000 por malienses.", 20000, "asylum_applications", "ESP", "2023"},
		{"es", "España recibió el año pasado 90.000 solicitudes de asilo. Según el informe, 40.000 de las peticiones fueron presentadas por sirios, 20.000 por afganos y 5.000 por malienses.", 5000, "asylum_applications", "ESP", "2023"},
		{"fr", "La France a reçu l'an dernier 90 000 demandes d'asile. Selon le rapport, 40 000 des demandes ont été déposées par des Syriens, 20 000 par des Afghans et 5 000 par des Maliens.", 20000, "asylum_applications", "FRA", "2023"},
		{"fr", "La France a reçu l'an dernier 90 000 demandes d'asile. Selon le rapport, 40 000 des demandes ont été déposées par des Syriens, 20 000 par des Afghans et 5 000 par des Maliens.", 40000, "asylum_applications", "FRA", "2023"},
		{"fr", "La Marine royale a secouru lundi 300 migrants. Parmi eux figurent 120 Guinéens, 90 Maliens et 40 Ivoiriens.", 90, "migrants_rescued", "MAR", "2024-03-11"},
		{"es", "Salvamento Marítimo rescató el lunes a 300 personas. Entre ellas había 120 guineanos, 90 malienses y 40 marfileños.", 90, "migrants_rescued", "ESP", "2024-03-11"},
		// In a list of figures each with its participle, the second counts what its own says.
		{"fr", "Le bilan fait état de 40 réseaux démantelés et 320 personnes interpellées au Maroc.", 320, "suspects_arrested", "MAR", ""},
		{"es", "El balance recoge 40 redes desarticuladas y 320 personas detenidas en Marruecos.", 320, "suspects_arrested", "MAR", ""},
		// A bare noun stands for the phrase the report gave in full before.
		{"es", "España recibió el año pasado 90.000 solicitudes de asilo. En Melilla se registraron 2.500 solicitudes, casi todas de marroquíes.", 2500, "asylum_applications", "ESP", ""},
		{"fr", "La France a reçu l'an dernier 90 000 demandes d'asile. À Calais, 2 500 demandes ont été enregistrées.", 2500, "asylum_applications", "FRA", ""},
		// A joint body of two countries acts where the report is datelined; asylum applications
		// that a non-governmental body counts were lodged with a state.
		{"es", "DAKAR, 14 Mar. (EFE).- España ha enviado a la Guardia Civil y España financia las patrulleras, según el Gobierno de España. Desde enero, el dispositivo hispano-senegalés ha interceptado a 3.000 migrantes.", 3000, "migrants_intercepted", "SEN", ""},
		{"fr", "DAKAR, 14 mars (APS) - La France a envoyé des gendarmes et la France finance les patrouilleurs, selon le gouvernement de la France. Depuis janvier, le dispositif franco-sénégalais a intercepté 3 000 migrants.", 3000, "migrants_intercepted", "SEN", ""},
		{"es", "Amnistía Internacional denunció el colapso del sistema de acogida en Italia, que recibió el año pasado 90.000 solicitudes de asilo.", 90000, "asylum_applications", "ITA", ""},
		{"fr", "Amnesty International a dénoncé la saturation du système d'accueil en Italie, qui a reçu l'an dernier 90 000 demandes d'asile.", 90000, "asylum_applications", "ITA", ""},
		// A state verb may stand between a bare number and its participle.
		{"es", "En el naufragio frente a Motril murieron tres personas y otras cinco permanecen desaparecidas.", 5, "migrants_dead_missing", "ESP", ""}, // Motril, a town of Spain: TestLangPlaceNames
		{"fr", "Dans le naufrage au large de Tanger, trois personnes sont mortes et cinq autres restent portées disparues.", 5, "migrants_dead_missing", "MAR", ""},
		// The country people headed for is not the one that stopped them.
		{"fr", "SFAX, 14 mars (TAP) - La Garde nationale a déjoué 40 tentatives. Les unités maritimes ont en outre empêché 900 départs vers l'Italie depuis janvier.", 900, "migrants_intercepted", "TUN", ""},
		{"es", "SFAX, 14 Mar. (EFE).- La Guardia Nacional tunecina frustró 40 intentos. Las unidades marítimas impidieron además 900 salidas hacia Italia desde enero.", 900, "migrants_intercepted", "TUN", ""},
		// A figure with no time of its own that goes on with the balance before takes its span.
		{"es", "Desde enero, la Guardia Civil ha detenido a 300 personas en Almería. Además, se han intervenido 40 embarcaciones.", 40, "boats_seized", "ESP", "2024-01-01/2024-03-14"},
		{"fr", "Depuis janvier, la Gendarmerie royale a interpellé 300 passeurs à Nador. Par ailleurs, 40 embarcations ont été saisies.", 40, "boats_seized", "MAR", "2024-01-01/2024-03-14"},
		// A running total carries on the count of the figure before it.
		{"fr", "Le Maroc a rapatrié lundi 120 migrants guinéens, portant à 3 400 le nombre de bénéficiaires du programme depuis le début de l'année.", 3400, "migrants_returned", "MAR", "2024-01-01/2024-03-14"},
		{"es", "Marruecos repatrió el lunes a 120 migrantes guineanos, elevando a 3.400 el número de beneficiarios del programa desde principios de año.", 3400, "migrants_returned", "MAR", "2024-01-01/2024-03-14"},
		// A part that names people is a part of the people counted, not of their boats.
		{"es", "Salvamento Marítimo rescató el lunes a 300 personas que viajaban en 12 cayucos. De ellas, 210 eran senegaleses.", 210, "migrants_rescued", "ESP", "2024-03-11"},
		{"fr", "La Marine royale a secouru lundi 300 migrants à bord de 12 pirogues. Parmi eux figurent 210 Sénégalais.", 210, "migrants_rescued", "MAR", "2024-03-11"},
		// A range of two dates is the span it states; a day after "hasta", "jusqu'au" ends a
		// span from 1 January; a night from one weekday to the next is dated by its end.
		{"es", "Entre el 1 de enero y el 10 de marzo llegaron a España 1.200 migrantes.", 1200, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		{"fr", "Du 1er janvier au 10 mars, 1 200 migrants sont arrivés en Espagne.", 1200, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		{"es", "De enero a febrero llegaron a España 900 migrantes.", 900, "migrants_arrived", "ESP", "2024-01-01/2024-02-29"},
		{"fr", "De janvier à février, 900 migrants sont arrivés en Espagne.", 900, "migrants_arrived", "ESP", "2024-01-01/2024-02-29"},
		{"es", "Hasta el 10 de marzo llegaron a España 700 migrantes, más que en 2022.", 700, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		{"fr", "Jusqu'au 10 mars, 700 migrants sont arrivés en Espagne.", 700, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		{"fr", "Dans la nuit de dimanche à lundi, la Marine royale a secouru 40 migrants.", 40, "migrants_rescued", "MAR", "2024-03-11"},
		// A year after a comparative's "que" is the figure's base, not its period.
		{"es", "Entre el 1 de enero y el 10 de marzo llegaron a España 9.000 migrantes, un 40 % menos que en el mismo periodo de 2023.", 0.6, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		{"fr", "Du 1er janvier au 10 mars, 9 000 migrants sont arrivés en Espagne, en baisse de 40 % par rapport à 2023.", 0.6, "migrants_arrived", "ESP", "2024-01-01/2024-03-10"},
		// A change by a factor.
		{"fr", "L'an dernier, 900 migrants ont été rapatriés depuis le Maroc, soit trois fois plus qu'en 2021.", 3, "migrants_returned", "MAR", "2023"},
		{"es", "El año pasado, 900 migrantes fueron repatriados desde España, tres veces más que en 2021.", 3, "migrants_returned", "ESP", "2023"},
		// Money is the giver's: the noun a relative clause describes, the country of an office.
		{"fr", "L'Union européenne, qui a promis l'an dernier au Sénégal 40 millions d'euros, a salué les progrès.", 40e6, "funding", "EU", ""},
		{"es", "La Unión Europea, que prometió a Senegal 40 millones de euros, celebró los avances.", 40e6, "funding", "EU", ""},
		{"fr", "La ministre italienne a annoncé pour la Tunisie un programme de 20 millions d'euros.", 20e6, "funding", "ITA", ""},
		{"es", "El ministro italiano anunció para Túnez un programa de 20 millones de euros.", 20e6, "funding", "ITA", ""},
		// A part of a sum of money is money of the same giver.
		{"fr", "Bruxelles a débloqué pour la Mauritanie 100 millions d'euros, dont 30 millions pour les garde-côtes.", 30e6, "funding", "EU", ""},
		{"es", "Bruselas aprobó para Mauritania 100 millones de euros, incluidos 30 millones para guardacostas.", 30e6, "funding", "EU", ""},
	})
}

// TestLangNoStatistic: Spanish and French numbers that count no act (no statistic, or one of
// category "other"): a distance, a duration, a population.
func TestLangNoStatistic(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "La patera volcó a unas 15 millas al sur de Motril y murieron tres personas.", 15},
		{"fr", "La pirogue a chaviré à 15 milles au large de Dakhla et trois personnes sont mortes.", 15},
		{"es", "Los supervivientes pasaron 40 horas a la deriva antes de ser rescatados.", 40},
		{"fr", "Les survivants ont dérivé pendant 40 heures avant d'être secourus.", 40},
		// A population is no act, even in a sentence about returns.
		{"fr", "Le ministre a écarté tout retour forcé et a rappelé que 50 000 Tunisiens vivent en Italie.", 50000},
		{"es", "El ministro descartó las devoluciones forzosas y recordó que 50.000 tunecinos viven en Italia.", 50000},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "counts no act", func(st record.Statistic) bool { return st.Category != "other" })
	}
}

// langStat is one statistic expected from a sentence: its value, category, country and (when
// not empty) period, for a document published on Thursday 14 March 2024.
type langStat struct {
	lang, text                string
	value                     float64
	category, country, period string
}

func checkLangStats(t *testing.T, tests []langStat) {
	t.Helper()
	x := extractor(t)
	for _, tc := range tests {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		var st *record.Statistic
		for i := range got.Statistics {
			if got.Statistics[i].Value == tc.value {
				st = &got.Statistics[i]
			}
		}
		if st == nil {
			t.Errorf("%q: no statistic %v in %+v", tc.text, tc.value, got.Statistics)
			continue
		}
		period := ""
		if st.Period != nil {
			period = *st.Period
		}
		if st.Category != tc.category || st.Country != tc.country || tc.period != "" && period != tc.period {
			t.Errorf("%q: %s %s %q, want %s %s %q", tc.text, st.Category, st.Country, period, tc.category, tc.country, tc.period)
		}
	}
}

// TestLangDates resolves Spanish and French date expressions against the publication date
// (Thursday 14 March 2024).
func TestLangDates(t *testing.T) {
	lx := extractor(t)
	tests := []struct{ lang, text, want string }{
		{"es", "Rabat, 14 mar (EFE).- Nada.", "2024-03-14"},
		{"es", "Ocurrió el pasado martes.", "2024-03-12"},
		{"es", "Ocurrió este miércoles.", "2024-03-13"},
		{"es", "Se reunirán el próximo lunes.", "2024-03-18"},
		{"es", "Ocurrió el 2 de febrero de 2023.", "2023-02-02"},
		{"es", "Ocurrió el año pasado.", "2023"},
		{"es", "Ocurrió en marzo.", "2024-03"},
		{"es", "Ocurrió en 2022.", "2022"},
		{"es", "Ocurrió ayer.", "2024-03-13"},
		{"fr", "C'était mardi dernier.", "2024-03-12"},
		{"fr", "C'était l'an dernier.", "2023"},
		{"fr", "C'était le 1er février 2024.", "2024-02-01"},
		{"fr", "Depuis le début de l'année, rien.", "2024-01-01/2024-03-14"},
		{"fr", "C'était hier.", "2024-03-13"},
		// A weekend is its Saturday and Sunday, the last before a weekday.
		{"es", "Ocurrió este fin de semana en Almería.", "2024-03-09/2024-03-10"},
		{"es", "Ocurrió el pasado fin de semana.", "2024-03-09/2024-03-10"},
		{"fr", "C'était ce week-end à Tanger.", "2024-03-09/2024-03-10"},
		{"fr", "C'était le week-end dernier.", "2024-03-09/2024-03-10"},
	}
	for _, tc := range tests {
		d := langDoc(tc.lang, "2024-03-14", tc.text)
		s := &state{lx: lx.lexicon(d.Language), doc: text.Analyze(d.Text), published: "2024-03-14"}
		s.findTimes()
		if len(s.times) == 0 || s.times[0].value != tc.want {
			t.Errorf("%q: times %+v, want %s", tc.text, s.times, tc.want)
		}
	}
}

// TestLangPersonsAndQuotes: persons with their country, never a pair of countries or an
// office; quotes with their speakers in Spanish and French attribution.
func TestLangPersonsAndQuotes(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		lang, text     string
		persons        map[string]string
		speaker, quote string
	}{
		{"es", "España y Marruecos firmaron un acuerdo. Según el Ministerio del Interior, bajaron las llegadas.", map[string]string{}, "", ""},
		{"es", "\"La cooperación es ejemplar\", declaró Fernando Grande-Marlaska.", map[string]string{"Fernando Grande-Marlaska": ""}, "Fernando Grande-Marlaska", "La cooperación es ejemplar"},
		{"es", "El ministro del Interior, Fernando Grande-Marlaska, se reunió con su homólogo marroquí, Abdelouafi Laftit. \"Es un socio fiable\", ha señalado el ministro Grande-Marlaska.",
			map[string]string{"Fernando Grande-Marlaska": "ESP", "Abdelouafi Laftit": "MAR"}, "Fernando Grande-Marlaska", "Es un socio fiable"},
		{"es", "«Se trata de una red muy peligrosa», ha señalado el teniente coronel Juan Carlos Martínez.", map[string]string{"Juan Carlos Martínez": "ESP"}, "Juan Carlos Martínez", "Se trata de una red muy peligrosa"},
		{"fr", "Le ministre de l'Intérieur, Abdelouafi Laftit, a reçu son homologue espagnol, Fernando Grande-Marlaska. « Notre coopération est exemplaire », a déclaré M. Laftit.",
			map[string]string{"Abdelouafi Laftit": "MAR", "Fernando Grande-Marlaska": "ESP"}, "Abdelouafi Laftit", "Notre coopération est exemplaire"},
		{"fr", "La déléguée du gouvernement, Cristina Pérez, a parlé jeudi.\n\n« Nous appliquons l'accord », a-t-elle déclaré.", map[string]string{"Cristina Pérez": "ESP"}, "Cristina Pérez", "Nous appliquons l'accord"},
		// The pronoun of any inverted auxiliary: "avait-il déclaré", "aurait-elle dit".
		{"fr", "Le ministre de l'Intérieur, Abdelouafi Laftit, était à Madrid en mai. « Nous coopérons chaque jour », avait-il déclaré.", map[string]string{"Abdelouafi Laftit": "MAR"}, "Abdelouafi Laftit", "Nous coopérons chaque jour"},
		// A name apposed to a title with its complement: "el coordinador de X en Y, Nombre Apellido"; a
		// Cruz Roja named alone is the Spanish Red Cross, whose officer is Spain's (TestLangNationalSociety).
		{"es", "\"Han llegado muy débiles\", ha explicado la coordinadora de Cruz Roja en Motril, Ana Ruiz.",
			map[string]string{"Ana Ruiz": "ESP"}, "Ana Ruiz", "Han llegado muy débiles"},
		{"fr", "« Les contrôles ont été renforcés », a indiqué le préfet de police de Tanger, Omar Bennani.",
			map[string]string{"Omar Bennani": "MAR"}, "Omar Bennani", "Les contrôles ont été renforcés"},
		{"fr", "Le ministre a reçu la secrétaire d'État espagnole aux Migrations, Elma Saiz.",
			map[string]string{"Elma Saiz": "ESP"}, "", ""},
		{"fr", "« Ces renvois sont illégaux », a dénoncé Marta Gil, fondatrice d'une association.",
			map[string]string{"Marta Gil": ""}, "Marta Gil", "Ces renvois sont illégaux"},
		// A colon opens the quotation in its speaker's sentence, whatever the verb.
		{"es", "El alcalde de Melilla, Juan José Imbroda, ha rechazado la medida: “Es una decisión injusta para la ciudad”.",
			map[string]string{"Juan José Imbroda": "ESP"}, "Juan José Imbroda", "Es una decisión injusta para la ciudad"},
		// An honorific before a surname names the person named in full before.
		{"fr", "La ministre espagnole, Elma Saiz, était à Rabat.\n\n« Le dialogue continue », a souligné Mme Saiz.",
			map[string]string{"Elma Saiz": "ESP"}, "Elma Saiz", "Le dialogue continue"},
		// A title with a long complement before the apposed name, after the inverted verb.
		{"es", "\"Estamos desbordados desde hace semanas\", ha declarado el coordinador de la Cruz Roja en Lanzarote, Pedro Marrero.",
			map[string]string{"Pedro Marrero": "ESP"}, "Pedro Marrero", "Estamos desbordados desde hace semanas"},
		// An office named alone: the office named in full before, else the dateline's country for
		// French copy, else the home country of the language's press.
		{"es", "El Ministerio del Interior argelino publicó sus cifras. El portavoz del Ministerio, Karim Haddad, las presentó.",
			map[string]string{"Karim Haddad": "DZA"}, "", ""},
		{"fr", "Dakar - Le ministre des Forces armées, Moussa Ndiaye, a visité Mbour.",
			map[string]string{"Moussa Ndiaye": "SEN"}, "", ""},
		{"fr", "Rabat - Le ministre des Forces armées, Moussa Ndiaye, a visité Tanger.",
			map[string]string{"Moussa Ndiaye": "MAR"}, "", ""},
		{"es", "Rabat, 3 mar (EFE).- El ministro del Interior, Luis Ortega, visitó Tánger.",
			map[string]string{"Luis Ortega": "ESP"}, "", ""},
		// Dialogue dashes: the words up to the dash before the attribution, or, in French, up to
		// the comma before the speech verb; words after the dash that closes it continue the quote.
		{"es", "El ministro del Interior, Fernando Grande-Marlaska, visitó Ceuta.\n\n—Es un día histórico —declaró Grande-Marlaska.",
			map[string]string{"Fernando Grande-Marlaska": "ESP"}, "Fernando Grande-Marlaska", "Es un día histórico"},
		{"es", "—Hemos salvado muchas vidas —ha señalado la alcaldesa, María Gómez—. Seguiremos trabajando.",
			map[string]string{"María Gómez": "ESP"}, "María Gómez", "Hemos salvado muchas vidas Seguiremos trabajando."},
		{"fr", "Le wali de la région, Karim Kassi-Lahlou, a visité le port.\n\n– Nous sommes prêts, a déclaré M. Kassi-Lahlou.",
			map[string]string{"Karim Kassi-Lahlou": "MAR"}, "Karim Kassi-Lahlou", "Nous sommes prêts"},
		{"fr", "Le gouverneur, Karim Kassi-Lahlou, a visité le port.\n\n– Nous sommes prêts, a-t-il déclaré.",
			map[string]string{"Karim Kassi-Lahlou": "MAR"}, "Karim Kassi-Lahlou", "Nous sommes prêts"},
		// The speech verb itself inverted with its subject pronoun: "souligne-t-il", "précise-t-elle".
		{"fr", "Le ministre des Affaires étrangères, Nasser Bourita, a reçu lundi son homologue espagnol, José Manuel Albares.\n\nL'entretien de M. Bourita avec son homologue a porté sur la migration. « Le partenariat est exemplaire », souligne-t-il lors d'un point de presse.",
			map[string]string{"Nasser Bourita": "MAR", "José Manuel Albares": "ESP"}, "Nasser Bourita", "Le partenariat est exemplaire"},
		{"fr", "Le colonel Hassan Amrani a salué la réactivité des unités. « Cette opération est un succès », précise-t-il.",
			map[string]string{"Hassan Amrani": "MAR"}, "Hassan Amrani", "Cette opération est un succès"},
		{"fr", "Helena Maleno, fondatrice de l'ONG Caminando Fronteras, s'inquiète des naufrages. « Nous avons recensé 1 200 morts », déplore-t-elle.",
			map[string]string{"Helena Maleno": ""}, "Helena Maleno", "Nous avons recensé 1 200 morts"},
		{"fr", "La ministre, Rachida Alami, était à Rabat.\n\n« Rien n'a changé », ajoute-t-elle.",
			map[string]string{"Rachida Alami": "MAR"}, "Rachida Alami", "Rien n'a changé"},
		// A title with its complement followed by a second title before the name.
		{"es", "\"No podemos seguir así\", ha lamentado el ministro del Interior y portavoz del Gobierno, Luis Ortega.",
			map[string]string{"Luis Ortega": "ESP"}, "Luis Ortega", "No podemos seguir así"},
		{"fr", "Madrid - « Il s'agit d'un devoir de solidarité », a affirmé la ministre de l'Éducation et porte-parole du gouvernement, Pilar Alegría.",
			map[string]string{"Pilar Alegría": "ESP"}, "Pilar Alegría", "Il s'agit d'un devoir de solidarité"},
		{"fr", "Rabat - Le ministre de l'Intérieur et porte-parole du gouvernement, Karim Alaoui, a visité Nador.",
			map[string]string{"Karim Alaoui": "MAR"}, "", ""},
		// A quotation that the speaker's own clause runs into, as its verb's object or a word of
		// its own.
		{"fr", "Le ministre espagnol, José Manuel Albares, était à Rabat.\n\nDe son côté, M. Albares a salué « le rôle essentiel du Maroc dans la gestion des flux ».",
			map[string]string{"José Manuel Albares": "ESP"}, "José Manuel Albares", "le rôle essentiel du Maroc dans la gestion des flux"},
		{"fr", "Le président canarien, Fernando Clavijo, a salué une décision « historique ».",
			map[string]string{"Fernando Clavijo": "ESP"}, "Fernando Clavijo", "historique"},
		{"es", "El presidente canario, Fernando Clavijo, ha calificado la decisión de «histórica».",
			map[string]string{"Fernando Clavijo": "ESP"}, "Fernando Clavijo", "histórica"},
		// Two full names joined by "y" or "et" as the subject of their clause.
		{"es", "Fernando Grande-Marlaska y Abdelouafi Laftit acordaron celebrar una nueva reunión.",
			map[string]string{"Fernando Grande-Marlaska": "", "Abdelouafi Laftit": ""}, "", ""},
		{"fr", "Nasser Bourita et José Manuel Albares ont signé une déclaration commune.",
			map[string]string{"Nasser Bourita": "", "José Manuel Albares": ""}, "", ""},
		{"es", "Los detenidos actuaban en Algeciras, La Línea y Tánger.", map[string]string{}, "", ""},
		// A title with its complement, then a second title before the name.
		{"fr", "– Nous poursuivrons nos efforts, a déclaré le commandant de la façade maritime ouest, le général Ahmed Benali.",
			map[string]string{"Ahmed Benali": "MAR"}, "Ahmed Benali", "Nous poursuivrons nos efforts"},
		{"es", "\"Seguiremos vigilando la costa\", ha señalado el jefe de la Comandancia de Algeciras, el coronel Juan Pérez.",
			map[string]string{"Juan Pérez": "ESP"}, "Juan Pérez", "Seguiremos vigilando la costa"},
		// A present-tense inverted verb; a phrase of circumstance between the verb and its subject.
		{"fr", "« Nous ne pouvons pas fermer les yeux sur ces drames », insiste la cheffe de mission de l'OIM au Maroc, Anne Dupont.",
			map[string]string{"Anne Dupont": "IOM"}, "Anne Dupont", "Nous ne pouvons pas fermer les yeux sur ces drames"},
		{"es", "«No podemos cerrar los ojos», insiste la jefa de misión de la OIM en Marruecos, Ana López.",
			map[string]string{"Ana López": "IOM"}, "Ana López", "No podemos cerrar los ojos"},
		{"fr", "« On expulse des gens qui n'ont rien fait », accuse Amadou Diallo, fondateur d'une association de défense des migrants.",
			map[string]string{"Amadou Diallo": ""}, "Amadou Diallo", "On expulse des gens qui n'ont rien fait"},
		{"es", "«Expulsan a gente que no ha hecho nada», acusa Amadou Diallo, fundador de una asociación de migrantes.",
			map[string]string{"Amadou Diallo": ""}, "Amadou Diallo", "Expulsan a gente que no ha hecho nada"},
		{"es", "«La situación es insostenible», advirtió en un comunicado la portavoz de la ONG Caminando Fronteras, Laura Gómez.",
			map[string]string{"Laura Gómez": ""}, "Laura Gómez", "La situación es insostenible"},
		{"fr", "« La situation est intenable », a averti dans un communiqué le porte-parole de l'ONG Alarm Phone, Karim Alaoui.",
			map[string]string{"Karim Alaoui": ""}, "Karim Alaoui", "La situation est intenable"},
		// A surname that opens a sentence before a colon, of a person named in full before.
		{"es", "El jefe de la comandancia, Luis Pérez Gil, presentó la operación el lunes. Pérez fue tajante: «No vamos a tolerar más muertes en el Estrecho».",
			map[string]string{"Luis Pérez Gil": "ESP"}, "Luis Pérez Gil", "No vamos a tolerar más muertes en el Estrecho"},
		{"fr", "Le commandant de la base, Karim Tazi Alaoui, a présenté l'opération lundi. Tazi est catégorique : « Nous ne laisserons passer personne ».",
			map[string]string{"Karim Tazi Alaoui": "MAR"}, "Karim Tazi Alaoui", "Nous ne laisserons passer personne"},
		// "Pour X, « ... »", "Para X, «...»": the speaker's view.
		{"fr", "Pour le ministre de l'Intérieur, Abdelouafi Laftit, « la coopération est exemplaire ».",
			map[string]string{"Abdelouafi Laftit": "MAR"}, "Abdelouafi Laftit", "la coopération est exemplaire"},
		{"es", "Para el delegado del Gobierno, Luis Pérez, «la situación está controlada».",
			map[string]string{"Luis Pérez": "ESP"}, "Luis Pérez", "la situación está controlada"},
		{"fr", "Pour la première fois, « la situation est intenable ».", map[string]string{}, "", "la situation est intenable"},
		// An attribution inside the marks of a quotation that runs on: its words are not quoted.
		{"fr", "Le commissaire européen, Hans Muller, était à Dakar. « La route est dangereuse, a déclaré M. Muller lors d'une conférence de presse. Nous devons agir ensemble. »",
			map[string]string{"Hans Muller": "EU"}, "Hans Muller", "La route est dangereuse Nous devons agir ensemble."},
		{"es", "«La ruta es peligrosa, afirmó el ministro Luis Pérez. Debemos actuar juntos».",
			map[string]string{"Luis Pérez": "ESP"}, "Luis Pérez", "La ruta es peligrosa Debemos actuar juntos"},
		// An office's list of portfolios before its holder's name is no person.
		{"es", "La ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz, viajó a Madrid.",
			map[string]string{"Elma Saiz": "ESP"}, "", ""},
		{"fr", "Rabat - Le ministre de l'Éducation nationale, du Préscolaire et des Sports, Chakib Benmoussa, a visité Nador.",
			map[string]string{"Chakib Benmoussa": "MAR"}, "", ""},
		// A title whose complement is a long place name; the title after "et", "y" is the next
		// person's.
		{"fr", "Tanger - La rencontre entre le wali de la région Tanger-Tétouan-Al Hoceima, Younes Tazi, et le délégué du gouvernement espagnol en Andalousie, Pedro Fernández, s'est tenue lundi.",
			map[string]string{"Younes Tazi": "MAR", "Pedro Fernández": "ESP"}, "", ""},
		{"es", "La reunión entre el wali de la región de Tánger-Tetuán-Alhucemas, Younes Tazi, y el delegado del Gobierno en Andalucía, Pedro Fernández, se celebró el lunes.",
			map[string]string{"Younes Tazi": "MAR", "Pedro Fernández": "ESP"}, "", ""},
	}
	for _, tc := range tests {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		persons := map[string]string{}
		for _, e := range got.Entities {
			if e.Type == record.Person {
				persons[e.Name] = e.Country
			}
		}
		if len(persons) != len(tc.persons) {
			t.Errorf("%q: persons %v, want %v", tc.text, persons, tc.persons)
		}
		for n, c := range tc.persons {
			if persons[n] != c {
				t.Errorf("%q: person %q country %q, want %q", tc.text, n, persons[n], c)
			}
		}
		if tc.quote == "" {
			continue
		}
		found := false
		for _, q := range got.Quotes {
			if q.Text == tc.quote {
				found = true
				if q.Speaker.Name != tc.speaker {
					t.Errorf("%q: speaker %q, want %q", tc.text, q.Speaker.Name, tc.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%q: no quote %q in %+v", tc.text, tc.quote, got.Quotes)
		}
	}
}

// TestLangDashNoQuote: a paragraph that opens with a dash and has no attribution is a list
// item, not a quotation, in any language.
func TestLangDashNoQuote(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text string }{
		{"es", "Las medidas:\n\n— Más patrullas en el Estrecho.\n\n— Nuevos radares."},
		{"fr", "Les mesures :\n\n– Plus de patrouilles dans le détroit.\n\n– De nouveaux radars."},
		{"en", "The measures:\n\n— More patrols, said nobody.\n\n— New radars."},
	} {
		if got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)); len(got.Quotes) != 0 {
			t.Errorf("%q: quotes %+v, want none", tc.text, got.Quotes)
		}
	}
}

// TestLangEvents codes the common acts of Spanish and French reports.
func TestLangEvents(t *testing.T) {
	x := extractor(t)
	tests := []struct{ lang, text, want string }{
		{"es", "El ministro español se reunió este miércoles en Rabat con su homólogo marroquí.", "CONSULT ESP MAR 2024-03-13"},
		{"es", "La Guardia Civil detuvo a 14 personas.", "COERCE ESP ESP "},
		{"es", "Marruecos interceptó el año pasado a 87.000 migrantes.", "COERCE MAR MAR 2023"},
		{"es", "Salvamento Marítimo rescató el martes a 48 personas.", "AID ESP ESP 2024-03-12"},
		{"es", "España y Marruecos firmaron un acuerdo de cooperación.", "SUPPORT ESP MAR "},
		{"es", "El Gobierno de España pidió a la Unión Europea más fondos.", "REQUEST ESP EU "},
		{"fr", "Le ministre marocain s'est entretenu mardi avec son homologue espagnol.", "CONSULT MAR ESP 2024-03-12"},
		{"fr", "La Marine royale a intercepté lundi 58 migrants.", "COERCE MAR MAR 2024-03-11"},
		{"fr", "La police espagnole a démantelé quatre réseaux.", "COERCE ESP ESP "},
		{"fr", "La Marine royale a secouru 40 migrants sénégalais.", "AID MAR SEN "},
		{"fr", "L'Union européenne a alloué 152 millions d'euros au Maroc.", "AID EU MAR "},
		// The agent of a passive after "por" or "par".
		{"es", "Otros 52 migrantes han sido rescatados el lunes por Salvamento Marítimo.", "AID ESP ESP 2024-03-11"},
		{"fr", "Quelque 70 migrants ont été interceptés mardi par la Marine royale.", "COERCE MAR MAR 2024-03-12"},
		{"fr", "La Marine nationale sénégalaise a intercepté lundi une pirogue transportant 90 migrants.", "COERCE SEN SEN 2024-03-11"},
		{"fr", "La Marine royale a secouru lundi 70 migrants, dont 10 Guinéens.", "AID MAR MAR 2024-03-11"},
		// Both sides of the meeting told before.
		{"es", "El ministro español se reunió el martes en Rabat con su homólogo marroquí. Ambos ministros acordaron reforzar la cooperación.", "AGREE ESP MAR 2024-03-12"},
		{"fr", "Le ministre marocain s'est entretenu lundi avec son homologue espagnol. Les deux ministres ont salué la coopération.", "SUPPORT MAR ESP 2024-03-11"},
		{"es", "Salvamento Marítimo rescató el lunes a 70 personas, entre ellas diez marroquíes.", "AID ESP ESP 2024-03-11"},
		// The Spanish present perfect tells the day's acts; a compound form of a listed verb.
		{"es", "El Ministerio del Interior ha elogiado la colaboración de Marruecos.", "SUPPORT ESP MAR 2024-03-14"},
		{"es", "La Guardia Civil ha arrestado a cinco personas.", "COERCE ESP ESP 2024-03-14"},
		// An office named alone at the start of a sentence is the home country's.
		{"es", "El Gobierno ha expulsado este miércoles a 30 argelinos.", "COERCE ESP DZA 2024-03-13"},
		{"fr", "Madrid a renvoyé lundi 40 migrants algériens.", "COERCE ESP DZA 2024-03-11"},
		// The target's office with its complement after the preposition.
		{"es", "La ministra Elma Saiz se reunió el lunes con el ministro del Interior mauritano.", "CONSULT ESP MRT 2024-03-11"},
		{"fr", "La ministre espagnole, Elma Saiz, s'est entretenue lundi avec le ministre de l'Intérieur mauritanien.", "CONSULT ESP MRT 2024-03-11"},
		// A joint operation named by a noun; the partner after "con", "avec" is no target.
		{"es", "La Guardia Civil ha desarticulado, en una operación conjunta con la Policía marroquí, una red de tráfico de personas.", "COOPERATE ESP MAR "},
		{"es", "La Guardia Civil ha desarticulado, en una operación conjunta con la Policía marroquí, una red de tráfico de personas.", "COERCE ESP ESP 2024-03-14"},
		{"fr", "La police espagnole a démantelé, dans une opération conjointe avec la DGSN, un réseau de passeurs.", "COOPERATE ESP MAR "},
		{"fr", "La police espagnole a démantelé, dans une opération conjointe avec la DGSN, un réseau de passeurs.", "COERCE ESP ESP "},
		// A joint act named by a noun, its sides after "de".
		{"es", "Una investigación conjunta de la Guardia Civil y la Policía marroquí ha permitido desmantelar una red de tráfico de personas.", "COOPERATE ESP MAR "},
		{"fr", "Une enquête conjointe de la police espagnole et de la DGSN a permis de démanteler un réseau de passeurs.", "COOPERATE ESP MAR "},
		// The people of a body after "de" act for it.
		{"es", "Agentes de la Policía Nacional han desarticulado, en una operación conjunta con la Policía marroquí, una organización criminal.", "COOPERATE ESP MAR "},
		{"fr", "Les éléments de la Marine royale ont intercepté lundi 40 migrants.", "COERCE MAR MAR 2024-03-11"},
		{"fr", "Les garde-côtes algériens ont mis en échec samedi une tentative d'émigration clandestine de 17 personnes.", "COERCE DZA DZA 2024-03-09"},
		// Nominal meetings: "la reunión entre X y Y", "la rencontre entre X et Y", "l'entretien de X avec Y".
		{"es", "Rabat, 14 mar (EFE).- La reunión entre los ministros del Interior de España y Marruecos, celebrada este miércoles en Rabat, fue positiva.", "CONSULT ESP MAR 2024-03-13"},
		{"es", "El encuentro entre el ministro español y su homólogo marroquí tuvo lugar el martes.", "CONSULT ESP MAR 2024-03-12"},
		{"fr", "La rencontre entre le wali de Tanger, Younes Tazi, et le délégué du gouvernement espagnol, Pedro Fernández, s'est tenue lundi.", "CONSULT MAR ESP 2024-03-11"},
		{"fr", "L'entretien du ministre marocain avec son homologue espagnol a eu lieu mardi à Rabat.", "CONSULT MAR ESP 2024-03-12"},
		// The agent of a passive several words after the participle, behind a common noun.
		{"fr", "Lundi, 43 migrants ont été interceptés au large de Laâyoune par une patrouille de la Marine royale.", "COERCE MAR MAR 2024-03-11"},
		{"es", "El lunes, 43 migrantes fueron interceptados frente a Almería por una patrullera de la Guardia Civil.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "Trois embarcations ont été interceptées, dans la nuit de samedi à dimanche, par une patrouille de la Marine royale au large de Tarfaya.", "COERCE MAR MAR 2024-03-09"},
		{"es", "Tres pateras fueron interceptadas, en la madrugada del sábado al domingo, por una patrullera de la Guardia Civil cerca de Almería.", "COERCE ESP ESP 2024-03-09"},
		// Hosting: the host receives the guest; in the passive, the guest is the subject.
		{"es", "El ministro marroquí recibió el lunes en Rabat a su homólogo español.", "CONSULT MAR ESP 2024-03-11"},
		{"es", "El ministro marroquí fue recibido el lunes en Madrid por el presidente senegalés.", "CONSULT SEN MAR 2024-03-11"},
		{"fr", "Le ministre espagnol de l'Intérieur a été reçu lundi à Rabat par le président marocain.", "CONSULT MAR ESP 2024-03-11"},
		{"fr", "Le commissaire européen chargé des affaires intérieures et de la migration, Hans Muller, a été reçu mardi à Dakar par le président sénégalais, Amadou Ba.", "CONSULT SEN EU 2024-03-12"},
		{"es", "El comisario europeo de Interior y Migración, Hans Muller, fue recibido el martes en Dakar por el presidente senegalés, Amadou Ba.", "CONSULT SEN EU 2024-03-12"},
		// "le Royaume", "el Reino alauí": Morocco; "le Royaume-Uni", "el Reino Unido" stay apart.
		{"fr", "Les autorités du Royaume ont intercepté l'an dernier 5 000 candidats à l'émigration.", "COERCE MAR MAR 2023"},
		{"es", "Las autoridades del Reino alauí interceptaron el año pasado a 5.000 migrantes.", "COERCE MAR MAR 2023"},
		{"fr", "Le Royaume-Uni a expulsé lundi 40 migrants sénégalais.", "COERCE GBR SEN 2024-03-11"},
		{"es", "El Reino Unido expulsó el lunes a 40 senegaleses.", "COERCE GBR SEN 2024-03-11"},
		// "la Marina de su país": the country of the person named before.
		{"es", "El ministro senegalés, Jean Diop, recordó que la Marina de su país interceptó el año pasado a 8.000 personas.", "COERCE SEN SEN 2023"},
		{"fr", "Le ministre sénégalais, Jean Diop, a rappelé que la Marine de son pays a intercepté l'an dernier 8 000 personnes.", "COERCE SEN SEN 2023"},
		// Words with no time of their own, told after a meeting, were said at it.
		{"es", "El ministro marroquí se reunió el lunes con su homólogo español. El ministro marroquí pidió a la Unión Europea más fondos.", "REQUEST MAR EU 2024-03-11"},
		{"fr", "Le ministre marocain s'est entretenu lundi avec son homologue espagnol. Le ministre marocain a demandé à l'Union européenne plus de moyens.", "REQUEST MAR EU 2024-03-11"},
		// A date told in the reported clause after "que" does not date the act of saying.
		{"es", "El ministro marroquí se reunió el lunes con su homólogo español. El ministro marroquí agradeció el apoyo español y recordó que la Marina interceptó el año pasado a 8.000 personas.", "SUPPORT MAR ESP 2024-03-11"},
		{"fr", "Le ministre marocain s'est entretenu lundi avec son homologue espagnol. Le ministre marocain a salué le soutien espagnol et rappelé que la Marine royale a intercepté l'an dernier 8 000 personnes.", "SUPPORT MAR ESP 2024-03-11"},
		// Agreement by a plural subject that names both sides of the meeting told before.
		{"fr", "Le ministre marocain s'est entretenu lundi avec son homologue espagnol. Les deux délégations sont convenues de renforcer la coopération.", "AGREE MAR ESP 2024-03-11"},
		{"es", "El ministro marroquí se reunió el lunes con su homólogo español. Las dos delegaciones acordaron reforzar la cooperación.", "AGREE MAR ESP 2024-03-11"},
	}
	for _, tc := range tests {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	// A participle after an article names people, not an act; the French passé composé gives
	// no date of its own.
	for _, tc := range []struct{ lang, text string }{
		{"es", "Los detenidos cobraban 3.000 euros a cada migrante."},
		{"fr", "Les interpellés ont été présentés au parquet."},
		// A place that receives people or papers hosts no one.
		{"es", "La isla recibió a su vez 300 solicitudes de asilo."},
		{"es", "Canarias recibió a 300 migrantes marroquíes."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
	// A count to date with no one named who acts is no event; the act told before it is one.
	for _, tc := range []struct{ lang, text string }{
		{"fr", "La Marine royale a secouru lundi 40 migrants au large de Tarfaya. Selon les données officielles, 9 000 migrants ont été interceptés sur les côtes du Sud depuis janvier."},
		{"es", "Salvamento Marítimo rescató el lunes a 40 migrantes cerca de Almería. Según los datos oficiales, 9.000 migrantes han sido rescatados cerca de Almería en lo que va de año."},
	} {
		if got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)); len(got.Events) != 1 || got.Events[0].Date == nil || *got.Events[0].Date != "2024-03-11" {
			t.Errorf("%q: events %+v, want the one act of Monday", tc.text, got.Events)
		}
	}
	// One meeting told twice, each side named first once, is one event.
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Le ministre marocain s'est entretenu lundi à Rabat avec son homologue espagnol, en visite au Royaume."},
		{"es", "El ministro marroquí se reunió el lunes en Rabat con su homólogo español, que visita el Reino alauí."},
	} {
		if got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)); len(got.Events) != 1 {
			t.Errorf("%q: events %+v, want one meeting", tc.text, got.Events)
		}
	}
	// The passé composé gives no date of its own: the act takes the day of publication, marked
	// as inferred, as an English act does.
	if got := x.Extract(langDoc("fr", "2024-03-14", "La Gendarmerie royale a arrêté trois passeurs.")); len(got.Events) != 1 ||
		got.Events[0].Date == nil || *got.Events[0].Date != "2024-03-14" || !got.Events[0].DateInferred {
		t.Errorf("passé composé: events %+v, want one dated by the publication, inferred", got.Events)
	}
	// An act told with no time after a sentence that names a day takes that day.
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Les deux ministres se sont réunis lundi à Rabat. Le ministre marocain a appelé l'Union européenne à augmenter son aide."},
		{"es", "Los dos ministros se reunieron el lunes en Rabat. Horas después, la Guardia Civil detuvo a cinco personas en Ceuta."},
	} {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		last := got.Events[len(got.Events)-1:]
		if len(last) != 1 || last[0].Date == nil || *last[0].Date != "2024-03-11" || last[0].DateInferred {
			t.Errorf("%q: events %+v, want the last one on Monday", tc.text, got.Events)
		}
	}
	// A negated act is no event.
	if got := x.Extract(langDoc("es", "2024-03-14", "La Guardia Civil no detuvo a nadie.")); len(got.Events) != 0 {
		t.Errorf("negated act coded: %+v", got.Events)
	}
}

// TestLangEventsConstructions: the constructions Spanish and French copy uses for an act,
// each in both languages, on sentences written for the test.
func TestLangEventsConstructions(t *testing.T) {
	x := extractor(t)
	tests := []struct{ lang, text, want string }{
		// An agentless passive or "se" passive: the country of the place the clause names,
		// else of the dateline.
		{"es", "Once personas han sido arrestadas en Almería este martes.", "COERCE ESP ESP 2024-03-12"},
		{"es", "Se ha detenido a seis personas en Almería este martes.", "COERCE ESP ESP 2024-03-12"},
		{"fr", "Douze passeurs ont été interpellés lundi à Tanger.", "COERCE MAR MAR 2024-03-11"},
		{"fr", "Oran - Les unités des garde-côtes de la façade maritime ouest ont mis en échec, samedi, une tentative d'émigration clandestine.", "COERCE DZA DZA 2024-03-09"},
		{"es", "Nador - Las fuerzas auxiliares han frustrado este miércoles un intento de salto a la valla.", "COERCE MAR MAR 2024-03-13"},
		// The place of the clause before an agency named in an earlier sentence.
		{"es", "Una investigación de la Policía marroquí ha permitido desmantelar una red. Seis personas han sido arrestadas en Almería este martes.", "COERCE ESP ESP 2024-03-12"},
		// An infinitive after a verb that tells the act was done.
		{"es", "La operación ha permitido detener a seis personas este martes en Almería.", "COERCE ESP ESP 2024-03-12"},
		{"es", "La colaboración con Marruecos permitió interceptar el lunes a 40 migrantes en Almería.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "La Marine royale a permis de secourir lundi 40 migrants au large de Tarfaya.", "AID MAR MAR 2024-03-11"},
		{"fr", "Les gendarmes ont réussi à intercepter mardi 30 migrants à Tanger.", "COERCE MAR MAR 2024-03-12"},
		// A noun that names an act, dated in its clause.
		{"es", "El rescate de 50 personas el martes por Salvamento Marítimo.", "AID ESP ESP 2024-03-12"},
		{"es", "La Policía Nacional informó de la detención de tres patrones el lunes en Motril.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "L'arrestation lundi de trois passeurs par la Gendarmerie royale à Tanger.", "COERCE MAR MAR 2024-03-11"},
		{"fr", "La DGSN a annoncé le démantèlement mardi d'un réseau de passeurs à Nador.", "COERCE MAR MAR 2024-03-12"},
		// A meeting named with a compound adjective of its two countries.
		{"fr", "La 12e réunion du Groupe permanent maroco-espagnol sur la migration s'est tenue mercredi à Madrid.", "CONSULT MAR ESP 2024-03-13"},
		{"es", "La reunión de alto nivel hispano-marroquí se celebró el miércoles en Madrid.", "CONSULT ESP MAR 2024-03-13"},
		{"fr", "La commission mixte algéro-espagnole s'est réunie lundi à Alger.", "CONSULT DZA ESP 2024-03-11"},
		{"es", "El ministro español se reunió el lunes en la frontera hispano-marroquí con el ministro mauritano.", "CONSULT ESP MRT 2024-03-11"},
		// Joint subjects with their articles: "Le Maroc et l'Espagne".
		{"fr", "Le Maroc et l'Espagne sont convenus mardi de renforcer leur coopération.", "AGREE MAR ESP 2024-03-12"},
		{"fr", "La Mauritanie et l'Union européenne ont signé lundi un accord migratoire.", "SUPPORT MRT EU 2024-03-11"},
		// A French direct object after the verb, with no preposition.
		{"fr", "Le Maroc a appelé mardi l'Union européenne à renforcer son soutien.", "REQUEST MAR EU 2024-03-12"},
		{"fr", "Le ministre sénégalais a exhorté lundi l'Espagne à ouvrir des voies légales.", "REQUEST SEN ESP 2024-03-11"},
		// The passé simple of wire copy and the Spanish present of news.
		{"fr", "La Marine nationale sénégalaise intercepta mardi une pirogue transportant 200 migrants.", "COERCE SEN SEN 2024-03-12"},
		{"fr", "Le ministre marocain s'entretint mardi avec son homologue espagnol.", "CONSULT MAR ESP 2024-03-12"},
		{"fr", "La Gendarmerie royale démantela lundi un réseau de passeurs.", "COERCE MAR MAR 2024-03-11"},
		{"es", "España y Mauritania firman este martes un memorando sobre migración.", "SUPPORT ESP MRT 2024-03-12"},
		{"es", "La Policía Nacional detiene a cinco personas en Almería.", "COERCE ESP ESP "},
		// "La semaine dernière", "la semana pasada": the calendar week before (the 14th is a
		// Thursday).
		{"fr", "La police espagnole a arrêté la semaine dernière à Algésiras six passeurs.", "COERCE ESP ESP 2024-03-04/2024-03-10"},
		{"es", "La Guardia Civil detuvo la semana pasada a seis personas en Almería.", "COERCE ESP ESP 2024-03-04/2024-03-10"},
		{"es", "La Policía Nacional ha detenido esta semana a seis personas en Motril.", "COERCE ESP ESP 2024-03-11/2024-03-14"},
		// The first part of a year: "les neuf premiers mois de l'année", "el primer semestre".
		{"fr", "Nouakchott affirme avoir intercepté 5 600 migrants au cours des neuf premiers mois de l'année.", "COERCE MRT MRT 2024-01-01/2024-09-30"},
		{"es", "Marruecos interceptó a 40.000 migrantes en los primeros seis meses de 2023.", "COERCE MAR MAR 2023-01-01/2023-06-30"},
		{"es", "Las autoridades marroquíes detuvieron a 300 traficantes en el primer trimestre del año.", "COERCE MAR MAR 2024-01-01/2024-03-31"},
		{"fr", "La Marine royale a secouru 3 000 migrants au premier trimestre.", "AID MAR MAR 2024-01-01/2024-03-31"},
		// A relative clause after the people acted on tells of others.
		{"fr", "La police espagnole a arrêté lundi six membres d'un réseau qui facilitait l'entrée de migrants marocains.", "COERCE ESP ESP 2024-03-11"},
		{"es", "La Guardia Civil detuvo el lunes a seis miembros de una red que introducía a migrantes argelinos.", "COERCE ESP ESP 2024-03-11"},
		// Deploying police or troops at home (MOBILIZE), active and passive.
		{"es", "El Ministerio del Interior ha desplegado este martes 200 agentes en la frontera de Ceuta.", "MOBILIZE ESP ESP 2024-03-12"},
		{"fr", "Les autorités marocaines ont déployé lundi un important dispositif sécuritaire à Fnideq.", "MOBILIZE MAR MAR 2024-03-11"},
		{"fr", "Nador - Quelque 500 éléments des Forces auxiliaires ont été déployés dimanche le long de la clôture.", "MOBILIZE MAR MAR 2024-03-10"},
		// A noun after a light verb is the verb's act: "a procédé à l'arrestation".
		{"fr", "La Gendarmerie royale a procédé lundi à l'arrestation de cinq passeurs.", "COERCE MAR MAR 2024-03-11"},
		{"es", "La Policía Nacional ha procedido este lunes a la detención de cinco personas.", "COERCE ESP ESP 2024-03-11"},
		// The two bodies joined before a joint act are its sides.
		{"fr", "La Guardia Civil et la Marine sénégalaise ont mené lundi des patrouilles conjointes au large de Dakar.", "COOPERATE ESP SEN 2024-03-11"},
		{"es", "La Guardia Civil y la Guardia Costera mauritana realizaron el lunes patrullas conjuntas.", "COOPERATE ESP MRT 2024-03-11"},
		// "Por", "par" after an active verb gives a cause, not an agent.
		{"es", "El ministro español se felicitó el martes por la cooperación con Marruecos.", "SUPPORT ESP MAR 2024-03-12"},
		{"fr", "Le ministre marocain a exprimé sa satisfaction mardi pour la coopération avec l'Espagne.", "SUPPORT MAR ESP 2024-03-12"},
		// Equipment handed over (AID).
		{"fr", "L'Espagne a remis lundi au Maroc 130 véhicules tout-terrain.", "AID ESP MAR 2024-03-11"},
		{"es", "España ha entregado este lunes a Mauritania dos patrulleras.", "AID ESP MRT 2024-03-11"},
		// A relative clause after "con", "avec": the act is between the sides told before it.
		{"es", "El ministro español recibió el viernes a su homólogo senegalés, con quien firmó un memorando de entendimiento.", "SUPPORT ESP SEN 2024-03-08"},
		{"fr", "Le ministre marocain a reçu lundi son homologue espagnol, avec lequel il a signé un accord de coopération.", "SUPPORT MAR ESP 2024-03-11"},
		// A meeting noun with its day and place before "entre"; an agreement in another clause
		// does not make the meeting one to come.
		{"fr", "Une rencontre a eu lieu lundi à Alger entre le ministre algérien de l'Intérieur et la secrétaire d'État espagnole.", "CONSULT DZA ESP 2024-03-11"},
		{"es", "La reunión del martes en Rabat entre el ministro español y su homólogo marroquí fue fructífera.", "CONSULT ESP MAR 2024-03-12"},
		{"fr", "L'Algérie a accepté de reprendre les rapatriements, à l'issue d'une rencontre lundi à Alger entre le ministre algérien et la secrétaire d'État espagnole.", "CONSULT DZA ESP 2024-03-11"},
		// A quotation just after a verb of saying is its object, and names its target.
		{"fr", "La ministre espagnole a salué mercredi « l'engagement constant des autorités marocaines ».", "SUPPORT ESP MAR 2024-03-13"},
		{"es", "La ministra española elogió el miércoles \"el compromiso constante de las autoridades marroquíes\".", "SUPPORT ESP MAR 2024-03-13"},
		{"fr", "Le ministre marocain a dénoncé lundi « l'attitude hostile de l'Algérie ».", "ACCUSE MAR DZA 2024-03-11"},
		{"es", "El ministro marroquí criticó el lunes \"la actitud hostil de Argelia\".", "ACCUSE MAR DZA 2024-03-11"},
		// A call named by a noun after a light verb.
		{"es", "El ministro español mantuvo el martes una conversación telefónica con su homólogo marroquí.", "CONSULT ESP MAR 2024-03-12"},
	}
	for _, tc := range tests {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	// Intentions, negations and conditions stay no event.
	for _, tc := range []struct{ lang, text string }{
		{"es", "Once personas no han sido arrestadas en Ceuta."},
		{"fr", "Aucun passeur n'a été interpellé à Tanger."},
		// An infinitive of aim or wish, and an act named by an undated noun, are no events.
		{"es", "La Guardia Civil quiere detener a los responsables."},
		{"es", "Marruecos refuerza la vigilancia para interceptar las pateras."},
		{"fr", "La Marine royale veut intercepter les embarcations."},
		{"fr", "La lutte contre l'émigration passe par le démantèlement des réseaux."},
		{"es", "El Gobierno defiende la repatriación de los menores."},
		// An act named by a noun that an agreement names is agreed, not done.
		{"fr", "L'Algérie a accepté de reprendre lundi les rapatriements de ses ressortissants."},
		{"es", "Argelia aceptó el lunes reanudar las repatriaciones de sus nacionales."},
		// A quotation that opens further on is not the object of the verb.
		{"es", "El ministro español elogió el martes la labor de la Guardia Civil y añadió: \"Marruecos es un socio fiable\"."},
		// A meeting that an agreement names is to come, not held.
		{"es", "Los dos ministros acordaron celebrar una nueva reunión del grupo permanente hispano-marroquí."},
		{"fr", "Les deux pays sont convenus de tenir une nouvelle réunion du groupe mixte maroco-espagnol."},
		// Handing over what is no help between states.
		{"fr", "Le ministre a remis son rapport au Parlement."},
		{"es", "El detenido entregó a la Policía su pasaporte."},
		// A total over months with no one named who acts is a statistic, not an act.
		{"fr", "Le ministère a indiqué que 1 470 candidats avaient été interceptés durant les quatre premiers mois de l'année."},
		{"es", "Un total de 4.000 migrantes fueron interceptados en los primeros cuatro meses del año."},
		// A deployment promised, or a body described by its participle, is no act done.
		{"es", "El Gobierno desplegará cien agentes más en Melilla."},
		{"fr", "Le dispositif déployé à la frontière reste en place."},
		// A joint act that an agreement names is what was agreed, not an act done.
		{"fr", "Les deux pays sont convenus d'intensifier les patrouilles mixtes."},
		{"es", "Los dos países acordaron reforzar las patrullas conjuntas."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangAwayHome checks the country of a body named without one in a report that never
// names the home country of its language's press: the country the report names most.
func TestLangAwayHome(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le Sénégal a décrété un deuil national. La Marine nationale a secouru lundi 84 passagers, des Sénégalais pour la plupart.", "AID SEN SEN"},
		{"es", "Senegal ha decretado tres días de luto. La Armada ha rescatado el lunes a 84 pasajeros, senegaleses en su mayoría.", "AID SEN SEN"},
		// The home country named once: its offices, whatever the report names most.
		{"fr", "Le Sénégal a décrété un deuil national. La Marine nationale a secouru lundi 84 passagers sénégalais au large de Tarfaya, au Maroc.", "AID MAR SEN"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
}

// TestLangEventsClauses codes acts whose words stand apart in the clause: time and place
// between a verb and its object, an incise inside the verb, a modal of ability, a participle
// clause, a pronoun or a title for the subject, both sides named by "les deux parties".
func TestLangEventsClauses(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		// Time and place between a verb of hosting and its guest.
		{"fr", "Le président mauritanien a reçu mardi à Nouakchott le ministre espagnol de l'Intérieur.", "CONSULT MRT ESP"},
		{"es", "El presidente mauritano recibió el martes en Nuakchot al ministro español del Interior.", "CONSULT MRT ESP"},
		{"fr", "Rabat, 3 mars (MAP) – Le ministre de l'Intérieur, le général Karim Alaoui, a reçu lundi à Rabat le commissaire européen aux Affaires intérieures et à la Migration, Piet Janssen, pour faire le point.", "CONSULT MAR EU"},
		{"es", "Rabat, 3 mar (EFE).- El ministro del Interior, el general Karim Alaui, recibió el lunes en Rabat al comisario europeo de Asuntos Internos y de Migración, Piet Janssen, para hacer balance.", "CONSULT MAR EU"},
		// A modal of ability: the act is done.
		{"fr", "Les garde-côtes marocains ont pu secourir lundi douze migrants.", "AID MAR MAR"},
		{"es", "Salvamento Marítimo ha podido rescatar el lunes a doce migrantes.", "AID ESP ESP"},
		// An incise between the auxiliary and the participle.
		{"fr", "L'Algérie a, de son côté, dénoncé lundi l'attitude du Maroc.", "ACCUSE DZA MAR"},
		{"es", "Argelia ha, por su parte, criticado el lunes la actitud de Marruecos.", "ACCUSE DZA MAR"},
		// Rejecting accusations.
		{"fr", "Le gouvernement marocain a rejeté ces accusations de l'Algérie.", "REJECT MAR DZA"},
		{"es", "El Gobierno marroquí rechazó estas acusaciones de Argelia.", "REJECT MAR DZA"},
		// A call in a participle clause, and a pronoun subject: the last actor named.
		{"fr", "Le ministre espagnol a salué l'engagement du Maroc, tout en appelant Rabat à renforcer les contrôles.", "REQUEST ESP MAR"},
		{"es", "El ministro español elogió el compromiso de Marruecos, instando a Rabat a reforzar los controles.", "REQUEST ESP MAR"},
		{"fr", "Le président sénégalais, Amadou Fall, a souligné les progrès accomplis. Il a appelé l'Union européenne à financer le programme.", "REQUEST SEN EU"},
		{"es", "El presidente senegalés, Amadou Fall, subrayó los progresos logrados. Él pidió a la Unión Europea financiar el programa.", "REQUEST SEN EU"},
		// A title alone for the subject, a quotation for its object.
		{"fr", "Le ministre marocain a rencontré lundi à Rabat son homologue espagnol. Le ministre espagnol a salué « l'engagement constant du Royaume ».", "SUPPORT ESP MAR"},
		{"fr", "Le ministre a reçu lundi le commissaire européen aux Affaires intérieures, Piet Janssen. Le commissaire européen a salué « les efforts remarquables » des autorités marocaines.", "SUPPORT EU MAR"},
		{"es", "El ministro recibió el lunes al comisario europeo de Asuntos Internos, Piet Janssen. El comisario europeo elogió \"los esfuerzos notables\" de las autoridades marroquíes.", "SUPPORT EU MAR"},
		// Both sides of the meeting told before.
		{"fr", "Le ministre marocain a rencontré lundi à Rabat son homologue espagnol. Les deux parties ont convenu de renforcer la coopération.", "AGREE MAR ESP"},
		{"es", "El ministro marroquí se reunió el lunes en Rabat con su homólogo español. Ambas partes acordaron reforzar la cooperación.", "AGREE MAR ESP"},
		// A body its name's adjective places, with an incise, in the present tense: it
		// denounces its own state when it names no one.
		{"fr", "Le Forum marocain pour les droits sociaux (FMDS) a, de son côté, dénoncé mardi des « expulsions collectives » vers les frontières algérienne et mauritanienne.", "ACCUSE MAR MAR"},
		{"es", "El Foro marroquí de derechos sociales ha, por su parte, denunciado el martes \"expulsiones colectivas\" hacia la frontera argelina.", "ACCUSE MAR MAR"},
		{"fr", "L'Association mauritanienne des droits de l'homme (AMDH) accuse les autorités de « traitements inhumains ».", "ACCUSE MRT MRT"},
		{"es", "La Asociación mauritana de derechos humanos acusa a las autoridades de \"tratos inhumanos\".", "ACCUSE MRT MRT"},
		// Accusations told before: their author is the target of their rejection.
		{"fr", "L'Association mauritanienne des droits de l'homme accuse les autorités de « traitements inhumains ». Le ministre mauritanien de l'Intérieur, Ahmed Salem, a rejeté ces accusations vendredi.", "REJECT MRT MRT"},
		{"es", "La Asociación mauritana de derechos humanos acusa a las autoridades de \"tratos inhumanos\". El ministro mauritano del Interior, Ahmed Salem, rechazó estas acusaciones el viernes.", "REJECT MRT MRT"},
		// The destination of a deportation is not its target.
		{"fr", "La Mauritanie a expulsé des centaines de migrants, reconduits aux frontières du Sénégal et du Mali.", "COERCE MRT MRT"},
		{"es", "España devolvió a Marruecos a 1.430 personas en 2023.", "COERCE ESP ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	// Accusations that no one made before, a modal of ability in the present: no act.
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Le ministre marocain a rejeté ces accusations."},
		{"es", "El ministro marroquí rechazó estas acusaciones."},
		{"fr", "La Marine royale peut secourir les migrants."},
		{"es", "Salvamento Marítimo puede rescatar a los migrantes."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangQuoteTitles resolves speakers that a title or a pronoun names: a title alone is
// the person of that title and gender named before, a long title and a rank before the name
// in an inverted attribution name that person.
func TestLangQuoteTitles(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, quote, speaker string }{
		{"fr", "Le ministre de l'Intérieur, Karim Alaoui, a reçu lundi son homologue italienne, Giulia Rossi. Le ministre a réaffirmé que le Maroc restait « un pays de transit ».", "un pays de transit", "Karim Alaoui"},
		{"fr", "La ministre de l'Intérieur, Leïla Alaoui, a reçu lundi son homologue italien, Marco Rossi. La ministre a réaffirmé que le Maroc restait « un pays de transit ».", "un pays de transit", "Leïla Alaoui"},
		{"es", "El ministro del Interior, Karim Alaui, recibió el lunes a la ministra italiana, Giulia Rossi. El ministro reafirmó que Marruecos seguía siendo \"un país de tránsito\".", "un país de tránsito", "Karim Alaui"},
		{"fr", "« Les recherches se poursuivent avec l'appui d'un hélicoptère », a précisé le chargé de communication de la Protection civile d'Oran, le lieutenant Karim Bensalah.", "Les recherches se poursuivent avec l'appui d'un hélicoptère", "Karim Bensalah"},
		{"es", "\"La búsqueda continúa con el apoyo de un helicóptero\", precisó el responsable de comunicación de Protección Civil de Almería, el teniente Karim Benítez.", "La búsqueda continúa con el apoyo de un helicóptero", "Karim Benítez"},
		// A region named after its noun, before the holder's name, is no person.
		{"fr", "Le wali de la région Tanger-Tétouan-Al Hoceïma, Karim Alaoui, avait souligné lundi que « le Maroc assume ses responsabilités ».", "le Maroc assume ses responsabilités", "Karim Alaoui"},
		{"es", "El presidente de la comunidad Castilla-La Mancha, Emiliano García, subrayó el lunes que \"España cumple sus compromisos\".", "España cumple sus compromisos", "Emiliano García"},
	} {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		found := false
		for _, q := range got.Quotes {
			if q.Text == tc.quote {
				found = true
				if q.Speaker.Name != tc.speaker {
					t.Errorf("%q: speaker %q, want %q", tc.text, q.Speaker.Name, tc.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%q: no quote %q in %+v", tc.text, tc.quote, got.Quotes)
		}
	}
}

// wantEvent checks that the events of a one-sentence report in lang, published 2024-03-14,
// include want, written "TYPE SOURCE TARGET", and with dated " DATE" (the date the text gives,
// empty for one inferred from the publication).
// wantNoEvent fails unless text, published on 14 March 2024, gives no event.
func wantNoEvent(t *testing.T, x *Extractor, lang, text string) {
	t.Helper()
	if got := x.Extract(langDoc(lang, "2024-03-14", text)); len(got.Events) != 0 {
		t.Errorf("%q: events %+v, want none", text, got.Events)
	}
}

func wantEvent(t *testing.T, x *Extractor, lang, text, want string, dated bool) {
	t.Helper()
	var have []string
	for _, e := range x.Extract(langDoc(lang, "2024-03-14", text)).Events {
		h := e.Type + " " + e.Source.Actor + " " + e.Target.Actor
		if dated {
			d := ""
			if e.Date != nil && !e.DateInferred {
				d = *e.Date
			}
			h += " " + d
		}
		have = append(have, h)
	}
	if !slices.Contains(have, want) {
		t.Errorf("%q: events %q, want %q", text, have, want)
	}
}

// TestLangEventsCivilSociety codes the acts of words of associations and regional officials:
// a non-governmental body acts for the country it works from (codebook 3), a demand or
// criticism on another body of one's own state stays within that state, and two sides joined
// by "y" or "et" are each a target.
func TestLangEventsCivilSociety(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		// A body that the gazetteer lists with no country: the place in its name, else the dateline.
		{"es", "MÁLAGA, 5 Mar. (EFE) - La Asociación Pro Derechos Humanos de Andalucía ha pedido a la Comisión Europea que revise los fondos.", "REQUEST ESP EU"},
		{"es", "GRANADA, 5 Mar. (EFE) - La APDHA ha criticado a la Unión Europea por su pacto migratorio.", "ACCUSE ESP EU"},
		{"fr", "Rabat, 5 mars (MAP) - Amnesty International a appelé l'Union européenne à suspendre son aide.", "REQUEST MAR EU"},
		// A common noun for the body named before.
		{"es", "MADRID, 5 Mar. (EFE) - Caminando Fronteras presentó su balance. La ONG pide a Bruselas una misión de rescate.", "REQUEST ESP EU"},
		{"fr", "Rabat, 5 mars (MAP) - Amnesty International a publié son rapport. L'ONG réclame à l'Union européenne une enquête.", "REQUEST MAR EU"},
		// A demand or criticism on another body of the source's own state.
		{"es", "El presidente del Cabildo de Lanzarote, Óscar Medina Pérez, reclamó al Gobierno español más medios.", "REQUEST ESP ESP"},
		{"es", "SEVILLA, 5 Mar. (EFE) - La APDHA ha exigido al Ministerio del Interior que cese las devoluciones.", "REQUEST ESP ESP"},
		{"fr", "Le président de la région de l'Oriental, Karim Bennani, a critiqué le gouvernement marocain pour son silence.", "ACCUSE MAR MAR"},
		// Members or sources of a body speak for it; a rejection of the criticism told before.
		{"es", "SEVILLA, 5 Mar. (EFE) - La APDHA ha denunciado al Gobierno español. Fuentes del Ministerio del Interior han rechazado las críticas.", "REJECT ESP ESP"},
		{"fr", "Le Forum marocain des droits sociaux a dénoncé le gouvernement marocain. Des sources du ministère de l'Intérieur marocain ont rejeté les critiques.", "REJECT MAR MAR"},
		{"es", "MADRID, 5 Mar. (EFE) - La organización Caminando Fronteras reprocha a Salvamento Marítimo su lentitud.", "ACCUSE ESP ESP"},
		// A demand made again is a demand made; a national body's demand that names no one
		// falls on its own state.
		{"es", "La alcaldesa de Melilla, Sara Gómez Vidal, volvió a pedir al Gobierno español más agentes.", "REQUEST ESP ESP"},
		{"fr", "L'Association marocaine des droits humains réclame l'ouverture d'une enquête indépendante.", "REQUEST MAR MAR"},
		{"es", "La Asociación marroquí de derechos humanos reclama una investigación independiente.", "REQUEST MAR MAR"},
		// A regional police force is its state's: the agent of a passive.
		{"es", "La banda fue desarticulada el pasado mes por los Mossos d'Esquadra en Girona.", "COERCE ESP ESP"},
		// A second verb joined by "y", "et" shares the subject, even when its first act
		// repeats one already coded.
		{"es", "MADRID, 5 Mar. (EFE) - Caminando Fronteras critica a Salvamento Marítimo. La ONG critica además a Salvamento Marítimo su lentitud y pide a Bruselas una misión de rescate.", "REQUEST ESP EU"},
		{"fr", "Le Forum marocain des droits sociaux dénonce les autorités marocaines et réclame à l'Union européenne une enquête.", "REQUEST MAR EU"},
		// A court acts for the state of its seat, else of the dateline; its sentence on
		// people of no stated state falls on that state.
		{"es", "La Audiencia de Sevilla ha condenado a diez años de prisión a tres miembros de una red de tráfico.", "ACCUSE ESP ESP"},
		{"fr", "Le tribunal de Tanger a condamné à cinq ans de prison deux membres d'un réseau de passeurs.", "ACCUSE MAR MAR"},
		{"es", "MÁLAGA, 5 Mar. (EFE) - El tribunal ha condenado a dos patrones de patera.", "ACCUSE ESP ESP"},
		// Unnamed people of one stated nationality, the subject of a passive, are its target.
		{"es", "Un total de 40 ciudadanos marroquíes fueron repatriados el lunes por la Policía Nacional.", "COERCE ESP MAR"},
		{"fr", "Quelque 30 ressortissants sénégalais ont été expulsés lundi par la Gendarmerie royale.", "COERCE MAR SEN"},
		// Two targets joined by "y", "et".
		{"es", "El presidente de Canarias, Pedro Alonso Ruiz, pidió al Gobierno de España y a la Unión Europea más recursos.", "REQUEST ESP EU"},
		{"es", "El presidente de Canarias, Pedro Alonso Ruiz, pidió al Gobierno de España y a la Unión Europea más recursos.", "REQUEST ESP ESP"},
		{"fr", "Le ministre sénégalais, Amadou Fall, a appelé la Mauritanie et l'Union européenne à coopérer.", "REQUEST SEN MRT"},
		{"fr", "Le ministre sénégalais, Amadou Fall, a appelé la Mauritanie et l'Union européenne à coopérer.", "REQUEST SEN EU"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	// A body with no country of its own and no place or dateline to give one acts for no one.
	for _, tc := range []struct{ lang, text string }{
		{"es", "La APDHA ha pedido más transparencia."},
		{"fr", "Amnesty International a appelé à plus de transparence."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsDatelineOffices reads a national body named without its country, in the copy
// of a language whose press is that of several countries, as the dateline's country's, even
// when another language's list of names gives it to France; a Spanish body Spain has none of
// ("la Gendarmería") is the dateline's too.
func TestLangEventsDatelineOffices(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Thiès, 4 mars (APS) - La Gendarmerie nationale a arrêté lundi six passeurs présumés.", "COERCE SEN SEN"},
		{"fr", "Nouakchott, 4 mars (AMI) - La Gendarmerie nationale a interpellé mardi 40 migrants. Mercredi, l'état-major a déployé trois patrouilleurs.", "MOBILIZE MRT MRT"},
		{"es", "DAKAR, 4 Mar. (EFE).- La Gendarmería detuvo el lunes a seis presuntos traficantes.", "COERCE SEN SEN"},
		// No dateline, or one in the body's own country: the names as listed.
		{"fr", "La Gendarmerie nationale a arrêté lundi six passeurs présumés à Calais.", "COERCE FRA FRA"},
		{"fr", "Thiès, 4 mars (APS) - La Gendarmerie royale a arrêté lundi six passeurs présumés.", "COERCE MAR MAR"},
		{"es", "ALMERÍA, 4 Mar. (EFE).- La Guardia Civil detuvo el lunes a seis presuntos traficantes.", "COERCE ESP ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text, not string }{
		{"fr", "Thiès, 4 mars (APS) - La Gendarmerie nationale a arrêté lundi six passeurs présumés.", "COERCE FRA FRA"},
		{"es", "DAKAR, 4 Mar. (EFE).- La Gendarmería detuvo el lunes a seis presuntos traficantes.", "COERCE ESP ESP"},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type+" "+e.Source.Actor+" "+e.Target.Actor == tc.not {
				t.Errorf("%q: event %s", tc.text, tc.not)
			}
		}
	}
}

// TestLangEventsJoinedVerbAfterObject gives a verb joined by "et", "y" to a meeting the
// meeting's subject, not the person met, and finds the side met after a long title.
func TestLangEventsJoinedVerbAfterObject(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le ministre sénégalais de l'Intérieur, Amadou Fall, s'est entretenu le même jour avec la cheffe de mission de l'OIM au Sénégal, Laura Bianchi Conti, et a appelé les autorités mauritaniennes à rouvrir la frontière.", "REQUEST SEN MRT"},
		{"fr", "Le ministre sénégalais de l'Intérieur, Amadou Fall, s'est entretenu le même jour avec la cheffe de mission de l'OIM au Sénégal, Laura Bianchi Conti, et a appelé les autorités mauritaniennes à rouvrir la frontière.", "CONSULT SEN IOM"},
		{"es", "El ministro español del Interior, Pedro Alonso Ruiz, se reunió el martes con la jefa de misión de la OIM en España, Laura Bianchi Conti, y pidió a las autoridades marroquíes más controles.", "REQUEST ESP MAR"},
		{"es", "El ministro español del Interior, Pedro Alonso Ruiz, se reunió el martes con la jefa de misión de la OIM en España, Laura Bianchi Conti, y pidió a las autoridades marroquíes más controles.", "CONSULT ESP IOM"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text, not string }{
		{"fr", "Le ministre sénégalais de l'Intérieur, Amadou Fall, s'est entretenu le même jour avec la cheffe de mission de l'OIM au Sénégal, Laura Bianchi Conti, et a appelé les autorités mauritaniennes à rouvrir la frontière.", "REQUEST IOM MRT"},
		{"es", "El ministro español del Interior, Pedro Alonso Ruiz, se reunió el martes con la jefa de misión de la OIM en España, Laura Bianchi Conti, y pidió a las autoridades marroquíes más controles.", "REQUEST IOM MAR"},
		// A new subject after "et" is its verb's own.
		{"fr", "Le ministre sénégalais, Amadou Fall, a reçu mardi le commissaire européen, Piet Janssen, et ce dernier a appelé la Mauritanie à coopérer.", "REQUEST SEN MRT"},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type+" "+e.Source.Actor+" "+e.Target.Actor == tc.not {
				t.Errorf("%q: event %s", tc.text, tc.not)
			}
		}
	}
}

// TestLangEventsPromiseDate dates a commitment by when it was made, not by the date of the act
// committed to.
func TestLangEventsPromiseDate(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le ministre marocain, Karim Alaoui, a reçu lundi son homologue belge. Les deux parties sont convenues de réunir un groupe de travail à Bruxelles en février.", "AGREE MAR BEL 2024-03-11"},
		{"es", "El ministro marroquí, Karim Alaoui, recibió el lunes a su homólogo español. Ambas partes se comprometieron a celebrar una nueva reunión en febrero.", "AGREE MAR ESP 2024-03-11"},
		// A date before the act committed to is the commitment's.
		{"fr", "Le ministre marocain, Karim Alaoui, a reçu lundi son homologue belge. Les deux parties sont convenues mardi de réunir un groupe de travail.", "AGREE MAR BEL 2024-03-12"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangEventsPrisonSentence codes a court's sentence to prison as a detention as well as an
// accusation; a sentence to anything else, or a condemnation of prisons, is no detention.
func TestLangEventsPrisonSentence(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le tribunal de première instance de Tanger a condamné mardi cinq passeurs à des peines allant de deux à dix ans de prison ferme.", "COERCE MAR MAR 2024-03-12"},
		{"fr", "Le tribunal de première instance de Tanger a condamné mardi cinq passeurs à des peines allant de deux à dix ans de prison ferme.", "ACCUSE MAR MAR 2024-03-12"},
		{"es", "La Audiencia de Sevilla condenó el martes a ocho años de prisión a dos patrones de patera.", "COERCE ESP ESP 2024-03-12"},
		{"es", "La Audiencia de Sevilla condenó el martes a ocho años de prisión a dos patrones de patera.", "ACCUSE ESP ESP 2024-03-12"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, text := range []struct{ lang, text string }{
		{"fr", "Le tribunal de Tanger a condamné mardi cinq passeurs à une amende de 10 000 dirhams."},
		{"fr", "L'Association marocaine des droits humains a dénoncé les conditions de détention des migrants en prison."},
		{"es", "La Audiencia de Sevilla condenó el martes a dos patrones de patera a pagar una multa."},
	} {
		for _, e := range x.Extract(langDoc(text.lang, "2024-03-14", text.text)).Events {
			if e.Type == "COERCE" {
				t.Errorf("%q: %s %s %s, want no detention", text.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
}

// TestLangEventsRejectAtMeeting reads "écarter", "descartar" as rejections, and gives a
// rejection of a thing that names no one the other side of the meeting told before; with no
// meeting it has no target and is no event.
func TestLangEventsRejectAtMeeting(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le ministre marocain, Karim Alaoui, a reçu lundi son homologue belge, Jan Peeters. Le ministre marocain a, pour sa part, écarté toute idée de retours forcés.", "REJECT MAR BEL"},
		{"es", "El ministro marroquí, Karim Alaoui, recibió el lunes a su homólogo español, Pedro Alonso Ruiz. El ministro marroquí descartó cualquier devolución colectiva.", "REJECT MAR ESP"},
		{"es", "El ministro marroquí, Karim Alaoui, recibió el lunes a su homólogo español, Pedro Alonso Ruiz. El ministro marroquí rechazó ese calendario.", "REJECT MAR ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Le ministre marocain a écarté toute idée de retours forcés."},
		{"es", "El ministro marroquí rechazó ese calendario."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsPossessiveOffice gives an office after a possessive ("su Guardia Costera",
// "leur Marine nationale") to the state named before it in the sentence, not to the home
// country of the language's press.
func TestLangEventsPossessiveOffice(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Las autoridades argelinas aseguran, por su parte, que su Guardia Costera impidió en febrero 1.260 intentos de salida.", "COERCE DZA DZA"},
		{"fr", "Les autorités mauritaniennes affirment, pour leur part, que leur Marine nationale a intercepté en février 900 migrants.", "COERCE MRT MRT"},
		// No state named before the possessive: the office as before.
		{"es", "Salvamento Marítimo informó de que su Guardia Civil detuvo a dos patrones.", "COERCE ESP ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	if got := x.Extract(langDoc("es", "2024-03-14", "Las autoridades argelinas aseguran que su Guardia Costera impidió en febrero 1.260 intentos de salida.")); len(got.Events) > 0 && got.Events[0].Source.Actor == "ESP" {
		t.Errorf("Algeria's coast guard read as Spain's: %+v", got.Events[0])
	}
}

// TestLangEventsYearTally reads a count over a whole year with no state named as its agent as
// a statistic, not an act; a body named as the agent still acts.
func TestLangEventsYearTally(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text string }{
		{"fr", "La Gendarmerie royale a présenté lundi son bilan. L'an dernier, les services de sécurité avaient déjoué 65 300 tentatives d'émigration irrégulière."},
		{"es", "La Guardia Civil presentó el lunes su balance. El año pasado, se interceptaron 52.000 migrantes en el Estrecho."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			t.Errorf("%q: event %s %s %s, want none", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
		}
	}
	wantEvent(t, x, "fr", "L'an dernier, la Gendarmerie royale a arrêté 1 200 passeurs présumés.", "COERCE MAR MAR", false)
}

// TestLangEventsRound3 codes the constructions of issue 14's third round of Spanish events:
// two bodies joined with a repeated preposition are the sides of a joint act, a verb joined
// to a word act is dated by it, an agentless sentence that goes on with a balance is no act,
// and a police association is a national body.
func TestLangEventsRound3(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text, want string
		dated            bool
	}{
		{"es", "Unidades de la Gendarmería Real y de la Guardia Civil realizaron el sábado patrullas conjuntas frente a Tánger.", "COOPERATE MAR ESP", false},
		{"fr", "Des unités de la Gendarmerie royale et de la Guardia Civil ont mené samedi des patrouilles conjointes au large de Tanger.", "COOPERATE MAR ESP", false},
		{"es", "DAKAR, 5 Mar. (EFE) - Patrulleras de la Marina senegalesa y de la Guardia Civil interceptaron el domingo una piragua en el marco de la operación conjunta que ambos países desarrollan con el apoyo de Frontex.", "COOPERATE SEN ESP", false},
		{"es", "MADRID, 5 Mar. (EFE) - La APDHA denunció el martes el bloqueo del sistema, que tramitó entre enero y junio 9.000 expedientes, y reclamó al Gobierno que contrate más personal.", "REQUEST ESP ESP 2024-03-12", true},
		{"fr", "Rabat, 5 mars (MAP) - L'AMDH a dénoncé mardi la saturation des centres, qui ont accueilli entre janvier et juin 9 000 personnes, et a réclamé au gouvernement marocain davantage de moyens.", "REQUEST MAR MAR 2024-03-12", true},
		{"es", "MADRID, 5 Mar. (EFE) - La AUGC ha criticado en un comunicado que el puesto carece de agentes y ha reclamado al Ministerio del Interior más efectivos.", "ACCUSE ESP ESP", false},
		{"es", "MADRID, 5 Mar. (EFE) - La AUGC ha criticado en un comunicado que el puesto carece de agentes y ha reclamado al Ministerio del Interior más efectivos.", "REQUEST ESP ESP", false},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, tc.dated)
	}
	for _, tc := range []struct{ lang, text, not string }{
		// One body with a supporter: no cooperation between the body and a second state.
		{"es", "Patrulleras de la Guardia Civil interceptaron el sábado dos cayucos frente a Dakar.", "COOPERATE"},
		// A sentence that goes on with a balance over a span adds to its figures.
		{"es", "ALGECIRAS, 5 Mar. (EFE) - Desde enero, los equipos mixtos han permitido la detención de 143 personas. Además, se han intervenido 27 embarcaciones.", "COERCE"},
		{"fr", "Tanger, 5 mars (MAP) - Depuis janvier, les équipes mixtes ont permis l'arrestation de 143 personnes. Par ailleurs, 27 embarcations ont été saisies.", "COERCE"},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			d := ""
			if e.Date != nil {
				d = " " + *e.Date
			}
			if h := e.Type + " " + e.Source.Actor + " " + e.Target.Actor + d; strings.HasPrefix(h, tc.not) {
				t.Errorf("%q: event %s, want none like %q", tc.text, h, tc.not)
			}
		}
	}
	// The agency of the sentence still acts after "Además".
	wantEvent(t, x, "es", "ALGECIRAS, 5 Mar. (EFE) - Desde enero, los equipos mixtos han permitido la detención de 143 personas. Además, la Guardia Civil ha intervenido 27 embarcaciones.", "COERCE ESP ESP", false)
}

// TestLangEventsTitleRelative codes the act of a relative clause after a quotation's
// attribution to a bare title: "…», reconoció el ministro, que pidió", "a reconnu le
// ministre, qui a appelé". The title is the holder named before.
func TestLangEventsTitleRelative(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "DAKAR, 5 Mar. (EFE) - El ministro senegalés del Interior, Birame Diouf, visitó el puerto. \"La cooperación es ejemplar\", reconoció el ministro, que pidió no obstante a la Unión Europea más fondos.", "REQUEST SEN EU"},
		{"es", "RABAT, 5 Mar. (EFE) - El ministro marroquí del Interior, Karim Alaoui, recibió a la prensa. \"Hacemos lo que podemos\", dijo el ministro, quien reclamó a España más medios.", "REQUEST MAR ESP"},
		{"fr", "Dakar, 5 mars (APS) - Le ministre sénégalais de l'Intérieur, Birame Diouf, a visité le port. « La coopération est exemplaire », a reconnu le ministre, qui a toutefois appelé l'Union européenne à ouvrir des voies légales.", "REQUEST SEN EU"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text string }{
		// A relative clause that tells no act.
		{"es", "DAKAR, 5 Mar. (EFE) - El ministro senegalés del Interior, Birame Diouf, visitó el puerto. \"La cooperación es ejemplar\", reconoció el ministro, que llegó el lunes a la capital."},
		// A title after a verb that is no speech verb.
		{"fr", "Dakar, 5 mars (APS) - Le ministre sénégalais de l'Intérieur, Birame Diouf, est arrivé lundi. Le port a accueilli le ministre, qui a appelé l'Union européenne à agir."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type == "REQUEST" {
				t.Errorf("%q: event %s %s %s, want no request", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
}

// TestLangEventsBodyRoleJoined codes a demand in a verb joined to another, whose subject heads
// the sentence as a role of the body named before: "La responsable de la organización
// lamentó … y pidió", "La présidente de l'association a regretté … et a appelé".
func TestLangEventsBodyRoleJoined(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "MADRID, 5 Mar. (EFE) - CEAR presentó su informe el martes. La responsable de la organización lamentó las devoluciones y pidió a la Comisión Europea que vigile su aplicación.", "REQUEST ESP EU"},
		{"fr", "Rabat, 5 mars (MAP) - L'AMDH a publié son rapport mardi. La présidente de l'association a regretté les expulsions et a appelé l'Union européenne à réagir.", "REQUEST MAR EU"},
		{"fr", "Rabat, 5 mars (MAP) - L'AMDH a publié son rapport mardi. L'ONG a regretté les expulsions et a appelé l'Union européenne à réagir.", "REQUEST MAR EU"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	// An actor named between the subject and the joined verb: the body is not read through it.
	for _, e := range x.Extract(langDoc("es", "2024-03-14", "MADRID, 5 Mar. (EFE) - CEAR presentó su informe el martes. La responsable de la organización llegó a Rabat y pidió a la Comisión Europea que vigile su aplicación.")).Events {
		if e.Type == "REQUEST" && e.Source.Actor == "ESP" {
			t.Errorf("event %s %s %s through Rabat, want none from the body", e.Type, e.Source.Actor, e.Target.Actor)
		}
	}
}

// TestLangEventsPledge codes an announced contribution as a promise of aid (AGREE): to the
// side it names, else, joined to a meeting, to the other side of the meeting.
func TestLangEventsPledge(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "El director de Frontex, Hans Leijtens, se reunió el lunes con el ministro senegalés, Birame Diouf, y anunció una aportación de 5 millones de euros para 2027.", "AGREE FRONTEX SEN"},
		{"fr", "Le directeur de Frontex, Hans Leijtens, s'est entretenu lundi avec le ministre sénégalais, Birame Diouf, et a annoncé une aide de 5 millions d'euros pour 2027.", "AGREE FRONTEX SEN"},
		{"es", "MADRID, 5 Mar. (EFE) - El Gobierno español anunció una ayuda de 5 millones de euros a Senegal para 2027.", "AGREE ESP SEN"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "El director de Frontex, Hans Leijtens, presentó el lunes su informe y anunció una aportación de 5 millones de euros."},
		{"fr", "Le directeur de Frontex, Hans Leijtens, a présenté lundi son rapport et a annoncé une aide de 5 millions d'euros."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type == "AGREE" {
				t.Errorf("%q: event %s %s %s, want no promise with no recipient", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
}

// TestLangEventsTriggerInName reads a trigger inside a capitalised name as part of the name
// of a place, body or programme, not as an act; the same words in lower case stay an act.
func TestLangEventsTriggerInName(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text string }{
		{"es", "ALGECIRAS, 5 Mar. (EFE) - El director de la Policía, Javier Ruiz Gil, visitó el martes el Centro de Cooperación Policial hispano-marroquí que opera en Algeciras desde 2022."},
		{"fr", "Tanger, 5 mars (MAP) - Le directeur de la DGSN, Karim Alaoui, a visité mardi le siège de l'Opération Conjointe Atlas, lancée à Tanger en 2022."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type == "COOPERATE" {
				t.Errorf("%q: event %s %s %s, want no cooperation from a name", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
	wantEvent(t, x, "es", "ALGECIRAS, 5 Mar. (EFE) - La Policía Nacional y la DGSN reforzaron el martes su cooperación policial en el Estrecho.", "COOPERATE ESP MAR", false)
	wantEvent(t, x, "fr", "Tanger, 5 mars (MAP) - La DGSN et la Guardia Civil ont mené mardi une opération conjointe dans le détroit.", "COOPERATE MAR ESP", false)
}

// TestLangEventsRelativeHomeGovernment codes the act of a relative clause whose antecedent is
// named before it ("du député X, du groupe …, qui a reproché", "del diputado X, …, que
// reprochó"), and reads a government named with no country as the home state's.
func TestLangEventsRelativeHomeGovernment(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Rabat, 5 mars (MAP) - La question émanait de la députée Samira Bennani, du groupe de l'Istiqlal, qui a reproché au gouvernement de négliger les jeunes.", "ACCUSE MAR MAR"},
		{"es", "MADRID, 5 Mar. (EFE) - La pregunta la formuló el diputado Jorge Ruiz Sanz, del grupo mixto, que reprochó al Gobierno su lentitud.", "ACCUSE ESP ESP"},
		{"fr", "Dakar, 5 mars (APS) - Le maire de Mbour, Ousmane Diallo, a appelé le gouvernement à agir.", "REQUEST SEN SEN"},
		// A country named after the government is read as such.
		{"fr", "Dakar, 5 mars (APS) - Le maire de Mbour, Ousmane Diallo, a appelé le gouvernement marocain à agir.", "REQUEST SEN MAR"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	// A government of a country named after "de" is that country's, never the home state's.
	for _, e := range x.Extract(langDoc("fr", "2024-03-14", "Dakar, 5 mars (APS) - Le maire de Mbour, Ousmane Diallo, a appelé le gouvernement du Maroc à agir.")).Events {
		if e.Target.Actor == "SEN" {
			t.Errorf("event %s %s %s, want the government of Morocco", e.Type, e.Source.Actor, e.Target.Actor)
		}
	}
}

// TestLangEventsUnnamedPeopleAsked codes a demand by a state's official on unnamed people as
// a demand within that state (codebook 3); a plural noun for states is no such people.
func TestLangEventsUnnamedPeopleAsked(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "fr", "Dakar, 5 mars (APS) - Le ministre de l'Intérieur, Mamadou Ndiaye, a appelé les chefs religieux à sensibiliser les jeunes.", "REQUEST SEN SEN", false)
	wantEvent(t, x, "es", "MADRID, 5 Mar. (EFE) - El ministro del Interior, Pedro Alonso Ruiz, pidió a los alcaldes que refuercen la acogida.", "REQUEST ESP ESP", false)
	for _, tc := range []struct{ lang, text string }{
		{"es", "MADRID, 5 Mar. (EFE) - El ministro del Interior, Pedro Alonso Ruiz, pidió a los países vecinos más control."},
		{"fr", "Dakar, 5 mars (APS) - Le ministre de l'Intérieur, Mamadou Ndiaye, a appelé les partenaires à plus d'efforts."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type == "REQUEST" && e.Source.Actor == e.Target.Actor {
				t.Errorf("%q: event %s %s %s, want no demand at home", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
}

// TestLangEventsTitleOnlySentence codes the act of a sentence whose only actor is a title with
// no name, standing for its holder named before ("Le gouverneur a appelé les imams à").
func TestLangEventsTitleOnlySentence(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "fr", "Dakar, 5 mars (APS) - « Il faut agir », a déclaré le gouverneur de la région de Thiès, Mamadou Ndiaye, lors d'une visite à Mbour. Le gouverneur a appelé les imams à agir.", "REQUEST SEN SEN", false)
	wantEvent(t, x, "es", "MADRID, 5 Mar. (EFE) - El ministro del Interior, Pedro Alonso Ruiz, visitó el martes Melilla. El ministro pidió a los alcaldes que refuercen la acogida.", "REQUEST ESP ESP", false)
	// A title whose holder was never named stands for no one.
	for _, e := range x.Extract(langDoc("fr", "2024-03-14", "Le gouverneur a appelé les imams à agir.")).Events {
		t.Errorf("event %s %s %s, want none from a title with no holder", e.Type, e.Source.Actor, e.Target.Actor)
	}
}

// TestLangEventsEve dates an act told with "la víspera", "la veille" the day before the report;
// the eve of a named event ("la víspera de la cumbre", "la veille du sommet") is no such date.
func TestLangEventsEve(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "es", "ALMERÍA, 14 Mar. (EFE) - Salvamento Marítimo rescató la víspera a 40 personas que viajaban en una neumática.", "AID ESP ESP 2024-03-13", true)
	wantEvent(t, x, "fr", "Rabat, 14 mars (MAP) - La Marine royale a secouru la veille 52 candidats à l'émigration au large de Tarfaya.", "AID MAR MAR 2024-03-13", true)
	for _, tc := range []struct{ lang, text string }{
		{"es", "ALMERÍA, 14 Mar. (EFE) - La Guardia Civil detuvo a tres patrones la víspera de la cumbre de Rabat."},
		{"fr", "Rabat, 14 mars (MAP) - La police a arrêté trois passeurs la veille du sommet de Rabat."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Date != nil && !e.DateInferred && *e.Date == "2024-03-13" {
				t.Errorf("%q: event %s dated %s, want the eve of an event no date of the report", tc.text, e.Type, *e.Date)
			}
		}
	}
}

// TestLangEventsPrisonTerm codes a sentence to a term in prison, whatever the word for prison,
// as a detention; a condemnation of someone's imprisonment is words and no detention.
func TestLangEventsPrisonTerm(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "fr", "Le tribunal de Nador a condamné lundi quatre passeurs à trois ans d'emprisonnement ferme.", "COERCE MAR MAR", false)
	wantEvent(t, x, "es", "La Audiencia de Málaga condenó el lunes a seis años de encarcelamiento a dos patrones de patera.", "COERCE ESP ESP", false)
	for _, tc := range []struct{ lang, text string }{
		{"fr", "L'Association marocaine des droits humains a condamné lundi l'emprisonnement de trois journalistes à Nador."},
		{"es", "La Asociación Pro Derechos Humanos de Andalucía condenó el lunes el encarcelamiento de tres periodistas en Málaga."},
	} {
		evs := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events
		if len(evs) == 0 {
			t.Errorf("%q: no event, want the condemnation", tc.text)
		}
		for _, e := range evs {
			if e.Type == "COERCE" {
				t.Errorf("%q: event %s %s %s, want no detention from a condemnation of one", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
}

// TestLangEventsPerfectDay dates a Spanish act in the present perfect with no time of its own by
// the day the report tells with the perfect: the day before publication when the copy, filed the
// next morning, named it so ("ha informado este miércoles"); an older day after a perfect dates
// only its own act.
func TestLangEventsPerfectDay(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "es", "MADRID, 14 Mar. (EUROPA PRESS) - La Delegación del Gobierno en Melilla ha informado este miércoles de la llegada de 40 personas. El delegado del Gobierno, Sabrina Moh Abdelkader, ha reclamado a la Unión Europea más fondos para la acogida.", "REQUEST ESP EU 2024-03-13", true)
	wantEvent(t, x, "es", "MADRID, 14 Mar. (EUROPA PRESS) - La Guardia Civil ha detenido el pasado lunes a tres patrones en Almería. El delegado del Gobierno, Sabrina Moh Abdelkader, ha reclamado a la Unión Europea más fondos para la acogida.", "REQUEST ESP EU 2024-03-14", true)
	wantEvent(t, x, "es", "MADRID, 14 Mar. (EUROPA PRESS) - El delegado del Gobierno, Sabrina Moh Abdelkader, ha reclamado a la Unión Europea más fondos para la acogida.", "REQUEST ESP EU 2024-03-14", true)
}

// TestLangEventsRejectedCriticismDated finds the author of the criticism a Spanish or French
// rejection answers when the time of the rejection stands between the verb and the criticism;
// with no criticism told before, the rejection has no target and is no event.
func TestLangEventsRejectedCriticismDated(t *testing.T) {
	x := extractor(t)
	wantEvent(t, x, "es", "MADRID, 14 Mar. (EFE) - La Asociación Pro Derechos Humanos de Andalucía criticó el martes al Gobierno por las devoluciones en caliente. El Ministerio del Interior rechazó este miércoles las críticas en un comunicado.", "REJECT ESP ESP", false)
	wantEvent(t, x, "fr", "Rabat, 14 mars (MAP) - L'Association marocaine des droits humains a dénoncé mardi les expulsions menées par les autorités. Le ministère marocain de l'Intérieur a rejeté mercredi ces accusations.", "REJECT MAR MAR", false)
	for _, tc := range []struct{ lang, text string }{
		{"es", "MADRID, 14 Mar. (EFE) - El Ministerio del Interior rechazó este miércoles las críticas en un comunicado."},
		{"fr", "Rabat, 14 mars (MAP) - Le ministère marocain de l'Intérieur a rejeté mercredi ces accusations."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			t.Errorf("%q: event %s %s %s, want none for a rejection of criticism no one made", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
		}
	}
}

// TestLangEventsReportedActTime dates a Spanish or French act reported after a speech verb by
// the time its own clause names, not by the time of the saying; a reported act with no time
// of its own keeps the saying's.
func TestLangEventsReportedActTime(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "MADRID, 14 Mar. (EFE) - El Ministerio del Interior ha informado este miércoles de que la Guardia Civil detuvo a 310 patrones de pateras durante 2023.", "COERCE ESP ESP 2023"},
		{"fr", "Rabat, 14 mars (MAP) - Le ministère marocain de l'Intérieur a annoncé mercredi que la Gendarmerie royale a démantelé 12 réseaux de passeurs en 2023.", "COERCE MAR MAR 2023"},
		{"es", "MADRID, 14 Mar. (EFE) - El Ministerio del Interior ha informado este miércoles de que la Guardia Civil detuvo a tres patrones en Almería.", "COERCE ESP ESP 2024-03-13"},
		{"fr", "Rabat, 14 mars (MAP) - Le ministère marocain de l'Intérieur a annoncé mercredi que la Gendarmerie royale a démantelé un réseau de passeurs à Nador.", "COERCE MAR MAR 2024-03-13"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangEventsTwoDays dates a Spanish or French act told over two weekdays joined by "y",
// "et" with the span from the first to the second; a second weekday before the first in the
// week is no span.
func TestLangEventsTwoDays(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Oran, 14 mars (APS) - Les garde-côtes algériens ont intercepté lundi et mardi 80 harraga au large d'Oran.", "COERCE DZA DZA 2024-03-11/2024-03-12"},
		{"es", "ALMERÍA, 14 Mar. (EFE) - La Guardia Civil detuvo el lunes y el martes a cinco patrones de pateras en Almería.", "COERCE ESP ESP 2024-03-11/2024-03-12"},
		// 14 March 2024 is a Thursday: "mercredi et lundi" names no span.
		{"fr", "Oran, 14 mars (APS) - Les garde-côtes algériens ont intercepté mercredi et lundi 80 harraga au large d'Oran.", "COERCE DZA DZA 2024-03-13"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangEventsRescueAim reads a Spanish or French vessel sent to a rescue ("movilizó … para
// auxiliar", "a mobilisé … pour secourir") as part of the rescue, no deployment; a deployment
// with another aim stays one.
func TestLangEventsRescueAim(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text string }{
		{"es", "ALMERÍA, 14 Mar. (EFE) - El centro de coordinación de Almería movilizó el miércoles a la Salvamar Spica para auxiliar a una neumática con 30 ocupantes."},
		{"fr", "Rabat, 14 mars (MAP) - La Marine royale a mobilisé mercredi un patrouilleur pour secourir une embarcation en détresse au large de Tarfaya."},
	} {
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Type == "MOBILIZE" {
				t.Errorf("%q: event %s %s %s, want no deployment for a rescue", tc.text, e.Type, e.Source.Actor, e.Target.Actor)
			}
		}
	}
	wantEvent(t, x, "es", "MADRID, 14 Mar. (EFE) - El Ministerio del Interior desplegó el miércoles 200 agentes de la Guardia Civil para vigilar la valla de Melilla.", "MOBILIZE ESP ESP", false)
	wantEvent(t, x, "fr", "Rabat, 14 mars (MAP) - Les autorités marocaines ont déployé mercredi 500 gendarmes pour surveiller les plages de Fnideq.", "MOBILIZE MAR MAR", false)
}

// TestLangEventsRemand codes a remand in custody or a committal to prison as a detention by
// the state of the court (codebook 5: COERCE), on the unnamed people of that state (codebook
// 3); a remand only asked for, or refused, is no act.
func TestLangEventsRemand(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Algeciras, 14 mar (EFE).- El Juzgado de Instrucción número 3 de Algeciras decretó el miércoles prisión provisional para los cuatro detenidos.", "COERCE ESP ESP 2024-03-13"},
		{"es", "Almería, 14 mar (EFE).- Los arrestados fueron puestos a disposición del Juzgado de Guardia de Almería, que ha decretado prisión provisional para dos de ellos.", "COERCE ESP ESP"},
		{"es", "Melilla, 14 mar (EFE).- Los tres patrones de la embarcación ingresaron el martes en prisión en Melilla.", "COERCE ESP ESP 2024-03-12"},
		{"es", "Ceuta, 14 mar (EFE).- Los dos conductores fueron enviados a prisión por el juez de Ceuta.", "COERCE ESP ESP"},
		{"fr", "Nador - Les cinq passeurs présumés ont été placés lundi sous mandat de dépôt par le juge d'instruction du tribunal de Nador.", "COERCE MAR MAR 2024-03-11"},
		{"fr", "Tanger - Le chauffeur du camion a été placé en détention provisoire par le tribunal de Tanger.", "COERCE MAR MAR"},
		{"fr", "Oujda - Les quatre convoyeurs ont été écroués mardi à la prison d'Oujda, au Maroc.", "COERCE MAR MAR 2024-03-12"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, strings.Count(tc.want, " ") == 3)
	}
	for _, tc := range []struct{ lang, text string }{
		// Asked for, refused or spoken of: no remand ordered.
		{"es", "Almería, 14 mar (EFE).- La Fiscalía de Almería pidió prisión provisional para los dos patrones."},
		{"es", "Ceuta, 14 mar (EFE).- El juez de Ceuta no decretó prisión provisional para el conductor."},
		{"es", "La prisión provisional es una medida excepcional, recordó el abogado."},
		{"fr", "Nador - Le parquet de Nador a requis la détention provisoire des deux passeurs."},
		{"fr", "La détention provisoire reste l'exception, a rappelé l'avocat."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsFuture codes an act told in the future tense ("celebrarán una reunión", "se
// réuniront") as a commitment (codebook 5: AGREE), dated by its telling, not by the time it is
// to be done; a conflictual act to come is no act.
func TestLangEventsFuture(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Madrid, 14 mar (EFE).- El ministro senegalés ha anunciado que España y Senegal celebrarán en mayo una reunión del comité mixto.", "AGREE ESP SEN 2024-03-14"},
		{"fr", "Rabat - Le ministre de l'Intérieur a reçu mercredi son homologue espagnol. Les deux pays tiendront une nouvelle réunion en juin à Madrid.", "AGREE MAR ESP 2024-03-13"},
		{"fr", "Rabat - Le Maroc et l'Espagne se réuniront en juin à Madrid, a annoncé le ministère.", "AGREE MAR ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, strings.Count(tc.want, " ") == 3)
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "Ceuta, 14 mar (EFE).- La Guardia Civil detendrá a los responsables de la red, aseguró el delegado."},
		{"fr", "Nador - La Gendarmerie royale arrêtera les passeurs, a assuré le gouverneur."},
		{"es", "Madrid, 14 mar (EFE).- La próxima reunión del comité será en Rabat."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsOperationTime dates the material acts of a sentence by the time a participle
// gives the operation that holds them ("en una operación desarrollada el pasado martes",
// "lors d'une opération menée mardi"), not by the dateline or the perfect of the telling.
func TestLangEventsOperationTime(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Girona, 14 mar (EFE).- La Policía Nacional ha desarticulado una red que explotaba a migrantes en Lleida, en una operación desarrollada el pasado martes.", "COERCE ESP ESP 2024-03-12"},
		{"es", "Almería, 14 mar (EFE).- La Guardia Civil ha detenido a seis personas en un operativo llevado a cabo el lunes en El Ejido.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "Nador - La Gendarmerie royale a démantelé un réseau de passeurs lors d'une opération menée mardi près de Nador.", "COERCE MAR MAR 2024-03-12"},
		// An operation with no time of its own leaves the act its own date.
		{"es", "Ceuta, 14 mar (EFE).- La Guardia Civil detuvo el miércoles a tres personas en una operación desarrollada en colaboración con la Policía Nacional.", "COERCE ESP ESP 2024-03-13"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "Madrid, 14 mar (EFE).- Las operaciones desarrolladas el año pasado fueron un éxito, según el informe."},
		{"fr", "Rabat - L'opération menée l'an dernier reste un exemple, selon le rapport."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsCounterpart codes a two-sided act whose subject joins a person to "su
// homólogo", "son homologue": the act is between the person's country and the counterpart's.
func TestLangEventsCounterpart(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Madrid (EFE).- El ministro del Interior, Fernando Grande-Marlaska, y su homólogo marroquí, Abdelouafi Laftit, acordaron este lunes en Madrid reforzar la cooperación.", "AGREE ESP MAR 2024-03-11"},
		{"es", "Madrid (EFE).- La ministra española y su homóloga mauritana firmaron el martes un memorando sobre migración.", "SUPPORT ESP MRT 2024-03-12"},
		{"fr", "Rabat - Le ministre de l'Intérieur, Abdelouafi Laftit, et son homologue espagnol Fernando Grande-Marlaska ont signé lundi un accord.", "SUPPORT MAR ESP 2024-03-11"},
		{"fr", "Dakar - Le ministre sénégalais et son homologue espagnol sont convenus mardi de renforcer la coopération.", "AGREE SEN ESP 2024-03-12"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, tc := range []struct{ lang, text string }{
		// No country on the counterpart, or a counterpart who is not a subject.
		{"es", "Madrid (EFE).- El ministro y su homólogo firmaron el martes un memorando sobre migración."},
		{"fr", "Dakar - Le ministre sénégalais a rappelé que son homologue espagnol a signé un accord."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsBothSides codes "ambos ministros", "los dos gobiernos", "les deux parties"
// as the two sides of the last two-sided act told before, a meeting or not.
func TestLangEventsBothSides(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Madrid (EFE).- España y Senegal acordaron el lunes reforzar la cooperación. Los dos gobiernos se reunieron en Dakar.", "CONSULT ESP SEN"},
		{"es", "Madrid (EFE).- España y Mauritania acordaron el lunes reforzar la cooperación. Ambos países firmaron un memorando.", "SUPPORT ESP MRT"},
		{"fr", "Dakar - Le Sénégal et l'Espagne sont convenus lundi de renforcer la coopération. Les deux ministres se sont réunis à Dakar.", "CONSULT SEN ESP"},
		{"fr", "Rabat - Le Maroc et la Mauritanie sont convenus mardi de renforcer leur coopération. Les deux ministres ont signé un accord.", "SUPPORT MAR MRT"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text string }{
		// No two-sided act before: the two sides are unknown.
		{"es", "Madrid (EFE).- Ambos ministros firmaron el lunes un memorando."},
		{"fr", "Dakar - Les deux parties sont convenues lundi de renforcer les patrouilles."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsSummon codes the summoning of an ambassador ("convocó al embajador de
// Argelia", "a convoqué l'ambassadeur d'Algérie") as a protest (ACCUSE) on the envoy's country;
// a meeting called is no protest.
func TestLangEventsSummon(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Madrid (EFE).- El Ministerio de Exteriores convocó el lunes al embajador de Argelia.", "ACCUSE ESP DZA 2024-03-11"},
		{"fr", "Niamey - Le Niger a convoqué vendredi l'ambassadeur d'Algérie pour protester.", "ACCUSE NER DZA 2024-03-08"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "Madrid (EFE).- El delegado convocó el lunes a los alcaldes de la comarca."},
		{"fr", "Niamey - Le gouverneur a convoqué vendredi les chefs de village."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsRejectCharges codes the rejection of accusations whose author is not named
// ("rechazó las acusaciones", "a rejeté des accusations « infondées »") as a REJECT with no
// target; a rejection of anything else with no one named is no event.
func TestLangEventsRejectCharges(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Rabat (EFE).- El Gobierno marroquí rechazó este lunes las acusaciones vertidas por varias ONG.", "REJECT MAR  2024-03-11"},
		{"fr", "Alger - Le ministère algérien des Affaires étrangères a rejeté mardi des accusations « infondées ».", "REJECT DZA  2024-03-12"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, tc := range []struct{ lang, text string }{
		{"es", "Rabat (EFE).- El Gobierno marroquí rechazó este lunes la propuesta."},
		{"fr", "Alger - Le ministère algérien a rejeté mardi la proposition."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsOccurred dates the acts told before by a later sentence whose subject is their
// noun and whose verb tells they took place ("Las detenciones se practicaron el pasado
// martes", "Les interpellations ont eu lieu mardi"); that sentence is no act of its own.
func TestLangEventsOccurred(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Almería (EFE).- La Guardia Civil ha desarticulado una red de tráfico de migrantes y ha detenido a 23 personas. Las detenciones se practicaron el pasado martes en Almería y Motril.", []string{"COERCE ESP ESP 2024-03-12"}},
		{"es", "Motril (EFE).- Salvamento Marítimo ha rescatado a 60 personas de una patera. El rescate tuvo lugar el lunes al sur de Motril.", []string{"AID ESP ESP 2024-03-11"}},
		{"fr", "Nador - La Gendarmerie royale a démantelé un réseau de passeurs et a interpellé douze personnes. Les interpellations ont eu lieu mardi à Nador.", []string{"COERCE MAR MAR 2024-03-12"}},
		{"fr", "Nador - La Marine royale a secouru 40 migrants. Le sauvetage s'est déroulé lundi au large de Nador.", []string{"AID MAR MAR 2024-03-11"}},
		// No time in the later sentence, or acts of another type: each act keeps its own date.
		{"es", "Almería (EFE).- La Guardia Civil detuvo el lunes a 23 personas. Las detenciones se practicaron sin incidentes.", []string{"COERCE ESP ESP 2024-03-11"}},
		{"es", "Motril (EFE).- Salvamento Marítimo ha rescatado a 60 personas. Las detenciones tuvieron lugar el lunes.", []string{"AID ESP ESP 2024-03-14", "COERCE ESP ESP 2024-03-11"}},
		// The joint operation that holds the acts is dated with them.
		{"es", "Huelva (EFE).- La Guardia Civil, en una operación conjunta con la Policía marroquí, ha detenido a 12 personas. Las detenciones se practicaron el pasado martes en Huelva.", []string{"COOPERATE ESP MAR 2024-03-12", "COERCE ESP ESP 2024-03-12"}},
		{"fr", "Tanger - La Gendarmerie royale, lors d'une opération conjointe avec la police espagnole, a interpellé douze passeurs. Les interpellations ont eu lieu mardi à Tanger.", []string{"COOPERATE MAR ESP 2024-03-12", "COERCE MAR MAR 2024-03-12"}},
	} {
		var have []string
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			d := ""
			if e.Date != nil {
				d = *e.Date
			}
			have = append(have, e.Type+" "+e.Source.Actor+" "+e.Target.Actor+" "+d)
		}
		if !slices.Equal(have, tc.want) {
			t.Errorf("%q: events %q, want %q", tc.text, have, tc.want)
		}
	}
}

// TestLangEventsAccordingTo codes an agentless passive after "según X", "selon X" as the act of
// the state where it happens: the body the figure is attributed to is not its actor.
func TestLangEventsAccordingTo(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Tripoli - Selon l'OIM, 760 personnes ont été interceptées lundi en mer et reconduites en Libye.", "COERCE LBY LBY 2024-03-11"},
		{"es", "Trípoli (EFE).- Según la OIM, 760 personas fueron interceptadas el lunes en el mar y devueltas a Libia.", "COERCE LBY LBY 2024-03-11"},
		{"es", "Almería (EFE).- Según la Guardia Civil, 40 personas fueron detenidas el lunes en Almería.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "Selon la DGSN, douze passeurs ont été interpellés lundi à Nador.", "COERCE MAR MAR 2024-03-11"},
		// The whole attribution, to its comma: "les chiffres de … (OIM) cités dans le rapport".
		{"fr", "Tripoli - Selon les chiffres de l'Organisation internationale pour les migrations (OIM) cités dans le rapport, 760 personnes ont été interceptées lundi en mer et reconduites en Libye.", "COERCE LBY LBY 2024-03-11"},
		{"es", "Trípoli (EFE).- Según los datos de la Organización Internacional para las Migraciones (OIM), 760 personas fueron interceptadas el lunes en el mar y devueltas a Libia.", "COERCE LBY LBY 2024-03-11"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-14", tc.text)).Events {
			if e.Source.Actor == "IOM" {
				t.Errorf("%q: event %s with source IOM, want none: the figure's source is no actor", tc.text, e.Type)
			}
		}
	}
}

// TestLangEventsBothPersons codes "los dos ministros", "les deux ministres" with no two-sided
// act told before as the last two persons of different countries named before.
func TestLangEventsBothPersons(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Dakar (EFE).- El ministro senegalés del Interior, Amadou Ba, declaró que la situación es grave. El ministro español José Luis Escrivá visitará Dakar. Los dos ministros se comprometieron a reforzar la cooperación.", "AGREE SEN ESP"},
		{"fr", "Dakar - Le ministre sénégalais de l'Intérieur, Amadou Ba, a déclaré que la situation est grave. Le ministre espagnol José Luis Escrivá est attendu à Dakar. Les deux ministres sont convenus de renforcer la coopération.", "AGREE SEN ESP"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	for _, tc := range []struct{ lang, text string }{
		// Two persons of one country: no two sides.
		{"es", "Dakar (EFE).- El ministro senegalés del Interior, Amadou Ba, declaró que la situación es grave. El ministro senegalés de Pesca, Moussa Diop, lo confirmó. Los dos ministros se comprometieron a reforzar la cooperación."},
		{"fr", "Dakar - Le ministre sénégalais de l'Intérieur, Amadou Ba, a déclaré que la situation est grave. Les deux ministres sont convenus de renforcer la coopération."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsMinistryAtPlace codes a ministry named with no country, in a sentence that
// opens with the place it acts from ("À Niamey, le ministère des Affaires étrangères a
// convoqué"), as the act of that place's country.
func TestLangEventsMinistryAtPlace(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "À Niamey, le ministère des Affaires étrangères a convoqué vendredi l'ambassadeur d'Algérie pour protester.", "ACCUSE NER DZA 2024-03-08"},
		{"fr", "À Tripoli, le ministère de l'Intérieur a rejeté mercredi des accusations « infondées ».", "REJECT LBY  2024-03-13"},
		{"es", "En Argel, el ministerio de Exteriores convocó el lunes al embajador de España.", "ACCUSE DZA ESP 2024-03-11"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
	for _, tc := range []struct{ lang, text string }{
		// No ministry as subject.
		{"fr", "À Niamey, les manifestants ont dénoncé lundi les expulsions."},
		{"es", "En Argel, los vecinos denunciaron el lunes las expulsiones."},
	} {
		wantNoEvent(t, x, tc.lang, tc.text)
	}
}

// TestLangEventsBracketAcronym reads an acronym in brackets after a body as that body: "en
// colaboración con la Agencia Europea … (Frontex)" names no subject of the act after it.
func TestLangEventsBracketAcronym(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Almería (EFE).- La Policía Nacional, en colaboración con la Agencia Europea de la Guardia de Fronteras y Costas (Frontex), ha detenido el lunes a seis personas en Almería.", "COERCE ESP ESP 2024-03-11"},
		{"fr", "Almería - La police espagnole, avec l'appui de l'Agence européenne de garde-frontières et de garde-côtes (Frontex), a interpellé lundi six passeurs à Almería.", "COERCE ESP ESP 2024-03-11"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// wantPersons checks the country of each named person that the one-paragraph report in lang
// gives; a name mapped to "-" must not be a person at all.
func wantPersons(t *testing.T, x *Extractor, lang, text string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, e := range x.Extract(langDoc(lang, "2024-03-14", text)).Entities {
		if e.Type == "person" {
			got[e.Name] = e.Country
		}
	}
	for name, c := range want {
		g, ok := got[name]
		switch {
		case c == "-" && ok:
			t.Errorf("%q: %q is a person (%q), want none", text, name, g)
		case c != "-" && !ok:
			t.Errorf("%q: no person %q in %v", text, name, got)
		case c != "-" && g != c:
			t.Errorf("%q: %q has country %q, want %q", text, name, g, c)
		}
	}
}

// TestLangPortfolioItems: an institution named in an office's portfolio ("ministro de Asuntos
// Exteriores, Unión Europea y Cooperación", "ministre de l'Europe et des Affaires étrangères")
// is what the office deals with; the minister's country comes from the dateline, as for any
// minister, and a country after "de" still gives it.
func TestLangPortfolioItems(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro de Asuntos Exteriores, Unión Europea y Cooperación, Ramón Alcaraz Mena, viajó este martes a Dakar.", map[string]string{"Ramón Alcaraz Mena": "ESP"}},
		{"fr", "Paris - Le ministre de l'Europe et des Affaires étrangères, Étienne Dubreuil, a reçu mardi son homologue sénégalais.", map[string]string{"Étienne Dubreuil": "FRA"}},
		// A country in the complement of the office, not in a list, stays its country.
		{"es", "Madrid, 14 mar (EFE).- El ministro del Interior de Marruecos, Karim Oulhaj, llegó este martes a Madrid.", map[string]string{"Karim Oulhaj": "MAR"}},
		{"fr", "Paris - Le commissaire européen aux affaires intérieures, Johan Lindqvist, a rencontré mardi le ministre.", map[string]string{"Johan Lindqvist": "EU"}},
	} {
		wantPersons(t, x, tc.lang, tc.text, tc.want)
	}
	wantEvent(t, x, "es", "Madrid, 14 mar (EFE).- El ministro de Asuntos Exteriores, Unión Europea y Cooperación, Ramón Alcaraz Mena, se reunió este martes con su homólogo marroquí, Nasser Bourita.", "CONSULT ESP MAR", false)
}

// TestLangForceDemonym: a force or agency followed by a demonym, with capitalised words of its
// name between them ("las Fuerzas Especiales argelinas", "les Forces auxiliaires marocaines"),
// acts for the demonym's country, not the dateline's.
func TestLangForceDemonym(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Ceuta, 14 mar (EFE).- Las Fuerzas Auxiliares marroquíes detuvieron a unas 200 personas cerca del espigón.", "COERCE MAR MAR"},
		{"es", "Almería, 14 mar (EFE).- Las Fuerzas Especiales argelinas detuvieron el martes a doce personas en Orán.", "COERCE DZA DZA"},
		{"es", "Almería, 14 mar (EFE).- Las fuerzas marroquíes interceptaron el martes una embarcación con 40 personas.", "COERCE MAR MAR"},
		{"fr", "Melilla - Les Forces auxiliaires marocaines ont arrêté mardi 150 migrants près de la clôture.", "COERCE MAR MAR"},
		{"fr", "Ceuta - La Garde Nationale tunisienne a intercepté mardi 60 migrants au large de Sfax.", "COERCE TUN TUN"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
	// Words of the sentence, not of the office's name, keep the dateline's office.
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Ceuta, 14 mar (EFE).- La Guardia Civil detuvo el martes a dos marroquíes en el puerto.", "COERCE ESP MAR"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
}

// TestLangNationalForce: a generic national force named without its country ("la Marine
// nationale", "la Gendarmerie", "la Marina Nacional") is the dateline's, else that of the
// country a report names most when it names the home country of its press less than half as
// often; a report about France keeps France's.
func TestLangNationalForce(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Le Sénégal veut freiner les départs. Selon le ministre sénégalais, la Marine nationale et la Gendarmerie ont intercepté 900 candidats au départ depuis janvier. Le Sénégal demande plus d'aide.", "COERCE SEN SEN"},
		{"fr", "DAKAR - La Gendarmerie a arrêté mardi douze passeurs près de Mbour.", "COERCE SEN SEN"},
		{"es", "Mauritania refuerza sus costas. La Marina Nacional ha interceptado este año a 900 personas, según el Gobierno de Mauritania, que pide apoyo a Mauritania y a sus vecinos.", "COERCE MRT MRT"},
		// A report about France: France's forces.
		{"fr", "La France renforce ses côtes. La Gendarmerie a arrêté mardi douze passeurs près de Calais, a indiqué la préfecture française.", "COERCE FRA FRA"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
}

// TestLangCapitalFront: an office named without its country right after a capital that opens
// the sentence ("En Rabat, el Ministerio del Interior", "À Tripoli, le ministère de
// l'Intérieur") is the capital's country's; the capital elsewhere in the sentence gives nothing.
func TestLangCapitalFront(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"es", "Madrid, 14 mar (EFE).- Crece la tensión. En Rabat, el Ministerio del Interior ha rechazado este martes las acusaciones de Argelia.", "REJECT MAR DZA"},
		{"fr", "Paris - La tension monte. À Tripoli, le ministère de l'Intérieur a rejeté mardi les accusations de l'Union européenne.", "REJECT LBY EU"},
		// Not opening the sentence, or not next to the office: the dateline's office.
		{"es", "Madrid, 14 mar (EFE).- Crece la tensión. Tras la cumbre de Rabat, el Ministerio del Interior ha rechazado este martes las acusaciones de Argelia.", "REJECT ESP DZA"},
	} {
		wantEvent(t, x, tc.lang, tc.text, tc.want, false)
	}
}

// TestLangFalsePersons: a place whose name opens with a place noun ("Isla Cristina", "Cap
// Skirring") and a body named right after the noun of an association ("le collectif Alarme
// Phone Sahara") are no persons; a person's name apposed to such a noun with a comma still is.
func TestLangFalsePersons(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string
	}{
		{"es", "Huelva, 14 mar (EFE).- La Guardia Civil detuvo en Punta Umbría a dos hombres, según ha informado el portavoz Andrés Molina Ruiz.", map[string]string{"Punta Umbría": "-", "Andrés Molina Ruiz": "ESP"}},
		{"es", "Huelva, 14 mar (EFE).- Los agentes interceptaron la lancha frente a Isla Mayor Norte, ha explicado el capitán Luis Ortega.", map[string]string{"Isla Mayor Norte": "-", "Luis Ortega": "ESP"}},
		{"fr", "Dakar - Les pirogues partent de Cap Skirring, a affirmé le pêcheur Moussa Ndiaye.", map[string]string{"Cap Skirring": "-"}},
		{"es", "Cádiz, 14 mar (EFE).- Los registros se hicieron el lunes en Barbate, Punta Camarinal, Tarifa y Conil, ha explicado el portavoz Luis Ortega Gil.", map[string]string{"Punta Camarinal": "-", "Luis Ortega Gil": "ESP"}},
		{"fr", "Niamey - « Les expulsions continuent chaque semaine », affirme le collectif Sahara Solidarité Niger.", map[string]string{"Sahara Solidarité Niger": "-"}},
		{"es", "Almería, 14 mar (EFE).- \"Nadie nos escucha\", denuncia el colectivo Frontera Sur Abierta.", map[string]string{"Frontera Sur Abierta": "-"}},
		{"fr", "Niamey - Le collectif Sahara Solidarité Niger estime que 3 000 personnes ont été expulsées, a déclaré Amadou Sani Issa.", map[string]string{"Sahara Solidarité Niger": "-", "Amadou Sani Issa": "NER"}},
		{"es", "Almería, 14 mar (EFE).- El colectivo Frontera Sur Abierta denunció el martes la muerte de tres personas, según dijo Lucía Gómez.", map[string]string{"Frontera Sur Abierta": "-"}},
		// With a comma, the name apposed to the association's noun is its member's.
		{"es", "Almería, 14 mar (EFE).- La portavoz del colectivo, Lucía Gómez Prado, denunció el martes la muerte de tres personas.", map[string]string{"Lucía Gómez Prado": "ESP"}},
	} {
		wantPersons(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangNGOOfficer: a person whose apposed office is in a body that is no state's ("directrice
// du bureau d'Amnesty International", "portavoz de Human Rights Watch") does not take the
// country of the dateline or of the report; a state's officer still does.
func TestLangNGOOfficer(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string
	}{
		{"fr", "Bruxelles - « Les garde-côtes torturent », a déclaré Claire Morel, directrice du bureau d'Amnesty International auprès des institutions européennes.", map[string]string{"Claire Morel": ""}},
		{"es", "Rabat, 14 mar (EFE).- \"Las expulsiones son ilegales\", ha denunciado Laura Gil Pons, directora de Amnistía Internacional en Marruecos.", map[string]string{"Laura Gil Pons": ""}},
		{"fr", "Rabat - « Nous coopérons », a déclaré Karim Alami, directeur de la migration au ministère de l'Intérieur.", map[string]string{"Karim Alami": "MAR"}},
	} {
		wantPersons(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangOrigin: a person said to come from a country or its capital later in the sentence
// ("es de Conakry", "originaire de Bamako") is of that country, not the report's; a place
// that is no country or capital gives nothing.
func TestLangOrigin(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string
	}{
		{"es", "Madrid, 14 mar (EFE).- \"Quiero trabajar en España\", dice Ousmane Kaba Diallo, que tiene 22 años, es de Bamako y vive en Madrid desde que llegó a España.", map[string]string{"Ousmane Kaba Diallo": "MLI"}},
		{"fr", "Calais - « J'attends depuis trois semaines », a raconté Awa Binta Sow, originaire de Guinée.", map[string]string{"Awa Binta Sow": "GIN"}},
		// A town that is no capital tells no country: the report's.
		{"es", "Madrid, 14 mar (EFE).- \"Está lleno\", ha explicado Ane Etxebarria Goiri, que es de Irun.", map[string]string{"Ane Etxebarria Goiri": "ESP"}},
	} {
		wantPersons(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangStatisticsClauses gives each Spanish or French figure the category of its own
// clause or of what it stands for: a finite verb after the counted noun is its predicate
// ("Cuatro migrantes murieron y otros 38 fueron rescatados"), an elided noun ("otras 12",
// "12 autres") counts what the figure before counted, a sum told without its currency goes
// on the amount before it ("De esa cantidad, 35 millones"), "víctimas" in a report on deaths
// are dead; people aboard are no toll.
func TestLangStatisticsClauses(t *testing.T) {
	checkLangStats(t, []langStat{
		{"es", "Seis migrantes murieron y otros 25 fueron rescatados con vida el pasado martes.", 6, "migrants_dead_missing", "", ""},
		{"es", "Seis migrantes murieron y otros 25 fueron rescatados con vida el pasado martes.", 25, "migrants_rescued", "", ""},
		{"fr", "Six migrants sont morts et 25 ont été secourus mardi au large de Tarfaya.", 6, "migrants_dead_missing", "", "2024-03-12"},
		{"fr", "Six migrants sont morts et 25 ont été secourus mardi au large de Tarfaya.", 25, "migrants_rescued", "", "2024-03-12"},
		{"es", "Un velero rescató a 30 personas y una lancha de la Guardia Civil recogió a otras 12.", 12, "migrants_rescued", "ESP", ""},
		{"fr", "Un voilier a secouru 30 personnes et une vedette en a recueilli 12 autres.", 12, "migrants_rescued", "", ""},
		{"es", "El Gobierno ha aprobado una partida de 60 millones de euros para Túnez. De esa cantidad, 35 millones irán a la Guardia Nacional y 25 millones a la Marina.", 35e6, "funding", "ESP", ""},
		{"es", "El Gobierno ha aprobado una partida de 60 millones de euros para Túnez. De esa cantidad, 35 millones irán a la Guardia Nacional y 25 millones a la Marina.", 25e6, "funding", "ESP", ""},
		{"fr", "L'Italie a débloqué 60 millions d'euros pour la Tunisie. Sur ce montant, 35 millions iront à la Garde nationale.", 35e6, "funding", "ITA", ""},
		{"es", "Una ONG contó 1.900 víctimas mortales en la ruta canaria. La más letal fue la de Mauritania, con 1.200 víctimas.", 1200, "migrants_dead_missing", "MRT", ""},
		{"fr", "Une ONG a recensé 1 900 morts sur la route atlantique. La plus meurtrière reste celle de Mauritanie, avec 1 200 victimes.", 1200, "migrants_dead_missing", "MRT", ""},
	})
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
		not        string
	}{
		// A load is no toll, even when the sentence counts missing people.
		{"es", "La barca había salido de Sfax con unas 60 personas a bordo, por lo que cinco de sus ocupantes siguen desaparecidos.", 60, "migrants_dead_missing"},
		{"fr", "La pirogue avait quitté Dakhla avec 60 personnes à bord, et plusieurs sont toujours portés disparus.", 60, "migrants_dead_missing"},
		// Victims with no death counted near them, or of trafficking, are not dead.
		{"es", "La policía liberó a 14 víctimas en un club de Almería.", 14, "migrants_dead_missing"},
		{"fr", "La police a libéré 14 victimes de la traite à Tanger.", 14, "migrants_dead_missing"},
		// A count with its own noun after an amount is no money: "dont 40 agents".
		{"es", "El Gobierno destinará 9 millones de euros a Senegal, que desplegará 40 agentes.", 40, "funding"},
		// An elided number with a predicate of its own that counts nothing.
		{"es", "Tres personas fueron halladas sin vida en la barca y otras dos tuvieron que ser evacuadas al hospital.", 2, "migrants_dead_missing"},
		{"fr", "Trois personnes ont été retrouvées sans vie et deux autres ont dû être évacuées vers l'hôpital.", 2, "migrants_dead_missing"},
		// "otros" before a number with a noun of its own keeps its noun.
		{"es", "La policía detuvo a tres traficantes y a otros 20 migrantes en la playa.", 20, "suspects_arrested"},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "is not "+tc.not, func(st record.Statistic) bool {
			return st.Category == tc.not || st.Kind == record.KindAmount && tc.not == "funding"
		})
	}
}

// TestLangStatisticsShared gives a bare Spanish or French number the count its sentence
// tells: the figure it is compared with ("contre 9 800", "frente a 9.800"), the next of a list
// whose noun is left out ("con 300"), a part told by a partitive before its predicate ("cinco
// de sus ocupantes siguen desaparecidos"); and a year that names a period is no count.
func TestLangStatisticsShared(t *testing.T) {
	x := extractor(t)
	for _, tc := range []langStat{
		{"fr", "La Garde nationale a intercepté 5 200 migrants entre janvier et octobre, contre 9 800 sur la même période l'an dernier.", 9800, "migrants_intercepted", "TUN", ""},
		{"es", "La Guardia Civil interceptó a 5.200 migrantes entre enero y octubre, frente a 9.800 en el mismo periodo del año pasado.", 9800, "migrants_intercepted", "ESP", ""},
		{"es", "La ruta canaria es la más letal, con 2.100 víctimas mortales, seguida de la argelina, con 300.", 300, "migrants_dead_missing", "", ""},
		{"fr", "La route atlantique reste la plus meurtrière, avec 2 100 morts, devant la route algérienne, avec 300.", 300, "migrants_dead_missing", "", ""},
		{"es", "La barca volcó cerca de Almería y cinco de sus ocupantes siguen desaparecidos.", 5, "migrants_dead_missing", "ESP", ""},
		{"fr", "La pirogue a chaviré près de Dakhla ; cinq sont toujours portés disparus.", 5, "migrants_dead_missing", "MAR", ""},
		{"fr", "Depuis janvier, 2 100 compatriotes ont été rapatriés depuis la Libye.", 2100, "migrants_returned", "", ""},
		{"es", "Desde enero, 2.100 compatriotas han sido repatriados desde Libia.", 2100, "migrants_returned", "", ""},
		{"fr", "Selon le ministère, 1 500 Tunisiens ont été éloignés d'Italie cette année.", 1500, "migrants_returned", "ITA", ""},
	} {
		// The category only: country and period are other rules' tests.
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		if !slices.ContainsFunc(got.Statistics, func(st record.Statistic) bool { return st.Value == tc.value && st.Category == tc.category }) {
			t.Errorf("%q: no %v %s in %+v", tc.text, tc.value, tc.category, got.Statistics)
		}
	}
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "La organización contó 3.210 muertes en todo 2025.", 2025},
		{"es", "Las llegadas cayeron un 40 % durante 2025, según Interior.", 2025},
		{"fr", "Le comité se réunira à Tunis au premier semestre 2027.", 2027},
		{"fr", "L'organisation a compté 3 210 morts en 2025, selon son rapport.", 2025},
		// A number after "con" with a noun of its own ends no list.
		{"es", "La ruta canaria es la más letal, con 2.100 víctimas mortales, según un estudio firmado con 40 entidades.", 40},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "is no statistic here", func(st record.Statistic) bool {
			return st.Category != "other" || tc.value > 1900
		})
	}
}

// TestLangMoneyNotFunding: money paid for a crossing or earned by a network is no funding.
func TestLangMoneyNotFunding(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "El joven cuenta que pagó 2.000 euros por el viaje desde Dakar.", 2000},
		{"es", "Los agentes calculan que la red obtuvo un beneficio de 300.000 euros.", 300000},
		{"fr", "Le jeune homme raconte qu'il a payé 2 000 euros pour la traversée.", 2000},
		{"fr", "Les enquêteurs estiment que le réseau a tiré un bénéfice de 300 000 euros.", 300000},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "is no funding", func(st record.Statistic) bool { return st.Category == "funding" })
	}
	checkLangStats(t, []langStat{
		{"es", "El Gobierno destinará 2 millones de euros a la Guardia Nacional tunecina.", 2e6, "funding", "ESP", ""},
		{"fr", "L'Union européenne a débloqué 2 millions d'euros pour la Garde nationale tunisienne.", 2e6, "funding", "EU", ""},
	})
}

// wantNoStatistic fails when a statistic of the given value, extracted from the text, is bad:
// what the figure must not be.
func wantNoStatistic(t *testing.T, x *Extractor, lang, text string, value float64, why string, bad func(record.Statistic) bool) {
	t.Helper()
	for _, st := range x.Extract(langDoc(lang, "2024-03-14", text)).Statistics {
		if st.Value == value && bad(st) {
			t.Errorf("%q: %v %s, got %+v", text, value, why, st)
		}
	}
}

// TestLangStatisticsNounPartitive makes a part of the figure told before the people a noun
// names at the head of a sentence ("Entre las víctimas hay 97 mujeres", "Les rescapés, dont
// 11 femmes"); a time after "entre" opens no partitive.
func TestLangStatisticsNounPartitive(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
		category   string
		part       bool
	}{
		{"es", "Una ONG contó 1.486 víctimas mortales este año. Entre las víctimas hay 97 mujeres y 64 menores.", 97, "migrants_dead_missing", true},
		{"fr", "Une patrouille a secouru 57 migrants au large de Dakhla. Les rescapés, dont 11 femmes et quatre enfants, sont originaires du Mali.", 11, "migrants_rescued", true},
		{"es", "La Guardia Civil rescató a 57 migrantes. Entre los meses de enero y marzo llegaron 300 personas a Ceuta.", 300, "migrants_arrived", false},
	} {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		if !slices.ContainsFunc(got.Statistics, func(st record.Statistic) bool {
			return st.Value == tc.value && st.Category == tc.category && (st.PartOf != "") == tc.part
		}) {
			t.Errorf("%q: no %v %s (part %v) in %+v", tc.text, tc.value, tc.category, tc.part, got.Statistics)
		}
	}
}

// wantEventSet fails unless the events of text, published on 14 March 2024, are exactly want,
// each written "TYPE SOURCE TARGET", in any order.
// With dated, each is written "TYPE SOURCE TARGET DATE" (empty when undated).
func wantEventSet(t *testing.T, x *Extractor, lang, text string, want []string, dated ...bool) {
	t.Helper()
	var have []string
	for _, e := range x.Extract(langDoc(lang, "2024-03-14", text)).Events {
		h := e.Type + " " + e.Source.Actor + " " + e.Target.Actor
		if len(dated) > 0 && dated[0] {
			d := ""
			if e.Date != nil {
				d = *e.Date
			}
			h += " " + d
		}
		have = append(have, h)
	}
	slices.Sort(have)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("%q: events %q, want %q", text, have, want)
	}
}

// TestLangCoordinatedSubjects: a material act of two bodies of different states joined by "y",
// "et" is one act for each state; two bodies of one state act once; places joined after a
// preposition ("en Mauritania y Senegal") are no subject, and neither are generic forces
// whose state is inferred.
func TestLangCoordinatedSubjects(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Algeciras, 12 mar (EFE).- La Policía Nacional y la Gendarmería Real marroquí interceptaron el lunes una lancha con 30 migrantes.", []string{"COERCE ESP ESP", "COERCE MAR MAR"}},
		{"fr", "Tanger - La Gendarmerie royale et la Guardia Civil ont intercepté lundi une embarcation avec 30 migrants.", []string{"COERCE ESP ESP", "COERCE MAR MAR"}},
		// Two bodies of one state: one act.
		{"fr", "Tanger - La Marine royale et la Gendarmerie royale ont intercepté lundi 40 migrants.", []string{"COERCE MAR MAR"}},
		{"es", "Algeciras, 12 mar (EFE).- La Guardia Civil y la Policía Nacional detuvieron el lunes a seis personas.", []string{"COERCE ESP ESP"}},
		// Places after a preposition name where, not who.
		{"es", "Madrid, 12 mar (EFE).- La Guardia Civil y la Policía Nacional han desplegado en Gambia y Guinea a 40 agentes.", []string{"MOBILIZE ESP GMB"}},
		{"fr", "Paris - La Police nationale a déployé au Tchad et au Niger 40 agents.", []string{"MOBILIZE FRA TCD"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangCooperationPhrase: a phrase that names the partner of an operation ("en colaboración
// con", "avec le concours de") is a COOPERATE between the acting side and the partner's state,
// at the time of the act; a partner of the same state, or a body that is no state, gives none.
func TestLangCooperationPhrase(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Almería, 12 mar (EFE).- La Policía Nacional ha detenido el lunes a doce personas en colaboración con la Policía de Argelia.", []string{"COERCE ESP ESP", "COOPERATE ESP DZA"}},
		{"es", "Almería, 12 mar (EFE).- Salvamento Marítimo rescató el lunes a 40 personas en una operación coordinada entre Salvamento Marítimo y la Marina Real de Marruecos.", []string{"AID ESP ESP", "COOPERATE ESP MAR"}},
		{"fr", "Nador - La Gendarmerie royale a arrêté lundi huit passeurs avec le concours de la Guardia Civil.", []string{"COERCE MAR MAR", "COOPERATE MAR ESP"}},
		{"fr", "Dakar - La Marine nationale sénégalaise a intercepté lundi une pirogue en coordination avec la Guardia Civil.", []string{"COERCE SEN SEN", "COOPERATE SEN ESP"}},
		// A partner of the same state, or no state: no cooperation.
		{"es", "Almería, 12 mar (EFE).- La Policía Nacional ha detenido el lunes a doce personas en colaboración con la Guardia Civil.", []string{"COERCE ESP ESP"}},
		{"fr", "Rabat - Le Maroc a rapatrié lundi 300 migrants avec l'appui de l'Organisation internationale pour les migrations.", []string{"COERCE MAR MAR"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangOperationSubject: a sentence opened by an operation noun whose participle gives a
// time ("La operación, desarrollada el pasado día 9", "L'opération, menée mardi") dates the
// material acts told before, is done by their side, and its phrase of cooperation names a
// partner; with no act told before, or no time, it dates nothing.
func TestLangOperationSubject(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Almería, 14 mar (EFE).- La Policía Nacional ha detenido a 14 personas. La operación, desarrollada el pasado día 9 con la colaboración de la Policía argelina, culminó con seis registros.", []string{"COERCE ESP ESP 2024-03-09", "COOPERATE ESP DZA 2024-03-09"}},
		{"fr", "Nador - La Gendarmerie royale a arrêté 14 passeurs. L'opération, menée mardi en coordination avec la Guardia Civil, a permis de saisir deux embarcations.", []string{"COERCE MAR MAR 2024-03-12", "COOPERATE MAR ESP 2024-03-12"}},
		// No time told: the acts keep their own day.
		{"es", "Almería, 14 mar (EFE).- La Policía Nacional ha detenido a 14 personas. La operación, que contó con la colaboración de la Policía argelina, sigue abierta.", []string{"COERCE ESP ESP 2024-03-14"}},
		// No act told before: nothing.
		{"fr", "Nador - Le gouverneur a visité le port. L'opération, menée mardi avec l'appui de la Guardia Civil, a duré six heures.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangAidRecipients: an aid approved or released that names no recipient goes to the states
// named in its aim ("para reforzar … de Gambia y Guinea", "pour le Tchad et le Niger"), one act
// each; approving a law is no aid, and an aim that names no state gives no recipient.
func TestLangAidRecipients(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El Consejo de Ministros ha aprobado este martes una partida de 30 millones de euros para reforzar la vigilancia de las costas de Gambia y Guinea.", []string{"AID ESP GMB", "AID ESP GIN"}},
		{"fr", "Paris - Le gouvernement a débloqué mardi une enveloppe de 8 millions d'euros pour le Tchad et le Niger.", []string{"AID FRA TCD", "AID FRA NER"}},
		{"fr", "Paris - Le gouvernement a approuvé mardi une enveloppe de 8 millions d'euros pour la Guinée.", []string{"AID FRA GIN"}},
		// A law approved is no aid.
		{"es", "Madrid, 14 mar (EFE).- El Congreso aprobó el martes la reforma de la ley de extranjería para Gambia.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangCourtSentence: a court that sentences unnamed people to prison ("La Audiencia condenó
// a tres patrones a ocho años de prisión", "la chambre criminelle du tribunal de Sousse a
// condamné") acts on its own state, the court's and not the dateline capital's; a
// condemnation with no prison term, or by no court, gives none.
func TestLangCourtSentence(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Almería, 14 mar (EFE).- La Audiencia condenó el martes a tres patrones a ocho años de prisión.", []string{"ACCUSE ESP ESP", "COERCE ESP ESP"}},
		{"fr", "Tunis - La chambre criminelle du tribunal de première instance de Sousse a condamné, mardi, cinq accusés à des peines de dix ans de prison.", []string{"ACCUSE TUN TUN", "COERCE TUN TUN"}},
		{"fr", "Rabat - Le tribunal de Nador a condamné mardi cinq passeurs à dix ans de prison.", []string{"ACCUSE MAR MAR", "COERCE MAR MAR"}},
		// No prison term, or no court: no sentence.
		{"fr", "Tunis - La chambre criminelle du tribunal de Sousse a condamné, mardi, cinq accusés à une amende.", []string{}},
		{"es", "Almería, 14 mar (EFE).- La asociación condenó el martes la muerte de tres migrantes.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangAnaphorSubject: a common noun or a bare title that opens a sentence as its subject
// ("Le responsable a appelé", "El titular de Exteriores pidió", "Le diplomate") stands for the
// person named last before it; with no person named before, it gives no act.
func TestLangAnaphorSubject(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - Le ministre sénégalais de l'Intérieur, Moussa Ndiaye, a visité mardi le port. Le responsable a appelé l'Union européenne à renforcer son soutien.", []string{"REQUEST SEN EU"}},
		{"es", "Madrid, 14 mar (EFE).- El ministro argelino de Exteriores, Karim Benali, visitó el martes Ceuta. El titular de Exteriores pidió a la Unión Europea más fondos.", []string{"REQUEST DZA EU"}},
		{"fr", "Rabat - L'ambassadeur du Mali, Amadou Traoré, a visité mardi le port. Le diplomate a appelé l'Union européenne à agir.", []string{"REQUEST MLI EU"}},
		// No person named before: no act.
		{"fr", "Rabat - Le port reste fermé. Le responsable a appelé l'Union européenne à agir.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- El puerto sigue cerrado. El responsable pidió a la Unión Europea más fondos.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangBothAsTarget: "les deux gouvernements", "ambos gobiernos" right after a verb of
// asking or criticising are the two sides of the last two-sided act, one act on each; with no
// two-sided act or pair of persons before, no act.
func TestLangBothAsTarget(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - Le ministre sénégalais Moussa Ndiaye s'est entretenu mardi avec son homologue mauritanien Ahmed Ould Salem. L'OIM a appelé les deux gouvernements à protéger les migrants.", []string{"CONSULT SEN MRT", "REQUEST IOM SEN", "REQUEST IOM MRT"}},
		{"es", "Madrid, 14 mar (EFE).- Argelia y Túnez acordaron el martes reforzar la cooperación. La OIM pidió a ambos gobiernos que protejan a los migrantes.", []string{"AGREE DZA TUN", "REQUEST IOM DZA", "REQUEST IOM TUN"}},
		// Nothing two-sided told before.
		{"fr", "Dakar - Le port reste fermé. L'OIM a appelé les deux gouvernements à protéger les migrants.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangDemandAfterMeeting: a demand that names no one, by a person who is a side of the last
// two-sided act, is made to its other side; by another body of the same country, it is none.
func TestLangDemandAfterMeeting(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - Le ministre sénégalais Moussa Ndiaye s'est entretenu mardi avec son homologue malien Amadou Traoré. M. Traoré a demandé que les contrôles soient assouplis.", []string{"CONSULT SEN MLI", "REQUEST MLI SEN"}},
		{"es", "Madrid, 14 mar (EFE).- El ministro Pedro Ruiz Gómez se reunió el martes con su homólogo argelino Karim Benali. Benali pidió que se agilicen los visados.", []string{"CONSULT ESP DZA", "REQUEST DZA ESP"}},
		// Another body of one side's country: no target, no act.
		{"es", "Madrid, 14 mar (EFE).- El ministro Pedro Ruiz Gómez se reunió el martes con su homólogo argelino Karim Benali. La patronal argelina pidió que se agilicen los visados.", []string{"CONSULT ESP DZA"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangFutureSigning: a signing told in the future tense ("firmará el convenio con su
// homólogo mauritano", "signera un accord avec son homologue sénégalais") is a promise, AGREE
// with the counterpart's country; signing no agreement is none.
func TestLangFutureSigning(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro del Interior, Pedro Ruiz Gómez, firmará el próximo lunes el convenio con su homólogo gambiano.", []string{"AGREE ESP GMB"}},
		{"fr", "Paris - Le ministre de l'Intérieur, Paul Martin, signera lundi un accord avec son homologue nigérien.", []string{"AGREE FRA NER"}},
		{"fr", "Paris - Le ministre de l'Intérieur, Paul Martin, signera lundi un décret.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangWeekendAct: an act told "ce week-end", "este fin de semana" in a report of the Sunday
// is the act of those two days, whoever acts, not a count to date; a count since the start of
// the year with no one named who acts is still none, and so is a verb joined to it.
func TestLangWeekendAct(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Les garde-côtes ont intercepté ce week-end 35 migrants au large d'Oran.", []string{"COERCE DZA DZA 2024-03-09/2024-03-10"}},
		{"es", "Los guardacostas han interceptado este fin de semana a 35 migrantes frente a Orán.", []string{"COERCE DZA DZA 2024-03-09/2024-03-10"}},
		{"fr", "Depuis le début de l'année, les garde-côtes ont intercepté 900 migrants au large d'Oran.", []string{}},
		{"fr", "Depuis le début de l'année, les forces de l'ordre ont démantelé 40 réseaux et porté secours à 900 migrants au large d'Oran.", []string{}},
		{"es", "En lo que va de año, los guardacostas han desarticulado 40 redes y prestado auxilio a 900 migrantes frente a Orán.", []string{}},
	} {
		var have []string
		for _, e := range x.Extract(langDoc(tc.lang, "2024-03-10", tc.text)).Events {
			d := ""
			if e.Date != nil {
				d = *e.Date
			}
			have = append(have, e.Type+" "+e.Source.Actor+" "+e.Target.Actor+" "+d)
		}
		if !slices.Equal(have, tc.want) && !(len(have) == 0 && len(tc.want) == 0) {
			t.Errorf("%q: events %q, want %q", tc.text, have, tc.want)
		}
	}
}

// TestLangRescueAfterAdverb: "ont par ailleurs porté secours", "han prestado auxilio": a rescue
// told by a participle and its noun is an act, with an adverb between the auxiliary and it.
func TestLangRescueAfterAdverb(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Les garde-côtes algériens ont par ailleurs porté secours à quinze personnes.", []string{"AID DZA DZA"}},
		{"es", "Los guardacostas argelinos han prestado auxilio a quince personas.", []string{"AID DZA DZA"}},
		{"fr", "Le secours porté aux naufragés reste insuffisant.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangStatementTime: a word act told with the report that carries it ("en un informe
// presentado este lunes", "dans un rapport publié lundi") is dated by the report, not by the
// time of what it is about nor by the publication; a material act keeps its own time.
func TestLangStatementTime(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "La Asociación Pro Derechos Humanos de Andalucía ha criticado al Gobierno por las devoluciones de febrero, en un informe presentado este lunes.", []string{"ACCUSE ESP ESP 2024-03-11", "COERCE ESP ESP 2024-02"}},
		{"fr", "L'Association marocaine des droits humains a dénoncé le gouvernement pour les expulsions de février, dans un rapport publié lundi.", []string{"ACCUSE MAR MAR 2024-03-11", "COERCE MAR MAR 2024-02"}},
		{"es", "La Policía Nacional detuvo en febrero a doce personas en Almería, según un informe presentado este lunes.", []string{"COERCE ESP ESP 2024-02"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangVisitReceived: a minister who travels to a capital ("viajó el martes a Rabat") or is
// received by a counterpart whose adjective names the host ("fue recibido por su homólogo
// marroquí", "a été reçue par son homologue marocain") consults the host's state; a trip of
// people who act for no state, or within the visitor's own state, is none.
func TestLangVisitReceived(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro del Interior, Pedro Ruiz Gómez, viajó el martes a Rabat.", []string{"CONSULT ESP MAR"}},
		{"es", "Madrid, 14 mar (EFE).- El ministro del Interior, Pedro Ruiz Gómez, fue recibido el martes en Rabat por su homólogo marroquí.", []string{"CONSULT MAR ESP"}},
		{"fr", "Rabat - La ministre espagnole de l'Intérieur, Ana López, a été reçue mardi par son homologue marocain.", []string{"CONSULT MAR ESP"}},
		{"es", "Madrid, 14 mar (EFE).- El ministro del Interior, Pedro Ruiz Gómez, viajó el martes a Canarias.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- Unos 200 migrantes viajaron el martes a Canarias en cayucos.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangPromisedAid: money or a deployment told in the future or the conditional ("aportará
// 30 millones a Mauritania", "versera 10 millions au Sénégal", "déploiera des patrouilles en
// Mauritanie") is a promise, AGREE with the other state; a deployment to come at home is none.
func TestLangPromisedAid(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- España aportará 25 millones de euros a Gambia para el control de fronteras.", []string{"AGREE ESP GMB"}},
		{"es", "Madrid, 14 mar (EFE).- Italia desplegará 40 carabineros en Túnez.", []string{"AGREE ITA TUN"}},
		{"fr", "Dakar - L'Italie versera 12 millions d'euros à la Gambie.", []string{"AGREE ITA GMB"}},
		{"fr", "Tunis - L'Italie déploierait des patrouilles en Tunisie.", []string{"AGREE ITA TUN"}},
		{"fr", "Rabat - Le Maroc déploiera 500 agents à la frontière.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- Marruecos desplegará 500 agentes en la frontera.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangRefusedParticiple: a participle in the object of a refusal ("a rejeté toute idée de
// centres pour les migrants expulsés", "rechazó acoger a los migrantes devueltos") describes the
// people refused and tells no act; an act told in its own clause after the refusal still is one.
func TestLangRefusedParticiple(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - Le Sénégal a refusé mardi l'idée d'accueillir des camps pour les migrants expulsés d'Italie.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- Argelia rechazó el martes acoger a los migrantes devueltos por España.", []string{"REJECT DZA ESP"}},
		{"fr", "Dakar - Le Sénégal a refusé mardi les camps, et 40 passeurs ont été arrêtés.", []string{"COERCE SEN SEN"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangDeliveryReinforcement: a delivery told in the pluperfect or after an adverb ("avait
// déjà livré en octobre quatre vedettes", "había entregado seis patrulleras") is AID to the
// receiving state; reinforcements sent ("envió a Ceuta un refuerzo de 40 agentes", "a dépêché
// des renforts") are a MOBILIZE; a letter sent is neither.
func TestLangDeliveryReinforcement(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - L'Italie avait déjà livré en janvier trois vedettes au Sénégal.", []string{"AID ITA SEN"}},
		{"es", "Madrid, 14 mar (EFE).- Italia había entregado en enero tres patrulleras a Senegal.", []string{"AID ITA SEN"}},
		{"es", "Madrid, 14 mar (EFE).- El Ministerio del Interior envió el martes a Melilla un refuerzo de 30 policías.", []string{"MOBILIZE ESP ESP"}},
		{"fr", "Tunis - La Tunisie a dépêché mardi des renforts à Sfax.", []string{"MOBILIZE TUN TUN"}},
		{"es", "Madrid, 14 mar (EFE).- El Gobierno envió el martes una carta a Marruecos.", []string{}},
		{"fr", "Rabat - Le Maroc a envoyé une lettre à l'Espagne pour demander des renforts.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangPaidTranche: money paid in the passive with no payer named ("une première tranche de
// 60 millions a été versée mardi", "fue desembolsado el martes") is an AID of the donor told
// before, to its recipient; with no aid told before, none.
func TestLangPaidTranche(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Bruxelles - L'UE a annoncé une aide de 80 millions d'euros au Niger. Une première tranche de 20 millions a été versée mardi.", []string{"AGREE EU NER 2024-03-14", "AID EU NER 2024-03-12"}},
		{"es", "Madrid, 14 mar (EFE).- Italia concedió en enero 30 millones a Gambia. Un primer tramo de 10 millones fue desembolsado el martes.", []string{"AID ITA GMB 2024-01", "AID ITA GMB 2024-03-12"}},
		{"es", "Madrid, 14 mar (EFE).- Un primer tramo de 10 millones fue desembolsado el martes.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangDayOfMonth: a day of the month is no count ("el pasado día 1", "le 3 à Rabat",
// "27/11/2026"); a number after an article that counts something still counts.
func TestLangDayOfMonth(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "El cayuco zarpó el pasado día 2 de Nuadibú y murieron cinco personas.", 2},
		{"fr", "La pirogue a quitté Nouadhibou le 2, et cinq personnes sont mortes.", 2},
		{"es", "Madrid, 14/03/2024 - Murieron cinco personas en el naufragio.", 14},
		{"fr", "Dakar, 14/03/2024 - Cinq personnes sont mortes dans le naufrage.", 2024},
		{"es", "Los 40 rescatados llegaron desde el 9 al puerto de Motril, donde murieron dos.", 9},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "is a day", func(record.Statistic) bool { return true })
	}
	checkLangStats(t, []langStat{
		{"es", "Salvamento Marítimo rescató el martes a 12 migrantes.", 12, "migrants_rescued", "ESP", ""},
		{"fr", "La Marine a secouru mardi 9 migrants au large de Dakhla.", 9, "migrants_rescued", "MAR", ""},
	})
}

// TestLangNamedWhole: a partitive that opens a sentence with a noun for an act's people
// ("Parmi les rescapés figurent", "Entre los rescatados hay") is a part of the figure of
// that act, not of the last figure told.
func TestLangNamedWhole(t *testing.T) {
	checkLangStats(t, []langStat{
		{"fr", "La Marine a secouru mardi 120 migrants au large de Dakhla. Deux passeurs ont été arrêtés. Parmi les rescapés figurent 30 Maliens.", 30, "migrants_rescued", "MAR", ""},
		{"es", "Salvamento Marítimo rescató el martes a 120 migrantes cerca de Motril. Dos patrones fueron detenidos. Entre los rescatados hay 30 malienses.", 30, "migrants_rescued", "ESP", ""},
		{"fr", "La Marine a secouru mardi 120 migrants au large de Dakhla. Deux passeurs ont été arrêtés. Parmi eux figurent 30 Maliens.", 30, "suspects_arrested", "MAR", ""},
	})
}

// TestLangThingsAfterParts: boats or networks joined to a list of parts of a count of people
// ("dont 300 Maliens, et 12 réseaux") are a figure of their own, with their own category;
// people joined to it are still parts.
func TestLangThingsAfterParts(t *testing.T) {
	checkLangStats(t, []langStat{
		{"fr", "Selon la Garde nationale tunisienne, 2 000 migrants ont été interceptés en février, dont 300 Maliens, et 12 réseaux de passeurs ont été démantelés.", 12, "networks_dismantled", "TUN", ""},
		{"es", "Según la Guardia Civil, 2.000 migrantes fueron interceptados en febrero en Almería, entre ellos 300 malienses, y 12 redes de tráfico fueron desarticuladas.", 12, "networks_dismantled", "ESP", ""},
		{"fr", "Selon la Garde nationale tunisienne, 2 000 migrants ont été interceptés en février, dont 300 Maliens et 12 Guinéens.", 12, "migrants_intercepted", "TUN", ""},
	})
}

// TestLangPerHead: a sum paid by each person ("por persona", "par tête") is no funding; a sum
// given for a year still is.
func TestLangPerHead(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "La red ofrecía a los migrantes la travesía hasta Almería a cambio de 4.000 euros por persona.", 4000},
		{"fr", "Le réseau proposait la traversée vers les Canaries moyennant 2 500 euros par tête.", 2500},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "is a price", func(st record.Statistic) bool { return st.Category == "funding" })
	}
	checkLangStats(t, []langStat{
		{"es", "España aportará a Mauritania 10 millones de euros por año para sus guardacostas.", 10e6, "funding", "ESP", ""},
		{"fr", "L'Union européenne versera à la Tunisie 10 millions d'euros par an pour ses garde-côtes.", 10e6, "funding", "EU", ""},
	})
}

// TestLangNoActPredicate: a count whose own predicate tells no act ("fueron evacuados",
// "ont été acquittés") or that is a vessel's load after "con", "avec" is no toll and no
// arrest, even in a sentence or after a figure that counts one; a count whose own predicate
// tells the act keeps it.
func TestLangNoActPredicate(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
	}{
		{"es", "Murieron dos migrantes en la patera. Siete de ellos fueron evacuados al hospital de Motril.", 7},
		{"fr", "Deux migrants sont morts dans la pirogue. Sept d'entre eux ont été évacués vers l'hôpital de Dakhla.", 7},
		{"fr", "La police a arrêté 12 passeurs en juin. Cinq des prévenus ont été acquittés mardi.", 5},
		{"es", "La policía detuvo a 12 personas en junio. Cinco de los acusados fueron absueltos el martes.", 5},
		{"es", "La patera salió de Orán con 45 ocupantes y dos personas siguen desaparecidas.", 45},
		{"fr", "La pirogue a quitté Nouadhibou avec 45 passagers et deux personnes sont portées disparues.", 45},
	} {
		wantNoStatistic(t, x, tc.lang, tc.text, tc.value, "tells no act", func(st record.Statistic) bool { return st.Category != "other" })
	}
	checkLangStats(t, []langStat{
		{"es", "La patera salió de Orán y siete de sus ocupantes siguen desaparecidos.", 7, "migrants_dead_missing", "", ""},
		{"fr", "La police a arrêté 12 passeurs en juin. Cinq d'entre eux ont été arrêtés à Nador.", 5, "suspects_arrested", "", ""},
	})
}

// TestLangLoadRescued: a vessel's load after "con" is the rescued when the rescue is its
// sentence's act ("auxiliar a una patera con 14 ocupantes").
func TestLangLoadRescued(t *testing.T) {
	checkLangStats(t, []langStat{
		{"es", "Salvamento Marítimo movilizó el martes la Salvamar Mimosa para auxiliar a una patera con 31 ocupantes.", 31, "migrants_rescued", "ESP", ""},
	})
}

// TestLangRelativePart: a relative partitive ("de los cuales", "entre las cuales", "parmi
// lesquels") opens a part of the figure before it in the sentence, which takes its category.
func TestLangRelativePart(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		value      float64
		category   string
	}{
		{"es", "Según Interior, llegaron a Canarias 9.300 migrantes en febrero, de los cuales 2.100 lo hicieron a El Hierro.", 2100, "migrants_arrived"},
		{"es", "La Guardia Civil rescató el martes a 64 personas, entre las cuales 11 ciudadanos malienses.", 11, "migrants_rescued"},
		{"fr", "La Marine a intercepté 1 240 candidats à l'émigration en février, parmi lesquels 310 ressortissants guinéens.", 310, "migrants_intercepted"},
	} {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		if !slices.ContainsFunc(got.Statistics, func(st record.Statistic) bool {
			return st.Value == tc.value && st.Category == tc.category && st.PartOf != ""
		}) {
			t.Errorf("%q: no part %v %s in %+v", tc.text, tc.value, tc.category, got.Statistics)
		}
	}
}

// TestLangOthersAfterVerb: "otros" before a number ("detuvo a otros cinco miembros") keeps the
// verb before it as the number's act, as "autres" after it does.
func TestLangOthersAfterVerb(t *testing.T) {
	checkLangStats(t, []langStat{
		{"es", "La Guardia Civil detuvo a otros cinco integrantes de la organización en Almería.", 5, "suspects_arrested", "ESP", ""},
		{"fr", "La gendarmerie a arrêté mardi cinq autres membres de l'organisation à Nador.", 5, "suspects_arrested", "MAR", ""},
	})
}

// TestLangOperationEnded: a sentence that opens with the operation told before and a participle
// of its end with a time ("La operación, culminada la víspera", "L'opération, achevée mardi")
// dates the acts of that sentence, the cooperation with them; with no act told before, nothing
// is dated by it.
func TestLangOperationEnded(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "ALMERÍA, 14 Mar. (EFE) - La Guardia Civil ha desmantelado en Almería una red de tráfico de migrantes en colaboración con la Policía de Marruecos. La operación, culminada la víspera, se ha saldado con nueve detenidos.", []string{"COERCE ESP ESP 2024-03-13", "COOPERATE ESP MAR 2024-03-13"}},
		{"fr", "Rabat, 14 mars (MAP) - La police a démantelé à Nador un réseau de passeurs en coordination avec la Guardia Civil espagnole. L'opération, achevée mardi, a permis l'arrestation de neuf suspects.", []string{"COERCE MAR MAR 2024-03-12", "COOPERATE MAR ESP 2024-03-12"}},
		{"es", "ALMERÍA, 14 Mar. (EFE) - El ministro visitó la comisaría. La operación, concluida la víspera, era secreta.", []string{}},
		{"fr", "Rabat, 14 mars (MAP) - Le ministre a visité le port. L'opération, terminée mardi, était secrète.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangVisitNoun: a visit named by a noun after a word that tells it took place ("durante
// una visita a Rabat", "lors d'une visite de la ministre espagnole à Nouakchott") is a CONSULT
// of the visitor's state with the host's; a visit to come, or to a place of the visitor's own
// state, is none.
func TestLangVisitNoun(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro español del Interior anunció el martes, durante una visita a Nuakchot, un refuerzo de las patrullas.", []string{"CONSULT ESP MRT"}},
		{"fr", "Rabat, 14 mars (MAP) - Le ministre mauritanien, en visite au Maroc, a salué la coopération.", []string{"CONSULT MRT MAR"}},
		{"fr", "Dakar - Lors d'une visite de la ministre espagnole de l'Intérieur à Dakar, les deux pays ont renforcé leurs patrouilles.", []string{"CONSULT ESP SEN"}},
		{"es", "Nuakchot - Mauritania y España firmaron el sábado un acuerdo durante una visita de la secretaria de Estado española de Seguridad, Ana López, recibida por el ministro mauritano del Interior.", []string{"SUPPORT ESP MRT", "CONSULT ESP MRT"}},
		{"fr", "Nouakchott - La Mauritanie et l'Espagne ont signé samedi un accord lors d'une visite de la secrétaire d'État espagnole à la Sécurité, Ana López, reçue par le ministre mauritanien de l'Intérieur.", []string{"SUPPORT MRT ESP", "CONSULT ESP MRT"}},
		{"es", "Madrid, 14 mar (EFE).- El ministro hará una visita a Rabat el martes.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- El ministro español del Interior inauguró el martes, durante una visita a Algeciras, la nueva comisaría.", []string{}},
		{"fr", "Rabat, 14 mars (MAP) - Le ministre se rendra au Sénégal pour une visite de deux jours.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangRefusalClause: a refusal told in a clause of time ("una semana después de que Rabat
// rechazara la readmisión", "deux jours après que Rabat a refusé") is a REJECT of its subject
// toward the other side of the last act between two states, dated the days its measure names
// before that act; with no such act, or no state refusing, none.
func TestLangRefusalClause(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro español se reunió el martes en Rabat con su homólogo marroquí. La visita se produce una semana después de que Rabat rechazara la readmisión de 70 migrantes.", []string{"CONSULT ESP MAR 2024-03-12", "REJECT MAR ESP 2024-03-05"}},
		{"fr", "Paris - Le ministre français s'est entretenu mardi à Rabat avec son homologue marocain. La visite intervient deux jours après que Rabat a refusé la réadmission de 70 migrants.", []string{"CONSULT FRA MAR 2024-03-12", "REJECT MAR FRA 2024-03-10"}},
		{"fr", "Paris - La police a arrêté mardi trois passeurs, deux jours après que le tribunal a refusé leur libération.", []string{"COERCE FRA FRA 2024-03-12"}},
		{"es", "Madrid, 14 mar (EFE).- La visita se produce una semana después de que Rabat rechazara la readmisión de 70 migrantes.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want, true)
	}
}

// TestLangFundingFor: a funding to come, in the future or the conditional, whose recipient
// follows "para", "pour" ("España financiará patrulleras para la Gendarmería mauritana",
// "Bruxelles financerait des équipements pour les garde-côtes tunisiens") is a promise, AGREE
// with that state; people of a nationality after "pour" are no recipient.
func TestLangFundingFor(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- Italia financiará cuatro lanchas para la Guardia Nacional tunecina.", []string{"AGREE ITA TUN"}},
		{"fr", "Dakar - Selon l'accord, Madrid financerait des radars pour la Marine sénégalaise.", []string{"AGREE ESP SEN"}},
		{"fr", "Tunis - L'UE financera des formations pour les migrants tunisiens.", []string{}},
		{"es", "Madrid, 14 mar (EFE).- España financiará seis patrulleras para vigilar la costa.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangTripToSign: a trip to come whose aim is a signing ("viajará el lunes a Nuakchot para
// firmar", "se rendra lundi à Dakar pour signer") is a promise, AGREE of the traveller's state
// with the destination's; a trip to meet, or within the traveller's own state, is none.
func TestLangTripToSign(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "Madrid, 14 mar (EFE).- El ministro español del Interior viajará el jueves a Dakar para firmar un memorando con su homólogo senegalés.", []string{"AGREE ESP SEN"}},
		{"fr", "Rabat, 14 mars (MAP) - Le ministre marocain de l'Intérieur se rendra jeudi à Nouakchott pour signer une convention.", []string{"AGREE MAR MRT"}},
		{"es", "Madrid, 14 mar (EFE).- La ministra viajará a Dakar para reunirse con su homólogo.", []string{}},
		{"fr", "Rabat, 14 mars (MAP) - Le ministre se rendra lundi à Tanger pour signer un accord.", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangRestatedParticiple: a participle on a noun of people that opens a sentence after the
// act was told ("Los supervivientes rescatados por la Salvamar, de origen subsahariano y
// marroquí", "Les migrants secourus par la Marine") names them again: no new act, nor one
// toward a nationality of theirs; with no act told before, the participle tells the act.
func TestLangRestatedParticiple(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"es", "MOTRIL, 14 Mar. (EFE) - Salvamento Marítimo auxilió el martes a 31 personas en una neumática. Los ocupantes auxiliados por la Guardamar, de origen argelino y marroquí, fueron trasladados a Motril.", []string{"AID ESP ESP"}},
		{"fr", "Dakhla, 14 mars (MAP) - La Marine royale a secouru mardi 60 migrants. Les 60 migrants secourus par la patrouille, originaires de Guinée et du Mali, ont été débarqués à Dakhla.", []string{"AID MAR MAR"}},
		{"es", "MOTRIL, 14 Mar. (EFE) - Los migrantes rescatados por Salvamento Marítimo el martes llegaron a Motril.", []string{"AID ESP ESP"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangCounterpartHome: with no dateline, a minister named without a country who receives
// "son homologue marocain", "su homólogo español" is not of the counterpart's country, though
// it is the home of the language's press: he is of the one other country a title names by its
// adjective ("l'entourage du ministre français"), never the counterpart's; else of none.
func TestLangCounterpartHome(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       map[string]string
	}{
		{"fr", "Le ministre de l'intérieur, Bruno Garnier, a reçu mardi son homologue marocain, Karim Bennis. Un accord a été trouvé, a indiqué l'entourage du ministre français.", map[string]string{"Bruno Garnier": "FRA", "Karim Bennis": "MAR"}},
		{"es", "El ministro del Interior, Rui Costa, recibió el jueves a su homólogo español, Julián Ortega. El portavoz del ministro portugués confirmó el acuerdo.", map[string]string{"Rui Costa": "PRT", "Julián Ortega": "ESP"}},
		{"fr", "Le ministre de l'intérieur, Bruno Garnier, a reçu mardi son homologue marocain, Karim Bennis. Le ministre marocain a salué l'accord.", map[string]string{"Bruno Garnier": "", "Karim Bennis": "MAR"}},
		{"fr", "Le ministre de l'intérieur, Karim Bennis, a reçu mardi son homologue espagnol, Julián Ortega. Le ministre français était absent.", map[string]string{"Karim Bennis": "MAR"}},
		{"fr", "Paris - Le ministre de l'intérieur, Bruno Garnier, a reçu mardi son homologue marocain, Karim Bennis.", map[string]string{"Bruno Garnier": "FRA"}},
	} {
		wantPersons(t, x, tc.lang, tc.text, tc.want)
	}
	wantEventSet(t, x, "fr", "Le ministre de l'intérieur, Bruno Garnier, a reçu mardi son homologue marocain, Karim Bennis. Un accord a été trouvé, a indiqué l'entourage du ministre français.", []string{"CONSULT FRA MAR"})
}

// TestLangProvidedFor: a joint act that a signed text provides for ("ont signé un accord
// prévoyant des patrouilles conjointes", "firmaron un memorando que prevé patrullas conjuntas")
// is what was agreed, AGREE of the same sides, not COOPERATE; joint patrols told as done stay
// COOPERATE.
func TestLangProvidedFor(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar - Le Sénégal et la Gambie ont signé lundi un protocole prévoyant des patrouilles conjointes sur le fleuve.", []string{"SUPPORT SEN GMB", "AGREE SEN GMB"}},
		{"es", "Madrid, 14 mar (EFE).- España y Senegal firmaron el lunes un memorando que prevé patrullas conjuntas en la costa.", []string{"SUPPORT ESP SEN", "AGREE ESP SEN"}},
		{"fr", "Dakar - Le Sénégal et la Gambie ont mené lundi des patrouilles conjointes sur le fleuve.", []string{"COOPERATE SEN GMB"}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}

// TestLangUnknownCivilBody: a civil body the gazetteer does not know that opens the sentence
// of a demand or a criticism ("Le collectif Sunu Yoon a appelé le gouvernement à", "La
// Coordinadora Vecinal ha denunciado") acts for the state of the dateline, toward it when it
// names no one; "le gouvernement" right after the verb is the target, not a state in the aim.
// A body after other words, or a report with no dateline and no state apart, gives no act.
func TestLangUnknownCivilBody(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Dakar, 14 mars (APS) - Les départs continuent. Le collectif Sunu Yoon a appelé le gouvernement à « ouvrir des voies légales » avec l'Italie.", []string{"REQUEST SEN SEN"}},
		{"fr", "Nouakchott, 14 mars (AMI) - Les reconduites se poursuivent. Le Forum des associations citoyennes a dénoncé mardi des « refoulements illégaux » et demandé au gouvernement de suspendre les reconduites.", []string{"ACCUSE MRT MRT", "REQUEST MRT MRT"}},
		{"es", "Dakar, 14 mar (EFE).- Las expulsiones continúan. La Coordinadora de Barrios ha denunciado este martes las « expulsiones sumarias ».", []string{"ACCUSE SEN SEN"}},
		{"fr", "Dakar, 14 mars (APS) - Selon eux, le collectif Sunu Yoon a dénoncé des « refoulements ».", []string{}},
		{"fr", "Le collectif Sunu Yoon a dénoncé mardi des « refoulements illégaux ».", []string{}},
	} {
		wantEventSet(t, x, tc.lang, tc.text, tc.want)
	}
}
