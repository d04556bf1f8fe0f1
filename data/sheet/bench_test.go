package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/synth"
)

const benchRows, benchCols = 100_000, 20

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
	bigDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// bigCityFile writes, once per process, a 100,000 × 20 sheet laid out like
// a city's status sheet: a merged title row, a header, then rows of Korean
// text, amounts with a thousands format, a yyyy-mm date column and a
// percent column.
func bigCityFile(tb testing.TB) string {
	tb.Helper()
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "sheet-bench-")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "big_city.xlsx")
		bigErr = writeBigCityFile(bigPath)
	})
	if bigErr != nil {
		tb.Fatal(bigErr)
	}
	return bigPath
}

func writeBigCityFile(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	ym := "yyyy-mm"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &ym})
	amountStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	pctFmt := "0.0%"
	pctStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt})
	if err := sw.MergeCell("A1", "T1"); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"2026년 해오름동맹 공동협력사업 추진현황(포항시)"}); err != nil {
		return err
	}
	header := []any{"연번", "분야", "사업명", "주관", "착수", "총사업비", "국비", "도비", "시비", "민자", "기타",
		"추진율", "추진현황", "향후계획", "담당부서", "담당자", "연락처", "구분", "비고", "기준"}
	if err := sw.SetRow("A2", header); err != nil {
		return err
	}
	fields := []string{"경제·산업·해양", "도시기반(인프라)", "문화·관광", "방재·안전", "추진체계 및 제도"}
	cities := []string{"포항", "울산", "경주"}
	row := make([]any, benchCols)
	for i := range benchRows {
		n := i + 1
		amount := int64(n%997) * 1_000_000
		row[0] = n
		row[1] = fields[n%len(fields)]
		row[2] = fmt.Sprintf("해오름 공동협력 사업 %d호", n)
		row[3] = cities[n%3]
		row[4] = excelize.Cell{StyleID: dateStyle, Value: 44927 + n%1500}
		row[5] = excelize.Cell{StyleID: amountStyle, Value: amount * 5}
		row[6] = excelize.Cell{StyleID: amountStyle, Value: amount * 2}
		row[7] = excelize.Cell{StyleID: amountStyle, Value: amount}
		row[8] = excelize.Cell{StyleID: amountStyle, Value: amount}
		row[9] = excelize.Cell{StyleID: amountStyle, Value: amount}
		row[10] = excelize.Cell{StyleID: amountStyle, Value: 0}
		row[11] = excelize.Cell{StyleID: pctStyle, Value: float64(n%1000) / 1000}
		row[12] = fmt.Sprintf("○ 2026. %d. 실시설계 완료 및 공사 발주", n%12+1)
		row[13] = "○ 2027. 착공 예정"
		row[14] = cities[n%3] + "시 전략사업과"
		row[15] = "홍길동"
		row[16] = fmt.Sprintf("054-270-%04d", n%10000)
		row[17] = "계속"
		row[18] = ""
		row[19] = "2026-10-31"
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// benchPeak runs op b.N times and reports the highest heap seen, with the
// one memory meter every benchmark of the project uses (synth.PeakHeapMB).
func benchPeak(b *testing.B, op func()) {
	var peak float64
	for b.Loop() {
		peak = max(peak, synth.PeakHeapMB(op))
	}
	b.ReportMetric(peak, "peak-MB")
}

// BenchmarkExcelizeRows is the baseline: excelize's streaming row reader
// with raw values, the cheapest whole-sheet read excelize offers (and it
// gives no styles, merges or hidden flags).
func BenchmarkExcelizeRows(b *testing.B) {
	path := bigCityFile(b)
	benchPeak(b, func() {
		f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 512 << 20})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
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
		if n < benchRows*(benchCols-1) {
			b.Fatalf("read %d cells", n)
		}
	})
}

// BenchmarkOpen reads the same file with values, formats, merges and
// hidden flags, keeping the whole grid. live-MB is what the returned
// Workbook holds.
func BenchmarkOpen(b *testing.B) {
	path := bigCityFile(b)
	var wb *Workbook
	benchPeak(b, func() {
		var err error
		if wb, err = Open(path, Options{}); err != nil {
			b.Fatal(err)
		}
	})
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := ms.HeapAlloc
	if len(wb.Sheets[0].Rows) != benchRows+2 {
		b.Fatalf("rows %d", len(wb.Sheets[0].Rows))
	}
	wb = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(live-ms.HeapAlloc)/(1<<20), "live-MB")
}
