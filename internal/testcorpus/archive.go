package testcorpus

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/alboran/alboran/internal/record"
)

// ArchiveLine is one document of an archive as JSON Lines: what `alboran ingest` reads.
type ArchiveLine struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

// Archive writes n documents as JSON Lines: the real reports given, over and over, each copy
// varied as outlets vary a wire story. A copy keeps the report's sentences, so its events,
// figures and quotes, and changes what an archive of reprints changes: its address, its title,
// its publication date (within a month either way, which moves the days that "on Monday"
// means), one of its sentences left out, and a closing line of its own. Copy k of report r is
// the same for the same seed. It stops early when ctx ends.
func Archive(ctx context.Context, w io.Writer, reports []record.Document, n int, seed uint64) error {
	if len(reports) == 0 {
		return fmt.Errorf("archive: no reports to repeat")
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	r := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	paras := make([][]string, len(reports))
	for i, d := range reports {
		paras[i] = strings.Split(d.Text, "\n\n")
	}
	for k := 0; k < n; k++ {
		if k%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		i := k % len(reports)
		d, copyNo := reports[i], k/len(reports)
		line := ArchiveLine{
			ID:    fmt.Sprintf("archive/%07d", k),
			URL:   fmt.Sprintf("https://archive.example.org/%s/%d", slug(d.Title), copyNo),
			Title: d.Title,
		}
		if copyNo > 0 {
			line.Title = fmt.Sprintf("%s (%s)", d.Title, outlets[r.IntN(len(outlets))])
		}
		if d.Published != nil {
			if t, err := time.Parse("2006-01-02", *d.Published); err == nil && copyNo > 0 {
				t = t.AddDate(0, 0, r.IntN(61)-30)
				line.Published = t.Format("2006-01-02")
			} else {
				line.Published = *d.Published
			}
		}
		ps := paras[i]
		if copyNo > 0 && len(ps) > 3 {
			// Reprints cut: one paragraph after the lead is left out.
			drop := 1 + r.IntN(len(ps)-1)
			ps = append(append([]string(nil), ps[:drop]...), ps[drop+1:]...)
		}
		text := strings.Join(ps, "\n\n")
		if copyNo > 0 {
			text += "\n\n" + closing(r, copyNo)
		}
		line.Text = text
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

var outlets = []string{"wire", "update", "agencies", "reprint", "analysis", "morning edition", "evening edition", "digest"}

// closing is a last line of the kind outlets add, different for every copy.
func closing(r *rand.Rand, copyNo int) string {
	lines := []string{
		"This story was updated with more details (edition %d).",
		"Reporting by the %s desk; editing by staff (ref. %d).",
		"Our correspondent contributed to this report (file %d).",
		"Follow our coverage of migration across the Mediterranean (%d).",
	}
	l := lines[r.IntN(len(lines))]
	if strings.Count(l, "%") == 2 {
		return fmt.Sprintf(l, outlets[r.IntN(len(outlets))], copyNo)
	}
	return fmt.Sprintf(l, copyNo)
}

func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
