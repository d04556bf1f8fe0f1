package value

import "testing"

func TestFormatDecimals(t *testing.T) {
	for f, want := range map[string]int{
		"#,##0": 0, "#,##0.0#": 2, "0.0%": 1, "": 0, "General": 0, "0.00": 2, "0.0": 1,
		"#,##0.00;[Red]-#,##0.000": 2, `#,##0"원.00"`: 0, `0\.00`: 0, "#,##0.0_);(#,##0.0)": 1,
		"[$-412]#,##0.000": 3, "0.00E+00": 2, "# ?/?": 0,
	} {
		if got := FormatDecimals(f); got != want {
			t.Errorf("FormatDecimals(%q) = %d, want %d", f, got, want)
		}
	}
}

func TestIsPercentFormat(t *testing.T) {
	for f, want := range map[string]bool{
		"0%": true, "0.0%": true, "#,##0.00%": true, "[Red]0.0%": true,
		`"%"`: false, `0\%`: false, "#,##0": false, "General": false, "": false, "0.0;0.0%": false,
	} {
		if got := IsPercentFormat(f); got != want {
			t.Errorf("IsPercentFormat(%q) = %v, want %v", f, got, want)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	for f, want := range map[string]bool{
		"yyyy-mm": true, `yyyy"년" m"월"`: true, "mm-dd-yy": true, "yyyy-mm-dd": true, "m/d/yy": true,
		`[$-412]yyyy"년" mm"월" dd"일"`: true, "d-mmm-yy": true, "h:mm": true, "[h]:mm:ss": true, "yyyy/mm/dd;@": true,
		"#,##0": false, "0.0%": false, "General": false, "": false, "@": false, "[Red]#,##0": false,
		`#,##0"명"`: false, `0"일"`: false, `#,##0 "days"`: false, "0.00E+00": false, `\d0`: false,
	} {
		if got := IsDateFormat(f); got != want {
			t.Errorf("IsDateFormat(%q) = %v, want %v", f, got, want)
		}
	}
}
