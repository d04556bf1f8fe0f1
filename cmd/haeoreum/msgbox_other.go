//go:build !windows

package main

// showNativeError: outside Windows the message went to stderr and the
// error log already (there is no toolkit-free message box to call).
func showNativeError(title, text string) {}
