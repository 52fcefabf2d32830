// Command alboran turns news reports on migration, borders and cross-border cooperation into
// source-cited, structured records. Each command lives in its own file as an options struct and
// a runX(ctx, opts) function; main only dispatches and maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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

const mainHelp = `alboran turns news reports on migration and borders into source-cited records:
actors, PLOVER events, statistics and quotes, each pointing back to its sentence.

Usage:
  alboran <command> [options] [arguments]

Commands:
  extract    extract records from reports, pages, feeds, JSON Lines or stdin, with no setup
  ingest     extract and store documents and records in the database (./alboran.db)
  watch      keep ingesting feeds, polling each with conditional GETs
  search     rank stored reports for a query, with filters
  stats      print the series of a statistic by year or month
  export     write a table as CSV, JSON Lines or Parquet
  claims     list the claims across reports, and the conflicts between them
  timeline   list the events between two actors, one per real event, by month
  entity     show the people and organizations a name stands for across reports
  serve      serve the JSON API and the web dashboard (--demo: the bundled examples)
  healthcheck  exit 0 when a running server answers healthy (for a container's HEALTHCHECK)
  worker     extract and store documents from the queue (NATS JetStream), at scale
  queue      show the queue's status and dead documents, or send documents back
  migrate    bring a database's schema up to date
  reprocess  re-extract stored documents after an upgrade of the rules
  eval       score extraction against a directory of gold annotations
  parse      print a report's sentences as dependency trees (CoNLL-U or a table)
  train-syntax  train the syntax model (tagger and parser) on a CoNLL-U treebank
  version    print the version of the binary and of the extraction rules

The database is ./alboran.db unless --db or ALBORAN_DB names another.

Run 'alboran <command> --help' for a command's options.
`

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
		fmt.Fprint(stderr, mainHelp)
		return exitUsage
	}
	// No password or token from a connection URL reaches a message or a log line.
	stderr = newRedactWriter(stderr, secretsIn(args))
	var err error
	switch args[0] {
	case "extract":
		err = cmdExtract(ctx, args[1:], stdin, stdout, stderr)
	case "ingest":
		err = cmdIngest(ctx, args[1:], stdin, stdout, stderr)
	case "watch":
		err = cmdWatch(ctx, args[1:], stdout, stderr)
	case "search":
		err = cmdSearch(ctx, args[1:], stdout, stderr)
	case "stats":
		err = cmdStats(ctx, args[1:], stdout, stderr)
	case "export":
		err = cmdExport(ctx, args[1:], stdout, stderr)
	case "claims":
		err = cmdClaims(ctx, args[1:], stdout, stderr)
	case "timeline":
		err = cmdTimeline(ctx, args[1:], stdout, stderr)
	case "entity":
		err = cmdEntity(ctx, args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "healthcheck":
		err = cmdHealthcheck(ctx, args[1:], stdout, stderr)
	case "worker":
		err = cmdWorker(ctx, args[1:], stdout, stderr)
	case "queue":
		err = cmdQueue(ctx, args[1:], stdout, stderr)
	case "migrate":
		err = cmdMigrate(ctx, args[1:], stdout, stderr)
	case "reprocess":
		err = cmdReprocess(ctx, args[1:], stdout, stderr)
	case "eval":
		err = cmdEval(ctx, args[1:], stdout, stderr)
	case "parse":
		err = cmdParse(ctx, args[1:], stdin, stdout, stderr)
	case "train-syntax":
		err = cmdTrainSyntax(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		err = cmdVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, mainHelp)
		return exitOK
	default:
		fmt.Fprintf(stderr, "alboran: unknown command %q\n\n%s", args[0], mainHelp)
		return exitUsage
	}
	return exitCode(err, stderr)
}

// exitCode maps an error to an exit code, printing it once.
func exitCode(err error, stderr io.Writer) int {
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
		msg := strings.TrimSuffix(err.Error(), ": "+context.Canceled.Error())
		if err == context.Canceled {
			msg = "interrupted"
		}
		fmt.Fprintf(stderr, "alboran: %s\n", msg)
		return exitAborted
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "alboran: %v\n", err)
		return exitFailed
	default:
		fmt.Fprintf(stderr, "alboran: %v\n", err)
		return exitFailed
	}
}
