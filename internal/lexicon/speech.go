package lexicon

import (
	"fmt"
	"strings"
)

// SpeechVerb is what a form of a speech verb allows.
type SpeechVerb struct {
	Lemma string
	// Invert: the verb may stand before its subject ("'We will act,' said Anna Berg").
	Invert bool
	// Listener: the verb's object is the listener, not the speaker ("Berg told Reuters").
	Listener bool
}

// addSpeech reads a line of speech.en.txt: a verb with its irregular forms, then flags.
func (lx *Lexicon) addSpeech(c []string) error {
	spec := strings.TrimSpace(c[0])
	if spec == "" || strings.Contains(spec, " ") {
		return fmt.Errorf("want one verb, got %q", spec)
	}
	v := SpeechVerb{Lemma: strings.Split(spec, "/")[0]}
	for _, f := range split(strings.ReplaceAll(c[1], ",", "|")) {
		switch f {
		case "invert":
			v.Invert = true
		case "listener":
			v.Listener = true
		default:
			return fmt.Errorf("unknown flag %q (want invert or listener)", f)
		}
	}
	for _, form := range Inflect(spec) {
		lx.Speech[form] = v
	}
	return nil
}

// IsCommon reports whether w (lower case) is a common English word: capitalised, it opens a
// sentence or names a thing, and is not a person's given name ("Although", "Local", "Four").
func (lx *Lexicon) IsCommon(w string) bool { return lx.Common[w] }
