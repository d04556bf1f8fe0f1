package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/layout"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/reconcile"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/summary"
	"github.com/haeoreum/register/data/value"
)

// env is what every command gets: the register's path and the outputs.
type env struct {
	dbPath         string
	stdout, stderr io.Writer
}

var ctx = context.Background()

// open opens the register for a command; read-only ones never create or
// migrate it.
func (e *env) open(readOnly bool) (*register.Register, error) {
	return register.Open(e.dbPath, register.Options{ReadOnly: readOnly})
}

type command func(e *env, args []string) error

var commands = map[string]command{
	"import":      cmdImport,
	"list":        cmdList,
	"conflicts":   cmdConflicts,
	"resolve":     cmdResolve,
	"history":     cmdHistory,
	"export":      cmdExport,
	"template":    cmdTemplate,
	"undo":        cmdUndo,
	"check":       cmdCheck,
	"backup":      cmdBackup,
	"restore":     cmdRestore,
	"load-sample": cmdLoadSample,
	"plan":        cmdPlan,
	"round":       cmdRound,
	"profile":     cmdProfile,
}

func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func cmdImport(e *env, args []string) error {
	fs := flags("import")
	asJSON := fs.Bool("json", false, "")
	o, err := importOptions(fs, args)
	if err != nil {
		return err
	}
	dry := o.DryRun
	r, err := e.open(dry) // a preview only reads the register
	if err != nil {
		return err
	}
	defer r.Close()
	// every file is read first, so they can be imported in the order the
	// rules ask (the secretariat's register first) whatever order they were named in
	var files []*reconcile.Reading
	for _, path := range fs.Args() {
		rd, err := reconcile.Understand(ctx, r, path, o)
		if err != nil {
			return noteRefused(e, r, dry, path, o.City, err)
		}
		files = append(files, rd)
	}
	reconcile.SortForImport(files, func(rd *reconcile.Reading) *layout.Table { return rd.Table })
	var previews []*reconcile.Preview
	for _, f := range files {
		pv, err := reconcile.Apply(ctx, r, f, o.Options)
		if pv != nil {
			previews = append(previews, pv)
			if !*asJSON {
				printPreview(e.stdout, pv)
			}
		}
		if err != nil {
			if *asJSON {
				_ = printJSON(e.stdout, previews)
			}
			return noteRefused(e, r, dry, f.Path, f.Table.City, err)
		}
	}
	if *asJSON {
		return printJSON(e.stdout, previews)
	}
	return nil
}

// importOptions reads import's flags: what the official decides for the
// files (city, unit, as-of, sheet, header row, columns) and how to import.
func importOptions(fs *flag.FlagSet, args []string) (reconcile.FileOptions, error) {
	dry := fs.Bool("dry-run", false, "")
	city := fs.String("city", "", "")
	addNew := fs.Bool("add-new", false, "")
	password := fs.String("password", "", "")
	unitFlag := fs.String("unit", "", "")
	asOf := fs.String("as-of", "", "")
	sheetName := fs.String("sheet", "", "")
	headerRow := fs.Int("header-row", 0, "")
	var columns []layout.ColumnChoice
	fs.Func("column", "", func(s string) error { // repeatable: --column K=ignore --column F=국비
		c, err := layout.ParseColumnChoice(s)
		columns = append(columns, c)
		return err
	})
	noProfile := fs.Bool("no-profile", false, "") // read as if the layout were new
	if err := parse(fs, args); err != nil {
		return reconcile.FileOptions{}, err
	}
	if fs.NArg() == 0 {
		return reconcile.FileOptions{}, usageError{"import: 파일을 지정해 주세요 / name at least one FILE"}
	}
	o := reconcile.FileOptions{Options: reconcile.Options{DryRun: *dry, AddNew: *addNew}, Password: *password, Sheet: *sheetName,
		Columns: columns, HeaderRow: *headerRow, NoProfile: *noProfile}
	if *unitFlag != "" {
		u, ok := field.ParseUnit(*unitFlag)
		if !ok {
			return o, usageError{"--unit: 원, 천원, 백만원, 억원"}
		}
		o.Unit = u
	}
	if *asOf != "" {
		d, err := value.ParseDate(*asOf)
		if err != nil {
			return o, usageError{"--as-of: YYYY-MM-DD"}
		}
		o.AsOf = d.String()
	}
	if *city != "" {
		c, ok := model.ParseCity(*city)
		if !ok {
			return o, usageError{"--city: pohang, ulsan, gyeongju"}
		}
		o.City = c
	}
	return o, nil
}

