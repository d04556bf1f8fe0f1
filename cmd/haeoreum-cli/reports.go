package main

import (
	"fmt"

	"github.com/haeoreum/register/assets/sample"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/data/round"
)

func cmdExport(e *env, args []string) error {
	fs := flags("export")
	out := fs.String("out", "", "")
	asOf := fs.String("as-of", "", "")
	since := fs.String("since", "", "")
	force := fs.Bool("force", false, "")
	roundName := fs.String("round", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 || (*roundName != "" && (*asOf != "" || *since != "")) {
		return usageError{"export: --out REPORT.xlsx [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--force]\n" +
			"        export --round NAME --out REPORT.xlsx [--force]"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	if *roundName != "" {
		return exportRound(e, r, *roundName, *out, *force)
	}
	d, err := report.ExportReport(ctx, r, *out, report.ReportRequest{AsOf: *asOf, Since: *since, Overwrite: *force})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "보고서 저장 / report written: %s (기준 %s, %d개 사업 / projects, 미해결 %d)\n",
		*out, d.AsOf, len(d.Projects), len(d.Conflicts))
	return nil
}

// exportRound writes a round's report: what changed since the previous
// round, by working group and field, and who sent what.
func exportRound(e *env, r *register.Register, name, out string, force bool) error {
	rr, err := round.ExportReport(ctx, r, name, out, force)
	if err != nil {
		return err
	}
	changed := 0
	for _, c := range report.RoundChanges(rr) {
		if c.Changed() {
			changed++
		}
	}
	since := "첫 차수 / first round"
	if rr.Previous != nil {
		since = "지난 차수 / since " + rr.Previous.Name
	}
	fmt.Fprintf(e.stdout, "차수 보고서 저장 / round report written: %s (%s, 기준 %s, %d개 사업 중 %d개 바뀜 / of %d projects %d changed, %s)\n",
		out, rr.Round.Name, rr.Round.AsOf, len(rr.Projects), changed, len(rr.Projects), changed, since)
	return nil
}

func cmdTemplate(e *env, args []string) error {
	fs := flags("template")
	cityFlag := fs.String("city", "", "")
	out := fs.String("out", "", "")
	blank := fs.Bool("blank", false, "")
	asOf := fs.String("as-of", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || *cityFlag == "" || fs.NArg() != 0 {
		return usageError{"template: --city pohang|ulsan|gyeongju --out FILE.xlsx [--blank] [--force]"}
	}
	city, ok := model.ParseCity(*cityFlag)
	if !ok {
		return usageError{"--city: pohang, ulsan, gyeongju"}
	}
	r, err := e.open(true)
	if err != nil {
		return err
	}
	defer r.Close()
	t, err := report.ExportCityTemplate(ctx, r, city, *out, report.TemplateRequest{Blank: *blank, AsOf: *asOf, Overwrite: *force})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "서식 저장 / template written: %s (%s, %d개 사업 / projects)\n", *out, city.Korean(), len(t.Projects))
	return nil
}

// cmdLoadSample fills an empty register with the bundled synthetic sample,
// so a newcomer has something to look at. A register with projects is
// never overwritten.
func cmdLoadSample(e *env, args []string) error {
	if len(args) != 0 {
		return usageError{"load-sample takes no arguments"}
	}
	r, err := e.open(false)
	if err != nil {
		return err
	}
	defer r.Close()
	ps, err := r.List(ctx, register.ListOptions{IncludeDeleted: true})
	if err != nil {
		return err
	}
	if len(ps) > 0 {
		return msg.Errorf(msg.Where{File: r.Path()}, msgNotEmpty, len(ps))
	}
	if err := sample.Load(ctx, r); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "예시 자료(가상)를 불러왔습니다 / synthetic sample loaded:", r.Path())
	return nil
}

var msgNotEmpty = msg.Define("cli.not_empty",
	"등록부에 이미 사업이 %d건 있어 예시 자료를 불러오지 않았습니다.",
	"the register already holds %d projects, so the sample was not loaded.")
