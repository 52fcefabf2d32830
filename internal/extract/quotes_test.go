package extract

import (
	"testing"

	"github.com/alboran/alboran/internal/record"
)

// TestQuoteSpeakers checks who a quotation is attributed to, one class of attribution a line.
func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		body    string
		speaker string
		text    string
		rule    string
	}{
		// A surname alone, a pronoun or a one-name person names the speaker.
		{"Harbour master Ivo Kovac inspected the quay. \"We must act,\" Kovac joked.", "Ivo Kovac", "We must act,", "quote.verb-subject"},
		{"Harbour master Ivo Kovac said the quay was safe. He was tired. \"We must act,\" he said.", "Ivo Kovac", "We must act,", "quote.pronoun"},
		{"\"We are worried about the winter,\" said Okafor.", "Okafor", "We are worried about the winter,", "quote.verb-subject-inverted"},
		{"Interior Minister Lars Ek spoke on Monday. Mr Ek was quoted in Swedish media as saying: \"We are full.\"", "Lars Ek", "We are full.", "quote.nearest-subject"},
		// A given name alone names the one person the text gave it to.
		{"Marta Quiles, a shopkeeper, watched the boats land. \"I am not afraid,\" Marta told us.", "Marta Quiles", "I am not afraid,", "quote.verb-subject"},
		// A role the lead gives and the next sentence names.
		{"Boats that are stopped will not \"be towed back\", the Commission's migration chief has told ministers.\n\nLena Sorensen addressed them on Monday. Sorensen said the plan was legal.", "Lena Sorensen", "be towed back", "quote.role-named-after"},
		// Of several names, the one the apposition follows.
		{"\"We must act,\" Tomas Berg, Halvorsen's chief of staff, said.", "Tomas Berg", "We must act,", "quote.subject-apposition"},
		// A new speaker introduced with an apposition, not the previous one or their charity.
		{"Petra Lind, a nurse, said the port was full. Anna de la Cruz, of the charity Safe Harbour, said: \"We cannot wait any longer.\"", "Anna de la Cruz", "We cannot wait any longer.", "quote.subject-apposition"},
		// A role in front of its holder's name: the name speaks.
		{"Home Secretary Ada Lind toured Dover. Home Secretary, Ruth Kemp, said: \"The gangs will pay.\"", "Ruth Kemp", "The gangs will pay.", "quote.subject-apposition"},
		// An organization speaks in its fullest form; a role speaks for its office.
		{"The Border Enforcement Directorate said on Monday: \"Crossings fell by half.\"", "Border Enforcement Directorate", "Crossings fell by half.", "quote.name"},
		{"Greek coastguard vessels searched the area. \"Forty people swam ashore,\" the coastguard said.", "Greek coastguard", "Forty people swam ashore,", "quote.office"},
		{"The Ministry of Defence sent a drone. An MoD spokesperson said: \"The drone will fly every day.\"", "Ministry of Defence", "The drone will fly every day.", "quote.role-of-office"},
		{"The European Commission met the ministers. A Commission spokesperson said: \"The rules will not change.\"", "European Commission", "The rules will not change.", "quote.role-of-office"},
		// An office the text never names in full is the home country's, named as the press does.
		{"ATHENS (Reuters) - Boats capsized off two islands on Friday.\n\n\"Forty people swam to the shore,\" the coastguard said in a statement.", "Greek coastguard", "Forty people swam to the shore,", "quote.office-of-home"},
		{"ATHENS (Reuters) - Boats capsized off two islands on Friday.\n\n\"Smugglers crammed dozens of people into unseaworthy boats,\" the shipping ministry said.", "Greek shipping ministry", "Smugglers crammed dozens of people into unseaworthy boats,", "quote.office-of-home"},
		// ... but not when the office is the object of a preposition or one of several.
		{"ATHENS (Reuters) - Boats capsized on Friday.\n\nThe ship sailed on 'in the face of the lack of reaction' from the authorities, a spokesman for the charity told AFP.", "", "in the face of the lack of reaction", "quote.unattributed"},
		// The sentence before names who speaks.
		{"Ivo Kovac, a fisherman, said the sea was rough that night.\n\n\"We could not see the boat.\"", "Ivo Kovac", "We could not see the boat.", "quote.sentence-before"},
		// A speaker the text does not name stays unnamed, though a name stands nearby.
		{"Ivo Kovac, a fisherman, spoke first. \"It was chaos,\" a witness told reporters.", "", "It was chaos,", "quote.unattributed"},
		{"Rescuers told Reuters they had seen it. \"The boat was full,\" one official said.", "", "The boat was full,", "quote.unattributed"},
		// A one-name person with a title speaks, and is the antecedent of a role.
		{"Archbishop Ilarion blessed the boats. \"Nobody must drown,\" the archbishop said.", "Archbishop Ilarion", "Nobody must drown,", "quote.role"},
		// A fragment quoted in a sentence takes no speaker from the sentence before.
		{"Mayor Ana Ruiz, a lawyer, said the camp was full. Reporters described the boats as \"rickety vessels\".", "", "rickety vessels", "quote.unattributed"},
		// A fragment is not attributed through "according to" or to a word that names nothing known.
		{"According to the Harbour Authority, the migrants sailed in \"rickety and overcrowded vessels\" from the coast.", "", "rickety and overcrowded vessels", "quote.unattributed"},
		{"The boats crossed at night, and Kordelia warned that the camp was \"totally unfit for families\".", "", "totally unfit for families", "quote.unattributed"},
		// A country's adjective or a city is never the speaker.
		{"Interior Minister Lars Ek spoke. \"We are full,\" Swedish officials in Stockholm told reporters.", "", "We are full,", "quote.unattributed"},
	}
	x := extractor(t)
	x.Explain = true
	for _, tt := range tests {
		qs := x.Extract(doc("2021-01-01", tt.body)).Quotes
		if len(qs) == 0 && tt.speaker == "" && tt.rule == "quote.unattributed" && len(tt.text) < 20 {
			continue // a fragment with no speaker is no quote at all (codebook section 7)
		}
		checkQuote(t, tt.body, qs, tt.speaker, tt.text, tt.rule)
	}
}

