package build

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestChartMarksEveryUpdate: the article's timeline chart marks each of its four updates and says
// them all in its text equivalent.
func TestChartMarksEveryUpdate(t *testing.T) {
	dest := buildSite(t, "../..")
	for file, desc := range map[string]string{
		"en/incidents/openai-outage-november-2023/index.html": "Updates: 8 November 2023, 03:52 UTC Investigating; 14:02 UTC Identified; 15:33 UTC Monitoring; 15:46 UTC Resolved</desc>",
		"fa/incidents/openai-outage-november-2023/index.html": "به‌روزرسانی‌ها: ۱۷ آبان ۱۴۰۲، ساعت ۰۷:۲۲ در حال بررسی؛ ۱۷:۳۲ علت شناسایی شد؛ ۱۹:۰۳ در حال پایش؛ ۱۹:۱۶ رفع شد</desc>",
	} {
		page := read(t, filepath.Join(dest, file))
		if n := strings.Count(page, `<path class="u" `); n != 4 {
			t.Errorf("%s: %d update marks, want 4", file, n)
		}
		if !strings.Contains(page, desc) {
			t.Errorf("%s lacks %s", file, desc)
		}
	}
}
