#!/usr/bin/env python3
"""Runs the Transfer Portal benchmarks, side by side with the Globus simulator answering
the same requests directly (the floor), prints a table and writes the figures as JSON.

Three set-ups (--globus, --instances): the demo, one JVM with the simulator embedded
(default); the portal alone in production mode, with a second JVM of the same jar in
demo mode as the simulated Globus; two such portals on a throw-away PostgreSQL behind
an nginx round-robin proxy, where every click is labelled and duplicate tasks counted.

Called by bench/run, which installs what is missing and builds the jar first. Python
standard library only; all load goes to 127.0.0.1, every wrk run stops by itself, and
every process started is stopped at the end (also on Ctrl-C, SIGTERM or an error)."""

import argparse
import base64
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
import services

HERE = os.path.dirname(os.path.abspath(__file__))
# The JVM every portal and simulator of the run starts with (--java).
JAVA = "java"
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

# Issue 22's targets: the submit p95 target holds at 50 users; the demo's RSS peak
# includes the embedded simulator (a production-shaped portal alone: 400 MB).
TARGETS = {"submit_p95_over_floor_ms": 15, "submit_p95_target_users": 50, "cpu_ms_per_submit_cycle": 2.5,
           "throughput_share_of_floor": 0.25, "transfer_calls_per_click": 1, "browse_first_page_over_floor_ms": 100,
           "browse_page_kb": 300, "auth_trips_new_consent": 1, "auth_trips_afterwards": 0, "demo_rss_peak_mb": 512,
           "startup_s": 4}


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
    """One JVM running the portal's jar, in demo mode (the embedded simulator answers for
    Globus; that is also how the bench runs a simulated Globus on its own) or, with `env`
    naming a Globus app and its URLs, in production mode. Start-up time, RSS, CPU, heap
    after full GC. `latency_ms` (the simulator's delay per call) only matters in demo
    mode; None leaves it out."""

    def __init__(self, jar, port, latency_ms, extra, logfile, jvm_opts=(), health="/actuator/health", env=None,
                 name="portal"):
        self.jar, self.port, self.latency_ms, self.extra, self.logfile = jar, port, latency_ms, extra, logfile
        self.jvm_opts = list(jvm_opts)
        self.health = health
        self.env = dict(env or {})
        self.name = name
        self.proc = None

    def start(self):
        services.ensure_free(self.port, self.name)
        # A developer's own Globus credentials never reach a demo by accident: only what
        # `env` sets does.
        env = {k: v for k, v in os.environ.items() if k not in ("GLOBUS_CLIENT_ID", "GLOBUS_CLIENT_SECRET")}
        env.update(self.env)
        latency = [] if self.latency_ms is None else ["--simulator.latency=%dms" % self.latency_ms]
        cmd = [JAVA] + self.jvm_opts + ["-jar", self.jar, "--server.port=%d" % self.port] + latency + self.extra
        out = open(self.logfile, "w")
        started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        url = "http://127.0.0.1:%d%s" % (self.port, self.health)
        while time.monotonic() - started < 180:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited during start-up; see %s" % (self.name, self.logfile))
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200 and json.load(resp).get("status") == "UP":
                        break
            except (OSError, ValueError):
                pass
            time.sleep(0.05)
        else:
            raise RuntimeError("%s: no healthy %s within 180 s" % (self.name, self.health))
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

    def cpu_ms(self):
        """CPU time the JVM has used so far (utime + stime of /proc/<pid>/stat), in ms."""
        return services.cpu_ms_of(self.proc.pid)

    def heap_after_full_gc(self):
        subprocess.run(["jcmd", str(self.proc.pid), "GC.run"], capture_output=True, timeout=120)
        info = subprocess.run(["jcmd", str(self.proc.pid), "GC.heap_info"], capture_output=True, text=True,
                              timeout=60).stdout
        # G1 prints one line for its heap; the serial and parallel collectors one per
        # generation, which add up.
        spaces = re.findall(r"^\s*(\S.*?)\s+total (\d+)K, used (\d+)K", info, re.M)
        whole = [s for s in spaces if "heap" in s[0]] or spaces
        committed = sum(int(s[1]) for s in whole) if whole else None
        used = sum(int(s[2]) for s in whole) if whole else None
        found = {"heap_used_mb": round(used / 1024, 1) if whole else None,
                 "heap_committed_mb": round(committed / 1024, 1) if whole else None,
                 "rss_mb": self.rss_mb(), "gc_heap_info": info.strip().splitlines()[1:4]}
        if any(o.startswith("-XX:NativeMemoryTracking=") for o in self.jvm_opts):
            found["native_memory_committed_mb"] = self.native_memory()
        return found

    def native_memory(self):
        """What the JVM has committed, by Native Memory Tracking's categories (MB), when
        it runs with -XX:NativeMemoryTracking (--native-memory): where RSS beyond the heap
        goes."""
        out = subprocess.run(["jcmd", str(self.proc.pid), "VM.native_memory", "summary"], capture_output=True,
                             text=True, timeout=60).stdout
        found = {}
        m = re.search(r"Total: reserved=\d+KB, committed=(\d+)KB", out)
        if m:
            found["Total"] = round(int(m.group(1)) / 1024, 1)
        for name, committed in re.findall(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB\)", out, re.M):
            found[name.strip()] = round(int(committed) / 1024, 1)
        return found

    def stop(self, wait_s=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(wait_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class RssSampler(threading.Thread):
    """Samples the RSS of each process (a dict of name -> Portal) every `every` seconds."""

    def __init__(self, processes, every=0.25):
        super().__init__(daemon=True)
        self.processes, self.every, self.stopped = processes, every, threading.Event()
        self.samples = {name: [] for name in processes}

    def run(self):
        while not self.stopped.is_set():
            for name, process in self.processes.items():
                try:
                    self.samples[name].append(process.rss_mb())
                except OSError:
                    pass
            self.stopped.wait(self.every)

    def peak(self, name):
        return max(self.samples[name]) if self.samples.get(name) else None


class Run:
    """The processes of one run, and where each kind of request goes.

    `entry` is the port users and the portal's wrk script talk to: the portal's, or the
    proxy's in front of two instances. `sim` is the simulated Globus's port: the portal's
    own in the demo, where the simulator is embedded (then `simulator` is the portal
    itself). `portals` are the JVMs under test."""

    def __init__(self, mode):
        self.mode = mode  # "demo", "external" or "two-instances"
        self.entry = self.sim = None
        self.portals, self.simulator, self.proxy, self.database = [], None, None, None

    @property
    def embedded(self):
        return self.simulator in self.portals

    def jvms(self):
        """name -> Portal of every JVM of the run, the simulator's included."""
        found = {p.name: p for p in self.portals}
        if self.simulator is not None:
            found[self.simulator.name] = self.simulator
        return found

    def cpu_ms(self):
        """CPU used so far by each process of the run (JVMs and proxy), by name."""
        cpu = {name: jvm.cpu_ms() for name, jvm in self.jvms().items()}
        if self.proxy is not None:
            cpu["proxy"] = self.proxy.cpu_ms()
        return cpu

    def stop(self):
        """Stops everything that was started, the portals first (they hold connections to
        the simulator and the database), whatever fails on the way."""
        for step in [p.stop for p in reversed(self.portals)] + [
                getattr(self.simulator, "stop", None), getattr(self.proxy, "stop", None),
                getattr(self.database, "stop", None)]:
            if step is None:
                continue
            try:
                step()
            except Exception as ex:  # noqa: BLE001 - go on stopping the others
                log("could not stop a process cleanly:", ex)


def sim_stats(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/simulator/stats" % port, timeout=120) as resp:
        return json.load(resp)["transfer_calls"]


def stats_delta(before, after):
    return {k: after.get(k, 0) - before.get(k, 0) for k in after if after.get(k, 0) != before.get(k, 0)}


def transfer_form(body, src, src_path, dst, dst_path, label):
    # A new form carries its key (the draft is made at its first post), a form shown
    # again its draft.
    fields = {"_csrf": browser.hidden(body, "_csrf"), "form": "1",
              "source_collection": src, "source_path": src_path, "destination_collection": dst,
              "destination_path": dst_path, "label": label}
    for name in ("key", "draft"):
        if browser.hidden(body, name):
            fields[name] = browser.hidden(body, name)
    return fields


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

def browse_scenario(sim_port, b, token, repeats):
    """The portal's first page and whole listing through the session `b`, against the
    simulator's own ls on `sim_port` with a Bearer token."""
    first_path = "/files?" + urllib.parse.urlencode({"a_collection": LAB_DATA, "a_path": BIG_FOLDER})
    status, _, body, _, _ = b.request("GET", first_path)
    if status != 200 or "sample-00001.dat" not in body:
        raise RuntimeError("the browse session cannot list %s (status %d)" % (BIG_FOLDER, status))
    ls_base = "/simulator/transfer/v0.10/operation/endpoint/%s/ls?" % LAB_DATA
    auth = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    floor_b = browser.Browser(sim_port)

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
                if status == 200 and browser.hidden(body, "key"):
                    return b.cookies["SESSION"]
                failures.append("session %d: form answered %d" % (i, status))
            except Exception as ex:  # noqa: BLE001 - counted and retried
                failures.append("session %d: %s" % (i, ex))
        raise RuntimeError("could not log session %d in" % i)

    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(one, range(count)))
    return ids, failures


def run_wrk(script, users, duration, env, port, retry_crash=False):
    """One wrk run of a Lua script; `retry_crash`: run it again once if wrk died of a
    signal (its LuaJIT crashed once with a general protection fault in a warm-up). Only
    for warm-ups: a measured window run twice would label its forms twice."""
    cmd = ["wrk", "-t", str(users), "-c", str(users), "-d", "%ds" % duration, "--timeout", "10s",
           "-s", os.path.join(LUA, script), "http://127.0.0.1:%d" % port]
    out = subprocess.run(cmd, capture_output=True, env=dict(os.environ, **env), timeout=duration + 120)
    if retry_crash and out.returncode < 0:
        log("wrk died of signal %d during %s; running it again" % (-out.returncode, script))
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


def clicks_on_quiet_portal(sim_port, b, clicks, think):
    """Transfer calls made by the submit click itself, counted one click at a time at the
    simulator on `sim_port` (the session `b` talks to the portal)."""
    link = deep_link(TUTORIAL_1, "/share/godata/file1.txt", TUTORIAL_2, "/~/bench/file1.txt", "quiet")
    per_click, per_open = [], []
    for _ in range(clicks):
        s0 = sim_stats(sim_port)
        _, _, body = b.navigate("GET", link)
        time.sleep(think)
        s1 = sim_stats(sim_port)
        status, resp, _, _, _ = b.request("POST", "/transfer", transfer_form(
            body, TUTORIAL_1, "/share/godata/file1.txt", TUTORIAL_2, "/~/bench/file1.txt", "quiet"))
        s2 = sim_stats(sim_port)
        if status != 302 or "/tasks/" not in (resp.getheader("Location") or ""):
            raise RuntimeError("quiet click answered %d" % status)
        per_open.append(sum(stats_delta(s0, s1).values()))
        per_click.append(stats_delta(s1, s2))
    calls = [sum(d.values()) for d in per_click]
    return {"clicks": clicks, "transfer_calls_per_click": statistics.mean(calls), "max_per_click": max(calls),
            "calls_of_last_click": per_click[-1], "transfer_calls_while_form_opens": statistics.mean(per_open)}


def prepare_users(args, run, scope):
    """Logs --users sessions of Alice in through the portal (or its proxy) and writes
    their cookies for submit.lua; returns the file, the failed logins and a Bearer token
    of Alice's with `scope` straight from the simulated Globus Auth."""
    log("logging %d sessions in through the real flow" % args.users)
    t0 = time.monotonic()
    ids, login_failures = login_sessions(run.entry, "alice@globusid.org", args.users)
    log("sessions ready in %.1f s (%d logins failed or landed on an error page)" % (
        time.monotonic() - t0, len(login_failures)))
    sessions_file = os.path.join(args.work, "sessions.txt")
    with open(sessions_file, "w") as f:
        f.write("\n".join(ids) + "\n")
    token = browser.bearer_token(run.sim, "alice@globusid.org", scope, *DEMO_CLIENT)
    return sessions_file, login_failures, token


def cpu_delta(before, after):
    return {name: round(after[name] - before[name]) for name in after}


def served_by_instance(run, through):
    """How many answers of each kind each instance gave, from the proxy's X-Upstream
    (127.0.0.1:port; two addresses when nginx tried a second instance)."""
    names = {"127.0.0.1:%d" % p.port: p.name for p in run.portals}
    served = {}
    for key, n in through.get("upstreams", {}).items():
        kind, _, address = key.partition(" ")
        name = names.get(address, "retried on another (%s)" % address if "," in address else address)
        served.setdefault(name, {}).setdefault(kind, 0)
        served[name][kind] += n
    return served


def cpu_figures(run, cpu_floor, cpu_portal, n_floor, n_cycles, floor_s, portal_s, served):
    """CPU per submit cycle (open the form, click) of the portal JVMs, and per floor
    request of the simulator's JVM; in the demo both are the one JVM, as before. With the
    simulator in another process its own CPU per cycle is given apart; with two
    instances each one's per request it answered, and the proxy's."""
    portals = sum(cpu_portal[p.name] for p in run.portals)
    floor = cpu_floor[run.simulator.name]
    cpu = {"portal_window_ms": portals, "floor_window_ms": floor,
           "portal_ms_per_cycle": round(portals / max(1, n_cycles), 3),
           "floor_ms_per_request": round(floor / max(1, n_floor), 3),
           "portal_cores_busy": round(portals / 1000 / portal_s, 2),
           "floor_cores_busy": round(floor / 1000 / floor_s, 2),
           "by_process": {"floor_window_ms": cpu_floor, "portal_window_ms": cpu_portal}}
    if not run.embedded:
        sim = cpu_portal[run.simulator.name]
        cpu["simulator_ms_per_cycle"] = round(sim / max(1, n_cycles), 3)
        cpu["simulator_cores_busy"] = round(sim / 1000 / portal_s, 2)
    if run.proxy is not None:
        cpu["proxy_ms_per_cycle"] = round(cpu_portal["proxy"] / max(1, n_cycles), 3)
    if len(run.portals) > 1:
        # A cycle is two requests, which round robin usually sends to different instances.
        cpu["instances"] = {}
        for p in run.portals:
            answered = sum(served.get(p.name, {}).values())
            cpu["instances"][p.name] = {
                "window_ms": cpu_portal[p.name], "requests_answered": answered,
                "ms_per_request": round(cpu_portal[p.name] / max(1, answered), 3),
                "ms_per_cycle_equivalent": round(2 * cpu_portal[p.name] / max(1, answered), 3)}
    return cpu


def submit_scenario(args, run, labels=False):
    """Scenario 1: the floor (wrk straight to the simulator), then the same users through
    the portal's form. With `labels` every form has a label of its own, and afterwards the
    tasks at the simulator are counted by label: duplicates and lost clicks."""
    scope = "openid %s[*https://auth.globus.org/scopes/%s/data_access *https://auth.globus.org/scopes/%s/data_access]" % (
        TRANSFER_ALL, TUTORIAL_1, TUTORIAL_2)
    sessions_file, login_failures, token = prepare_users(args, run, scope)

    quiet = clicks_on_quiet_portal(run.sim, browser.Browser(run.entry, "alice@globusid.org"), 10,
                                   args.think_ms / 1000)
    log("quiet clicks: %.2f Transfer calls per click" % quiet["transfer_calls_per_click"])

    portal_env = {"BENCH_SESSIONS": sessions_file, "BENCH_THINK_MS": str(args.think_ms)}
    floor_env = {"BENCH_TOKEN": token}
    if labels:
        # The warm-up's labels differ from the window's, which alone are counted.
        portal_env.update({"BENCH_LABELS": "1", "BENCH_LABEL_PREFIX": "bench-w"})
    log("warm-up: %d s each of floor and portal" % args.warmup)
    run_wrk("floor.lua", args.users, args.warmup, floor_env, run.sim, retry_crash=True)
    run_wrk("submit.lua", args.users, args.warmup, portal_env, run.entry, retry_crash=True)

    sampler = RssSampler(run.jvms())
    sampler.start()
    log("floor: %d users straight to the simulator for %d s" % (args.users, args.duration))
    load = {"floor_start": os.getloadavg()}
    cpu_start = run.cpu_ms()
    floor, _ = run_wrk("floor.lua", args.users, args.duration, floor_env, run.sim)
    cpu_floor = cpu_delta(cpu_start, run.cpu_ms())
    load["floor_end"] = os.getloadavg()
    log("portal: %d users through the form for %d s" % (args.users, args.duration))
    if labels:
        portal_env["BENCH_LABEL_PREFIX"] = "bench-m"
    before = sim_stats(run.sim)
    load["portal_start"] = os.getloadavg()
    cpu_start = run.cpu_ms()
    through, lists = run_wrk("submit.lua", args.users, args.duration, portal_env, run.entry)
    cpu_portal = cpu_delta(cpu_start, run.cpu_ms())
    load["portal_end"] = os.getloadavg()
    after = sim_stats(run.sim)
    sampler.stopped.set()
    sampler.join()

    calls = stats_delta(before, after)
    submits = through["kinds"].get("submit", {})
    opens = through["kinds"].get("open_form", {})
    n_submits = submits.get("ok", 0) + submits.get("errors", 0)
    n_opens = opens.get("ok", 0) + opens.get("errors", 0)
    floor_submit = floor["kinds"].get("submit", {})
    n_floor = floor_submit.get("ok", 0) + floor_submit.get("errors", 0)
    served = served_by_instance(run, through)
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
        # The portal's peak (the highest of the instances' when there are two).
        "rss_peak_mb": max((sampler.peak(p.name) or 0) for p in run.portals) or None,
        "rss_peak_by_process_mb": {name: sampler.peak(name) for name in sampler.samples},
        "cpu": cpu_figures(run, cpu_floor, cpu_portal, n_floor, n_submits, floor["wrk"]["duration_s"],
                           through["wrk"]["duration_s"], served),
        "load_average": load,
    }
    if served:
        result["answered_by_instance"] = served
    result["throughput_share_of_floor"] = round(result["portal_submits_per_s"] / max(0.1, result[
        "floor_submits_per_s"]), 3)
    for p in ("p50_ms", "p95_ms", "p99_ms"):
        if submits.get(p) is not None and floor_submit.get(p) is not None:
            result["submit_%s_over_floor" % p[:-3]] = round(submits[p] - floor_submit[p], 2)
            result["submit_%s_ratio_to_floor" % p[:-3]] = round(submits[p] / floor_submit[p], 2)
    if labels:
        # Clicks cut off by the end of the window may still be finishing in the portal.
        time.sleep(5)
        result["clicks"] = label_outcomes(through, lists, tasks_by_label(run.sim, token, "bench-m", args.users))
        log("clicks: %(clicks_ending_on_the_task)d on their task, %(duplicates)d duplicates, "
            "%(lost_drafts)d lost" % result["clicks"])
    return result


# --- Scenario 1 with faults: duplicates and lost drafts ----------------------------

def sim_faults(port):
    with urllib.request.urlopen("http://127.0.0.1:%d/simulator/stats" % port, timeout=120) as resp:
        return json.load(resp).get("faults", {})


def tasks_by_label(port, token, prefix, users):
    """The user's tasks at the simulator labelled by submit.lua (`prefix`, then the user
    and form numbers), by label, read from Transfer's task list. Transfer lists at most
    1000 tasks for one filter however they are paged, so each scripted user's labels are
    asked for apart ("label:~bench-m7-"), asked again while a fault answers."""
    b = browser.Browser(port)
    auth = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    found = {}
    for user in range(1, users + 1):
        query = urllib.parse.urlencode({"limit": 1000, "filter": "label:~%s%d-" % (prefix, user)})
        status, body = None, ""
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
            raise RuntimeError("the simulator's task list kept failing, last with %s: %s" % (status, body[:300]))
        page = json.loads(body)
        if page["total"] > len(page["DATA"]):
            raise RuntimeError("user %d has %d labelled tasks, more than Transfer lists for one filter: shorten "
                               "--duration" % (user, page["total"]))
        for task in page["DATA"]:
            found.setdefault(task["label"], []).append(task["task_id"])
    return found


def label_outcomes(through, lists, tasks):
    """How the labelled clicks of a wrk run ended, against the simulator's tasks by label
    (tasks_by_label). A duplicate is a label with two tasks or more; a lost draft is one
    whose click ended on neither its task nor a message, or that was confirmed with a
    task the simulator does not have."""
    confirmed = dict(entry.split(" ", 1) for entry in lists.get("confirmed", []))
    unclear = [label for label in lists.get("unclear", []) if label not in confirmed]
    duplicates = {label: len(ids) for label, ids in tasks.items() if len(ids) > 1}
    missing = [label for label, task in confirmed.items() if task not in tasks.get(label, [])]
    kinds = through["kinds"]
    submits, messages = kinds.get("submit", {}), kinds.get("message", {})
    wrk = through["wrk"]
    return {
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
        "duplicate_labels": {label: tasks[label] for label in sorted(duplicates)[:20]},
        "lost_drafts": len(unclear) + len(missing),
        "lost_draft_examples": (unclear + missing)[:20],
        "unreadable_list_lines": len(lists.get("unreadable", [])),
    }


def faults_scenario(args, run):
    """Scenario 1 while the simulator fails calls on purpose (simulator.fault-rate):
    each form has a label of its own, a message is read and the form submitted again,
    and afterwards the simulator's tasks are counted by label (label_outcomes)."""
    sessions_file, login_failures, token = prepare_users(args, run, "openid %s" % TRANSFER_ALL)
    env = {"BENCH_SESSIONS": sessions_file, "BENCH_THINK_MS": str(args.think_ms), "BENCH_LABELS": "1",
           "BENCH_LABEL_PREFIX": "bench-f"}
    faults_before, calls_before = sim_faults(run.sim), sim_stats(run.sim)
    log("portal: %d users through the form for %d s, fault rate %g" % (args.users, args.duration, args.fault_rate))
    through, lists = run_wrk("submit.lua", args.users, args.duration, env, run.entry)
    # Clicks cut off by the end of the window may still be finishing in the portal.
    time.sleep(5)
    result = {
        "users": args.users, "duration_s": args.duration, "think_ms": args.think_ms, "fault_rate": args.fault_rate,
        "login_errors": len(login_failures), "login_failure_examples": login_failures[:5],
        "portal": through,
        "faults_injected": stats_delta(faults_before, sim_faults(run.sim)),
        "transfer_calls": stats_delta(calls_before, sim_stats(run.sim)),
    }
    result.update(label_outcomes(through, lists, tasks_by_label(run.sim, token, "bench-f", args.users)))
    result["submit_per_s"] = round(through["kinds"].get("submit", {}).get("ok", 0) / through["wrk"]["duration_s"], 1)
    served = served_by_instance(run, through)
    if served:
        result["answered_by_instance"] = served
    return result


def faults_table(r):
    f = r["faults"]
    s = f["portal"]["kinds"].get("submit", {})
    rows = [("Figure", "Portal under faults", "", "Target", ""), mode_row(r)]
    rows.append(("Submit: users / window / fault rate", "%d / %d s / %g (think %d ms)" % (
        f["users"], f["duration_s"], f["fault_rate"], f["think_ms"]), "", "", ""))
    rows.append(("Faults injected", ", ".join("%s %d" % kv for kv in sorted(f["faults_injected"].items())) or "none",
                 "", "", ""))
    if "answered_by_instance" in f:
        rows.append(("Answered by each instance: forms / clicks", "; ".join(
            "%s %d / %d" % (n, v.get("open_form", 0), v.get("submit", 0))
            for n, v in sorted(f["answered_by_instance"].items())), "", "", ""))
    rows.append(("Submit click p50 / p95 / p99", "%s / %s / %s ms" % (s.get("p50_ms"), s.get("p95_ms"),
                                                                     s.get("p99_ms")), "", "", ""))
    rows += label_rows(f)
    # Only the columns used: figure, value, target, verdict.
    return markdown_table([(row[0], row[1], row[3], row[4]) for row in rows])


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

def fmt(v, unit=""):
    return "n/a" if v is None else ("%g%s" % (v, unit))


def verdict(ok):
    return "met" if ok else "**missed**"


def mode_row(r):
    mode, ports = r["mode"], r["mode"].get("ports", {})
    if mode["name"] == "demo":
        what = "demo: the simulator inside the portal's JVM"
    elif mode["name"] == "external":
        what = "portal alone in production mode (H2); simulator in another JVM (port %s)" % ports.get("simulator")
    else:
        what = "2 portals in production mode on PostgreSQL %s behind nginx (round robin, port %s); simulator " \
               "in another JVM (port %s)" % (r["postgres"]["version"], ports.get("entry"), ports.get("simulator"))
    return ("Set-up", what, "", "", "")


def instances_row(label, r, figure, target="", mark=""):
    """One row listing a figure for each instance: 'portal-a X; portal-b Y'."""
    return (label, "; ".join("%s %s" % (name, figure(name)) for name in r["mode"]["ports"]["portals"]), "", target,
            mark)


def label_rows(k):
    """Rows of how labelled clicks ended (label_outcomes): duplicates and lost drafts."""
    return [
        ("Clicks: task / message (resubmitted) / neither", "%d / %d / %d" % (
            k["clicks_ending_on_the_task"], k["clicks_ending_on_a_message"], k["clicks_ending_on_neither"]), "",
         "", ""),
        ("Clicks without an answer in 10 s", "%d" % k["clicks_without_answer_in_10s_or_cut"], "", "", ""),
        ("Drafts confirmed / tasks at Globus (labels)", "%d / %d (%d)" % (
            k["drafts_confirmed"], k["tasks_at_globus"], k["labels_with_a_task_at_globus"]), "", "", ""),
        ("Tasks of clicks still under way at the window's end", "%d" % k["tasks_of_clicks_cut_by_the_window"], "",
         "", ""),
        ("Duplicate tasks (labels with two tasks or more)", "%d" % k["duplicates"], "", "0",
         verdict(k["duplicates"] == 0)),
        ("Lost clicks (neither their task nor a message)", "%d" % k["lost_drafts"], "", "0",
         verdict(k["lost_drafts"] == 0)),
    ] + ([
        # wrk now and then hands over a list entry with garbled bytes (run_wrk): its label
        # is counted with the clicks cut by the window, not as confirmed.
        ("Garbled lines of wrk's lists (not counted)", "%d" % k["unreadable_list_lines"], "", "", "")]
        if k.get("unreadable_list_lines") else [])


def table(r):
    s, b, c, m, st = r["submit"], r["browse"], r["consent"], r["memory"], r["startup"]
    ps, fs = s["portal"]["kinds"].get("submit", {}), s["floor"]["kinds"].get("submit", {})
    po = s["portal"]["kinds"].get("open_form", {})
    name = r["mode"]["name"]
    two = name == "two-instances"

    rows = [("Figure", "Portal", "Floor (simulator)", "Target", ""), mode_row(r)]
    errors = ps.get("errors", 0) + s["portal"]["wrk"]["timeouts"] + s["portal"]["wrk"]["read_errors"] \
        + s["portal"]["wrk"]["connect_errors"]
    rows.append(("Submit: users / window", "%d / %d s (think %d ms)" % (s["users"], s["duration_s"], s["think_ms"]),
                 "%d / %d s" % (s["users"], s["duration_s"]), "200 / 60 s", ""))
    share = s.get("throughput_share_of_floor")
    rows.append(("Submit: %sthroughput (share of the floor)" % ("combined " if two else ""), "%s (%s)" % (
        fmt(s["portal_submits_per_s"], "/s"), "n/a" if share is None else "%.1f %%" % (share * 100)),
        fmt(s["floor_submits_per_s"], "/s"), "≥ 25 % of floor", verdict(share is not None and share >= 0.25)))
    if "answered_by_instance" in s:
        served = s["answered_by_instance"]
        rows.append(("Answered by each instance: forms / clicks", "; ".join(
            "%s %d / %d" % (n, v.get("open_form", 0), v.get("submit", 0)) for n, v in sorted(served.items())),
            "", "", ""))
    cpu = s.get("cpu", {})
    label = {"demo": "CPU of the portal JVM (simulator inside) per submit cycle / floor request",
             "external": "CPU of the portal JVM alone per submit cycle / simulator JVM per floor request",
             "two-instances": "CPU of both portal JVMs per submit cycle / simulator JVM per floor request"}[name]
    rows.append((label, fmt(cpu.get("portal_ms_per_cycle"), " ms"), fmt(cpu.get("floor_ms_per_request"), " ms"),
                 "≤ 2.5 ms", verdict(cpu.get("portal_ms_per_cycle", 1e9) <= 2.5)))
    if two:
        rows.append(instances_row("CPU per request answered (x 2: per cycle)", r, lambda n: "%s ms (%s)" % (
            fmt(cpu["instances"][n]["ms_per_request"]), fmt(cpu["instances"][n]["ms_per_cycle_equivalent"]))))
        rows.append(("CPU of the proxy (nginx) per submit cycle", fmt(cpu.get("proxy_ms_per_cycle"), " ms"), "", "",
                     ""))
    if "simulator_ms_per_cycle" in cpu:
        rows.append(("CPU of the simulator JVM per submit cycle (not the portal's)",
                     fmt(cpu["simulator_ms_per_cycle"], " ms"), "", "", ""))
    rows.append(("Cores busy in the window (portal JVMs / simulator JVM)" if name != "demo"
                 else "Cores busy in the window (portal JVM)", fmt(cpu.get("portal_cores_busy")),
                 fmt(cpu.get("floor_cores_busy")), "", ""))
    p95_applies = s["users"] == TARGETS["submit_p95_target_users"]
    for p in ("p50", "p95", "p99"):
        target, mark = "", ""
        if p == "p95":
            target = "≤ floor + 15 ms at 50 users"
            mark = verdict(s.get("submit_p95_over_floor", 1e9) <= 15) if p95_applies else "n/a at %d users" % s[
                "users"]
        rows.append(("Submit click %s" % p, fmt(ps.get(p + "_ms"), " ms"), fmt(fs.get(p + "_ms"), " ms"), target,
                     mark))
    rows.append(("Submit: errors", "%d" % errors, "%d" % (fs.get("errors", 0) + s["floor"]["wrk"]["timeouts"]), "0",
                 verdict(errors == 0)))
    rows.append(("Form open (GET /transfer) p50 / p95", "%s / %s" % (fmt(po.get("p50_ms"), " ms"),
                                                                   fmt(po.get("p95_ms"), " ms")), "", "", ""))
    q = s["quiet_clicks"]
    rows.append(("Transfer calls per click (quiet / under load)", "%g / %g" % (
        q["transfer_calls_per_click"], s["transfer_calls_per_click_under_load"]), "1", "1",
        verdict(q["transfer_calls_per_click"] <= 1 and s["transfer_calls_per_click_under_load"] <= 1.0)))
    if "clicks" in s:
        rows += label_rows(s["clicks"])
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
    rows += memory_rows(r)
    if two:
        rows.append(instances_row("Start-up to first healthy /actuator/health", r, lambda n: fmt(
            r["startup_by_instance"][n]["to_first_healthy_s"], " s"), "< 4 s", verdict(all(
                v["to_first_healthy_s"] < 4 for v in r["startup_by_instance"].values()))))
    else:
        rows.append(("Start-up to first healthy /actuator/health" + ("" if name == "demo" else " (the portal alone)"),
                     fmt(st["to_first_healthy_s"], " s"), "", "< 4 s", verdict(st["to_first_healthy_s"] < 4)))
    if "simulator_startup" in r:
        rows.append(("Start-up of the simulator JVM (not the portal)",
                     fmt(r["simulator_startup"]["to_first_healthy_s"], " s"), "", "", ""))
    load = r["machine"]
    rows.append(("Load average (1 min) at start / end of the run", "%.1f / %.1f" % (
        load["load_average_at_start"][0], load.get("load_average_at_end", [float("nan")])[0]), "", "", ""))
    return markdown_table(rows)


def nmt_summary(cats):
    """'Java Heap 150 MB, Class 98 MB, ..., total 420 MB': the six largest categories."""
    largest = sorted(((k, v) for k, v in cats.items() if k != "Total"), key=lambda kv: -kv[1])[:6]
    return ", ".join("%s %g MB" % kv for kv in largest) + ", total %g MB" % cats.get("Total", 0)


def memory_rows(r):
    """Issue 22's two memory targets: the demo's RSS peak (< 512 MB, portal and simulator
    in one JVM), and the portal's alone (< 400 MB, Globus in another process). Each run
    measures one of them."""
    m, name = r["memory"], r["mode"]["name"]
    rows = []
    if name == "demo":
        rows.append(("RSS idle / peak of scenario 1 (portal and simulator)", "%s / %s" % (
            fmt(m["idle_rss_mb"], " MB"), fmt(m["peak_rss_mb"], " MB")), "", "< 512 MB (demo)",
            verdict((m["peak_rss_mb"] or 1e9) < 512)))
        rows.append(("RSS peak, the portal alone (Globus in another process)",
                     "not measured in the demo (bench/run --globus external)", "", "< 400 MB", "not run"))
    else:
        rows.append(("RSS idle / peak of scenario 1 (portal and simulator)", "not measured: no demo in this run",
                     "", "< 512 MB (demo)", "not run"))
        by = r.get("memory_by_instance", {"portal": m})
        rows.append(("RSS idle / peak, the portal alone (Globus in another process)", "; ".join(
            "%s%s / %s" % ("%s " % n if len(by) > 1 else "", fmt(v["idle_rss_mb"], " MB"), fmt(v["peak_rss_mb"], " MB"))
            for n, v in by.items()), "", "< 400 MB", verdict(all((v["peak_rss_mb"] or 1e9) < 400
                                                                  for v in by.values()))))
        rows.append(("RSS peak of the simulator JVM (not the portal)", fmt(r.get("simulator_rss_peak_mb"), " MB"),
                     "", "", ""))
    by = r.get("memory_by_instance", {"": m})
    nmt = {n: v["after_load_after_gc"].get("native_memory_committed_mb") for n, v in by.items()}
    if any(nmt.values()):
        rows.append(("Committed after load (NMT): largest categories", "; ".join(
            ("%s: " % n if n else "") + nmt_summary(cats) for n, cats in nmt.items() if cats), "", "", ""))
    rows.append(("Heap after full GC idle / after load", "; ".join("%s%s / %s" % (
        "%s " % n if n else "", fmt(v["idle_after_gc"]["heap_used_mb"], " MB"),
        fmt(v["after_load_after_gc"]["heap_used_mb"], " MB")) for n, v in by.items()), "", "", ""))
    return rows


# --- Starting the processes ------------------------------------------------------

# The demo's lab (DemoModeEnvironmentPostProcessor.demoLab). A portal in production mode
# has only what it is configured with, so it gets the same: the two tutorial collections
# consented at login, the mapped and guest ones met at run time (the consent scenario
# depends on that), no deletes on the archive, Alice as admin.
DEMO_LAB = [(TUTORIAL_1, "Globus Tutorial Collection 1", "/share/godata/", "true"),
            (TUTORIAL_2, "Globus Tutorial Collection 2", "/share/godata/", "true"),
            (LAB_DATA, "Lab Data (mapped)", "/projects/", "false"),
            (ARCHIVE, "Archive (mapped)", "/archive/", "false"),
            (GUEST, "Shared Results (guest)", "/", "false"),
            ("0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a", "Clinical Imaging (high assurance)", "/", "false")]


def demo_lab_args():
    found = ["--portal.lab.name=Demo Lab", "--portal.lab.admins=alice@globusid.org",
             "--portal.lab.collections[3].deletes-allowed=false"]
    for i, (cid, name, path, consent_at_login) in enumerate(DEMO_LAB):
        found += ["--portal.lab.collections[%d].id=%s" % (i, cid), "--portal.lab.collections[%d].name=%s" % (i, name),
                  "--portal.lab.collections[%d].path=%s" % (i, path),
                  "--portal.lab.collections[%d].consent-at-login=%s" % (i, consent_at_login)]
    # The simulated collections' HTTPS servers are plain http on the simulator's address,
    # as in the demo (file previews and uploads; the scenarios do not use them).
    return found + ["--portal.https.allow-http=true"]


def production_env(sim_port):
    """The fixed outside contract (README, Configuration) pointed at the simulator: with
    a client id set, the portal runs in production mode, its own simulator off."""
    base = "http://localhost:%d/simulator" % sim_port
    return {"GLOBUS_CLIENT_ID": DEMO_CLIENT[0], "GLOBUS_CLIENT_SECRET": DEMO_CLIENT[1],
            "GLOBUS_AUTH_URL": base + "/auth", "GLOBUS_TRANSFER_URL": base + "/transfer",
            "GLOBUS_TIMERS_URL": base + "/timers", "GLOBUS_GROUPS_URL": base + "/groups"}


def bench_args(args):
    """Spring arguments of every JVM of the run."""
    found = ["--server.tomcat.threads.max=%d" % args.tomcat_threads] if args.tomcat_threads else []
    # Each scripted user clicks several times a second, far beyond the portal's per-user
    # limit for people (portal.rate-limit.*); the benchmark measures capacity, not the limit.
    return found + ["--portal.rate-limit.submissions-per-minute=0", "--portal.rate-limit.searches-per-minute=0",
                    "--portal.rate-limit.drafts-per-minute=0"]


def simulator_args(args, labels):
    """Spring arguments of the JVM that simulates Globus."""
    found = []
    if args.fault_rate:
        # As in FaultsUnderLoadIntegrationTests: a slow answer outlasts the portal's timeout.
        found += ["--simulator.fault-rate=%g" % args.fault_rate, "--simulator.slow-delay=1500ms"]
    if labels:
        # Tasks are counted by label afterwards: none may be forgotten meanwhile (by
        # default the simulator keeps 200 finished tasks a user, as Globus lists only so many).
        found += ["--simulator.kept-finished-tasks=100000000"]
    return found


def client_args(args):
    """Spring arguments of the portal as Globus's client."""
    if args.fault_rate:
        # As in FaultsUnderLoadIntegrationTests: retries wait briefly.
        return ["--globus.timeout=1s", "--globus.max-retries=3", "--globus.retry-base-delay=20ms",
                "--globus.max-retry-delay=300ms"]
    return []


def health_path(args):
    # Under faults the whole health (Globus reachable) may be DOWN for a while: wait for
    # the process itself.
    return "/actuator/health/liveness" if args.fault_rate else "/actuator/health"


def prepare_aot_cache(args, result):
    """What the Dockerfile does, for a JVM with an ahead-of-time cache (Java 24 and later):
    the jar extracted (a layout the JVM can map), and a training run of the demo that
    starts, answers its health check and a few pages, and is stopped, writing the cache
    as it exits. Every JVM of the run then starts from the extracted jar, the portals
    with the cache."""
    directory = os.path.join(args.work, "aot")
    subprocess.run(["rm", "-rf", directory], check=True)
    os.makedirs(directory)
    subprocess.run([JAVA, "-Djarmode=tools", "-jar", args.jar, "extract", "--destination", directory], check=True,
                   capture_output=True)
    jar = os.path.join(directory, os.path.basename(args.jar))
    cache = os.path.join(directory, "portal.aot")
    log("training run for the ahead-of-time cache (%s)" % cache)
    started = time.monotonic()
    trainer = Portal(jar, args.port, None, [], os.path.join(args.work, "aot-training.log"),
                     [o for o in args.jvm_opt if "NativeMemoryTracking" not in o] + ["-XX:AOTCacheOutput=" + cache],
                     name="aot-training")
    try:
        trainer.start()
        for page in ("/", "/login", "/transfer", "/actuator/health"):
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
            conn.request("GET", page)
            conn.getresponse().read()
            conn.close()
    finally:
        trainer.stop(wait_s=180)
    if not os.path.exists(cache) or os.path.getsize(cache) == 0:
        raise RuntimeError("the training run wrote no cache; see " + trainer.logfile)
    result["settings"]["aot_cache"] = {"mb": round(os.path.getsize(cache) / 2 ** 20, 1),
                                       "training_s": round(time.monotonic() - started, 1)}
    args.jar = jar
    args.jvm_opt = args.jvm_opt + ["-XX:AOTCache=" + cache]


def start_demo(args, run, result):
    """One JVM in demo mode: the portal and its embedded simulator, as before."""
    extra = bench_args(args) + simulator_args(args, labels=bool(args.fault_rate)) + client_args(args) \
        + args.portal_arg
    portal = Portal(args.jar, args.port, args.latency_ms, extra, os.path.join(args.work, "portal.log"),
                    args.jvm_opt, health_path(args))
    run.portals, run.simulator, run.entry, run.sim = [portal], portal, args.port, args.port
    result["settings"]["extra_portal_args"] = extra
    log("starting the portal in demo mode (simulator.latency=%d ms%s)" % (
        args.latency_ms, ", simulator.fault-rate=%g" % args.fault_rate if args.fault_rate else ""))
    result["startup"] = portal.start()
    log("healthy after %.2f s" % result["startup"]["to_first_healthy_s"])


def start_simulator(args, run, result, port, labels):
    """A second JVM of the same jar in demo mode, used only for its /simulator/...: it
    serves the floor and every Globus call of the portal under test."""
    extra = bench_args(args) + simulator_args(args, labels)
    run.simulator = Portal(args.jar, port, args.latency_ms, extra, os.path.join(args.work, "simulator.log"),
                           args.simulator_jvm_opt, health_path(args), name="simulator")
    run.sim = port
    result["settings"]["simulator_args"] = extra
    result["settings"]["simulator_jvm_opts"] = args.simulator_jvm_opt
    log("starting the simulator: the same jar in demo mode on port %d (simulator.latency=%d ms)" % (
        port, args.latency_ms))
    result["simulator_startup"] = run.simulator.start()


def start_production_portal(args, run, name, port, env):
    """The portal under test in production mode, Globus being the simulator's port."""
    extra = bench_args(args) + client_args(args) + demo_lab_args() + args.portal_arg
    portal = Portal(args.jar, port, None, extra, os.path.join(args.work, name + ".log"), args.jvm_opt,
                    health_path(args), env=dict(production_env(run.sim), **env), name=name)
    run.portals.append(portal)  # before it starts, so that a failed start is stopped too
    log("starting %s in production mode on port %d" % (name, port))
    startup = portal.start()
    assert_production_mode(portal, run.sim)
    log("%s healthy after %.2f s" % (name, startup["to_first_healthy_s"]))
    return startup, extra


def assert_production_mode(portal, sim_port):
    """The portal must not answer for Globus itself (it logs no line saying which mode it
    runs in, so its answers are checked): its /simulator/stats is not the simulator's
    JSON, and a login leaves for the Globus Auth at the simulator's port."""
    conn = http.client.HTTPConnection("127.0.0.1", portal.port, timeout=10)
    try:
        conn.request("GET", "/simulator/stats", headers={"Accept": "application/json"})
        resp = conn.getresponse()
        body = resp.read().decode("utf-8", "replace")
        if resp.status == 200 and "transfer_calls" in body:
            raise RuntimeError("%s answers /simulator/stats: it runs in demo mode, not production" % portal.name)
        conn.request("GET", "/oauth2/authorization/globus")
        resp = conn.getresponse()
        resp.read()
        location = resp.getheader("Location") or ""
    finally:
        conn.close()
    if urllib.parse.urlsplit(location).port != sim_port:
        raise RuntimeError("%s sends logins to %r, not to the simulator on port %d" % (portal.name, location,
                                                                                      sim_port))


def start_external(args, run, result):
    """The portal alone in production mode (embedded H2), Globus simulated by a second JVM."""
    start_simulator(args, run, result, args.port + 1, labels=bool(args.fault_rate))
    result["startup"], extra = start_production_portal(args, run, "portal", args.port, {})
    result["settings"]["extra_portal_args"] = extra
    run.entry = args.port


def start_two_instances(args, run, result):
    """PostgreSQL, the simulator, two portals in production mode on that database (one
    PORTAL_TOKEN_KEY, made for this run) and nginx in front of them, round robin."""
    pg_bin = args.pg_bin or services.newest_pg_bin()
    if not pg_bin:
        raise RuntimeError("PostgreSQL is not installed (bench/run installs Debian's postgresql)")
    run.database = services.Postgres(services.free_port(), pg_bin, parent=args.work)
    log("starting PostgreSQL on 127.0.0.1:%d" % run.database.port)
    run.database.start()
    result["postgres"] = {"version": run.database.version(), "settings": run.database.settings()}
    start_simulator(args, run, result, args.port + 1, labels=True)
    env = {"SPRING_DATASOURCE_URL": run.database.jdbc_url(), "SPRING_DATASOURCE_USERNAME": "postgres",
           # Trust authentication on 127.0.0.1: the password is not checked.
           "SPRING_DATASOURCE_PASSWORD": "unused",
           "PORTAL_TOKEN_KEY": base64.b64encode(os.urandom(32)).decode()}
    # One after the other: the first runs the migrations, and each start-up is timed alone.
    result["startup_by_instance"] = {}
    for name, port in (("portal-a", args.port), ("portal-b", args.port + 2)):
        result["startup_by_instance"][name], extra = start_production_portal(args, run, name, port, env)
    result["startup"] = result["startup_by_instance"]["portal-a"]
    result["settings"]["extra_portal_args"] = extra
    run.proxy = services.Nginx(args.port + 3, [p.port for p in run.portals], parent=args.work)
    log("starting nginx on port %d, round robin over ports %s" % (run.proxy.port, [p.port for p in run.portals]))
    run.proxy.start()
    result["proxy"] = {"version": run.proxy.version(), "config": run.proxy.config()}
    run.entry = run.proxy.port


# --- The run ---------------------------------------------------------------------

def all_scenarios(args, run, result):
    """Memory idle, consent, browse, submit under load, memory after it."""
    time.sleep(5)
    memory = {p.name: {"idle_rss_mb": p.rss_mb(), "idle_after_gc": p.heap_after_full_gc()} for p in run.portals}
    log("consent scenario")
    result["consent"], sessions = consent_scenario(run.entry)
    log("browse scenario")
    browse_token = browser.bearer_token(
        run.sim, "carol@example.edu",
        "openid %s[*https://auth.globus.org/scopes/%s/data_access]" % (TRANSFER_ALL, LAB_DATA), *DEMO_CLIENT)
    result["browse"] = browse_scenario(run.sim, sessions["carol@example.edu"], browse_token, args.browse_repeats)
    log("submit scenario")
    # With two instances every click is labelled, to find duplicate tasks.
    result["submit"] = submit_scenario(args, run, labels=len(run.portals) > 1)
    for p in run.portals:
        memory[p.name]["peak_rss_mb"] = result["submit"]["rss_peak_by_process_mb"].get(p.name)
        memory[p.name]["after_load_after_gc"] = p.heap_after_full_gc()
    result["memory"] = memory[run.portals[0].name]
    if len(run.portals) > 1:
        result["memory_by_instance"] = memory
    if not run.embedded:
        result["simulator_rss_peak_mb"] = result["submit"]["rss_peak_by_process_mb"].get(run.simulator.name)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jar", required=True)
    p.add_argument("--port", type=int, default=18080,
                   help="the portal's port; with --globus external the simulator takes the next one, with "
                        "--instances 2 the second portal port + 2 and the proxy port + 3")
    p.add_argument("--globus", choices=("embedded", "external"), default=None,
                   help="embedded (default): the demo, the simulator in the portal's JVM; external: the portal "
                        "in production mode, alone in its JVM, and a second instance of the jar in demo mode as "
                        "the simulated Globus (port + 1)")
    p.add_argument("--instances", type=int, choices=(1, 2), default=1,
                   help="2: two portals in production mode on a throw-away PostgreSQL, behind an nginx round-robin "
                        "proxy (implies --globus external); every click is labelled and duplicate tasks counted")
    p.add_argument("--users", type=int, default=200)
    p.add_argument("--duration", type=int, default=60, help="seconds of each timed window of scenario 1")
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--latency-ms", type=int, default=50, help="simulator.latency: delay per Globus call")
    p.add_argument("--think-ms", type=int, default=250, help="pause between the form showing and the click")
    p.add_argument("--browse-repeats", type=int, default=20)
    p.add_argument("--tomcat-threads", type=int, default=-1,
                   help="server.tomcat.threads.max for the run; -1 (default): 2 x users + 50, because in demo "
                        "mode each portal request waits for a simulator request served by the same Tomcat "
                        "pool, and with the default 200 threads 200 users starve it; 0: the portal's default. "
                        "Kept for every mode, so that runs compare")
    p.add_argument("--jvm-opt", action="append", default=[],
                   help="a JVM option for the portal (each portal), e.g. -Xmx256m (repeatable; none by default)")
    p.add_argument("--native-memory", action="store_true",
                   help="run the portal with -XX:NativeMemoryTracking=summary and record, idle and after the load, "
                        "what it has committed by category (heap, classes, threads, code, GC...): where RSS beyond "
                        "the heap goes; costs the portal a little CPU and memory")
    p.add_argument("--simulator-jvm-opt", action="append", default=[],
                   help="a JVM option for the simulator's own JVM with --globus external (repeatable; none by "
                        "default)")
    p.add_argument("--portal-arg", action="append", default=[],
                   help="an extra Spring argument for the portal, e.g. --portal-arg=--spring.task.execution."
                        "pool.core-size=400 (repeatable; none by default)")
    p.add_argument("--fault-rate", type=float, default=0,
                   help="run only scenario 1, through the portal, while the simulator fails this fraction of "
                        "Globus calls (simulator.fault-rate: 503, 429, slow, 502, dropped connections, lost and "
                        "dropped answers of accepted submissions), and report duplicate tasks and lost drafts; "
                        "the portal gets the timeouts and retries of the reliability tests")
    p.add_argument("--java", default="java",
                   help="the java command every JVM of the run starts with (default: java on the PATH), e.g. a "
                        "Java 25 as in the Dockerfile")
    p.add_argument("--aot-cache", action="store_true",
                   help="as the Dockerfile: extract the jar, write an ahead-of-time cache with a training run, and "
                        "start the portals from it (needs --java of version 24 or later)")
    p.add_argument("--pg-bin", default=None, help="PostgreSQL's bin directory (default: Debian's newest)")
    p.add_argument("--work", default=os.path.join(HERE, "work"))
    p.add_argument("--out", default=os.path.join(HERE, "results"))
    args = p.parse_args()
    if args.globus is None:
        args.globus = "external" if args.instances == 2 else "embedded"
    if args.instances == 2 and args.globus != "external":
        p.error("--instances 2 needs --globus external: each embedded simulator would be a Globus of its own")
    if args.tomcat_threads < 0:
        args.tomcat_threads = 2 * args.users + 50
    if args.native_memory:
        args.jvm_opt.append("-XX:NativeMemoryTracking=summary")
    return args


def main():
    args = parse_args()
    global WORK, JAVA
    WORK = args.work
    JAVA = args.java
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    # Stopped from outside (kill, a CI timeout): unwind as on Ctrl-C, so that every
    # process started is stopped by the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    mode = "two-instances" if args.instances == 2 else ("external" if args.globus == "external" else "demo")
    run = Run(mode)
    result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "mode": {"name": mode, "globus": args.globus, "instances": args.instances},
              "machine": {"cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf(
                  "SC_PHYS_PAGES") / 2 ** 30, 1), "load_average_at_start": os.getloadavg(),
                  "java": subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0],
                  "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0],
                  "platform": platform.platform()},
              "settings": {"simulator_latency_ms": args.latency_ms, "port": args.port, "jvm_opts": args.jvm_opt,
                           "think_ms": args.think_ms},
              "targets": TARGETS}
    if args.fault_rate:
        result["settings"]["fault_rate"] = args.fault_rate
    try:
        if args.aot_cache:
            prepare_aot_cache(args, result)
            result["settings"]["jvm_opts"] = args.jvm_opt
        {"demo": start_demo, "external": start_external, "two-instances": start_two_instances}[mode](
            args, run, result)
        result["mode"]["ports"] = {"entry": run.entry, "simulator": run.sim,
                                   "portals": {p.name: p.port for p in run.portals}}
        if args.fault_rate:
            result["faults"] = faults_scenario(args, run)
        else:
            all_scenarios(args, run, result)
        result["machine"]["load_average_at_end"] = os.getloadavg()
    finally:
        run.stop()
    suffix = {"demo": "", "external": "-external", "two-instances": "-two-instances"}[mode]
    if args.fault_rate:
        result["table"] = faults_table(result)
        write_result(args, result, "-faults%g%s" % (args.fault_rate, suffix))
    else:
        result["table"] = table(result)
        write_result(args, result, suffix)


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
