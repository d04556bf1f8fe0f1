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
	_, err := report.ExportReport(ctx, reg, path, report.ReportRequest{AsOf: o.AsOf, Since: o.Since, Overwrite: o.Overwrite})
	return err
}

func (reporter) Template(ctx context.Context, reg *register.Register, city model.City, path string, o ui.ReportOptions) error {
	_, err := report.ExportCityTemplate(ctx, reg, city, path, report.TemplateRequest{Blank: o.Blank, AsOf: o.AsOf, Overwrite: o.Overwrite})
	return err
}
