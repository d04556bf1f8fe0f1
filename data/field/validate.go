package field

import (
	"slices"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/value"
)

var (
	msgPeriodOrder = msg.Define("field.period_order",
		"사업기간의 착수(%s)가 완료(%s)보다 늦습니다.",
		"the period starts (%s) after it ends (%s).")
	msgLeadNotIn = msg.Define("field.lead_not_in_cities",
		"주관 도시(%s)가 참여 도시(%s)에 없습니다.",
		"the lead city %s is not among the participating cities (%s).")
	msgTiers = msg.Define("field.tiers_sum",
		"재원별 금액의 합(%s)이 총사업비(%s)와 다릅니다.",
		"the funding tiers add up to %s, but the total is %s.")
)

// Validate checks the invariants of a whole project. errs must be put right
// before the project is stored (the register refuses it otherwise); warns
// are shown but do not stop a save. u is the unit amounts are shown in.
func Validate(p *model.Project, u value.Unit) (errs, warns []error) {
	if s, e := p.Start, p.EndMonth(); s != "" && e != "" && s > e {
		errs = append(errs, msg.Errorf(msg.Where{}, msgPeriodOrder, s, e))
	}
	if p.LeadCity != "" && len(p.Cities) > 0 && !slices.Contains(p.Cities, p.LeadCity) {
		errs = append(errs, msg.Errorf(msg.Where{}, msgLeadNotIn, CityName(p.LeadCity), Display(model.FCities, model.JoinCities(p.Cities), u)))
	}
	for _, t := range model.AllTiers {
		if err := value.CheckBudget(p.Budget.Get(t), Amount(p.Budget.Get(t), value.Won)); err != nil {
			errs = append(errs, err)
		}
	}
	if err := CheckTiers(p.Budget, 1, u); err != nil {
		warns = append(warns, err)
	}
	return errs, warns
}

// CheckTiers says when the total differs from the sum of the funding tiers
// by more than the values' precision allows (precision: the won one step of
// the coarsest written digit stands for; 1 for typed values). No total and
// no tiers is not a mismatch, nor is a total given without any tier.
func CheckTiers(b model.Budget, precision int64, u value.Unit) error {
	sum := b.SumOfParts()
	if sum == 0 {
		return nil
	}
	diff := b.Total - sum
	if diff < 0 {
		diff = -diff
	}
	parts := int64(0)
	for _, t := range model.Parts {
		if b.Get(t) != 0 {
			parts++
		}
	}
	// each rounded tier may be off by up to one step, and the total too
	if diff < max(precision, 1)*max(parts, 1) {
		return nil
	}
	return msg.Errorf(msg.Where{}, msgTiers, Amount(sum, u), Amount(b.Total, u))
}
