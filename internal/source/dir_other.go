//go:build !unix

package source

func (d *Dir) open() error { return nil }

func (d *Dir) readAt(string) ([]byte, bool) { return nil, false }
