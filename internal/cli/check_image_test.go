package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// imageSite is the basic site with a bad front-matter image of each kind, written on line 11 of each
// article, plus a good one that exists under static/.
func imageSite(t *testing.T) string {
	t.Helper()
	img := func(v string) func(string) string {
		return func(s string) string {
			return strings.Replace(s, "image_credit = \"Photographer/Agency\"\n", "image_credit = \"Photographer/Agency\"\nimage = "+v+"\nimage_alt = \"x\"\n", 1)
		}
	}
	dir := checkSite(t, map[string]func(string) string{
		faFile:                               img(`"../../../etc/passwd"`),
		"content/en/incidents/api-outage.md": img(`"javascript:alert(document.cookie)"`),
		enFile: func(s string) string {
			return strings.Replace(s, "timezone = \"Asia/Tehran\"\n", "timezone = \"Asia/Tehran\"\nimage = \"images/missing.jpg\"\nimage_alt = \"x\"\n", 1)
		},
	})
	return dir
}

// check reports every front-matter image that leaves static/, is not a path or an http(s) URL, or
// does not exist, as an error at its key; build refuses them alike.
func TestCheckImages(t *testing.T) {
	dir := imageSite(t)
	code, out, errOut := runCheckCmd("-s", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		faFile + `:11:1: error: image "../../../etc/passwd" leads out of static/ [image] (put the picture under static/`,
		`content/en/incidents/api-outage.md:11:1: error: image "javascript:alert(document.cookie)" is a javascript: URL`,
		enFile + `:5:1: error: image "images/missing.jpg": there is no file static/images/missing.jpg [image] (put the picture at static/images/missing.jpg`,
	} {
		if !strings.Contains(plain(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, out, errOut := run("build", "-s", dir, "-d", dest); code != 1 || !strings.Contains(out+errOut, `image "../../../etc/passwd"`) {
		t.Errorf("build: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("build wrote %s: %v", dest, err)
	}

	// Fixed — the file put under static/, the others a path and an https URL — it is clean.
	if err := os.MkdirAll(filepath.Join(dir, "static", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "images", "missing.jpg"), []byte("jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	for f, v := range map[string]string{faFile: `"images/missing.jpg"`, "content/en/incidents/api-outage.md": `"https://example.org/x.jpg"`} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.Replace(string(b), `"../../../etc/passwd"`, v, 1)
		s = strings.Replace(s, `"javascript:alert(document.cookie)"`, v, 1)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := runCheckCmd("-s", dir); code != 0 || strings.Contains(out, "[image]") {
		t.Errorf("fixed: exit %d\n%s%s", code, out, errOut)
	}
}

// The same, as check prints it (testdata/golden/check-image.txt; go test ./internal/cli -run
// TestCheckImageGolden -update rewrites it).
func TestCheckImageGolden(t *testing.T) {
	dir := imageSite(t)
	_, out, errOut := runCheckCmd("-s", dir)
	got := strings.ReplaceAll(out+errOut, dir, "SITE")
	assertGolden(t, "check-image", got)
}
