// Package examples embeds the bundled example reports, for the demo server and tests.
package examples

import "embed"

// Reports holds the example report files (*.txt, codebook section 2).
//
//go:embed *.txt
var Reports embed.FS
