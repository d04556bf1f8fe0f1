package ui

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/assets"
)

var bothForms = []string{"을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)", "(으)로"}

// No Korean text of the window writes a particle in both forms: a word
// given at run time brings its particle as an argument (msg.Eul and the
// like), so the sentence reads as a person would write it.
func TestNoBothFormParticlesInTheWindow(t *testing.T) {
	b, err := fs.ReadFile(assets.Translations, "translations/ko.json")
	if err != nil {
		t.Fatal(err)
	}
	var ko map[string]string
	if err := json.Unmarshal(b, &ko); err != nil {
		t.Fatal(err)
	}
	for k, v := range ko {
		for _, p := range bothForms {
			if strings.Contains(v, p) {
				t.Errorf("%q reads %q", k, v)
			}
		}
	}
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, "HA-C01") // 환동해 해양관광라인 구축: 축 ends in ㄱ
	test.Tap(d.del)
	if !strings.Contains(u.lastMessage, "구축을 삭제할까요?") {
		t.Errorf("delete question reads %q", u.lastMessage)
	}
}

// A dialog that says something is done offers its next step beside 닫기,
// not 취소: there is nothing to cancel.
func TestDoneDialogClosesRatherThanCancels(t *testing.T) {
	e := newEnv(t, "ko", false)
	u := e.u
	opened := false
	u.offer("저장했습니다", "보고서를 저장했습니다.", "폴더 열기", func() { opened = true })
	var labels []string
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok {
				labels = append(labels, b.Text)
			}
		}
	}
	if !slices.Contains(labels, "닫기") || slices.Contains(labels, "취소") || !slices.Contains(labels, "폴더 열기") {
		t.Errorf("buttons %v, want 폴더 열기 and 닫기", labels)
	}
	u.lastConfirm.Confirm()
	if !opened {
		t.Error("the offered step did not run")
	}
}
