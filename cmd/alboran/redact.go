package main

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"strings"
)

// redactURL hides the secrets in a connection URL, or in several separated by commas, as
// --queue takes them: a password (postgres://user:xxxxx@host), a password or sslpassword
// parameter, and a NATS token (nats://xxxxx@host). Anything else is returned as it is.
func redactURL(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		if err != nil || u.Scheme == "" || u.Host == "" && u.User == nil {
			continue
		}
		changed := false
		if u.User != nil {
			if _, ok := u.User.Password(); ok {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
				changed = true
			} else if isNATS(u.Scheme) {
				u.User = url.User("xxxxx")
				changed = true
			}
		}
		q := u.Query()
		for k := range q {
			if lk := strings.ToLower(k); lk == "password" || lk == "sslpassword" || lk == "token" {
				q.Set(k, "xxxxx")
				changed = true
			}
		}
		if changed {
			u.RawQuery = q.Encode()
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}

func isNATS(scheme string) bool {
	switch scheme {
	case "nats", "tls", "ws", "wss":
		return true
	}
	return false
}

// secretsIn returns the secrets in the connection URLs among args and the environment
// variables that hold them, each as it appears inside the URL (":secret@", "//token@",
// "password=secret"), so that replacing them cannot touch other text.
func secretsIn(args []string) []string {
	var out []string
	add := func(s string) {
		for _, p := range strings.Split(s, ",") {
			u, err := url.Parse(strings.TrimSpace(p))
			if err != nil || u.Scheme == "" {
				continue
			}
			if u.User != nil {
				if pw, ok := u.User.Password(); ok && pw != "" {
					out = append(out, ":"+pw+"@", ":"+url.QueryEscape(pw)+"@")
				} else if isNATS(u.Scheme) && u.User.Username() != "" {
					out = append(out, "//"+u.User.Username()+"@")
				}
			}
			for k, vs := range u.Query() {
				if lk := strings.ToLower(k); lk == "password" || lk == "sslpassword" || lk == "token" {
					for _, v := range vs {
						if v != "" {
							out = append(out, k+"="+v, k+"="+url.QueryEscape(v))
						}
					}
				}
			}
		}
	}
	for _, a := range args {
		if _, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(a, "-") {
			a = v
		}
		if strings.Contains(a, "://") {
			add(a)
		}
	}
	for _, env := range []string{"ALBORAN_DB", "ALBORAN_QUEUE"} {
		add(os.Getenv(env))
	}
	return out
}

// redactWriter replaces secrets in everything written through it. Log lines and messages are
// written whole, so a secret is never split between two writes.
type redactWriter struct {
	w       io.Writer
	secrets [][]byte
}

func newRedactWriter(w io.Writer, secrets []string) io.Writer {
	if len(secrets) == 0 {
		return w
	}
	r := &redactWriter{w: w}
	for _, s := range secrets {
		r.secrets = append(r.secrets, []byte(s))
	}
	return r
}

func (r *redactWriter) Write(p []byte) (int, error) {
	q := p
	for _, s := range r.secrets {
		if bytes.Contains(q, s) {
			mask := []byte(redactSecret(string(s)))
			q = bytes.ReplaceAll(q, s, mask)
		}
	}
	if _, err := r.w.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}

// redactSecret keeps the punctuation around a secret as secretsIn gives it.
func redactSecret(s string) string {
	switch {
	case strings.HasPrefix(s, ":"):
		return ":xxxxx@"
	case strings.HasPrefix(s, "//"):
		return "//xxxxx@"
	}
	k, _, _ := strings.Cut(s, "=")
	return k + "=xxxxx"
}
