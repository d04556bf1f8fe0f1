package query

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/haeoreum/register/data/model"
)

func ptr[T any](v T) *T { return &v }

func sample() []*model.Project {
	return []*model.Project{
		{Code: "HA-E01", Name: "영일만 횡단구간(영일만대교) 건설", Aliases: []string{"영일만대교 건설"}, Field: "도시기반(인프라)",
			Kind: model.Continuing, LeadCity: model.Pohang, Cities: []model.City{model.Pohang, model.Ulsan},
			Start: "2024-03", End: ptr("2028-12"), Budget: model.Budget{Total: 300_000_000_000}, Progress: ptr(45.5), Stage: "공사중", OpenIssues: 2},
		{Code: "HA-C02", Name: "해오름 문화·관광 벨트", Aliases: []string{"해오름ㆍ관광벨트 운영"}, Field: "문화·관광",
			Kind: model.New, LeadCity: model.Gyeongju, Cities: []model.City{model.Gyeongju},
			Start: "2025-01", Budget: model.Budget{Total: 5_000_000_000}, Progress: ptr(10.0), Stage: "계획"},
		{Code: "HA-S03", Name: "동해남부권 재난 안전 공동대응", Field: "방재·안전",
			Kind: model.Continuing, LeadCity: model.Ulsan, Cities: []model.City{model.Ulsan, model.Pohang, model.Gyeongju},
			Start: "2023-05", End: ptr("2026-12"), Budget: model.Budget{Total: 12_000_000_000}, Stage: "공사중"},
		{Code: "HA-X04", Name: "삭제된 사업", Field: "문화·관광", Deleted: true, LeadCity: model.Pohang},
	}
}

func codes(ps []*model.Project) string {
	s := ""
	for i, p := range ps {
		if i > 0 {
			s += " "
		}
		s += p.Code
	}
	return s
}

func TestFilter(t *testing.T) {
	set := NewSet(sample())
	cases := []struct {
		f    Filter
		want string
	}{
		{Filter{}, "HA-E01 HA-C02 HA-S03"},
		{Filter{Deleted: true}, "HA-X04"},
		{Filter{Field: "문화·관광"}, "HA-C02"},
		{Filter{City: model.Pohang}, "HA-E01 HA-S03"},
		{Filter{City: model.Gyeongju}, "HA-C02 HA-S03"},
		{Filter{Kind: model.New}, "HA-C02"},
		{Filter{Stage: "공사중"}, "HA-E01 HA-S03"},
		{Filter{HasConflicts: true}, "HA-E01"},
		{Filter{Text: "영일만"}, "HA-E01"},
		{Filter{Text: "영일만대교"}, "HA-E01"},           // spacing does not matter
		{Filter{Text: "횡단 구간"}, "HA-E01"},           // typed with a space
		{Filter{Text: "관광벨트 운영"}, "HA-C02"},         // an alias only
		{Filter{Text: "문화.관광"}, "HA-C02"},           // a full stop for the middle dot
		{Filter{Text: "ha-s"}, "HA-S03"},            // the code, any case
		{Filter{Text: "ㅇㅇㅁ"}, "HA-E01"},             // initial consonants
		{Filter{Text: "ㄱㄷㄷㅇ"}, "HA-S03"},            // 공동대응
		{Filter{Text: "없는말"}, ""},                   // nothing
		{Filter{Text: "공사", City: model.Ulsan}, ""}, // 공사 is a stage, not in names
		{Filter{Text: "안전", City: model.Ulsan, Stage: "공사중"}, "HA-S03"},
	}
	for _, c := range cases {
		if got := codes(set.Filter(c.f)); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.f, got, c.want)
		}
	}
}

