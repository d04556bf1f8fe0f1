package layout

import "github.com/haeoreum/register/data/msg"

var (
	msgNoTable = msg.Define("layout.no_table",
		"사업 목록 표를 찾지 못했습니다. 머리글 행에 '사업명'과 사업비(국비 등), 추진율 같은 열이 있어야 합니다. 머리글의 열 이름이 다르면 그 행을 지정해 주세요(창의 '머리글 행'에서, 또는 --header-row 3처럼).",
		"no project table was found. A header row needs a project name column ('사업명') and columns such as 사업비/국비 or 추진율. If the header's column names differ, name its row (Header row in the window, or --header-row 3 and so on).")
	msgNoName = msg.Define("layout.no_name_column",
		"머리글 행(%d행)에 사업명 열이 없습니다.",
		"the header row (row %d) has no project name column.")
	msgAmbiguousSiBi = msg.Define("layout.ambiguous_sibi",
		"'시비' 열이 광역(울산광역시)인지 기초(포항·경주)인지 알 수 없습니다. 보낸 도시를 지정해 주세요(--city).",
		"cannot tell whether the '시비' column is regional (Ulsan) or local (Pohang, Gyeongju). Name the sending city (--city).")
	msgNoUnit = msg.Define("layout.no_unit",
		"금액 단위를 찾지 못했습니다(열 %s). '(단위: 천원)' 같은 줄이나 머리글의 단위가 없고, 등록부 금액과 맞춰 보아도 한 가지로 정해지지 않습니다. 추측하지 않았습니다. 단위를 지정해 주세요(창에서 고르거나 --unit 천원).",
		"no amount unit was found (columns %s): no line like '(단위: 천원)', no unit in the header, and the register's amounts do not settle it. The unit was not guessed: name it (choose it in the window, or --unit 천원).")
	msgBadCell = msg.Define("layout.bad_cell",
		"%s 값을 읽을 수 없습니다: %s",
		"cannot read %s: %s")
	msgHiddenDuplicate = msg.Define("layout.hidden_duplicate",
		"숨겨진 열 '%s'은(는) 보이는 열 '%s'과(와) 같은 항목이라 사용하지 않았습니다.",
		"the hidden column '%s' means the same as the visible column '%s', so it was not used.")
	msgDuplicate = msg.Define("layout.duplicate_column",
		"열 '%s'은(는) 앞의 열 '%s'과(와) 같은 항목이라 따로 두었습니다.",
		"the column '%s' means the same as the earlier column '%s' and was kept aside.")
	msgHiddenUsed = msg.Define("layout.hidden_used",
		"숨겨진 열 '%s'을(를) 읽었습니다.",
		"the hidden column '%s' was read.")
	msgHiddenRow = msg.Define("layout.hidden_row",
		"숨겨진 행의 사업 '%s'도 가져왔습니다.",
		"the project '%s' in a hidden row was imported too.")
	msgNoNameRow = msg.Define("layout.row_without_name",
		"사업명이 비어 있는 행을 건너뛰었습니다.",
		"a row with values but no project name was skipped.")
	msgSumMismatch = msg.Define("layout.sum_mismatch",
		"사업 '%s': %s",
		"project '%s': %s")
	msgNoAsOf = msg.Define("layout.no_as_of",
		"기준일을 찾지 못했습니다(기준일 줄, 표지, 시트 이름, 파일 이름 어디에도 없음). 가져오는 날(%s)을 기준일로 봅니다. 다르면 기준일을 지정해 주세요(창에서, 또는 --as-of YYYY-MM-DD).",
		"no as-of date was found (no 기준일 line, cover sheet, sheet name or file name gives one); today (%s) is taken as the as-of date. If that is wrong, name it (in the window, or --as-of YYYY-MM-DD).")
	msgAsOfLine     = msg.Define("layout.as_of.line", "기준일 줄(%s)", "the 기준일 line (%s)")
	msgAsOfCover    = msg.Define("layout.as_of.cover", "표지 시트 '%s'(%s)", "the cover sheet '%s' (%s)")
	msgAsOfTemplate = msg.Define("layout.as_of.template", "서식이 요청한 기준일", "the as-of date the template asked for")
	msgAsOfSheet    = msg.Define("layout.as_of.sheet", "시트 이름 '%s'", "the sheet's name '%s'")
	msgAsOfFile     = msg.Define("layout.as_of.file", "파일 이름 '%s'", "the file's name '%s'")
	msgAsOfMonth    = msg.Define("layout.as_of.month", "%s, 월만 있어 그 달의 마지막 날", "%s; a month alone, so its last day")
	msgAsOfToday    = msg.Define("layout.as_of.today", "찾지 못해 가져온 날", "not found: the day of the import")
	msgUnitLine     = msg.Define("layout.unit.line", "단위 줄(%s)", "the unit line (%s)")
	msgNoSuchSheet  = msg.Define("layout.no_such_sheet",
		"시트 '%s': 없는 시트이거나 사업 목록 표가 없습니다. 있는 시트: %s.",
		"there is no sheet '%s', or it holds no project table. The sheets: %s.")
	msgCityUnknown = msg.Define("layout.city_unknown",
		"어느 도시의 자료인지 알 수 없습니다. 보낸 도시를 지정해 주세요(--city).",
		"cannot tell which city sent this sheet. Name the sending city (--city).")
	msgOtherTables = msg.Define("layout.other_tables",
		"시트 '%s'에도 표가 있지만 가져오지 않았습니다(한 파일에서 한 시트만 가져옵니다).",
		"sheet '%s' also holds a table but was not imported (one sheet per file is imported).")
	msgFormulaNoValue = msg.Define("layout.formula_no_value",
		"수식의 계산 결과가 저장되어 있지 않습니다. Excel에서 파일을 열어 저장한 뒤 다시 가져와 주세요.",
		"the formula has no stored result. Open the file in Excel, save it, and import it again.")
	msgEvidenceTitle  = msg.Define("layout.evidence.title", "제목", "title")
	msgEvidenceFile   = msg.Define("layout.evidence.file", "파일 이름", "file name")
	msgEvidenceColumn = msg.Define("layout.evidence.column", "%s 열", "%s column")
	msgEvidencePhones = msg.Define("layout.evidence.phones", "전화번호 %d개", "%d phone numbers")
	msgEvidenceGiven  = msg.Define("layout.evidence.given", "지정함", "given")
)

