//go:build windows

package ui

import (
	"unicode/utf16"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// The Imm32 API, loaded lazily: a PC without it (never in practice) just
// keeps Fyne's behaviour.
var (
	imm32                    = windows.NewLazySystemDLL("imm32.dll")
	pImmGetContext           = imm32.NewProc("ImmGetContext")
	pImmReleaseContext       = imm32.NewProc("ImmReleaseContext")
	pImmSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	pImmGetCompositionString = imm32.NewProc("ImmGetCompositionStringW")
	pImmNotifyIME            = imm32.NewProc("ImmNotifyIME")
)

const (
	cfsPoint         = 0x0002
	cfsForcePosition = 0x0020
	niCompositionStr = 0x0015
	cpsComplete      = 0x0001
	cpsCancel        = 0x0004
	gcsCompStr       = 0x0008
)

type point struct{ X, Y int32 }
type rect struct{ Left, Top, Right, Bottom int32 }

// compositionForm is Win32's COMPOSITIONFORM.
type compositionForm struct {
	Style      uint32
	CurrentPos point
	Area       rect
}

// hwnd returns the native window handle of win (0 if none yet). Fyne calls
// widgets' focus and key methods on the thread that owns the window, which
// is where Imm32 must be called.
func hwnd(win fyne.Window) uintptr {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			h = c.HWND
		}
	})
	return h
}

func withContext(win fyne.Window, f func(himc uintptr, h uintptr)) {
	if imm32.Load() != nil || win == nil {
		return
	}
	h := hwnd(win)
	if h == 0 {
		return
	}
	himc, _, _ := pImmGetContext.Call(h)
	if himc == 0 {
		return
	}
	defer pImmReleaseContext.Call(h, himc)
	f(himc, h)
}

// imePlace moves the composition window to pos (canvas coordinates).
func imePlace(win fyne.Window, pos fyne.Position) {
	withContext(win, func(himc, _ uintptr) {
		scale := win.Canvas().Scale()
		cf := compositionForm{Style: cfsForcePosition | cfsPoint,
			CurrentPos: point{X: int32(pos.X * scale), Y: int32(pos.Y * scale)}}
		pImmSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&cf)))
	})
}

// imeFinish ends the composition when focus leaves an entry and returns the
// syllable that was being composed, for the entry to keep. Completing it
// through the IME (CPS_COMPLETE) would deliver it as a WM_CHAR after the
// focus has moved, into the next field; so the text is read, the IME's
// composition cancelled and the text given back to the entry being left.
// If it cannot be read, the composition is completed the usual way.
func imeFinish(win fyne.Window) []rune {
	var out []rune
	withContext(win, func(himc, _ uintptr) {
		n, _, _ := pImmGetCompositionString.Call(himc, gcsCompStr, 0, 0)
		if int32(n) <= 0 {
			return
		}
		buf := make([]uint16, n/2+1)
		got, _, _ := pImmGetCompositionString.Call(himc, gcsCompStr, uintptr(unsafe.Pointer(&buf[0])), n)
		if int32(got) <= 0 {
			pImmNotifyIME.Call(himc, niCompositionStr, cpsComplete, 0)
			return
		}
		out = utf16.Decode(buf[:got/2])
		pImmNotifyIME.Call(himc, niCompositionStr, cpsCancel, 0)
	})
	return out
}
