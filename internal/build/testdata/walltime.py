"""An independent oracle for wall times: each argument is ZONE=WALL ("Asia/Tehran=2021-03-21 23:00"),
or an RFC 3339 time; print each as UTC RFC 3339, one per line, from Python's zoneinfo. A wall time
that does not exist or happens twice prints ERROR. Usage: /usr/bin/python3 walltime.py ARG..."""
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

for arg in sys.argv[1:]:
    zone, _, wall = arg.partition("=")
    if len(wall) > 16:  # RFC 3339 with its offset
        t = datetime.fromisoformat(wall)
    else:
        z = ZoneInfo(zone)
        naive = datetime.strptime(wall, "%Y-%m-%d %H:%M")
        a, b = naive.replace(tzinfo=z, fold=0), naive.replace(tzinfo=z, fold=1)
        back = a.astimezone(timezone.utc).astimezone(z).replace(tzinfo=None)
        if a.utcoffset() != b.utcoffset() or back != naive:
            print("ERROR")
            continue
        t = a
    print(t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
