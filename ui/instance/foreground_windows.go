//go:build windows

package instance

import "golang.org/x/sys/windows"

var allowSetForegroundWindow = windows.NewLazySystemDLL("user32.dll").NewProc("AllowSetForegroundWindow")

// allowForeground lets the open window come to the front when it is asked
// to: Windows keeps a background process from taking the foreground, but
// the process the user just started (this one) may pass that right on.
func allowForeground() {
	const asfwAny = ^uintptr(0) // ASFW_ANY: any process
	if allowSetForegroundWindow.Find() == nil {
		_, _, _ = allowSetForegroundWindow.Call(asfwAny)
	}
}
