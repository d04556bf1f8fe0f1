package report

import (
	"math/big"

	"github.com/haeoreum/register/data/model"
)

// wonSum adds amounts in won without ever wrapping: a report's totals add up
// every project, and a few large (or wrongly typed) amounts can pass what an
// int64 holds. It stays an int64 while it fits and carries on exactly in a
// big.Int past that.
type wonSum struct {
	n   int64
	big *big.Int // set once the sum has left the int64 range
}

func (s *wonSum) add(won int64) {
	if s.big != nil {
		s.big.Add(s.big, big.NewInt(won))
		return
	}
	r := s.n + won // Go's signed addition wraps; detect it
	// Signed overflow: both operands have the same sign and the result not.
	if (s.n >= 0) == (won >= 0) && (r >= 0) != (s.n >= 0) {
		s.big = new(big.Int).SetInt64(s.n)
		s.big.Add(s.big, big.NewInt(won))
		return
	}
	s.n = r
}

func (s *wonSum) addSum(o wonSum) {
	if o.big == nil {
		s.add(o.n)
		return
	}
	if s.big == nil {
		s.big = new(big.Int).SetInt64(s.n)
	}
	s.big.Add(s.big, o.big)
}

// millions is the sum in 백만원, as near as a float64 says it.
func (s wonSum) millions() float64 {
	if s.big == nil {
		return millions(s.n)
	}
	f := new(big.Float).SetPrec(128).SetInt(s.big)
	f.Quo(f, big.NewFloat(1e6))
	v, _ := f.Float64()
	return v
}

// whole reports whether the sum is whole 백만원 (shown without decimals).
func (s wonSum) whole() bool {
	if s.big == nil {
		return wholeMillions(s.n)
	}
	return new(big.Int).Rem(s.big, big.NewInt(1_000_000)).Sign() == 0
}

// belowMillion is the sum's won below a whole 백만원 (signed as the sum).
func (s wonSum) belowMillion() int64 {
	if s.big == nil {
		return s.n % 1_000_000
	}
	return new(big.Int).Rem(s.big, big.NewInt(1_000_000)).Int64()
}

// budgetSum is a sum of budgets, tier by tier (in model.AllTiers order).
type budgetSum [6]wonSum

func tierIndex(t model.Tier) int {
	for i, x := range model.AllTiers {
		if x == t {
			return i
		}
	}
	return 0
}

func (b *budgetSum) add(o model.Budget) {
	for i, t := range model.AllTiers {
		b[i].add(o.Get(t))
	}
}

func (b *budgetSum) addSum(o budgetSum) {
	for i := range b {
		b[i].addSum(o[i])
	}
}

func (b *budgetSum) get(t model.Tier) wonSum { return b[tierIndex(t)] }
