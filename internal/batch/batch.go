// Package batch runs extraction over a stream of source items on every core and hands the
// results back in input order, with a bounded number in flight so that memory stays flat
// however long the input is.
package batch

import (
	"context"
	"io"
	"runtime"
	"sync"

	"github.com/alboran/alboran/internal/extract"
	"github.com/alboran/alboran/internal/record"
	"github.com/alboran/alboran/internal/source"
)

// Result is one item's outcome: its extraction, or the error that kept it from being read.
// The extraction's warnings are the item's (from reading it) and the extraction's own.
type Result struct {
	Item       source.Item
	Extraction record.Extraction
	stopped    bool // the context ended before the item was extracted
}

// Warnings are what reading and extracting the item warned about.
func (r Result) Warnings() []string {
	if r.Item.Err != nil {
		return r.Item.Warnings
	}
	return r.Extraction.Warnings
}

// Run reads inputs with src, extracts each document with workers goroutines (0 means one per
// core), and calls emit with each result in input order. It returns the first error from
// reading, from emit, or from ctx. Once ctx ends, emit is not called again: what was emitted
// is a prefix of the input, every result whole, and Run returns ctx's error.
func Run(ctx context.Context, x *extract.Extractor, src source.Options, inputs []string, stdin io.Reader, workers int, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq  int
		item source.Item
		done chan Result
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan Result, workers*4)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Item: j.item}
				if j.item.Err == nil {
					out, err := x.ExtractContext(ctx, j.item.Doc)
					r.Extraction, r.stopped = out, err != nil
					r.Extraction.Warnings = append(j.item.Warnings[:len(j.item.Warnings):len(j.item.Warnings)], out.Warnings...)
				}
				j.done <- r
			}
		}()
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		seq := 0
		readErr <- src.Read(ctx, inputs, stdin, func(it source.Item) error {
			done := make(chan Result, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq: seq, item: it, done: done}:
			case <-ctx.Done():
				done <- Result{Item: it, stopped: true} // the reader of order must not wait for it forever
				return ctx.Err()
			}
			seq++
			return nil
		})
	}()

	var emitErr error
	for done := range order {
		r := <-done
		if emitErr != nil || r.stopped || ctx.Err() != nil {
			continue
		}
		if err := emit(r); err != nil {
			emitErr = err
			cancel()
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	if err := <-readErr; err != nil {
		return err
	}
	return parent.Err() // results left out after a cancel must not pass for the end of the input
}
