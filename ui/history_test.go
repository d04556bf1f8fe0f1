package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The project's history shows one line per change, however many lines a
// value has (a multi-line value drew over the rows below), names fields by
// their labels, never internal names, and a selected line is read in full
// below the list.
func TestHistoryOneLinePerChangeReadInFull(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, "HA-C01")
	h := d.history
	if n := h.list.Length(); n == 0 {
		t.Fatal("no history")
	}
	multi := -1
	for i := range h.list.Length() {
		row := h.list.CreateItem()
		h.list.UpdateItem(i, row)
		text := row.(*widget.Label).Text
		if strings.ContainsAny(text, "\r\n") {
			t.Errorf("row %d has more than one line: %q", i, text)
		}
		for _, internal := range []string{"as_of", "period_raw", "created", "budget_won", "next_steps", "end_month"} {
			if strings.Contains(text, internal) {
				t.Errorf("row %d names %s: %q", i, internal, text)
			}
		}
		if strings.Contains(d.changes[i].New, "\n") && multi < 0 {
			multi = i
		}
	}
	if multi < 0 {
		t.Fatal("HA-C01's history has no multi-line value to test with")
	}
	h.list.Select(multi)
	full := h.full.Text
	if !strings.Contains(full, d.changes[multi].New) || !strings.Contains(full, "이후:") {
		t.Errorf("the selected change is not shown in full: %q", full)
	}
}
