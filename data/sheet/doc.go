// Package sheet opens the files city offices send (xlsx, CSV in UTF-8 or
// CP949, and the HTML tables government systems hand out as .xls) and
// gives the layer above a faithful grid of raw cell values with their
// number formats, hidden flags and merges.
//
// It decides what a file is by its bytes, never by its name: Hancom Office
// has been seen saving .xls content under a .xlsx name, and a PNG renamed to
// .xlsx must be refused as "not a spreadsheet", not as "damaged". Every
// refusal is a *msg.Error that names the file and says truly what is wrong
// (an old .xls, an Excel 4 sheet, Excel's lock file, a 한글 document, a
// password, a bad line of a CSV), keeps the technical cause in its Err for
// the details, and each kind has an exported sentinel for errors.Is.
// Sheets listed but not read (macro sheets, sheets the file does not link
// to their content, sheets over a limit) are named in Workbook.Warnings.
//
// Workbooks are read in one streaming pass over the zip with our own limits
// (file size, inflated size, rows, columns, cells) rather than through
// excelize's whole-sheet model: excelize either drops the cell style
// (Rows) or builds the whole sheet in memory (GetCellValue, ~1.1 GB for
// 100,000×20). Row, column and cell limits are each sheet's own: a huge
// sheet is left out, with a warning, rather than the workbook refused.
// excelize is used only to decrypt password-protected files, with this
// package's own agile decryption where excelize derives the key wrongly.
// The corpus test (corpus_test.go) holds the outcome for every file of
// ../shared/corpus, spreadsheets from other projects and Korean agencies.
package sheet
