package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/alboran/alboran/internal/link"
)

// evKeys lists the events of a one-document body as a test states them: "TYPE SRC TGT". Acts
// done with each other (CONSULT, COOPERATE) are written with their sides in alphabetical order.
func evKeys(t *testing.T, x *Extractor, body string) []string {
	t.Helper()
	var got []string
	for _, e := range x.Extract(doc("2021-04-15", body)).Events {
		src, tgt := e.Source.Actor, e.Target.Actor
		if link.Symmetric[e.Type] && tgt < src {
			src, tgt = tgt, src
		}
		k := e.Type + " " + src + " " + tgt
		if len(got) == 0 || !contains(got, k) {
			got = append(got, k)
		}
	}
	sort.Strings(got)
	return got
}

type evCase struct {
	body string
	want []string // sorted
}

func runEvents(t *testing.T, cases []evCase) {
	t.Helper()
	x := extractor(t)
	for _, c := range cases {
		got := evKeys(t, x, c.body)
		want := append([]string(nil), c.want...)
		sort.Strings(want)
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%q:\n got  %v\n want %v", c.body, got, want)
		}
	}
}

// Every sentence below is invented; each names the construction it checks.

func TestEventRequestsOffersRefusals(t *testing.T) {
	runEvents(t, []evCase{
		// The source asks for something from the target.
		{"Tunisia called for more funds from the European Union.", []string{"REQUEST TUN EU"}},
		{"Albania appealed to NATO for help.", []string{"REQUEST ALB NATO"}},
		// An offer to act is an AGREE aimed where the act is.
		{"Portugal offered to take in 200 children from Libyan camps.", []string{"AGREE PRT LBY"}},
		// A refusal of an act: REJECT, never the act.
		{"Poland refused to admit refugees from Belarus.", []string{"REJECT POL BLR"}},
		{"Hungary has no intention of granting asylum to the Afghans.", []string{"REJECT HUN AFG"}},
		// What is asked for is not done.
		{"The Danish government urged Sweden to reopen the bridge.", []string{"REQUEST DNK SWE"}},
		{"Chile asked Peru to extradite the banker.", []string{"REQUEST CHL PER"}},
	})
}

func TestEventRolesFromTree(t *testing.T) {
	runEvents(t, []evCase{
		// The agent of a passive is the source.
		{"Two Greek nationals were arrested by Turkish police.", []string{"COERCE TUR GRC"}},
		// Several states named in the subject's phrase each act.
		{"Navy ships from Greece and Italy intercepted boats carrying migrants.", []string{"COERCE GRC GRC", "COERCE ITA ITA"}},
		// A definite noun repeats an organization's name.
		{"The European Commission met Hungarian officials. Later the Commission praised Poland.", []string{"CONSULT EU HUN", "SUPPORT EU POL"}},
		// Joint subjects act with each other.
		{"Canada and Mexico signed a border treaty.", []string{"SUPPORT CAN MEX"}},
		// A beneficiary is the target, the one it benefits from the source.
		{"Croatia has benefited from EU funds.", []string{"AID EU HRV"}},
		// A nationality adjective on the object names the target.
		{"Austria rejected a Slovak proposal.", []string{"REJECT AUT SVK"}},
		// The subject of a clause after "as" or "while" is its own, even when the parser hangs
		// it on the verb before, not the subject of that verb.
		{"Her remarks came as Greece's navy escorted a boat carrying 70 migrants to Piraeus.", []string{"AID GRC GRC"}},
		{"The talks ended as Italian police detained 40 migrants near the border.", []string{"COERCE ITA ITA"}},
	})
}

// TestEventAppeals checks that an appeal for something that names no one it asks is coded
// with an empty target, and that a request to someone keeps them.
func TestEventAppeals(t *testing.T) {
	runEvents(t, []evCase{
		{"UNICEF appealed for $40 million to feed children in the camps.", []string{"REQUEST UNICEF "}},
		{"The Council of Europe has joined the call for an end to pushbacks.", []string{"REQUEST COE "}},
		// An addressee is the target; with no "for" and no addressee there is no act.
		{"Albania appealed to NATO for help.", []string{"REQUEST ALB NATO"}},
		{"Italy asked about the plan.", nil},
	})
}

