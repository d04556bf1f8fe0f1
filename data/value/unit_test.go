package value

import "testing"

func TestFindUnit(t *testing.T) {
	tests := []struct {
		text string
		want Unit
		ok   bool
	}{
		{"총사업비(백만원)", Baekman, true},
		{"(단위: 천원)", Cheon, true},
		{"(단위 : 백만원)", Baekman, true},
		{"기준일: 2026-10-31   단위: 천원", Cheon, true},
		{"단위:억원", Eok, true},
		{"[단위：억원]", Eok, true}, // full-width colon
		{"금액(원)", Won, true},
		{"사업비（천원）", Cheon, true},
		{"사업비(억)", Eok, true},
		{"단위: 억", Eok, true},
		{"사업비 억원", Eok, true},
		{"(단위: 만원)", Man, true},
		{"(조원)", Jo, true},
		{"지원사업 현황", 0, false},
		{"원자력 산업 지원", 0, false},
		{"원전 해체", 0, false},
		{"국비 지원액", 0, false},
		{"사업명", 0, false},
		{"(기준: 2026. 10. 31.)", 0, false},
		{"천년 고도 경주", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := FindUnit(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FindUnit(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUnitString(t *testing.T) {
	for u, want := range map[Unit]string{Won: "원", Cheon: "천원", Man: "만원", Baekman: "백만원", Eok: "억원", Jo: "조원", 7: "7원"} {
		if got := u.String(); got != want {
			t.Errorf("Unit(%d).String() = %q, want %q", u, got, want)
		}
	}
}
