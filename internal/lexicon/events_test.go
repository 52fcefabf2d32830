package lexicon

import (
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/text"
)

func TestParseFrame(t *testing.T) {
	f, err := parseFrame("src=obl/from tgt=nsubj|xcomp>obl/with on=curfew|ban people self")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Source) != 1 || f.Source[0].String() != "obl/from" {
		t.Errorf("source %v, want obl/from", f.Source)
	}
	if len(f.Target) != 2 || f.Target[0].String() != "nsubj" || f.Target[1].String() != "xcomp>obl/with" {
		t.Errorf("target %v, want nsubj, xcomp>obl/with", f.Target)
	}
	if f.Target[1].Next == nil || f.Target[1].Next.Case != "with" {
		t.Errorf("xcomp>obl/with reads as %+v", f.Target[1])
	}
	if strings.Join(f.On, ",") != "curfew,ban" || !f.People || !f.Self {
		t.Errorf("frame %+v", f)
	}
	for _, bad := range []string{"tgt=subject", "tgt=obj/with", "src=", "on=", "actor=nsubj", "passive"} {
		if _, err := parseFrame(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestAddEventErrors(t *testing.T) {
	lx := &Lexicon{Events: NewTrie[EventRule]()}
	for _, cols := range [][]string{
		{"HELP", "", "", "help", ""},                  // not a PLOVER type
		{"AID", "", "", "", ""},                       // no trigger
		{"AID", "", "", "help", "tgt=obj/to"},         // a preposition on obj
		{"AID", "", "", "help", "tgt=obl/to lemma=x"}, // an unknown setting
	} {
		if err := lx.addEvent(cols); err == nil {
			t.Errorf("%q: no error", cols)
		}
	}
}

// TestEventForms checks the forms the loader generates and the rules a shared trigger keeps.
func TestEventForms(t *testing.T) {
	lx := &Lexicon{Events: NewTrie[EventRule](), Modality: map[string]map[string]bool{}}
	for _, line := range []string{
		"AGREE\t\t\tagree\t", "CONSULT\tmeeting\t\tmeet/met\ttgt=obl/with", "CONSULT\tvisit\t\thost\t",
		"REQUEST\t\t\tcall on\t", "AID\trescue\tmigration\tpick up\tpeople",
		"PROTEST\thunger_strike\t\t~hunger strike/hunger strikes\t", "RETREAT\t\t\twithdraw/withdrew/withdrawn\t",
		"THREATEN\t\t\tthreaten\t", "COERCE\tdeport\t\t=send back|sent back\tpeople",
		"CONCEDE\t\t\tlift\ton=curfew|ban", "RETREAT\t\t\tlift\ton=blockade",
	} {
		if err := lx.addEvent(strings.Split(line, "\t")); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
	}
	for _, line := range []string{"attempt\tseek/sought|try", "intention\tpledge", "negation\tnot|never"} {
		if err := lx.addModality(strings.Split(line, "\t")); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
	}
	find := func(phrase string) []EventRule {
		toks := text.Tokenize(phrase)
		m, ok := lx.Events.Longest(toks, 0)
		if !ok || m.End != len(toks) {
			return nil
		}
		return m.Vals
	}
	for phrase, want := range map[string]string{
		"agreed": "AGREE", "agrees": "AGREE", "met": "CONSULT", "hosting": "CONSULT",
		"called on": "REQUEST", "picked up": "AID", "hunger strikes": "PROTEST", "withdrew": "RETREAT",
		"threatened": "THREATEN", "sent back": "COERCE",
	} {
		rules := find(phrase)
		if len(rules) == 0 || rules[0].Type != want {
			t.Errorf("%q: %+v, want %s", phrase, rules, want)
		}
	}
	// "lift" is CONCEDE on a curfew and RETREAT on a blockade: both rules stay, each with the
	// objects it needs.
	types := map[string]bool{}
	for _, r := range find("lifted") {
		if len(r.Frame.On) == 0 {
			t.Errorf("lift: a rule with no object: %+v", r)
		}
		types[r.Type] = true
	}
	if !types["CONCEDE"] || !types["RETREAT"] {
		t.Errorf("lift: types %v, want CONCEDE and RETREAT", types)
	}
	if r := find("hunger strike"); len(r) == 0 || r[0].Lemma != "strike" || !r[0].Noun {
		t.Errorf("hunger strike: %+v, want a noun with lemma strike", r)
	}
	if r := find("called on"); len(r) == 0 || r[0].Lemma != "call" || r[0].Phrase != "call on" {
		t.Errorf("called on: %+v, want lemma call, phrase call on", r)
	}
	if !lx.Modal("attempt", "sought") || !lx.Modal("intention", "pledged") || !lx.Modal("negation", "never") || lx.Modal("negation", "pledged") {
		t.Errorf("modality: %v", lx.Modality)
	}
}

// TestLoad compiles the embedded data: every line of every file must read.
func TestLoad(t *testing.T) {
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
}

func TestInflect(t *testing.T) {
	for base, want := range map[string]string{
		"agree": "agree agrees agreed agreeing", "deny": "deny denies denied denying",
		"release": "release releases released releasing", "stop": "stop stops stoped stoping stopped stopping",
		"meet/met": "meet met meets meeted meeting",
	} {
		if got := strings.Join(Inflect(base), " "); got != want {
			t.Errorf("Inflect(%q) = %q, want %q", base, got, want)
		}
	}
}
