package cli

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// The command line's tests as scripts, in the style of Go's own cmd/go: each file under
// testdata/script is a txtar archive holding a site (site.toml, content/…) and a script that runs
// rokhdad on it and checks what it printed (stdout, stderr, cmp) and what it wrote (exists, cmp,
// grep). `go doc github.com/rogpeppe/go-internal/testscript` lists the script commands; scriptCmds
// below adds those for serve.

// TestMain makes this package's test binary the rokhdad command when a script runs it (testscript
// puts a copy named rokhdad on the scripts' PATH), or when TestBuildSIGINT runs it with
// ROKHDAD_RUN_MAIN=1 to send it real signals.
func TestMain(m *testing.M) {
	if os.Getenv("ROKHDAD_RUN_MAIN") == "1" {
		os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){"rokhdad": scriptRokhdad})
}

// stdoutCopyEnv names a file to which the scripts' rokhdad also writes its standard output, as it
// writes it: testscript shows a background command's output only once it has ended, and a script
// needs the URL that serve -p 0 prints while it runs.
const stdoutCopyEnv = "ROKHDAD_SCRIPT_STDOUT"

// scriptRokhdad is cmd/rokhdad's main, with the copy of standard output that stdoutCopyEnv asks for.
func scriptRokhdad() {
	var stdout io.Writer = os.Stdout
	if name := os.Getenv(stdoutCopyEnv); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		stdout = io.MultiWriter(os.Stdout, f)
	}
	os.Exit(Run(os.Args[1:], stdout, os.Stderr))
}

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                filepath.Join("testdata", "script"),
		Cmds:               scriptCmds,
		RequireUniqueNames: true,
	})
}

// scriptWait bounds every wait of the scripts' own commands.
const scriptWait = 20 * time.Second

var scriptClient = &http.Client{Timeout: 5 * time.Second}

// scriptCmds are the scripts' commands beside testscript's own:
//
//	serving FILE                         wait until the serve whose stdout is copied to FILE
//	                                     (ROKHDAD_SCRIPT_STDOUT) listens; set $URL to its base URL
//	                                     and $PORT to its port
//	get [-host HOST] [-status CODE] URL  fetch URL, with the Host header HOST; fail unless the
//	                                     status is CODE (default 200); the body is the stdout
//	waitget URL REGEXP                   fetch URL until it answers 200 with a body that matches
//	                                     REGEXP; the body is the stdout
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"serving": cmdServing,
	"get":     cmdGet,
	"waitget": cmdWaitGet,
}

var servingLine = regexp.MustCompile(`(?m)^serving (http://[^/]+:(\d+)/) \(Ctrl-C to stop\)$`)

func cmdServing(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: serving FILE")
	}
	var text string
	for deadline := time.Now().Add(scriptWait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		b, _ := os.ReadFile(ts.MkAbs(args[0]))
		text = string(b)
		if m := servingLine.FindStringSubmatch(text); m != nil {
			ts.Setenv("URL", m[1])
			ts.Setenv("PORT", m[2])
			return
		}
	}
	ts.Fatalf("no serving line in %s after %v; it holds %q", args[0], scriptWait, text)
}

// fetch GETs u with the Host header host (when not "") and returns the status and body.
func fetch(u, host string) (int, string, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, "", err
	}
	if host != "" {
		req.Host = host
	}
	res, err := scriptClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, string(b), err
}

func cmdGet(ts *testscript.TestScript, neg bool, args []string) {
	host, status := "", http.StatusOK
	for len(args) > 2 {
		switch args[0] {
		case "-host":
			host = args[1]
		case "-status":
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			status = n
		default:
			ts.Fatalf("get: unknown flag %s", args[0])
		}
		args = args[2:]
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: get [-host HOST] [-status CODE] URL")
	}
	code, body, err := fetch(args[0], host)
	ts.Check(err)
	fmt.Fprint(ts.Stdout(), body)
	if code != status {
		ts.Fatalf("GET %s: status %d, want %d", args[0], code, status)
	}
}

func cmdWaitGet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: waitget URL REGEXP")
	}
	re, err := regexp.Compile(args[1])
	ts.Check(err)
	var code int
	var body string
	for deadline := time.Now().Add(scriptWait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		code, body, err = fetch(args[0], "")
		if err == nil && code == http.StatusOK && re.MatchString(body) {
			fmt.Fprint(ts.Stdout(), body)
			return
		}
	}
	ts.Fatalf("GET %s did not match %q within %v: status %d, error %v", args[0], args[1], scriptWait, code, err)
}
