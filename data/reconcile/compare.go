package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/haeoreum/register/data/model"
)

// yearPrecision marks a month known only by its year.
const yearPrecision = 12

// same reports whether two canonical values of field k agree within the
// precision of the coarser one: amounts within the coarser unit step, a
// year-only month by its year, progress to one decimal, city lists as sets.
func same(k model.FieldKey, a, b string, precA, precB int64) bool {
	prec := max(precA, precB, 1)
	if _, ok := model.TierOf(k); ok {
		x, err1 := strconv.ParseInt(a, 10, 64)
		y, err2 := strconv.ParseInt(b, 10, 64)
		if err1 != nil || err2 != nil {
			return a == b
		}
		d := x - y
		if d < 0 {
			d = -d
		}
		return d < prec
	}
	switch k {
	case model.FStart, model.FEnd:
		if a == "" || b == "" {
			return a == b
		}
		if prec >= yearPrecision {
			return len(a) >= 4 && len(b) >= 4 && a[:4] == b[:4]
		}
		return a == b
	case model.FProgress:
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil {
			return a == b
		}
		return x-y < 0.05 && y-x < 0.05
	case model.FCities:
		as, bs := strings.Split(a, ","), strings.Split(b, ",")
		slices.Sort(as)
		slices.Sort(bs)
		return slices.Equal(as, bs)
	}
	return strings.TrimSpace(a) == strings.TrimSpace(b)
}
