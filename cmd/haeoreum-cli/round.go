package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/data/round"
)

const roundUsage = "round new --name NAME --as-of YYYY-MM-DD [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B'] | " +
	"round list [--json] | round status [--round NAME] [--json] | round templates [--round NAME] --out DIR [--force] | round chase --city CITY [--round NAME] --out FILE.xlsx [--force] | round close [--round NAME] | round edit [--round NAME] [--as-of D] [--due D] [--plan-year Y] [--groups 'A,B']"

// cmdRound handles meeting rounds (차수):
//
//	round new --name NAME --as-of YYYY-MM-DD [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']
//	round list --json
//	round status [--round NAME] --json
//	round templates [--round NAME] --out DIR [--force]
//	round chase --city CITY [--round NAME] --out FILE.xlsx [--force]
//	round close [--round NAME]
//	round edit [--round NAME] [--as-of YYYY-MM-DD] [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']
func cmdRound(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{roundUsage}
	}
	sub := map[string]command{
		"new":       cmdRoundNew,
		"list":      cmdRoundList,
		"status":    cmdRoundStatus,
		"templates": cmdRoundTemplates,
		"close":     cmdRoundClose,
		"edit":      cmdRoundEdit,
		"chase":     cmdRoundChase,
	}[args[0]]
	if sub == nil {
		return usageError{"알 수 없는 round 명령 / unknown round command: " + args[0] + "\n" + roundUsage}
	}
	return sub(e, args[1:])
}

func cmdRoundNew(e *env, args []string) error {
	fs := flags("round new")
	var rd register.Round
	fs.StringVar(&rd.Name, "name", "", "")
	fs.StringVar(&rd.AsOf, "as-of", "", "")
	fs.StringVar(&rd.Due, "due", "", "")
	fs.IntVar(&rd.PlanYear, "plan-year", 0, "")
	groups := fs.String("groups", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(rd.Name) == "" || rd.AsOf == "" || fs.NArg() != 0 {
		return usageError{"round new: --name NAME --as-of YYYY-MM-DD [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']"}
	}
	if *groups != "" {
		rd.Groups = strings.Split(*groups, ",")
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	rd, err = r.CreateRound(ctx, rd)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "차수 생성 / round opened: %s (기준 %s, %d 시행계획, 작업 %d)\n", rd.Name, rd.AsOf, rd.PlanYear, rd.Batch)
	return nil
}

func cmdRoundList(e *env, args []string) error {
	fs := flags("round list")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"round list [--json]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.Rounds(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "차수가 없습니다 / no rounds yet")
	}
	for _, rd := range list {
		state := "진행 중"
		if rd.Status == register.RoundClosed {
			state = "마감 " + rd.ClosedAt
		}
		fmt.Fprintf(e.stdout, "%s — 기준 %s, 기한 %s, %s\n", rd.Name, rd.AsOf, orDash(rd.Due), state)
	}
	return nil
}

func cmdRoundStatus(e *env, args []string) error {
	fs := flags("round status")
	name := fs.String("round", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"round status [--round NAME] [--json]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	st, err := round.StatusOf(ctx, r, *name)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st.Cities)
	}
	printRoundStatus(e.stdout, st)
	return nil
}

