//go:build windows

package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32      = windows.NewLazySystemDLL("user32.dll")
	pMessageBox = user32.NewProc("MessageBoxW")
)

const (
	mbOK        = 0x00000000
	mbIconError = 0x00000010
	mbTopmost   = 0x00040000
)

// showNativeError shows a Windows message box, which needs no OpenGL.
func showNativeError(title, text string) {
	if pMessageBox.Find() != nil {
		return
	}
	t, err1 := windows.UTF16PtrFromString(title)
	m, err2 := windows.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	pMessageBox.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), mbOK|mbIconError|mbTopmost)
}
