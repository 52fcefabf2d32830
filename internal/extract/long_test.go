package extract

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alboran/alboran/internal/record"
)

// longParagraph is n bytes of report-like words with no sentence end.
func longParagraph(n int) string {
	words := strings.Fields(`Morocco and Spain said that the coast guard rescued 120 migrants off Libya on Monday
		while Italian police arrested 45 smugglers , according to the UNHCR in April 2021 ; Interior Minister
		Fernando Grande-Marlaska met his Moroccan counterpart Abdelouafi Laftit in Rabat , "we will continue" he said`)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.String()
}

// numbers is n bytes of numbers separated by spaces: a table flattened into one line.
func numbers(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strconv.Itoa(1000 + i*7%9000))
		b.WriteByte(' ')
	}
	return b.String()
}

// BenchmarkExtractLong extracts 1 MB reports that used to take minutes: one paragraph with no
// sentence end, and a line of numbers. The target is under a second each. It also reports the
// CPU time per report (cpu-ms, from getrusage), which another program's load on the machine
// does not stretch as it does the time on the clock.
func BenchmarkExtractLong(b *testing.B) {
	x := extractor(b)
	pub := "2021-04-15"
	for _, c := range []struct {
		name string
		text string
	}{{"paragraph-1MB", longParagraph(1 << 20)}, {"numbers-1MB", numbers(1 << 20)}} {
		b.Run(c.name, func(b *testing.B) {
			d := record.Document{Text: c.text, Published: &pub}
			b.SetBytes(int64(len(c.text)))
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				x.Extract(d)
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms")
		})
	}
}

// BenchmarkExtractCancel cancels the extraction of a 1 MB report while it runs and reports how
// long ExtractContext took to return after the cancel. The target is under 100 ms.
func BenchmarkExtractCancel(b *testing.B) {
	x := extractor(b)
	pub := "2021-04-15"
	d := record.Document{Text: longParagraph(1 << 20), Published: &pub}
	var worst, total time.Duration
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		var at time.Time
		time.AfterFunc(time.Duration(i%5)*20*time.Millisecond+5*time.Millisecond, func() { at = time.Now(); cancel() })
		_, err := x.ExtractContext(ctx, d)
		if err == nil {
			continue // finished before the cancel
		}
		took := time.Since(at)
		total += took
		worst = max(worst, took)
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "mean-ms")
}

// TestExtractContextCancelled checks that a cancelled extraction gives the context's error and
// no records, and that an extraction that ends normally warns about the sentences it cut.
func TestExtractContextCancelled(t *testing.T) {
	x := extractor(t)
	pub := "2021-04-15"
	d := record.Document{Text: longParagraph(1 << 18), Published: &pub}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := x.ExtractContext(ctx, d)
	if !errors.Is(err, context.Canceled) || len(out.Entities)+len(out.Statistics) > 0 {
		t.Errorf("a cancelled extraction gave %v and %d entities", err, len(out.Entities))
	}
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	if out, err = x.ExtractContext(ctx, d); err != nil && len(out.Entities)+len(out.Statistics) > 0 {
		t.Errorf("an extraction cancelled on the way gave records with its error %v", err)
	}
	out, err = x.ExtractContext(context.Background(), d)
	if err != nil || len(out.Warnings) == 0 || !strings.Contains(out.Warnings[0], "cut") {
		t.Errorf("a long paragraph: %v, warnings %q", err, out.Warnings)
	}
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
