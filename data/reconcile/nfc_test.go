package reconcile

import (
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// A name a Mac wrote decomposed (NFD) is the same name: it matches and
// adds no invisible duplicate alias.
func TestDecomposedNameAddsNoAlias(t *testing.T) {
	r := newRegister(t)
	if _, err := ImportFile(ctx, r, filepath.Join(fixtures(t), "master_2026.xlsx"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	nfd := "\u110b\u1175\u110e\u1161\u110c\u1165\u11ab\u110c\u1175 글로벌 메카 조성" // 이차전지 …
	path := cityRows(t, [][]any{{"사업명", "총사업비(백만원)", "추진율(%)"}, {nfd, 240_000, 30}})
	pv, err := ImportFile(ctx, r, path, FileOptions{City: model.Pohang})
	if err != nil {
		t.Fatalf("%v %q", err, pv.Errors)
	}
	if len(pv.Aliases) != 0 || len(pv.Changed) != 1 {
		t.Errorf("aliases %q, changed %+v", pv.Aliases, pv.Changed)
	}
	list, _ := r.List(ctx, register.ListOptions{})
	for _, p := range list {
		if p.Code == "HA-E02" && len(p.Aliases) != 0 {
			t.Errorf("aliases %q", p.Aliases)
		}
	}
}
