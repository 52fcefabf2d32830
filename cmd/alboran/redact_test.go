package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://alboran:s3cret@db:5432/alboran?sslmode=disable", "postgres://alboran:xxxxx@db:5432/alboran?sslmode=disable"},
		{"postgres://alboran@db/alboran?password=s3cret", "postgres://alboran@db/alboran?password=xxxxx"},
		{"nats://tok3n@n1:4222,nats://user:pw@n2:4222", "nats://xxxxx@n1:4222,nats://user:xxxxx@n2:4222"},
		{"nats://n1:4222", "nats://n1:4222"},
		{"alboran.db", "alboran.db"},
	}
	for _, tt := range tests {
		if got := redactURL(tt.in); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactWriter(t *testing.T) {
	t.Setenv("ALBORAN_DB", "postgres://alboran:envpw@db/alboran")
	t.Setenv("ALBORAN_QUEUE", "nats://tok3n@n1:4222")
	var b bytes.Buffer
	w := newRedactWriter(&b, secretsIn([]string{"worker", "--db=postgres://u:argpw@db/x?sslpassword=k3y"}))
	w.Write([]byte("connecting to postgres://u:argpw@db/x?sslpassword=k3y, postgres://alboran:envpw@db/alboran and nats://tok3n@n1:4222 as alboran\n"))
	out := b.String()
	for _, s := range []string{"argpw", "envpw", "tok3n", "k3y"} {
		if strings.Contains(out, s) {
			t.Errorf("%q left in %q", s, out)
		}
	}
	if !strings.Contains(out, "as alboran") || !strings.Contains(out, "postgres://u:xxxxx@db/x") {
		t.Errorf("redacted more or less than the secrets: %q", out)
	}
}
