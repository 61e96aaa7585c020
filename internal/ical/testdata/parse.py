"""Read an .ics file with python3-icalendar (an independent parser) and print its events as JSON:
the test compares them with what it wrote. Usage: /usr/bin/python3 parse.py FILE"""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
out = {"name": str(cal.get("X-WR-CALNAME", "")), "events": []}
for ev in cal.walk("VEVENT"):
    def t(key):
        v = ev.get(key)
        return v.dt.strftime("%Y-%m-%dT%H:%M:%SZ") if v is not None else ""
    out["events"].append({
        "uid": str(ev.get("UID", "")),
        "start": t("DTSTART"),
        "end": t("DTEND"),
        "stamp": t("DTSTAMP"),
        "summary": str(ev.get("SUMMARY", "")),
        "desc": str(ev.get("DESCRIPTION", "")),
        "url": str(ev.get("URL", "")),
        "status": str(ev.get("STATUS", "")),
        "sequence": int(ev.get("SEQUENCE", 0)),
    })
print(json.dumps(out, ensure_ascii=False))
