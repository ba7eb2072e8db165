#!/usr/bin/env python3
"""Runs the Transfer Portal benchmarks against one demo-mode instance and its embedded
Globus simulator (the floor), prints a table and writes the figures as JSON.

Called by bench/run, which installs wrk and builds the jar first. Python standard
library only; all load goes to 127.0.0.1 and every wrk run stops by itself."""

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import browser

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "lua")
WORK = os.path.join(HERE, "work")

TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc"
TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d"
LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15"
ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6"
GUEST = "aa752cea-8222-5bc8-acd9-555b090c0ccb"
BIG_FOLDER = "/projects/big/"
PAGE_SIZE = 100  # the file manager's page (PaneState.PAGE_SIZE)
DEMO_CLIENT = ("transfer-portal-demo", "qfZoB0VWIcJFW/8vD3fq/rKVyDYZEaVANL6tEsvhuHE=")
TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all"

TARGETS = {"submit_p95_over_floor_ms": 15, "transfer_calls_per_click": 1, "browse_first_page_over_floor_ms": 100,
           "browse_page_kb": 300, "auth_trips_new_consent": 1, "auth_trips_afterwards": 0, "rss_peak_mb": 400,
           "startup_s": 10}


def log(*args):
    print("[bench %s]" % time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def pct(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def ms(seconds):
    return round(seconds * 1000, 2)


class Portal:
    """The portal process in demo mode: start-up time, RSS, heap after full GC."""

    def __init__(self, jar, port, latency_ms, extra, logfile, jvm_opts=(), health="/actuator/health"):
        self.jar, self.port, self.latency_ms, self.extra, self.logfile = jar, port, latency_ms, extra, logfile
        self.jvm_opts = list(jvm_opts)
        self.health = health
        self.proc = None

    def start(self):
        env = {k: v for k, v in os.environ.items() if k not in ("GLOBUS_CLIENT_ID", "GLOBUS_CLIENT_SECRET")}
        cmd = ["java"] + self.jvm_opts + ["-jar", self.jar, "--server.port=%d" % self.port,
               "--simulator.latency=%dms" % self.latency_ms] + self.extra
        out = open(self.logfile, "w")
        started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        url = "http://127.0.0.1:%d%s" % (self.port, self.health)
        while time.monotonic() - started < 180:
            if self.proc.poll() is not None:
                raise RuntimeError("the portal exited during start-up; see " + self.logfile)
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200 and json.load(resp).get("status") == "UP":
                        break
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        else:
            raise RuntimeError("no healthy /actuator/health within 180 s")
        healthy = time.monotonic() - started
        reported = None
        with open(self.logfile) as f:
            m = re.search(r"Started \S+ in ([\d.]+) seconds \(process running for ([\d.]+)\)", f.read())
            if m:
                reported = {"spring_started_s": float(m.group(1)), "jvm_running_s": float(m.group(2))}
        return {"to_first_healthy_s": round(healthy, 2), "spring_reported": reported}

    def rss_mb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
        return None

    def heap_after_full_gc(self):
        subprocess.run(["jcmd", str(self.proc.pid), "GC.run"], capture_output=True, timeout=120)
        info = subprocess.run(["jcmd", str(self.proc.pid), "GC.heap_info"], capture_output=True, text=True,
                              timeout=60).stdout
        m = re.search(r"total (\d+)K, used (\d+)K", info)
        return {"heap_used_mb": round(int(m.group(2)) / 1024, 1) if m else None,
                "heap_committed_mb": round(int(m.group(1)) / 1024, 1) if m else None,
                "rss_mb": self.rss_mb(), "gc_heap_info": info.strip().splitlines()[1:4]}

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class RssSampler(threading.Thread):
    def __init__(self, portal, every=0.25):
        super().__init__(daemon=True)
        self.portal, self.every, self.samples, self.stopped = portal, every, [], threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                self.samples.append(self.portal.rss_mb())
            except OSError:
                pass
            self.stopped.wait(self.every)


def sim_stats(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/simulator/stats" % port, timeout=120) as resp:
        return json.load(resp)["transfer_calls"]


def stats_delta(before, after):
    return {k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)}


def transfer_form(body, src, src_path, dst, dst_path, label):
    return {"draft": browser.hidden(body, "draft"), "_csrf": browser.hidden(body, "_csrf"), "form": "1",
            "source_collection": src, "source_path": src_path, "destination_collection": dst,
            "destination_path": dst_path, "label": label}


def deep_link(src, src_path, dst, dst_path, label):
    return "/transfer?" + urllib.parse.urlencode({"source_collection": src, "source_path": src_path,
                                                  "destination_collection": dst, "destination_path": dst_path,
                                                  "label": label})


# --- Scenario 3: consent cost ------------------------------------------------------

CONSENT_CASES = [
    # (name, identity, source, source path, destination, destination path)
    ("destination mapped (Tutorial 1 -> Archive)", "alice@globusid.org", TUTORIAL_1, "/share/godata/file1.txt",
     ARCHIVE, "/archive/2024/file1.txt"),
    ("source mapped (Lab Data -> guest Shared Results)", "carol@example.edu", LAB_DATA,
     "/projects/alpha/README.md", GUEST, "/results/README.md"),
    ("both mapped (Lab Data -> Archive)", "bob@uchicago.edu", LAB_DATA, "/projects/alpha/README.md", ARCHIVE,
     "/archive/2024/README.md"),
]


def submit_counting_trips(b, case, label):
    _, _, src, sp, dst, dp = case
    before = b.authorize_trips
    _, _, body = b.navigate("GET", deep_link(src, sp, dst, dp, label))
    url, status, _ = b.navigate("POST", "/transfer", transfer_form(body, src, sp, dst, dp, label))
    return {"auth_trips": b.authorize_trips - before, "landed_on_task": "/tasks/" in url, "final_status": status}


def consent_scenario(port):
    results = []
    sessions = {}
    for case in CONSENT_CASES:
        name, identity = case[0], case[1]
        b = browser.Browser(port, identity)
        b.login()
        login_trips = b.authorize_trips
        first = submit_counting_trips(b, case, "consent-first")
        again = submit_counting_trips(b, case, "consent-again")
        relogin = browser.Browser(port, identity)
        relogin.login()
        after_login = submit_counting_trips(relogin, case, "consent-after-new-login")
        results.append({"case": name, "identity": identity, "login_trips": login_trips, "first_transfer": first,
                        "same_transfer_again": again, "same_transfer_after_new_login": after_login})
        sessions[identity] = b
        log("consent:", name, "first", first["auth_trips"], "again", again["auth_trips"], "new login",
            after_login["auth_trips"])
    return results, sessions


# --- Scenario 2: browse the 10,000-entry folder -----------------------------------

def browse_scenario(port, b, token, repeats):
    first_path = "/files?" + urllib.parse.urlencode({"a_collection": LAB_DATA, "a_path": BIG_FOLDER})
    status, _, body, _, _ = b.request("GET", first_path)
    if status != 200 or "sample-00001.dat" not in body:
        raise RuntimeError("the browse session cannot list %s (status %d)" % (BIG_FOLDER, status))
    ls_base = "/simulator/transfer/v0.10/operation/endpoint/%s/ls?" % LAB_DATA
    auth = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    floor_b = browser.Browser(port)

    def ls(offset, limit):
        q = {"path": BIG_FOLDER, "show_hidden": "1", "orderby": "type ASC,name ASC", "offset": offset}
        if limit:
            q["limit"] = limit
        return floor_b.request("GET", ls_base + urllib.parse.urlencode(q), headers=auth)

    def timed(fn):
        ttfb, total, size = [], [], []
        for _ in range(repeats):
            status, _, body, t1, t2 = fn()
            if status != 200:
                raise RuntimeError("browse request answered %d" % status)
            ttfb.append(t1), total.append(t2), size.append(len(body.encode()))
        return {"ttfb_p50_ms": ms(pct(ttfb, 50)), "ttfb_p95_ms": ms(pct(ttfb, 95)),
                "total_p50_ms": ms(pct(total, 50)), "total_p95_ms": ms(pct(total, 95)),
                "bytes": size[-1], "samples": repeats}

    portal_first = timed(lambda: b.request("GET", first_path))
    floor_first = timed(lambda: ls(0, PAGE_SIZE))

    def portal_all():
        start, pages, size, path = time.perf_counter(), 0, 0, first_path
        while path:
            status, _, body, _, _ = b.request("GET", path)
            if status != 200:
                raise RuntimeError("browse paging answered %d" % status)
            pages, size = pages + 1, size + len(body.encode())
            m = re.search(r'href="([^"]*offset=\d+[^"]*)"[^>]*>Next page', body)
            path = m.group(1).replace("&amp;", "&") if m else None
        return time.perf_counter() - start, pages, size

    def floor_all(limit):
        start, pages, size, offset = time.perf_counter(), 0, 0, 0
        while True:
            status, _, body, _, _ = ls(offset, limit)
            doc = json.loads(body)
            pages, size = pages + 1, size + len(body.encode())
            offset += len(doc["DATA"])
            if not limit or offset >= doc.get("total", 0) or not doc["DATA"]:
                break
        return time.perf_counter() - start, pages, size

    def summarize(fn):
        runs = [fn() for _ in range(max(1, repeats // 5))]
        return {"total_p50_ms": ms(statistics.median(r[0] for r in runs)), "pages": runs[-1][1],
                "bytes": runs[-1][2], "runs": len(runs)}

    return {"first_page": {"portal": portal_first, "floor_ls": floor_first,
                           "over_floor_ttfb_ms": round(portal_first["ttfb_p50_ms"] - floor_first["ttfb_p50_ms"], 2),
                           "over_floor_total_ms": round(portal_first["total_p50_ms"] - floor_first["total_p50_ms"],
                                                        2)},
            "whole_listing": {"portal_paged": summarize(portal_all), "floor_ls_paged": summarize(lambda: floor_all(PAGE_SIZE)),
                              "floor_ls_one_call": summarize(lambda: floor_all(None))}}


# --- Scenario 1: submit under load ------------------------------------------------

def login_sessions(port, identity, count):
    """Logs `count` sessions in through the real flow and checks each one can open the
    form. A login that fails is retried and counted; a login that lands on an error
    page but leaves a working session is counted too."""
    failures = []

    def one(i):
        for attempt in range(5):
            b = browser.Browser(port, identity)
            try:
                b.login()
                if b.login_status >= 500:
                    failures.append("session %d: login landed on HTTP %d" % (i, b.login_status))
                status, _, body, _, _ = b.request("GET", "/transfer")
                if status == 200 and browser.hidden(body, "draft"):
                    return b.cookies["SESSION"]
                failures.append("session %d: form answered %d" % (i, status))
            except Exception as ex:  # noqa: BLE001 - counted and retried
                failures.append("session %d: %s" % (i, ex))
        raise RuntimeError("could not log session %d in" % i)

    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(one, range(count)))
    return ids, failures


def run_wrk(script, users, duration, env, port):
    cmd = ["wrk", "-t", str(users), "-c", str(users), "-d", "%ds" % duration, "--timeout", "10s",
           "-s", os.path.join(LUA, script), "http://127.0.0.1:%d" % port]
    out = subprocess.run(cmd, capture_output=True, env=dict(os.environ, **env), timeout=duration + 120)
    # Kept for a look afterwards: one run printed a byte that is not UTF-8 (read as U+FFFD
    # below, so that a garbled list line shows up as unreadable rather than stopping the run).
    with open(os.path.join(WORK, "wrk-%s.out" % script), "wb") as f:
        f.write(out.stdout)
    out.stdout, out.stderr = out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")
    line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError("wrk gave no figures: %s %s" % (out.stdout[-2000:], out.stderr[-2000:]))
    figures = json.loads(line[len("BENCH_JSON "):])
    figures["wrk_summary"] = [l for l in out.stdout.splitlines() if not l.startswith("BENCH_")]
    lists = {}
    for l in out.stdout.splitlines():
        if l.startswith("BENCH_LIST ") and "\ufffd" in l:
            lists.setdefault("unreadable", []).append(l)
        elif l.startswith("BENCH_LIST "):
            name, _, value = l[len("BENCH_LIST "):].partition(" ")
            lists.setdefault(name, []).append(value)
    return figures, lists


def clicks_on_quiet_portal(port, b, clicks, think):
    """Transfer calls made by the submit click itself, counted one click at a time."""
    link = deep_link(TUTORIAL_1, "/share/godata/file1.txt", TUTORIAL_2, "/~/bench/file1.txt", "quiet")
    per_click, per_open = [], []
    for _ in range(clicks):
        s0 = sim_stats(port)
        _, _, body = b.navigate("GET", link)
        time.sleep(think)
        s1 = sim_stats(port)
        status, resp, _, _, _ = b.request("POST", "/transfer", transfer_form(
            body, TUTORIAL_1, "/share/godata/file1.txt", TUTORIAL_2, "/~/bench/file1.txt", "quiet"))
        s2 = sim_stats(port)
        if status != 302 or "/tasks/" not in (resp.getheader("Location") or ""):
            raise RuntimeError("quiet click answered %d" % status)
        per_open.append(sum(stats_delta(s0, s1).values()))
        per_click.append(stats_delta(s1, s2))
    calls = [sum(d.values()) for d in per_click]
    return {"clicks": clicks, "transfer_calls_per_click": statistics.mean(calls), "max_per_click": max(calls),
            "calls_of_last_click": per_click[-1], "transfer_calls_while_form_opens": statistics.mean(per_open)}


def submit_scenario(args, portal):
    port = args.port
    log("logging %d sessions in through the real flow" % args.users)
    t0 = time.monotonic()
    ids, login_failures = login_sessions(port, "alice@globusid.org", args.users)
    log("sessions ready in %.1f s (%d logins failed or landed on an error page)" % (
        time.monotonic() - t0, len(login_failures)))
    sessions_file = os.path.join(args.work, "sessions.txt")
    with open(sessions_file, "w") as f:
        f.write("\n".join(ids) + "\n")
    scope = "openid %s[*https://auth.globus.org/scopes/%s/data_access *https://auth.globus.org/scopes/%s/data_access]" % (
        TRANSFER_ALL, TUTORIAL_1, TUTORIAL_2)
    token = browser.bearer_token(port, "alice@globusid.org", scope, *DEMO_CLIENT)

    quiet = clicks_on_quiet_portal(port, browser.Browser(port, "alice@globusid.org"), 10, args.think_ms / 1000)
    log("quiet clicks: %.2f Transfer calls per click" % quiet["transfer_calls_per_click"])

    portal_env = {"BENCH_SESSIONS": sessions_file, "BENCH_THINK_MS": str(args.think_ms)}
    floor_env = {"BENCH_TOKEN": token}
    log("warm-up: %d s each of floor and portal" % args.warmup)
    run_wrk("floor.lua", args.users, args.warmup, floor_env, port)
    run_wrk("submit.lua", args.users, args.warmup, portal_env, port)

    sampler = RssSampler(portal)
    sampler.start()
    log("floor: %d users straight to the simulator for %d s" % (args.users, args.duration))
    floor, _ = run_wrk("floor.lua", args.users, args.duration, floor_env, port)
    log("portal: %d users through the form for %d s" % (args.users, args.duration))
    before = sim_stats(port)
    through, _ = run_wrk("submit.lua", args.users, args.duration, portal_env, port)
    after = sim_stats(port)
    sampler.stopped.set()
    sampler.join()

    calls = stats_delta(before, after)
    submits = through["kinds"].get("submit", {})
    opens = through["kinds"].get("open_form", {})
    n_submits = submits.get("ok", 0) + submits.get("errors", 0)
    n_opens = opens.get("ok", 0) + opens.get("errors", 0)
    floor_submit = floor["kinds"].get("submit", {})
    result = {
        "users": args.users, "duration_s": args.duration, "think_ms": args.think_ms,
        "login_errors": len(login_failures), "login_failure_examples": login_failures[:5],
        "portal": through, "floor": floor,
        "portal_submits_per_s": round(submits.get("ok", 0) / through["wrk"]["duration_s"], 1),
        "floor_submits_per_s": round(floor_submit.get("ok", 0) / floor["wrk"]["duration_s"], 1),
        "transfer_calls_during_portal_run": calls,
        # Every opened form pre-fetches one submission id off the click's path; a click
        # that finds none fetches its own, on its path.
        "submission_id_calls_beyond_one_per_form": max(0, calls.get("GET /submission_id", 0) - n_opens),
        "transfer_calls_per_click_under_load": round(
            (sum(calls.values()) - min(n_opens, calls.get("GET /submission_id", 0))) / max(1, n_submits), 3),
        "quiet_clicks": quiet,
        "rss_peak_mb": max(sampler.samples) if sampler.samples else None,
    }
    for p in ("p50_ms", "p95_ms", "p99_ms"):
        if submits.get(p) is not None and floor_submit.get(p) is not None:
            result["submit_%s_over_floor" % p[:-3]] = round(submits[p] - floor_submit[p], 2)
            result["submit_%s_ratio_to_floor" % p[:-3]] = round(submits[p] / floor_submit[p], 2)
    return result


# --- Scenario 1 with faults: duplicates and lost drafts ----------------------------

def sim_faults(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/simulator/stats" % port, timeout=120) as resp:
        return json.load(resp).get("faults", {})


def tasks_by_label(port, token, prefix):
    """The user's tasks at the simulator whose label starts with `prefix`, by label, read
    from Transfer's task list (pages of 1000; asked again while a fault answers)."""
    b = browser.Browser(port)
    auth = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    found, offset = {}, 0
    while True:
        query = urllib.parse.urlencode({"limit": 1000, "offset": offset, "filter": "label:~" + prefix})
        for _ in range(30):
            try:
                status, _, body, _, _ = b.request("GET", "/simulator/transfer/v0.10/task_list?" + query,
                                                  headers=auth)
            except (OSError, http.client.HTTPException):
                b.conn = None  # a dropped connection: ask again on a new one
                continue
            if status == 200:
                break
        else:
            raise RuntimeError("the simulator's task list kept failing")
        page = json.loads(body)
        for task in page["DATA"]:
            found.setdefault(task["label"], []).append(task["task_id"])
        offset += len(page["DATA"])
        if not page["DATA"] or offset >= page["total"]:
            return found


def faults_scenario(args):
    """Scenario 1 while the simulator fails calls on purpose (simulator.fault-rate):
    each form has a label of its own, a message is read and the form submitted again,
    and afterwards the simulator's tasks are counted by label. A duplicate is a label
    with two tasks or more; a lost draft is one whose click ended on neither its task
    nor a message, or that was confirmed with a task the simulator does not have."""
    port = args.port
    log("logging %d sessions in through the real flow (faults on)" % args.users)
    ids, login_failures = login_sessions(port, "alice@globusid.org", args.users)
    sessions_file = os.path.join(args.work, "sessions.txt")
    with open(sessions_file, "w") as f:
        f.write("\n".join(ids) + "\n")
    scope = "openid %s" % TRANSFER_ALL
    token = browser.bearer_token(port, "alice@globusid.org", scope, *DEMO_CLIENT)
    env = {"BENCH_SESSIONS": sessions_file, "BENCH_THINK_MS": str(args.think_ms), "BENCH_FAULTS": "1"}
    faults_before, calls_before = sim_faults(port), sim_stats(port)
    log("portal: %d users through the form for %d s, fault rate %g" % (args.users, args.duration, args.fault_rate))
    through, lists = run_wrk("submit.lua", args.users, args.duration, env, port)
    # Clicks cut off by the end of the window may still be finishing in the portal.
    time.sleep(5)
    faults = stats_delta(faults_before, sim_faults(port))
    calls = stats_delta(calls_before, sim_stats(port))
    tasks = tasks_by_label(port, token, "bench-f")
    confirmed = dict(entry.split(" ", 1) for entry in lists.get("confirmed", []))
    unclear = [label for label in lists.get("unclear", []) if label not in confirmed]
    duplicates = {label: len(ids) for label, ids in tasks.items() if len(ids) > 1}
    missing = [label for label, task in confirmed.items() if task not in tasks.get(label, [])]
    kinds = through["kinds"]
    submits, messages = kinds.get("submit", {}), kinds.get("message", {})
    wrk = through["wrk"]
    return {
        "users": args.users, "duration_s": args.duration, "think_ms": args.think_ms, "fault_rate": args.fault_rate,
        "login_errors": len(login_failures), "login_failure_examples": login_failures[:5],
        "portal": through,
        "faults_injected": faults, "transfer_calls": calls,
        "clicks_ending_on_the_task": submits.get("ok", 0),
        "clicks_ending_on_a_message": messages.get("ok", 0),
        "clicks_ending_on_neither": submits.get("errors", 0),
        "clicks_without_answer_in_10s_or_cut": wrk["timeouts"] + wrk["read_errors"] + wrk["connect_errors"],
        "drafts_confirmed": len(confirmed),
        "labels_with_a_task_at_globus": len(tasks),
        "tasks_at_globus": sum(len(v) for v in tasks.values()),
        # Submissions whose task exists but whose click was still under way when the
        # window closed: neither counted as confirmed nor as lost.
        "tasks_of_clicks_cut_by_the_window": len([l for l in tasks if l not in confirmed and l not in unclear]),
        "duplicates": sum(n - 1 for n in duplicates.values()),
        "duplicate_labels": sorted(duplicates)[:20],
        "lost_drafts": len(unclear) + len(missing),
        "lost_draft_examples": (unclear + missing)[:20],
        "unreadable_list_lines": len(lists.get("unreadable", [])),
        "submit_per_s": round(submits.get("ok", 0) / wrk["duration_s"], 1),
    }


def faults_table(f):
    s = f["portal"]["kinds"].get("submit", {})
    rows = [("Figure", "Portal under faults", "Target", "")]
    rows.append(("Submit: users / window / fault rate", "%d / %d s / %g (think %d ms)" % (
        f["users"], f["duration_s"], f["fault_rate"], f["think_ms"]), "", ""))
    rows.append(("Faults injected", ", ".join("%s %d" % kv for kv in sorted(f["faults_injected"].items())) or "none",
                 "", ""))
    rows.append(("Clicks: task / message (resubmitted) / neither", "%d / %d / %d" % (
        f["clicks_ending_on_the_task"], f["clicks_ending_on_a_message"], f["clicks_ending_on_neither"]), "", ""))
    rows.append(("Clicks without an answer in 10 s", "%d" % f["clicks_without_answer_in_10s_or_cut"], "", ""))
    rows.append(("Submit click p50 / p95 / p99", "%s / %s / %s ms" % (s.get("p50_ms"), s.get("p95_ms"),
                                                                     s.get("p99_ms")), "", ""))
    rows.append(("Drafts confirmed / tasks at Globus (labels)", "%d / %d (%d)" % (
        f["drafts_confirmed"], f["tasks_at_globus"], f["labels_with_a_task_at_globus"]), "", ""))
    rows.append(("Tasks of clicks still under way at the window's end", "%d" % f["tasks_of_clicks_cut_by_the_window"],
                 "", ""))
    rows.append(("Duplicate tasks", "%d" % f["duplicates"], "0", "met" if f["duplicates"] == 0 else "**missed**"))
    rows.append(("Lost drafts (neither task nor message)", "%d" % f["lost_drafts"], "0",
                 "met" if f["lost_drafts"] == 0 else "**missed**"))
    return markdown_table(rows)


def markdown_table(rows):
    """A Markdown table of rows (the first is the header), columns padded to line up."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(str(v).ljust(widths[i]) for i, v in enumerate(row)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


# --- Table -----------------------------------------------------------------------

def table(r):
    s, b, c, m, st = r["submit"], r["browse"], r["consent"], r["memory"], r["startup"]
    ps, fs = s["portal"]["kinds"].get("submit", {}), s["floor"]["kinds"].get("submit", {})
    po = s["portal"]["kinds"].get("open_form", {})

    def fmt(v, unit=""):
        return "n/a" if v is None else ("%g%s" % (v, unit))

    def verdict(ok):
        return "met" if ok else "**missed**"

    rows = [("Figure", "Portal", "Floor (simulator)", "Target", "")]
    errors = ps.get("errors", 0) + s["portal"]["wrk"]["timeouts"] + s["portal"]["wrk"]["read_errors"] \
        + s["portal"]["wrk"]["connect_errors"]
    rows.append(("Submit: users / window", "%d / %d s (think %d ms)" % (s["users"], s["duration_s"], s["think_ms"]),
                 "%d / %d s" % (s["users"], s["duration_s"]), "200 / 60 s", ""))
    rows.append(("Submit: throughput", fmt(s["portal_submits_per_s"], "/s"), fmt(s["floor_submits_per_s"], "/s"), "",
                 ""))
    for p in ("p50", "p95", "p99"):
        rows.append(("Submit click %s" % p, fmt(ps.get(p + "_ms"), " ms"), fmt(fs.get(p + "_ms"), " ms"),
                     "p95 ≤ floor + 15 ms" if p == "p95" else "",
                     verdict(s.get("submit_p95_over_floor", 1e9) <= 15) if p == "p95" else ""))
    rows.append(("Submit: errors", "%d" % errors, "%d" % (fs.get("errors", 0) + s["floor"]["wrk"]["timeouts"]), "0",
                 verdict(errors == 0)))
    rows.append(("Form open (GET /transfer) p50 / p95", "%s / %s" % (fmt(po.get("p50_ms"), " ms"),
                                                                   fmt(po.get("p95_ms"), " ms")), "", "", ""))
    q = s["quiet_clicks"]
    rows.append(("Transfer calls per click (quiet / under load)", "%g / %g" % (
        q["transfer_calls_per_click"], s["transfer_calls_per_click_under_load"]), "1", "1",
        verdict(q["transfer_calls_per_click"] <= 1 and s["transfer_calls_per_click_under_load"] <= 1.0)))
    fp = b["first_page"]
    rows.append(("Browse 10,000: first page TTFB p50", fmt(fp["portal"]["ttfb_p50_ms"], " ms"),
                 fmt(fp["floor_ls"]["ttfb_p50_ms"], " ms"), "≤ floor + 100 ms",
                 verdict(fp["over_floor_ttfb_ms"] <= 100)))
    rows.append(("Browse 10,000: first page full p50 / p95", "%s / %s" % (
        fmt(fp["portal"]["total_p50_ms"], " ms"), fmt(fp["portal"]["total_p95_ms"], " ms")), "%s / %s" % (
        fmt(fp["floor_ls"]["total_p50_ms"], " ms"), fmt(fp["floor_ls"]["total_p95_ms"], " ms")),
        "≤ floor + 100 ms", verdict(fp["over_floor_total_ms"] <= 100)))
    rows.append(("Browse 10,000: page weight", fmt(round(fp["portal"]["bytes"] / 1024, 1), " KB"),
                 fmt(round(fp["floor_ls"]["bytes"] / 1024, 1), " KB (JSON)"), "< 300 KB",
                 verdict(fp["portal"]["bytes"] < 300 * 1024)))
    wl = b["whole_listing"]
    rows.append(("Browse 10,000: whole listing", "%s (%d pages, %s KB)" % (
        fmt(wl["portal_paged"]["total_p50_ms"], " ms"), wl["portal_paged"]["pages"],
        round(wl["portal_paged"]["bytes"] / 1024)), "%s paged / %s one ls" % (
        fmt(wl["floor_ls_paged"]["total_p50_ms"], " ms"), fmt(wl["floor_ls_one_call"]["total_p50_ms"], " ms")), "", ""))
    for case in c:
        first, again, relog = case["first_transfer"], case["same_transfer_again"], \
            case["same_transfer_after_new_login"]
        ok = first["auth_trips"] <= 1 and again["auth_trips"] == 0 and first["landed_on_task"] and \
            again["landed_on_task"]
        rows.append(("Auth trips: " + case["case"], "%d, then %d, after new login %d" % (
            first["auth_trips"], again["auth_trips"], relog["auth_trips"]), "", "1, then 0", verdict(ok)))
    rows.append(("RSS idle / peak of scenario 1", "%s / %s" % (fmt(m["idle_rss_mb"], " MB"), fmt(m["peak_rss_mb"],
                                                                                                  " MB")), "", "< 400 MB",
                 verdict((m["peak_rss_mb"] or 1e9) < 400)))
    rows.append(("Heap after full GC idle / after load", "%s / %s" % (
        fmt(m["idle_after_gc"]["heap_used_mb"], " MB"), fmt(m["after_load_after_gc"]["heap_used_mb"], " MB")), "",
        "", ""))
    rows.append(("Start-up to first healthy /actuator/health", fmt(st["to_first_healthy_s"], " s"), "", "< 10 s",
                 verdict(st["to_first_healthy_s"] < 10)))
    return markdown_table(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jar", required=True)
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--users", type=int, default=200)
    p.add_argument("--duration", type=int, default=60, help="seconds of each timed window of scenario 1")
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--latency-ms", type=int, default=50, help="simulator.latency: delay per Globus call")
    p.add_argument("--think-ms", type=int, default=250, help="pause between the form showing and the click")
    p.add_argument("--browse-repeats", type=int, default=20)
    p.add_argument("--tomcat-threads", type=int, default=-1,
                   help="server.tomcat.threads.max for the run; -1 (default): 2 x users + 50, because in demo "
                        "mode each portal request waits for a simulator request served by the same Tomcat "
                        "pool, and with the default 200 threads 200 users starve it; 0: the portal's default")
    p.add_argument("--jvm-opt", action="append", default=[],
                   help="a JVM option for the portal, e.g. -Xmx256m (repeatable; none by default)")
    p.add_argument("--portal-arg", action="append", default=[],
                   help="an extra Spring argument for the portal, e.g. --portal-arg=--spring.task.execution."
                        "pool.core-size=400 (repeatable; none by default)")
    p.add_argument("--fault-rate", type=float, default=0,
                   help="run only scenario 1, through the portal, while the simulator fails this fraction of "
                        "Globus calls (simulator.fault-rate: 503, 429, slow, 502, dropped connections, lost and "
                        "dropped answers of accepted submissions), and report duplicate tasks and lost drafts; "
                        "the portal gets the timeouts and retries of the reliability tests")
    p.add_argument("--work", default=os.path.join(HERE, "work"))
    p.add_argument("--out", default=os.path.join(HERE, "results"))
    args = p.parse_args()
    global WORK
    WORK = args.work
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    if args.tomcat_threads < 0:
        args.tomcat_threads = 2 * args.users + 50
    extra = ["--server.tomcat.threads.max=%d" % args.tomcat_threads] if args.tomcat_threads else []
    # Each scripted user clicks several times a second, far beyond the portal's per-user
    # limit for people (portal.rate-limit.*); the benchmark measures capacity, not the limit.
    extra += ["--portal.rate-limit.submissions-per-minute=0", "--portal.rate-limit.searches-per-minute=0"]
    if args.fault_rate:
        # As in FaultsUnderLoadIntegrationTests: a slow answer outlasts the portal's
        # timeout, and retries wait briefly.
        extra += ["--simulator.fault-rate=%g" % args.fault_rate, "--simulator.slow-delay=1500ms",
                  "--globus.timeout=1s", "--globus.max-retries=3", "--globus.retry-base-delay=20ms",
                  "--globus.max-retry-delay=300ms"]
    extra += args.portal_arg
    # Under faults the whole health (Globus reachable) may be DOWN for a while: wait for
    # the portal itself.
    portal = Portal(args.jar, args.port, args.latency_ms, extra, os.path.join(args.work, "portal.log"),
                    args.jvm_opt, "/actuator/health/liveness" if args.fault_rate else "/actuator/health")
    result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf(
                  "SC_PHYS_PAGES") / 2 ** 30, 1), "load_average_at_start": os.getloadavg(),
                  "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
                  "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0],
                  "platform": platform.platform()},
              "settings": {"simulator_latency_ms": args.latency_ms, "port": args.port, "extra_portal_args": extra,
                           "jvm_opts": args.jvm_opt, "think_ms": args.think_ms},
              "targets": TARGETS}
    if args.fault_rate:
        result["settings"]["fault_rate"] = args.fault_rate
        try:
            log("starting the portal in demo mode (simulator.fault-rate=%g)" % args.fault_rate)
            result["startup"] = portal.start()
            result["faults"] = faults_scenario(args)
            result["machine"]["load_average_at_end"] = os.getloadavg()
        finally:
            portal.stop()
        result["table"] = faults_table(result["faults"])
        write_result(args, result, "-faults%g" % args.fault_rate)
        return
    try:
        log("starting the portal in demo mode (simulator.latency=%d ms)" % args.latency_ms)
        result["startup"] = portal.start()
        log("healthy after %.2f s" % result["startup"]["to_first_healthy_s"])
        time.sleep(5)
        memory = {"idle_rss_mb": portal.rss_mb()}
        memory["idle_after_gc"] = portal.heap_after_full_gc()
        log("consent scenario")
        result["consent"], sessions = consent_scenario(args.port)
        log("browse scenario")
        browse_token = browser.bearer_token(
            args.port, "carol@example.edu",
            "openid %s[*https://auth.globus.org/scopes/%s/data_access]" % (TRANSFER_ALL, LAB_DATA), *DEMO_CLIENT)
        result["browse"] = browse_scenario(args.port, sessions["carol@example.edu"], browse_token,
                                           args.browse_repeats)
        log("submit scenario")
        result["submit"] = submit_scenario(args, portal)
        memory["peak_rss_mb"] = result["submit"]["rss_peak_mb"]
        memory["after_load_after_gc"] = portal.heap_after_full_gc()
        result["memory"] = memory
        result["machine"]["load_average_at_end"] = os.getloadavg()
    finally:
        portal.stop()
    result["table"] = table(result)
    write_result(args, result, "")


def write_result(args, result, suffix):
    stem = "%s-%du-%ds%s" % (time.strftime("%Y-%m-%d"), args.users, args.duration, suffix)
    path, n = os.path.join(args.out, stem + ".json"), 1
    while os.path.exists(path):  # never overwrite an earlier run's figures
        n += 1
        path = os.path.join(args.out, "%s-run%d.json" % (stem, n))
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
    print(result["table"])
    print("\nFigures written to %s" % os.path.relpath(path))


if __name__ == "__main__":
    main()
