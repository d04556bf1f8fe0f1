// Package value reads the text of one office-sheet cell — amounts, dates,
// months, periods, progress and contacts — into canonical values.
//
// Input is the raw cell value as stored in the workbook (numbers as the
// number text Excel writes, never the formatted display) or CSV text. The
// package never guesses: vague text such as "약 80억" is an error that names
// the text, so the importer can point the user at the cell.
package value
