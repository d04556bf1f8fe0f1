package ui

import (
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/query"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

var fyneKeyEscape = fyne.KeyEvent{Name: fyne.KeyEscape}

func selectCode(t *testing.T, u *UI, code string) {
	t.Helper()
	for i, p := range u.table.rows {
		if p.Code == code {
			u.table.table.Select(widget.TableCellID{Row: i, Col: 1})
			if u.detail.p == nil || u.detail.p.Code != code {
				t.Fatalf("selecting %s did not show it", code)
			}
			return
		}
	}
	t.Fatalf("%s not in the table", code)
}

// Editing a value in the detail pane saves it and the history shows it.
func TestEditShowsInHistory(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	code := u.table.rows[0].Code
	selectCode(t, u, code)
	prog := d.entries[model.FProgress]
	prog.SetText("")
	test.Type(prog, "77.5")
	name := d.entries[model.FName]
	name.SetText("")
	test.Type(name, "해오름 공동 사업") // finished syllables, as the IME delivers them
	if name.Text != "해오름 공동 사업" {
		t.Fatalf("typed %q", name.Text)
	}
	test.Tap(d.save)
	u.Wait()
	p := e.project(code)
	if p.Progress == nil || *p.Progress != 77.5 || p.Name != "해오름 공동 사업" {
		t.Fatalf("saved %v %q", p.Progress, p.Name)
	}
	found := 0
	for _, c := range d.changes {
		if c.Field == model.FProgress && c.New == "77.5" || c.Field == model.FName && c.New == "해오름 공동 사업" {
			found++
			if !strings.Contains(d.changeText(c), "수정") {
				t.Errorf("history line %q does not say it was an edit", d.changeText(c))
			}
		}
	}
	if found != 2 {
		t.Errorf("history shows %d of the 2 edits: %+v", found, d.changes)
	}
	if hint := d.rows[model.FProgress].hint.Text; !strings.Contains(hint, "직접 수정") {
		t.Errorf("provenance of the edited value: %q", hint)
	}
	// One batch: one Ctrl+Z undoes both.
	u.win.Canvas().Unfocus()
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) // Ctrl+Z as GLFW sends it
	if u.lastConfirm == nil {
		t.Fatal("Ctrl+Z asked nothing")
	}
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter confirms
	u.Wait()
	if p := e.project(code); p.Name == "해오름 공동 사업" {
		t.Error("undo did not restore the name")
	}
}

// Amounts are edited in the chosen unit; tiers that do not add up warn;
// a bad period is refused with a message in Korean.
func TestEditValidation(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	code := u.table.rows[0].Code
	selectCode(t, u, code)
	before := e.project(code)
	total := d.entries[model.BudgetKey(model.Total)]
	total.SetText(value.FormatAmount(before.Budget.Total+1_000_000, u.unit)) // +1 백만원
	if d.warn.Hidden || !strings.Contains(d.warn.Text, "재원별 금액의 합") {
		t.Errorf("no tier warning: %q", d.warn.Text)
	}
	test.Tap(d.save)
	if u.lastConfirm == nil {
		t.Fatal("saving with tiers that do not add up did not ask")
	}
	u.lastConfirm.Confirm()
	u.Wait()
	if got := e.project(code).Budget.Total; got != before.Budget.Total+1_000_000 {
		t.Errorf("total %d, want %d", got, before.Budget.Total+1_000_000)
	}
	selectCode(t, u, code)
	d.entries[model.FStart].SetText("2030. 1.")
	d.entries[model.FEnd].SetText("2029-12")
	test.Tap(d.save)
	if !strings.Contains(u.lastMessage, "착수(2030-01)가 완료(2029-12)보다 늦습니다") {
		t.Errorf("message %q", u.lastMessage)
	}
	d.entries[model.FStart].SetText("약 2024년")
	if d.entries[model.FStart].Validate() == nil {
		t.Error("an unreadable month passes validation")
	}
}

// Tab moves through the form in reading order.
func TestTabOrder(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, u.table.rows[0].Code)
	c := u.win.Canvas()
	c.Focus(d.rows[model.FName].input.(fyne.Focusable))
	test.FocusNext(c)
	if c.Focused() != d.field {
		t.Errorf("after the name, focus is on %T, want the field select", c.Focused())
	}
	for i := 0; i < 20; i++ {
		if f, ok := c.Focused().(*imeEntry); ok && &f.Entry == d.entries[model.FStart] {
			break
		}
		test.FocusNext(c)
	}
	test.FocusNext(c)
	if f, ok := c.Focused().(*imeEntry); !ok || &f.Entry != d.entries[model.FEnd] {
		t.Errorf("after the start, focus is on %T, want the end", c.Focused())
	}
}

