package value

import (
	"strconv"
	"strings"
)

// ParseProgress reads a progress (추진율) cell as a percentage rounded to
// one decimal: "45.5", "45", "45%", "45.5 %"; with percentFormat (the cell
// shows its value ×100 with a % sign) the raw 0.455 is 45.5. Values outside
// 0–100 are errors; "" and "-" (nothing reported) return ErrEmpty.
func ParseProgress(raw string, percentFormat bool) (float64, error) {
	s := clean(raw)
	if s == "" || isDash(s) {
		return 0, empty()
	}
	body, percent := strings.CutSuffix(s, "%")
	body = strings.TrimSpace(body)
	negative := strings.HasPrefix(body, "-") || strings.HasPrefix(body, "−")
	body = strings.TrimLeft(body, "-−")
	num, rest, ok := scanNumber(body, false)
	if !ok || rest != "" {
		return 0, fail(idProgress, raw)
	}
	if negative && num.mant.Sign() != 0 {
		return 0, fail(idProgressRange, raw)
	}
	num = num.denoise()
	if !percent && percentFormat {
		num.scale -= 2 // the raw value is a fraction of one
	}
	tenths := num.times(10) // exact, then rounded half away from zero
	if !tenths.IsInt64() || tenths.Int64() > 1000 {
		return 0, fail(idProgressRange, raw)
	}
	// Via text so 45.5 is the float64 nearest to 45.5, as a reader expects.
	return strconv.ParseFloat(strconv.FormatInt(tenths.Int64()/10, 10)+"."+strconv.FormatInt(tenths.Int64()%10, 10), 64)
}
