package field

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

var (
	msgNeedUnit = msg.Define("field.need_unit",
		"금액 '%s'에 단위가 없습니다. 800백만원, 8억원처럼 단위를 붙여 쓰세요.",
		"the amount '%s' has no unit. Write it with one, e.g. 800백만원 or 8억원.")
	msgNeedMonth = msg.Define("field.need_month",
		"'%s'에 월이 없습니다. 2024. 3. 또는 2024-03처럼 연도와 월을 쓰세요.",
		"'%s' has no month. Write the year and the month, e.g. 2024. 3. or 2024-03.")
	msgRequired = msg.Define("field.required", "%s: 비워 둘 수 없습니다.", "%s must not be empty.")
	msgBadCity  = msg.Define("field.bad_city",
		"해오름동맹 도시가 아닙니다: '%s'(포항, 울산, 경주).",
		"'%s' is not a city of the alliance (Pohang, Ulsan, Gyeongju).")
	msgBadKind = msg.Define("field.bad_kind",
		"구분을 알 수 없습니다: '%s'(계속 또는 신규).",
		"the type '%s' is not known (continuing or new).")
)

// Parse reads what a person typed for field k into the register's canonical
// text. unit is the unit a bare number stands for (the window's display
// unit); with unit 0 a bare amount is refused, so "800" never silently means
// 800 won. Errors are *msg.Error in both languages, naming the field.
func Parse(k model.FieldKey, text string, unit value.Unit) (string, error) {
	text = strings.TrimSpace(text)
	if err := CheckText(k, text); err != nil {
		return "", err
	}
	if _, ok := model.TierOf(k); ok {
		won, err := parseAmount(k, text, unit)
		return strconv.FormatInt(won, 10), err
	}
	switch k {
	case model.FName:
		if text == "" {
			return "", msg.Errorf(msg.Where{}, msgRequired, Label(k))
		}
	case model.FStart, model.FEnd:
		return parseMonth(text)
	case model.FProgress:
		return parseProgress(text)
	case model.FLead:
		if text == "" {
			return "", nil
		}
		c, ok := model.ParseCity(text)
		if !ok {
			return "", msg.Errorf(msg.Where{}, msgBadCity, text)
		}
		return string(c), nil
	case model.FCities:
		return parseCities(text)
	case model.FKind:
		if text == "" {
			return "", nil
		}
		kind, ok := model.ParseKind(text)
		if !ok {
			return "", msg.Errorf(msg.Where{}, msgBadKind, text)
		}
		return string(kind), nil
	}
	return text, nil
}

// parseAmount reads an amount in unit; "" is zero. A text without a unit of
// its own reads differently in two units: that is how a bare number is told.
func parseAmount(k model.FieldKey, text string, unit value.Unit) (int64, error) {
	if text == "" {
		return 0, nil
	}
	readIn := unit
	if unit == 0 {
		readIn = value.Won
	}
	a, err := value.ParseBudget(text, readIn, 6)
	if err != nil {
		return 0, err
	}
	if unit == 0 {
		if b, err := value.ParseAmount(text, value.Eok, 6); err == nil && b.Won != a.Won {
			return 0, msg.Errorf(msg.Where{}, msgNeedUnit, text)
		}
	}
	return a.Won, nil
}

func parseMonth(text string) (string, error) {
	if text == "" {
		return "", nil
	}
	m, err := value.ParseMonth(text)
	if err != nil {
		return "", err
	}
	if m.Month == 0 {
		return "", msg.Errorf(msg.Where{}, msgNeedMonth, text)
	}
	return m.String(), nil
}

// parseProgress reads 45, 45.5, "45%", rounded to one decimal as imports are.
func parseProgress(text string) (string, error) {
	if text == "" {
		return "", nil
	}
	f, err := value.ParseProgress(text, false)
	if errors.Is(err, value.ErrEmpty) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return model.FormatProgress(f), nil
}

func parseCities(text string) (string, error) {
	var cities []model.City
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '·' || r == '/' || unicode.IsSpace(r) }) {
		c, ok := model.ParseCity(part)
		if !ok {
			return "", msg.Errorf(msg.Where{}, msgBadCity, part)
		}
		cities = append(cities, c)
	}
	return model.JoinCities(model.SortCities(cities)), nil
}

// CheckText refuses control characters and bidirectional overrides in text
// a person gives, as the importer does for a sheet's cells (value.CheckText:
// line breaks and tabs stay, as multi-line cells need them).
func CheckText(k model.FieldKey, text string) error { return value.CheckText(text) }
