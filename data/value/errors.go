package value

import (
	"strings"

	"github.com/haeoreum/register/data/msg"
)

// Messages of this package. Each names the offending text so the user can
// find and fix the cell; the caller fills in the place (msg.Error.Where).
var (
	idEmpty          = msg.Define("value.empty", "값이 비어 있습니다", "the value is empty")
	idAmount         = msg.Define("value.amount", "금액 '%s'을(를) 읽을 수 없습니다. 정확한 숫자와 단위만 쓸 수 있습니다(예: 1,200 / △1,200 / 800억 / 1조 3,000억). '약', '이상', '미정' 같은 말은 쓸 수 없습니다", "cannot read the amount '%s': write an exact number with an optional unit (e.g. 1,200 / △1,200 / 800억 / 1조 3,000억); words such as 약 (about), 이상 (or more) or 미정 (undecided) are not allowed")
	idAmountBig      = msg.Define("value.amount.overflow", "금액 '%s'이(가) 너무 커서 저장할 수 없습니다", "the amount '%s' is too large to store")
	idBudgetNegative = msg.Define("value.budget.negative",
		"사업비 '%s'이(가) 0보다 작습니다. 사업비는 사업에 드는 돈이라 음수일 수 없습니다(△·▲·-·괄호는 감액, 즉 증감을 나타냅니다). 증감이 아니라 사업비 자체를 적어 주세요",
		"the budget '%s' is below zero. A budget is what a project costs and cannot be negative (△, ▲, - or brackets mark a decrease, a change between two plans); write the budget itself, not the change")
	idBudgetTooLarge = msg.Define("value.budget.too_large",
		"사업비 '%s'이(가) 한 사업의 사업비로 받을 수 있는 상한 10조 원을 넘습니다. 금액과 단위(원·천원·백만원·억원)를 확인해 주세요",
		"the budget '%s' is above 10조 won (10 trillion), the most one project's budget may be. Check the amount and its unit (원, 천원, 백만원, 억원)")
	idHiddenChar = msg.Define("value.hidden_char",
		"'%s'에 화면에 보이지 않는 제어 문자, 글자 방향 바꿈 문자 또는 깨진 글자(⟨U+…⟩로 표시)가 들어 있습니다. 그 문자를 지우거나 바로 고친 뒤 다시 가져와 주세요",
		"'%s' holds an invisible control character, a text-direction character or a broken character (shown as ⟨U+…⟩). Delete or correct it and import again")
	idDate          = msg.Define("value.date", "날짜 '%s'을(를) 읽을 수 없습니다(예: 2026. 10. 31.)", "cannot read the date '%s' (e.g. 2026. 10. 31.)")
	idDateInvalid   = msg.Define("value.date.invalid", "'%s'은(는) 달력에 없는 날짜입니다", "'%s' is not a calendar date")
	idDateRange     = msg.Define("value.date.range", "날짜 '%s'이(가) 1900년부터 2200년까지의 범위를 벗어납니다", "the date '%s' is outside the years 1900 to 2200")
	idSerial        = msg.Define("value.serial", "'%s'은(는) Excel 날짜 값이 아닙니다", "'%s' is not an Excel date value")
	idMonth         = msg.Define("value.month", "연월 '%s'을(를) 읽을 수 없습니다(예: 2024. 3. / 2024-03 / 2024년 3월 / '24)", "cannot read the month '%s' (e.g. 2024. 3. / 2024-03 / 2024년 3월 / '24)")
	idPeriod        = msg.Define("value.period", "기간 '%s'을(를) 읽을 수 없습니다(예: 2024. 3. ~ 2028. 12. / 2025. 1. ~ 계속 / '24~'28)", "cannot read the period '%s' (e.g. 2024. 3. ~ 2028. 12. / 2025. 1. ~ 계속 / '24~'28)")
	idPeriodOrder   = msg.Define("value.period.order", "기간 '%s'의 시작이 끝보다 늦습니다", "the period '%s' starts after it ends")
	idProgress      = msg.Define("value.progress", "추진율 '%s'을(를) 읽을 수 없습니다(예: 45.5 / 45%%)", "cannot read the progress '%s' (e.g. 45.5 / 45%%)")
	idProgressRange = msg.Define("value.progress.range", "추진율 '%s'이(가) 0~100%% 범위를 벗어납니다", "the progress '%s' is outside 0–100%%")
)

// ErrEmpty is returned (as a fresh *msg.Error with the same id) for an empty
// cell, so callers can tell "nothing written" from "written wrong" with
// errors.Is(err, ErrEmpty).
var ErrEmpty error = &msg.Error{ID: idEmpty}

// fail makes a fresh error for raw; fresh because the caller sets Where on it.
func fail(id msg.ID, raw string) error {
	return msg.Errorf(msg.Where{}, id, shown(raw))
}

func empty() error { return msg.Errorf(msg.Where{}, idEmpty) }

// shown renders raw cell text for a one-line message: wrapped lines joined
// with " / " and very long text cut, so a message stays readable.
func shown(raw string) string {
	s := strings.Join(strings.Fields(raw), " ")
	if lines := strings.FieldsFunc(strings.TrimSpace(raw), func(r rune) bool { return r == '\n' || r == '\r' }); len(lines) > 1 {
		for i := range lines {
			lines[i] = strings.Join(strings.Fields(lines[i]), " ")
		}
		s = strings.Join(lines, " / ")
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
