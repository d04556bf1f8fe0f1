package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/korean"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/round"
	"github.com/xuri/excelize/v2"
)

var fixtureFiles = []string{"master_2026.xlsx", "pohang_2026-10.xlsx", "ulsan_2026-10.xlsx", "gyeongju_2026-10.xlsx"}

// The import wizard end to end: the master register, then the three
// cities' sheets, previewed and applied one by one.
func TestImportWizardEndToEnd(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	dir := fixtures(t)
	// Dropped in the "wrong" order: the master goes first by itself.
	var paths []string
	for _, f := range []string{fixtureFiles[2], fixtureFiles[0], fixtureFiles[1], fixtureFiles[3]} {
		paths = append(paths, filepath.Join(dir, f))
	}
	w.add(paths...)
	u.Wait()
	if len(w.files) != 4 {
		t.Fatalf("%d files in the wizard", len(w.files))
	}
	if got := filepath.Base(w.files[0].path); got != "master_2026.xlsx" {
		t.Fatalf("first file %s, want the master", got)
	}
	for _, f := range w.files {
		if f.err != nil {
			t.Fatalf("%s: %v", f.name(), f.err)
		}
	}
	// The files in the fixtures' order after the master.
	order := map[string]int{}
	for i, f := range fixtureFiles {
		order[f] = i
	}
	byName := map[string]*importFile{}
	for _, f := range w.files {
		byName[f.name()] = f
	}
	wantConflicts := map[string]int{"master_2026.xlsx": 0, "pohang_2026-10.xlsx": 0, "ulsan_2026-10.xlsx": 2, "gyeongju_2026-10.xlsx": 4}
	total := 0
	for _, name := range fixtureFiles {
		f := byName[name]
		w.show(f)
		if w.current != f || indexOf(w.files, f) < 0 {
			t.Fatalf("selecting %s did not show it", name)
		}
		pv := f.preview
		if pv == nil {
			t.Fatalf("%s: no preview", name)
		}
		if pv.Applied {
			t.Fatalf("%s: the preview applied", name)
		}
		if name == "master_2026.xlsx" && len(pv.Added) != 43 {
			t.Errorf("master preview adds %d, want 43", len(pv.Added))
		}
		if len(pv.Conflicts) != wantConflicts[name] {
			t.Errorf("%s preview: %d conflicts, want %d", name, len(pv.Conflicts), wantConflicts[name])
		}
		if len(pv.Errors) > 0 {
			t.Fatalf("%s: errors %v", name, pv.Errors)
		}
		if f.table().City == "" && !f.table().Master {
			t.Errorf("%s: no city detected", name)
		}
		if w.columns.text() == "" || w.info.Text == "" {
			t.Errorf("%s: detection not shown", name)
		}
		if w.apply.Disabled() {
			t.Fatalf("%s: apply disabled", name)
		}
		test.Tap(w.apply)
		u.Wait()
		if !f.applied || !f.preview.Applied {
			t.Fatalf("%s was not applied", name)
		}
		total += len(f.preview.Conflicts)
	}
	if total != 6 {
		t.Errorf("the imports opened %d conflicts, want 6", total)
	}
	if n, _ := u.table.table.Length(); n != 43 {
		t.Errorf("the register table shows %d rows, want 43", n)
	}
	if len(u.conflView.items) != 6 {
		t.Errorf("the conflicts screen lists %d, want 6", len(u.conflView.items))
	}
	if !w.applyAll.Disabled() {
		t.Error("apply all still enabled with nothing pending")
	}
	if w.undo.Disabled() {
		t.Error("undo last import disabled after imports")
	}
	// Undo the last import (Gyeongju's): its four conflicts go.
	test.Tap(w.undo)
	if u.lastConfirm == nil {
		t.Fatal("no confirmation before undo")
	}
	u.lastConfirm.Confirm()
	u.Wait()
	if len(u.conflicts) != 2 {
		t.Errorf("%d open conflicts after undoing Gyeongju's import, want 2", len(u.conflicts))
	}
	if byName["gyeongju_2026-10.xlsx"].applied {
		t.Error("the undone file still counts as applied")
	}
}

func indexOf(files []*importFile, f *importFile) int {
	for i, x := range files {
		if x == f {
			return i
		}
	}
	return -1
}

