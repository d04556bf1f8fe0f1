package round

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
)

var msgTestRefusal = msg.Define("round.test_refusal", "셀 값을 읽을 수 없습니다: %q", "the cell cannot be read: %q")

// A refused sheet shows as refused, with why in both languages, until the
// city's next sheet is imported; with no open round nothing is noted; the
// city comes from the official, else the round mark inside the file, else
// the file's name.
func TestRefusedSheetsInStatus(t *testing.T) {
	reg := newRegister(t)
	if noted, err := NoteRefused(ctx, reg, "pohang.xlsx", model.Pohang, errors.New("x")); noted || err != nil {
		t.Fatalf("with no round open a refusal was noted: %v %v", noted, err)
	}
	if _, err := reconcile.ImportFile(ctx, reg, fixture("master_2026.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	rd, err := reg.CreateRound(ctx, register.Round{Name: "2026 하반기", AsOf: "2026-10-31"})
	if err != nil {
		t.Fatal(err)
	}
	// Gyeongju's template for the round, under a name that says Pohang.
	marked := filepath.Join(t.TempDir(), "pohang_회신.xlsx")
	if _, err := report.ExportCityTemplate(ctx, reg, model.Gyeongju, marked, report.TemplateRequest{AsOf: rd.AsOf, Round: rd.Name}); err != nil {
		t.Fatal(err)
	}
	if m, ok := ReadMark(marked); !ok || m != (Mark{City: model.Gyeongju, Round: rd.Name, AsOf: rd.AsOf}) {
		t.Fatalf("the template's mark: %+v %v", m, ok)
	}
	cause := msg.Errorf(msg.Where{File: "pohang_회신.xlsx", Sheet: "추진현황", Cell: "J7"}, msgTestRefusal, "약 80억")
	for _, n := range []struct {
		path string
		city model.City
	}{{marked, ""}, {"/nowhere/울산_현황.csv", ""}, {"/nowhere/현황.xlsx", ""}, {"/nowhere/현황2.xlsx", model.Pohang}} {
		if noted, err := NoteRefused(ctx, reg, n.path, n.city, cause); !noted || err != nil {
			t.Fatalf("%s: not noted: %v", n.path, err)
		}
	}
	st, err := StatusOf(ctx, reg, "")
	if err != nil {
		t.Fatal(err)
	}
	g := st.Cities[model.Gyeongju].Refused
	if g == nil || g.File != "pohang_회신.xlsx" || g.SHA256 == "" ||
		g.WhyKo != `시트 '추진현황', 셀 J7: 셀 값을 읽을 수 없습니다: "약 80억"` || g.WhyEn != `sheet '추진현황', cell J7: the cell cannot be read: "약 80억"` {
		t.Fatalf("Gyeongju's refusal (from the mark, not the name): %+v", g)
	}
	if u := st.Cities[model.Ulsan].Refused; u == nil || u.File != "울산_현황.csv" {
		t.Errorf("Ulsan's refusal (from the name): %+v", u)
	}
	if p := st.Cities[model.Pohang].Refused; p == nil || p.File != "현황2.xlsx" {
		t.Errorf("Pohang's refusal (named by the official): %+v", p)
	}
	if len(st.Unattributed) != 1 || st.Unattributed[0].File != "현황.xlsx" {
		t.Errorf("unattributed: %+v", st.Unattributed)
	}
	// Ulsan's own sheet comes in: its refusal is behind it.
	if _, err := reconcile.ImportFile(ctx, reg, fixture("ulsan_2026-10.xlsx"), reconcile.FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if st, err = StatusOf(ctx, reg, ""); err != nil {
		t.Fatal(err)
	}
	if st.Cities[model.Ulsan].Refused != nil || st.Cities[model.Ulsan].Received == nil || st.Cities[model.Gyeongju].Refused == nil {
		t.Errorf("after Ulsan's sheet: ulsan %+v, gyeongju %+v", st.Cities[model.Ulsan], st.Cities[model.Gyeongju])
	}
	rr, err := ReportOf(ctx, reg, "")
	if err != nil {
		t.Fatal(err)
	}
	if rr.Cities[2].City != model.Gyeongju || rr.Cities[2].Refused != "pohang_회신.xlsx" || rr.Cities[2].RefusedWhy != g.WhyKo {
		t.Errorf("the report's status line: %+v", rr.Cities[2])
	}
}
