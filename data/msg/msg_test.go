package msg

import (
	"errors"
	"strings"
	"testing"
)

var testMsg = Define("test.value", "%s 값을 읽을 수 없습니다", "cannot read the value %s")

func TestErrorNamesPlaceInBothLanguages(t *testing.T) {
	defer SetLanguage(Korean)
	e := Errorf(Where{File: "a.xlsx", Sheet: "S", Cell: "C4"}, testMsg, "'약 80억'")
	SetLanguage(Korean)
	if got := e.Error(); got != "a.xlsx, 시트 'S', 셀 C4: '약 80억' 값을 읽을 수 없습니다" {
		t.Fatalf("korean: %q", got)
	}
	SetLanguage(English)
	if got := e.Error(); got != "a.xlsx, sheet 'S', cell C4: cannot read the value '약 80억'" {
		t.Fatalf("english: %q", got)
	}
}

func TestErrorsIsMatchesByID(t *testing.T) {
	cause := errors.New("zip: not a valid zip file")
	e := Wrap(cause, Where{File: "x.xlsx"}, testMsg, "x")
	if !errors.Is(e, &Error{ID: testMsg}) || !errors.Is(e, cause) {
		t.Fatal("errors.Is should match the id and the cause")
	}
}

func TestLanguageFromEnv(t *testing.T) {
	for in, want := range map[string]Lang{"en_US.UTF-8": English, "ko_KR.UTF-8": Korean, "C": Korean, "": Korean} {
		if got := LanguageFromEnv(in); got != want {
			t.Errorf("%q: got %s want %s", in, got, want)
		}
	}
}

// A Korean error read on its own ends with a full stop, once.
func TestRenderedKoreanErrorsEndWithAFullStop(t *testing.T) {
	defer SetLanguage(Korean)
	SetLanguage(Korean)
	e := Errorf(Where{File: "a.xlsx", Cell: "C4"}, testMsg, "'약 80억'")
	if got := Render(e); got != "a.xlsx, 셀 C4: '약 80억' 값을 읽을 수 없습니다." {
		t.Errorf("korean: %q", got)
	}
	if got := Render(errors.New("x")); strings.HasSuffix(got, "..") || !strings.HasSuffix(got, ".") {
		t.Errorf("unexpected: %q", got)
	}
	SetLanguage(English)
	if got := Render(e); got != "a.xlsx, cell C4: cannot read the value '약 80억'" {
		t.Errorf("english: %q", got)
	}
}
