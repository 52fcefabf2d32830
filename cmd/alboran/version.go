package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/alboran/alboran/internal/extract"
)

// version is the binary's version when the build sets it:
// go build -ldflags "-X main.version=v1.2.0" ./cmd/alboran. Otherwise the version Go recorded
// (a tag or pseudo-version for go install of a module version), else "(devel)".
var version string

func cmdVersion(out io.Writer) error {
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