// Messages of the checks that refuse a cell rather than store it wrong.
var (
	msgErrorValue = msg.Define("layout.error_value",
		"셀에 값 대신 수식 오류 '%s'이(가) 들어 있습니다. 수식을 고친 뒤 다시 가져와 주세요.",
		"the cell holds the formula error '%s' instead of a value. Fix the formula and import again.")
	msgStartAfterEnd = msg.Define("layout.start_after_end",
		"착수 '%s'(셀 %s)이(가) 완료 '%s'(셀 %s)보다 늦습니다. 둘 중 하나가 잘못 적혔습니다.",
		"the start '%s' (cell %s) is later than the end '%s' (cell %s); one of them is written wrong.")
	msgDuplicateDiffers = msg.Define("layout.duplicate_differs",
		"'%s'(셀 %s)은(는) 앞의 '%s'(셀 %s)와(과) 같은 사업인데 값이 다릅니다. 어느 행이 맞는지 알 수 없어 가져오지 않았습니다. 한 행만 남겨 주세요.",
		"'%s' (cell %s) is the same project as '%s' (cell %s) but with other values. Which row is right cannot be told, so nothing was imported: keep one row.")
	msgNoProjects = msg.Define("layout.no_projects",
		"머리글(%d행) 아래에 사업 행이 하나도 없습니다. 가져올 사업이 없습니다.",
		"there are no project rows under the header (row %d): nothing to import.")
)
