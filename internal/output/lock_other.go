//go:build !unix && !windows

package output

// Lock does nothing on systems without file locks (js, wasip1, plan9): two builds into one
// destination at once are not kept apart there.
type Lock struct{}

func takeLock(string) (*Lock, error) { return &Lock{}, nil }

// Unlock releases the lock.
func (*Lock) Unlock() {}

// LockExisting does nothing here (see Lock).
func LockExisting(string, string) (*Lock, error) { return &Lock{}, nil }
