package web

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestServeStopsDuringASlowRequest stops the server while a request is still running: Serve
// returns instead of waiting for it, and the request's context is cancelled so that its query
// stops too. (How soon is a figure, not a test: the grace period is one second.)
func TestServeStopsDuringASlowRequest(t *testing.T) {
	started, cancelled := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		select {
		case <-r.Context().Done():
			close(cancelled)
		case <-time.After(time.Minute):
		}
	})
	ctx, stop := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", slow, func(a net.Addr) { addr <- a }, nil) }()
	go http.Get("http://" + (<-addr).String() + "/")
	<-started
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve waited for the slow request")
	}
	select {
	case <-cancelled:
	case <-time.After(30 * time.Second):
		t.Fatal("the slow request's context was not cancelled")
	}
}
