package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// settingsView: register location, language, amount unit, backups.
type settingsView struct {
	st      *store // what it shows
	sh      *shell // the dialogs and jobs it asks for
	content fyne.CanvasObject
	// the language the window is in, and how to change it (the whole
	// window is rebuilt); setTheme changes the app's look
	lang           msg.Lang
	switchLanguage func(l msg.Lang, stay func())
	setTheme       func(fyne.Theme)

	path       *widget.Label
	language   *widget.RadioGroup
	unit       *widget.RadioGroup
	backups    []register.BackupInfo
	list       *widget.List
	selected   int
	restore    *widget.Button
	appearance *widget.RadioGroup
}

const langKorean, langEnglish = "한국어", "English"

func newSettingsView(st *store, sh *shell, l msg.Lang, switchLanguage func(msg.Lang, func()), setTheme func(fyne.Theme)) *settingsView {
	v := &settingsView{st: st, sh: sh, lang: l, switchLanguage: switchLanguage, setTheme: setTheme, selected: -1}
	v.path = widget.NewLabel(st.reg.Path())
	v.path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("Open another register…"), theme.FolderOpenIcon(), v.openRegister)

	v.language = widget.NewRadioGroup([]string{langKorean, langEnglish}, nil)
	v.language.Horizontal = true
	if l == msg.English {
		v.language.SetSelected(langEnglish)
	} else {
		v.language.SetSelected(langKorean)
	}
	v.language.OnChanged = func(s string) {
		l := msg.Korean
		if s == langEnglish {
			l = msg.English
		}
		switchLanguage(l, func() {
			// stayed with unsaved edits: the choice shows the language in use
			cb := v.language.OnChanged
			v.language.OnChanged = nil
			v.language.SetSelected(map[msg.Lang]string{msg.Korean: langKorean, msg.English: langEnglish}[v.lang])
			v.language.OnChanged = cb
		})
	}

	var unitOpts []string
	for _, un := range field.Units {
		unitOpts = append(unitOpts, field.UnitName(un))
	}
	v.unit = widget.NewRadioGroup(unitOpts, nil)
	v.unit.Horizontal = true
	v.unit.SetSelected(field.UnitName(st.unit))
	v.unit.OnChanged = func(s string) {
		for _, un := range field.Units {
			if field.UnitName(un) == s && un != st.unit {
				st.unit = un
				sh.prefs.SetInt(prefUnit, int(un))
				st.reload() // the screens show amounts in the new unit
			}
		}
	}

	v.list = textList(func() int { return len(v.backups) }, func(i int) string {
		b := v.backups[i]
		return fmt.Sprintf("%s · %s · %d KB", b.At.Format("2006-01-02 15:04:05"), backupReason(b.Reason), b.Size/1024)
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.selected = i
		if !st.reg.ReadOnly() {
			v.restore.Enable()
		}
	}
	backupNow := widget.NewButtonWithIcon(lang.L("Back up now"), theme.DocumentSaveIcon(), v.backupNow)
	v.restore = widget.NewButtonWithIcon(lang.L("Restore selected backup…"), theme.HistoryIcon(), v.restoreSelected)
	v.restore.Disable()
	if st.reg.ReadOnly() {
		backupNow.Disable()
	}

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Register file"), container.NewBorder(nil, nil, nil, open, v.path)),
		widget.NewFormItem(lang.L("Language"), v.language),
		widget.NewFormItem(lang.L("Amounts in"), v.unit),
		widget.NewFormItem(lang.L("Appearance"), v.appearanceChoice()),
		widget.NewFormItem(lang.L("Sheet profiles"), profilesButton(st, sh)),
	)
	backups := container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("Backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(backupNow, v.restore)),
		nil, nil, nil, v.list)
	v.content = container.NewBorder(form, nil, nil, nil, backups)
	v.refresh()
	st.listen(v.refresh) // imports and restores make backups; another register has others
	return v
}

func backupReason(r string) string {
	switch r {
	case "import":
		return lang.L("before an import")
	case "manual":
		return lang.L("made by hand")
	case "before-restore":
		return lang.L("before a restore")
	case "migrate":
		return lang.L("before a format upgrade")
	}
	return r
}

// refresh shows the register in use and its backups.
func (v *settingsView) refresh() {
	v.path.SetText(v.st.reg.Path())
	v.refreshBackups()
}

func (v *settingsView) refreshBackups() {
	list, err := v.st.reg.Backups()
	if err != nil {
		list = nil
	}
	v.backups = list
	v.selected = -1
	v.list.UnselectAll()
	v.list.Refresh()
	v.restore.Disable()
}

func (v *settingsView) backupNow() {
	var path string
	v.sh.background(lang.L("Backing up"), func(ctx context.Context, _ Progress) error {
		var err error
		path, err = v.st.reg.Backup(ctx, "manual")
		return err
	}, func(err error) {
		v.refreshBackups()
		if err == nil {
			v.sh.notify(lang.L("Backed up to {{.Path}}.", map[string]any{"Path": path}))
		}
	})
}

func (v *settingsView) restoreSelected() {
	if v.selected < 0 || v.selected >= len(v.backups) {
		return
	}
	b := v.backups[v.selected]
	v.sh.confirm(lang.L("Restore backup"),
		lang.L("Replace the register with the backup of {{.At}}? The register as it is now is backed up first, so this can be reversed.", map[string]any{"At": b.At.Format("2006-01-02 15:04:05")}),
		lang.L("Restore"), func() {
			v.sh.background(lang.L("Restoring"), func(ctx context.Context, _ Progress) error {
				return v.st.reg.Restore(ctx, b.Path)
			}, func(err error) {
				v.st.reload()
				v.refreshBackups()
				if err == nil {
					v.sh.notify(lang.L("The backup was restored."))
				}
			})
		})
}

// openRegister switches to another register file. Network drives are
// refused by the data layer, with its explanation.
func (v *settingsView) openRegister() {
	v.sh.openFile([]string{".db"}, v.switchTo)
}

// switchTo opens path (exclusively) and, if that works, closes the
// current register and shows the new one. Background work reads the register from
// its own goroutine, so the swap waits until none is running (whenIdle):
// no job reads a register closed under it, or writes to the other one.
func (v *settingsView) switchTo(path string) {
	reg, err := register.Open(path, register.Options{Exclusive: true})
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.sh.whenIdle(func() {
		v.st.swap(reg).Close()
		v.sh.prefs.SetString(prefRegisterPath, reg.Path())
		v.st.reload() // every screen, rebuilt meanwhile or not, shows the new register
		v.sh.notify(lang.L("Now using {{.File}}.", map[string]any{"File": filepath.Base(reg.Path())}))
	})
}

// appearanceChoice chooses light, dark, or the system's look; it applies at
// once.
func (v *settingsView) appearanceChoice() *widget.RadioGroup {
	names := map[string]string{appearanceSystem: lang.L("As the system"), appearanceLight: lang.L("Light"), appearanceDark: lang.L("Dark")}
	order := []string{appearanceSystem, appearanceLight, appearanceDark}
	var opts []string
	for _, k := range order {
		opts = append(opts, names[k])
	}
	r := widget.NewRadioGroup(opts, nil)
	r.Horizontal = true
	r.SetSelected(names[v.sh.prefs.StringWithFallback(prefAppearance, appearanceSystem)])
	r.OnChanged = func(s string) {
		for _, k := range order {
			if names[k] == s {
				v.sh.prefs.SetString(prefAppearance, k)
				v.setTheme(Theme(k))
			}
		}
	}
	v.appearance = r
	return r
}
