package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// selectConflict shows the open conflict about field k of project code.
func selectConflict(t *testing.T, v *conflictsView, code string, k model.FieldKey) *register.Conflict {
	t.Helper()
	for i, c := range v.items {
		if c.Code == code && c.Field == k {
			v.list.Select(i)
			return c
		}
	}
	t.Fatalf("no conflict about %s of %s", k, code)
	return nil
}

// buttons returns the buttons shown in o by their labels.
func buttons(o fyne.CanvasObject) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	eachObject(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = b
		}
	})
	return out
}

// A date a city's sheet held as an Excel date cell reads as a date, never as
// the serial number the cell stores.
func TestConflictShowsADateCellAsADate(t *testing.T) {
	v := newEnv(t, "ko", true).u.conflView
	c := selectConflict(t, v, "HA-C01", model.FEnd)
	text := allText(v.detail)
	for _, cv := range c.Values {
		if cv.Raw == "46722" && strings.Contains(text, "46722") {
			t.Errorf("the raw serial is shown: %s", text)
		}
	}
	if !strings.Contains(text, "원문 “2027. 12. 1.”") {
		t.Errorf("the date cell is not shown as a date: %s", text)
	}
}

// The lead city's value is credited to the lead city's own sheet with its
// as-of date, not to the secretariat's master with no date; "take" is
// offered only for a value the register does not already hold, so "keep"
// and "take the lead's value" are never two buttons for the same.
func TestConflictCreditsTheLeadCity(t *testing.T) {
	v := newEnv(t, "ko", true).u.conflView
	selectConflict(t, v, "HA-C02", model.BudgetKey(model.Total))
	text := allText(v.detail)
	if strings.Contains(text, "master_2026.xlsx") {
		t.Errorf("a value is credited to the master: %s", text)
	}
	if !strings.Contains(text, "포항 (주관): 1,300,000 백만원\n출처: pohang_2026-10.xlsx › 추진현황 › E30, 기준일 2026-10-31") {
		t.Errorf("the lead city's value is not credited to its own dated sheet: %s", text)
	}
	b := buttons(v.detail)
	if _, ok := b["포항 값으로"]; ok {
		t.Error("taking the lead's value (the register's) is offered beside keeping it")
	}
	if b["경주 값으로"] == nil || b["등록부 값 유지"] == nil || b["입력한 값으로"] == nil {
		t.Errorf("decision buttons missing: %v", b)
	}
}

// Typing a value shows the unit it is read in beside it, and after a
// decision the screen moves on to the next open conflict.
func TestConflictUnitHintAndMovesOn(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, v := e.u, e.u.conflView
	c := selectConflict(t, v, "HA-C02", model.BudgetKey(model.Total))
	if v.typedHint == nil || v.typedHint.Text != "백만원" {
		t.Fatalf("no unit beside the typed value: %+v", v.typedHint)
	}
	test.Type(v.typed, "1,250,000")
	test.Tap(buttons(v.detail)["입력한 값으로"])
	u.Wait()
	if got := e.project("HA-C02").Budget.Total; got != 1_250_000_000_000 {
		t.Errorf("typed 1,250,000 백만원 stored as %d won", got)
	}
	if v.current == nil || v.current.ID == c.ID || v.current.Status != register.ConflictOpen {
		t.Fatalf("after the decision the screen shows %+v, want the next open conflict", v.current)
	}
	if v.current.Code != "HA-C04" {
		t.Errorf("moved on to %s, want the next in the list (HA-C04)", v.current.Code)
	}
	selectConflict(t, v, "HA-C01", model.FEnd)
	if v.typedHint.Text != "예: 2027-12" {
		t.Errorf("month hint %q", v.typedHint.Text)
	}
}
