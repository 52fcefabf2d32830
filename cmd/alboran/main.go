// Command alboran turns news reports on migration, borders and cross-border cooperation into
// source-cited, structured records. Each command lives in its own file as an options struct and
// a runX(ctx, opts) function; main only dispatches and maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the command ran, but some inputs failed or a check did not pass
	exitUsage   = 2 // the command line was wrong
	exitAborted = 130
)

// errUsage marks command-line mistakes; errPartial marks runs in which some inputs failed.
var (
	errUsage   = errors.New("usage")
	errPartial = errors.New("some inputs failed")
)

// usageError is a command-line mistake with a message for the user.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return errUsage }

// mainHelp is the top-level help; the list of commands comes from the commands table.
func mainHelp() string {
	var b strings.Builder
	b.WriteString(`alboran turns news reports on migration and borders into source-cited records:
actors, PLOVER events, statistics and quotes, each pointing back to its sentence.

Usage:
  alboran <command> [options] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-13s %s\n", c.name, c.summary)
	}
	b.WriteString(`
The database is ./alboran.db unless --db or ALBORAN_DB names another. Every command takes
--log-format text|json (env ALBORAN_LOG_FORMAT) and --log-level debug|info|warn|error (env
ALBORAN_LOG_LEVEL) for its log lines on standard error.

Run 'alboran help <command>' or 'alboran <command> --help' for a command's options, and
'alboran completion bash|zsh|fish' for shell completion.
`)
	return b.String()
}

func main() {
	os.Exit(runProcess(os.Args[1:]))
}

// runProcess runs a command line as the process does: Ctrl-C or SIGTERM cancels its context,
// and the command stops, says so, and leaves nothing half written.
func runProcess(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
}

// run dispatches a command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainHelp())
		return exitUsage
	}
	// No password or token from a connection URL reaches a message or a log line.
	stderr = newRedactWriter(stderr, secretsIn(args))
	switch args[0] {
	case "--version":
		return exitCode(printVersion(stdout), stderr)
	case "help", "-h", "--help", "-help":
		return cmdHelp(args[1:], stdout, stderr)
	}
	c := lookupCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "alboran: unknown command %q%s\n\nRun 'alboran help' for the list of commands.\n", args[0], didYouMean(args[0], commandNames()))
		return exitUsage
	}
	err := c.run(ctx, args[1:], stdin, stdout, stderr)
	if errors.Is(err, errUsage) {
		// A usage error shows the command's help on standard error, after the message.
		fmt.Fprintf(stderr, "alboran: %v\n\n", err)
		c.run(ctx, []string{"--help"}, strings.NewReader(""), stderr, io.Discard)
		return exitUsage
	}
	return exitCode(err, stderr)
}

// cmdHelp prints the top-level help, or a command's, on standard output.
func cmdHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, mainHelp())
		return exitOK
	}
	c := lookupCommand(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "alboran: no help for unknown command %q%s\n", args[0], didYouMean(args[0], commandNames()))
		return exitUsage
	}
	c.run(context.Background(), []string{"--help"}, strings.NewReader(""), stdout, io.Discard)
	return exitOK
}

// loggedError is an error a command has logged already (logFinal): exitCode maps it to an
// exit code without printing it again.
type loggedError struct{ error }

func (e loggedError) Unwrap() error { return e.error }

// logFinal logs a command's final error through its logger (--log-format, --log-level), as
// exitCode would print it, and marks it logged. Help and usage errors are left to run, which
// shows the help with them.
func logFinal(log *slog.Logger, err error) error {
	if err == nil || errors.Is(err, errHelp) || errors.Is(err, errUsage) {
		return err
	}
	log.Error(finalMessage(err))
	return loggedError{err}
}

// finalMessage is what a command's final error says: a cancelled command says what it had
// done ("interrupted after ...").
func finalMessage(err error) string {
	if errors.Is(err, context.Canceled) {
		if err == context.Canceled {
			return "interrupted"
		}
		return strings.TrimSuffix(err.Error(), ": "+context.Canceled.Error())
	}
	return err.Error()
}

// exitCode maps an error to an exit code, printing it once.
func exitCode(err error, stderr io.Writer) int {
	var lg loggedError
	if errors.As(err, &lg) {
		stderr = io.Discard
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "alboran: %v\n", err)
		return exitUsage
	case errors.Is(err, context.Canceled):
		// A command may say what it had done ("interrupted after ...: context canceled").
		fmt.Fprintf(stderr, "alboran: %s\n", finalMessage(err))
		return exitAborted
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "alboran: %v\n", err)
		return exitFailed
	default:
		fmt.Fprintf(stderr, "alboran: %v\n", err)
		return exitFailed
	}
}