// Resolving a conflict from the Conflicts screen records who decided.
func TestResolveConflict(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, v := e.u, e.u.conflView
	if len(v.items) != 6 {
		t.Fatalf("%d conflicts in the sample, want 6", len(v.items))
	}
	v.list.Select(0)
	c := v.current
	if c == nil {
		t.Fatal("nothing selected")
	}
	// Every city's value is shown with the file and cell of the city's own
	// sheet (the lead's side too, not the master the value first came from).
	text := allText(v.detail)
	sides, err := e.reg.ConflictSides(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range sides {
		if !strings.Contains(text, cv.Cell) || !strings.Contains(text, filepath.Base(cv.File)) {
			t.Errorf("value of %s without its file and cell", cv.City)
		}
	}
	other := c.Values[0].City
	for _, cv := range c.Values {
		if cv.City != c.LeadCity {
			other = cv.City
		}
	}
	v.resolve(register.Decision{Kind: register.DecideTake, City: other})
	u.Wait()
	if len(u.conflicts) != 5 {
		t.Errorf("%d open conflicts, want 5", len(u.conflicts))
	}
	v.showDecided.SetChecked(true)
	var decided *register.Conflict
	for i, x := range v.items {
		if x.ID == c.ID {
			decided = x
			v.list.Select(i)
		}
	}
	if decided == nil || decided.Status != register.ConflictResolved || decided.DecidedBy == "" {
		t.Fatalf("decision not recorded: %+v", decided)
	}
	if !strings.Contains(allText(v.detail), "처리:") {
		t.Error("the decision is not shown")
	}
	// A typed value in the chosen unit.
	v.showDecided.SetChecked(false)
	for i, x := range v.items {
		if strings.HasPrefix(string(x.Field), "budget_won.") {
			v.list.Select(i)
			test.Type(v.typed, "1,234")
			v.resolveTyped()
			u.Wait()
			p := e.project(x.Code)
			k := x.Field
			if got := p.Get(k); got != "1234000000" {
				t.Errorf("typed 1,234 백만원 stored as %s won", got)
			}
			break
		}
	}
}

// Filters, search as you type, sorting by a header tap; filters are
// remembered for the next start.
func TestFilterSearchSort(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, v := e.u, e.u.table
	all := len(v.rows)
	if all != 43 {
		t.Fatalf("%d rows", all)
	}
	v.city.SetSelected("울산")
	want := query.Apply(u.all, query.Filter{City: model.Ulsan})
	if len(v.rows) != len(want) || len(want) == 0 || len(want) == all {
		t.Errorf("울산: %d rows, want %d", len(v.rows), len(want))
	}
	v.city.SetSelected("전체")
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if u.win.Canvas().Focused() != v.search {
		t.Error("Ctrl+F does not focus the search")
	}
	test.Type(v.search, "영일만")
	if len(v.rows) == 0 || len(v.rows) == all {
		t.Errorf("search 영일만: %d rows", len(v.rows))
	}
	for _, p := range v.rows {
		if !strings.Contains(p.Name+strings.Join(p.Aliases, ""), "영일만") {
			t.Errorf("%s %s does not match", p.Code, p.Name)
		}
	}
	v.search.SetText("ㅇㅇㅁ")
	if len(v.rows) == 0 {
		t.Error("initials ㅇㅇㅁ find nothing")
	}
	v.search.SetText("")
	v.conflicts.SetChecked(true)
	for _, p := range v.rows {
		if p.OpenIssues == 0 {
			t.Errorf("%s has no conflicts", p.Code)
		}
	}
	if len(v.rows) == 0 {
		t.Error("no project with conflicts")
	}
	v.conflicts.SetChecked(false)
	// Sort by tapping the total's header, twice for descending.
	var header *headerCell
	for h := range v.headers {
		if h.col == query.ByTotal {
			header = h
		}
	}
	if header == nil {
		t.Fatal("the total's header was not rendered")
	}
	test.Tap(header)
	for i := 1; i < len(v.rows); i++ {
		if v.rows[i-1].Budget.Total > v.rows[i].Budget.Total {
			t.Fatal("not ascending by total")
		}
	}
	test.Tap(header)
	for i := 1; i < len(v.rows); i++ {
		if v.rows[i-1].Budget.Total < v.rows[i].Budget.Total {
			t.Fatal("not descending by total")
		}
	}
	if !strings.HasSuffix(header.Text, "▼") {
		t.Errorf("header %q has no descending mark", header.Text)
	}
	// Remembered: the next start shows the same filter and order.
	v.stage.SetSelected(v.stage.Options[1])
	stage := v.stage.Selected
	u.saveState()
	u2 := e.build(Options{})
	if u2.table.filter.Stage != stage || u2.table.sortCol != query.ByTotal || !u2.table.desc {
		t.Errorf("not remembered: %+v sort %d desc %v", u2.table.filter, u2.table.sortCol, u2.table.desc)
	}
	if u2.table.stage.Selected != stage {
		t.Errorf("stage drop-down shows %q", u2.table.stage.Selected)
	}
}

// The language changes at once, on the same tab with the same project and
// conflict shown, and is remembered for the next start.
func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	if u.tabReg.Text != "등록부" || u.tabImport.Text != "가져오기" {
		t.Fatalf("Korean tabs: %q %q", u.tabReg.Text, u.tabImport.Text)
	}
	selectCode(t, u, "HA-C02")
	u.conflView.list.Select(1)
	conflict := u.conflView.current.ID
	u.importer.add(filepath.Join(fixtures(t), "ulsan_2026-10.xlsx"))
	u.Wait()
	u.tabs.Select(u.tabSet)
	u.settings.language.SetSelected(langEnglish)
	if e.app.Preferences().String(prefLanguage) != "en" {
		t.Fatal("language not saved")
	}
	if u.tabReg.Text != "Register" || u.tabImport.Text != "Import" || u.tabSet.Text != "Settings" {
		t.Errorf("English tabs at once: %q %q %q", u.tabReg.Text, u.tabImport.Text, u.tabSet.Text)
	}
	if u.tabs.Selected() != u.tabSet {
		t.Errorf("the tab changed to %q", u.tabs.Selected().Text)
	}
	if u.detail.p == nil || u.detail.p.Code != "HA-C02" || u.table.selected != "HA-C02" {
		t.Error("the project shown was lost")
	}
	if u.detail.save.Text != "Save" || u.detail.rows[model.FName].label.Text != "Project name" {
		t.Errorf("the form is not in English: %q %q", u.detail.save.Text, u.detail.rows[model.FName].label.Text)
	}
	if c := u.conflView.current; c == nil || c.ID != conflict || !strings.Contains(allText(u.conflView.detail), "Register value now") {
		t.Errorf("the conflict shown was lost or not in English: %s", allText(u.conflView.detail))
	}
	if w := u.importer; len(w.files) != 1 || w.current != w.files[0] || w.files[0].preview == nil {
		t.Error("the file in the import wizard was lost")
	}
	if u.settings.language.Selected != langEnglish {
		t.Errorf("the rebuilt settings show %q", u.settings.language.Selected)
	}
	if msg.Language() != msg.English {
		t.Error("data messages not switched to English")
	}
	if got := ErrorText(register.ErrNothingToUndo); got != "there is nothing to undo." {
		t.Errorf("data error in English: %q", got)
	}
	u2 := e.build(Options{}) // the next start
	if u2.tabReg.Text != "Register" || u2.tabImport.Text != "Import" || u2.tabSet.Text != "Settings" {
		t.Errorf("English tabs: %q %q %q", u2.tabReg.Text, u2.tabImport.Text, u2.tabSet.Text)
	}
	// And back.
	u2.settings.language.SetSelected(langKorean)
	if u2.tabReg.Text != "등록부" || msg.Language() != msg.Korean {
		t.Errorf("back to Korean: %q", u2.tabReg.Text)
	}
	u3 := e.build(Options{})
	if u3.tabReg.Text != "등록부" {
		t.Errorf("back to Korean at the next start: %q", u3.tabReg.Text)
	}
}

