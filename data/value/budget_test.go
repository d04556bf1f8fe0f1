package value

import (
	"errors"
	"strings"
	"testing"

	"github.com/haeoreum/register/data/msg"
)

func TestParseBudgetRefusesNegative(t *testing.T) {
	for _, raw := range []string{"△1,200", "▲1,200", "-1200", "(1,200)", "−5", "△800억"} {
		_, err := ParseBudget(raw, Cheon, 0)
		if !errors.Is(err, &msg.Error{ID: idBudgetNegative}) || !strings.Contains(err.Error(), strings.TrimSpace(raw)) {
			t.Errorf("ParseBudget(%q): %v, want a negative-budget error naming the text", raw, err)
		}
	}
}

func TestParseBudgetBound(t *testing.T) {
	for _, raw := range []string{"10조 1원", "10000000000001", "9223372036854775807", "10,000,001"} {
		unit := Won
		if raw == "10,000,001" {
			unit = Baekman // 10조 1백만원
		}
		_, err := ParseBudget(raw, unit, 0)
		if !errors.Is(err, &msg.Error{ID: idBudgetTooLarge}) {
			t.Errorf("ParseBudget(%q): %v, want too large", raw, err)
		}
	}
	for _, raw := range []string{"10조", "10,000,000", "1조 6,500억", "0", "-", "△0"} {
		if _, err := ParseBudget(raw, Baekman, 0); err != nil && raw != "10,000,000" {
			t.Errorf("ParseBudget(%q): %v", raw, err)
		}
	}
	if a, err := ParseBudget("10,000,000", Baekman, 0); err != nil || a.Won != MaxBudgetWon {
		t.Errorf("the bound itself: %+v %v", a, err)
	}
	// The bound's promise: three amounts per project over 100,000 projects
	// cannot wrap an int64 total.
	const projects, perProject = 100_000, 3
	var total int64
	for range projects * perProject {
		total += MaxBudgetWon
	}
	if total <= 0 {
		t.Fatalf("total wrapped: %d", total)
	}
}

func TestParseBudgetKeepsOtherErrors(t *testing.T) {
	if _, err := ParseBudget("", Won, 0); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := ParseBudget("약 80억", Won, 0); !errors.Is(err, &msg.Error{ID: idAmount}) {
		t.Errorf("vague: %v", err)
	}
}
