package report

import "github.com/haeoreum/register/data/msg"

var (
	msgExists = msg.Define("report.exists",
		"'%s' 파일이 이미 있습니다. 덮어쓰려면 --force를 쓰거나 다른 이름을 지정해 주세요.",
		"'%s' already exists. Use --force to overwrite it, or choose another name.")
	msgImported = msg.Define("report.imported",
		"'%s'은(는) 등록부로 가져온 원본 파일입니다. 원본을 잃지 않도록 덮어쓰지 않습니다(--force로도 안 됩니다). 다른 이름을 지정해 주세요.",
		"'%s' is a file that was imported into the register. It is never overwritten, not even with --force. Choose another name.")
	msgLocked = msg.Define("report.locked",
		"'%s' 파일이 Excel에서 열려 있는 것 같습니다(잠금 파일 '%s'). Excel에서 파일을 닫은 뒤 다시 시도하거나 다른 이름으로 저장해 주세요.",
		"'%s' seems to be open in Excel (lock file '%s'). Close it in Excel and try again, or save under another name.")
	msgReplace = msg.Define("report.replace",
		"'%s' 파일을 바꿀 수 없습니다. Excel 등 다른 프로그램에서 열려 있으면 닫고 다시 시도해 주세요. (%v)",
		"cannot replace '%s'. If it is open in Excel or another program, close it and try again. (%v)")
	msgWrite = msg.Define("report.write",
		"'%s' 파일을 쓸 수 없습니다: %v",
		"cannot write '%s': %v")
	msgVerify = msg.Define("report.verify",
		"작성한 파일을 다시 열어 확인하지 못해 저장하지 않았습니다: %v",
		"the written file could not be reopened and checked, so it was not saved: %v")
	msgNoFolder = msg.Define("report.no_folder",
		"저장할 폴더 '%s'이(가) 없습니다.",
		"the folder '%s' does not exist.")
	msgNotXLSX = msg.Define("report.not_xlsx",
		"저장할 파일 이름은 .xlsx로 끝나야 합니다: '%s'",
		"the file name must end in .xlsx: '%s'")
	msgBadDate = msg.Define("report.bad_date",
		"날짜 '%s'을(를) 읽을 수 없습니다. 2026-10-31처럼 적어 주세요.",
		"cannot read the date '%s'. Write it like 2026-10-31.")
	msgBadCity = msg.Define("report.bad_city",
		"도시 '%s'을(를) 알 수 없습니다. pohang, ulsan, gyeongju 중 하나를 지정해 주세요.",
		"unknown city '%s'. Name one of pohang, ulsan, gyeongju.")
	msgTooLong = msg.Define("report.too_long",
		"사업 '%s'(%s)의 %s 내용이 %d자로, Excel 셀 하나에 들어가는 %d자를 넘어 보고서에 쓸 수 없습니다. 등록부에서 내용을 나누거나 줄여 주세요.",
		"the %[3]s of project '%[1]s' (%[2]s) is %[4]d characters long, more than the %[5]d an Excel cell holds, so the report cannot be written. Shorten or split it in the register.")
	msgProjectRow = msg.Define("report.project_row",
		"사업 '%s'(%s)의 행을 보고서에 쓸 수 없습니다: %v",
		"cannot write the row of project '%s' (%s) into the report: %v")
	msgSinceFuture = msg.Define("report.since_future",
		"변경사항의 시작일 %s이(가) 보고서를 만드는 날 %s보다 늦습니다. 지난 보고(회의) 날짜를 지정해 주세요.",
		"the first day of the changes, %s, is after today, %s. Give the date of the last report (meeting).")
	msgBadChar = msg.Define("report.bad_char",
		"사업 '%s'(%s)의 %s에 Excel 파일에 쓸 수 없는 문자(U+%04X)가 있어 보고서를 쓰지 않았습니다. 등록부에서 그 문자를 지워 주세요.",
		"the %[3]s of project '%[1]s' (%[2]s) holds a character an Excel file cannot carry (U+%04[4]X), so the report was not written. Remove it in the register.")
)
