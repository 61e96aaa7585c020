//go:build !unix && !windows

package build

// destLock does nothing on systems without file locks (js, wasip1, plan9): two builds into one
// destination at once are not kept apart there.
type destLock struct{}

func lockDest(string) (*destLock, error) { return &destLock{}, nil }

// Unlock releases the lock.
func (*destLock) Unlock() {}
