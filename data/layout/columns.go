package layout

import (
	"regexp"
	"strings"

	"github.com/haeoreum/register/data/field"
	"github.com/haeoreum/register/data/model"
	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/sheet"
	"github.com/haeoreum/register/data/value"
)

// No column is silent: each one the sheet heads is read, ignored because
// an official said so (or because it is empty, or holds what the register
// does not keep, such as amounts per year), or it blocks the import with a
// message that names it and says how to settle it.

var (
	msgUnknownBlocks = msg.Define("layout.unknown_blocks",
		"열 %s '%s'에 무엇이 들어 있는지 알 수 없어 가져오지 않았습니다. 이 열을 읽지 않으려면 '무시'를, 읽으려면 항목을 골라 주세요(창에서 고르거나 --column %s=ignore, --column %s=국비처럼).",
		"cannot tell what the column %s '%s' holds, so nothing was imported. To leave it out choose 'ignore', to read it choose its field (in the window, or --column %s=ignore, --column %s=국비 and so on).")
	msgUnknownEmpty = msg.Define("layout.unknown_empty",
		"열 %s '%s'은 알 수 없는 항목이지만 비어 있어 건너뛰었습니다.",
		"the column %s '%s' is not known but empty, so it was passed over.")
	msgYearColumn = msg.Define("layout.year_column",
		"열 %s '%s'은 연도별 금액이라 읽지 않았습니다(등록부는 총사업비와 재원별 금액만 둡니다).",
		"the column %s '%s' holds an amount for one year and was not read (the register keeps the total and each tier only).")
	msgBadChoice = msg.Define("layout.bad_column_choice",
		"열 %s에 지정한 '%s'이 어떤 항목인지 알 수 없습니다. 항목 이름(사업명, 국비, 추진율 …)이나 ignore를 적어 주세요.",
		"the meaning '%[2]s' given for the column %[1]s is not a field the register knows. Give a field (사업명, 국비, 추진율 …) or ignore.")
)

// yearToken finds a year in a header: '26, ’27, 2026, 2026년, 2026년도.
var yearToken = regexp.MustCompile(`['’‘]\d{2}(?:\D|$)|(?:^|\D)(?:19|20)\d{2}(?:\D|$)`)

var yearDigits = regexp.MustCompile(`\d{2,4}`)

// yearWords are what may stand around a year in an annual amount's header.
var yearWords = []string{"까지", "이후", "이전", "년도", "년", "~", "-", "(", ")", "'", "’", "‘", "·"}

// isYearHeader reports an annual amount's header ('26까지, '27, 2028년
// 이후, 2027년 국비): a year with nothing around it but year words, a tier
// or an amount group word. Such a column is never the total or a tier.
func isYearHeader(upper, lower string) bool {
	key := headerKey(lower)
	if key == "" {
		key = headerKey(upper)
	}
	if !yearToken.MatchString(key) {
		return false
	}
	rest := yearDigits.ReplaceAllString(key, "")
	for _, w := range yearWords {
		rest = strings.ReplaceAll(rest, w, "")
	}
	_, tier := normalizedTiers[rest]
	return rest == "" || tier || normalizedGroups[rest]
}

// applyChoices puts an official's decisions over what the headers say. A
// chosen column that had no header is added.
func applyChoices(cols []Column, choices []ColumnChoice, metro, cityKnown bool, tableUnit value.Unit, where func(string) msg.Where) ([]Column, []*msg.Error) {
	var errs []*msg.Error
	for _, ch := range choices {
		i := columnIndex(cols, ch.Col)
		if i < 0 {
			cols = insertColumn(cols, Column{Col: ch.Col})
			i = columnIndex(cols, ch.Col)
		}
		c := &cols[i]
		c.Decided = true
		if strings.EqualFold(strings.TrimSpace(ch.Means), Ignore) {
			c.Role, c.Tier = RoleIgnored, ""
			continue
		}
		role, tier, ok := meansRole(ch.Means, metro, cityKnown)
		if !ok {
			errs = append(errs, msg.Errorf(where(sheet.ColumnName(ch.Col)), msgBadChoice, sheet.ColumnName(ch.Col), value.Visible(ch.Means)))
			continue
		}
		c.Role, c.Tier = role, tier
		if role == RoleAmount && c.Unit == 0 {
			c.Unit = tableUnit
			if u, ok := value.FindUnit(c.Header); ok {
				c.Unit = u
			}
		}
	}
	return cols, errs
}

