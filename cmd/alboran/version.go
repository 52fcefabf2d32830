package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/alboran/alboran/internal/extract"
)

func cmdVersion(out io.Writer) error {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	_, err := fmt.Fprintf(out, "alboran %s, extraction rules %s\n", v, extract.Version)
	return err
}
