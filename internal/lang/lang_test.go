package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, title, text, want string
	}{
		{"spanish", "Salvamento Marítimo rescata a 54 migrantes al sur de Motril",
			"Salvamento Marítimo ha rescatado este martes a 54 personas de origen subsahariano que viajaban a bordo de una patera, según informaron fuentes del organismo.", Spanish},
		{"french", "Nador : les autorités avortent une tentative d'émigration clandestine",
			"Les éléments de la Marine royale ont intercepté mardi une embarcation pneumatique qui transportait 47 candidats à l'émigration irrégulière, a-t-on appris auprès d'une source militaire.", French},
		{"english", "Coastguard rescues 54 migrants off Motril",
			"The Spanish maritime rescue service said on Tuesday that it had picked up 54 people from a dinghy in the Alboran Sea.", English},
		{"german is reported as german", "",
			"Die spanische Seenotrettung hat am Dienstag 54 Menschen aus einem Schlauchboot im Alboranmeer gerettet, wie die Behörden mitteilten.", "de"},
		{"a short text is english", "Detenidos", "Ceuta, 12 de mayo.", English},
		{"empty", "", "", English},
		// An English report quoting a sentence in Spanish stays English.
		{"mixed", "Interior minister defends returns",
			"The interior minister defended on Monday the return of 116 migrants to Morocco under a 1992 agreement between the two countries. \"Se ha cumplido la ley\", he told reporters in Madrid, adding that the government would publish the figures for the year in January and that no minor had been returned.", English},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Detect(tc.title, tc.text)
			if got.Code != tc.want {
				t.Errorf("Detect = %+v, want %s", got, tc.want)
			}
			// Detection is deterministic.
			for range 3 {
				if again := Detect(tc.title, tc.text); again != got {
					t.Fatalf("Detect gave %+v, then %+v", got, again)
				}
			}
		})
	}
}

// TestDetectReadsABoundedPrefix: a text far longer than MaxRunes is detected on its start,
// so a Spanish report followed by a long English appendix is Spanish.
func TestDetectReadsABoundedPrefix(t *testing.T) {
	es := strings.Repeat("La Guardia Civil ha detenido a dos personas por su presunta implicación en la llegada de una patera a la costa de Almería. ", 10)
	en := strings.Repeat("The Civil Guard arrested two people over the arrival of a boat on the coast of Almería. ", 400)
	if got := Detect("", es+en); got.Code != Spanish {
		t.Errorf("Detect = %+v, want es", got)
	}
	if n := len([]rune(sample("", es+en))); n > MaxRunes {
		t.Errorf("sample has %d runes, more than %d", n, MaxRunes)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"es": "es", "ES": "es", "es-ES": "es", "fr_FR": "fr", "spa": "es", "fra": "fr",
		"French": "fr", "english": "en", "de": "de", "": "", "xx": "", "klingon": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The Spanish maritime rescue service said on Tuesday that it had picked up 54 people from a dinghy in the Alboran Sea. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect("Coastguard rescues 54 migrants", text)
	}
}

// TestPlainlyEnglish: the function words take plain English without the trigram model, and
// only plain English.
func TestPlainlyEnglish(t *testing.T) {
	for text, want := range map[string]bool{
		"The coastguard said on Tuesday that it had rescued 54 people from a dinghy, which was taken to the port of Motril by the crew.": true,
		"Salvamento Marítimo ha rescatado este martes a 54 personas de una patera, según ha informado el organismo a la prensa.":         false,
		"Les éléments de la Marine royale ont intercepté mardi une embarcation qui transportait 47 candidats à l'émigration.":            false,
		"Die Seenotrettung hat am Dienstag 54 Menschen aus einem Schlauchboot gerettet.":                                                 false,
	} {
		if got := plainlyEnglish(text); got != want {
			t.Errorf("plainlyEnglish(%.40q) = %v, want %v", text, got, want)
		}
	}
}

// TestReports: the reports of testdata are in the language their name begins with, and every
// English report of examples/ and of the dev set beside the project is English (a report
// detected as another language would be extracted with the wrong rules).
func TestReports(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 8 {
		t.Fatalf("%d test reports, want 8", len(files))
	}
	for _, f := range files {
		want, _, _ := strings.Cut(filepath.Base(f), "-")
		title, body := report(t, f)
		if got := Detect(title, body); got.Code != want {
			t.Errorf("%s: %+v, want %s", f, got, want)
		}
	}
	english, _ := filepath.Glob("../../examples/*.txt")
	dev, _ := filepath.Glob("../../../shared/eval/dev/*.txt")
	if len(dev) == 0 && os.Getenv("CI") != "" {
		t.Error("the dev set is missing in CI")
	}
	for _, f := range append(english, dev...) {
		title, body := report(t, f)
		if got := Detect(title, body); got.Code != English {
			t.Errorf("%s: %+v, want en", f, got)
		}
	}
}

// report reads a report file: its header's title and its body.
func report(t *testing.T, path string) (title, body string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(b), "\n")
	if f := strings.Fields(head); len(f) > 2 && f[0] == "date" {
		title = strings.Join(f[2:], " ")
	} else {
		body = string(b)
	}
	return title, body
}