// printRoundStatus is the status in Korean, one block per city.
func printRoundStatus(w io.Writer, st *round.Status) {
	fmt.Fprintf(w, "%s (기준 %s, 기한 %s)\n", st.Round.Name, st.Round.AsOf, orDash(st.Round.Due))
	for _, city := range model.Cities {
		cs := st.Cities[city]
		issued, received := "서식 미발송", "미접수"
		if cs.Issued != nil {
			issued = "서식 발송 " + *cs.Issued
		}
		if cs.Received != nil {
			received = fmt.Sprintf("접수 %s (%s, 작업 %d)", cs.Received.File, cs.Received.At, cs.Batch)
		}
		fmt.Fprintf(w, "%s: %s, %s\n", city.Korean(), issued, received)
		if ref := cs.Refused; ref != nil {
			fmt.Fprintf(w, "  거부됨 %s (%s): %s\n", ref.File, ref.At, ref.WhyKo)
		}
		fmt.Fprintf(w, "  누락 사업 %d건%s\n", len(cs.MissingProjects), listed(cs.MissingProjects))
		fmt.Fprintf(w, "  빈 항목 %d건%s\n", len(cs.EmptyFields), listed(cellTexts(cs.EmptyFields)))
		fmt.Fprintf(w, "  지난 차수 이후 미갱신 %d건%s\n", len(cs.Stale), listed(cellTexts(cs.Stale)))
		ids := make([]string, len(cs.OpenConflicts))
		for i, id := range cs.OpenConflicts {
			ids[i] = fmt.Sprint(id)
		}
		fmt.Fprintf(w, "  미해결 충돌 %d건%s\n", len(ids), listed(ids))
	}
	for _, ref := range st.Unattributed {
		fmt.Fprintf(w, "보낸 도시를 알 수 없는 거부 %s (%s): %s\n", ref.File, ref.At, ref.WhyKo)
	}
}

// requiredLabels name the required values in the status lines. (Not
// field.Label: its 추진율(%) is a format string and renders with a stray
// %!)(MISSING).)
var requiredLabels = map[string]msg.ID{
	round.FieldContact:        msg.Define("cli.round.contact", "담당자·연락처", "officer and phone"),
	string(model.FActivities): msg.Define("cli.round.activities", "추진실적", "activities"),
	string(model.FNextSteps):  msg.Define("cli.round.next_steps", "향후계획", "next steps"),
	string(model.FProgress):   msg.Define("cli.round.progress", "추진율", "progress"),
}

// cellTexts are "HA-E01 추진율": the code and the value's name.
func cellTexts(cells []round.Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		label := c.Field
		if id, ok := requiredLabels[c.Field]; ok {
			label = msg.Text(id)
		}
		out[i] = c.Code + " " + label
	}
	return out
}