// meansRole reads what an official said a column holds: a field key, a
// field's label (Korean or English) or a header word the importer knows.
func meansRole(means string, metro, cityKnown bool) (Role, model.Tier, bool) {
	means = strings.TrimSpace(means)
	for _, k := range model.Fields {
		if string(k) != means && !strings.EqualFold(field.LabelIn(msg.Korean, k), means) && !strings.EqualFold(field.LabelIn(msg.English, k), means) {
			continue
		}
		if t, ok := model.TierOf(k); ok {
			return RoleAmount, t, true
		}
		for r, f := range roleFields {
			if f == k {
				return r, "", true
			}
		}
	}
	role, tier, amb := classify("", means, metro, cityKnown)
	return role, tier, role != RoleUnknown && !amb && role != RoleYear
}

func columnIndex(cols []Column, col int) int {
	for i, c := range cols {
		if c.Col == col {
			return i
		}
	}
	return -1
}

func insertColumn(cols []Column, c Column) []Column {
	i := 0
	for i < len(cols) && cols[i].Col < c.Col {
		i++
	}
	return append(cols[:i], append([]Column{c}, cols[i:]...)...)
}

// silentColumns finds the columns nobody reads: an unknown column with
// values blocks the import; an empty one or an annual amount is named in
// a warning.
func silentColumns(s *sheet.Sheet, cols []Column, below int, where func(string) msg.Where) (warns, errs []*msg.Error) {
	for i, c := range cols {
		letter := sheet.ColumnName(c.Col)
		switch {
		case c.Decided || c.Header == "":
		case c.Role == RoleYear:
			warns = append(warns, msg.Errorf(where(letter), msgYearColumn, letter, c.Header))
		case c.Role != RoleUnknown:
		case columnHasValues(s, c.Col, below):
			cols[i].Blocks = true
			errs = append(errs, msg.Errorf(where(sheet.CellName(c.Col, below)), msgUnknownBlocks, letter, c.Header, letter, letter))
		default:
			warns = append(warns, msg.Errorf(where(letter), msgUnknownEmpty, letter, c.Header))
		}
	}
	return warns, errs
}

// columnHasValues reports whether any row under the header has a value in
// column col.
func columnHasValues(s *sheet.Sheet, col, below int) bool {
	for _, row := range s.Rows {
		if row.Num > below && col <= len(row.Cells) && strings.TrimSpace(row.Cells[col-1].Value) != "" {
			return true
		}
	}
	return false
}

// Field is the register field a role reads into, when it reads into one.
func (r Role) Field() (model.FieldKey, bool) {
	k, ok := roleFields[r]
	return k, ok
}

var roleFields = map[Role]model.FieldKey{
	RoleField: model.FField, RoleName: model.FName, RoleKind: model.FKind,
	RoleLead: model.FLead, RoleCities: model.FCities, RoleStart: model.FStart,
	RoleEnd: model.FEnd, RoleProgress: model.FProgress, RoleStage: model.FStage,
	RoleOverview: model.FOverview, RoleActivities: model.FActivities,
	RoleProblems: model.FProblems, RoleNextSteps: model.FNextSteps, RoleNotes: model.FNotes,
}

var msgChoiceSyntax = msg.Define("layout.column_choice_syntax",
	"'%s': 열 지정은 '열=항목' 꼴로 적습니다(예: K=ignore, F=국비).",
	"'%s': a column decision reads 'COLUMN=FIELD' (for example K=ignore, F=국비).")

// ParseColumnChoice reads an official's column decision as the CLI takes
// it: "K=ignore", "F=국비", "F=budget_won.national".
func ParseColumnChoice(s string) (ColumnChoice, error) {
	letters, means, ok := strings.Cut(s, "=")
	col, isCol := sheet.ColumnNumber(strings.TrimSpace(letters))
	if !ok || !isCol || strings.TrimSpace(means) == "" {
		return ColumnChoice{}, msg.Errorf(msg.Where{}, msgChoiceSyntax, value.Visible(s))
	}
	return ColumnChoice{Col: col, Means: strings.TrimSpace(means)}, nil
}
