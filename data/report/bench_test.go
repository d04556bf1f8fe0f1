package report

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/xuri/excelize/v2"
)

var benchFields = []string{"경제·산업·해양", "도시기반(인프라)", "문화·관광", "방재·안전", "추진체계 및 제도"}

// synthData builds n projects in memory, shaped like the register's: a
// lead and one or two partner cities, amounts mostly in whole 백만원,
// two-line narratives, each city's contact.
func synthData(n int) Data {
	ps := make([]*model.Project, n)
	stages := []string{"계획", "설계", "공사중", "운영", "완료"}
	for i := range ps {
		lead := model.Cities[i%3]
		cities := []model.City{lead, model.Cities[(i+1)%3]}
		if i%4 == 0 {
			cities = model.Cities
		}
		nat := int64(1000+i%9000) * 1_000_000
		reg := int64(200+i%700) * 1_000_000
		loc := int64(100+i%300)*1_000_000 + int64(i%7)*500_000
		priv := int64(i%5) * 250_000_000
		b := model.Budget{National: nat, Regional: reg, Local: loc, Private: priv}
		b.Total = b.SumOfParts()
		prog := float64(i%1000) / 10
		end := fmt.Sprintf("%d-%02d", 2027+i%8, 1+i%12)
		p := &model.Project{
			Code: fmt.Sprintf("HA-X%06d", i), Name: fmt.Sprintf("해오름 공동협력 시범사업 %d호 추진", i),
			Field: benchFields[i%len(benchFields)], Kind: model.Continuing, LeadCity: lead, Cities: model.SortCities(cities),
			Start: fmt.Sprintf("%d-%02d", 2020+i%6, 1+i%12), End: &end, Budget: b, Progress: &prog, Stage: stages[i%5],
			Overview:   "3개 시가 공동으로 추진하는 협력사업으로 권역 내 기반시설과 서비스를 함께 확충한다.",
			Activities: "○ 2026. 2. 3개 시 실무협의회 개최\n○ 2026. 5. 사업비 교부 및 집행",
			NextSteps:  "○ 2026. 12. 2단계 착수\n○ 2027. 6. 준공 검사",
			AsOf:       "2026-10-31",
			Contacts: map[model.City]model.Contact{
				model.Pohang:   {Department: "미래전략과", Officer: "김해오", Phone: "054-270-2764"},
				model.Ulsan:    {Department: "에너지산업과", Officer: "이동해", Phone: "052-229-2337"},
				model.Gyeongju: {Department: "정책기획과", Officer: "박신라", Phone: "054-779-2389"},
			},
		}
		if i%8 == 0 {
			p.Kind, p.End = model.New, nil
		}
		ps[i] = p
	}
	var cs []*register.Conflict
	for i := 0; i < n/100; i++ {
		p := ps[i*100]
		cs = append(cs, &register.Conflict{Code: p.Code, Name: p.Name, Field: model.BudgetKey(model.Total), LeadCity: p.LeadCity,
			Values: []register.ConflictValue{
				{City: p.LeadCity, Value: strconv.FormatInt(p.Budget.Total, 10), File: "master.xlsx", Sheet: "사업목록", Cell: "I" + strconv.Itoa(i+2), Lead: true},
				{City: p.Cities[1], Value: "1000000000", File: "city.xlsx", Sheet: "Sheet1", Cell: "D" + strconv.Itoa(i+2), AsOf: "2026-10-31"},
			}})
	}
	var ch []register.Change
	for i := 0; i < n/20; i++ {
		p := ps[i]
		ch = append(ch, register.Change{Batch: int64(i/100 + 1), Kind: register.KindImport, Code: p.Code, Name: p.Name,
			Field: model.FProgress, Old: "40", New: "45.5", File: "ulsan_2026-10.xlsx", City: model.Ulsan, User: "official", At: "2026-10-20T09:00:00Z"})
	}
	return Data{Projects: ps, Conflicts: cs, Changes: ch, Scheme: register.FieldScheme{PlanYear: 2025, Fields: benchFields},
		AsOf: "2026-10-31", Since: "2026-10-01", Created: time.Date(2026, 10, 31, 9, 0, 0, 0, time.UTC)}
}

// recorder keeps every row a report writes, so that a benchmark can write
// the very same cells with a bare StreamWriter and compare.
type recorder struct {
	sheets map[string]*recordedSheet
	order  []string
}

type recordedSheet struct {
	rows   []recordedRow
	merges [][2]string
}

type recordedRow struct {
	row    int
	values []any
	height float64
}

func (r *recorder) sheet(name string) *recordedSheet {
	if r.sheets == nil {
		r.sheets = map[string]*recordedSheet{}
	}
	s := r.sheets[name]
	if s == nil {
		s = &recordedSheet{}
		r.sheets[name] = s
		r.order = append(r.order, name)
	}
	return s
}

