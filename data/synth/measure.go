package synth

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// ReadWithRows reads every cell of a sheet with excelize's Rows() iterator
// and raw values, and nothing else: the baseline the importer's cost is
// quoted against. It returns the number of cells read.
func ReadWithRows(path, sheet string) (int, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return n, err
		}
		n += len(cols)
	}
	if err := rows.Close(); err != nil {
		return n, err
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: no cells", path)
	}
	return n, nil
}

// PeakHeapMB runs fn while sampling the live heap every 5 ms and returns
// the highest HeapInuse seen, in MB.
func PeakHeapMB(fn func()) float64 {
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(max(peak, m.HeapInuse)) / (1 << 20)
}

// BenchmarkRowsBaseline is the body of each package's baseline benchmark:
// ReadWithRows on path, with its peak heap reported. Every package that
// quotes a ratio measures this in its own run.
func BenchmarkRowsBaseline(b *testing.B, path, sheet string) {
	var peak float64
	for b.Loop() {
		peak = max(peak, PeakHeapMB(func() {
			if _, err := ReadWithRows(path, sheet); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}
