package ui

import (
	"cmp"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/summary"
	"github.com/haeoreum/register/data/value"
)

// dashboardView draws the register's figures (data/summary, the same as
// the report's 총괄) as bar charts: projects, budget and progress by field or
// by working-level council, budget by lead city and by tier, and how the
// register compares with its plan year.
type dashboardView struct {
	st      *store // what it draws, amounts in st.unit
	content fyne.CanvasObject

	totals   *widget.Label
	plan     *widget.Label
	groupBy  *widget.RadioGroup
	byField  *barChart
	budField *barChart
	byCity   *barChart
	byTier   *barChart
	progress *barChart
	progDist *barChart
}

// newDashboardView draws st's figures; it needs nothing else of the window.
func newDashboardView(st *store) *dashboardView {
	v := &dashboardView{st: st}
	v.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.totals.Wrapping = fyne.TextWrapWord
	v.plan = widget.NewLabel("")
	v.plan.Wrapping = fyne.TextWrapWord
	byField, byWork := lang.L("By field"), lang.L("By working-level council")
	v.groupBy = widget.NewRadioGroup([]string{byField, byWork}, func(string) { v.refresh() })
	v.groupBy.Horizontal = true
	v.groupBy.Selected = byField
	v.byField = newBarChart()
	v.budField = newBarChart()
	v.byCity = newBarChart()
	v.byTier = newBarChart()
	v.progress = newBarChart()
	v.progDist = newBarChart()
	card := func(title string, c *barChart) fyne.CanvasObject { return widget.NewCard(title, "", c) }
	grid := container.NewGridWithColumns(2,
		card(lang.L("Projects"), v.byField),
		card(lang.L("Budget"), v.budField),
		card(lang.L("Budget by lead city"), v.byCity),
		card(lang.L("Budget by funding tier"), v.byTier),
		card(lang.L("Average progress (%)"), v.progress),
		card(lang.L("Projects by progress"), v.progDist),
	)
	v.content = container.NewVScroll(container.NewVBox(v.totals, v.plan, v.groupBy, grid))
	st.listen(v.refresh) // the figures
	return v
}

// refresh recomputes the charts from the live projects.
func (v *dashboardView) refresh() {
	st, unit := v.st, v.st.unit
	s := summary.Of(st.all, st.plan)
	groups := s.ByField
	if v.groupBy.Selected == lang.L("By working-level council") {
		groups = s.ByWork
	}
	var bf, bb, bp []bar
	for _, g := range groups {
		name := cmp.Or(g.Name, "—")
		bf = append(bf, bar{label: name, value: float64(len(g.Projects)), text: lang.L("{{.N}} projects", map[string]any{"N": len(g.Projects)})})
		bb = append(bb, bar{label: name, value: float64(g.Budget.Total), text: value.FormatAmount(g.Budget.Total, unit)})
		bp = append(bp, bar{label: name, value: progressOf(g.Progress), text: model.FormatProgress(progressOf(g.Progress)) + "%"})
	}
	var bc []bar
	for _, g := range s.ByLead {
		bc = append(bc, bar{label: field.CityName(model.City(g.Name)), value: float64(g.Budget.Total),
			text: value.FormatAmount(g.Budget.Total, unit) + " · " + lang.L("{{.N}} projects", map[string]any{"N": len(g.Projects)})})
	}
	var bt []bar
	for _, t := range model.Parts {
		bt = append(bt, bar{label: field.Label(model.BudgetKey(t)), value: float64(s.Budget.Get(t)), text: value.FormatAmount(s.Budget.Get(t), unit)})
	}
	var bd []bar
	for i, name := range []string{"0–20%", "20–40%", "40–60%", "60–80%", "80–100%", lang.L("unknown")} {
		bd = append(bd, bar{label: name, value: float64(s.ProgressBins[i]), text: fmt.Sprint(s.ProgressBins[i])})
	}
	v.byField.set(bf, 0)
	v.budField.set(bb, 0)
	v.byCity.set(bc, 0)
	v.byTier.set(bt, 0)
	v.progress.set(bp, 100)
	v.progDist.set(bd, 0)
	v.totals.SetText(lang.L("{{.N}} projects · total budget {{.Total}} {{.Unit}} · average progress {{.Progress}}% · {{.Conflicts}} open conflicts",
		map[string]any{"N": s.Projects, "Total": value.FormatAmount(s.Budget.Total, unit), "Unit": field.UnitName(unit),
			"Progress": model.FormatProgress(progressOf(s.Progress)), "Conflicts": len(st.conflicts)}))
	v.plan.SetText(s.Plan.Text())
	v.plan.Importance = widget.SuccessImportance
	if !s.Plan.Agrees {
		v.plan.Importance = widget.WarningImportance
	}
	v.plan.Refresh()
}

