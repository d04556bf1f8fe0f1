// Package msg holds every user-facing message of the data layer in Korean and
// English, and the Error type that says where in which file a problem is.
//
// Korean is the default: the officials who use the register read Korean. The
// window and the CLI pick the language once at start with SetLanguage.
package msg

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// Lang is a message language: "ko" or "en".
type Lang string

const (
	Korean  Lang = "ko"
	English Lang = "en"
)

var current atomic.Value // Lang

func init() { current.Store(Korean) }

// SetLanguage chooses the language of every message made after the call.
// Anything but English means Korean.
func SetLanguage(l Lang) {
	if l != English {
		l = Korean
	}
	current.Store(l)
}

// Language returns the language messages are made in.
func Language() Lang { return current.Load().(Lang) }

// LanguageFromEnv maps a POSIX locale string (LANG, LC_ALL) or a bare
// language code to a message language.
func LanguageFromEnv(values ...string) Lang {
	for _, v := range values {
		v = strings.ToLower(strings.TrimSpace(v))
		switch {
		case v == "":
			continue
		case strings.HasPrefix(v, "en"):
			return English
		case strings.HasPrefix(v, "ko"):
			return Korean
		}
	}
	return Korean
}

// ID names one message of the catalog.
type ID string

// Text renders message id with args in the current language. An id missing
// from the catalog renders as itself so that nothing is ever silent.
func Text(id ID, args ...any) string { return TextIn(Language(), id, args...) }

// TextIn renders message id in language l.
func TextIn(l Lang, id ID, args ...any) string {
	pair, ok := catalog[id]
	if !ok {
		if len(args) == 0 {
			return string(id)
		}
		return string(id) + ": " + fmt.Sprint(args...)
	}
	if l == English {
		return fmt.Sprintf(pair.en, args...)
	}
	// the particles after an argument are chosen once it is known
	return Particles(fmt.Sprintf(pair.ko, args...))
}

// Where names a place in an input file. Empty parts are left out.
type Where struct {
	File  string // base name of the file, as the user knows it
	Sheet string
	Cell  string // A1-style cell or row reference ("C12", "12행")
}

// String renders the place as "file › sheet › cell".
func (w Where) String() string {
	var parts []string
	if w.File != "" {
		parts = append(parts, w.File)
	}
	if w.Sheet != "" {
		parts = append(parts, Text(SheetLabel, w.Sheet))
	}
	if w.Cell != "" {
		parts = append(parts, Text(CellLabel, w.Cell))
	}
	return strings.Join(parts, ", ")
}

// Error is a user error: bad input, a refused file, a value that cannot be
// read. It renders in the current language and names the place.
type Error struct {
	Where Where
	ID    ID
	Args  []any
	Err   error // the underlying cause, kept for errors.Is/As and logs
}

// Errorf makes an Error at place w.
func Errorf(w Where, id ID, args ...any) *Error { return &Error{Where: w, ID: id, Args: args} }

// Wrap makes an Error at place w that keeps cause for errors.Is.
func Wrap(cause error, w Where, id ID, args ...any) *Error {
	return &Error{Where: w, ID: id, Args: args, Err: cause}
}

func (e *Error) Error() string {
	text := Text(e.ID, e.Args...)
	if where := e.Where.String(); where != "" {
		return where + ": " + text
	}
	return text
}

func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is match two Errors by message id.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

var msgUnexpected = Define("unexpected",
	"예기치 않은 문제로 작업을 마치지 못했습니다. 다시 시도해 보고, 같은 일이 또 생기면 한 일을 적어 사무국에 알려 주세요.",
	"something unexpected went wrong and the operation did not finish. Try again; if it happens again, note what you did and tell the secretariat.")

// Render is what a person reads for err: the first *Error in its chain, in
// the current language; any other error (a bug, a library's English text)
// becomes a plain "something unexpected" message, its text left for
// Cause and the logs.
func Render(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return sentence(e.Error())
	}
	return Text(msgUnexpected)
}

// sentence ends a Korean message that a person reads on its own with a
// full stop. The catalog's texts leave it off where they may also stand
// inside another message (a cell's reason within a file's refusal), so it
// is added here, where the text is whole. English fragments are left as
// they are: they follow a place ("a.xlsx, cell C4: cannot read …").
func sentence(s string) string {
	if Language() != Korean {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(s); r >= 0xAC00 && r <= 0xD7A3 {
		return s + "."
	}
	return s
}

// Cause is the technical cause behind err for a details view or --verbose:
// the text of the innermost error that is not one of ours ("" when err is
// all ours).
func Cause(err error) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if _, ours := e.(*Error); !ours {
			return e.Error()
		}
	}
	return ""
}