// Unsaved edits are asked about before the language changes; staying keeps
// them and the language.
func TestLanguageSwitchAsksAboutUnsavedEdits(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	selectCode(t, u, "HA-C02")
	test.Type(u.detail.entries[model.FStage], "x")
	u.settings.language.SetSelected(langEnglish)
	stay := u.lastChoices["계속 편집"]
	if stay == nil {
		t.Fatalf("not asked about the unsaved edit: %v", u.lastChoices)
	}
	stay()
	if u.tabReg.Text != "등록부" || u.settings.language.Selected != langKorean || !u.detail.dirty() {
		t.Errorf("staying changed the language or lost the edit: %q %q", u.tabReg.Text, u.settings.language.Selected)
	}
}

// Errors read as sentences in the user's language, never a bare Go error.
func TestErrorsInUsersLanguage(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	u.showError(errors.New("sql: database is closed"))
	if strings.Contains(u.lastMessage, "sql:") || !strings.Contains(u.lastMessage, "다시 시도해") {
		t.Errorf("generic error shown as %q", u.lastMessage)
	}
	_, err := register.Open(filepath.Join(t.TempDir(), "x", "register.db"), register.Options{ReadOnly: true})
	u.showError(err)
	if !strings.Contains(u.lastMessage, "register.db") {
		t.Errorf("data error shown as %q", u.lastMessage)
	}
	// Nothing to undo, in Korean.
	undo(u.store, u.shell, 0, nil)
	if u.lastMessage != "되돌릴 작업이 없습니다." {
		t.Errorf("undo on an empty register: %q", u.lastMessage)
	}
}

