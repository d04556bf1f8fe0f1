// Package reconcile matches a located table's rows to the register's
// projects, decides what changes and where the cities disagree, and applies
// it as one undoable batch. A dry run goes through the same code and rolls
// back, so the preview is exactly what applying does.
package reconcile

import (
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
)

// Preview is what an import does (or did): the basis of the window's
// preview and of `import --json`.
type Preview struct {
	File   string     `json:"file"`
	Sheet  string     `json:"sheet"`
	City   model.City `json:"city"`
	Master bool       `json:"master"`
	AsOf   string     `json:"as_of"`
	SHA256 string     `json:"sha256"`
	// Understood is how the file was read: sheet, city, as-of, unit (with
	// where each came from) and every column's meaning and use.
	Understood Understanding `json:"understood"`
	Rows       int           `json:"rows"`
	Added      []Item        `json:"added"`
	Proposed   []Item        `json:"proposed"` // city rows matching no project, not added
	Changed    []Change      `json:"changed"`
	Unchanged  int           `json:"unchanged"`
	Conflicts  []Conflict    `json:"conflicts"` // opened or changed by this import
	Uncertain  []Uncertain   `json:"uncertain"`
	Aliases    []Alias       `json:"new_aliases"`
	Warnings   []string      `json:"warnings"`
	Errors     []string      `json:"errors"`
	Applied    bool          `json:"applied"`
	Batch      int64         `json:"batch,omitempty"`
	Backup     string        `json:"backup,omitempty"`
}

// Item names a project row.
type Item struct {
	Code string `json:"code,omitempty"`
	Name string `json:"name"`
	Row  int    `json:"row"`
}

// Change is one field of one project changing.
type Change struct {
	Code  string         `json:"code"`
	Name  string         `json:"name"`
	Field model.FieldKey `json:"field"`
	Old   string         `json:"old"`
	New   string         `json:"new"`
	Cell  string         `json:"cell"`
	// Previous is what the same city's previous sheet said of this field
	// (지난 제출 대비); nil when the city never reported it before.
	Previous *Previous `json:"previous,omitempty"`
}

// Previous is a city's earlier report of one field: its value and the
// sheet it came from.
type Previous struct {
	Value string `json:"value"`
	AsOf  string `json:"as_of"`
	File  string `json:"file"`
	Cell  string `json:"cell"`
}

// Conflict is a disagreement the import opened or changed.
type Conflict struct {
	Code      string         `json:"code"`
	Name      string         `json:"name"`
	Field     model.FieldKey `json:"field"`
	LeadCity  model.City     `json:"lead_city"`
	LeadValue string         `json:"lead_value"`
	City      model.City     `json:"city"`
	Value     string         `json:"value"`
	Cell      string         `json:"cell"`
}

// Uncertain is a row whose project could not be told for sure.
type Uncertain struct {
	Row        int    `json:"row"`
	Name       string `json:"name"`
	Candidates []Item `json:"candidates"`
}

// Alias is a new name remembered for a project.
type Alias struct {
	Code  string `json:"code"`
	Alias string `json:"alias"`
}

func (p *Preview) warn(e *msg.Error) {
	p.Warnings = append(p.Warnings, e.Error())
}

func (p *Preview) fail(e *msg.Error) {
	p.Errors = append(p.Errors, e.Error())
}
