package sheet

import (
	"fmt"

	"github.com/haeoreum/register/data/msg"
)

// Messages, Korean first. Each says what happened and what the official can
// do about it; the file name comes from Where, so it is not in the text.
var (
	idLegacyXLS = msg.Define("sheet.legacy_xls",
		"예전 Excel 형식(.xls)의 파일입니다. Excel에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장한 뒤 가져와 주세요",
		"this is an old Excel (.xls) file. Open it in Excel, save it as an Excel Workbook (*.xlsx) and import that file")
	idOldBIFF = msg.Define("sheet.old_biff",
		"아주 오래된 Excel %s.0 형식의 파일입니다. LibreOffice나 Excel에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장한 뒤 가져와 주세요",
		"this is a very old Excel %s.0 file. Open it in LibreOffice or Excel, save it as an Excel Workbook (*.xlsx) and import that file")
	idLockFile = msg.Define("sheet.lock_file",
		"Excel의 잠금 파일입니다. %s 님이 '%s' 파일을 Excel에서 열어 두었다는 표시일 뿐 내용은 없습니다. '%[2]s' 파일을 골라 주세요",
		"this is Excel's lock file: it only marks that %s has '%s' open in Excel and holds no data. Choose '%[2]s' instead")
	idHWP = msg.Define("sheet.hwp",
		"한글 문서(.hwp, .hwpx)이며 스프레드시트가 아닙니다. 표를 Excel로 옮겨 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 가져와 주세요",
		"this is a Hangul (한글 .hwp, .hwpx) document, not a spreadsheet. Copy the table into Excel, save it as an Excel Workbook (*.xlsx) and import that file")
	idXLSB = msg.Define("sheet.xlsb",
		"Excel 바이너리 통합 문서(.xlsb)는 읽을 수 없습니다. Excel에서 'Excel 통합 문서(*.xlsx)'로 다시 저장해 주세요",
		"Excel Binary Workbooks (.xlsb) cannot be read. Save it in Excel as an Excel Workbook (*.xlsx)")
	idODS = msg.Define("sheet.ods",
		"OpenDocument 스프레드시트(.ods)는 읽을 수 없습니다. LibreOffice나 한셀에서 Excel 2007-365(*.xlsx) 형식으로 다시 저장해 주세요",
		"OpenDocument spreadsheets (.ods) cannot be read. Save it from LibreOffice or Hancell as Excel 2007-365 (*.xlsx)")
	idPasswordNeeded = msg.Define("sheet.password_needed",
		"암호가 걸린 파일입니다. 암호를 입력하거나, Excel에서 암호를 해제한 뒤 다시 저장해 주세요",
		"the file is password-protected. Enter the password, or remove the password in Excel and save it again")
	idWrongPassword = msg.Define("sheet.wrong_password",
		"암호가 맞지 않습니다. 보낸 곳에 암호를 확인하고 다시 입력해 주세요",
		"the password is not correct. Check the password with the sender and enter it again")
	idEncryption = msg.Define("sheet.encryption_unsupported",
		"지원하지 않는 방식으로 암호화된 파일입니다. Excel에서 암호를 해제한 뒤 다시 저장해 주세요",
		"the file is encrypted in a way that cannot be read. Remove the password in Excel and save it again")
	idDamaged = msg.Define("sheet.damaged",
		"파일이 손상되었거나 일부만 받아진 것 같습니다. 파일을 다시 받거나 보낸 곳에 다시 요청해 주세요",
		"the file is damaged or was only partly received. Download it again or ask the sender for a new copy")
	idTooLarge = msg.Define("sheet.too_large",
		"파일이 너무 커서 읽지 않았습니다(%s 한도 %s). 필요한 표만 남겨 다시 저장해 주세요",
		"the file is too large to read (%s limit %s). Keep only the table that is needed and save it again")
	idNotSpreadsheet = msg.Define("sheet.not_spreadsheet",
		"스프레드시트 파일이 아닙니다(Excel .xlsx나 CSV가 아님). 올바른 파일을 골랐는지 확인해 주세요",
		"this is not a spreadsheet (neither Excel .xlsx nor CSV). Check that the right file was chosen")
	idMarkup = msg.Define("sheet.markup",
		"웹 페이지(HTML)나 XML 형식의 파일입니다. Excel에서 열어 'Excel 통합 문서(*.xlsx)'로 다시 저장해 주세요",
		"this is a web page (HTML) or XML file. Open it in Excel and save it as an Excel Workbook (*.xlsx)")
	idTextNUL = msg.Define("sheet.text_nul",
		"%d번째 줄에 글자가 아닌 0 바이트(NUL)가 있습니다. 파일이 손상되었을 수 있습니다. Excel에서 열어 그 줄을 확인한 뒤 'CSV UTF-8'로 다시 저장해 주세요",
		"line %d holds a zero byte (NUL), which is not text; the file may be damaged. Open it in Excel, check that line and save it again as CSV UTF-8")
	idTextBadByte = msg.Define("sheet.text_bad_byte",
		"%d번째 줄에 글자로 읽을 수 없는 바이트가 있습니다(파일의 나머지는 %s). 파일이 손상되었을 수 있습니다. 그 줄을 확인한 뒤 'CSV UTF-8'로 다시 저장해 주세요",
		"line %d holds a byte that is not a character (the rest of the file is %s); the file may be damaged. Check that line and save the file again as CSV UTF-8")
	idTextMixed = msg.Define("sheet.text_mixed",
		"%d번째 줄은 %s인데 파일의 나머지는 %s로 저장되어 있습니다. 두 파일을 이어 붙인 것 같습니다. 한 가지 인코딩(CSV UTF-8)으로 다시 저장해 주세요",
		"line %d is in %s but the rest of the file is in %s: two files seem to have been joined. Save it again in one encoding (CSV UTF-8)")
	idEmpty = msg.Define("sheet.empty",
		"파일에 내용이 있는 시트가 없습니다. 내용을 채운 파일인지 확인해 주세요",
		"no sheet in the file has any content. Check that the filled-in file was sent")
	idSheetMacro = msg.Define("sheet.skipped_macro",
		"Excel 4.0 매크로 시트라서 읽지 않았습니다",
		"this is an Excel 4.0 macro sheet and was not read")
	idSheetUnlinked = msg.Define("sheet.skipped_unlinked",
		"이 시트는 읽지 않았습니다. 파일 안에 시트의 내용과 이어지는 연결 정보가 없습니다(파일 일부 손상). 이 시트가 필요하면 보낸 곳에 새 파일을 요청해 주세요",
		"this sheet was not read: the file does not link it to its content (the file is partly damaged). If the sheet is needed, ask the sender for a new copy")
	idSheetTooLarge = msg.Define("sheet.skipped_too_large",
		"이 시트는 너무 커서 읽지 않았습니다(%s 한도 %s). 다른 시트는 읽었습니다",
		"this sheet was not read because it is too large (%s limit %s); the other sheets were read")
	idFolder = msg.Define("sheet.folder",
		"파일이 아니라 폴더입니다. 폴더 안에서 가져올 파일을 골라 주세요",
		"this is a folder, not a file. Choose the file to import inside it")
	idNotFile = msg.Define("sheet.not_a_file",
		"저장된 파일이 아닙니다(장치나 파이프 같은 특수 파일). 저장된 스프레드시트 파일을 골라 주세요",
		"this is not a saved file (it is a device, a pipe or another special file). Choose a saved spreadsheet file")
	idCannotRead = msg.Define("sheet.cannot_read",
		"파일을 읽을 수 없습니다. 파일이 있는지, 다른 프로그램(Excel 등)에서 열려 있지 않은지 확인해 주세요",
		"the file cannot be read. Check that it exists and is not open in another program (such as Excel)")
)

