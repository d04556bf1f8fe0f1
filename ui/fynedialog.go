package ui

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// fyneFavourites are the places in the side list of Fyne's file dialog,
// which Fyne 2.7 names with plain English strings, not lang.L
// (dialog/file.go loadFavorites, file_unix.go getPlaces), in the user's
// language. Windows' drive letters need none.
func fyneFavourites() map[string]string {
	return map[string]string{
		"Home":      lang.L("Home"),
		"Computer":  lang.L("Computer"),
		"App Files": lang.L("App Files"),
		"Desktop":   lang.L("Desktop"),
		"Documents": lang.L("Documents"),
		"Downloads": lang.L("Downloads"),
		"Music":     lang.L("Music"),
		"Pictures":  lang.L("Pictures"),
		"Videos":    lang.L("Videos"),
	}
}

// localizeFileDialog relabels the favourites of the Fyne file dialog just
// shown on c (its top overlay). The list sets each row's label whenever
// it shows the row (scrolling, refresh), so relabelling the labels once
// would not last: its UpdateItem is wrapped instead, and every row it
// shows is translated after Fyne has named it. The rest of the dialog's
// text (Open, Cancel, (Parent), New Folder, Show Hidden Files) goes
// through lang and ko.json already.
func localizeFileDialog(c fyne.Canvas) {
	pop, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	list := favouritesList(pop.Content)
	if list == nil {
		// Fyne changed its dialog's layout: the favourites stay in English
		log.Printf("file dialog: no favourites list found to translate")
		return
	}
	names := fyneFavourites()
	update := list.UpdateItem
	list.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		translateLabels(item, names)
	}
	list.Refresh()
}

// favouritesList finds the list on the leading side of the dialog's split
// (favourites | folder view), walking containers by their public fields.
func favouritesList(o fyne.CanvasObject) *widget.List {
	switch o := o.(type) {
	case *container.Split:
		if l, ok := o.Leading.(*widget.List); ok {
			return l
		}
		if l := favouritesList(o.Leading); l != nil {
			return l
		}
		return favouritesList(o.Trailing)
	case *fyne.Container:
		for _, child := range o.Objects {
			if l := favouritesList(child); l != nil {
				return l
			}
		}
	}
	return nil
}

// translateLabels gives the labels in a list row whose text is one of
// names' keys the translated name.
func translateLabels(o fyne.CanvasObject, names map[string]string) {
	switch o := o.(type) {
	case *widget.Label:
		if t, ok := names[o.Text]; ok {
			o.SetText(t)
		}
	case *fyne.Container:
		for _, child := range o.Objects {
			translateLabels(child, names)
		}
	}
}