func printPreview(w io.Writer, pv *reconcile.Preview) {
	city := string(pv.City)
	if pv.Master {
		city = "사무국 등록부 / register"
	}
	state := "미리보기 / preview"
	if pv.Applied {
		state = fmt.Sprintf("적용됨 / applied (batch %d)", pv.Batch)
	}
	fmt.Fprintf(w, "%s [%s] %s, 기준 %s: %d행 / rows — %s\n", pv.File, pv.Sheet, city, pv.AsOf, pv.Rows, state)
	u := pv.Understood
	if u.HeaderRowFrom != "" {
		fmt.Fprintf(w, "  머리글 행 header row: %d — %s\n", u.HeaderRow, u.HeaderRowFrom)
	}
	if u.AsOfFrom != "" {
		fmt.Fprintf(w, "  기준일 as of: %s — %s\n", u.AsOf, u.AsOfFrom)
	}
	if u.Unit != "" || u.UnitFrom != "" {
		fmt.Fprintf(w, "  단위 unit: %s — %s\n", u.Unit, u.UnitFrom)
	}
	printProfileUse(w, u.Profile)
	fmt.Fprintf(w, "  추가 added %d, 변경 changed %d, 그대로 unchanged %d, 충돌 conflicts %d, 확인 필요 uncertain %d, 제안 proposed %d\n",
		len(pv.Added), len(pv.Changed), pv.Unchanged, len(pv.Conflicts), len(pv.Uncertain), len(pv.Proposed))
	show := func(k model.FieldKey, v string) string { return field.Display(k, v, value.Baekman) }
	for _, c := range pv.Changed {
		fmt.Fprintf(w, "  변경 %s %s: %s → %s (%s)%s\n", c.Code, field.Label(c.Field), show(c.Field, c.Old), show(c.Field, c.New), c.Cell,
			sinceLastSheet(c, show))
	}
	for _, c := range pv.Conflicts {
		fmt.Fprintf(w, "  충돌 %s %s: %s %s ≠ %s %s (%s)\n", c.Code, field.Label(c.Field), field.CityName(c.LeadCity),
			show(c.Field, c.LeadValue), field.CityName(c.City), show(c.Field, c.Value), c.Cell)
	}
	for _, m := range pv.Warnings {
		fmt.Fprintf(w, "  경고 warning: %s\n", m)
	}
	for _, m := range pv.Errors {
		fmt.Fprintf(w, "  오류 error: %s\n", m)
	}
}

func cmdList(e *env, args []string) error {
	fs := flags("list")
	fs.Bool("json", true, "")
	all := fs.Bool("all", false, "include deleted projects")
	if err := parse(fs, args); err != nil {
		return err
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	ps, err := r.List(ctx, register.ListOptions{IncludeDeleted: *all})
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []*model.Project{}
	}
	for _, p := range ps {
		if p.Cities == nil {
			p.Cities = []model.City{}
		}
	}
	return printJSON(e.stdout, ps)
}

func cmdConflicts(e *env, args []string) error {
	fs := flags("conflicts")
	fs.Bool("json", true, "")
	all := fs.Bool("all", false, "include resolved conflicts")
	if err := parse(fs, args); err != nil {
		return err
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	cs, err := r.Conflicts(ctx, *all)
	if err != nil {
		return err
	}
	return printJSON(e.stdout, cs)
}

func cmdResolve(e *env, args []string) error {
	fs := flags("resolve")
	id := fs.Int64("id", 0, "")
	keep := fs.Bool("keep", false, "")
	take := fs.String("take", "", "")
	typed := fs.String("value", "", "")
	unitFlag := fs.String("unit", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	var unit value.Unit
	if *unitFlag != "" {
		u, ok := field.ParseUnit(*unitFlag)
		if !ok {
			return usageError{"--unit: 원, 천원, 백만원, 억원"}
		}
		unit = u
	}
	var d register.Decision
	switch {
	case *keep:
		d.Kind = register.DecideKeep
	case *take != "":
		c, ok := model.ParseCity(*take)
		if !ok {
			return usageError{"--take: pohang, ulsan, gyeongju"}
		}
		d = register.Decision{Kind: register.DecideTake, City: c}
	case *typed != "":
		d.Kind = register.DecideTyped
	}
	if *id == 0 || d.Kind == "" {
		return usageError{"resolve: --id N and one of --keep, --take CITY, --value V [--unit U]"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	if d.Kind == register.DecideTyped {
		// the same reading of typed text as the window's conflict dialog,
		// except that a bare amount needs its unit (--unit or 800백만원)
		c, err := r.Conflict(ctx, *id)
		if err != nil {
			return err
		}
		if d.Value, err = field.Parse(c.Field, *typed, unit); err != nil {
			return err
		}
	}
	_, err = r.Resolve(ctx, *id, d)
	return err
}

func cmdHistory(e *env, args []string) error {
	if len(args) != 1 {
		return usageError{"history CODE"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	if _, err := r.Project(ctx, args[0]); err != nil {
		return err // no such project: say so rather than print an empty history
	}
	h, err := r.History(ctx, args[0])
	if err != nil {
		return err
	}
	return printJSON(e.stdout, h)
}

func cmdUndo(e *env, args []string) error {
	if len(args) != 0 {
		return usageError{"undo takes no arguments"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := r.Undo(ctx, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "되돌림 / undone: batch %d (%s %s)\n", b.ID, b.Kind, b.File)
	return nil
}

func cmdCheck(e *env, args []string) error {
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.Check(ctx); err != nil {
		return err
	}
	ps, err := r.List(ctx, register.ListOptions{})
	if err != nil {
		return err
	}
	plan, err := r.Plan(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "정상 / ok: %s, %d projects\n", r.Path(), len(ps))
	fmt.Fprintln(e.stdout, summary.Of(ps, plan).Plan.Text())
	return nil
}

func cmdBackup(e *env, args []string) error {
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	path, err := r.Backup(ctx, "manual")
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}

func cmdRestore(e *env, args []string) error {
	if len(args) != 1 {
		return usageError{"restore BACKUP.db"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.Restore(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "복원됨 / restored:", strings.TrimSpace(args[0]))
	return nil
}