func listed(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ": " + strings.Join(items, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cmdRoundEdit changes an open round's as-of, due date, plan year or
// working groups (one audited batch; the name stays).
func cmdRoundEdit(e *env, args []string) error {
	fs := flags("round edit")
	name := fs.String("round", "", "")
	var ch register.RoundChange
	fs.StringVar(&ch.AsOf, "as-of", "", "")
	fs.StringVar(&ch.Due, "due", "", "")
	fs.IntVar(&ch.PlanYear, "plan-year", 0, "")
	groups := fs.String("groups", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 || ch.AsOf == "" && ch.Due == "" && ch.PlanYear == 0 && *groups == "" {
		return usageError{"round edit [--round NAME] [--as-of YYYY-MM-DD] [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']"}
	}
	if *groups != "" {
		ch.Groups = strings.Split(*groups, ",")
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	rd, err := r.EditRound(ctx, *name, ch)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "차수 수정 / round changed: %s (기준 %s, 기한 %s, %d 시행계획)\n", rd.Name, rd.AsOf, orDash(rd.Due), rd.PlanYear)
	return nil
}

func cmdRoundClose(e *env, args []string) error {
	fs := flags("round close")
	name := fs.String("round", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"round close [--round NAME]"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	rd, err := r.CloseRound(ctx, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "차수 마감 / round closed: %s (%s)\n", rd.Name, rd.ClosedAt)
	return nil
}

// cmdRoundTemplates writes each city's template for the round (pre-filled
// with its current values, as of the round's date) into DIR and records
// that it was issued. Files already written are recorded even if a later
// one fails, so the status never hides a template that went out.
func cmdRoundTemplates(e *env, args []string) error {
	fs := flags("round templates")
	name := fs.String("round", "", "")
	out := fs.String("out", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 {
		return usageError{"round templates [--round NAME] --out DIR [--force]"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	rd, err := r.Round(ctx, *name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return msg.Wrap(err, msg.Where{File: *out}, msgTemplateFolder)
	}
	var issued []register.Issue
	var failed error
	for _, city := range model.Cities {
		path := filepath.Join(*out, templateName(rd, city))
		rq := report.TemplateRequest{AsOf: rd.AsOf, Round: rd.Name, Overwrite: *force}
		if _, failed = report.ExportCityTemplate(ctx, r, city, path, rq); failed != nil {
			break
		}
		sum, err := fileSHA256(path)
		if err != nil {
			failed = err
			break
		}
		issued = append(issued, register.Issue{City: city, File: path, SHA256: sum})
		fmt.Fprintf(e.stdout, "서식 저장 / template written: %s (%s)\n", path, city.Korean())
	}
	if len(issued) > 0 {
		if err := round.RecordIssued(ctx, r, rd, issued); err != nil {
			return err
		}
	}
	return failed
}

// templateName is "<round>_<city>.xlsx", with characters no file name may
// hold replaced.
func templateName(rd register.Round, city model.City) string {
	safe := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, c) || c < ' ' {
			return '_'
		}
		return c
	}, rd.Name)
	return fmt.Sprintf("%s_%s.xlsx", safe, city.Korean())
}

func fileSHA256(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", msg.Wrap(err, msg.Where{File: path}, msgTemplateUnreadable)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b)), nil
}

var msgTemplateUnreadable = msg.Define("cli.template_unreadable",
	"저장한 서식을 다시 읽을 수 없어 발송 기록을 남기지 못했습니다. 폴더를 확인한 뒤 다시 만들어 주세요.",
	"the template just written cannot be read back, so its issue was not recorded. Check the folder and make it again.")

var msgTemplateFolder = msg.Define("cli.template_folder",
	"서식을 저장할 폴더를 만들 수 없습니다. 경로와 쓰기 권한을 확인해 주세요. 아무 서식도 저장하지 않았습니다.",
	"the folder for the templates cannot be made. Check the path and that it is writable. No template was written.")

// cmdRoundChase writes a city's 보완 요청 workbook: its template with every
// cell that needs attention marked and commented, and the list in front.
func cmdRoundChase(e *env, args []string) error {
	fs := flags("round chase")
	name := fs.String("round", "", "")
	cityFlag := fs.String("city", "", "")
	out := fs.String("out", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	city, ok := model.ParseCity(*cityFlag)
	if *out == "" || !ok || fs.NArg() != 0 {
		return usageError{"round chase --city pohang|ulsan|gyeongju [--round NAME] --out FILE.xlsx [--force]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	st, err := round.StatusOf(ctx, r, *name)
	if err != nil {
		return err
	}
	items, err := round.ChaseItems(ctx, r, st, city)
	if err != nil {
		return err
	}
	o, err := report.SaveOptionsFor(ctx, r, *force)
	if err != nil {
		return err
	}
	if err := round.WriteChase(ctx, r, st.Round, city, items, *out, o); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "보완 요청 저장 / chase written: %s (%s, %d건 / items)\n", *out, city.Korean(), len(items))
	return nil
}

// noteRefused notes a refused sheet for the open round (not for a dry
// run), so that the round's status says it was refused and why; it
// returns the refusal itself, which stays what the command reports.
func noteRefused(e *env, r *register.Register, dry bool, path string, city model.City, refusal error) error {
	if dry {
		return refusal
	}
	if ok, err := round.NoteRefused(ctx, r, path, city, refusal); ok {
		fmt.Fprintln(e.stderr, msg.Text(msgRefusalNoted))
	} else if err != nil {
		fmt.Fprintln(e.stderr, msg.Render(err))
	}
	return refusal
}

var msgRefusalNoted = msg.Define("cli.round.refusal_noted",
	"진행 중인 차수의 제출 현황에 이 파일을 '거부됨'으로 적었습니다(사업 값은 바뀌지 않았습니다).",
	"the open round's status now lists this file as refused (no project value changed).")
