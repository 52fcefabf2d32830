package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/alboran/alboran/internal/store"
)

// isTerminal reports whether w is a terminal (not merely a character device: /dev/null is
// one too, and output sent there is not shown to anyone).
func isTerminal(w io.Writer) bool {
	if r, ok := w.(*redactWriter); ok {
		w = r.w
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// isStdout reports whether an -o value means standard output: none, or "-".
func isStdout(path string) bool { return path == "" || path == "-" }

// createTemp creates a new file for writing beside path, to be renamed onto it once complete,
// so that a failed write leaves no half file. Unlike os.CreateTemp (mode 0600), the file is
// created with mode 0666 and the process's umask, as a shell redirection would create it.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	var b [6]byte
	for range 100 {
		rand.Read(b[:])
		name := filepath.Join(dir, "."+base+"-"+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// writeFileAtomic writes path through write: into a temporary file beside it, renamed onto it
// when write and the close succeed, and removed otherwise.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := createTemp(path)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails harmlessly once renamed
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// isPostgres reports whether a --db value is a PostgreSQL URL.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openExistingStore opens the store for a command that only reads it. A SQLite file that does
// not exist is an error that says what to do, not a new empty database.
func openExistingStore(ctx context.Context, dsn string) (store.Store, error) {
	if !isPostgres(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: store reports first with 'alboran ingest --db %s FILES...', or name an existing database with --db or ALBORAN_DB", dsn, dsn)
		}
	}
	return openStore(ctx, dsn)
}