func (r *recorder) row(name string, row int, values []any, height float64) {
	s := r.sheet(name)
	copied := make([]any, len(values))
	for i, v := range values {
		if c, ok := v.(*excelize.Cell); ok { // rows reuse their cells: keep a copy
			v = *c
		}
		copied[i] = v
	}
	s.rows = append(s.rows, recordedRow{row: row, values: copied, height: height})
}

func (r *recorder) merge(name, from, to string) {
	s := r.sheet(name)
	s.merges = append(s.merges, [2]string{from, to})
}

// writeBaseline writes the recorded cells with a bare StreamWriter: the
// same sheets, styles, rows, heights and merges, nothing else.
var heapBefore uint64

func writeBaseline(rec *recorder, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := newStyles(f); err != nil {
		return err
	}
	for i, name := range SheetNames() {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, name := range rec.order {
		s := rec.sheets[name]
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for _, r := range s.rows {
			var opts []excelize.RowOpts
			if r.height > 0 {
				opts = append(opts, excelize.RowOpts{Height: r.height})
			}
			if err := sw.SetRow("A"+strconv.Itoa(r.row), r.values, opts...); err != nil {
				return err
			}
		}
		for _, m := range s.merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// peakHeap samples the heap in use while fn runs; heapBefore is the heap
// in use when it starts (the input, after a GC).
func peakHeap(fn func() error) (uint64, error) {
	var peak atomic.Uint64
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	heapBefore = before.HeapInuse
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	err := fn()
	close(stop)
	wg.Wait()
	return peak.Load(), err
}

// BenchmarkExport100k exports 100,000 projects (every sheet, written
// safely: temp file, reopened and checked, synced, renamed) and, in the same
// run, writes the very same cells with a bare StreamWriter. It reports both
// times, their ratio and the peak heap of each.
func BenchmarkExport100k(b *testing.B) {
	d := synthData(100_000)
	dir := b.TempDir()
	var exportNs, baseNs int64
	var exportPeak, basePeak, exportOwn, baseOwn uint64
	i := 0
	for b.Loop() {
		i++
		out := filepath.Join(dir, "report"+strconv.Itoa(i)+".xlsx")
		runtime.GC()
		start := time.Now()
		peak, err := peakHeap(func() error { return Export(out, d, SaveOptions{}) })
		if err != nil {
			b.Fatal(err)
		}
		exportNs += time.Since(start).Nanoseconds()
		exportPeak = max(exportPeak, peak)
		exportOwn = max(exportOwn, peak-heapBefore)
		os.Remove(out)
	}
	// The baseline in the same run: record the cells (not timed), then
	// write them with a bare StreamWriter, alternating with exports so that
	// both see the same machine (other work on a shared machine skews runs).
	b.StopTimer()
	rec := &recorder{}
	f, err := build(d, rec)
	if err != nil {
		b.Fatal(err)
	}
	f.Close()
	var pairExport int64
	pairs := max(i, 2)
	for j := 1; j <= pairs; j++ {
		runtime.GC()
		base := filepath.Join(dir, "baseline"+strconv.Itoa(j)+".xlsx")
		start := time.Now()
		peak, err := peakHeap(func() error { return writeBaseline(rec, base) })
		if err != nil {
			b.Fatal(err)
		}
		baseNs += time.Since(start).Nanoseconds()
		basePeak = max(basePeak, peak)
		baseOwn = max(baseOwn, peak-heapBefore)
		os.Remove(base)
		runtime.GC()
		out := filepath.Join(dir, "pair"+strconv.Itoa(j)+".xlsx")
		start = time.Now()
		if err := Export(out, d, SaveOptions{}); err != nil {
			b.Fatal(err)
		}
		pairExport += time.Since(start).Nanoseconds()
		os.Remove(out)
	}
	b.ReportMetric(float64(exportNs)/float64(i), "export-ns/op")
	b.ReportMetric(float64(baseNs)/float64(pairs), "stream-ns/op")
	b.ReportMetric(float64(pairExport)/float64(baseNs), "ratio")
	b.ReportMetric(float64(exportPeak)/(1<<20), "export-peak-heap-MB")
	b.ReportMetric(float64(exportOwn)/(1<<20), "export-heap-above-input-MB")
	b.ReportMetric(float64(basePeak)/(1<<20), "stream-peak-heap-MB")
	b.ReportMetric(float64(baseOwn)/(1<<20), "stream-heap-above-input-MB")
}

// BenchmarkExport43 is the fixtures' report: 43 projects, written safely.
func BenchmarkExport43(b *testing.B) {
	d := fixtureReportData(b)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if err := Export(filepath.Join(dir, "r"+strconv.Itoa(i)+".xlsx"), d, SaveOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
