package syntax

import "testing"

// Nouns for people ending in -ee are nouns wherever they stand, even where the model, from
// their ending, would guess a verb ("flees", "agrees").
func TestDomainNounsAreNouns(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, word, xpos string }{
		// Read as a verb by the model alone: "300 Guinean refugees", "45 Somali refugees".
		{"Greek coastguards rescued 300 Guinean refugees on Sunday.", "refugees", "NNS"},
		{"The crew hauled 45 Somali refugees aboard at dawn.", "refugees", "NNS"},
		{"They took in 20 Yemeni refugees last year.", "refugees", "NNS"},
		{"Refugees wait at the border.", "Refugees", "NNS"},
		{"The guards released one detainee and two evacuees.", "evacuees", "NNS"},
	} {
		s := m.ParseText(c.text)
		found := false
		for _, tok := range s.Tokens {
			if tok.Form != c.word {
				continue
			}
			found = true
			if tok.UPOS != "NOUN" || tok.XPOS != c.xpos {
				t.Errorf("%q in %q: %s %s, want NOUN %s", c.word, c.text, tok.UPOS, tok.XPOS, c.xpos)
			}
		}
		if !found {
			t.Errorf("%q not a token of %q", c.word, c.text)
		}
	}
}

func TestAddNounsSkipsCommentsAndBlankLines(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.tg.dict[hashString("# Nouns")]; ok {
		t.Error("a comment line entered the tag dictionary")
	}
	if _, ok := m.tg.dict[hashString("s")]; ok {
		t.Error("a blank line entered the tag dictionary as a plural")
	}
}
