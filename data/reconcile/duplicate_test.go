package reconcile

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// Two rows under two names of one project (the second an alias the matcher
// knows) that say different things: the file is refused naming both cells,
// never "the first row wins".
func TestOneProjectUnderTwoNamesWithOtherValuesIsRefused(t *testing.T) {
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	before := listJSON(t, r)
	path := cityRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)"},
		{"영일만 횡단구간(영일만대교) 건설", 3_000_000, 30},
		{"영일만대교 건설", 3_000_000, 45},
	})
	pv, err := ImportFile(ctx, r, path, FileOptions{City: model.Pohang})
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("err %v, preview errors %v", err, pv.Errors)
	}
	if len(pv.Errors) != 1 || !strings.Contains(pv.Errors[0], "A3") || !strings.Contains(pv.Errors[0], "A2") {
		t.Errorf("errors %q", pv.Errors)
	}
	if after := listJSON(t, r); after != before {
		t.Error("a refused import changed the register")
	}

	// The same values twice stay a warning.
	same := cityRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)"},
		{"영일만 횡단구간(영일만대교) 건설", 3_000_000, 30},
		{"영일만대교 건설", 3_000_000, 30},
	})
	pv, err = ImportFile(ctx, r, same, FileOptions{City: model.Pohang, Options: Options{DryRun: true}})
	if err != nil || len(pv.Errors) != 0 {
		t.Fatalf("err %v, errors %q", err, pv.Errors)
	}
}

func cityRows(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "pohang_dup.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func listJSON(t *testing.T, r *register.Register) string {
	t.Helper()
	list, err := r.List(ctx, register.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(list)
	return string(b)
}

// One reading previewed twice (as the window does before the official
// applies it) says the same both times: the alias refusal and the row
// warnings once each, and the located table keeps only what Locate found.
func TestOneReadingPreviewedTwiceSaysTheSame(t *testing.T) {
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	path := cityRows(t, [][]any{
		{"사업명", "총사업비(백만원)", "추진율(%)"},
		{"영일만 횡단구간(영일만대교) 건설", 3_000_000, 30},
		{"영일만대교 건설", 3_000_000, 45}, // the same project, by its alias, saying otherwise
		{"", 5, ""}, // values without a name: a warning
	})
	rd, err := Understand(ctx, r, path, FileOptions{City: model.Pohang})
	if err != nil {
		t.Fatal(err)
	}
	tableErrs, tableWarns := len(rd.Table.Errors), len(rd.Table.Warnings)
	var previews []*Preview
	for range 2 {
		pv, err := Apply(ctx, r, rd, Options{DryRun: true})
		if !errors.Is(err, ErrRefused) {
			t.Fatalf("err %v, preview errors %v", err, pv.Errors)
		}
		previews = append(previews, pv)
	}
	a, b := previews[0], previews[1]
	if len(a.Errors) != 1 || !strings.Contains(a.Errors[0], "A3") || !strings.Contains(a.Errors[0], "A2") {
		t.Errorf("errors %q", a.Errors)
	}
	if !slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.Contains(w, "A4") }) {
		t.Errorf("the row without a name is said: %q", a.Warnings)
	}
	if !slices.Equal(a.Errors, b.Errors) || !slices.Equal(a.Warnings, b.Warnings) {
		t.Errorf("the second preview differs:\n errors %q\n    vs %q\n warnings %q\n      vs %q", a.Errors, b.Errors, a.Warnings, b.Warnings)
	}
	if len(rd.Table.Errors) != tableErrs || len(rd.Table.Warnings) != tableWarns {
		t.Errorf("previewing changed the table: %d/%d errors, %d/%d warnings", len(rd.Table.Errors), tableErrs, len(rd.Table.Warnings), tableWarns)
	}
}
