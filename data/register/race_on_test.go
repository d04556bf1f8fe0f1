//go:build race

package register

// raceBuild is true when the tests run under the race detector, which
// slows SQLite (pure Go) down several times; the long tests do less then.
const raceBuild = true