// TestEventApposedOrganization checks that a common noun in apposition with an organization's
// name stands for that organization, not for the body that modifies the noun.
func TestEventApposedOrganization(t *testing.T) {
	runEvents(t, []evCase{
		{"UNICEF, the UN's agency for children, has condemned Libya.", []string{"ACCUSE UNICEF LBY"}},
		{"The UN's migration agency, IOM, criticised Malta.", []string{"ACCUSE IOM MLT"}},
		// A town in apposition is where, not who.
		{"Rebels shelled the regional capital, Kismayo, on Sunday.", nil},
	})
}

func TestEventPeopleTargets(t *testing.T) {
	runEvents(t, []evCase{
		// The stated nationality of the people acted on.
		{"On Monday, Greek coastguards rescued 60 Sudanese off Lesbos.", []string{"AID GRC SDN"}},
		{"Italy completed the deportation of 11 Tunisian nationals.", []string{"COERCE ITA TUN"}},
		// Without one, the country where it happens.
		{"Spanish police detained 30 migrants on Monday.", []string{"COERCE ESP ESP"}},
		{"Nine migrants were detained off Tunisia.", []string{"COERCE TUN TUN"}},
		// With no place in the sentence, the place the report is filed from.
		{"ROME Police detained 20 smugglers. Libya and Libyan officials said the boat left Libya.", []string{"COERCE ITA ITA"}},
		// A place the gazetteer knows says where it happened.
		{"Police detained 12 migrants near Calais on Friday.", []string{"COERCE FRA FRA"}},
		// Several nationalities: each one, and the place (codebook section 3); the
		// destination is not the one who sends.
		{"Greek police said 40 migrants, mostly Syrian and Iraqi, were sent back to Turkey.", []string{"COERCE GRC GRC", "COERCE GRC IRQ", "COERCE GRC SYR"}},
		// A verbal act on unnamed people at home: the accusing state's own country.
		{"A court in Spain charged 12 border guards over the deaths.", []string{"ACCUSE ESP ESP"}},
		// Joint agents each act at home.
		{"Thailand, Malaysia and Indonesia intercepted boats carrying migrants.", []string{"COERCE IDN IDN", "COERCE MYS MYS", "COERCE THA THA"}},
		// A destination is not the people's nationality.
		{"Spanish police said 40 migrants were returned to Algeria.", []string{"COERCE ESP ESP"}},
		// A pronoun in a reported clause stands for the one who reports.
		{"Turkish authorities said they had stopped 300 migrants.", []string{"COERCE TUR TUR"}},
	})
}

func TestEventReportingSource(t *testing.T) {
	runEvents(t, []evCase{
		// The speaker of a report does not do what is reported.
		{"Police detained nine smugglers near the Greek border, officials in Vienna said.", []string{"COERCE GRC GRC"}},
		{"Officials in Vienna said that Slovenia had closed the border with Croatia.", []string{"SANCTION SVN HRV"}},
	})
}

func TestEventModality(t *testing.T) {
	runEvents(t, []evCase{
		{"Malta did not rescue the migrants.", nil},
		{"Italy could deport the men.", nil},
		{"The injured migrants needed to be evacuated.", nil},
		{"If Britain deports them, France would protest.", nil},
		// Promised cooperation is an AGREE; promised coercion a THREATEN.
		{"Spain will send aid to Mauritania.", []string{"AGREE ESP MRT"}},
		{"Iran threatened to close the strait to American ships.", []string{"THREATEN IRN USA"}},
		// A warning of one's own act threatens; a warning about someone else's criticises.
		{"Spain warned Morocco that it would close the border.", []string{"THREATEN ESP MAR"}},
		{"Greece warned that the Italian plan could leave migrants stranded.", []string{"ACCUSE GRC ITA"}},
		{"Nigeria will withdraw its troops from Chad unless President Deby holds elections.", []string{"THREATEN NGA TCD"}},
		// A meeting held to discuss something: the discussion is its purpose.
		{"Egypt held talks with Sudan to discuss the dam.", []string{"CONSULT EGY SDN"}},
	})
}

