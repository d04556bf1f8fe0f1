package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/round"
)

// roundsView is the board of the open meeting round (차수): for each city,
// whether its template went out, whether its sheet came in, and what is
// still missing, empty, stale or in conflict. It is read again with the
// register, so it updates as files come in.
type roundsView struct {
	st      *store // what it shows
	sh      *shell // the dialogs and jobs it asks for
	content fyne.CanvasObject

	title  *widget.Label
	board  *fyne.Container
	create *widget.Button
	edit   *widget.Button
	close  *widget.Button
	status *round.Status // nil: no open round

	lastEdit *roundEdit
}

func newRoundsView(st *store, sh *shell) *roundsView {
	v := &roundsView{st: st, sh: sh}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	v.board = container.NewVBox() // a row per state, each as tall as its own text
	v.create = widget.NewButton(lang.L("New round…"), v.newRound)
	v.edit = widget.NewButton(lang.L("Change dates…"), v.editRound)
	v.close = widget.NewButton(lang.L("Close this round"), v.closeRound)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.create, v.edit, v.close), v.title)
	v.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.board))
	st.listen(v.refresh) // the board updates as files come in
	return v
}

// refresh reads the open round's status again.
func (v *roundsView) refresh() {
	st, err := round.StatusOf(context.Background(), v.st.reg, "")
	v.status = nil
	if err == nil {
		v.status = st
	}
	v.draw()
}

