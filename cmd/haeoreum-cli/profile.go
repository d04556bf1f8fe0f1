package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
)

const profileUsage = "profile list [--json] | profile show ID [--json] | profile delete ID"

// cmdProfile handles the saved sheet profiles (what was decided for a
// city's layout, applied when the same layout arrives again):
//
//	profile list [--json]
//	profile show ID [--json]
//	profile delete ID
func cmdProfile(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{profileUsage}
	}
	sub := map[string]command{
		"list":   cmdProfileList,
		"show":   cmdProfileShow,
		"delete": cmdProfileDelete,
	}[args[0]]
	if sub == nil {
		return usageError{"알 수 없는 profile 명령 / unknown profile command: " + args[0] + "\n" + profileUsage}
	}
	return sub(e, args[1:])
}

func cmdProfileList(e *env, args []string) error {
	fs := flags("profile list")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"profile list [--json]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.Profiles(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "저장된 양식 없음 / no saved profiles")
	}
	for _, p := range list {
		fmt.Fprintf(e.stdout, "%d  %s  %s  %s — %s\n", p.ID, field.CityName(p.City), profileUnit(p), p.AsOf, p.File)
	}
	return nil
}

// profileArgs reads "ID [--json]" in either order.
func profileArgs(name string, args []string) (int64, bool, error) {
	fs := flags(name)
	asJSON := fs.Bool("json", false, "")
	var rest []string
	for len(args) > 0 {
		if err := parse(fs, args); err != nil {
			return 0, false, err
		}
		if fs.NArg() == 0 {
			break
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
	if len(rest) != 1 {
		return 0, false, usageError{name + " ID"}
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, false, usageError{name + " ID: 양식 번호 / the profile's number (profile list)"}
	}
	return id, *asJSON, nil
}

func cmdProfileShow(e *env, args []string) error {
	id, asJSON, err := profileArgs("profile show", args)
	if err != nil {
		return err
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	p, err := r.ProfileByID(ctx, id)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(e.stdout, p)
	}
	printProfile(e.stdout, p)
	return nil
}

func printProfile(w io.Writer, p register.Profile) {
	fmt.Fprintf(w, "양식 profile %d: %s (%s)\n", p.ID, field.CityName(p.City), p.Fingerprint)
	fmt.Fprintf(w, "  확인한 자료 confirmed in: %s, 기준 %s (batch %d, %s)\n", p.File, p.AsOf, p.Batch, p.SavedAt)
	fmt.Fprintf(w, "  단위 unit: %s\n", profileUnit(p))
	if p.CityDecided {
		fmt.Fprintln(w, "  도시 city: 지정함 / named by an official")
	}
	if p.HeaderRow > 0 {
		fmt.Fprintf(w, "  머리글 행 header row: %d\n", p.HeaderRow)
	}
	if p.Sheet != "" {
		fmt.Fprintf(w, "  시트 sheet: %s\n", p.Sheet)
	}
	for _, c := range p.Columns {
		fmt.Fprintf(w, "  열 column %d = %s\n", c.Col, c.Means)
	}
	for _, h := range p.Headers {
		fmt.Fprintf(w, "  | %s\n", h)
	}
}

// profileUnit is the unit with how it was known, for a person.
func profileUnit(p register.Profile) string {
	if p.Unit == "" {
		return "열마다 / per column"
	}
	how := map[string]string{register.UnitStated: "시트에 적힘 / stated", register.UnitOfficial: "지정함 / named",
		register.UnitInferred: "등록부와 맞춤 / inferred"}[p.UnitSource]
	if how == "" {
		return p.Unit
	}
	return p.Unit + " (" + how + ")"
}

func cmdProfileDelete(e *env, args []string) error {
	id, _, err := profileArgs("profile delete", args)
	if err != nil {
		return err
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	p, err := r.DeleteProfile(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "양식 삭제 / profile deleted: %d %s (undo: haeoreum-cli undo)\n", p.ID, field.CityName(p.City))
	return nil
}

// printProfileUse says which saved profile an import was read with.
func printProfileUse(w io.Writer, u *reconcile.ProfileUse) {
	if u != nil {
		fmt.Fprintf(w, "  양식 profile %d: %s\n", u.ID, u.Evidence)
	}
}

// sinceLastSheet is a change's third column: what the same city's
// previous sheet said (지난 제출 대비).
func sinceLastSheet(c reconcile.Change, show func(model.FieldKey, string) string) string {
	if c.Previous == nil {
		return ""
	}
	return fmt.Sprintf(" · 지난 제출 last sheet (%s): %s", c.Previous.AsOf, show(c.Field, c.Previous.Value))
}
