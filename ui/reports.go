package ui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/round"
	"github.com/haeoreum/register/data/value"
)

// ReportOptions steer a report or template.
type ReportOptions struct {
	AsOf      string // YYYY-MM-DD, "" = the register's newest as-of date
	Since     string // YYYY-MM-DD, first day of the changes sheet
	Blank     bool   // template without the city's projects
	Overwrite bool   // the user agreed to replace an existing file
}

// Reporter writes the consolidated report and the city templates. The
// window calls data/report through this small interface (its API was not
// final when the window was built); cmd/haeoreum supplies the adapter.
type Reporter interface {
	Export(ctx context.Context, reg *register.Register, path string, o ReportOptions) error
	Template(ctx context.Context, reg *register.Register, city model.City, path string, o ReportOptions) error
}

type reportsView struct {
	st *store // what it shows
	sh *shell // the dialogs and jobs it asks for
	// reporter writes the files (nil: this build has no report export);
	// openURL opens a folder in the system's file manager
	reporter Reporter
	openURL  func(*url.URL) error
	content  fyne.CanvasObject

	asOf    *widget.Entry
	since   *widget.Entry
	city    *widget.Select
	blank   *widget.Check
	changes []register.Change
	round   *widget.Select // the round whose report to write
	list    *lineList
	count   *widget.Label
	opened  string // the last folder opened (tests)
}

func newReportsView(st *store, sh *shell, reporter Reporter, openURL func(*url.URL) error) *reportsView {
	v := &reportsView{st: st, sh: sh, reporter: reporter, openURL: openURL}
	v.asOf = widget.NewEntry()
	v.asOf.SetPlaceHolder(lang.L("newest as-of date in the register"))
	v.asOf.Validator = validDate
	v.since = widget.NewEntry()
	v.since.SetText(time.Now().AddDate(0, 0, -30).Format("2006-01-02"))
	v.since.Validator = validDate
	v.since.OnSubmitted = func(string) { v.showChanges() }
	export := widget.NewButtonWithIcon(lang.L("Export consolidated report… (Ctrl+E)"), theme.DocumentSaveIcon(), v.export)
	export.Importance = widget.HighImportance
	var cityOpts []string
	for _, c := range model.Cities {
		cityOpts = append(cityOpts, field.CityName(c))
	}
	v.city = newSelect(cityOpts, nil)
	v.city.SetSelectedIndex(0)
	v.blank = widget.NewCheck(lang.L("Blank (without the city's projects)"), nil)
	tmpl := widget.NewButtonWithIcon(lang.L("Export city template…"), theme.DocumentSaveIcon(), v.template)
	show := widget.NewButtonWithIcon(lang.L("Show changes"), theme.SearchIcon(), v.showChanges)
	v.round = newSelect(nil, nil)
	roundBtn := widget.NewButtonWithIcon(lang.L("Export round report…"), theme.DocumentSaveIcon(), v.exportRound)

	v.list = newLineList(func() int { return len(v.changes) }, func(i int) string {
		c := v.changes[i]
		return fmt.Sprintf("%s · %s %s · %s: %s → %s · %s · %s",
			shortTime(c.At), c.Code, c.Name, field.Label(c.Field),
			field.Display(c.Field, c.Old, st.unit), field.Display(c.Field, c.New, st.unit),
			batchKindLabel(c.Kind), c.User)
	}, func(i int) string {
		c := v.changes[i]
		return fmt.Sprintf("%s %s · %s · %s · %s\n\n%s:\n%s\n\n%s:\n%s", c.Code, c.Name, field.Label(c.Field),
			shortTime(c.At), batchKindLabel(c.Kind), lang.L("Before"), field.Display(c.Field, c.Old, st.unit),
			lang.L("After"), field.Display(c.Field, c.New, st.unit))
	})
	v.count = widget.NewLabel("")

	reportForm := widget.NewForm(
		widget.NewFormItem(lang.L("As of (YYYY-MM-DD)"), v.asOf),
		widget.NewFormItem(lang.L("Changes since"), v.since),
	)
	top := container.NewVBox(
		widget.NewCard(lang.L("Consolidated report"), lang.L("Summary, register, one sheet per city, open conflicts and changes, ready to print (A4 landscape)."),
			container.NewVBox(reportForm, container.NewHBox(export))),
		widget.NewCard(lang.L("Round report"), lang.L("For a meeting round: what changed in each project since the previous round, by working group and field, and who sent what."),
			container.NewVBox(v.round, container.NewHBox(roundBtn))),
		widget.NewCard(lang.L("City templates"), lang.L("A sheet for each city to fill in, with drop-down lists, so the next round comes back clean."),
			container.NewVBox(container.NewGridWithColumns(2, v.city, v.blank), container.NewHBox(tmpl))),
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("Changes since the date above"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(v.count, show)),
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.list.content)
	st.listen(v.refreshRounds) // the rounds it offers
	return v
}

func validDate(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := value.ParseDate(s)
	return err
}

