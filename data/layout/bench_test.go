package layout

import (
	"testing"

	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/synth"
)

// The 100,000-row benchmarks are the measure of the importer's cost:
// reading, locating and parsing a city sheet against reading the same file
// with excelize's Rows() alone. Run them with
//
//	go test ./data/layout -run=^$ -bench=100k -benchtime=3x
func bigSheet(b *testing.B) string {
	path, err := synth.SharedPohang(100_000)
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkExcelizeRows100k(b *testing.B) {
	synth.BenchmarkRowsBaseline(b, bigSheet(b), "추진현황")
}

func BenchmarkLocate100k(b *testing.B) {
	path := bigSheet(b)
	b.ResetTimer()
	var peak float64
	for b.Loop() {
		peak = max(peak, synth.PeakHeapMB(func() {
			wb, err := sheet.Open(path, sheet.Options{})
			if err != nil {
				b.Fatal(err)
			}
			t, err := Locate(wb, Options{})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			rows := t.Rows()
			for range rows.All() {
				n++
			}
			if n != 100_000 || rows.Err() != nil {
				b.Fatalf("%d records: %v", n, rows.Err())
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
		peak = max(peak, synth.PeakHeapMB(func() {
			if _, err := sheet.Open(path, sheet.Options{}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}
