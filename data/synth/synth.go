// Package synth writes synthetic city status sheets of any size, in the
// cities' layouts, for benchmarks and fuzz seeds. Everything in them is
// invented.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/xuri/excelize/v2"
)

var fields = []string{"경제·산업·해양", "도시기반(인프라)", "문화·관광", "방재·안전", "추진체계 및 제도"}

// PohangLayout writes a sheet shaped like Pohang's: a title row, an as-of
// and unit line, a two-row merged header (사업비 over 계/국비/도비/시비/
// 민자/기타), 분야 written once per field, amounts in 백만원, periods as
// text, progress as a number, and a 비고 naming the lead city. Rows are
// written with excelize's StreamWriter, so 100,000 rows stay cheap.
func PohangLayout(path string, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	const name = "추진현황"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.MergeCell("E3", "J3"); err != nil {
		return err
	}
	for _, col := range []string{"A", "B", "C", "D", "K", "L", "M", "N", "O"} {
		if err := sw.MergeCell(col+"3", col+"4"); err != nil {
			return err
		}
	}
	head := [][]any{
		{"2026년 해오름동맹 공동협력사업 추진현황(포항시) — 합성 자료"},
		{"(기준: 2026. 10. 31.)", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "(단위: 백만원)"},
		{"연번", "분야", "사업명", "사업기간", "사업비(백만원)", nil, nil, nil, nil, nil, "추진율(%)", "추진현황", "향후계획", "담당부서", "비고"},
		{nil, nil, nil, nil, "계", "국비", "도비", "시비", "민자", "기타"},
	}
	for i, r := range head {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	leads := []string{"포항 주관", "울산 주관", "경주 주관, 신규"}
	perField := rows/len(fields) + 1
	for i := 0; i < rows; i++ {
		field := ""
		if i%perField == 0 {
			field = fields[i/perField]
		}
		national := int64(100 + i%900)
		regional, local, private := national/2, national/4, int64(i%7)
		total := national + regional + local + private
		row := []any{
			i + 1, field, fmt.Sprintf("합성 공동협력사업 %06d", i+1),
			fmt.Sprintf("%d. %d. ~ %d. 12.", 2020+i%6, 1+i%12, 2027+i%5),
			total, national, regional, local, private, 0,
			float64(i%1000) / 10,
			"○ 2026. 3. 연간 운영계획 수립\n○ 2026. 7. 참여기관 간담회 개최",
			"○ 2026. 12. 성과평가 실시",
			"미래전략과", leads[i%len(leads)],
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+5)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

var (
	sharedMu    sync.Mutex
	sharedPaths = map[int]string{}
)

// SharedPohang returns a Pohang-layout sheet of the given size, written once
// per process into a temporary folder, for benchmarks that read the same file.
func SharedPohang(rows int) (string, error) {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if p, ok := sharedPaths[rows]; ok {
		return p, nil
	}
	dir, err := os.MkdirTemp("", "haeoreum-bench-")
	if err != nil {
		return "", err
	}
	// no city in the name: the city must be told from the sheet itself
	p := filepath.Join(dir, fmt.Sprintf("sheet_%d.xlsx", rows))
	if err := PohangLayout(p, rows); err != nil {
		return "", err
	}
	sharedPaths[rows] = p
	return p, nil
}