// Sentinels for errors.Is: msg.Error matches by message id, so
// errors.Is(err, sheet.ErrPasswordNeeded) holds for any file and place.
var (
	ErrLegacyXLS          = &msg.Error{ID: idLegacyXLS}
	ErrOldBIFF            = &msg.Error{ID: idOldBIFF}
	ErrLockFile           = &msg.Error{ID: idLockFile}
	ErrHWP                = &msg.Error{ID: idHWP}
	ErrXLSB               = &msg.Error{ID: idXLSB}
	ErrODS                = &msg.Error{ID: idODS}
	ErrPasswordNeeded     = &msg.Error{ID: idPasswordNeeded}
	ErrWrongPassword      = &msg.Error{ID: idWrongPassword}
	ErrUnsupportedEncrypt = &msg.Error{ID: idEncryption}
	ErrDamaged            = &msg.Error{ID: idDamaged}
	ErrTooLarge           = &msg.Error{ID: idTooLarge}
	ErrNotSpreadsheet     = &msg.Error{ID: idNotSpreadsheet}
	ErrMarkup             = &msg.Error{ID: idMarkup}
	ErrEmptyWorkbook      = &msg.Error{ID: idEmpty}
	ErrTextNUL            = &msg.Error{ID: idTextNUL}
	ErrTextBadByte        = &msg.Error{ID: idTextBadByte}
	ErrTextMixed          = &msg.Error{ID: idTextMixed}
	ErrCannotRead         = &msg.Error{ID: idCannotRead}
	ErrFolder             = &msg.Error{ID: idFolder}
	ErrNotFile            = &msg.Error{ID: idNotFile}
)

