// Command haeoreum-cli does to the register everything the window does to
// data, headless, on the same register file. Its flags and JSON are a
// stable interface (see README): exit 0 on success, 1 on a user error
// (the message names file, sheet and cell), 2 on a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/haeoreum/register/data/msg"
	"github.com/haeoreum/register/data/register"
	"github.com/haeoreum/register/data/value"
)

const usage = `사용법 / usage:
  haeoreum-cli [--db PATH] import [--dry-run] [--city pohang|ulsan|gyeongju] [--unit 천원] [--as-of YYYY-MM-DD] [--sheet NAME]
               [--header-row N] [--column COL=FIELD]... [--add-new] [--no-profile] [--password PW] [--json] FILE...
  haeoreum-cli [--db PATH] list --json
  haeoreum-cli [--db PATH] conflicts --json
  haeoreum-cli [--db PATH] resolve --id N (--keep | --take CITY | --value V [--unit 원|천원|백만원|억원])
  haeoreum-cli [--db PATH] history CODE
  haeoreum-cli [--db PATH] export --out REPORT.xlsx [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--force]
  haeoreum-cli [--db PATH] template --city CITY --out FILE.xlsx [--blank] [--force]
  haeoreum-cli [--db PATH] undo
  haeoreum-cli [--db PATH] check
  haeoreum-cli [--db PATH] plan [set --year Y --projects N --continuing N --new N --field '분야=실무협의회'...]
  haeoreum-cli [--db PATH] round new --name NAME --as-of YYYY-MM-DD [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']
  haeoreum-cli [--db PATH] round list [--json]
  haeoreum-cli [--db PATH] round status [--round NAME] [--json]
  haeoreum-cli [--db PATH] round templates [--round NAME] --out DIR [--force]
  haeoreum-cli [--db PATH] round chase --city CITY [--round NAME] --out FILE.xlsx [--force]
  haeoreum-cli [--db PATH] round close [--round NAME]
  haeoreum-cli [--db PATH] round edit [--round NAME] [--as-of YYYY-MM-DD] [--due YYYY-MM-DD] [--plan-year Y] [--groups 'A,B']
  haeoreum-cli [--db PATH] profile list [--json] | profile show ID [--json] | profile delete ID
  haeoreum-cli [--db PATH] backup
  haeoreum-cli [--db PATH] restore BACKUP.db
  haeoreum-cli [--db PATH] load-sample

Without --db the default register is used (the same as the window's).
--verbose (before the command) also prints an error's technical cause.
Messages are in Korean; set HAEOREUM_LANG=en for English.
`

// usageError is a mistake in the command line itself: exit status 2.
type usageError struct{ text string }

func (e usageError) Error() string { return e.text }

// Set by the release build (-ldflags -X); "dev" in a plain build.
var version, build, commit = "dev", "", ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// terminalSafe writes text with every control character a terminal would
// obey (ESC, BEL, bidi overrides …) shown as ⟨U+001B⟩ instead: a sheet's
// names and values never retitle or clear the user's terminal.
type terminalSafe struct{ w io.Writer }

func (t terminalSafe) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, value.Visible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// run is main without the exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	stdout, stderr = terminalSafe{stdout}, terminalSafe{stderr}
	msg.SetLanguage(msg.LanguageFromEnv(os.Getenv("HAEOREUM_LANG"), os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")))
	global := flag.NewFlagSet("haeoreum-cli", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	db := global.String("db", "", "register file")
	verbose := global.Bool("verbose", false, "print the technical cause of an error too")
	if err := global.Parse(args); err != nil || global.NArg() == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	name, rest := global.Arg(0), global.Args()[1:]
	if name == "version" {
		fmt.Fprintf(stdout, "haeoreum-cli %s %s %s\n", version, build, commit)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "알 수 없는 명령 / unknown command: %s\n\n%s", name, usage)
		return 2
	}
	path := *db
	if path == "" {
		path, _ = register.DefaultPath()
	}
	err := cmd(&env{dbPath: path, stdout: stdout, stderr: stderr}, rest)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s\n\n%s", ue.text, usage)
		return 2
	default:
		fmt.Fprintln(stderr, "오류 / error:", msg.Render(err))
		if cause := msg.Cause(err); cause != "" && *verbose {
			fmt.Fprintln(stderr, "  원인 / cause:", cause)
		}
		return 1
	}
}
