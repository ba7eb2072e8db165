#!/usr/bin/env python3
"""Measures the lab history and usage pages at scale: a private PostgreSQL on 127.0.0.1,
the portal (demo mode) on it, a generated history of --tasks finished transfers
(history-data.sql), then timed page loads as the admin (whole lab) and a member.

Called by bench/history, which installs what is missing and builds the jar. Prints a
table and writes every figure to bench/results/<date>-history-<tasks>.json. Python
standard library only; PostgreSQL and the portal listen on 127.0.0.1 only, and both
are stopped at the end."""

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import urllib.parse

import browser
from bench import Portal, markdown_table
from services import Postgres, free_port

HERE = os.path.dirname(os.path.abspath(__file__))
LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15"
TARGET_MS = 1000


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def timed(b, url, repeats):
    """Loads a page `repeats` times after two warm-up loads; times in ms."""
    for _ in range(2):
        status, _, body, _, _ = b.request("GET", url)
        if status != 200:
            raise RuntimeError("%s answered %d: %s" % (url, status, body[:300]))
    times = []
    size = 0
    for _ in range(repeats):
        status, _, body, _, total = b.request("GET", url)
        if status != 200:
            raise RuntimeError("%s answered %d" % (url, status))
        times.append(total * 1000)
        size = len(body)
    times.sort()
    return {"url": url, "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1),
            "max_ms": round(times[-1], 1), "kb": round(size / 1024, 1), "rows": body.count("<tr")}


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jar", required=True)
    p.add_argument("--tasks", type=int, default=1_000_000)
    p.add_argument("--users", type=int, default=60, help="generated users besides Alice, Bob and Carol")
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--port", type=int, default=18081)
    p.add_argument("--pg-bin", default="/usr/lib/postgresql/15/bin")
    p.add_argument("--out", default=os.path.join(HERE, "results"))
    args = p.parse_args()

    pg = Postgres(free_port(), args.pg_bin)
    portal = None
    result = {"when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "tasks": args.tasks, "users": args.users + 3,
              "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg(), "python": platform.python_version()}}
    try:
        log("Starting PostgreSQL on 127.0.0.1:%d" % pg.port)
        pg.start()
        result["postgres"] = {"version": pg.version(), "settings": pg.settings()}
        os.environ.update({"SPRING_DATASOURCE_URL": "jdbc:postgresql://127.0.0.1:%d/portal" % pg.port,
                           "SPRING_DATASOURCE_USERNAME": "postgres", "SPRING_DATASOURCE_PASSWORD": "postgres",
                           "PORTAL_DEMO": "true", "PORTAL_TOKEN_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                           "PORTAL_AUDIT_STATUS_REFRESH": "0",
                           # The generated history spans two years: keep all of it while measuring.
                           "PORTAL_RETENTION_SUBMITTED_REQUESTS": "0"})
        portal = Portal(args.jar, args.port, 0, [], os.path.join(tempfile.gettempdir(), "bench-history-portal.log"))
        log("Starting the portal (demo mode, PostgreSQL): its migrations make the schema")
        result["startup"] = portal.start()

        log("Generating %d finished transfers (history-data.sql)" % args.tasks)
        started = time.monotonic()
        summary = pg.psql("-v", "tasks=%d" % args.tasks, "-v", "users=%d" % args.users, "-t", "-A", "-F", ",",
                          "-f", os.path.join(HERE, "history-data.sql"))
        requests, items, usage_rows, size = summary.strip().splitlines()[-1].split(",")
        result["data"] = {"requests": int(requests), "items": int(items), "usage_daily_rows": int(usage_rows),
                          "database_size": size, "generated_in_s": round(time.monotonic() - started, 1)}
        log("Data:", result["data"])

        today = datetime.date.today()
        def ago(weeks):
            return (today - datetime.timedelta(weeks=weeks)).isoformat()
        pages = [
            ("admin", "Usage, last 12 weeks (default)", "/lab/usage"),
            ("admin", "Usage, last 52 weeks", "/lab/usage?from=%s&to=%s" % (ago(52), today)),
            ("admin", "Usage, two years", "/lab/usage?from=%s&to=%s" % (ago(104), today)),
            ("admin", "Usage CSV per user, two years", "/lab/usage.csv?table=users&from=%s&to=%s" % (ago(104), today)),
            ("admin", "One collection, last 52 weeks", "/lab/usage/collections/%s?from=%s&to=%s" % (LAB_DATA, ago(52), today)),
            ("admin", "History, newest page", "/history"),
            ("admin", "History, path fragment (one match)", "/history?q=run-0424242"),
            ("admin", "History, path fragment (~1,100 matches)", "/history?q=run-00042"),
            ("admin", "History, common word (every row)", "/history?q=projects"),
            ("admin", "History, label text, page 3", "/history?q=of+gamma&page=3"),
            ("admin", "History, collection", "/history?collection=Lab+Data+(mapped)"),
            ("admin", "History, user", "/history?user=user017"),
            ("admin", "History, failed in a month", "/history?status=FAILED&from=%s&to=%s" % (ago(30), today)),
            ("admin", "History, page 200", "/history?page=200"),
            ("bob", "Usage as a member, last 52 weeks", "/lab/usage?from=%s&to=%s" % (ago(52), today)),
            ("bob", "History as a member, path fragment", "/history?q=run-00042"),
            ("bob", "History as a member, newest page", "/history"),
        ]
        sessions = {}
        for who, identity in (("admin", "alice@globusid.org"), ("bob", "bob@uchicago.edu")):
            b = browser.Browser(args.port, identity)
            url, status, _ = b.navigate("GET", "/history")
            if status != 200 or "/history" not in url:
                raise RuntimeError("could not log in as %s (%s %s)" % (identity, status, url))
            sessions[who] = b
        measured = []
        for who, name, url in pages:
            log("Timing", who, url)
            figures = timed(sessions[who], url, args.repeats)
            figures.update({"who": "Alice (admin)" if who == "admin" else "Bob (member)", "page": name})
            measured.append(figures)
        result["pages"] = measured
        result["machine"]["load_after"] = os.getloadavg()
    finally:
        if portal:
            portal.stop()
        pg.stop()

    rows = [("Page", "Who", "p50", "p95", "max", "Rows", "KB", "< 1 s")]
    for f in result["pages"]:
        rows.append((f["page"], f["who"], "%.0f ms" % f["p50_ms"], "%.0f ms" % f["p95_ms"], "%.0f ms" % f["max_ms"],
                     f["rows"], f["kb"], "met" if f["p95_ms"] < TARGET_MS else "**missed**"))
    result["table"] = markdown_table(rows)
    stem = "%s-history-%d" % (time.strftime("%Y-%m-%d"), args.tasks)
    path, n = os.path.join(args.out, stem + ".json"), 1
    while os.path.exists(path):
        n += 1
        path = os.path.join(args.out, "%s-run%d.json" % (stem, n))
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
    d = result["data"]
    print("%d transfers (%d items, %d usage_daily rows, database %s), generated in %.0f s; PostgreSQL %s; load %s -> %s"
          % (d["requests"], d["items"], d["usage_daily_rows"], d["database_size"], d["generated_in_s"],
             result["postgres"]["version"], "/".join("%.1f" % x for x in result["machine"]["load_before"]),
             "/".join("%.1f" % x for x in result["machine"]["load_after"])))
    print(result["table"])
    print("\nFigures written to %s" % os.path.relpath(path))


if __name__ == "__main__":
    main()
