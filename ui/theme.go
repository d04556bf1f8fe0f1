package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/haeoreum/register/assets"
)

// Hangul must render on every PC, including one without any Korean font:
// the theme returns the bundled NanumGothic (SIL OFL 1.1) for normal and
// bold text instead of relying on the system fallback.
var (
	fontRegular = fyne.NewStaticResource("NanumGothic.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NanumGothicBold.ttf", assets.FontBold)
)

type koreanTheme struct {
	base    fyne.Theme
	variant *fyne.ThemeVariant // nil: follow the system's light or dark
}

// Appearances a person may choose (the preference's values).
const (
	appearanceSystem = "system"
	appearanceLight  = "light"
	appearanceDark   = "dark"
)

// Theme returns the application theme: Fyne's default look with the
// bundled Korean font, light or dark as the system is, or as chosen.
func Theme(appearance string) fyne.Theme {
	t := koreanTheme{base: theme.DefaultTheme()}
	switch appearance {
	case appearanceLight:
		v := theme.VariantLight
		t.variant = &v
	case appearanceDark:
		v := theme.VariantDark
		t.variant = &v
	}
	return t
}

func (t koreanTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return t.base.Font(s)
	case s.Bold:
		return fontBold
	}
	return fontRegular
}

func (t koreanTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	return t.base.Color(n, v)
}

func (t koreanTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t koreanTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
