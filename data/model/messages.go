package model

import "github.com/haeoreum/register/data/msg"

// Messages for canonical values that cannot be stored. They reach a person
// only when another program (or a bug) hands the register a bad value: every
// front end reads what people type through data/field first.
var (
	msgNotWhole     = msg.Define("model.not_whole_won", "금액은 원 단위 정수여야 합니다: '%s'.", "an amount must be a whole number of won: '%s'.")
	msgEmptyName    = msg.Define("model.empty_name", "사업명을 비워 둘 수 없습니다.", "the project name must not be empty.")
	msgBadKindKey   = msg.Define("model.bad_kind", "구분을 알 수 없습니다: '%s'(계속 또는 신규).", "unknown type '%s' (continuing or new).")
	msgBadCityKey   = msg.Define("model.bad_city", "해오름동맹 도시가 아닙니다: '%s'.", "'%s' is not a city of the alliance.")
	msgBadMonth     = msg.Define("model.bad_month", "연월은 YYYY-MM 형식이어야 합니다: '%s'.", "a month must be YYYY-MM: '%s'.")
	msgBadProgress  = msg.Define("model.bad_progress", "추진율은 0~100 사이의 숫자여야 합니다: '%s'.", "progress must be a number from 0 to 100: '%s'.")
	msgUnknownField = msg.Define("model.unknown_field", "알 수 없는 항목입니다: '%s'.", "unknown field '%s'.")
)

func bad(id msg.ID, args ...any) error { return msg.Errorf(msg.Where{}, id, args...) }