// "Apply all" runs the files in order off the UI goroutine.
func TestImportApplyAll(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(fixturePaths(t)...)
	u.Wait()
	test.Tap(w.applyAll)
	if u.lastConfirm != nil { // uncertain rows: confirm applying anyway
		u.lastConfirm.Confirm()
	}
	u.Wait()
	if n, _ := u.table.table.Length(); n != 43 {
		t.Errorf("%d rows after apply all, want 43", n)
	}
	cs, _ := e.reg.Conflicts(context.Background(), false)
	if len(cs) != 6 {
		t.Errorf("%d open conflicts, want 6", len(cs))
	}
	if w.summary.Text == "" {
		t.Error("no summary")
	}
	batches, _ := e.reg.Batches(context.Background(), 10)
	imports := 0
	for _, b := range batches {
		if b.Kind == register.KindImport {
			imports++
		}
	}
	if imports != 4 {
		t.Errorf("%d import batches, want 4 (one per file)", imports)
	}
}

// A city correction re-reads the file with FileOptions.City.
func TestImportCityCorrection(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(filepath.Join(fixtures(t), "pohang_2026-10.xlsx"))
	u.Wait()
	f := w.files[0]
	if f.table() == nil || f.table().City != "pohang" {
		t.Fatalf("detected %v", f.table())
	}
	w.city.SetSelected(field.CityName(model.Gyeongju))
	u.Wait()
	if f.city != "gyeongju" || f.table().City != "gyeongju" {
		t.Errorf("after the correction the city is %q / %q", f.city, f.table().City)
	}
}

// Cancel stops a long job; the register is as it was.
func TestBackgroundCancel(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	started := make(chan struct{})
	var gotErr error
	u.background("test", func(ctx context.Context, progress Progress) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { gotErr = err })
	<-started
	// Esc on the progress dialog cancels.
	u.typedKey(&fyneKeyEscape)
	u.Wait()
	if gotErr != context.Canceled {
		t.Errorf("job ended with %v, want context.Canceled", gotErr)
	}
	if u.lastMessage != "취소했습니다. 아무것도 바뀌지 않았습니다." {
		t.Errorf("message %q", u.lastMessage)
	}
}

// "Apply all" with one bad file among good ones applies each good file and
// lists the refused one with its reason.
func TestApplyAllWithOneBadFile(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	if _, err := u.reg.CreateRound(context.Background(), register.Round{Name: "2026 하반기", AsOf: "2026-10-31"}); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range []string{fixtureFiles[0], "bad/wrong_units.xlsx", fixtureFiles[1], fixtureFiles[2]} {
		paths = append(paths, filepath.Join(fixtures(t), f))
	}
	w.add(paths...)
	u.Wait()
	u.lastMessage = ""
	test.Tap(w.applyAll)
	if u.lastConfirm != nil {
		u.lastConfirm.Confirm()
	}
	u.Wait()
	applied := 0
	for _, f := range w.files {
		if f.applied {
			applied++
		}
	}
	if applied != 3 {
		t.Fatalf("%d files applied, want the 3 good ones", applied)
	}
	if !strings.Contains(u.lastMessage, "wrong_units.xlsx") || !strings.Contains(u.lastMessage, "3개 파일을 반영했습니다") {
		t.Fatalf("the refused file is not listed: %q", u.lastMessage)
	}
	// the open round's status says the sheet came and was refused, and why
	st, err := round.StatusOf(context.Background(), u.reg, "")
	if err != nil {
		t.Fatal(err)
	}
	var noted []string
	for _, c := range st.Cities {
		if c.Refused != nil {
			noted = append(noted, c.Refused.File)
		}
	}
	for _, r := range st.Unattributed {
		noted = append(noted, r.File)
	}
	if len(noted) != 1 || noted[0] != "wrong_units.xlsx" {
		t.Errorf("refusals noted for the round: %v", noted)
	}
}

// A password-protected workbook asks for its password in the wizard and
// opens with it.
func TestPasswordEntry(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(filepath.Join(fixtures(t), "master_2026.xlsx"))
	u.Wait()
	test.Tap(w.applyAll)
	u.Wait()
	w.add(filepath.Join(fixtures(t), "bad", "encrypted.xlsx"))
	u.Wait()
	f := w.files[len(w.files)-1]
	w.show(f)
	if f.err == nil || !w.password.Visible() {
		t.Fatalf("no password field for an encrypted file (err %v)", f.err)
	}
	entry := w.password.Objects[0].(*widget.Entry)
	test.Type(entry, "1234")
	entry.OnSubmitted(entry.Text)
	u.Wait()
	if f.err != nil || f.preview == nil || f.preview.Rows != 41 || w.password.Visible() {
		t.Fatalf("with the password: err %v, preview %v", f.err, f.preview != nil)
	}
}

