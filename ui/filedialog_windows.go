package ui

import (
	"fmt"
	"runtime"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows the system dialog is the common file dialog of comdlg32
// (Explorer's, with Quick access, recent folders, a typed path and several
// files at once), called through golang.org/x/sys/windows: no cgo, nothing
// beyond go.mod. sqweek/dialog wraps the same call but picks one file only,
// has no owner window (its dialog can open behind ours) and a MAX_PATH
// buffer.

var (
	comdlg32             = windows.NewLazySystemDLL("comdlg32.dll")
	getOpenFileName      = comdlg32.NewProc("GetOpenFileNameW")
	getSaveFileName      = comdlg32.NewProc("GetSaveFileNameW")
	commDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
)

// openFileName is OPENFILENAMEW (commdlg.h); Go's alignment of these field
// types is the C one on 386, amd64 and arm64.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reservedDW    uint32
	flagsEx       uint32
}

const (
	ofnOverwritePrompt  = 0x00000002
	ofnHideReadOnly     = 0x00000004
	ofnNoChangeDir      = 0x00000008
	ofnAllowMultiSelect = 0x00000200
	ofnPathMustExist    = 0x00000800
	ofnFileMustExist    = 0x00001000
	ofnExplorer         = 0x00080000
	fileBufferChars     = 1 << 16 // room for many long Korean paths
)

func platformDialog(string) systemDialog {
	if getOpenFileName.Find() != nil {
		return nil
	}
	return commonDialog{}
}

type commonDialog struct{}

// run shows the dialog and returns the buffer it filled; ok false when
// the user cancelled.
func (commonDialog) run(proc *windows.LazyProc, r fileRequest, flags uint32) (buf []uint16, ok bool, err error) {
	// The dialog's window belongs to the calling thread: keep the
	// goroutine on it until the dialog returns.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	buf = make([]uint16, fileBufferChars)
	if r.name != "" {
		name, _ := windows.UTF16FromString(r.name)
		copy(buf[:len(buf)-1], name)
	}
	filter := filterList(r.exts)
	o := openFileName{owner: r.parent, file: &buf[0], maxFile: uint32(len(buf)), flags: flags | ofnExplorer | ofnNoChangeDir | ofnHideReadOnly}
	o.structSize = uint32(unsafe.Sizeof(o))
	if len(filter) > 0 {
		o.filter, o.filterIndex = &filter[0], 1
	}
	if r.folder != "" {
		o.initialDir, _ = windows.UTF16PtrFromString(r.folder)
	}
	if r.title != "" {
		o.title, _ = windows.UTF16PtrFromString(r.title)
	}
	if len(r.exts) > 0 {
		o.defExt, _ = windows.UTF16PtrFromString(strings.TrimPrefix(r.exts[0], "."))
	}
	ret, _, _ := proc.Call(uintptr(unsafe.Pointer(&o)))
	runtime.KeepAlive(filter)
	if ret != 0 {
		return buf, true, nil
	}
	if code, _, _ := commDlgExtendedError.Call(); code != 0 {
		return nil, false, fmt.Errorf("%w: CommDlgExtendedError %#x", errNoSystemDialog, code)
	}
	return nil, false, nil // cancelled
}

func (d commonDialog) open(r fileRequest) ([]string, error) {
	flags := uint32(ofnFileMustExist | ofnPathMustExist)
	if r.multiple {
		flags |= ofnAllowMultiSelect
	}
	r.name = ""
	buf, ok, err := d.run(getOpenFileName, r, flags)
	if !ok {
		return nil, err
	}
	return multiSelection(buf), nil
}

// asksOverwrite: OFN_OVERWRITEPROMPT.
func (commonDialog) asksOverwrite() bool { return true }

func (d commonDialog) save(r fileRequest) (string, error) {
	buf, ok, err := d.run(getSaveFileName, r, ofnOverwritePrompt|ofnPathMustExist)
	if !ok {
		return "", err
	}
	return windows.UTF16ToString(buf), nil
}
