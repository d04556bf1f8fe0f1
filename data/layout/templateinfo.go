package layout

import (
	"strings"

	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// TemplateInfo is what our own template says it was issued for, from its
// hidden 서식정보 sheet (data/report writes it: report.InfoCity, InfoAsOf,
// InfoRound). It survives a rename and a re-save in Excel or LibreOffice.
type TemplateInfo struct {
	City  model.City // "" when the line is missing or not a city
	Round string     // the meeting round (차수), "" for a template issued outside one
	AsOf  string     // YYYY-MM-DD the template asked for, "" if none
}

// templateInfoSheet is the hidden sheet's name (report.SheetTemplateInfo).
const templateInfoSheet = "서식정보"

var msgCityTemplate = msg.Define("layout.evidence.template",
	"우리 서식의 숨은 '서식정보' 시트(%s에 발행)", "our template's hidden '서식정보' sheet (issued to %s)")

// ReadTemplateInfo reads the 서식정보 sheet of a workbook made from our
// template; false when there is none. Unreadable lines are left empty.
func ReadTemplateInfo(wb *sheet.Workbook) (TemplateInfo, bool) {
	var info TemplateInfo
	for _, s := range wb.Sheets {
		if s.Name != templateInfoSheet {
			continue
		}
		for _, row := range s.Rows {
			if len(row.Cells) < 2 {
				continue
			}
			v := strings.TrimSpace(row.Cells[1].Value)
			switch strings.TrimSpace(row.Cells[0].Value) {
			case "도시":
				if c, ok := model.ParseCity(v); ok {
					info.City = c
				}
			case "차수":
				if value.CheckText(v) == nil {
					info.Round = v
				}
			case "요청 기준일":
				if d, err := value.ParseDate(v); err == nil {
					info.AsOf = d.String()
				}
			}
		}
		return info, true
	}
	return info, false
}

// TemplateCity is the city our template was issued to, with the evidence
// a person reads; false when the workbook is not one of ours. It is
// stronger than anything guessed from the title, the tiers, the phones or
// the file's name: the sheet says who it was made for.
func TemplateCity(wb *sheet.Workbook) (model.City, string, bool) {
	info, ok := ReadTemplateInfo(wb)
	if !ok || info.City == "" {
		return "", "", false
	}
	return info.City, msg.Text(msgCityTemplate, info.City.Korean()), true
}
