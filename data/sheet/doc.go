// Package sheet opens the files city offices send (xlsx, CSV in UTF-8 or
// CP949) and gives the layer above a faithful grid of raw cell values with
// their number formats, hidden flags and merges.
//
// It decides what a file is by its bytes, never by its name: Hancom Office
// has been seen saving .xls content under a .xlsx name, and a PNG renamed to
// .xlsx must be refused as "not a spreadsheet", not as "damaged". Every
// refusal is a *msg.Error that names the file and says what to do, and each
// kind has an exported sentinel for errors.Is.
//
// Workbooks are read in one streaming pass over the zip with our own limits
// (file size, inflated size, rows, columns, cells) rather than through
// excelize's whole-sheet model: excelize either drops the cell style
// (Rows) or builds the whole sheet in memory (GetCellValue, ~1.1 GB for
// 100,000×20). excelize is used only to decrypt password-protected files.
package sheet
