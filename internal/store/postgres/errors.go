package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Rejected reports whether err is PostgreSQL refusing a value that a document brought: a data
// exception (SQLSTATE class 22: an invalid byte sequence, a value out of range), a broken
// integrity constraint (class 23) or a limit (class 54: a row or a tsvector too large). The
// same statements without that document succeed, so it fails alone. Every other error, from
// a refused connection to a deadlock, says nothing about the documents.
func Rejected(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || len(pe.Code) != 5 {
		return false
	}
	switch pe.Code[:2] {
	case "22", "23", "54":
		return true
	}
	return false
}

// Unavailable reports whether err means that the server cannot be reached or is not
// accepting work now (refused or broken connections, a shutdown, a start-up, too many
// connections), so that waiting and trying again is the cure. A wrong password, a missing
// database or a refused value is not.
func Unavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03", // shutdown, crash, starting up
			pe.Code == "53300": // too many connections
			return true
		}
		return false
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		strings.Contains(err.Error(), "conn closed")
}
