package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/alboran/alboran/internal/lang"
)

// errHelp means the user asked for help and got it.
var errHelp = errors.New("help shown")

// newFlags returns a flag set whose help (the usage text, then the options) goes to out, the
// standard output: help asked for is output. A usage error is returned by parseFlags, and run
// shows it with the help on standard error. Every command takes the logging flags.
func newFlags(name, usage string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fmt.Fprintln(fs.Output(), "\nOptions:")
		fs.PrintDefaults()
	}
	fs.String("log-format", envOr("ALBORAN_LOG_FORMAT", "text"), "log lines on standard error as text or json (env ALBORAN_LOG_FORMAT)")
	fs.String("log-level", envOr("ALBORAN_LOG_LEVEL", "info"), "the least level logged: debug, info, warn or error (env ALBORAN_LOG_LEVEL)")
	return fs
}

// envOr returns the environment variable's value, or def when it is unset or empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// parseFlags parses args, letting flags follow positional arguments. -h and --help print the
// help to the flag set's output and return errHelp; a mistake returns a usageError, with the
// closest flag for one that does not exist.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the flag package would print the help on any error
	defer fs.SetOutput(out)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(out)
				fs.Usage()
				return errHelp
			}
			return flagError(fs, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if err := fs.Parse(append([]string{"--"}, pos...)); err != nil {
		return flagError(fs, err)
	}
	if _, err := parseLogFlags(fs); err != nil {
		return err
	}
	return nil
}

// flagError turns the flag package's error into a usage error naming the command, with the
// flag meant when one was mistyped.
func flagError(fs *flag.FlagSet, err error) error {
	msg := strings.TrimSpace(err.Error())
	const undefined = "flag provided but not defined: -"
	if name, ok := strings.CutPrefix(msg, undefined); ok {
		msg = fmt.Sprintf("unknown flag --%s%s", name, didYouMean(name, flagNames(fs)))
	}
	return usageError{fs.Name() + ": " + msg}
}

// flagNames lists a flag set's flags, sorted.
func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	return names
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

// logOptions are the values of --log-format and --log-level.
type logOptions struct {
	json  bool
	level slog.Level
}

func parseLogFlags(fs *flag.FlagSet) (logOptions, error) {
	var o logOptions
	get := func(name string) string {
		if f := fs.Lookup(name); f != nil {
			return f.Value.String()
		}
		return ""
	}
	switch format := get("log-format"); format {
	case "", "text":
	case "json":
		o.json = true
	default:
		return o, usageError{fmt.Sprintf("%s: unknown log format %q (want text or json)", fs.Name(), format)}
	}
	if lv := get("log-level"); lv != "" {
		if err := o.level.UnmarshalText([]byte(lv)); err != nil {
			return o, usageError{fmt.Sprintf("%s: unknown log level %q (want debug, info, warn or error)", fs.Name(), lv)}
		}
	}
	return o, nil
}

// newLogger returns the structured logger a command's --log-format and --log-level ask for,
// writing to w (standard error). Call it after parseFlags.
func newLogger(fs *flag.FlagSet, w io.Writer) *slog.Logger {
	o, _ := parseLogFlags(fs) // parseFlags has checked the values
	ho := &slog.HandlerOptions{Level: o.level}
	if o.json {
		return slog.New(slog.NewJSONHandler(w, ho))
	}
	return slog.New(slog.NewTextHandler(w, ho))
}

// logLines returns where a command writes its log lines (progress, skipped inputs, warnings):
// stderr as they are with --log-format text, or each line as one slog record at level with
// --log-format json. Lines under --log-level are dropped.
func logLines(fs *flag.FlagSet, stderr io.Writer, level slog.Level) io.Writer {
	o, _ := parseLogFlags(fs)
	if level < o.level {
		return io.Discard
	}
	if !o.json {
		return stderr
	}
	return &slogLines{log: newLogger(fs, stderr).With("cmd", fs.Name()), level: level}
}

// slogLines logs each line written to it; a write holds whole lines, as fmt.Fprintf writes them.
type slogLines struct {
	log   *slog.Logger
	level slog.Level
}

func (s *slogLines) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "alboran: ")
		if line == "" {
			continue
		}
		level := s.level
		if strings.HasPrefix(line, "warning: ") || strings.HasPrefix(line, "skipped ") {
			level = max(level, slog.LevelWarn)
		}
		s.log.Log(context.Background(), level, line)
	}
	return len(p), nil
}
