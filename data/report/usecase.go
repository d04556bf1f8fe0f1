package report

import (
	"context"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/register"
)

// The report's use cases: the one call the window and the CLI make each,
// with the guard against overwriting a file that was imported into the
// register inside it.

// ReportRequest says which report to write.
type ReportRequest struct {
	AsOf, Since string // YYYY-MM-DD; "" for the defaults
	Overwrite   bool   // replace a file that was imported into the register
}

// ExportReport writes the register's consolidated report to path and
// returns what it holds.
func ExportReport(ctx context.Context, reg *register.Register, path string, rq ReportRequest) (Data, error) {
	d, err := Load(ctx, reg, rq.AsOf, rq.Since)
	if err != nil {
		return d, err
	}
	o, err := SaveOptionsFor(ctx, reg, rq.Overwrite)
	if err != nil {
		return d, err
	}
	return d, Export(path, d, o)
}

// TemplateRequest says which city template to write.
type TemplateRequest struct {
	Blank     bool   // without the city's projects
	AsOf      string // the as-of date the template asks for; "" leaves it to the city
	Round     string // the round it is issued for, carried inside the workbook
	Overwrite bool
}

// ExportCityTemplate writes a city's template to path and returns it.
func ExportCityTemplate(ctx context.Context, reg *register.Register, city model.City, path string, rq TemplateRequest) (Template, error) {
	t, err := LoadTemplate(ctx, reg, city, rq.Blank, rq.AsOf)
	if err != nil {
		return t, err
	}
	t.Round = rq.Round
	o, err := SaveOptionsFor(ctx, reg, rq.Overwrite)
	if err != nil {
		return t, err
	}
	return t, ExportTemplate(path, t, o)
}

// SaveOptionsFor are the options every workbook written from reg is saved
// with: the files imported into it are protected unless overwrite is set.
func SaveOptionsFor(ctx context.Context, reg *register.Register, overwrite bool) (SaveOptions, error) {
	prot, err := Protected(ctx, reg)
	return SaveOptions{Force: overwrite, Protected: prot}, err
}
