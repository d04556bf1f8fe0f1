package field

import (
	"strings"
	"testing"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

var total = model.BudgetKey(model.Total)

func TestParseTypedValues(t *testing.T) {
	cases := []struct {
		k    model.FieldKey
		in   string
		unit value.Unit
		want string
		err  msg.ID // "" for no error
	}{
		{total, "800", value.Baekman, "800000000", ""},
		{total, "800", 0, "", msgNeedUnit},
		{total, "800백만원", 0, "800000000", ""},
		{total, "8억", 0, "800000000", ""},
		{total, "8억", value.Cheon, "800000000", ""},
		{total, "1,200", value.Cheon, "1200000", ""},
		{total, "0", 0, "0", ""},
		{total, "-", 0, "0", ""},
		{total, "", 0, "0", ""},
		{total, "△1,200", value.Baekman, "", "value.budget.negative"},
		{total, "20조", 0, "", "value.budget.too_large"},
		{model.FProgress, "45.55", 0, "45.6", ""},
		{model.FProgress, "45%", 0, "45", ""},
		{model.FProgress, "", 0, "", ""},
		{model.FProgress, "101", 0, "", "value.progress.range"},
		{model.FStart, "2024. 3.", 0, "2024-03", ""},
		{model.FEnd, "2028-12", 0, "2028-12", ""},
		{model.FEnd, "", 0, "", ""},
		{model.FStart, "2024", 0, "", msgNeedMonth},
		{model.FLead, "울산광역시", 0, "ulsan", ""},
		{model.FLead, "부산", 0, "", msgBadCity},
		{model.FCities, "경주, 포항", 0, "pohang,gyeongju", ""},
		{model.FKind, "신규", 0, "new", ""},
		{model.FName, "  ", 0, "", msgRequired},
		{model.FName, "a\x1b[2Jb", 0, "", "value.hidden_char"},
		{model.FNotes, "두 줄\n비고", 0, "두 줄\n비고", ""},
		{model.FNotes, "\u202egnp.exe", 0, "", "value.hidden_char"},
	}
	for _, c := range cases {
		got, err := Parse(c.k, c.in, c.unit)
		if c.err == "" {
			if err != nil || got != c.want {
				t.Errorf("Parse(%s, %q, %v) = %q, %v; want %q", c.k, c.in, c.unit, got, err, c.want)
			}
			continue
		}
		me, ok := err.(*msg.Error)
		if !ok || me.ID != c.err {
			t.Errorf("Parse(%s, %q, %v): error %v, want %s", c.k, c.in, c.unit, err, c.err)
		}
	}
}

// Every refusal reads in both languages, and the Korean one has neither an
// internal field key nor the placeholder particle 을(를).
func TestParseRefusalsInBothLanguages(t *testing.T) {
	defer msg.SetLanguage(msg.Korean)
	for _, in := range []struct {
		k    model.FieldKey
		text string
	}{{total, "800"}, {total, "-5억"}, {model.FProgress, "45%%"}, {model.FStart, "2024"}, {model.FLead, "부산"}} {
		_, err := Parse(in.k, in.text, 0)
		if err == nil {
			t.Fatalf("%s %q: no error", in.k, in.text)
		}
		msg.SetLanguage(msg.Korean)
		ko := err.Error()
		msg.SetLanguage(msg.English)
		en := err.Error()
		if ko == en || strings.Contains(ko, string(in.k)) || strings.Contains(ko, "budget_won") {
			t.Errorf("%s %q: ko %q en %q", in.k, in.text, ko, en)
		}
	}
}

func TestValidateProject(t *testing.T) {
	end := "2024-01"
	p := &model.Project{Name: "x", Start: "2025-03", End: &end, LeadCity: model.Ulsan, Cities: []model.City{model.Pohang}}
	p.Budget = model.Budget{Total: 100, National: 50, Local: 40}
	errs, warns := Validate(p, value.Won)
	if len(errs) != 2 || len(warns) != 1 {
		t.Fatalf("errs %v warns %v", errs, warns)
	}
	p.End, p.Cities, p.Budget.Local = nil, []model.City{model.Pohang, model.Ulsan}, 50
	if errs, warns := Validate(p, value.Won); len(errs)+len(warns) != 0 {
		t.Fatalf("a sound project: errs %v warns %v", errs, warns)
	}
}

func TestCheckTiersWithinPrecision(t *testing.T) {
	// tiers in 억원 rounded: 1.23억 + 0.77억 against a total of 2.01억
	b := model.Budget{Total: 201_000_000, National: 123_000_000, Local: 77_000_000}
	if err := CheckTiers(b, 1_000_000, value.Baekman); err != nil {
		t.Fatalf("inside the precision: %v", err)
	}
	if err := CheckTiers(b, 1, value.Baekman); err == nil {
		t.Fatal("typed exactly, a 1백만원 gap is a mismatch")
	}
}

func TestEveryFieldHasALabel(t *testing.T) {
	for _, k := range model.Fields {
		if Label(k) == string(k) {
			t.Errorf("%s has no label", k)
		}
	}
}

// A date cell's raw serial is shown as the day it stands for, never as the
// serial; other raw text is shown as written, and nothing when it is the value.
func TestRawTextShowsADateCellAsADate(t *testing.T) {
	for _, c := range []struct {
		k             model.FieldKey
		val, raw, out string
	}{
		{model.FEnd, "2027-12", "46722", "2027. 12. 1."},
		{model.FStart, "2023-01", "44927", "2023. 1. 1."},
		{model.FStart, "2027-12", "45260", "2027. 12. 1."}, // a Mac workbook's 1904 system
		{model.FEnd, "2027-12", "2027. 12.", "2027. 12."},
		{model.FEnd, "2027-12", "2027-12", ""},
		{model.BudgetKey(model.Total), "1200000000000", "12000", "12000"},
		{model.FProgress, "45.5", "0.455", "0.455"},
		{model.FEnd, "2026-01", "46722", "46722"}, // a serial of another month is not hidden
	} {
		if got := RawText(c.k, c.val, c.raw); got != c.out {
			t.Errorf("RawText(%s, %q, %q) = %q, want %q", c.k, c.val, c.raw, got, c.out)
		}
	}
}

// The history's bookkeeping values read as words, not as 0 and 1.
func TestDisplayOfTheDeletedFlag(t *testing.T) {
	defer msg.SetLanguage(msg.Korean)
	msg.SetLanguage(msg.Korean)
	if got := Display("deleted", "1", 0) + "/" + Display("deleted", "0", 0); got != "삭제됨/목록에 있음" {
		t.Errorf("deleted flag shown as %q", got)
	}
}
