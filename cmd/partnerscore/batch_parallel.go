package main

import (
	"bufio"
	"io"
	"sync"
	"sync/atomic"

	"github.com/partnerscore/partnerscore/score"
)

// A chunk is a run of consecutive input lines, evaluated by one worker. Chunks are
// written in the order they were read, so the output keeps the input order.
type chunk struct {
	data  []byte // the lines' bytes, copied out of the reader
	lines []span // the non-blank lines
	out   []byte // their output lines
	bad   int    // how many output lines are errors
	flush bool   // write the output out once this chunk is written: the input paused
	done  chan struct{}
	res   score.Result // reused by every line of the chunk, and by the chunk's next use
}

// span is one input line of a chunk.
type span struct {
	no         int
	start, end int   // in chunk.data
	tooLong    int64 // > 0: the line was skipped, being this many bytes long
}

const (
	chunkLines = 32       // lines per chunk, at most
	chunkBytes = 64 << 10 // a chunk is sent once its lines hold this many bytes
)

func (c *chunk) process(eng batchEngine) {
	if cap(c.out) > 8<<20 {
		c.out = nil // do not keep the buffer of an unusually long output
	}
	c.out, c.bad = c.out[:0], 0
	for _, s := range c.lines {
		var ok bool
		if c.out, ok = evalLine(eng, &c.res, c.out, s.no, c.data[s.start:s.end], s.tooLong); !ok {
			c.bad++
		}
	}
}

// batchParallel is batch with jobs workers. The calling goroutine reads lines into chunks
// and hands them to the workers; a writer goroutine writes the chunks' output in input
// order. A fixed set of chunks circulates, so memory stays bounded whatever the input.
func batchParallel(eng batchEngine, r io.Reader, w io.Writer, jobs int) (bad int, err error) {
	n := 2*jobs + 2
	free := make(chan *chunk, n)
	for range n {
		free <- &chunk{done: make(chan struct{}, 1)}
	}
	work := make(chan *chunk, n)
	order := make(chan *chunk, n)

	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			for c := range work {
				c.process(eng)
				c.done <- struct{}{}
			}
		})
	}

	var (
		werr    error
		failed  atomic.Bool // the writer failed: stop reading
		written = make(chan struct{})
	)
	go func() {
		defer close(written)
		bw := bufio.NewWriterSize(w, batchWriteSize)
		for c := range order {
			<-c.done
			bad += c.bad
			if werr == nil {
				if _, werr = bw.Write(c.out); werr == nil && c.flush {
					werr = bw.Flush()
				}
				if werr != nil {
					failed.Store(true)
				}
			}
			free <- c
		}
		if werr == nil {
			werr = bw.Flush()
		}
	}()

	br := bufio.NewReaderSize(r, batchReadSize)
	cur := <-free
	cur.data, cur.lines, cur.flush = cur.data[:0], cur.lines[:0], false
	send := func(flush bool) {
		cur.flush = flush
		order <- cur
		work <- cur
		cur = <-free
		cur.data, cur.lines, cur.flush = cur.data[:0], cur.lines[:0], false
	}
	var rerr error
	for lineNo := 1; !failed.Load(); lineNo++ {
		var line []byte
		var tooLong int64
		line, tooLong, rerr = readLine(br)
		if rerr != nil && rerr != io.EOF {
			break // a line cut by the error is not evaluated
		}
		if tooLong > 0 {
			cur.lines = append(cur.lines, span{no: lineNo, tooLong: tooLong})
		} else if !blank(line) {
			start := len(cur.data)
			cur.data = append(cur.data, trimEOL(line)...)
			cur.lines = append(cur.lines, span{no: lineNo, start: start, end: len(cur.data)})
		}
		if rerr != nil {
			break
		}
		switch {
		case !lineWaiting(br):
			send(true) // even with no lines: earlier output is written out
		case len(cur.lines) >= chunkLines || len(cur.data) >= chunkBytes:
			send(false)
		}
	}
	if len(cur.lines) > 0 {
		send(true)
	}
	close(order)
	close(work)
	<-written
	workers.Wait()
	if rerr == io.EOF {
		rerr = nil
	}
	if werr != nil {
		return bad, werr
	}
	return bad, rerr
}
