package timeline

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"io"
	"sort"
	"sync"
	"time"
)

// zoneinfo.zip is the IANA time zone database as the Go toolchain ships it ($GOROOT/lib/time/
// zoneinfo.zip, the data time/tzdata embeds; public domain). rokhdad reads zones only from this copy:
// time.LoadLocation would prefer the build machine's own /usr/share/zoneinfo, so two machines with
// different tzdata versions could publish different times for the same article. To update, copy a
// newer toolchain's zoneinfo.zip over this one and run the tests.
//
//go:embed zoneinfo.zip
var zoneinfoZip []byte

type zoneDB struct {
	names []string             // sorted
	files map[string]*zip.File // by name
}

var loadZoneDB = sync.OnceValue(func() *zoneDB {
	zr, err := zip.NewReader(bytes.NewReader(zoneinfoZip), int64(len(zoneinfoZip)))
	if err != nil {
		panic("timeline: embedded zoneinfo.zip is corrupt: " + err.Error()) // a build defect, not input
	}
	db := &zoneDB{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		db.names = append(db.names, f.Name)
		db.files[f.Name] = f
	}
	sort.Strings(db.names)
	return db
})

// zoneNames lists, sorted, every zone in the embedded database.
func zoneNames() []string { return loadZoneDB().names }

// hasZone reports whether the embedded database has the zone n.
func hasZone(n string) bool { _, ok := loadZoneDB().files[n]; return ok }

// loadFromDB loads the zone n from the embedded database.
func loadFromDB(n string) (*time.Location, error) {
	f := loadZoneDB().files[n]
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	return time.LoadLocationFromTZData(n, data)
}
