package msg

import "sync"

type texts struct{ ko, en string }

var (
	catalogMu sync.Mutex
	catalog   = map[ID]texts{}
)

// Define adds a message to the catalog and returns its id. Each package
// defines its own messages beside the code that uses them, at init time:
//
//	var errLegacy = msg.Define("sheet.legacy", "…는 예전 Excel 형식입니다", "… is a legacy Excel file")
//
// Formats take fmt verbs; Korean and English must take the same arguments.
func Define(id ID, korean, english string) ID {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	if _, dup := catalog[id]; dup {
		panic("msg: message defined twice: " + string(id))
	}
	catalog[id] = texts{ko: korean, en: english}
	return id
}

// IDs lists every defined message id (for the catalog completeness test).
func IDs() []ID {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	ids := make([]ID, 0, len(catalog))
	for id := range catalog {
		ids = append(ids, id)
	}
	return ids
}

// Pair returns a message's Korean and English formats.
func Pair(id ID) (korean, english string, ok bool) {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	t, ok := catalog[id]
	return t.ko, t.en, ok
}

var (
	SheetLabel = Define("where.sheet", "시트 '%s'", "sheet '%s'")
	CellLabel  = Define("where.cell", "셀 %s", "cell %s")
)
