package field

import (
	"fmt"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/value"
)

// RawText is what a sheet's cell held, for showing beside the value the
// register read from it: "" when it adds nothing (the same text). A real
// Excel date cell's raw value is a serial day number such as 46722, which
// no person reads as a date, so a date field's serial is shown as the day it
// stands for ("2027. 12. 1."), in the date system (1900 or Mac 1904) that
// gives the month the register read.
func RawText(k model.FieldKey, val, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || raw == val {
		return ""
	}
	if !isDateField(k) {
		return raw
	}
	for _, mac := range []bool{false, true} {
		d, err := value.DateFromSerial(raw, mac)
		if err != nil {
			return raw // not a serial: text as written, such as "2027. 12."
		}
		if d.YearMonth().String() == val || d.String() == val {
			return fmt.Sprintf("%d. %d. %d.", d.Year, d.Month, d.Day)
		}
	}
	return raw
}

func isDateField(k model.FieldKey) bool {
	return k == model.FStart || k == model.FEnd || k == "as_of"
}
