package value

// MaxBudgetWon is the largest amount one budget cell may hold: 10조 원.
//
// Why this bound: the register keeps amounts as int64 won (at most about
// 9.22×10^18), and the report adds them up — by city and field, and in one
// pass three amounts per project (총사업비, 국비, 민자) — over a register
// of up to 100,000 projects (our largest benchmark). 3 × 100,000 × 10^13 =
// 3×10^18 stays well inside int64, so no total can wrap negative. 10^15
// (1,000조) would not: 100,000 × 10^15 = 10^20. And no joint project of
// three cities comes near 10조: the largest in the alliance's sheets is
// 1조 6,500억, while the whole national budget is some 700조. A cell above
// the bound is a unit or typing mistake, never a real budget.
const MaxBudgetWon int64 = 10_000_000_000_000

// ParseBudget reads a budget cell of a project (총사업비 or one funding
// tier) as ParseAmount does, and refuses what cannot be a budget: a
// negative amount (a project cannot cost less than nothing; △1,200 in a
// sheet is a decrease, a change between two plans, not a budget) and an
// amount above MaxBudgetWon.
func ParseBudget(raw string, unit Unit, formatDecimals int) (Amount, error) {
	a, err := ParseAmount(raw, unit, formatDecimals)
	if err != nil {
		return Amount{}, err
	}
	if err := CheckBudget(a.Won, raw); err != nil {
		return Amount{}, err
	}
	return a, nil
}

// CheckBudget refuses a budget amount in won that no project can have
// (negative, or above MaxBudgetWon); raw is the text shown in the message.
func CheckBudget(won int64, raw string) error {
	switch {
	case won < 0:
		return fail(idBudgetNegative, raw)
	case won > MaxBudgetWon:
		return fail(idBudgetTooLarge, raw)
	}
	return nil
}