func (v *roundsView) draw() {
	v.board.Objects = nil
	readOnly := v.st.reg.ReadOnly()
	if v.status == nil {
		v.title.SetText(lang.L("No round is open. A round asks every city for its sheet as of one date; start one to follow who has answered."))
		v.close.Disable()
		v.edit.Disable()
		setEnabled(v.create, !readOnly)
		v.board.Refresh()
		return
	}
	rd := v.status.Round
	v.title.SetText(lang.L("{{.Name}} · as of {{.AsOf}} · due {{.Due}}", map[string]any{
		"Name": rd.Name, "AsOf": rd.AsOf, "Due": dash(rd.Due)}))
	v.create.Disable()
	setEnabled(v.close, !readOnly)
	setEnabled(v.edit, !readOnly)
	head := []fyne.CanvasObject{widget.NewLabel("")}
	for _, c := range model.Cities {
		head = append(head, widget.NewLabelWithStyle(field.CityName(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	v.board.Add(container.NewGridWithColumns(4, head...))
	for _, line := range boardLines {
		row := []fyne.CanvasObject{widget.NewLabelWithStyle(line.title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
		for _, c := range model.Cities {
			l := widget.NewLabel(line.cell(v.status.Cities[c]))
			l.Wrapping = fyne.TextWrapWord
			row = append(row, l)
		}
		v.board.Add(container.NewGridWithColumns(4, row...))
		v.board.Add(widget.NewSeparator())
	}
	v.board.Refresh()
}

// boardLine is one state of the board, for each city.
type boardLine struct {
	title func() string
	cell  func(*round.CityStatus) string
}

var boardLines = []boardLine{
	{func() string { return lang.L("Template issued") }, func(s *round.CityStatus) string {
		if s == nil || s.Issued == nil {
			return lang.L("not yet")
		}
		return shortTime(*s.Issued)
	}},
	{func() string { return lang.L("Sheet received") }, func(s *round.CityStatus) string {
		if s == nil || s.Received == nil {
			return lang.L("not yet")
		}
		return s.Received.File + "\n" + shortTime(s.Received.At)
	}},
	{func() string { return lang.L("Sheet refused") }, func(s *round.CityStatus) string {
		if s == nil || s.Refused == nil {
			return "—"
		}
		return s.Refused.File + "\n" + shortTime(s.Refused.At) + "\n" + refusalText(s.Refused)
	}},
	{func() string { return lang.L("Projects left out") }, func(s *round.CityStatus) string {
		return codes(s, func(s *round.CityStatus) []string { return s.MissingProjects })
	}},
	{func() string { return lang.L("Required fields empty") }, func(s *round.CityStatus) string {
		return cells(s, func(s *round.CityStatus) []round.Cell { return s.EmptyFields })
	}},
	{func() string { return lang.L("Not updated since the last round") }, func(s *round.CityStatus) string {
		return cells(s, func(s *round.CityStatus) []round.Cell { return s.Stale })
	}},
	{func() string { return lang.L("Open conflicts") }, func(s *round.CityStatus) string {
		if s == nil || len(s.OpenConflicts) == 0 {
			return "—"
		}
		return fmt.Sprint(len(s.OpenConflicts))
	}},
}

func codes(s *round.CityStatus, of func(*round.CityStatus) []string) string {
	if s == nil || len(of(s)) == 0 {
		return "—"
	}
	return fmt.Sprintf("%d: %s", len(of(s)), strings.Join(of(s), ", "))
}

// cells counts the flagged cells by field ("추진실적 15 · 향후계획 15"): the
// city's chase workbook lists each one.
func cells(s *round.CityStatus, of func(*round.CityStatus) []round.Cell) string {
	if s == nil || len(of(s)) == 0 {
		return "—"
	}
	count := map[string]int{}
	var order []string
	for _, c := range of(s) {
		if count[c.Field] == 0 {
			order = append(order, c.Field)
		}
		count[c.Field]++
	}
	var out []string
	for _, f := range order {
		out = append(out, fmt.Sprintf("%s %d", roundFieldLabel(f), count[f]))
	}
	return strings.Join(out, " · ")
}

// roundFieldLabel names a status field: the register's own label, or 담당
// for the city's contact.
func roundFieldLabel(k string) string {
	if k == round.FieldContact {
		return lang.L("Contact")
	}
	return field.Label(model.FieldKey(k))
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// newRound asks for a round's name, as-of and due dates, and starts it.
func (v *roundsView) newRound() {
	name := widget.NewEntry()
	name.SetPlaceHolder(lang.L("e.g. 2026 second-half working-level council"))
	asOf := widget.NewEntry()
	asOf.SetPlaceHolder("YYYY-MM-DD")
	due := widget.NewEntry()
	due.SetPlaceHolder("YYYY-MM-DD")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("As of"), asOf),
		widget.NewFormItem(lang.L("Due"), due),
	)
	confirm := func() {
		rd := register.Round{Name: name.Text, AsOf: asOf.Text, Due: due.Text, PlanYear: v.st.plan.Year}
		v.sh.quietly(func(ctx context.Context) error {
			_, err := v.st.reg.CreateRound(ctx, rd)
			return err
		}, func(error) { v.st.reload() })
	}
	v.sh.confirmForm(lang.L("New round"), form, lang.L("Start"), confirm)
}

// editRound changes the open round's as-of and due dates.
func (v *roundsView) editRound() {
	if v.status == nil {
		return
	}
	rd := v.status.Round
	asOf := widget.NewEntry()
	asOf.SetText(rd.AsOf)
	due := widget.NewEntry()
	due.SetText(rd.Due)
	due.SetPlaceHolder("YYYY-MM-DD")
	form := widget.NewForm(widget.NewFormItem(lang.L("As of"), asOf), widget.NewFormItem(lang.L("Due"), due))
	v.lastEdit = &roundEdit{asOf: asOf, due: due}
	v.sh.confirmForm(lang.L("Change the round's dates"), form, lang.L("Save"), func() {
		ch := register.RoundChange{AsOf: asOf.Text, Due: due.Text}
		v.sh.quietly(func(ctx context.Context) error {
			_, err := v.st.reg.EditRound(ctx, rd.Name, ch)
			return err
		}, func(error) { v.st.reload() })
	})
}

// roundEdit is the last edit form, for tests.
type roundEdit struct{ asOf, due *widget.Entry }

func (v *roundsView) closeRound() {
	if v.status == nil {
		return
	}
	name := v.status.Round.Name
	v.sh.confirm(lang.L("Close this round"), lang.L("Close {{.Name}}? Sheets that come in later answer the next round.", map[string]any{"Name": name}),
		lang.L("Close"), func() {
			v.sh.quietly(func(ctx context.Context) error {
				_, err := v.st.reg.CloseRound(ctx, name)
				return err
			}, func(error) { v.st.reload() })
		})
}

// refusalText is why a sheet was refused, in the window's language.
func refusalText(r *register.Refusal) string {
	if msg.Language() == msg.English {
		return r.WhyEn
	}
	return r.WhyKo
}
