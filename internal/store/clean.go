package store

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Clean replaces, in place, what a database cannot store in text: NUL characters (PostgreSQL
// refuses them, SQLite cuts some functions short at them) and bytes that are not UTF-8. Each
// becomes U+FFFD, one code point for one, so the records' code-point offsets into the text
// stay right whether the text is cleaned before extraction or after. Both stores clean every
// entry they are given, so a document is stored the same way in either; callers clean first
// to report the warning Clean returns ("" when the entry was clean).
func Clean(e *Entry) string {
	if clean(e.Doc.Text) && clean(e.Doc.Title) && clean(e.Doc.Source) && clean(e.Doc.URL) && clean(e.Doc.ID) &&
		(e.Doc.Published == nil || clean(*e.Doc.Published)) {
		// The records hold only pieces of the document and of the dictionaries.
		return ""
	}
	nul, bad := count(e.Doc.Text)
	for _, s := range []string{e.Doc.Title, e.Doc.Source, e.Doc.URL, e.Doc.ID} {
		n, b := count(s)
		nul, bad = nul+n, bad+b
	}
	cleanValue(reflect.ValueOf(&e.Doc).Elem())
	cleanValue(reflect.ValueOf(&e.Extraction).Elem())
	var what []string
	if nul > 0 {
		what = append(what, plural(nul, "NUL character"))
	}
	if bad > 0 {
		what = append(what, plural(bad, "byte")+" that are not UTF-8")
	}
	if len(what) == 0 {
		what = append(what, "characters a database cannot store")
	}
	return fmt.Sprintf("%s: %s replaced by U+FFFD (a database cannot store them)", e.Doc.Source, strings.Join(what, " and "))
}

// CleanText returns s with NUL characters and bytes that are not UTF-8 replaced by U+FFFD.
func CleanText(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func clean(s string) bool { return strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) }

// count returns how many NUL characters and invalid bytes s holds.
func count(s string) (nul, bad int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0:
			nul++
		case r == utf8.RuneError && n == 1:
			bad++
		}
		i += n
	}
	return nul, bad
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// cleanValue cleans every string reachable from v, which must be settable.
func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !clean(s) {
			v.SetString(CleanText(s))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			if v.Kind() == reflect.Pointer {
				cleanValue(v.Elem())
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				cleanValue(f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			cleanValue(v.Index(i))
		}
	case reflect.Map:
		// Map keys and values are not settable in place; rebuild the entries that need it.
		for _, k := range v.MapKeys() {
			val := reflect.New(v.Type().Elem()).Elem()
			val.Set(v.MapIndex(k))
			cleanValue(val)
			nk := reflect.New(v.Type().Key()).Elem()
			nk.Set(k)
			cleanValue(nk)
			if !nk.Equal(k) {
				v.SetMapIndex(k, reflect.Value{})
			}
			v.SetMapIndex(nk, val)
		}
	}
}