func progressOf(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// bar is one bar of a chart.
type bar struct {
	label string
	value float64
	text  string // the value as shown
}

// barChart is a horizontal bar chart drawn with rectangles and text.
type barChart struct {
	widget.BaseWidget
	bars []bar
	max  float64 // 0: the largest value
}

func newBarChart() *barChart {
	c := &barChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *barChart) set(bars []bar, max float64) {
	c.bars, c.max = bars, max
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.rebuild()
	return r
}

type barRenderer struct {
	c      *barChart
	labels []*canvas.Text
	rects  []*canvas.Rectangle
	values []*canvas.Text
	objs   []fyne.CanvasObject
}

var barColors = []color.NRGBA{
	{0x2f, 0x6f, 0xb5, 0xff}, {0xe0, 0x8a, 0x2e, 0xff}, {0x3a, 0x9a, 0x5b, 0xff},
	{0xc2, 0x4a, 0x4a, 0xff}, {0x7b, 0x5c, 0xb8, 0xff}, {0x5a, 0x8f, 0x9c, 0xff},
}

func (r *barRenderer) rebuild() {
	r.labels, r.rects, r.values, r.objs = nil, nil, nil, nil
	fg := theme.Color(theme.ColorNameForeground)
	for i, b := range r.c.bars {
		l := canvas.NewText(b.label, fg)
		rect := canvas.NewRectangle(barColors[i%len(barColors)])
		rect.CornerRadius = 2
		val := canvas.NewText(b.text, fg)
		r.labels = append(r.labels, l)
		r.rects = append(r.rects, rect)
		r.values = append(r.values, val)
		r.objs = append(r.objs, l, rect, val)
	}
}

const barHeight = 22

func (r *barRenderer) MinSize() fyne.Size {
	return fyne.NewSize(240, float32(len(r.c.bars))*(barHeight+theme.Padding()))
}

func (r *barRenderer) Layout(size fyne.Size) {
	labelW, valueW := float32(0), float32(0)
	for i := range r.labels {
		labelW = fyne.Max(labelW, r.labels[i].MinSize().Width)
		valueW = fyne.Max(valueW, r.values[i].MinSize().Width)
	}
	labelW = fyne.Min(labelW, size.Width*0.4)
	pad := theme.Padding()
	area := size.Width - labelW - valueW - 3*pad
	if area < 10 {
		area = 10
	}
	max := r.c.max
	for _, b := range r.c.bars {
		if b.value > max {
			max = b.value
		}
	}
	for i, b := range r.c.bars {
		y := float32(i) * (barHeight + pad)
		lh := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(0, y+(barHeight-lh)/2))
		r.labels[i].Resize(fyne.NewSize(labelW, lh))
		w := float32(0)
		if max > 0 {
			w = float32(b.value/max) * area
		}
		if b.value > 0 && w < 2 {
			w = 2
		}
		r.rects[i].Move(fyne.NewPos(labelW+pad, y+3))
		r.rects[i].Resize(fyne.NewSize(w, barHeight-6))
		r.values[i].Move(fyne.NewPos(labelW+2*pad+w, y+(barHeight-lh)/2))
		r.values[i].Resize(r.values[i].MinSize())
	}
}

func (r *barRenderer) Refresh() {
	if len(r.labels) != len(r.c.bars) {
		r.rebuild()
	} else {
		fg := theme.Color(theme.ColorNameForeground)
		for i, b := range r.c.bars {
			r.labels[i].Text, r.labels[i].Color = b.label, fg
			r.values[i].Text, r.values[i].Color = b.text, fg
		}
	}
	r.Layout(r.c.Size())
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barRenderer) Destroy()                     {}
