package reconcile

import (
	"testing"

	"github.com/haeoreum/register/data/model"
)

func TestMatchingNamesAsCitiesWriteThem(t *testing.T) {
	ps := map[int64]*model.Project{
		1: {ID: 1, Code: "HA-I02", Name: "영일만 횡단구간(영일만대교) 건설"},
		2: {ID: 2, Code: "HA-C04", Name: "해오름 그린웨이 조성"},
		3: {ID: 3, Code: "HA-I07", Name: "형산강·태화강 프로젝트"},
		4: {ID: 4, Code: "HA-X02", Name: "해오름 산업단지 2단계 조성"},
		5: {ID: 5, Code: "HA-E01", Name: "해오름동맹 글로벌 수소 메가시티 조성", Aliases: []string{"수소도시 조성"}},
	}
	m := newMatcher(ps)
	sure := map[string]string{
		"영일만대교 건설":            "HA-I02", // the short name in brackets
		"영일만 횡단구간 건설":         "HA-I02", // without the bracket
		"해오름 그린웨이 조성사업":       "HA-C04", // a 사업 suffix
		"형산강ㆍ태화강  프로젝트":       "HA-I07", // another middle dot, doubled space
		"해오름동맹 글로벌 수소메가시티 조성": "HA-E01", // spacing
		"수소도시 조성":             "HA-E01", // a remembered alias
		"ha-x02 ":             "",       // a code is not a name
		"해오름 산업단지 3단계 조성":     "",       // another stage is another project
		"전혀 다른 사업":            "",
	}
	for name, want := range sure {
		p, candidates := m.match("", name)
		got := ""
		if p != nil {
			got = p.Code
		}
		if got != want {
			t.Errorf("%q matched %q, want %q (candidates %d)", name, got, want, len(candidates))
		}
	}
	if p, _ := m.match("ha-x02", "무엇이든"); p == nil || p.Code != "HA-X02" {
		t.Error("codes match case-insensitively")
	}
	if p, candidates := m.match("", "해오름 산업단지 3단계 조성"); p != nil || len(candidates) != 0 {
		t.Errorf("a different stage was offered as a candidate: %v %v", p, candidates)
	}
	if p, candidates := m.match("", "해오름 그린웨이 조성 및 운영 활성화"); p != nil || len(candidates) == 0 {
		t.Errorf("a longer name containing a project's should be asked about, not applied: %v %d", p, len(candidates))
	}
}

// The matching rules hold for names that no fixture has: spacing, middle
// dots, 사업/운영 suffixes and bracketed short forms are forgiven; a
// different number or section is another project.
func TestMatchingNamesTheFixturesDoNotHave(t *testing.T) {
	ps := map[int64]*model.Project{
		1: {ID: 1, Code: "HA-T01", Name: "동해안 해양레저(요트·서핑) 벨트 구축"},
		2: {ID: 2, Code: "HA-T02", Name: "산림치유 둘레길 1구간 조성"},
		3: {ID: 3, Code: "HA-T03", Name: "산림치유 둘레길 2구간 조성"},
		4: {ID: 4, Code: "HA-T04", Name: "광역 스마트 교통정보센터 운영"},
	}
	m := newMatcher(ps)
	want := map[string]string{
		"동해안 해양레저 벨트 구축":       "HA-T01", // without the bracket
		"동해안해양레저(요트ㆍ서핑)벨트 구축":  "HA-T01", // no spaces, another middle dot
		"요트·서핑 벨트 구축":          "HA-T01", // the short form in brackets, as 영일만대교 건설
		"산림치유 둘레길 1구간 조성사업":    "HA-T02", // 사업 suffix
		"산림치유 둘레길 3구간 조성":      "",       // another section is another project
		"광역 스마트 교통정보센터":        "HA-T04", // a 운영 suffix left out
		"광역  스마트 교통정보센터 운영 사업": "HA-T04",
	}
	for name, code := range want {
		p, _ := m.match("", name)
		got := ""
		if p != nil {
			got = p.Code
		}
		if got != code {
			t.Errorf("%q matched %q, want %q", name, got, code)
		}
	}
}
