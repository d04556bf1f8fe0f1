//go:build !windows

package instance

// allowForeground: other systems let a window ask for the front itself.
func allowForeground() {}
