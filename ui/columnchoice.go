package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/sheet"
)

// columnsView shows every column of the current file — its letter and
// header, what it holds (its first values) and what the importer made of
// it — and lets the official say what a column means, or to leave it out.
// A choice reads the file again with it (reconcile.FileOptions.Columns).
type columnsView struct {
	w       *importWizard
	rows    *fyne.Container
	labels  []*widget.Label           // one per column, for tests and for reading
	choices map[string]*widget.Select // by column letter
}

func newColumnsView(w *importWizard) *columnsView {
	return &columnsView{w: w, rows: container.NewVBox()}
}

// show lists f's columns as its preview understood them.
func (v *columnsView) show(f *importFile) {
	v.rows.RemoveAll()
	v.labels, v.choices = nil, map[string]*widget.Select{}
	if f == nil || f.preview == nil {
		return
	}
	meanings := reconcile.ColumnMeanings()
	for _, c := range f.preview.Understood.Columns {
		v.rows.Add(v.row(f, c, meanings))
	}
}

// row is one column: what it is, what it holds, and the choice.
func (v *columnsView) row(f *importFile, c reconcile.ColumnReading, meanings []reconcile.Meaning) fyne.CanvasObject {
	head := widget.NewLabel(columnLine(c))
	head.Truncation = fyne.TextTruncateEllipsis
	if c.Use == reconcile.UseBlocking {
		head.Importance = widget.DangerImportance
	}
	v.labels = append(v.labels, head)
	sample := widget.NewLabel(strings.Join(c.Sample, " · "))
	sample.SizeName = theme.SizeNameCaptionText
	sample.Truncation = fyne.TextTruncateEllipsis

	asRead := lang.L("As read: {{.Meaning}}", map[string]any{"Meaning": c.Meaning})
	opts := []string{asRead}
	for _, m := range meanings {
		opts = append(opts, m.Label)
	}
	col, _ := sheet.ColumnNumber(c.Letter)
	choice := newSelect(opts, nil)
	choice.SetSelected(asRead)
	for _, m := range meanings {
		if f.columns[col] == m.Means {
			choice.SetSelected(m.Label)
		}
	}
	choice.OnChanged = func(s string) {
		means := ""
		for _, m := range meanings {
			if m.Label == s {
				means = m.Means
			}
		}
		v.choose(f, col, means)
	}
	v.choices[c.Letter] = choice
	return container.NewGridWithColumns(2, container.NewVBox(head, sample), choice)
}

// choose records the official's meaning for column col ("" = as read) and
// reads the file again.
func (v *columnsView) choose(f *importFile, col int, means string) {
	if f.columns[col] == means {
		return
	}
	if f.columns == nil {
		f.columns = map[int]string{}
	}
	if means == "" {
		delete(f.columns, col)
	} else {
		f.columns[col] = means
	}
	v.w.analyze([]*importFile{f}, true)
}

// text is every column's line, as shown.
func (v *columnsView) text() string {
	var lines []string
	for _, l := range v.labels {
		lines = append(lines, l.Text)
	}
	return strings.Join(lines, "\n")
}

// columnLine says how a column was understood and what became of it.
func columnLine(c reconcile.ColumnReading) string {
	line := c.Letter + "  " + c.Header + " → " + c.Meaning
	if c.Unit != "" {
		line += " · " + c.Unit
	}
	if c.Hidden {
		line += " · " + lang.L("hidden")
	}
	switch {
	case c.Need == reconcile.NeedMeaning:
		line += " · " + lang.L("unknown: choose what it holds, or leave it out")
	case c.Use == reconcile.UseBlocking:
		line += " · " + lang.L("no unit: choose one")
	case c.Use == reconcile.UseIgnored:
		line += " · " + lang.L("(not used)")
	}
	if c.Decided {
		line += " · " + lang.L("as you chose")
	}
	return line
}

// columnChoices are f's column decisions as the importer takes them.
func columnChoices(f *importFile) []layout.ColumnChoice {
	var out []layout.ColumnChoice
	for col, means := range f.columns {
		out = append(out, layout.ColumnChoice{Col: col, Means: means})
	}
	return out
}
