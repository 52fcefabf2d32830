package lexicon

import (
	"fmt"
	"strings"
)

// EventRule is one PLOVER trigger with its frame.
type EventRule struct {
	Type     string
	Mode     string
	Contexts []string
	Noun     bool   // a noun trigger: "meeting", "talks"
	Phrase   string // the trigger in its base form: "call on", "hunger strike"
	Lemma    string // the base form of the trigger's head word: "call", "strike"
	Head     int    // the position of the head word in the phrase: 0 for a verb, the last noun's for a noun
	Frame    Frame
}

// Frame says where an event's actors stand around its trigger, in Universal Dependencies
// relations. Empty lists leave the code's defaults for the trigger's part of speech and voice.
type Frame struct {
	Source []Arg
	Target []Arg
	// On lists the object lemmas (for a noun trigger, the lemmas of the verb whose object it
	// is) that the rule needs: "lift" with "curfew" is CONCEDE, with "blockade" RETREAT.
	On []string
	// People marks an act that falls on people: the target is their stated nationality, else
	// the country where the act happens (codebook section 3).
	People bool
	// Self lets the target be the source's own country.
	Self bool
	// Other is the type the trigger takes when what it reports is someone else's act: "warned
	// that the deal could see people deported" is an ACCUSE, "warned that it would close the
	// border" a THREATEN.
	Other string
	// Civil is the type the trigger takes when its source is not a state's agent but people
	// ("demonstrators blocked a road" is a PROTEST, "police blocked a road" a COERCE).
	Civil string
	// Stative marks a verb whose passive form states its subject's stance: "Israel is opposed
	// to the plan" is Israel opposing it.
	Stative bool
	// Alone marks an act that has no target: "resigned", "surrendered" (coded with an empty
	// target, as PLOVER does).
	Alone bool
	// Adverbial marks a noun trigger that stands as a phrase of another verb's clause ("thanks
	// to Morocco's help"): the source is that clause's subject.
	Adverbial bool
}

// Arg is one place where an actor may stand: a relation of the trigger ("obj"), an obl or nmod
// with its preposition ("obl/with"), or a relation of one of its dependents ("xcomp>obj").
type Arg struct {
	Rel  string // UD relation with its subtype: "nsubj", "obl:agent", "nmod:poss"
	Case string // the preposition of an obl or nmod: "with"; "" for any or none
	Next *Arg   // the relation below the dependent that Rel reaches, or nil
}

// String gives the argument as the data file writes it.
func (a Arg) String() string {
	s := a.Rel
	if a.Case != "" {
		s += "/" + a.Case
	}
	if a.Next != nil {
		s += ">" + a.Next.String()
	}
	return s
}

// relations are the UD relations a frame may name.
var relations = set("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "nmod:poss",
	"amod", "compound", "conj", "appos", "ccomp", "xcomp", "advcl", "acl", "acl:relcl")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ParseArg reads one frame argument: "obj", "obl/with", "xcomp>obj".
func ParseArg(s string) (Arg, error) {
	head, rest, chained := strings.Cut(s, ">")
	rel, prep, _ := strings.Cut(head, "/")
	if !relations[rel] {
		return Arg{}, fmt.Errorf("unknown relation %q in %q", rel, s)
	}
	if prep != "" && rel != "obl" && rel != "nmod" {
		return Arg{}, fmt.Errorf("a preposition goes with obl or nmod, not %q", rel)
	}
	a := Arg{Rel: rel, Case: prep}
	if chained {
		n, err := ParseArg(rest)
		if err != nil {
			return Arg{}, err
		}
		a.Next = &n
	}
	return a, nil
}

