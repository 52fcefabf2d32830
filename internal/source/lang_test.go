package source

import (
	"context"
	"strings"
	"testing"
)

const (
	esReport = "Salvamento Marítimo rescata a 54 migrantes\n\nSalvamento Marítimo ha rescatado este martes a 54 personas de origen subsahariano que viajaban a bordo de una patera al sur de Motril, según han informado fuentes del organismo.\n"
	frReport = "Nador : 47 migrants interceptés\n\nLes éléments de la Marine royale ont intercepté mardi une embarcation pneumatique qui transportait 47 candidats à l'émigration irrégulière, a-t-on appris auprès d'une source militaire.\n"
	enReport = "Coastguard rescues 54 migrants\n\nThe Spanish maritime rescue service said on Tuesday that it had picked up 54 people from a dinghy in the Alboran Sea, and that they were taken to the port of Motril.\n"
	deReport = "Seenotrettung rettet 54 Menschen\n\nDie spanische Seenotrettung hat am Dienstag 54 Menschen aus einem Schlauchboot im Alboranmeer gerettet, wie die Behörden in Madrid am Abend mitteilten.\n"
)

// TestLanguage: each document made gets its language, detected when the input does not say
// it, or the one --lang gives; a language without rules of its own warns.
func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ name, raw, want string }{{"es.txt", esReport, "es"}, {"fr.txt", frReport, "fr"}, {"en.txt", enReport, "en"}, {"de.txt", deReport, "de"}} {
		it := Report(tc.name, []byte(tc.raw))
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		if it.Doc.Language != tc.want {
			t.Errorf("%s: language %q, want %q", tc.name, it.Doc.Language, tc.want)
		}
		warned := strings.Contains(strings.Join(it.Warnings, "\n"), "English rules")
		if warned != (tc.want == "de") {
			t.Errorf("%s: warnings %q", tc.name, it.Warnings)
		}
	}
	// JSON Lines: a "language" field is taken as given; without one the text tells.
	jl := `{"text": "The coastguard said on Tuesday that it had rescued 54 people.", "language": "es-ES"}` + "\n" +
		`{"text": "Les éléments de la Marine royale ont intercepté mardi une embarcation qui transportait 47 candidats à l'émigration."}` + "\n"
	var got []string
	err := Read(context.Background(), []string{"-"}, strings.NewReader(jl), func(it Item) error {
		got = append(got, it.Doc.Language)
		return it.Err
	})
	if err != nil || strings.Join(got, ",") != "es,fr" {
		t.Errorf("JSON Lines languages %v (%v), want es,fr", got, err)
	}
	// --lang overrides every document's language and its warning.
	got = got[:0]
	err = Options{Language: "fr"}.Read(context.Background(), []string{"-"}, strings.NewReader(deReport), func(it Item) error {
		got = append(got, it.Doc.Language)
		if strings.Contains(strings.Join(it.Warnings, "\n"), "English rules") {
			t.Errorf("warnings with --lang: %q", it.Warnings)
		}
		return it.Err
	})
	if err != nil || strings.Join(got, ",") != "fr" {
		t.Errorf("--lang fr gave %v (%v)", got, err)
	}
}
