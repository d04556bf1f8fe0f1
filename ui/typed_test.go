package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/haeoreum/register/data/field/fieldtest"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
)

// The project form and the conflict dialog read typed text as
// `haeoreum-cli resolve --value` does: the same table
// (data/field/testdata/typed.tsv), the same stored value or the same
// refusal, in both languages (cmd/haeoreum-cli/typed_test.go holds the CLI
// to it). Amounts are typed in the window's display unit, 백만원.
func TestTypedValuesLikeTheCLI(t *testing.T) {
	for _, l := range []msg.Lang{msg.Korean, msg.English} {
		e := newEnv(t, string(l), true)
		for _, c := range fieldtest.Cases(t) {
			t.Run(string(l)+" form "+string(c.Field)+" "+c.Typed, func(t *testing.T) { typeInForm(t, e, l, c) })
			t.Run(string(l)+" conflict "+string(c.Field)+" "+c.Typed, func(t *testing.T) { typeInConflict(t, e, l, c) })
		}
	}
}

// undoChange takes a stored value back, so the next case starts from the
// sample again (and its conflict is open again).
func undoChange(t *testing.T, e *env, before, after string) {
	t.Helper()
	if before == after {
		return
	}
	if _, err := e.reg.Undo(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	e.u.reload()
	e.u.Wait()
}

func typeInForm(t *testing.T, e *env, l msg.Lang, c fieldtest.Case) {
	u, d := e.u, e.u.detail
	before := e.project(c.Code).Get(c.Field)
	selectCode(t, u, c.Code)
	u.lastMessage, u.lastConfirm = "", nil
	d.entries[c.Field].SetText(c.Typed)
	test.Tap(d.save)
	if c.Refused == "" && u.lastConfirm != nil { // tiers that no longer add up: save anyway
		u.lastConfirm.Confirm()
	}
	u.Wait()
	after := e.project(c.Code).Get(c.Field)
	checkTyped(t, l, c, before, after, u.lastMessage)
	d.populate() // a refused value stays in the form until put right: revert it
	undoChange(t, e, before, after)
}

func typeInConflict(t *testing.T, e *env, l msg.Lang, c fieldtest.Case) {
	u, v := e.u, e.u.conflView
	before := e.project(c.Code).Get(c.Field)
	var found *register.Conflict
	for i, x := range v.items {
		if x.Code == c.Code && x.Field == c.Field {
			v.list.Select(i)
			found = x
		}
	}
	if found == nil {
		t.Fatalf("no conflict on %s %s in the sample", c.Code, c.Field)
	}
	u.lastMessage, u.lastConfirm = "", nil
	v.typed.SetText("")
	test.Type(v.typed, c.Typed)
	v.resolveTyped()
	u.Wait()
	after := e.project(c.Code).Get(c.Field)
	checkTyped(t, l, c, before, after, u.lastMessage)
	undoChange(t, e, before, after)
}

func checkTyped(t *testing.T, l msg.Lang, c fieldtest.Case, before, after, message string) {
	t.Helper()
	if c.Refused == "" {
		if after != c.Stored {
			t.Errorf("stored %q, want %q (message %q)", after, c.Stored, message)
		}
		return
	}
	if after != before || !strings.Contains(message, c.Words(l)) {
		t.Errorf("stored %q (was %q), message %q; want a refusal with %q", after, before, message, c.Words(l))
	}
	if l == msg.Korean && strings.ContainsAny(string(c.Field), "_.") && strings.Contains(message, string(c.Field)) {
		t.Errorf("the Korean message names the internal field %s: %q", c.Field, message)
	}
}