// parseFrame reads the frame column: "src=nsubj tgt=obj|obl/with on=curfew people".
func parseFrame(col string) (Frame, error) {
	var f Frame
	for _, field := range strings.Fields(col) {
		key, val, ok := strings.Cut(field, "=")
		switch {
		case !ok && key == "people":
			f.People = true
		case !ok && key == "self":
			f.Self = true
		case !ok && key == "adverbial":
			f.Adverbial = true
		case !ok && key == "stative":
			f.Stative = true
		case !ok && key == "alone":
			f.Alone = true
		case ok && key == "civil":
			if !plover[val] {
				return f, fmt.Errorf("civil=%s is not a PLOVER type", val)
			}
			f.Civil = val
		case ok && key == "other":
			if !plover[val] {
				return f, fmt.Errorf("other=%s is not a PLOVER type", val)
			}
			f.Other = val
		case ok && key == "on":
			f.On = split(val)
			if len(f.On) == 0 {
				return f, fmt.Errorf("on= lists no words")
			}
		case ok && (key == "src" || key == "tgt"):
			var args []Arg
			if len(split(val)) == 0 {
				return f, fmt.Errorf("%s= lists no relations", key)
			}
			for _, p := range split(val) {
				a, err := ParseArg(p)
				if err != nil {
					return f, err
				}
				args = append(args, a)
			}
			if key == "src" {
				f.Source = args
			} else {
				f.Target = args
			}
		default:
			return f, fmt.Errorf("unknown frame setting %q", field)
		}
	}
	return f, nil
}

func (lx *Lexicon) addEvent(c []string) error {
	typ, mode, ctx, trig := strings.TrimSpace(c[0]), strings.TrimSpace(c[1]), strings.TrimSpace(c[2]), strings.TrimSpace(c[3])
	if !plover[typ] {
		return fmt.Errorf("%q is not a PLOVER type", typ)
	}
	if trig == "" {
		return fmt.Errorf("want a trigger")
	}
	frame, err := parseFrame(strings.Join(c[4:], " ")) // settings may be split by tabs too
	if err != nil {
		return err
	}
	r := EventRule{Type: typ, Mode: mode, Frame: frame}
	if ctx != "" {
		r.Contexts = strings.Split(ctx, ",")
	}
	var forms []string
	switch {
	case strings.HasPrefix(trig, "="):
		forms = split(trig[1:])
		r.Phrase = forms[0]
	default:
		if strings.HasPrefix(trig, "~") {
			r.Noun = true
			trig = trig[1:]
		}
		// The head is the first word; for a noun written with its forms ("hunger
		// strike/hunger strikes") each form is a whole phrase.
		if r.Noun {
			forms = strings.Split(trig, "/")
			r.Phrase = forms[0]
			break
		}
		head, rest, _ := strings.Cut(trig, " ")
		r.Phrase = strings.Split(head, "/")[0]
		if rest != "" {
			r.Phrase += " " + rest
		}
		for _, f := range Inflect(head) {
			if rest != "" {
				f += " " + rest
			}
			forms = append(forms, f)
		}
	}
	words := strings.Fields(r.Phrase)
	if r.Noun {
		// "hunger strike" is a strike; "thanks to" is thanks.
		r.Head = len(words) - 1
		for r.Head > 0 && prepositions[words[r.Head]] {
			r.Head--
		}
	}
	r.Lemma = words[r.Head]
	for _, f := range forms {
		lx.Events.Add(f, r, false)
	}
	return nil
}

// prepositions end some noun triggers without being their head: "thanks to".
var prepositions = set("to", "with", "for", "of", "on", "in", "against", "from", "by")

// plover lists the 16 PLOVER event types.
var plover = set("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

// modalityRoles are the roles of en/modality.tsv.
var modalityRoles = set("negation", "hypothetical", "future", "intention", "attempt", "refusal", "threat", "condition",
	"aspect", "light", "happen", "accident", "background", "kind")

// verbRoles are roles held by verbs, whose inflected forms are added.
var verbRoles = set("intention", "attempt", "refusal", "threat", "aspect", "light", "happen", "background")

func (lx *Lexicon) addModality(c []string) error {
	role := strings.TrimSpace(c[0])
	if !modalityRoles[role] {
		return fmt.Errorf("unknown role %q", role)
	}
	for _, w := range split(c[1]) {
		forms := []string{w}
		if verbRoles[role] {
			forms = Inflect(w)
		}
		for _, f := range forms {
			if lx.Modality[role] == nil {
				lx.Modality[role] = map[string]bool{}
			}
			lx.Modality[role][f] = true
		}
	}
	return nil
}

// Modal reports whether word w (lower case) has the role in en/modality.tsv: Modal("intention",
// "pledged").
func (lx *Lexicon) Modal(role, w string) bool { return lx.Modality[role][w] }
