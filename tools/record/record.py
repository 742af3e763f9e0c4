#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Records one real program under strace for src/test/resources/recorded/<name>/.

Writes <out>/<name>.strace (strace -f -yy -tt, every call, starting at the program's own
execve) and <out>/<name>.fds.txt: what the program had open at one known moment, taken from
/proc/PID/fd, /proc/PID/fdinfo and `ss -anp` while the program was held still.

The moment is chosen with --until:

  stdin        the program prints a line containing READY on its stdout, then blocks reading
               a line from its stdin; the snapshot is taken, then a newline is written.
  exit         strace holds every exit_group() at its entry for a few seconds
               (-e inject=exit_group:delay_enter=...); the snapshot is taken while the
               program sits there with everything it still had open. The log is unchanged
               apart from the timestamps.
  listen       a server: once a traced process listens on 127.0.0.1:{port}, the --client
               command runs (not traced), then the snapshot is taken, then --stop-signal is
               sent to the program (the first process strace started).

{port} in the command, --client and --serve is replaced by a port the OS picked as free.
--serve starts a helper (e.g. an http server) that is not traced, before the program;
--template copies a configuration file with {port} replaced.
Every process is bounded by --timeout seconds.
"""
import argparse
import datetime
import glob
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time

STRACE = ["strace", "-f", "-yy", "-tt"]
EXIT_SYSCALL = "231"  # exit_group on x86-64


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid):
    """The processes whose parent is pid (read from /proc/*/stat: this kernel has no task/*/children)."""
    out = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        text = read(stat)
        if text and int(text[text.rindex(")") + 2:].split()[1]) == pid:
            out.append(int(stat.split("/")[2]))
    return sorted(out)


def descendants(pid):
    found, todo = [], children(pid)
    while todo:
        p = todo.pop(0)
        found.append(p)
        todo += children(p)
    return found


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout


def snapshot(pids, moment, how):
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    lines = [f"# What the program had open {moment}.",
             f"# Taken {now} by tools/record/record.py: {how}",
             "# fdinfo flags are octal: 04000 O_NONBLOCK, 02000000 O_CLOEXEC (close-on-exec), 02 O_RDWR.",
             ""]
    for pid in pids:
        status = read(f"/proc/{pid}/status")
        name = re.search(r"^Name:\s*(.*)$", status, re.M)
        tgid = re.search(r"^Tgid:\s*(\d+)$", status, re.M)
        threads = sorted(int(t) for t in os.listdir(f"/proc/{pid}/task")) if os.path.isdir(f"/proc/{pid}/task") else []
        lines.append(f"## pid {pid} ({name.group(1) if name else '?'}), tgid {tgid.group(1) if tgid else '?'}, "
                     f"{len(threads)} thread(s): {' '.join(map(str, threads))}")
        lines.append(f"$ ls -lv /proc/{pid}/fd")
        lines += [l for l in run(["ls", "-lv", f"/proc/{pid}/fd"]).splitlines() if not l.startswith("total")]
        lines.append(f"$ grep -H flags /proc/{pid}/fdinfo/*")
        fds = sorted(int(os.path.basename(p)) for p in glob.glob(f"/proc/{pid}/fdinfo/*"))
        for fd in fds:
            flags = re.search(r"^flags:\s*(\S+)$", read(f"/proc/{pid}/fdinfo/{fd}"), re.M)
            lines.append(f"/proc/{pid}/fdinfo/{fd}:flags:\t{flags.group(1) if flags else '?'}")
        lines.append(f"$ ss -anp | grep -E 'pid={pid},|^nl .* [0-9]+:{pid} '   (ss names no process for netlink:"
                     " its port id is the pid)")
        lines += sockets_of(pid)
        lines.append("")
    return "\n".join(lines)


def sockets_of(pid):
    """ss's lines for the sockets pid holds; ss is asked again (up to 5 times) when its dump
    missed one of them (a dump taken while other sockets on the machine change can)."""
    netlink = {l.split()[-1] for l in read("/proc/net/netlink").splitlines()[1:]}
    expected = set()
    for fd in glob.glob(f"/proc/{pid}/fd/*"):
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        m = re.fullmatch(r"socket:\[(\d+)\]", link)
        if m and m.group(1) not in netlink:
            expected.add(int(os.path.basename(fd)))
    for attempt in range(5):
        ss = run(["ss", "-anp"]).splitlines()
        mine = [l for l in ss[1:] if f"pid={pid}," in l or (l.startswith("nl ") and re.search(rf"\s\d+:{pid}\s", l))]
        found = {int(fd) for l in mine for fd in re.findall(rf"pid={pid},fd=(\d+)", l)}
        if expected <= found:
            break
    missing = sorted(expected - found)
    note = [f"# ss listed no line for fd {', '.join(map(str, missing))} in 5 tries (ss dumps the sockets in the kernel's"
            " lookup tables: a socket neither bound nor connected is in none of them)"] if missing else []
    return [ss[0]] + mine + note


def wait_until(predicate, deadline, what):
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise SystemExit(f"record.py: timed out waiting for {what}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--until", required=True)
    ap.add_argument("--client", help="untraced command run once the server listens (--until listen)")
    ap.add_argument("--serve", help="untraced helper started before the program, stopped after")
    ap.add_argument("--stop-signal", default="TERM")
    ap.add_argument("--stdout", help="file for the program's stdout and stderr (default: /tmp/record-<name>.out)")
    ap.add_argument("--exit-hold", type=float, default=3.0, help="seconds strace holds exit_group (exit mode)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--template", action="append", default=[], metavar="SRC:DST",
                    help="copy SRC to DST with {port} replaced, before starting (a server's configuration)")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    port = free_port()
    sub = lambda s: s.replace("{port}", str(port))
    cmd = [sub(c) for c in cmd]
    a.out = os.path.abspath(a.out)
    os.makedirs(a.out, exist_ok=True)
    log = os.path.join(a.out, a.name + ".strace")
    deadline = time.monotonic() + a.timeout

    for template in a.template:
        src, dst = template.split(":", 1)
        with open(src) as f, open(dst, "w") as g:
            g.write(sub(f.read()))

    helper = None
    if a.serve:
        helper = subprocess.Popen(shlex.split(sub(a.serve)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  cwd=a.cwd)
        wait_until(lambda: f"127.0.0.1:{port} " in run(["ss", "-tln"]), deadline, "the helper to listen")

    strace = STRACE + ["-o", log]
    if a.until == "exit":
        strace += ["-e", f"inject=exit_group:delay_enter={int(a.exit_hold * 1e6)}"]
    stdin = subprocess.PIPE if a.until == "stdin" else subprocess.DEVNULL
    stdout_path = a.stdout or f"/tmp/record-{a.name}.out"
    if a.until == "stdin":
        out, err = subprocess.PIPE, open(stdout_path + ".err", "w")
    else:
        out, err = open(stdout_path, "w"), subprocess.STDOUT
    proc = subprocess.Popen(strace + cmd, stdin=stdin, stdout=out, stderr=err, cwd=a.cwd, text=True)
    program = wait_until(lambda: (children(proc.pid) or [None])[0] or proc.poll() is not None, deadline,
                         "strace to start the program")
    if proc.poll() is not None:
        raise SystemExit(f"record.py: strace ended at once (exit {proc.returncode}), see {stdout_path}[.err]")
    try:
        if a.until == "stdin":
            seen = []
            for line in proc.stdout:
                seen.append(line)
                if "READY" in line:
                    break
            else:
                raise SystemExit("record.py: the program ended without READY: " + "".join(seen))
            pids = [program] + descendants(program)
            fds = snapshot(pids, "after it printed READY, while it waited for a line on its stdin",
                           "the program printed READY and blocked reading stdin; snapshot; then a newline was written")
            proc.stdin.write("\n")
            proc.stdin.close()
            rest = proc.stdout.read()
            with open(stdout_path, "w") as f:
                f.write("".join(seen) + rest)
        elif a.until == "exit":
            def at_exit():
                for p in [program] + descendants(program):
                    if read(f"/proc/{p}/syscall").split(" ")[0] == EXIT_SYSCALL:
                        return p
                return None
            p = wait_until(at_exit, deadline, "exit_group")
            fds = snapshot([p], "at its exit_group(), held there by strace",
                           f"strace -e inject=exit_group:delay_enter={int(a.exit_hold * 1e6)} held exit_group() at "
                           "its entry; /proc/PID/syscall showed 231 (exit_group); snapshot")
        elif a.until == "listen":
            wait_until(lambda: any(f"127.0.0.1:{port} " in l and f"pid={q}," in l
                                   for l in run(["ss", "-tlnp"]).splitlines()
                                   for q in [program] + descendants(program)), deadline, "the server to listen")
            client = subprocess.run(shlex.split(sub(a.client)), capture_output=True, text=True, timeout=30)
            with open(os.path.join(a.out, a.name + ".client.txt"), "w") as f:
                f.write(f"$ {sub(a.client)}\n{client.stdout}{client.stderr}")
            pids = [program] + descendants(program)
            fds = snapshot(pids, f"after the untraced client ({sub(a.client)}) finished, before SIG{a.stop_signal}",
                           f"the server listened on 127.0.0.1:{port}; the client ran and ended; snapshot of every "
                           f"process strace traced; then SIG{a.stop_signal} to pid {program}")
            os.kill(program, getattr(signal, "SIG" + a.stop_signal))
        else:
            raise SystemExit("record.py: --until must be stdin, exit or listen")
        with open(os.path.join(a.out, a.name + ".fds.txt"), "w") as f:
            f.write(fds)
        proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:  # out of time: the program and its children first, then strace
            for p in reversed(descendants(proc.pid)):
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proc.kill()
        if helper:
            helper.terminate()
            helper.wait(timeout=10)
    print(f"{log}: {sum(1 for _ in open(log))} lines, strace exit {proc.returncode}, port {port}")


if __name__ == "__main__":
    main()
