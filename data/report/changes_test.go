package report

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// changeRows reads 변경사항's lines below its header: code → field → [old, new].
func changeRows(t *testing.T, path string) (map[string]map[string][2]string, int) {
	t.Helper()
	f := openXLSX(t, path)
	rows, err := f.GetRows(SheetChanges)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string][2]string{}
	n := 0
	for _, r := range rows[3:] {
		r = append(r, make([]string, 7)...)
		if r[0] == "없음" {
			continue
		}
		if out[r[0]] == nil {
			out[r[0]] = map[string][2]string{}
		}
		if _, dup := out[r[0]][r[2]]; dup {
			t.Errorf("%s %s listed twice", r[0], r[2])
		}
		out[r[0]][r[2]] = [2]string{r[3], r[4]}
		n++
	}
	return out, n
}

// sinceMeetingData is the fixtures' register after a meeting: four
// projects edited since, one edit undone, one undone and made again, one
// field changed twice. Its changes are those after the meeting.
func sinceMeetingData(t *testing.T) (Data, string) {
	t.Helper()
	reg := fixtureRegister(t)
	bs, err := reg.Batches(bg, 1)
	if err != nil {
		t.Fatal(err)
	}
	meeting := bs[0].ID // the last report: everything imported so far
	edit := func(code string, k model.FieldKey, v string) {
		t.Helper()
		if _, err := reg.EditFields(bg, code, 0, []model.FieldKey{k}, map[model.FieldKey]string{k: v}); err != nil {
			t.Fatal(err)
		}
	}
	undo := func() {
		t.Helper()
		if _, err := reg.Undo(bg, 0); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := reg.Project(bg, "HA-E02")
	edit("HA-E01", model.FProgress, "99") // undone: no line
	undo()
	edit("HA-E02", model.FStage, "설계") // twice: one line, first old → last new
	edit("HA-E02", model.FStage, "준공")
	edit("HA-E03", model.FNotes, "잘못 적음") // undone, then written again
	undo()
	edit("HA-E03", model.FNotes, "예산 확정")
	edit("HA-E04", model.BudgetKey(model.National), "7000000000")

	d, err := Load(bg, reg, "", time.Now().Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	var since []register.Change
	for _, c := range d.Changes {
		if c.Batch > meeting {
			since = append(since, c)
		}
	}
	d.Changes = since
	return d, before.Stage
}

// 변경사항 is the council's: one line per project and field, net of undone
// work, in Korean; the full trail with the undone rows is on the hidden
// 변경이력 sheet.
func TestChangesNetOfUndoneWork(t *testing.T) {
	d, stage := sinceMeetingData(t)
	since := d.Changes
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	got, n := changeRows(t, path)
	want := map[string]map[string][2]string{
		"HA-E02": {"단계": {stage, "준공"}},
		"HA-E03": {"비고": {"(없음)", "예산 확정"}},
		"HA-E04": {"국비": {"6,000백만원", "7,000백만원"}},
	}
	if n != 3 {
		t.Errorf("%d lines, want 3: %v", n, got)
	}
	for code, fields := range want {
		for field, v := range fields {
			if got[code][field] != v {
				t.Errorf("%s %s: %q, want %q", code, field, got[code][field], v)
			}
		}
	}
	// The full trail: hidden, every change including the undone ones.
	f := openXLSX(t, path)
	if vis, _ := f.GetSheetVisible(SheetAudit); vis {
		t.Error("변경이력 should be hidden (not printed)")
	}
	rows, _ := f.GetRows(SheetAudit)
	undone, internal := 0, regexp.MustCompile(`^[a-z_.]+$`)
	for _, r := range rows[3:] {
		if len(r) > 11 && r[11] == "되돌림" {
			undone++
		}
		if len(r) > 5 && internal.MatchString(r[5]) {
			t.Errorf("internal field name in 변경이력: %q", r[5])
		}
	}
	if len(rows)-3 != len(since) || undone != 2 {
		t.Errorf("변경이력 has %d rows (%d undone), want %d (2)", len(rows)-3, undone, len(since))
	}
}

// With every change in the period (the fixtures imported today), each
// project is one 사업 추가 line and no field shows its internal name.
func TestChangesInKoreanOnePerProject(t *testing.T) {
	reg := fixtureRegister(t)
	d, err := Load(bg, reg, "", time.Now().Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	got, n := changeRows(t, path)
	if n != len(d.Projects) {
		t.Errorf("%d lines for %d new projects", n, len(d.Projects))
	}
	for code, fields := range got {
		if v, ok := fields["사업 추가"]; !ok || v[1] != "신규 등록" || len(fields) != 1 {
			t.Errorf("%s: %v", code, fields)
		}
	}
}

// The period runs from the last meeting to the day the report is made,
// not to the data's as-of date (which read "2026. 11. 1. ~ 2026. 10. 31.").
func TestChangesPeriod(t *testing.T) {
	d := fixtureReportData(t)
	d.AsOf, d.Since = "2026-10-31", "2026-11-01"
	d.Created = time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	d.Changes = nil
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := Export(path, d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, path)
	line, _ := f.GetCellValue(SheetChanges, "A2")
	if !strings.Contains(line, "2026. 11. 1. ~ 2026. 12. 1.") {
		t.Fatalf("period line %q", line)
	}
	// A first day after today is refused.
	reg := fixtureRegister(t)
	tomorrow := time.Now().AddDate(0, 0, 2).Format("2006-01-02")
	if _, err := Load(bg, reg, "2026-10-31", tomorrow); !errors.Is(err, &msg.Error{ID: msgSinceFuture}) {
		t.Fatalf("since after today: %v", err)
	}
}
