package text

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxReportBytes is the largest report Alboran reads. Longer inputs are refused, not cut.
const MaxReportBytes = 10 << 20

// Errors that callers tell apart.
var (
	ErrEmpty    = errors.New("empty report")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = fmt.Errorf("report over the %d MB limit", MaxReportBytes>>20)
)

// Header is what the first line of a report says (codebook section 2).
type Header struct {
	Published string // YYYY-MM-DD, or "" when the line is missing or malformed
	Title     string
}

// Report is a parsed report file: its header, its body and what was wrong with it.
type Report struct {
	Header   Header
	Body     string
	Warnings []string
}

// ParseReport reads a report in the codebook's format: a line " date YYYY-MM-DD Title", a
// blank line, then the body. A missing or malformed header is a warning, not an error: the
// whole input is then the body. Invalid UTF-8 is repaired with a warning. Empty, binary and
// oversized inputs are errors.
func ParseReport(raw []byte) (Report, error) {
	var r Report
	if len(raw) > MaxReportBytes {
		return r, ErrTooLarge
	}
	if looksBinary(raw) {
		return r, ErrBinary
	}
	s := string(raw)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		r.Warnings = append(r.Warnings, "invalid UTF-8 repaired")
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.TrimSpace(s) == "" {
		return r, ErrEmpty
	}
	first, rest, _ := strings.Cut(s, "\n")
	h, ok := parseHeaderLine(first)
	if !ok {
		r.Warnings = append(r.Warnings, "no header line (\" date YYYY-MM-DD Title\"); published date unknown")
		r.Body = strings.TrimLeft(s, "\n")
		return r, nil
	}
	r.Header = h
	if h.Published == "" {
		r.Warnings = append(r.Warnings, "malformed date in header line; published date unknown")
	}
	r.Body = strings.TrimLeft(rest, "\n")
	return r, nil
}

// parseHeaderLine reports whether line is a header line, and what it says.
func parseHeaderLine(line string) (Header, bool) {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "date ") {
		return Header{}, false
	}
	t = strings.TrimLeft(t[len("date "):], " ")
	date, title, _ := strings.Cut(t, " ")
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return Header{Title: strings.TrimSpace(t)}, true
	}
	return Header{Published: date, Title: strings.TrimSpace(title)}, true
}

// looksBinary reports whether raw holds NUL bytes or mostly control characters.
func looksBinary(raw []byte) bool {
	n := len(raw)
	if n > 8000 {
		n = 8000
	}
	ctrl := 0
	for _, b := range raw[:n] {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return n > 0 && ctrl*10 > n
}
