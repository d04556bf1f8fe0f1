package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/korean"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
)

const profileHeader = "순번,분야,사업명,주관,총사업비,국비,도비,시비,진척도\r\n"

// writeCP949 writes a title-less city CSV as a city office saves one.
func writeCP949(t *testing.T, name, text string) string {
	t.Helper()
	data, err := korean.EUCKR.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// applyCurrent applies the wizard's current file, confirming if asked.
func applyCurrent(u *UI) {
	test.Tap(u.importer.apply)
	if u.lastConfirm != nil {
		u.lastConfirm.Confirm()
	}
	u.Wait()
}

// The official picks the unit, the as-of and the city of a title-less CSV
// and applies; the next sheet of the same layout needs no questions: the
// city and unit come from the profile (and say so), and each change shows
// what the previous sheet said.
func TestTheNextImportNeedsNoQuestions(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	first := writeCP949(t, "현황.csv", profileHeader+
		"1,문화·관광,해안 산책로 잇기,포항,\"1,200,000\",\"600,000\",\"300,000\",\"300,000\",40%\r\n"+
		"2,문화·관광,옛 역사 문화공간 조성,포항,\"800,000\",\"400,000\",\"200,000\",\"200,000\",15%\r\n")
	w.add(first)
	u.Wait()
	f := w.files[0]
	w.show(f)
	w.unit.SetSelected("천원")
	u.Wait()
	w.asOf.SetText("2026-11-30")
	w.asOf.OnSubmitted("")
	u.Wait()
	w.city.SetSelected(field.CityName(model.Pohang))
	u.Wait()
	w.addNew.SetChecked(true)
	u.Wait()
	applyCurrent(u)
	if !f.applied {
		t.Fatalf("the first sheet was not applied: %v", f.preview.Errors)
	}

	next := writeCP949(t, "현황_2026-12.csv", profileHeader+
		"1,문화·관광,해안 산책로 잇기,포항,\"1,200,000\",\"600,000\",\"300,000\",\"300,000\",55%\r\n"+
		"2,문화·관광,옛 역사 문화공간 조성,포항,\"800,000\",\"400,000\",\"200,000\",\"200,000\",15%\r\n")
	w.add(next)
	u.Wait()
	g := w.files[len(w.files)-1]
	w.show(g)
	if g.preview == nil || len(g.preview.Errors) != 0 || g.unit != 0 || g.city != "" || g.asOf != "" {
		t.Fatalf("the same layout asked again: %+v", g.preview)
	}
	if !strings.Contains(w.info.Text, "포항") || strings.Count(w.info.Text, "저장된 양식에서") < 2 || !strings.Contains(w.info.Text, "천원") {
		t.Fatalf("the profile is not stated: %q", w.info.Text)
	}
	if g.preview.Understood.Profile == nil || g.preview.Understood.Profile.Evidence != "포항 양식, 2026-11-30 자료에서 확인" {
		t.Fatalf("profile %+v", g.preview.Understood.Profile)
	}
	if !strings.Contains(w.info.Text, "양식: 포항 양식, 2026-11-30 자료에서 확인") {
		t.Fatalf("the window says which layout it knew: %q", w.info.Text)
	}
	if !previewHas(w, "지난 제출 대비(2026-11-30): 40") {
		for _, it := range w.preview.Items {
			t.Log(it.Title, it.Detail.(*widget.Label).Text)
		}
		t.Fatalf("the change does not show the previous sheet's value: %+v", g.preview.Changed)
	}
	applyCurrent(u)
	if !g.applied {
		t.Fatalf("not applied: %v", g.preview.Errors)
	}
}

// previewHas reports whether an open or closed preview section holds text.
func previewHas(w *importWizard, text string) bool {
	for _, item := range w.preview.Items {
		if l, ok := item.Detail.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// Settings lists the saved profiles, shows what one remembers and deletes
// it; the next sheet of that layout asks again.
func TestSettingsListsShowsAndDeletesProfiles(t *testing.T) {
	e := newEnv(t, "ko", false)
	u, w := e.u, e.u.importer
	rows := "1,문화·관광,해안 산책로 잇기,포항,\"1,200,000\",\"600,000\",\"300,000\",\"300,000\",40%\r\n"
	w.add(writeCP949(t, "현황_2026-11.csv", profileHeader+rows))
	u.Wait()
	f := w.files[0]
	w.show(f)
	w.unit.SetSelected("천원")
	u.Wait()
	w.city.SetSelected(field.CityName(model.Pohang))
	u.Wait()
	applyCurrent(u)

	v := showProfiles(u.store, u.shell)
	if len(v.profiles) != 1 || !v.remove.Disabled() {
		t.Fatalf("%d profiles listed", len(v.profiles))
	}
	v.list.Select(0)
	for _, want := range []string{"포항", "천원 (담당자가 지정함)", "현황_2026-11.csv", "시는 담당자가 지정했습니다.", "E 총사업비"} {
		if !strings.Contains(v.detail.Text, want) {
			t.Fatalf("the profile's detail lacks %q: %q", want, v.detail.Text)
		}
	}
	test.Tap(v.remove)
	u.lastConfirm.Confirm()
	u.Wait()
	if left, _ := e.reg.Profiles(context.Background()); len(left) != 0 || len(v.profiles) != 0 {
		t.Fatalf("not deleted: %+v", left)
	}
	w.add(writeCP949(t, "현황_2026-12.csv", profileHeader+rows))
	u.Wait()
	g := w.files[len(w.files)-1]
	if g.preview == nil || len(g.preview.Errors) == 0 {
		t.Fatal("the profile was deleted, yet nothing was asked")
	}
}
