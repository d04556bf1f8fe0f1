package layout

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/synth"
)

// The 100,000-row benchmarks are the measure of the importer's cost:
// reading, locating and parsing a city sheet against reading the same file
// with excelize's Rows() alone. Run them with
//
//	go test ./data/layout -run=^$ -bench=100k -benchtime=3x
var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

func bigSheet(b *testing.B) string {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "haeoreum-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "pohang_100k.xlsx")
		bigErr = synth.PohangLayout(bigPath, 100_000)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// peakHeap samples the live heap while fn runs and returns the highest
// HeapInuse seen, in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	go func() {
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
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(max(peak, m.HeapInuse)) / (1 << 20)
}

func BenchmarkExcelizeRows100k(b *testing.B) {
	path := bigSheet(b)
	b.ResetTimer()
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			f, err := excelize.OpenFile(path)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("추진현황")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				cols, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				n += len(cols)
			}
			if err := rows.Close(); err != nil {
				b.Fatal(err)
			}
			f.Close()
			if n < 1_000_000 {
				b.Fatalf("read %d cells", n)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

func BenchmarkLocate100k(b *testing.B) {
	path := bigSheet(b)
	b.ResetTimer()
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			wb, err := sheet.Open(path, sheet.Options{})
			if err != nil {
				b.Fatal(err)
			}
			t, err := Locate(wb, Options{})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for range t.Records() {
				n++
			}
			if n != 100_000 || len(t.Errors) > 0 {
				b.Fatalf("%d records, %d errors", n, len(t.Errors))
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

func BenchmarkSheetOpen100k(b *testing.B) {
	path := bigSheet(b)
	b.ResetTimer()
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			if _, err := sheet.Open(path, sheet.Options{}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}