// After applying a file whose preview was scrolled down, the next file's
// preview is shown from its top, not hidden above the view.
func TestPreviewAfterScrollStartsAtTheTop(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(filepath.Join(fixtures(t), fixtureFiles[0]), filepath.Join(fixtures(t), fixtureFiles[1]))
	u.Wait()
	w.show(w.files[0])
	w.scroll.ScrollToBottom()
	if w.scroll.Offset.Y == 0 {
		t.Skip("the preview fits the test window: nothing to scroll")
	}
	test.Tap(w.apply)
	if u.lastConfirm != nil {
		u.lastConfirm.Confirm()
	}
	u.Wait()
	w.show(w.files[1])
	if w.scroll.Offset.Y != 0 {
		t.Fatalf("the next preview is scrolled to %v", w.scroll.Offset.Y)
	}
}

// A title-less CP949 CSV (its unit and 기준일 lost with the title lines):
// the wizard shows what it could not tell, the official picks the unit and
// the as-of date, and applies.
func TestWizardOfficialPicksUnitAndAsOf(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	text := "순번,분야,사업명,주관,총사업비,국비,도비,시비,진척도\r\n" +
		"1,문화·관광,해안 산책로 잇기,포항,\"1,200,000\",\"600,000\",\"300,000\",\"300,000\",40%\r\n" +
		"2,문화·관광,옛 역사 문화공간 조성,포항,\"800,000\",\"400,000\",\"200,000\",\"200,000\",15%\r\n"
	data, err := korean.EUCKR.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "현황.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w.add(path)
	u.Wait()
	f := w.files[0]
	w.show(f)
	if f.preview == nil || len(f.preview.Errors) == 0 || !strings.Contains(w.columns.text(), "단위 없음") {
		t.Fatalf("the missing unit is not shown: %v / %q", f.preview, w.columns.text())
	}
	w.unit.SetSelected("천원")
	u.Wait()
	w.asOf.SetText("2026-11-30")
	w.asOf.OnSubmitted("")
	u.Wait()
	w.city.SetSelected(field.CityName(model.Pohang))
	u.Wait()
	w.addNew.SetChecked(true)
	u.Wait()
	if len(f.preview.Errors) != 0 || f.preview.AsOf != "2026-11-30" || !strings.Contains(w.info.Text, "지정함") {
		t.Fatalf("after choosing: errors %v, as of %s, info %q", f.preview.Errors, f.preview.AsOf, w.info.Text)
	}
	test.Tap(w.apply)
	if u.lastConfirm != nil {
		u.lastConfirm.Confirm()
	}
	u.Wait()
	ps, _ := e.reg.List(context.Background(), register.ListOptions{})
	if len(ps) != 2 || ps[0].Budget.Total != 1_200_000_000 && ps[1].Budget.Total != 1_200_000_000 {
		t.Fatalf("stored %d projects: %+v", len(ps), ps)
	}
	if ps[0].AsOf != "2026-11-30" {
		t.Fatalf("as of %s", ps[0].AsOf)
	}
}