func TestEventMainActOverBackground(t *testing.T) {
	runEvents(t, []evCase{
		// A gerund after "with" names the charge, not an act.
		{"Italian police charged a German captain with aiding illegal immigration.", []string{"ACCUSE ITA DEU"}},
		// Violence by someone the text does not name is no state's act.
		{"Dozens of people were killed in the attack.", nil},
		{"Kenya suspended flights to Somalia after a plane was shot down.", []string{"SANCTION KEN SOM"}},
	})
}

// An act noun right before a noun it classes names a kind of thing: "a rescue boat", "rescue
// workers" are no rescue.
func TestEventKindNouns(t *testing.T) {
	runEvents(t, []evCase{
		{"Charity rescue ship Geo Barents took 70 people off the rescue boat the Aurora near Lampedusa on Sunday.", nil},
		{"The Italian rescue boat reached the port of Palermo on Monday.", nil},
		{"Greek rescue workers arrived at the harbour on Monday.", nil},
		{"The Italian coastguard rescued 40 migrants from a rescue boat on Monday.", []string{"AID ITA ITA"}},
		{"The rescue of 40 Tunisians by the Italian coastguard on Monday ended the crisis.", []string{"AID ITA TUN"}},
	})
}

func TestEventTypes(t *testing.T) {
	runEvents(t, []evCase{
		{"Thousands of Kenyans protested against the new tax in Nairobi.", []string{"PROTEST KEN KEN"}},
		{"Ethiopia withdrew its troops from Somalia.", []string{"RETREAT ETH SOM"}},
		{"Sudan lifted the curfew in Khartoum.", []string{"CONCEDE SDN SDN"}},
		{"Japan expelled two Russian diplomats.", []string{"SANCTION JPN RUS"}},
		{"Kenya sent troops to Somalia.", []string{"MOBILIZE KEN SOM"}},
		{"Syrian forces shelled the town, killing 20 Turkish soldiers.", []string{"ASSAULT SYR TUR"}},
		{"Morocco accused Algeria of arming the rebels.", []string{"ACCUSE MAR DZA"}},
		{"France praised Tunisia for its efforts.", []string{"SUPPORT FRA TUN"}},
		{"The Egyptian foreign minister met his Sudanese counterpart in Cairo.", []string{"CONSULT EGY SDN"}},
		{"Spain is working with Moroccan police to dismantle the network.", []string{"COOPERATE ESP MAR"}},
		{"The UN provided tents to Lebanon.", []string{"AID UN LBN"}},
		{"Italy agreed to host the next round of talks with Libya.", []string{"AGREE ITA LBY"}},
		{"Ukraine released 40 Russian prisoners.", []string{"RETREAT UKR RUS"}},
		// A stance in the passive form.
		{"Israel is opposed to French mediation.", []string{"REJECT ISR FRA"}},
		// People blocking a road protest; a state's agents coerce.
		{"Demonstrators in Cairo blocked a road.", []string{"PROTEST EGY EGY"}},
		{"Hungarian police blocked the road.", []string{"COERCE HUN HUN"}},
		// An act no one else is in has an empty target.
		{"The Georgian president resigned on Sunday.", []string{"RETREAT GEO "}},
		{"Azerbaijan threatened to break relations with Russia.", []string{"THREATEN AZE RUS"}},
	})
}

