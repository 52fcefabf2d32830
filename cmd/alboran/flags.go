package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/alboran/alboran/internal/lang"
)

// errHelp means the user asked for help and got it.
var errHelp = errors.New("help shown")

// newFlags returns a flag set that prints the given usage text and the flags to out.
func newFlags(name, usage string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(out, usage)
		fmt.Fprintln(out, "\nOptions:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, letting flags follow positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return errHelp
			}
			return usageError{strings.TrimSpace(err.Error())}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// langFlag adds --lang, the language of every input document.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "the language of every input: en, es or fr (default: each document's own, detected from its title and text)")
}

// checkLang returns the ISO 639-1 code of a --lang value, or a usage error.
func checkLang(cmd, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	code := lang.Normalize(v)
	if !lang.Supported(code) {
		return "", usageError{fmt.Sprintf("%s: --lang %q: want en, es or fr", cmd, v)}
	}
	return code, nil
}

// flagSet reports whether the command line gave the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
