package link

// Month is one month of a timeline: its clusters counted by quad class.
type Month struct {
	Month               string `json:"month"`
	VerbalCooperation   int    `json:"verbal_cooperation"`
	MaterialCooperation int    `json:"material_cooperation"`
	VerbalConflict      int    `json:"verbal_conflict"`
	MaterialConflict    int    `json:"material_conflict"`
}

// Timeline is a dyad's events in date order, with their counts per month.
type Timeline struct {
	A          string    `json:"a"`
	B          string    `json:"b"`
	Months     []Month   `json:"months"`
	Clusters   []Cluster `json:"clusters"`
	NextCursor string    `json:"next_cursor,omitempty"`
}

// BuildTimeline counts clusters per month by quad class.
func BuildTimeline(a, b string, cs []Cluster) Timeline {
	t := Timeline{A: a, B: b, Clusters: cs, Months: []Month{}}
	idx := map[string]int{}
	for _, c := range cs {
		if len(c.Date) < 7 {
			continue
		}
		m := c.Date[:7]
		i, ok := idx[m]
		if !ok {
			i = len(t.Months)
			idx[m] = i
			t.Months = append(t.Months, Month{Month: m})
		}
		switch c.QuadClass {
		case 1:
			t.Months[i].VerbalCooperation++
		case 2:
			t.Months[i].MaterialCooperation++
		case 3:
			t.Months[i].VerbalConflict++
		case 4:
			t.Months[i].MaterialConflict++
		}
	}
	return t
}

// Add counts n clusters of a quad class.
func (m *Month) Add(quad int64, n int) {
	switch quad {
	case 1:
		m.VerbalCooperation += n
	case 2:
		m.MaterialCooperation += n
	case 3:
		m.VerbalConflict += n
	case 4:
		m.MaterialConflict += n
	}
}
