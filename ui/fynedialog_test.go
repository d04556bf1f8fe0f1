package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shownTexts is every text painted in o: the canvas texts of the visible
// objects, walking widgets through the renderers they are drawn with.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *canvas.Text:
			if t := strings.TrimSpace(o.Text); t != "" {
				out = append(out, t)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(o).Objects() {
				walk(child)
			}
		case *fyne.Container:
			for _, child := range o.Objects {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// findButton finds the visible button in o that matches.
func findButton(o fyne.CanvasObject, match func(*widget.Button) bool) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *widget.Button:
		if match(o) {
			return o
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(o).Objects() {
			if b := findButton(child, match); b != nil {
				return b
			}
		}
	case *fyne.Container:
		for _, child := range o.Objects {
			if b := findButton(child, match); b != nil {
				return b
			}
		}
	}
	return nil
}

var latin = regexp.MustCompile(`[A-Za-z]`)

// english lists the texts with Latin letters that are not the user's own
// (file and folder names, which the dialog shows as they are).
func english(texts []string, own []string) []string {
	var out []string
	for _, t := range texts {
		if latin.MatchString(t) && !slices.Contains(own, t) {
			out = append(out, t)
		}
	}
	return out
}

// homeWithFavourites makes a fresh home with the folders Fyne lists as
// favourites, and a folder of sheets outside it.
func homeWithFavourites(t *testing.T) (sheets string, own []string) {
	home := t.TempDir()
	for _, d := range []string{"Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config")) // xdg-user-dir finds no other names
	sheets = filepath.Join(t.TempDir(), "현황표")
	if err := os.MkdirAll(filepath.Join(sheets, "지난 회의"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sheets, "포항 현황.csv"), []byte("사업명\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// the breadcrumb shows the folder's path, the grid the names without extension
	own = strings.Split(filepath.ToSlash(sheets), "/")
	own = append(own, "지난 회의", "포항 현황", ".csv") // the file icon names its type
	return sheets, own
}

// Fyne's open dialog, the fallback where the system has none, reads in
// Korean throughout: its favourites (which Fyne names in English), the
// parent folder, the buttons, and the new-folder and options pop-ups.
// It picks one file at a time (Fyne's dialog has no multi-select).
func TestFyneOpenDialogInKorean(t *testing.T) {
	sheets, own := homeWithFavourites(t)
	e := newEnv(t, "ko", false)
	u := e.u
	u.prefs.SetString(prefLastFolder, sheets)
	u.importer.chooseFiles() // no system dialog in tests: Fyne's
	if u.lastFyneOpen == nil {
		t.Fatal("Fyne's open dialog was not shown")
	}
	c := u.win.Canvas()
	dialog := c.Overlays().Top()
	texts := shownTexts(dialog)
	want := []string{"홈", "바탕 화면", "문서", "다운로드", "음악", "사진", "동영상", "(위로)", "취소", "열기", "지난 회의", "포항 현황"}
	if runtime.GOOS != "windows" {
		want = append(want, "컴퓨터")
	}
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("the dialog does not show %q; it shows %q", w, texts)
		}
	}
	if en := english(texts, own); len(en) > 0 {
		t.Errorf("English in the open dialog: %q", en)
	}
	// the favourites stay Korean when the list shows its rows again
	localizedList := favouritesList(dialog.(*widget.PopUp).Content)
	localizedList.Refresh()
	if en := english(shownTexts(dialog), own); len(en) > 0 {
		t.Errorf("English after the list refreshed: %q", en)
	}

	byIcon := func(name fyne.ThemeIconName) func(*widget.Button) bool {
		icon := theme.Icon(name).Name()
		return func(b *widget.Button) bool { return b.Icon != nil && b.Icon.Name() == icon }
	}
	// the new-folder form
	newFolder := findButton(dialog, byIcon(theme.IconNameFolderNew))
	if newFolder == nil {
		t.Fatal("no new-folder button in the dialog")
	}
	test.Tap(newFolder)
	form := c.Overlays().Top()
	formTexts := shownTexts(form)
	for _, w := range []string{"새 폴더", "폴더 만들기", "취소", "이름"} {
		if !slices.Contains(formTexts, w) {
			t.Errorf("the new-folder form does not show %q; it shows %q", w, formTexts)
		}
	}
	if en := english(formTexts, nil); len(en) > 0 {
		t.Errorf("English in the new-folder form: %q", en)
	}
	test.Tap(findButton(form, func(b *widget.Button) bool { return b.Text == "취소" }))
	// the options pop-up
	test.Tap(findButton(dialog, byIcon(theme.IconNameSettings)))
	if got := shownTexts(c.Overlays().Top()); !slices.Equal(got, []string{"숨김 파일 보기"}) {
		t.Errorf("the options pop-up shows %q", got)
	}
}

// The folder dialog of the save dialog (Change folder…) reads in Korean
// too, with a title that says what it is for.
func TestFyneFolderDialogInKorean(t *testing.T) {
	sheets, own := homeWithFavourites(t)
	e := newEnv(t, "ko", false)
	u := e.u
	u.prefs.SetString(prefLastFolder, sheets)
	u.fyneSaveAs(lang.L("Save the report"), "보고서", ".xlsx", func(string) {})
	change := findButton(u.win.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == lang.L("Change folder…") })
	if change == nil {
		t.Fatal("no Change folder… button in the save dialog")
	}
	test.Tap(change)
	texts := shownTexts(u.win.Canvas().Overlays().Top())
	for _, w := range []string{"폴더 선택", "홈", "문서", "열기", "지난 회의"} {
		if !slices.Contains(texts, w) {
			t.Errorf("the folder dialog does not show %q; it shows %q", w, texts)
		}
	}
	if en := english(texts, own); len(en) > 0 {
		t.Errorf("English in the folder dialog: %q", en)
	}
}