// A column nobody here knows, with values, holds the file back; the
// official sees what it holds, says to leave it out, and the file applies.
func TestWizardOfficialDecidesAnUnknownColumn(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(filepath.Join(fixtures(t), "master_2026.xlsx"))
	u.Wait()
	test.Tap(w.applyAll)
	u.Wait()
	text := "사업명,총사업비(백만원),추진율(%),확인자\r\n해안 산책로 잇기,\"1,200\",40%,김철수 확인\r\n"
	path := filepath.Join(t.TempDir(), "현황_2026-11.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	w.add(path)
	u.Wait()
	f := w.files[len(w.files)-1]
	w.show(f)
	w.city.SetSelected(field.CityName(model.Pohang))
	u.Wait()
	if f.preview == nil || len(f.preview.Errors) == 0 || !w.apply.Disabled() {
		t.Fatalf("the unknown column must hold the file back: %+v", f.preview)
	}
	if got := w.columns.text(); !strings.Contains(got, "D  확인자") || !strings.Contains(got, "알 수 없는 열") {
		t.Fatalf("the column and what is needed are shown: %q", got)
	}
	choice := w.columns.choices["D"]
	if choice == nil {
		t.Fatal("no choice for column D")
	}
	choice.SetSelected("읽지 않음")
	u.Wait()
	w.show(f)
	if len(f.preview.Errors) != 0 || w.apply.Disabled() {
		t.Fatalf("left out by the official, the file applies: %v", f.preview.Errors)
	}
	if got := w.columns.text(); !strings.Contains(got, "고른 대로") {
		t.Errorf("the decision is shown: %q", got)
	}
}

// A header the program cannot tell (too few known columns) is named by
// the official, and the file is read under it.
func TestWizardOfficialNamesTheHeaderRow(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	path := filepath.Join(t.TempDir(), "목록_2026-11.csv")
	if err := os.WriteFile(path, []byte("해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n해안 산책로 잇기,\"1,200\"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.add(path)
	u.Wait()
	f := w.files[0]
	w.show(f)
	if f.err == nil {
		t.Fatal("without a header row the file cannot be read")
	}
	w.headerRow.SetText("2")
	w.headerRow.OnSubmitted("")
	u.Wait()
	w.city.SetSelected(field.CityName(model.Pohang))
	u.Wait()
	if f.err != nil || f.preview == nil || f.preview.Rows != 1 || f.headerRow != 2 {
		t.Fatalf("read under row 2: err %v, preview %+v", f.err, f.preview)
	}
	// applied, the layout's profile keeps the row: the next sheet of the
	// layout is read without the question, and the entry says why
	w.addNew.SetChecked(true)
	u.Wait()
	applyCurrent(u)
	if !f.applied {
		t.Fatalf("not applied: %v", f.preview.Errors)
	}
	next := filepath.Join(t.TempDir(), "목록_2026-12.csv")
	if err := os.WriteFile(next, []byte("해오름동맹 과제 목록\r\n과제명,총사업비(백만원)\r\n해안 산책로 잇기,\"1,500\"\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.add(next)
	u.Wait()
	g := w.files[1]
	w.show(g)
	if g.err != nil || g.preview == nil || len(g.preview.Changed) != 1 {
		t.Fatalf("the next sheet of the layout: err %v", g.err)
	}
	if ph := w.headerRow.PlaceHolder; !strings.HasPrefix(ph, "2 (저장된 양식에서") {
		t.Errorf("the header row entry says %q", ph)
	}
}

// The top line says what the file on screen will do before it is applied;
// the "add as new" choice appears only for a file with rows to add.
func TestPreviewSaysWhatThisFileWillDo(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	w.add(filepath.Join(fixtures(t), "master_2026.xlsx"))
	u.Wait()
	w.show(w.files[0])
	if !strings.HasPrefix(w.summary.Text, "이 파일을 반영하면: 사업 43건 추가, 값 0개 변경, 충돌 0건이 생깁니다.") {
		t.Errorf("summary before applying: %q", w.summary.Text)
	}
	if w.addNew.Visible() {
		t.Error("the register's own projects need no 'add as new' choice")
	}
	text := "사업명,총사업비(백만원),추진율(%)\r\n처음 보는 사업,100,10%\r\n"
	path := filepath.Join(t.TempDir(), "포항_2026-11.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	test.Tap(w.applyAll)
	u.Wait()
	w.add(path)
	u.Wait()
	w.show(w.files[len(w.files)-1])
	if !w.addNew.Visible() || !strings.Contains(w.addNew.Text, "1개 행") {
		t.Errorf("one row matches no project: visible %v, %q", w.addNew.Visible(), w.addNew.Text)
	}
}

// A workbook with two tables: the official reads the other sheet.
func TestWizardOfficialChoosesTheSheet(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "요약")
	f.SetSheetRow("요약", "A1", &[]any{"사업명", "총사업비(백만원)", "추진율(%)"})
	f.SetSheetRow("요약", "A2", &[]any{"해안 산책로 잇기", 1200, 40})
	f.NewSheet("상세")
	f.SetSheetRow("상세", "A1", &[]any{"사업명", "총사업비(백만원)", "추진율(%)", "비고"})
	f.SetSheetRow("상세", "A2", &[]any{"해안 산책로 잇기", 1200, 45, "포항 주관"})
	path := filepath.Join(t.TempDir(), "포항_2026-11.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	w.add(path)
	u.Wait()
	file := w.files[0]
	w.show(file)
	if file.preview == nil || file.preview.Sheet != "상세" || !w.sheetRow.Visible() {
		t.Fatalf("the program reads the fuller table and offers the other: %+v", file.preview)
	}
	w.sheet.SetSelected("요약")
	u.Wait()
	w.show(file)
	if file.preview.Sheet != "요약" || w.sheet.Selected != "요약" || !slices.Contains(file.preview.Understood.Tables, "상세") {
		t.Fatalf("the official's sheet is read, and the choice stays offered: %q %q %v", file.preview.Sheet, w.sheet.Selected, file.preview.Understood.Tables)
	}
}
