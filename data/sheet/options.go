package sheet

// Limits bound what one file may cost. Zero fields take the defaults; the
// defaults are far above any city sheet and far below what hurts an office PC.
type Limits struct {
	MaxFileBytes  int64 // the file as sent; default 64 MiB
	MaxUnzipBytes int64 // all parts of a zip together, declared and actually inflated; default 512 MiB
	MaxPartBytes  int64 // one part of a zip, inflated; default 256 MiB
	MaxRows       int   // highest row number holding a value, and row elements per sheet; default 200,000
	MaxCols       int   // highest column holding a value; default 256
	MaxCells      int   // cells kept in the whole workbook; default 5,000,000 (about 120 MB of grid)
}

// Options for Open and OpenBytes.
type Options struct {
	// Password opens an encrypted (password-protected) xlsx. Ignored for
	// files that are not encrypted.
	Password string
	Limits   Limits
}

const (
	defaultMaxFileBytes  = 64 << 20
	defaultMaxUnzipBytes = 512 << 20
	defaultMaxPartBytes  = 256 << 20
	defaultMaxRows       = 200_000
	defaultMaxCols       = 256
	defaultMaxCells      = 5_000_000

	// Excel's own grid; a reference beyond it is damage, not a large sheet.
	excelMaxRows = 1_048_576
	excelMaxCols = 16_384
)

// withDefaults fills zero (or negative) limits.
func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = defaultMaxFileBytes
	}
	if l.MaxUnzipBytes <= 0 {
		l.MaxUnzipBytes = defaultMaxUnzipBytes
	}
	if l.MaxPartBytes <= 0 {
		l.MaxPartBytes = defaultMaxPartBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = defaultMaxRows
	}
	if l.MaxCols <= 0 {
		l.MaxCols = defaultMaxCols
	}
	if l.MaxCells <= 0 {
		l.MaxCells = defaultMaxCells
	}
	l.MaxRows = min(l.MaxRows, excelMaxRows)
	l.MaxCols = min(l.MaxCols, excelMaxCols)
	return l
}
