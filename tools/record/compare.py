#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Compares what a recorded program really had open with what Socket Lab's replay ends with.

usage: compare.py RECORDING_DIR [--jar target/socket-lab.jar]

Reads <dir>/<name>.fds.txt (written by record.py at a known moment), finds that moment in
<dir>/<name>.strace by its -tt timestamps (the last line that began before the snapshot),
applies what the log shows each snapshot process doing to its table after that line (close,
calls that return a descriptor, pipe2/socketpair) to get the kernel's table when the process
exited, and sets it beside the `processes` of `java -jar socket-lab.jar replay --json`.
Prints Markdown: one table per process, then the replay's counts.
"""
import argparse
import json
import os
import re
import subprocess
import sys

LINE = re.compile(r"^(\d+)\s+(\d\d:\d\d:\d\d\.\d+) (.*)$")
SS_STATE = {"LISTEN": "TCP_LISTEN", "ESTAB": "TCP_ESTABLISHED", "CLOSE-WAIT": "TCP_CLOSE_WAIT",
            "FIN-WAIT-1": "TCP_FIN_WAIT1", "FIN-WAIT-2": "TCP_FIN_WAIT2", "TIME-WAIT": "TCP_TIME_WAIT",
            "SYN-SENT": "TCP_SYN_SENT", "SYN-RECV": "TCP_SYN_RECV", "LAST-ACK": "TCP_LAST_ACK",
            "CLOSING": "TCP_CLOSING", "UNCONN": "TCP_CLOSE"}
SS_NETID = {"u_str": ("AF_UNIX", "SOCK_STREAM"), "u_dgr": ("AF_UNIX", "SOCK_DGRAM"),
            "u_seq": ("AF_UNIX", "SOCK_SEQPACKET"), "udp": ("AF_INET", "SOCK_DGRAM"),
            "tcp": ("AF_INET", "SOCK_STREAM"), "nl": ("AF_NETLINK", "SOCK_RAW"), "raw": ("AF_INET", "SOCK_RAW")}


def seconds(hms):
    h, m, s = hms.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def read_fds(path):
    """{pid: {"taken": seconds, "threads": {tid}, "fds": {fd: {"what": link, "flags": octal, "ss": (family, type, state)}}}}"""
    procs, pid, taken, section = {}, None, None, None
    for line in open(path):
        line = line.rstrip("\n")
        m = re.search(r"# Taken \S+ (\d\d:\d\d:\d\d\.\d+)", line)
        if m:
            taken = seconds(m.group(1))
        m = re.match(r"## pid (\d+).*thread\(s\): ([\d ]*)$", line)
        if m:
            pid = int(m.group(1))
            procs[pid] = {"taken": taken, "fds": {}, "threads": {int(t) for t in m.group(2).split()} | {pid}}
            continue
        if line.startswith("$ "):
            section = line.split()[1]
            continue
        if pid is None or not line or line.startswith("#"):
            continue
        fds = procs[pid]["fds"]
        if section == "ls":
            m = re.search(r" (\d+) -> (.*)$", line)
            if m:
                fds[int(m.group(1))] = {"what": m.group(2), "flags": None, "ss": None}
        elif section == "grep":
            m = re.match(r"/proc/\d+/fdinfo/(\d+):flags:\s*(\S+)", line)
            if m and int(m.group(1)) in fds:
                fds[int(m.group(1))]["flags"] = m.group(2)
        elif section == "ss" and not line.startswith("Netid"):
            cols = line.split()
            family, kind = SS_NETID.get(cols[0], (cols[0], "?"))
            if cols[0] in ("tcp", "udp") and cols[4].startswith("["):
                family = "AF_INET6"
            state = SS_STATE.get(cols[1], cols[1])
            for fd in re.findall(rf"pid={pid},fd=(\d+)", line):
                if int(fd) in fds:
                    fds[int(fd)]["ss"] = (family, kind, state)
    return procs


def calls(log):
    """(line number, pid, seconds, call text) for every complete call; unfinished/resumed joined."""
    pending, out = {}, []
    for n, raw in enumerate(open(log, encoding="utf-8", errors="replace"), 1):
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        pid, t, text = int(m.group(1)), seconds(m.group(2)), m.group(3)
        if text.endswith("<unfinished ...>"):
            pending[pid] = (n, t, text[: -len("<unfinished ...>")])
            continue
        r = re.match(r"<\.\.\. \w+ resumed>(.*)$", text)
        if r and pid in pending:
            start_line, start_t, head = pending.pop(pid)
            out.append((n, pid, start_t, head + r.group(1), start_line))
        else:
            out.append((n, pid, t, text, n))
    return out


def kernel_at_exit(procs, log):
    """Each snapshot process's table when it exited: the snapshot plus what the log shows after it."""
    events = calls(log)
    moment = {}
    for pid, p in procs.items():
        before = [c for c in events if c[2] <= p["taken"] and c[1] in p["threads"]]
        moment[pid] = max((c[4] for c in before), default=0)
        table = dict(p["fds"])
        for n, cpid, _, text, start in events:
            if cpid not in p["threads"] or start <= moment[pid]:
                continue
            name = text.split("(", 1)[0]
            result = re.search(r"\) += (-?\d+)(<.*>)?(?: .*)?$", text)
            if name == "close" and result and result.group(1) == "0":
                table.pop(int(re.match(r"close\((\d+)", text).group(1)), None)
            elif name in ("pipe", "pipe2", "socketpair") and result and result.group(1) == "0":
                for fd in re.findall(r"[\[ ](\d+)<", text.split("[", 1)[1]):
                    table[int(fd)] = {"what": f"(from {name} on line {n})", "flags": None, "ss": None}
            elif result and result.group(2) and int(result.group(1)) >= 0 and name not in ("read", "write", "lseek"):
                table[int(result.group(1))] = {"what": f"(from {name} on line {n})", "flags": None, "ss": None}
        p["at_exit"] = table
    return moment


