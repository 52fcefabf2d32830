package syntax

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus returns the path of a file of ../shared/corpora/DIR; it is missing only outside the
// project's machines, and never in CI.
func corpus(t testing.TB, dir, name string) string {
	p := filepath.Join(filepath.Dir(ewt), dir, name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("treebank missing in CI: %v", err)
		}
		t.Skipf("treebank not found: %v", err)
	}
	return p
}

// show renders tokens as "form[start:end]" separated by spaces.
func show(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s[%d:%d]", t.Form, t.Start, t.End)
	}
	return b.String()
}

func TestTokenizeIn(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		// Spanish contractions: both words point at the surface word's span.
		{"es", "Llegó al puerto del Estrecho.", "Llegó[0:5] a[6:8] el[6:8] puerto[9:15] de[16:19] el[16:19] Estrecho[20:28] .[28:29]"},
		{"es", "Al menos 30 migrantes", "a[0:2] el[0:2] menos[3:8] 30[9:11] migrantes[12:21]"},
		{"es", "en Al Hoceima", "en[0:2] Al[3:5] Hoceima[6:13]"},
		// Clitics: an accented verb loses its accent with them.
		{"es", "dárselo", "dar[0:7] se[0:7] lo[0:7]"},
		{"es", "para hacerlo", "para[0:4] hacer[5:10] lo[10:12]"},
		{"es", "transmitiéndose", "transmitiendo[0:15] se[0:15]"},
		{"es", "irse", "ir[0:2] se[2:4]"},
		// Nouns that end like clitics stay whole.
		{"es", "la muerte de extranjeros en los gobiernos de Carlos", "la[0:2] muerte[3:9] de[10:12] extranjeros[13:24] en[25:27] los[28:31] gobiernos[32:41] de[42:44] Carlos[45:51]"},
		{"es", "la escuela del pueblo", "la[0:2] escuela[3:10] de[11:14] el[11:14] pueblo[15:21]"},
		// Numbers, abbreviations, hyphens, inverted marks.
		{"es", "¿18.500 o 1,5 millones?", "¿[0:1] 18.500[1:7] o[8:9] 1,5[10:13] millones[14:22] ?[22:23]"},
		{"es", "ALMERÍA, 10 Mar. (EUROPA PRESS) en el mar.", "ALMERÍA[0:7] ,[7:8] 10[9:11] Mar.[12:16] ([17:18] EUROPA[18:24] PRESS[25:30] )[30:31] en[32:34] el[35:37] mar[38:41] .[41:42]"},
		{"es", "EE.UU. y las FF.AA. de Marruecos", "EE.UU.[0:6] y[7:8] las[9:12] FF.AA.[13:19] de[20:22] Marruecos[23:32]"},
		{"es", "el Sr. Grande-Marlaska", "el[0:2] Sr.[3:6] Grande[7:13] -[13:14] Marlaska[14:22]"},
		{"es", "12 000 euros en 2019 200 veces", "12 000[0:6] euros[7:12] en[13:15] 2019[16:20] 200[21:24] veces[25:30]"},
		// French elision, contractions and inversion.
		{"fr", "l'arrivée des migrants au port", "l'[0:2] arrivée[2:9] de[10:13] les[10:13] migrants[14:22] à[23:25] le[23:25] port[26:30]"},
		{"fr", "Ils ont arrêté des passeurs.", "Ils[0:3] ont[4:7] arrêté[8:14] des[15:18] passeurs[19:27] .[27:28]"},
		{"fr", "Des migrants du Maroc aux îles", "Des[0:3] migrants[4:12] de[13:15] le[13:15] Maroc[16:21] à[22:25] les[22:25] îles[26:30]"},
		{"fr", "Qu’a-t-il dit jusqu'à aujourd'hui ?", "Qu’[0:3] a[3:4] -t-il[4:9] dit[10:13] jusqu'[14:20] à[20:21] aujourd'hui[22:33] ?[34:35]"},
		{"fr", "M. Laftit, c'est-à-dire le ministre", "M.[0:2] Laftit[3:9] ,[9:10] c'[11:13] est-à-dire[13:23] le[24:26] ministre[27:35]"},
		{"fr", "la Grande-Bretagne et 4 500 personnes", "la[0:2] Grande-Bretagne[3:18] et[19:21] 4 500[22:27] personnes[28:37]"},
		{"fr", "l'un des passeurs", "l'[0:2] un[2:4] de[5:8] les[5:8] passeurs[9:17]"},
		{"es", "empató 1-1 en la temporada 1994-95 tras quejarnos", "empató[0:6] 1-1[7:10] en[11:13] la[14:16] temporada[17:26] 1994-95[27:34] tras[35:39] quejar[40:46] nos[46:49]"},
		{"fr", "Il est 20h45, ceux-ci et quelqu'un", "Il[0:2] est[3:6] 20[7:9] h[9:10] 45[10:12] ,[12:13] ceux-ci[14:21] et[22:24] quelqu'un[25:34]"},
		// English and unknown languages keep the English tokenizer.
		{"en", "Spain's border", "Spain[0:5] 's[5:7] border[8:14]"},
		{"de", "Spain's border", "Spain[0:5] 's[5:7] border[8:14]"},
	}
	for _, tc := range tests {
		got := show(TokenizeIn(tc.lang, tc.in, 0))
		if got != tc.want {
			t.Errorf("TokenizeIn(%s, %q)\n got %s\nwant %s", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestAppendTokensContext: the words already tokenized are the context of the next ones,
// as when a sentence is tokenized word by word; offsets come from base.
func TestAppendTokensContext(t *testing.T) {
	toks := AppendTokens(French, nil, "l'arrivée", 10)
	toks = AppendTokens(French, toks, "des", 20)
	if got, want := show(toks), "l'[10:12] arrivée[12:19] de[20:23] les[20:23]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	toks = AppendTokens(French, nil, "avec", 0)
	toks = AppendTokens(French, toks, "des", 5)
	if got, want := show(toks), "avec[0:4] des[5:8]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// English through AppendTokens is Tokenize.
	if a, b := show(AppendTokens(English, nil, "Don't go.", 3)), show(TokenizeAt("Don't go.", 3)); a != b {
		t.Errorf("English AppendTokens %s, TokenizeAt %s", a, b)
	}
	// In every language, text that starts with white space gives SpaceAfter to the last
	// token before it.
	for _, lang := range []string{English, Spanish, French} {
		toks := AppendTokens(lang, nil, "12", 0)
		toks = AppendTokens(lang, toks, " 13", 2)
		if len(toks) != 2 || !toks[0].SpaceAfter || toks[1].Start != 3 {
			t.Errorf("%s: %+v, want SpaceAfter on 12 and 13 at 3", lang, toks)
		}
	}
}

func TestSpaceAfterIn(t *testing.T) {
	toks := TokenizeIn(Spanish, "del puerto", 0)
	if !toks[1].SpaceAfter || toks[0].SpaceAfter {
		t.Errorf("SpaceAfter belongs to the last word of a contraction: %+v", toks)
	}
}

// TestTokenizeInOnTreebanks scores the Spanish and French tokenizers on the GSD test files:
// the syntactic words they make from each sentence's text must match the treebank's words
// (offsets and forms) for nearly all words. The figure is printed with -v.
func TestTokenizeInOnTreebanks(t *testing.T) {
	for _, tc := range []struct {
		lang, dir, file string
		min             float64
	}{{Spanish, "ud-spanish", "es_gsd-ud-test.conllu", 0.995}, {French, "ud-french", "fr_gsd-ud-test.conllu", 0.995}} {
		path := corpus(t, tc.dir, tc.file)
		cs, err := ReadCoNLLUFile(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		gold, sys, matched := 0, 0, 0
		for _, c := range cs {
			text, _ := sentenceText(c)
			g := c.Sentence()
			if err := goldOffsets(c, g, text); err != nil {
				t.Fatal(err)
			}
			toks := TokenizeIn(tc.lang, text, 0)
			at := map[[2]int][]string{}
			for _, tk := range toks {
				sp := [2]int{tk.Start, tk.End}
				at[sp] = append(at[sp], strings.ToLower(tk.Form))
			}
			for _, gt := range g.Tokens {
				sp := [2]int{gt.Start, gt.End}
				if fs := at[sp]; len(fs) > 0 {
					matched++
					at[sp] = fs[1:]
				}
			}
			gold += len(g.Tokens)
			sys += len(toks)
		}
		f1 := 2 * float64(matched) / float64(gold+sys)
		t.Logf("%s: words F1 %.4f (%d gold, %d system, %d matched)", tc.file, f1, gold, sys, matched)
		if f1 < tc.min {
			t.Errorf("%s: words F1 %.4f, want at least %.2f", tc.file, f1, tc.min)
		}
	}
}

// TestLanguageModels: the embedded Spanish and French models load, parse a sentence of their
// language into a tree, and keep the figures the README states on GSD test with gold tokens.
func TestLanguageModels(t *testing.T) {
	for _, tc := range []struct {
		lang, dir, file, sentence string
	}{
		{Spanish, "ud-spanish", "es_gsd-ud-test.conllu", "La Guardia Civil detuvo ayer al patrón de la patera en Almería."},
		{French, "ud-french", "fr_gsd-ud-test.conllu", "La Marine royale a intercepté mardi 47 migrants au large de Nador."},
	} {
		m, err := For(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		s := m.ParseTextIn(tc.lang, tc.sentence)
		if !s.Valid() || s.Root() < 0 || s.Tokens[s.Root()].UPOS != "VERB" {
			t.Errorf("%s: %q parsed into no tree rooted at a verb: %+v", tc.lang, tc.sentence, s.Tokens)
		}
		cs, err := ReadCoNLLUFile(context.Background(), corpus(t, tc.dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		sc := m.Evaluate(context.Background(), Sentences(cs))
		t.Logf("%s: %s", tc.file, sc)
		if sc.UPOSAcc() < 92 || sc.LASAcc() < 75 {
			t.Errorf("%s: %s, want UPOS ≥ 92 and LAS ≥ 75", tc.file, sc)
		}
	}
	if m, err := For(""); err != nil || m == nil {
		t.Errorf("For(\"\") = %v, %v; want the English model", m, err)
	}
	if _, err := For("de"); !errors.Is(err, ErrNoModel) {
		t.Errorf("For(de) = %v, want ErrNoModel", err)
	}
}