// TestEventConstructions keeps the cases the word-window rules were written for: trends in
// counts, reduced relatives, people of a nationality, questions, delegations.
func TestEventConstructions(t *testing.T) {
	runEvents(t, []evCase{
		{"Morocco's ambassador Karima Benyaich met Spanish Interior Minister Fernando Grande-Marlaska in Madrid.", []string{"CONSULT ESP MAR"}},
		{"Morocco did not meet Spain.", nil},
		{"Morocco will meet Spain next week.", []string{"AGREE MAR ESP"}},
		{"Moroccan police detained 466 suspects.", []string{"COERCE MAR MAR"}},
		{"Spanish officials called on the EU to help.", []string{"REQUEST ESP EU"}},
		{"Arrests along the US border dropped 29% in June.", []string{"COERCE USA USA"}},
		{"The figures show a drop in arrests in Mexico.", nil},
		{"A shipwreck that killed 78 migrants off Greece shocked Europe.", nil},
		{"Turkey will take 200 migrants deported from Greek islands.", nil},
		{"Migrants being detained at a camp in Greece protested.", nil},
		{"The IOM is providing aid to survivors in Yemen.", []string{"AID IOM YEM"}},
		{"Greek police arrested nine Egyptians. 9 arrested after shipwreck near Greece.", []string{"COERCE GRC EGY"}},
		{"Dozens were picked up off Libya.", []string{"AID LBY LBY"}},
		// A state's bureau is one of its agents, as its police are.
		{"The Bulgarian immigration bureau detained 12 migrants on Monday. The bureau also deported 30 Afghans.", []string{"COERCE BGR BGR", "COERCE BGR AFG"}},
		{"In May, the immigration bureau detained 12 migrants near Sofia.", []string{"COERCE BGR BGR"}},
		{"Greece has many camps. Greek police said 202 migrants, mostly Pakistani, were shipped back to Turkey.", []string{"COERCE GRC PAK"}},
		{"Vietnam has jailed four people for smuggling migrants to the UK.", []string{"COERCE VNM VNM"}},
		{"Britain completed the deportation of 11 Syrian nationals to Spain.", []string{"COERCE GBR SYR"}},
		{"Migrants jumped into the sea to avoid being picked up off France.", nil},
		{"Two Syrians had requested a return to Turkey.", nil},
		{"Who does the EU send back to Turkey?", nil},
		{"The sentences imposed by Britain came after a long trial.", nil},
		{"His Indonesian counterpart met Malaysia's foreign minister.", []string{"CONSULT IDN MYS"}},
		{"Arrivals rose in Malaysia after a crackdown in Thailand.", nil},
		{"The Home Office has sought to blame French authorities.", []string{"ACCUSE GBR FRA"}},
		{"US envoy Antony Blinken held meetings in Myanmar.", []string{"CONSULT MMR USA"}},
		{"Officials of Turkey met their counterparts from Morocco in Rabat.", []string{"CONSULT MAR TUR"}},
		{"Greece on 3 May 2021 urged Morocco to do more against smugglers.", []string{"REQUEST GRC MAR"}},
		{"The capital of Spain hosted a summit.", nil},
		{"London and Paris have been negotiating a deal.", []string{"CONSULT FRA GBR"}},
		{"Spain denied these claims and maintains it did not reach Italy.", nil},
		{"Spain and Morocco agreed on Tuesday to hold monthly meetings.", []string{"AGREE ESP MAR"}},
		{"Myanmar had agreed to attend a regional summit in Bangkok.", []string{"AGREE MMR THA"}},
		// A passive under "had to", "needed to": the people are the subject of the verb
		// above; the unnamed agent acts where it happens, or is the "by" phrase.
		{"Thirty migrants had to be rescued off Ostend.", []string{"AID BEL BEL"}},
		{"Forty Eritreans had to be rescued by the Maltese navy.", []string{"AID MLT ERI"}},
		// Bringing people ashore, ferrying, towing or escorting them to port: a rescue.
		{"Border Force officers brought 30 migrants into Dover.", []string{"AID GBR GBR"}},
		{"The Italian coastguard ferried two injured women to Lampedusa.", []string{"AID ITA ITA"}},
		{"The Maltese navy escorted a dinghy carrying 40 migrants to Valletta.", []string{"AID MLT MLT"}},
		{"Greece brought charges against the captain.", nil},
		// An agency named by its town acts for the town's country, not the report's.
		{"Migrants cross from France. Britain has asked its navy to patrol the coasts of Britain. The Calais police arrested two smugglers.", []string{"COERCE FRA FRA"}},
		// A gerund after "in" names an activity; it reports no act.
		{"The boats had served their purpose in bringing people across the sea to Italy.", nil},
	})
}

