package main

import (
	"io"
	"runtime"
	"testing"
)

// smallProfile is a realistic small profile on one line: a few certified people, the
// certification shortcut and a handful of facts.
const smallProfile = `{"asOf":"2026-06-01","people":[{"id":"ana","certifications":["MS-700","MS-102"]},` +
	`{"id":"ben","certifications":["SC-300","MS-102"]},{"id":"cy","certifications":["AZ-104","AZ-305"]}],` +
	`"certifications":{"MD-102":2},"facts":{"mw.ent.netCustomerAdds":4,"mw.ent.usageGrowth.cpor":800,` +
	`"mw.ent.usageGrowth.dpor":2500,"mw.ent.deployments.cpor":3,"azure.smbCustomerShare":40,"azure.usageGrowth":12.5}}`

// repeatReader yields n copies of line (which ends in a newline), in reads of up to the
// caller's buffer, without holding them all in memory.
type repeatReader struct {
	line []byte
	n    int // copies left, including the partial one at off
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:], r.line[r.off:])
		k += c
		r.off += c
		if r.off == len(r.line) {
			r.off = 0
			r.n--
		}
	}
	return k, nil
}

// BenchmarkBatch pushes b.N copies of a small profile through the batch command's code
// path on one core (-j 1), one profile per iteration, and reports the throughput.
func BenchmarkBatch(b *testing.B) { benchBatch(b, 1, false) }

// BenchmarkBatchSummary is BenchmarkBatch writing summaries (batch -summary).
func BenchmarkBatchSummary(b *testing.B) { benchBatch(b, 1, true) }

// BenchmarkBatchParallel is BenchmarkBatch with the default -j: GOMAXPROCS workers.
func BenchmarkBatchParallel(b *testing.B) { benchBatch(b, runtime.GOMAXPROCS(0), false) }

func benchBatch(b *testing.B, jobs int, summary bool) {
	eng := testEngine(b)
	line := []byte(smallProfile + "\n")
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	b.ResetTimer()
	bad, err := batch(batchEngine{eng, summary}, &repeatReader{line: line, n: b.N}, io.Discard, jobs)
	if err != nil || bad != 0 {
		b.Fatalf("batch: %d bad lines, %v", bad, err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "profiles/s")
}