def replay(jar, log):
    out = subprocess.run(["java", "-jar", jar, "replay", log, "--json"], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        sys.exit(f"compare.py: replay failed: {out.stderr}")
    return json.loads(out.stdout)


def kind_of(what):
    if what.startswith("socket:"):
        return "socket"
    if what.startswith("pipe:"):
        return "pipe"
    if what.startswith("anon_inode:"):
        return what.split(":", 1)[1].strip("[]")
    return "file"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--jar", default="target/socket-lab.jar")
    a = ap.parse_args()
    name = os.path.basename(os.path.normpath(a.dir))
    log = os.path.join(a.dir, name + ".strace")
    procs = read_fds(os.path.join(a.dir, name + ".fds.txt"))
    moment = kernel_at_exit(procs, log)
    result = replay(a.jar, log)
    replayed = {p["pid"]: p for p in result["processes"]}
    print(f"### {name}: the kernel's tables at exit beside the replay's\n")
    agree = True
    for pid, p in procs.items():
        print(f"pid {pid}: snapshot after log line {moment[pid]}, then the log's own calls up to the exit.\n")
        print("| fd | kernel (snapshot + log) | replay | |")
        print("|---|---|---|---|")
        model = {d["fd"]: d for d in replayed.get(pid, {"open": []})["open"]}
        for fd in sorted(set(p["at_exit"]) | set(model)):
            k, r = p["at_exit"].get(fd), model.get(fd)
            ktext = "—"
            if k:
                ktext = kind_of(k["what"]) if not k["what"].startswith("(") else k["what"]
                if k["ss"]:
                    ktext += " " + " ".join(k["ss"])
                elif ktext == "socket":
                    ktext += " (in no ss table: unbound, unconnected)"
                if k["flags"] and int(k["flags"], 8) & 0o2000000:
                    ktext += ", cloexec"
                if k["flags"] and int(k["flags"], 8) & 0o4000:
                    ktext += ", nonblocking"
            rtext = "—" if r is None else " ".join(x for x in (r["kind"], r["family"], r["type"], r["state"]) if x)
            if r is not None and r.get("mayBe"):
                rtext += f" (as far as the log shows; {r['mayBe']} if its peer outside the trace closed)"
            if r is not None and r["kind"] in ("file", "unknown"):
                rtext += f" `{r['name']}`"
            same = (k is None) == (r is None)
            if same and k and r and k["ss"] and r["kind"] == "socket":
                # A connection whose peer is outside the trace is in the state the log shows, or in
                # mayBe if that peer closed unseen (a FIN nobody read leaves no line): either agrees.
                same = (k["ss"][0], k["ss"][1]) == (r["family"], r["type"]) and k["ss"][2] in (r["state"], r.get("mayBe"))
            elif same and k and r and kind_of(k["what"]) == "socket" and not k["what"].startswith("("):
                same = r["kind"] == "socket"
            agree &= same
            print(f"| {fd} | {ktext} | {rtext} | {'' if same else '**differs**'} |")
        if pid not in replayed:
            print(f"\nThe replay has no process {pid}.")
        print()
    others = [p["pid"] for p in result["processes"] if p["pid"] not in procs]
    if others:
        print(f"The replay also lists {len(others)} other \"processes\": {', '.join(map(str, others))}.\n")
    print(f"Replay: {result['lines']} lines, {len(result['calls'])} calls, {result['mismatches']} mismatches, "
          f"{result['disagreements']} disagreements, {len(result['warnings'])} warnings, {result['frames']} frames; "
          f"end state {'agrees' if agree else 'differs'}.")


if __name__ == "__main__":
    main()
