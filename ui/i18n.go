package ui

import (
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/haeoreum/register/assets"
	"github.com/haeoreum/register/data/msg"
)

// Preference keys.
const (
	prefLanguage     = "language"   // "ko" (default) or "en"
	prefUnit         = "unit"       // won per unit: 1, 1000, 1000000, 100000000
	prefAppearance   = "appearance" // "system" (default), "light", "dark"
	prefRegisterPath = "register.path"
	prefWinW         = "window.width"
	prefWinH         = "window.height"
	prefLastFolder   = "last.folder"
	prefFilterField  = "filter.field"
	prefFilterCity   = "filter.city"
	prefFilterKind   = "filter.kind"
	prefFilterStage  = "filter.stage"
	prefFilterConfl  = "filter.conflicts"
	prefSortColumn   = "sort.column"
	prefSortDesc     = "sort.desc"
	prefColWidth     = "column.width."
	prefColumns      = "columns" // the register table's columns, as query.Column numbers
)

// Language returns the language chosen in the preferences: Korean unless
// the user chose English. The operating system's locale does not decide:
// the officials read Korean even on an English Windows.
func Language(p fyne.Preferences) msg.Lang {
	if p.StringWithFallback(prefLanguage, string(msg.Korean)) == string(msg.English) {
		return msg.English
	}
	return msg.Korean
}

// SetupLanguage loads the translations and makes the chosen language the
// one lang.L answers in. Fyne picks a translation by the system locale and
// has no switch at run time, so the chosen file is also registered under
// the system locale's name (and its base language); registering the other
// file the same way switches back. Widgets keep the text they were made
// with, so the window rebuilds its screens after a switch (switchLanguage).
// It also sets the data layer's message language.
func SetupLanguage(p fyne.Preferences) msg.Lang {
	l := Language(p)
	msg.SetLanguage(l)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
	data, err := fs.ReadFile(assets.Translations, "translations/"+string(l)+".json")
	if err != nil {
		fyne.LogError("loading translation "+string(l), err)
		return l
	}
	sys := lang.SystemLocale()
	locales := []fyne.Locale{sys, fyne.Locale(sys.LanguageString()), "en", "ko"}
	seen := map[fyne.Locale]bool{}
	for _, loc := range locales {
		if loc == "" || seen[loc] {
			continue
		}
		seen[loc] = true
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("registering translation for "+string(loc), err)
		}
	}
	return l
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
