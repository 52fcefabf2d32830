package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/alboran/alboran/internal/extract"
)

// version is the binary's version when the build sets it:
// go build -ldflags "-X main.version=v1.2.0" ./cmd/alboran. Otherwise the version Go recorded
// (a tag or pseudo-version for go install of a module version), else "(devel)".
var version string

const versionHelp = `Usage: alboran version

Prints the version of the binary (set at build time with -ldflags "-X main.version=...") and
of the extraction rules, which the records in a database carry.
`

func cmdVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", versionHelp, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"version takes no arguments"}
	}
	return printVersion(stdout)
}

func printVersion(out io.Writer) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	if version != "" {
		v = version
	}
	_, err := fmt.Fprintf(out, "alboran %s, extraction rules %s\n", v, extract.Version)
	return err
}
