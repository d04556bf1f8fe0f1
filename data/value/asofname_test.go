package value

import "testing"

func TestDateInName(t *testing.T) {
	cases := []struct {
		name  string
		want  string
		month bool
	}{
		{"'26.11.30.기준", "2026-11-30", false},
		{"현황(2026. 11. 30. 기준)", "2026-11-30", false},
		{"status_2026-11.csv", "2026-11-30", true},
		{"gyeongju_2026-10.xlsx", "2026-10-31", true},
		{"2026년 2월 현황", "2026-02-28", true},
		{"report-20261130.xlsx", "2026-11-30", false},
		{"'24.2", "2024-02-29", true},
		{"master_2026.xlsx", "", false},
		{"Sheet1", "", false},
		{"2026-13", "", false},
		{"v2.3.1", "", false},
		{"11월", "", false}, // a month without its year says too little
	}
	for _, c := range cases {
		d, month, ok := DateInName(c.name)
		if d.String() != c.want || ok != (c.want != "") || month != c.month {
			t.Errorf("%q: %q month=%v ok=%v, want %q month=%v", c.name, d, month, ok, c.want, c.month)
		}
	}
}
