package value

import "testing"

func TestNormalizeName(t *testing.T) {
	groups := [][]string{
		{"경제·산업·해양", "경제ㆍ산업ㆍ해양", "경제.산업.해양", "경제・산업・해양", "경제･산업･해양", "경제•산업•해양", "경제‧산업‧해양", "경제 · 산업 · 해양"},
		{"영일만 횡단구간(영일만대교) 건설", "영일만  횡단구간 [영일만대교] 건설", "영일만횡단구간（영일만대교）건설", "영일만 횡단구간{영일만대교}\n건설"},
		{"i-SMR 연계 원자력산업 공동협력", "I-SMR 연계 원자력산업 공동협력", "Ｉ－ＳＭＲ 연계 원자력산업 공동협력"},
		{"도시기반(인프라)", "도시기반\u00a0(인프라)", "\u200b도시기반(인프라)"},
		{"해오름", "\u1112\u1162\u110b\u1169\u1105\u1173\u11b7"}, // NFD jamo as some Mac files carry
	}
	for _, g := range groups {
		want := NormalizeName(g[0])
		for _, s := range g[1:] {
			if got := NormalizeName(s); got != want {
				t.Errorf("NormalizeName(%q) = %q, want %q (as %q)", s, got, want, g[0])
			}
		}
	}
	if NormalizeName("문화·관광") == NormalizeName("문화관광") {
		t.Error("a middle dot must not vanish")
	}
	if got := NormalizeName(" 경제ㆍ산업 [Ⅰ]"); got != "경제·산업(ⅰ)" && got != "경제·산업(Ⅰ)" {
		t.Errorf("got %q", got)
	}
}

func TestStripListMarker(t *testing.T) {
	for in, want := range map[string]string{
		"① 해안 산책로 잇기": "해안 산책로 잇기", "1. 해안 산책로": "해안 산책로", "(1) 해안": "해안", "가. 해안": "해안",
		"(가) 해안": "해안", "Ⅱ. 해안": "해안", "○ 해안": "해안", "1단계 조성": "1단계 조성", "2026 해오름 축제": "2026 해오름 축제",
		"가나다 사업": "가나다 사업",
	} {
		if got := StripListMarker(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