func TestEventDates(t *testing.T) {
	tests := []struct{ body, want string }{
		// The date of the saying does not date what was said.
		{"Malaysian officials confirmed on Thursday that 12 officers have been arrested over the past year.", "2020-04-15/2021-04-15"},
		// A done act takes no date the text gave a later plan: the publication date.
		{"On April 20, Egypt will host a summit. Meanwhile, Chad praised Niger for its help.", "2021-04-15"},
		// "this morning" is the day of publication, not the day the text named before.
		{"Italy's coastguard rescued 30 migrants on Monday. Greek police detained 14 migrants this morning.", "2021-04-15"},
		// A speaker's "yesterday" counts from the day they spoke: it dates no later act.
		{"Greek police detained 14 migrants on Monday. The minister said: 'We stopped 40 boats yesterday.' The Greek coastguard rescued 30 migrants near Lesbos.", "2021-04-12"},
		// A month named before sets the background, not the day of a later act.
		{"Elections in Greece are scheduled for November. Greek police detained 14 migrants.", "2021-04-15"},
		// "during the investigation" takes the dates of the investigation named before.
		{"The investigation ran from April 1 - 9. Spanish police detained 30 suspects during the investigation.", "2021-04-01/2021-04-09"},
		// A sentence that sets the story against an earlier event dates no later act.
		{"Deputies today criticised the plan. It comes after 300 people landed in Crete on Saturday. Greek police detained 14 migrants.", "2021-04-15"},
		{"Greek police detained 14 migrants on Monday. This follows a week of arrivals on Friday. The Greek coastguard rescued 30 migrants near Lesbos.", "2021-04-12"},
		// A caption (a paragraph with no full stop) dates nothing after it.
		{"Greek police detained 14 migrants on Monday.\n\nA Greek coastguard boat near Lesbos on Tuesday (pictured)\n\nThe Greek coastguard rescued 30 migrants near Lesbos.", "2021-04-12"},
	}
	x := extractor(t)
	for _, tt := range tests {
		evs := x.Extract(doc("2021-04-15", tt.body)).Events
		if len(evs) == 0 || evs[len(evs)-1].Date == nil || *evs[len(evs)-1].Date != tt.want {
			t.Errorf("%q: %+v, want the last event dated %s", tt.body, evs, tt.want)
		}
	}
}

// evDated lists the events of a one-document body as "TYPE SRC TGT DATE", in order.
func evDated(x *Extractor, body string) []string {
	var got []string
	for _, e := range x.Extract(doc("2021-04-15", body)).Events {
		d := ""
		if e.Date != nil {
			d = *e.Date
		}
		got = append(got, e.Type+" "+e.Source.Actor+" "+e.Target.Actor+" "+d)
	}
	return got
}

// runDated checks the events of each body, in order, with their dates.
func runDated(t *testing.T, cases []evCase) {
	t.Helper()
	x := extractor(t)
	for _, c := range cases {
		if got := evDated(x, c.body); strings.Join(got, ", ") != strings.Join(c.want, ", ") {
			t.Errorf("%q:\n got  %v\n want %v", c.body, got, c.want)
		}
	}
}

