package extract

import "testing"

// TestLangLastMonth dates a month told as the last one ("en juin dernier", "el pasado enero")
// to its last occurrence before the report: this year's when it is earlier in the year than the
// report, the year before's when it is the report's month or later.
func TestLangLastMonth(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Les autorités marocaines ont intercepté en janvier dernier 500 migrants.", "2024-01"},
		{"fr", "Les autorités marocaines ont intercepté en juin dernier 500 migrants.", "2023-06"},
		{"fr", "Les autorités marocaines ont intercepté en mars dernier 500 migrants.", "2023-03"},
		{"es", "Marruecos interceptó el pasado enero a 500 migrantes.", "2024-01"},
		{"es", "Marruecos interceptó en enero pasado a 500 migrantes.", "2024-01"},
		{"es", "Marruecos interceptó el pasado junio a 500 migrantes.", "2023-06"},
	} {
		got := x.Extract(langDoc(tc.lang, "2024-03-14", tc.text))
		found := false
		for _, st := range got.Statistics {
			if st.Value == 500 {
				found = true
				if st.Period == nil || *st.Period != tc.want {
					t.Errorf("%q: period %v, want %q", tc.text, st.Period, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no statistic 500 in %+v", tc.text, got.Statistics)
		}
	}
}
