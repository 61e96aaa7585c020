// Package e2e holds end-to-end tests that open the repository's own site in a real headless
// Chromium, driven from Go with github.com/chromedp/chromedp. It has no code outside its tests.
//
// # What the tests do
//
// TestMain builds the site in the repository root (fa + en) once, with the embedded default theme,
// into a temporary directory, for the base URL http://127.0.0.1:PORT/sub/: a sub-path, as on a
// GitHub Pages project site, so that every link, stylesheet, script and font must carry the /sub/
// prefix to load. A net/http server on 127.0.0.1 serves the tree under /sub/ and answers a
// missing path under /sub/ with 404.html and the status 404, as GitHub Pages does. One Chromium
// serves the whole package, and each test opens its own tab with a bounded timeout.
//
// Every page a test opens is watched for console errors, uncaught exceptions and browser log
// errors (a 404 for a stylesheet, font or script, for example); any of them fails the test.
//
// The tests check, in a real browser:
//   - the direction of the fa (rtl) and en (ltr) article pages;
//   - the language switcher, both ways;
//   - Persian digits in the timeline of the fa article, and no list numbers beside its dots;
//   - the client-side search, queried with Arabic yeh and kaf (ي ك) and without the ZWNJ;
//   - the visual order (x positions of Range rectangles) of numbers, Latin words, units, versions,
//     percentages, ranges and times with zones in a Persian article that rokhdad builds on its own
//     port (bidi_test.go), against the order a Persian reader expects and the browser's default;
//   - no horizontal overflow at 360 px wide on the home, article, archive, service and search
//     pages of both languages;
//   - no axe-core violation of impact "serious" or "critical" on the home, article, archive,
//     service and search pages of both languages and on the 404 page, with all rules in the light
//     color scheme and the color rules again in the dark one;
//   - the 404 page: its stylesheet and links load from a path deep under /sub/;
//   - scheduled maintenance on a generated site whose windows are placed around its reference
//     instant (gensite_test.go, maintenance_test.go): the block of coming windows after the
//     status block on the home and landing pages, in order and in the language's direction and
//     digits, the maintenance list by month, and a window's page;
//   - that the checks themselves can fail, on a deliberately broken page in testdata/.
//
// They also write full-page screenshots of the home and article pages, desktop (1280×900) and
// mobile (360×740), to test-output/screenshots/<lang>-<page>-<desktop|mobile>.png at the root
// of the repository, for a person to look at. test-output/ is ignored by git.
//
// # Running
//
//	go test ./internal/e2e/          # add -v to see each page
//
// The tests need, once per machine:
//
//	apt-get install -y chromium fonts-noto-core   # the browser, and fonts for both scripts
//	npm ci                                        # in the repository root: node_modules/axe-core
//
// The browser is $CHROME, else $CHROME_BIN (GitHub's Ubuntu runners set it to their Google Chrome),
// else chromium, chromium-browser or google-chrome on PATH. Without a browser, or without node_modules/axe-core, the tests skip with a
// message, except when the environment has CI=true: then they fail, so that CI cannot pass
// without running them. The same rule holds for the search test while the site has no search
// index (…/search.json answers 404). The whole package takes about 25 s of CPU; on two shared
// cores it runs in under a minute.
package e2e
