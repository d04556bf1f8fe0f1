package reconcile

import (
	"runtime"
	"sync"
	"weak"

	"github.com/haeoreum/register/data/layout"
)

// readings carry a table's reading from Understand to Apply. The window and
// the CLI hand the very *layout.Table Understand returned to Apply (once to
// preview, once to apply), and the table is layout's type, which knows
// nothing of profiles; so the reading rides beside it, keyed weakly: a
// table that is never applied (a preview given up) is collected, and its
// entry with it. A field on layout.Table would do the same job.
var readings = struct {
	sync.Mutex
	m map[weak.Pointer[layout.Table]]*reading
}{m: map[weak.Pointer[layout.Table]]*reading{}}

func remember(t *layout.Table, r *reading) {
	k := weak.Make(t)
	readings.Lock()
	_, known := readings.m[k]
	readings.m[k] = r
	readings.Unlock()
	if !known {
		runtime.AddCleanup(t, forget, k)
	}
}

func forget(k weak.Pointer[layout.Table]) {
	readings.Lock()
	delete(readings.m, k)
	readings.Unlock()
}

// readingOf returns what Understand learnt of t; nil for a table read
// another way (ReadFile), which then teaches no profile.
func readingOf(t *layout.Table) *reading {
	readings.Lock()
	defer readings.Unlock()
	return readings.m[weak.Make(t)]
}
