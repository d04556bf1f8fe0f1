package layout

import (
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// Role is what a column means, whatever its header says.
type Role int

const (
	RoleUnknown Role = iota
	RoleSeq          // 연번, 순번: row numbers, ignored
	RoleCode
	RoleField
	RoleName
	RoleKind
	RoleLead
	RoleCities
	RolePeriod
	RoleStart
	RoleEnd
	RoleAmount // with a Tier
	RoleProgress
	RoleStage
	RoleOverview
	RoleActivities
	RoleProblems
	RoleNextSteps
	RoleDepartment
	RoleOfficer
	RolePhone
	RoleContact // department, officer and phone in one cell
	RoleNotes
	RoleAsOf        // a row's own as-of date (our report's 기준일 column)
	RoleAliases     // other names of the project, one per line
	RoleCityContact // one city's officer: "담당(포항)" = "부서 / 담당자 / 전화"
	RoleYear        // an amount for one year ('26까지, 2027년): not kept by the register
	RoleIgnored     // left out by an official's decision
)

var roleNames = map[Role]string{
	RoleUnknown: "unknown", RoleSeq: "seq", RoleCode: "code", RoleField: "field", RoleName: "name",
	RoleKind: "kind", RoleLead: "lead_city", RoleCities: "cities", RolePeriod: "period", RoleStart: "start",
	RoleEnd: "end", RoleAmount: "amount", RoleProgress: "progress_pct", RoleStage: "stage",
	RoleOverview: "overview", RoleActivities: "activities", RoleProblems: "problems",
	RoleNextSteps: "next_steps", RoleDepartment: "department", RoleOfficer: "officer",
	RolePhone: "phone", RoleContact: "contact", RoleNotes: "notes", RoleAsOf: "as_of", RoleAliases: "aliases",
	RoleCityContact: "city_contact", RoleYear: "year_amount", RoleIgnored: "ignored",
}

func (r Role) String() string { return roleNames[r] }

// synonyms: header words by role, compared after headerKey (no spaces, no
// units in brackets). Exact words first; see classify for the few that may
// stand inside a longer header.
var synonyms = map[Role][]string{
	RoleSeq:        {"연번", "순번", "번호", "no", "no.", "순"},
	RoleCode:       {"코드", "사업코드", "과제코드", "관리코드", "관리번호", "code"},
	RoleField:      {"분야", "사업분야", "부문", "분과", "분야명"},
	RoleName:       {"사업명", "세부사업명", "공동협력사업명", "협력사업명", "과제명", "사업", "공동협력사업", "단위사업명"},
	RoleKind:       {"구분", "사업구분", "계속/신규", "신규/계속", "계속신규"},
	RoleLead:       {"주관", "주관도시", "주관기관", "주관시", "주관자치단체"},
	RoleCities:     {"참여", "참여도시", "참여기관", "참여시", "참여자치단체", "협력도시"},
	RolePeriod:     {"사업기간", "기간", "추진기간", "사업기한"},
	RoleStart:      {"시작", "착수", "착수일", "시작일", "사업시작", "착공", "착수연월", "시작연월", "착수시기", "시작시기"},
	RoleEnd:        {"종료", "완료", "준공", "종료일", "완료일", "완료예정", "종료연월", "완료연월", "완료시기", "종료시기", "준공예정"},
	RoleProgress:   {"추진율", "진척도", "진척률", "진행률", "공정률", "추진률", "진도율", "달성률"},
	RoleStage:      {"단계", "추진단계", "진행단계", "사업단계", "추진상태"},
	RoleOverview:   {"사업개요", "개요", "사업내용", "주요내용", "주요사업내용"},
	RoleActivities: {"추진현황", "추진실적", "추진상황", "추진경과", "주요실적", "추진내용", "주요추진실적"},
	RoleProblems:   {"문제점", "애로사항", "건의사항", "문제점및대책", "애로및건의사항"},
	RoleNextSteps:  {"향후계획", "향후일정", "향후추진계획", "추진계획", "향후추진일정"},
	RoleDepartment: {"담당부서", "소관부서", "부서", "담당과", "주관부서", "부서명"},
	RoleOfficer:    {"담당자", "담당관", "성명", "담당자명"},
	RolePhone:      {"연락처", "전화", "전화번호", "연락처(전화)"},
	RoleContact:    {"담당", "담당자(연락처)", "담당부서/담당자", "담당부서(담당자)"},
	RoleNotes:      {"비고", "참고", "기타사항"},
	RoleAsOf:       {"기준일", "기준일자", "자료기준일"},
	RoleAliases:    {"별칭", "다른이름", "이전사업명", "사업명(별칭)"},
}

// tierWords: amount headers by tier. 시비 is left out: its tier depends on
// the city (see tierOf).
var tierWords = map[model.Tier][]string{
	model.Total:    {"계", "합계", "총사업비", "총액", "소계", "사업비계", "총계", "사업비", "총사업비계"},
	model.National: {"국비", "국고", "국비보조"},
	model.Regional: {"도비", "광역비", "광역시비"},
	model.Local:    {"구군비", "구·군비", "군비", "구비", "기초비", "구ㆍ군비"},
	model.Private:  {"민자", "민간", "자부담", "민간자본", "민간투자"},
	model.Other:    {"기타", "기금", "균특", "기타재원", "기타(기금)"},
}

// groupWords head a block of amount columns in a two-row header.
var groupWords = []string{"사업비", "총사업비", "예산", "소요예산", "재원", "재원별", "투자계획", "사업비내역", "재원내역"}

// headerKey strips a header to what identifies it: no spaces or line
// breaks, no unit in brackets ("총사업비(백만원)" → "총사업비"), NFC,
// unified middle dots, lower-case Latin.
func headerKey(s string) string {
	s = strings.TrimSpace(s)
	for {
		open := strings.LastIndexAny(s, "([")
		if open < 0 {
			break
		}
		closeAt := strings.IndexAny(s[open:], ")]")
		inner := s[open:]
		if closeAt >= 0 {
			inner = s[open : open+closeAt+1]
		}
		if _, isUnit := value.FindUnit(inner); isUnit || strings.Contains(inner, "%") || strings.Contains(inner, "단위") {
			s = s[:open] + s[open+len(inner):]
			continue
		}
		break
	}
	return value.NormalizeName(s)
}

var normalizedSynonyms, normalizedTiers, normalizedGroups = func() (map[string]Role, map[string]model.Tier, map[string]bool) {
	roles := map[string]Role{}
	for r, words := range synonyms {
		for _, w := range words {
			roles[value.NormalizeName(w)] = r
		}
	}
	tiers := map[string]model.Tier{}
	for t, words := range tierWords {
		for _, w := range words {
			tiers[value.NormalizeName(w)] = t
		}
	}
	groups := map[string]bool{}
	for _, w := range groupWords {
		groups[value.NormalizeName(w)] = true
	}
	return roles, tiers, groups
}()

const siBi = "시비"

// classify says what a (combined) header means. upper is the group header
// above it in a two-row header ("" if none). metro tells how to read 시비;
// cityKnown false leaves 시비 ambiguous (ok=false, ambiguous=true).
func classify(upper, lower string, metro, cityKnown bool) (role Role, tier model.Tier, ambiguous bool) {
	u, l := headerKey(upper), headerKey(lower)
	key := l
	if key == "" {
		key = u
	}
	inAmountGroup := normalizedGroups[u]
	if isYearHeader(upper, lower) { // before the tiers: "총사업비('26까지)" is no total
		return RoleYear, "", false
	}
	if t, ok := normalizedTiers[key]; ok {
		return RoleAmount, t, false
	}
	if key == siBi || key == "시비(기초)" {
		if !cityKnown {
			return RoleAmount, "", true
		}
		if metro {
			return RoleAmount, model.Regional, false
		}
		return RoleAmount, model.Local, false
	}
	if strings.HasSuffix(key, "비") && inAmountGroup {
		return RoleAmount, model.Other, false
	}
	if r, ok := normalizedSynonyms[key]; ok {
		return r, "", false
	}
	// A few words commonly carry extra words around them.
	switch {
	case strings.Contains(key, "사업명") || strings.HasSuffix(key, "과제명"):
		return RoleName, "", false
	case strings.HasPrefix(key, "총사업비"):
		return RoleAmount, model.Total, false
	case strings.Contains(key, "추진율") || strings.Contains(key, "진척") || strings.Contains(key, "진행률") || strings.Contains(key, "공정률"):
		return RoleProgress, "", false
	case strings.Contains(key, "사업기간") || strings.Contains(key, "추진기간"):
		return RolePeriod, "", false
	case strings.HasPrefix(key, "추진현황") || strings.HasPrefix(key, "추진실적") || strings.HasPrefix(key, "추진상황"):
		return RoleActivities, "", false
	case strings.HasPrefix(key, "향후"):
		return RoleNextSteps, "", false
	}
	return RoleUnknown, "", false
}
