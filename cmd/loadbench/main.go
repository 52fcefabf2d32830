// Command loadbench measures the server under load. It writes archives of reports to ingest,
// builds test databases, and drives a server with a fixed rate of API and page requests (and
// optionally of posted reports), then prints the latency percentiles and the errors.
//
//	loadbench archive -n 1000000 > archive.jsonl      the dev reports, repeated and varied
//	loadbench build --db load.db -n 10000             generated and real reports, stored
//	loadbench run --db load.db --rate 200 --for 60s   an in-process server, driven
//	loadbench run --url http://127.0.0.1:8080 ...     a running server, driven
//	loadbench routes --db load.db -n 20               every page and API list, one at a time
//
// The real reports come from --reports (default ../shared/eval/dev, else the bundled examples).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `loadbench measures the Alboran server under load.

Usage:
  loadbench archive [-n N] [--seed S] [--reports DIR]   JSON Lines of the real reports, repeated and varied, on stdout
  loadbench build --db PATH [-n N] [--reports DIR]        a database of N reports, half generated, half real
  loadbench run (--db PATH | --url URL) [options]         drive a server at a fixed rate and print latencies
  loadbench routes (--db PATH | --url URL) [-n N]         request every page and API list N times and print p50/p95/max of each

Run 'loadbench <command> --help' for a command's options.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "loadbench: %v\n", err)
		}
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return flag.ErrHelp
	}
	switch args[0] {
	case "archive":
		return cmdArchive(ctx, args[1:], stdout, stderr)
	case "build":
		return cmdBuild(ctx, args[1:], stdout, stderr)
	case "run":
		return cmdRun(ctx, args[1:], stdout, stderr)
	case "routes":
		return cmdRoutes(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
