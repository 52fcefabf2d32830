package extract

import (
	"testing"

	"github.com/alboran/alboran/internal/record"
)

// TestPersonClasses checks who is a person and which country they act for, one class a line.
func TestPersonClasses(t *testing.T) {
	tests := []struct {
		body string
		want map[string]string // name -> country
	}{
		// Names with no title or speech verb.
		{"The suspects were named as Irina Dobrev and Kamal Haddad.", map[string]string{"Irina Dobrev": "", "Kamal Haddad": ""}},
		{"Lena Varga, a 30-year-old woman from Hungary, was rescued.", map[string]string{"Lena Varga": "HUN"}},
		{"The photo of 4-year-old Omar Saleh went around the world.", map[string]string{"Omar Saleh": ""}},
		// Titles and descriptors before names are not part of them.
		{"Czech Brig Gen Tomas Vrana inspected the fence.", map[string]string{"Tomas Vrana": "CZE"}},
		{"Although Marta Quiles said she opposed it, the plan passed.", map[string]string{"Marta Quiles": ""}},
		{"Haulier Ronan Keane, 40, pleaded guilty.", map[string]string{"Ronan Keane": ""}},
		{"Former Royal Marine Jack Dorling, the new border commander, said it would work.", map[string]string{"Jack Dorling": ""}},
		{"Amelia Hart QC, chair of the bar, said lawyers were not targets.", map[string]string{"Amelia Hart": ""}},
		// A given name that the text goes on using alone.
		{"All Rita Vance wanted was to drive to work. Rita says the road was blocked. Rita is 70.", map[string]string{"Rita Vance": ""}},
		{"The ship docked below Calais Castle. Calais had no beds left. Police in Calais said so.", map[string]string{}},
		// Places, ships and capitalised words are not persons.
		{"The ship Cabo Rojo docked. MV Astrid Larsen sailed on, and the Astrid Larsen reached port.", map[string]string{}},
		{"Volunteers worked at Castle Rowan for weeks. Safe Passage said the work went on.", map[string]string{}},
		// A person's country comes from their office or stated nationality.
		{"Sudanese asylum seeker Idris Kamal said the camp was cold.", map[string]string{"Idris Kamal": "SDN"}},
		{"Four Eritrean asylum seekers, Amanuel Tesfay and Yonas Berhe, said they had waited.", map[string]string{"Amanuel Tesfay": "ERI", "Yonas Berhe": "ERI"}},
		{"Germany took 50 children. Chancellor Angela Merkel's spokesman Steffen Voss said more would come.",
			map[string]string{"Angela Merkel": "DEU", "Steffen Voss": "DEU"}},
		// The country an office belongs to stands before the title's own words, after a
		// plural's possessive, or is the town the office governs.
		{"Greece closed a camp. US Deputy Assistant Secretary of State Mara Lindqvist visited Athens.", map[string]string{"Mara Lindqvist": "USA"}},
		{"Greece closed a camp. The Netherlands' Foreign Minister Pieter de Wolf said it was right.", map[string]string{"Pieter de Wolf": "NLD"}},
		{"Police in France and Greece closed camps. Calais Mayor Odile Ferrand said the town was full.", map[string]string{"Odile Ferrand": "FRA"}},
		{"Police in France and Greece closed camps. Yves Marchal, the head of Calais's lifeboat crew, said they were tired.", map[string]string{"Yves Marchal": "FRA"}},
		{"Police in Greece and France searched the coast. Marseille's mayor, Paul Aubert, said the town would help.", map[string]string{"Paul Aubert": "FRA"}},
		// A role the lead gives and the next sentence names.
		{"Greece will return 5,000 migrants, the Austrian interior minister says.\n\nJonas Feld said flights would be chartered.", map[string]string{"Jonas Feld": "AUT"}},
		// A capitalised particle is a name of its own: "Le", "Van", "Du" in Vietnamese names.
		{"Police in Vietnam named the victims.\n\nLe Van Hai, a 30-year-old man from Nghe An\n\nVo Nhan Du, a 19-year-old man from Ha Tinh", map[string]string{"Le Van Hai": "VNM", "Vo Nhan Du": "VNM"}},
		// A name in apposition to a noun for a person is a person's; a refugee is not of the
		// country where the report is set.
		{"Police in India detained the men.\n\nAnother refugee, Ramat Ullah, said the soldiers beat him.", map[string]string{"Ramat Ullah": ""}},
		{"Police in India detained the men.\n\nA local shopkeeper, Arun Mehta, said the soldiers came at night.", map[string]string{"Arun Mehta": "IND"}},
		// Who heads an office named by their possessive acts for the state where the report is set.
		{"Police in Britain searched the port. The plan was first proposed by Anna Kemp's government.", map[string]string{"Anna Kemp": "GBR"}},
		// A private person lives where the report is set; a credit says nothing of a country.
		{"Greek police searched the island. Nikos Papas, a fisherman, said he saw the boat. (Reporting by Anna Kovacs; Editing by Peter Hale)",
			map[string]string{"Nikos Papas": "GRC", "Anna Kovacs": "", "Peter Hale": ""}},
		{"Greek police searched the island. Rosa Linde, of the charity Open Shore, said help was slow.", map[string]string{"Rosa Linde": ""}},
		{"Greek police searched the island. (Reporting by Anna Kovacs, Ivo Petrov and Lena Haas in Athens)",
			map[string]string{"Anna Kovacs": "", "Ivo Petrov": "", "Lena Haas": ""}},
		{"Greek police searched the island. (Reporting By Anna Kovacs, writing by Ivo Petrov; Editing by Lena Haas)",
			map[string]string{"Anna Kovacs": "", "Ivo Petrov": "", "Lena Haas": ""}},
	}
	x := extractor(t)
	x.Explain = true
	for _, tt := range tests {
		got := map[string]string{}
		for _, e := range x.Extract(doc("2020-01-01", tt.body)).Entities {
			if e.Type == record.Person {
				got[e.Name] = e.Country
				if e.Explain == nil || e.Explain.Rule == "" {
					t.Errorf("%q: person %s has no explanation", tt.body, e.Name)
				}
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: persons %v, want %v", tt.body, got, tt.want)
			continue
		}
		for n, c := range tt.want {
			if gc, ok := got[n]; !ok || gc != c {
				t.Errorf("%q: persons %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}