func TestSort(t *testing.T) {
	ps := NewSet(sample()).Filter(Filter{})
	cases := []struct {
		c    Column
		desc bool
		want string
	}{
		{ByCode, false, "HA-C02 HA-E01 HA-S03"},
		{ByCode, true, "HA-S03 HA-E01 HA-C02"},
		{ByName, false, "HA-S03 HA-E01 HA-C02"}, // 동 < 영 < 해
		{ByField, false, "HA-E01 HA-C02 HA-S03"},
		{ByLead, false, "HA-E01 HA-S03 HA-C02"}, // pohang, ulsan, gyeongju
		{ByPeriod, false, "HA-S03 HA-E01 HA-C02"},
		{ByTotal, true, "HA-E01 HA-S03 HA-C02"},
		{ByProgress, false, "HA-S03 HA-C02 HA-E01"}, // unknown first
		{ByStage, false, "HA-C02 HA-E01 HA-S03"},
		{ByConflicts, true, "HA-E01 HA-C02 HA-S03"},
	}
	for _, c := range cases {
		Sort(ps, c.c, c.desc)
		if got := codes(ps); got != c.want {
			t.Errorf("sort %d desc=%v: got %q, want %q", c.c, c.desc, got, c.want)
		}
	}
}

func TestInitials(t *testing.T) {
	if got := Initials("영일만대교 A"); got != "ㅇㅇㅁㄷㄱ A" {
		t.Errorf("got %q", got)
	}
	if !isAllInitials("ㅇㅇㅁ") || isAllInitials("ㅇ영") || isAllInitials("a") {
		t.Error("isAllInitials")
	}
}

func TestValues(t *testing.T) {
	got := Values(sample(), func(p *model.Project) string { return p.Stage })
	if fmt.Sprint(got) != "[계획 공사중]" {
		t.Errorf("got %v", got)
	}
}

// many makes n synthetic projects with Korean names and aliases.
func many(n int) []*model.Project {
	rng := rand.New(rand.NewSource(1))
	words := []string{"영일만", "해오름", "관광", "벨트", "산업", "해양", "도로", "건설", "재난", "안전", "문화", "축제", "공동", "대응", "철도", "항만", "수소", "에너지"}
	fields := []string{"경제·산업·해양", "도시기반(인프라)", "문화·관광", "방재·안전", "추진체계 및 제도"}
	stages := []string{"계획", "설계", "공사중", "완료", "운영"}
	ps := make([]*model.Project, n)
	for i := range ps {
		name := ""
		for j := 0; j < 4; j++ {
			name += words[rng.Intn(len(words))] + " "
		}
		p := &model.Project{Code: fmt.Sprintf("HA-%05d", rng.Intn(1_000_000)), Name: name + fmt.Sprint(i),
			Aliases: []string{words[rng.Intn(len(words))] + "·" + words[rng.Intn(len(words))]},
			Field:   fields[rng.Intn(len(fields))], Stage: stages[rng.Intn(len(stages))],
			LeadCity: model.Cities[rng.Intn(3)], Start: fmt.Sprintf("20%02d-%02d", 15+rng.Intn(10), 1+rng.Intn(12)),
			Budget: model.Budget{Total: rng.Int63n(1e12)}, Progress: ptr(float64(rng.Intn(1000)) / 10), OpenIssues: rng.Intn(3) / 2}
		p.Cities = []model.City{p.LeadCity}
		ps[i] = p
	}
	return ps
}

func BenchmarkIndex10k(b *testing.B) {
	ps := many(10_000)
	for b.Loop() {
		NewSet(ps)
	}
}

func BenchmarkFilterText10k(b *testing.B) {
	set := NewSet(many(10_000))
	for b.Loop() {
		set.Filter(Filter{Text: "해오름 관광"})
	}
}

func BenchmarkFilterInitials10k(b *testing.B) {
	set := NewSet(many(10_000))
	for b.Loop() {
		set.Filter(Filter{Text: "ㅎㅇㄹ", Field: "문화·관광", HasConflicts: true})
	}
}

func BenchmarkSortName10k(b *testing.B) {
	ps := many(10_000)
	for b.Loop() {
		Sort(ps, ByName, false)
		Sort(ps, ByName, true)
	}
}

func BenchmarkSortTotal10k(b *testing.B) {
	ps := many(10_000)
	for b.Loop() {
		Sort(ps, ByTotal, true)
		Sort(ps, ByTotal, false)
	}
}