// TestCaptionRepeatsQuote checks that a photo caption repeating a quotation is not a second
// quote, while the same words said again far away are.
func TestCaptionRepeatsQuote(t *testing.T) {
	body := "Rescue worker Mia Holt said: 'We pulled twelve children out of the water tonight.'\n\n" +
		"Mia Holt said: 'We pulled twelve children out of the water tonight'\n\n" +
		"The boat was towed to port."
	qs := extractor(t).Extract(doc("2021-01-01", body)).Quotes
	if len(qs) != 1 {
		t.Errorf("%d quotes %+v, want 1", len(qs), qs)
	}
}

// TestPronounAfterOneName checks that "he" or "she" with no person's full name near refers
// back to a speaker known by one name: the subject of a speech verb in the sentences before,
// or the speaker of the last quotation.
func TestPronounAfterOneName(t *testing.T) {
	tests := []struct {
		body    string
		speaker string // of the last quotation
		rule    string
	}{
		{"On Friday, Okafor said he was relieved by the verdict.\n\n\"I can sleep again,\" he said.", "Okafor", "quote.pronoun-subject-before"},
		{"\"We are tired,\" Anselm said.\n\n\"The boats are full.\"\n\n\"The sea is cold.\"\n\n\"Nobody will be turned away,\" he said.", "Anselm", "quote.pronoun-last-speaker"},
		// An organization is not "he".
		{"The Harbour Trust said the quay was closed.\n\n\"I can sleep again,\" he said.", "", "quote.unattributed"},
		// Three sentences back is too far.
		{"Okafor said he was relieved. The court rose. The lawyers left. The reporters left.\n\n\"I can sleep again,\" he said.", "", "quote.unattributed"},
	}
	x := extractor(t)
	x.Explain = true
	for _, tt := range tests {
		qs := x.Extract(doc("2021-01-01", tt.body)).Quotes
		if len(qs) == 0 {
			t.Errorf("%q: no quotes", tt.body)
			continue
		}
		q := qs[len(qs)-1]
		if q.Speaker.Name != tt.speaker || q.Explain == nil || q.Explain.Rule != tt.rule {
			t.Errorf("%q: last quote %q by %q (%+v), want by %q with rule %s", tt.body, q.Text, q.Speaker.Name, q.Explain, tt.speaker, tt.rule)
		}
	}
}

// checkQuote checks that qs, the quotations of body, are one quotation of text by speaker,
// made by rule.
func checkQuote(t *testing.T, body string, qs []record.Quote, speaker, text, rule string) {
	t.Helper()
	if len(qs) != 1 {
		t.Errorf("%q: %d quotes %+v, want 1", body, len(qs), qs)
		return
	}
	q := qs[0]
	if q.Speaker.Name != speaker || q.Text != text {
		t.Errorf("%q: got %q by %q, want %q by %q", body, q.Text, q.Speaker.Name, text, speaker)
	}
	if q.Explain == nil || q.Explain.Rule != rule {
		t.Errorf("%q: explained by %+v, want rule %s", body, q.Explain, rule)
	}
}
