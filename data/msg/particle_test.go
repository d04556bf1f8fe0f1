package msg

import (
	"strings"
	"testing"
)

// Each particle follows the sound the word before it ends in, also behind
// quotes and brackets, after numbers read in Sino-Korean and after letters
// read by their names.
func TestParticlesFollowTheFinalSound(t *testing.T) {
	for in, want := range map[string]string{
		"파일을(를) 열 수 없습니다":            "파일을 열 수 없습니다",
		"시트을(를) 고르세요":                "시트를 고르세요",
		"'2026-13-01'은(는) 날짜가 아닙니다":  "'2026-13-01'은 날짜가 아닙니다",
		"'2026-10-32'은(는) 날짜가 아닙니다":  "'2026-10-32'는 날짜가 아닙니다",
		"사업비 '△1,200'이(가) 0보다 작습니다":  "사업비 '△1,200'이 0보다 작습니다",
		"추진율 '45'이(가) 넘습니다":          "추진율 '45'가 넘습니다",
		"\"2026 상반기\"을(를) 읽을 수 없습니다": "\"2026 상반기\"를 읽을 수 없습니다",
		"서울(으)로 보냅니다":                "서울로 보냅니다",
		"부산(으)로 보냅니다":                "부산으로 보냅니다",
		"포항(으)로, 경주(으)로":             "포항으로, 경주로",
		"master.xlsx을(를) 덮어쓰지 않습니다":  "master.xlsx를 덮어쓰지 않습니다",
		"report.html을(를) 열었습니다":      "report.html을 열었습니다",
		"HA-E01 사업명과(와) 코드":          "HA-E01 사업명과 코드",
		"80%이(가) 넘습니다":               "80%가 넘습니다",
		"1,000이(가) 아닙니다":             "1,000이 아닙니다",
		"총사업비(백만원)이(가) 비었습니다":        "총사업비(백만원)이 비었습니다",
		"★을(를)":          "★을(를)", // cannot be told: both forms stay
		"괄호 (설명) 안은 그대로": "괄호 (설명) 안은 그대로",
	} {
		if got := Particles(in); got != want {
			t.Errorf("Particles(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParticleHelpers(t *testing.T) {
	got := strings.Join([]string{Eul("사업"), Eul("시트"), I("기간"), I("사업비"), Eun("울산"), Eun("경주"),
		Gwa("포항"), Gwa("경주"), Euro("서울"), Euro("포항"), Euro("경주"), Eul("7"), I("2")}, " ")
	if want := "을 를 이 가 은 는 과 와 로 으로 로 을 가"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

var particleMsg = Define("test.particle", "'%s'을(를) 읽을 수 없습니다", "cannot read '%s'")

// A message renders with the particle its argument takes.
func TestMessagesChooseTheirParticles(t *testing.T) {
	defer SetLanguage(Korean)
	SetLanguage(Korean)
	if got := Text(particleMsg, "착수일"); got != "'착수일'을 읽을 수 없습니다" {
		t.Errorf("got %q", got)
	}
	if got := Text(particleMsg, "사업개요"); got != "'사업개요'를 읽을 수 없습니다" {
		t.Errorf("got %q", got)
	}
}