// Export: a name without .xlsx gets it; an existing file is replaced only
// after a question in Korean; the folder can be opened afterwards.
func TestReportsExport(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	dir := t.TempDir()
	u.prefs.SetString(prefLastFolder, dir)
	rep := &fakeReporter{}
	u.reports.reporter = rep
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	if u.lastSave == nil {
		t.Fatal("Ctrl+E opened no save dialog")
	}
	u.lastSave.name.SetText("보고서")
	u.lastSave.save()
	u.Wait()
	want := filepath.Join(dir, "보고서.xlsx")
	if len(rep.calls) != 1 || rep.calls[0] != "export "+want {
		t.Fatalf("calls %v", rep.calls)
	}
	if !strings.Contains(u.lastMessage, "보고서.xlsx") {
		t.Errorf("saved message %q", u.lastMessage)
	}
	u.lastConfirm.Confirm() // open the folder
	if u.reports.opened != dir {
		t.Errorf("opened %q", u.reports.opened)
	}
	// Again: the file exists now.
	u.reports.export()
	u.lastSave.name.SetText("보고서.xlsx")
	u.lastSave.save()
	if !strings.Contains(u.lastMessage, "이미 있습니다") {
		t.Fatalf("no overwrite question: %q", u.lastMessage)
	}
	u.typedKey(&fyneKeyEscape) // Esc: keep the old file
	u.Wait()
	if len(rep.calls) != 1 {
		t.Errorf("replaced without consent: %v", rep.calls)
	}
	// A city template.
	u.reports.city.SetSelected("울산")
	u.reports.template()
	u.lastSave.save()
	u.Wait()
	if len(rep.calls) != 2 || !strings.HasPrefix(rep.calls[1], "template ulsan ") || !strings.HasSuffix(rep.calls[1], ".xlsx") {
		t.Errorf("template call %v", rep.calls)
	}
	// Changes since a date.
	u.reports.since.SetText("2000-01-01")
	u.reports.showChanges()
	if len(u.reports.changes) == 0 {
		t.Error("no changes listed since 2000")
	}
}

// The dashboard draws bars for fields, cities and tiers.
func TestDashboard(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, v := e.u, e.u.dashboard
	u.tabs.Select(u.tabDash)
	if len(v.byField.bars) != len(u.scheme.Fields) || len(v.byCity.bars) != 3 || len(v.byTier.bars) != 5 {
		t.Fatalf("bars: %d fields, %d cities, %d tiers", len(v.byField.bars), len(v.byCity.bars), len(v.byTier.bars))
	}
	n := 0.0
	for _, b := range v.byField.bars {
		n += b.value
	}
	if n != 43 {
		t.Errorf("projects by field add up to %v", n)
	}
	r := test.WidgetRenderer(v.byTier).(*barRenderer)
	if len(r.rects) != 5 || r.rects[0].Size().Width <= 0 {
		t.Errorf("tier bars not drawn: %d", len(r.rects))
	}
	if !strings.Contains(v.totals.Text, "사업 43건") {
		t.Errorf("totals %q", v.totals.Text)
	}
}

