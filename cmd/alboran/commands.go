package main

import (
	"context"
	"io"
	"strings"
)

// command is one subcommand: its name, the line the top-level help gives it, and its runner.
// Every runner parses its flags with newFlags and parseFlags first, so that running it with
// --help prints its help and does nothing else: `alboran help CMD`, the help shown after a
// usage error and shell completion all rely on that.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order the help shows them.
var commands []command

func init() {
	noStdin := func(f func(context.Context, []string, io.Writer, io.Writer) error) func(context.Context, []string, io.Reader, io.Writer, io.Writer) error {
		return func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return f(ctx, args, stdout, stderr)
		}
	}
	commands = []command{
		{"extract", "extract records from reports, pages, feeds, JSON Lines or stdin, with no setup", cmdExtract},
		{"ingest", "extract and store documents and records in the database (./alboran.db)", cmdIngest},
		{"watch", "keep ingesting feeds, polling each with conditional GETs", noStdin(cmdWatch)},
		{"search", "rank stored reports for a query, with filters", noStdin(cmdSearch)},
		{"stats", "print the series of a statistic by year or month", noStdin(cmdStats)},
		{"export", "write a table as CSV, JSON Lines or Parquet", noStdin(cmdExport)},
		{"claims", "list the claims across reports, and the conflicts between them", noStdin(cmdClaims)},
		{"timeline", "list the events between two actors, one per real event, by month", noStdin(cmdTimeline)},
		{"entity", "show the people and organizations a name stands for across reports", noStdin(cmdEntity)},
		{"serve", "serve the JSON API and the web dashboard (--demo: the bundled examples)", noStdin(cmdServe)},
		{"healthcheck", "exit 0 when a running server answers healthy (for a container's HEALTHCHECK)", noStdin(cmdHealthcheck)},
		{"worker", "extract and store documents from the queue (NATS JetStream), at scale", noStdin(cmdWorker)},
		{"queue", "show the queue's status and dead documents, or send documents back", noStdin(cmdQueue)},
		{"migrate", "bring a database's schema up to date", noStdin(cmdMigrate)},
		{"reprocess", "re-extract stored documents after an upgrade of the rules", noStdin(cmdReprocess)},
		{"eval", "score extraction against a directory of gold annotations", noStdin(cmdEval)},
		{"parse", "print a report's sentences as dependency trees (CoNLL-U or a table)", cmdParse},
		{"train-syntax", "train the syntax model (tagger and parser) on a CoNLL-U treebank", noStdin(cmdTrainSyntax)},
		{"completion", "print a shell completion script: bash, zsh or fish", noStdin(cmdCompletion)},
		{"version", "print the version of the binary and of the extraction rules", noStdin(cmdVersion)},
		{"help", "print the help of alboran or of a command", nil},
	}
}

func lookupCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name && commands[i].run != nil {
			return &commands[i]
		}
	}
	return nil
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// didYouMean returns `; did you mean "x"?` for the candidate closest to a mistyped word, or
// "" when none is close: within a third of the word's length in edits (at least one for two letters or more), or a
// word the typo starts (`--form` for --format).
func didYouMean(typo string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := editDistance(typo, c)
		if len(typo) >= 3 && strings.HasPrefix(c, typo) {
			d = 1
		}
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len(typo) / 3
	if len(typo) >= 2 {
		limit = max(1, limit)
	}
	if best == "" || bestD > limit {
		return ""
	}
	return `; did you mean "` + best + `"?`
}

// editDistance is the Damerau-Levenshtein distance (optimal string alignment) of a and b,
// in bytes: names here are ASCII. It takes len(a)*len(b) steps; both are command or flag names.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
