package cli

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/rokhdad/rokhdad/internal/config"
	"github.com/rokhdad/rokhdad/internal/diag"
)

// contentUsage is the grammar of new content's path, relative to the content folder: SECTION/NAME.md
// creates the article in every configured language (or those of --lang), as new incident NAME
// --section SECTION does; LANG/SECTION/NAME.md in that language only. A leading content/ (as in
// Hugo's quick start, hugo new content content/posts/x.md) and the .md are optional.
const contentUsage = "new content [LANG/]SECTION/NAME.md"

// contentPath splits new content's path into its language folder (or ""), section and name. A
// language folder is told apart from a section by the number of parts; contentLang checks it
// against site.toml.
func contentPath(p string) (lang, section, name, msg string) {
	clean := path.Clean(filepath.ToSlash(p))
	clean = strings.TrimPrefix(clean, "content/")
	parts := strings.Split(clean, "/")
	if strings.HasPrefix(clean, "/") || clean == ".." || strings.HasPrefix(clean, "../") || p == "" {
		parts = nil
	}
	switch len(parts) {
	case 2:
		section, name = parts[0], parts[1]
	case 3:
		lang, section, name = parts[0], parts[1], parts[2]
	default:
		return "", "", "", "new content " + diag.Quote(p) + ": the path, relative to content/, must be SECTION/NAME.md or LANG/SECTION/NAME.md (for example incidents/api-outage.md or fa/incidents/api-outage.md)"
	}
	return lang, section, strings.TrimSuffix(name, ".md"), ""
}

// contentLang checks new content's language folder against site.toml and --lang, and returns the
// languages to create: the folder's alone, or codes when the path names none.
func contentLang(cfg *config.Config, p, lang, section, langs string, codes []string) ([]string, string) {
	configured := strings.Join(cfg.Codes(), ", ")
	if lang == "" {
		if cfg.Language(section) != nil {
			return nil, "new content " + diag.Quote(p) + ": " + section + " is a language folder, and the path names no section after it (write " + section + "/incidents/NAME.md)"
		}
		return codes, ""
	}
	if cfg.Language(lang) == nil {
		return nil, "new content " + diag.Quote(p) + ": " + lang + " is not a language of site.toml (configured: " + configured + "); the path is SECTION/NAME.md or LANG/SECTION/NAME.md"
	}
	if langs != "" && strings.TrimSpace(langs) != lang {
		return nil, "new content " + diag.Quote(p) + " names the language folder " + lang + ", and --lang " + langs + " another (give one of them)"
	}
	return []string{lang}, ""
}