// Settings: the unit changes the amounts at once; a backup can be made
// and restored.
func TestSettingsUnitAndBackups(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, s := e.u, e.u.settings
	p := u.table.rows[0]
	u.detail.show(p.Code)
	s.unit.SetSelected("억원")
	if u.unit != 100_000_000 || u.table.cellText(p, query.ByTotal) != value.FormatAmount(p.Budget.Total, u.unit) {
		t.Errorf("unit not applied: %v", u.unit)
	}
	total := model.BudgetKey(model.Total)
	if got := u.detail.entries[total].Text; got != value.FormatAmount(p.Budget.Total, u.unit) {
		t.Errorf("the open form shows the total as %q, not in 억원", got)
	}
	if e.app.Preferences().Int(prefUnit) != 100_000_000 {
		t.Error("unit not remembered")
	}
	s.backupNow()
	u.Wait()
	if len(s.backups) == 0 {
		t.Fatal("no backup listed")
	}
	code := p.Code
	if _, err := e.reg.SetDeleted(context.Background(), code, true); err != nil {
		t.Fatal(err)
	}
	u.reload()
	s.refreshBackups()
	for i, b := range s.backups {
		if b.Reason == "manual" {
			s.list.Select(i)
		}
	}
	s.restoreSelected()
	u.lastConfirm.Confirm()
	u.Wait()
	if e.project(code).Deleted {
		t.Error("restore did not bring the project back")
	}
}

// The register refuses a network drive with the data layer's explanation;
// here: a file that is not a register.
func TestSwitchRegisterRefused(t *testing.T) {
	e := newEnv(t, "ko", false)
	bad := filepath.Join(t.TempDir(), "not-a-register.db")
	os.WriteFile(bad, []byte("hello, this is not sqlite"), 0o644)
	e.u.settings.switchTo(bad)
	if !strings.Contains(e.u.lastMessage, "해오름 등록부 파일이 아닙니다") {
		t.Errorf("message %q", e.u.lastMessage)
	}
	if e.u.reg != e.reg {
		t.Error("switched anyway")
	}
}

// Soft delete and restore from the detail pane.
func TestDeleteRestore(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	code := u.table.rows[0].Code
	selectCode(t, u, code)
	test.Tap(d.del)
	u.lastConfirm.Confirm()
	u.Wait()
	if n, _ := u.table.table.Length(); n != 42 {
		t.Errorf("%d rows after delete", n)
	}
	u.table.deleted.SetChecked(true)
	selectCode(t, u, code)
	test.Tap(d.del) // now "Restore"
	u.Wait()
	u.table.deleted.SetChecked(false)
	if n, _ := u.table.table.Length(); n != 43 {
		t.Errorf("%d rows after restore", n)
	}
}

// Hangul renders with the bundled font: the window's capture differs from
// what the same text would give as missing-glyph boxes.
func TestHangulRenders(t *testing.T) {
	e := newEnv(t, "ko", true)
	u := e.u
	a := e.app
	_ = a
	render := func(s string) image.Image {
		w := test.NewWindow(canvas.NewText(s, Theme(appearanceSystem).Color("foreground", 0)))
		defer w.Close()
		w.Resize(fyne.NewSize(200, 40))
		return w.Canvas().Capture()
	}
	hangul, boxes := render("해오름동맹"), render("\U000F0001\U000F0002\U000F0003\U000F0004\U000F0005")
	if sameImage(hangul, boxes) {
		t.Error("Hangul renders like missing glyphs")
	}
	if blank(hangul) {
		t.Error("Hangul renders blank")
	}
	// Save the whole window for a look (HAEOREUM_SHOT_DIR=dir).
	if dir := os.Getenv("HAEOREUM_SHOT_DIR"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "ui-software-register.png"))
		if err == nil {
			png.Encode(f, u.win.Canvas().Capture())
			f.Close()
		}
		shot := func(name string) {
			if f, err := os.Create(filepath.Join(dir, name)); err == nil {
				png.Encode(f, u.win.Canvas().Capture())
				f.Close()
			}
		}
		selectCode(t, u, "HA-E01")
		shot("ui-software-detail.png")
		u.tabs.Select(u.tabDash)
		shot("ui-software-dashboard.png")
		u.tabs.Select(u.tabConfl)
		u.conflView.list.Select(0)
		shot("ui-software-conflicts.png")
		u.tabs.Select(u.tabImport)
		u.importer.add(filepath.Join(fixtures(t), "gyeongju_2026-10.xlsx"))
		u.Wait()
		shot("ui-software-import.png")
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func blank(img image.Image) bool {
	first := img.At(0, 0)
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

// allText joins the text of every label and button under o.
func allText(o fyne.CanvasObject) string {
	var b strings.Builder
	eachObject(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}
