package main

import (
	"context"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/report"
	"github.com/haeoreum/register/ui"
)

// reporter connects the window's Reports screen to data/report.
type reporter struct{}

func (reporter) Export(ctx context.Context, reg *register.Register, path string, o ui.ReportOptions) error {
	d, err := report.Load(ctx, reg, o.AsOf, o.Since)
	if err != nil {
		return err
	}
	protected, err := report.Protected(ctx, reg)
	if err != nil {
		return err
	}
	return report.Export(path, d, report.SaveOptions{Force: o.Overwrite, Protected: protected})
}

func (reporter) Template(ctx context.Context, reg *register.Register, city model.City, path string, o ui.ReportOptions) error {
	t, err := report.LoadTemplate(ctx, reg, city, o.Blank, o.AsOf)
	if err != nil {
		return err
	}
	protected, err := report.Protected(ctx, reg)
	if err != nil {
		return err
	}
	return report.ExportTemplate(path, t, report.SaveOptions{Force: o.Overwrite, Protected: protected})
}
