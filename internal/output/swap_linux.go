package output

import "golang.org/x/sys/unix"

// exchange swaps two paths atomically with renameat2(RENAME_EXCHANGE). golang.org/x/sys is
// already part of the build through fsnotify; the standard library does not expose renameat2.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
