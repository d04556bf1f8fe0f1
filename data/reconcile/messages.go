package reconcile

import "github.com/haeoreum/register/data/msg"

var (
	msgRefused = msg.Define("reconcile.refused",
		"%d개의 오류가 있어 가져오지 않았습니다. 등록부는 바뀌지 않았습니다.",
		"not imported: %d errors. The register was not changed.")
	msgOlderSheet = msg.Define("reconcile.older_sheet",
		"'%[1]s'의 %[2]s: 이 자료(기준 %[4]s)보다 새로운 값(기준 %[3]s)이 있어 바꾸지 않았습니다.",
		"'%s' %s: a newer value (as of %s) is kept over this sheet's (as of %s).")
	msgUncertain = msg.Define("reconcile.uncertain",
		"'%s'이(가) 어느 사업인지 확실하지 않습니다(후보: %s). 창에서 확인하거나 사업명을 맞춰 주세요. 이 행은 적용하지 않았습니다.",
		"not sure which project '%s' is (candidates: %s). Confirm it in the window or fix the name. This row was not applied.")
	msgProposed = msg.Define("reconcile.proposed",
		"'%s'은(는) 등록부의 어느 사업과도 맞지 않습니다. 새 사업으로 추가하려면 --add-new를 쓰거나 창에서 승인하세요.",
		"'%s' matches no project in the register. Use --add-new or accept it in the window to add it.")
	msgFieldUnknown = msg.Define("reconcile.field_unknown",
		"분야 '%s'은(는) %d년 분야 체계에 없습니다.",
		"the field '%s' is not in the %d field scheme.")
	msgNotLead = msg.Define("reconcile.no_lead",
		"'%s'의 주관 도시를 알 수 없어 값을 적용하지 않고 기록만 했습니다.",
		"the lead city of '%s' is unknown; its values were recorded but not applied.")
	msgNoCity = msg.Define("reconcile.no_city",
		"어느 도시의 자료인지 알 수 없어 가져오지 않았습니다. 보낸 도시를 지정해 주세요(--city).",
		"not imported: the sending city is unknown. Name it (--city).")
	msgDuplicateRow = msg.Define("reconcile.duplicate_row",
		"'%s'이(가) %d행에도 있습니다. 같은 사업이 두 번 나옵니다.",
		"'%s' appears again in row %d: the same project is listed twice.")
)
