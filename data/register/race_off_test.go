//go:build !race

package register

// raceBuild is true when the tests run under the race detector.
const raceBuild = false