// Names of the limits, rendered in the reader's language when the message
// is, so one message id serves every limit.
var (
	limFileSize      = msg.Define("sheet.limit.file_size", "파일 크기", "file size")
	limUnzipSize     = msg.Define("sheet.limit.unzip_size", "압축을 푼 크기", "unzipped size")
	limPartSize      = msg.Define("sheet.limit.part_size", "파일 안 항목 하나의 크기", "size of one part")
	limRows          = msg.Define("sheet.limit.rows", "행 수", "rows")
	limCols          = msg.Define("sheet.limit.cols", "열 수", "columns")
	limCells         = msg.Define("sheet.limit.cells", "셀 수", "cells")
	limSharedStrings = msg.Define("sheet.limit.shared_strings", "공유 문자열 수", "shared strings")
	limMerges        = msg.Define("sheet.limit.merges", "병합 영역 수", "merged ranges")
	limStyles        = msg.Define("sheet.limit.styles", "셀 서식 수", "cell styles")
	limElements      = msg.Define("sheet.limit.elements", "XML 요소 수", "XML elements")
)

// localized renders a message id at the moment the error is printed, so a
// language switch after the error was made still shows the right words.
type localized msg.ID

func (l localized) String() string { return msg.Text(msg.ID(l)) }

// newErr makes a user error for file; sheet and cell may be empty.
func newErr(sentinel *msg.Error, where msg.Where, cause error) *msg.Error {
	return &msg.Error{Where: where, ID: sentinel.ID, Err: cause}
}

// limitError is raised deep in a reader (often through encoding/xml, which
// passes reader errors up unchanged) and turned into ErrTooLarge at the top.
type limitError struct {
	what  msg.ID
	limit int64
	bytes bool // the limit is a size, shown in MiB
}

func (e *limitError) Error() string { return fmt.Sprintf("limit exceeded: %s > %d", e.what, e.limit) }

func (e *limitError) toMsg(where msg.Where) *msg.Error {
	var shown string
	if e.bytes {
		shown = fmt.Sprintf("%d MiB", e.limit>>20)
	} else {
		shown = groupThousands(e.limit)
	}
	return &msg.Error{Where: where, ID: idTooLarge, Args: []any{localized(e.what), shown}, Err: e}
}

// groupThousands writes 200000 as "200,000", the way both languages read it.
func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