func normDate(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	d, err := value.ParseDate(s)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

func (v *reportsView) options() (ReportOptions, bool) {
	asOf, err := normDate(v.asOf.Text)
	if err != nil {
		v.sh.message(lang.L("Cannot read the date"), ErrorText(err))
		return ReportOptions{}, false
	}
	since, err := normDate(v.since.Text)
	if err != nil {
		v.sh.message(lang.L("Cannot read the date"), ErrorText(err))
		return ReportOptions{}, false
	}
	return ReportOptions{AsOf: asOf, Since: since}, true
}

// export writes the consolidated report.
func (v *reportsView) export() {
	o, ok := v.options()
	if !ok {
		return
	}
	if v.reporter == nil {
		v.sh.notify(lang.L("Report export is not available in this build."))
		return
	}
	name := "해오름동맹_공동협력사업_현황_" + time.Now().Format("2006-01-02") + ".xlsx"
	v.sh.saveAs(lang.L("Export consolidated report"), name, ".xlsx", func(path string) {
		o.Overwrite = true // saveAs asked already
		v.sh.background(lang.L("Writing the report"), func(ctx context.Context, _ Progress) error {
			return v.reporter.Export(ctx, v.st.reg, path, o)
		}, func(err error) {
			if err == nil {
				v.saved(path)
			}
		})
	})
}

// refreshRounds offers the register's rounds, newest first, keeping the
// choice when it still exists (the open round is chosen otherwise).
func (v *reportsView) refreshRounds() {
	rounds, err := v.st.reg.Rounds(context.Background())
	if err != nil {
		return
	}
	var names []string
	chosen, open := v.round.Selected, ""
	for i := len(rounds) - 1; i >= 0; i-- {
		names = append(names, rounds[i].Name)
		if rounds[i].Status == register.RoundOpen {
			open = rounds[i].Name
		}
	}
	v.round.SetOptions(names)
	switch {
	case chosen != "" && slices.Contains(names, chosen):
		v.round.SetSelected(chosen)
	case open != "":
		v.round.SetSelected(open)
	case len(names) > 0:
		v.round.SetSelectedIndex(0)
	}
}

// exportRound writes the chosen round's report (data/round, as the CLI's
// export --round does).
func (v *reportsView) exportRound() {
	name := v.round.Selected
	if name == "" {
		v.sh.message(lang.L("No round"), lang.L("There is no round yet. Start one on the Rounds tab."))
		return
	}
	file := "해오름동맹_차수보고서_" + strings.Join(strings.Fields(name), "_") + ".xlsx"
	v.sh.saveAs(lang.L("Export round report"), file, ".xlsx", func(path string) {
		v.sh.background(lang.L("Writing the report"), func(ctx context.Context, _ Progress) error {
			return writeRoundReport(ctx, v.st.reg, name, path)
		}, func(err error) {
			if err == nil {
				v.saved(path)
			}
		})
	})
}

// writeRoundReport is the round report's one call; saveAs asked already
// before replacing a file.
func writeRoundReport(ctx context.Context, reg *register.Register, name, path string) error {
	_, err := round.ExportReport(ctx, reg, name, path, true)
	return err
}

// template writes a city's template.
func (v *reportsView) template() {
	o, ok := v.options()
	if !ok {
		return
	}
	if v.reporter == nil {
		v.sh.notify(lang.L("Report export is not available in this build."))
		return
	}
	city := model.Cities[0]
	for _, c := range model.Cities {
		if field.CityName(c) == v.city.Selected {
			city = c
		}
	}
	o.Blank = v.blank.Checked
	name := fmt.Sprintf("해오름동맹_%s_작성서식_%s.xlsx", city.Korean(), time.Now().Format("2006-01-02"))
	v.sh.saveAs(lang.L("Export city template"), name, ".xlsx", func(path string) {
		o.Overwrite = true
		v.sh.background(lang.L("Writing the template"), func(ctx context.Context, _ Progress) error {
			return v.reporter.Template(ctx, v.st.reg, city, path, o)
		}, func(err error) {
			if err == nil {
				v.saved(path)
			}
		})
	})
}

// saved says where the file is and offers to open its folder.
func (v *reportsView) saved(path string) {
	dir := filepath.Dir(path)
	v.sh.offer(lang.L("Saved"), lang.L("Saved {{.File}} in {{.Folder}}.", map[string]any{"File": filepath.Base(path), "Folder": dir}),
		lang.L("Open folder"), func() {
			link, err := url.Parse(storage.NewFileURI(dir).String())
			if err == nil {
				v.opened = dir
				if err := v.openURL(link); err != nil {
					v.sh.showError(err)
				}
			}
		})
}

// showChanges lists what changed since the date.
func (v *reportsView) showChanges() {
	since, err := normDate(v.since.Text)
	if err != nil || since == "" {
		v.sh.message(lang.L("Cannot read the date"), lang.L("Write the date as YYYY-MM-DD, e.g. 2026-10-01."))
		return
	}
	changes, err := v.st.reg.ChangesSince(context.Background(), since)
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.changes = changes
	v.count.SetText(lang.L("{{.N}} changes", map[string]any{"N": len(changes)}))
	v.list.refresh()
}
