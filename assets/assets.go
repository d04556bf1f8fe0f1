// Package assets embeds what the window ships: the bundled Korean font
// (NanumGothic, SIL OFL 1.1, see fonts/OFL.txt), the translations and the
// icon. The sample register is in assets/sample, so the CLI can load it
// without carrying the fonts.
package assets

import (
	"embed"
	_ "embed"
)

//go:generate go run ./icongen icon.png

// FontRegular and FontBold are NanumGothic, regular and bold (TrueType).
var (
	//go:embed fonts/NanumGothic.ttf
	FontRegular []byte
	//go:embed fonts/NanumGothicBold.ttf
	FontBold []byte
)

// Icon is the 512×512 application icon (PNG).
//
//go:embed icon.png
var Icon []byte

// Translations holds translations/ko.json and translations/en.json, in the
// go-i18n format fyne's lang package reads.
//
//go:embed translations/*.json
var Translations embed.FS
