package ui

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/haeoreum/register/data/model"
)

// center is the middle of o on its canvas.
func center(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

func is[T any](o any) bool {
	_, ok := o.(T)
	return ok
}

// bringIntoView scrolls the project form so that o is in its view.
func bringIntoView(d *detailView, o fyne.CanvasObject) {
	d.formScroll.Offset = fyne.NewPos(0, 0)
	d.formScroll.Refresh()
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.formScroll).Y
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
	d.formScroll.ScrollToOffset(fyne.NewPos(0, at-top-40))
}

// The mouse wheel over a narrative scrolls the project form (Fyne gave it
// to the entry's own scroller, and the form hardly moved); a tap still
// reaches the entry, and while it is being edited the wheel is its own.
func TestFormScrollsWithTheWheelOverNarratives(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, "HA-C01")
	c := u.win.Canvas()
	overview := d.rows[model.FOverview].input.(*fyne.Container).Objects[0].(*imeEntry) // under its cover
	bringIntoView(d, overview)
	before := d.formScroll.Offset.Y
	test.Scroll(c, center(overview), 0, -120)
	if d.formScroll.Offset.Y == before {
		t.Fatalf("the wheel over 사업개요 did not scroll the form (offset %v)", before)
	}
	// a click reaches the entry through the cover: it takes no pointer event
	cover := d.rows[model.FOverview].input.(*fyne.Container).Objects[1]
	for name, takes := range map[string]bool{
		"taps": is[fyne.Tappable](cover), "double taps": is[fyne.DoubleTappable](cover),
		"mouse buttons": is[desktop.Mouseable](cover), "drags": is[fyne.Draggable](cover),
		"the pointer": is[desktop.Hoverable](cover), "the focus": is[fyne.Focusable](cover),
	} {
		if takes {
			t.Errorf("the cover over 사업개요 takes %s from the entry", name)
		}
	}
	bringIntoView(d, overview)
	c.Focus(overview) // as the driver does on the click
	before = d.formScroll.Offset.Y
	test.Scroll(c, center(overview), 0, -120)
	if d.formScroll.Offset.Y != before {
		t.Error("while 사업개요 is edited, the wheel over it scrolled the form")
	}
}

// 사업개요 wraps its prose within the pane instead of running off to the side.
func TestOverviewWraps(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, "HA-C01")
	overview := d.entries[model.FOverview]
	overview.SetText(strings.Repeat("해오름동맹 세 도시가 함께 추진하는 환동해 해양관광 기반 조성 사업입니다. ", 40))
	if overview.Wrapping != fyne.TextWrapWord {
		t.Fatal("사업개요 does not wrap")
	}
	if w, pane := overview.MinSize().Width, d.formScroll.Size().Width; w > pane {
		t.Errorf("사업개요 needs %v wide, the pane is %v", w, pane)
	}
}

// The 저장 button stays in the same place from one project to the next,
// whatever the length of the name or the aliases above it.
func TestSaveButtonStaysPut(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	var with, without string
	for _, p := range u.all {
		if len(p.Aliases) > 0 && with == "" {
			with = p.Code
		}
		if len(p.Aliases) == 0 && without == "" {
			without = p.Code
		}
	}
	if with == "" || without == "" {
		t.Fatal("the sample lacks a project with and one without aliases")
	}
	pos := func(code string) fyne.Position {
		selectCode(t, u, code)
		u.win.Content().Refresh()
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(d.save)
	}
	if a, b := pos(with), pos(without); a != b {
		t.Errorf("저장 at %v for %s, at %v for %s", a, with, b, without)
	}
}

// Where each value came from (출처) reads in the light and the dark theme:
// its text stands out from the background at least 4.5 : 1 (WCAG AA).
func TestSourceLinesReadableInBothThemes(t *testing.T) {
	e := newEnv(t, "ko", true)
	u, d := e.u, e.u.detail
	selectCode(t, u, "HA-C01")
	hint := d.rows[model.FName].hint
	if !hint.Visible() || hint.Text == "" {
		t.Fatal("no 출처 line for the name")
	}
	for _, look := range []string{appearanceLight, appearanceDark} {
		e.app.Settings().SetTheme(Theme(look))
		d.formScroll.ScrollToTop()
		u.win.Content().Refresh()
		img := u.win.Canvas().Capture()
		if got := textContrast(img, hint); got < 4.5 {
			t.Errorf("%s theme: the 출처 line's contrast is %.1f : 1", look, got)
		}
	}
}

// textContrast is the highest contrast between a pixel of o's area in the
// capture and the area's background (its most common colour).
func textContrast(img image.Image, o fyne.CanvasObject) float64 {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	scale := float32(img.Bounds().Dx()) / fyne.CurrentApp().Driver().CanvasForObject(o).Size().Width
	// inside the label's padding: its edges touch the entry above and the
	// split's handle
	in := theme.InnerPadding() / 2
	r := image.Rect(int((pos.X+in)*scale), int((pos.Y+in)*scale), int((pos.X+o.Size().Width-in)*scale), int((pos.Y+o.Size().Height-in)*scale)).Intersect(img.Bounds())
	count := map[color.RGBA]int{}
	var bg color.RGBA
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			count[c]++
			if count[c] > count[bg] {
				bg = c
			}
		}
	}
	best := 1.0
	for c := range count {
		best = math.Max(best, contrast(c, bg))
	}
	return best
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.RGBA) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}
