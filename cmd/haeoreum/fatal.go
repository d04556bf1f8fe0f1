package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/haeoreum/register/data/register"
)

// The window needs OpenGL 2.1. Over remote desktop or VDI, or on a PC
// without a graphics driver, GLFW fails; Fyne only logs it and then quits
// or exits silently. These lines of Fyne's (and GLFW's) log mean exactly
// that, so the log is watched for them.
var glFailures = []string{
	"failed to initialise GLFW", "failed to initialise OpenGL", "window creation error",
	"WGL:", "GLX:", "APIUnavailable", "VersionUnavailable", "does not appear to support OpenGL",
	// seen under Wine without a display: GLFW cannot make its helper window
	"Failed to create helper window", "NotInitialized",
}

const glMessage = `이 컴퓨터에서는 OpenGL 2.1을 사용할 수 없어 해오름 등록부 창을 열 수 없습니다.
원격 데스크톱(RDP)·VDI로 접속했거나 그래픽 드라이버가 설치되지 않은 경우에 생깁니다.
해결: PC에서 직접 실행하거나, 그래픽 드라이버를 설치하거나, 프로그램 폴더에 Mesa 소프트웨어 opengl32.dll을 넣어 주세요.
창 없이 쓰는 haeoreum-cli는 이 컴퓨터에서도 쓸 수 있습니다. 등록부 자료는 그대로입니다.

The Haeoreum Register window cannot open: OpenGL 2.1 is not available on this computer
(remote desktop / VDI, or no graphics driver). Run it on the PC itself, install the graphics
driver, or put Mesa's software opengl32.dll next to the program. haeoreum-cli works without
OpenGL. The register's data is unchanged.`

// logFilePath is where the window's log goes: the register's data folder.
func logFilePath() string { return filepath.Join(register.DataDir(), "haeoreum.log") }

// setupLog sends the standard logger (Fyne's too) to stderr and the log
// file, watching for OpenGL failures.
func setupLog() func() {
	var out io.Writer = os.Stderr
	var file *os.File
	if err := os.MkdirAll(register.DataDir(), 0o755); err == nil {
		if f, err := os.OpenFile(logFilePath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644); err == nil {
			file = f
			out = io.MultiWriter(os.Stderr, f)
		}
	}
	log.SetOutput(&glWatch{w: out})
	return func() {
		if file != nil {
			file.Close()
		}
	}
}

type glWatch struct {
	w    io.Writer
	once sync.Once
}

func (g *glWatch) Write(p []byte) (int, error) {
	n, err := g.w.Write(p)
	s := string(p)
	for _, f := range glFailures {
		if strings.Contains(s, f) {
			g.once.Do(func() { fatal(glMessage, s) })
		}
	}
	return n, err
}

// fatal writes a clear message to the error log file, shows it (a native
// message box on Windows, stderr elsewhere) and exits.
func fatal(message, detail string) {
	path := filepath.Join(register.DataDir(), "haeoreum-error.log")
	text := fmt.Sprintf("%s\n\n%s\n\n%s\n", time.Now().Format(time.RFC3339), message, strings.TrimSpace(detail))
	_ = os.MkdirAll(filepath.Dir(path), 0o755)
	if f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644); err == nil {
		f.WriteString(text + "\n")
		f.Close()
	}
	fmt.Fprintln(os.Stderr, text)
	fmt.Fprintln(os.Stderr, "→", path)
	showNativeError("해오름 등록부 / Haeoreum Register", message+"\n\n("+path+")")
	os.Exit(3)
}

// recoverFatal turns a panic on the main goroutine into the same clear
// message instead of a crash with no window.
func recoverFatal() {
	if r := recover(); r != nil {
		fatal("해오름 등록부에 예기치 않은 오류가 생겨 종료합니다. 등록부 자료는 마지막 저장 상태 그대로입니다. 이 파일을 사무국에 보내 주세요.\n"+
			"The Haeoreum Register stopped after an unexpected error. The register is as last saved. Send this file to the secretariat.",
			fmt.Sprint(r)+"\n"+string(debug.Stack()))
	}
}
