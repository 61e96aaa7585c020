// Command virastar compares rokhdad's typography fixes with Virastar's on the same cases: run by
// compare.sh, which installs Virastar 0.22.1 and has it clean every case (run.mjs). For each tool
// it prints how many texts with mistakes it fixed (its output is the correct form), how many texts
// that must stay it changed (harmed), how many texts with mistakes it turned into something that is
// neither the text nor its correct form (wrong), and on how many a second run changes the output
// again (not idempotent).
//
//	go run ./scripts/virastar -virastar OUT.jsonl CASES.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/rokhdad/rokhdad/internal/check"
)

type tcase struct {
	In   string `json:"in"`
	Want string `json:"want"`
	Note string `json:"note"`
}

type vout struct {
	In   string `json:"in"`
	Out  string `json:"out"`
	Out2 string `json:"out2"`
}

type score struct{ fixed, fixes, harmed, keeps, wrong, unstable int }

func (s *score) add(c tcase, out, out2 string) {
	if c.Want != "" {
		s.fixes++
		switch out {
		case c.Want:
			s.fixed++
		case c.In:
		default:
			s.wrong++
		}
	} else {
		s.keeps++
		if out != c.In {
			s.harmed++
		}
	}
	if out2 != out {
		s.unstable++
	}
}

func pct(a, b int) string {
	return fmt.Sprintf("%d/%d (%.1f%%)", a, b, 100*float64(a)/float64(max(b, 1)))
}

func main() {
	vfile := flag.String("virastar", "", "Virastar's outputs, one JSON line per case (run.mjs)")
	verbose := flag.Bool("v", false, "print every case a tool gets wrong")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/virastar [-v] [-virastar OUT.jsonl] CASES.jsonl...")
		os.Exit(2)
	}
	var cases []tcase
	for _, name := range flag.Args() {
		cases = append(cases, read[tcase](name)...)
	}
	var vs []vout
	if *vfile != "" {
		vs = read[vout](*vfile)
		if len(vs) != len(cases) {
			fail(fmt.Errorf("%s has %d outputs for %d cases", *vfile, len(vs), len(cases)))
		}
	}
	var rk, vr score
	for i, c := range cases {
		out, _ := check.Fix(c.In)
		out2, _ := check.Fix(out)
		rk.add(c, out, out2)
		if *verbose && out != want(c) {
			fmt.Printf("rokhdad  %s\n  in   %s\n  out  %s\n  want %s\n", c.Note, show(c.In), show(out), show(want(c)))
		}
		if vs != nil {
			if vs[i].In != c.In {
				fail(fmt.Errorf("output %d is for another case", i+1))
			}
			vr.add(c, vs[i].Out, vs[i].Out2)
			if *verbose && vs[i].Out != want(c) {
				fmt.Printf("virastar %s\n  in   %s\n  out  %s\n  want %s\n", c.Note, show(c.In), show(vs[i].Out), show(want(c)))
			}
		}
	}
	fmt.Printf("%d cases: %d with mistakes, %d that must stay\n\n", len(cases), rk.fixes, rk.keeps)
	fmt.Printf("%-16s %-18s %-18s %-18s %s\n", "tool", "fixed", "harmed", "wrong", "not idempotent")
	line := func(name string, s score) {
		fmt.Printf("%-16s %-18s %-18s %-18s %s\n", name, pct(s.fixed, s.fixes), pct(s.harmed, s.keeps), pct(s.wrong, s.fixes), pct(s.unstable, len(cases)))
	}
	line("rokhdad", rk)
	if vs != nil {
		line("virastar 0.22.1", vr)
	}
}

func want(c tcase) string {
	if c.Want == "" {
		return c.In
	}
	return c.Want
}

func show(s string) string {
	return strings.NewReplacer("\u200c", "{ZWNJ}", "\u0654", "{HAMZA}", "\n", "⏎").Replace(s)
}

func read[T any](name string) []T {
	f, err := os.Open(name)
	if err != nil {
		fail(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			fail(fmt.Errorf("%s:%d: %v", name, n, err))
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
	return out
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "virastar:", err)
	os.Exit(1)
}