func TestEventRepeatedMentions(t *testing.T) {
	runDated(t, []evCase{
		// A heading that names the act the running text dates is the same act, once.
		{"Greek coastguard rescues 40 migrants off Lesbos\n\nThe Greek coastguard rescued 40 migrants off Lesbos on Monday.",
			[]string{"AID GRC GRC 2021-04-12"}},
		// A caption with no date of its own shows the day of publication, not a day the
		// running text named before it.
		{"Greek police detained 14 migrants on Monday.\n\nMigrants are brought ashore at Mytilene by the Greek coastguard\n\nThe men were taken to a camp.",
			[]string{"COERCE GRC GRC 2021-04-12", "AID GRC GRC 2021-04-15"}},
		// A paragraph printed twice tells its act once, on the date of its first telling.
		{"On Monday, Greek police arrested 14 smugglers. Greek police have also detained six Albanians.\n\nOn April 2, the Greek coastguard rescued 30 migrants off Crete.\n\nGreek police have also detained six Albanians.",
			[]string{"COERCE GRC ALB 2021-04-12", "AID GRC GRC 2021-04-02"}},
		// Acts summed up to the day of publication are the acts the text tells on its days.
		{"Almost 300 migrants have been rescued by the Italian coastguard over the past 48 hours. On Wednesday, the Italian coastguard rescued 100 migrants off Lampedusa.",
			[]string{"AID ITA ITA 2021-04-14"}},
		// A closed span is the day of one act, not a sum.
		{"Last week, Italian police detained 40 migrants in Rome. On Monday, Italian police detained 12 migrants in Milan.",
			[]string{"COERCE ITA ITA 2021-04-08/2021-04-14", "COERCE ITA ITA 2021-04-12"}},
		// Two acts of one sentence on two days stay two.
		{"Greek police detained 14 migrants on Monday and the Greek coastguard detained 20 on Tuesday.",
			[]string{"COERCE GRC GRC 2021-04-12", "COERCE GRC GRC 2021-04-13"}},
	})
}

func TestEventStandingPassive(t *testing.T) {
	runEvents(t, []evCase{
		// A present simple passive with no agent states a rule or a habit, not an act.
		{"The women were sent to Cambodia, where surrogacy is banned.", nil},
		{"In Greece, unaccompanied children are detained in police cells.", nil},
		// A past passive, or a caption's present, tells an act.
		{"In Greece, 14 unaccompanied children were detained in police cells.", []string{"COERCE GRC GRC"}},
		{"Greek police detained 14 migrants on Monday.\n\nMigrants are brought ashore at Mytilene by the Greek coastguard\n\nThe men were taken to a camp.", []string{"COERCE GRC GRC", "AID GRC GRC"}},
	})
}

func TestEventNoSideNamed(t *testing.T) {
	runEvents(t, []evCase{
		// An act on things with neither its giver nor its receiver named is no state's act.
		{"Greek police detained 14 migrants in Athens on Monday. Blankets were being delivered as workmen carried in beds.", []string{"COERCE GRC GRC"}},
		{"Greek police detained 14 migrants in Athens on Monday. Food parcels were delivered to the camp.", []string{"COERCE GRC GRC"}},
		// Either side named makes it one.
		{"Italy delivered tents to Albania.", []string{"AID ITA ALB"}},
		{"Tents were delivered to Albania by Italy.", []string{"AID ITA ALB"}},
	})
}

func TestEventQuotedDay(t *testing.T) {
	runDated(t, []evCase{
		// A speaker's "today" is the day the attribution names, before or after the quotation.
		{"Greek Migration Minister Nikos Andreou said on Tuesday: 'We rescued 40 migrants off Lesbos today.'", []string{"AID GRC GRC 2021-04-13"}},
		{"'We rescued 40 migrants off Lesbos today,' Greek Migration Minister Nikos Andreou said on Tuesday.", []string{"AID GRC GRC 2021-04-13"}},
		// With no day in the attribution it is the day of publication.
		{"'We rescued 40 migrants off Lesbos today,' Greek Migration Minister Nikos Andreou said.", []string{"AID GRC GRC 2021-04-15"}},
		// A date the speaker names dates the act.
		{"Greek Migration Minister Nikos Andreou said on Tuesday: 'On April 2 we rescued 40 migrants off Lesbos.'", []string{"AID GRC GRC 2021-04-02"}},
	})
}
