#!/usr/bin/env python3
"""Where one screen's resident memory comes from: starts one course screen (or exercise screen) of
the release build the way scripts/bench_lab.py does (256×256 random input, 16→16 channels, a 5×5
random kernel), sends it a key, waits for the frame, then prints its /proc/PID/smaps grouped by
mapping (the binary's text and data, its .bss and the anonymous blocks, heap, stack, each shared
library), and — with --sections — the binary's resident pages by ELF section (read through
/proc/PID/pagemap), so a change to how the binary is linked shows which pages it saved.

    scripts/rss_breakdown.py [--screen course|exercise] [--binary PATH] [--sections] [--pid PID]

--pid reads a running process instead of starting one. The RSS column is what bench_lab.py adds up
(the binary's pages count in every process that maps them); a binary linked moments ago shows its
file pages as dirty until the kernel has written them back, so compare the RSS, not the dirty column.
"""
import argparse
import os
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
import bench_lab  # noqa: E402  (the lab's layer, keys and exercise file: one definition)

FIELDS = ["Rss", "Pss", "Private_Dirty", "Private_Clean", "Shared_Clean", "Anonymous"]


def read_smaps(pid):
    """[(start, end, perms, offset, path, {field: kB})] of /proc/PID/smaps."""
    mappings = []
    for line in open(f"/proc/{pid}/smaps"):
        parts = line.split()
        if "-" in parts[0] and len(parts) >= 5 and not parts[0].endswith(":"):
            start, end = (int(x, 16) for x in parts[0].split("-"))
            mappings.append((start, end, parts[1], int(parts[2], 16), parts[5] if len(parts) > 5 else "", {}))
        elif parts[0].rstrip(":") in FIELDS:
            mappings[-1][5][parts[0].rstrip(":")] = int(parts[1])
    return mappings


def group_name(mapping, binary, binary_end):
    start, end, perms, _, path, _ = mapping
    if path and os.path.realpath(path) == binary:
        return "binary " + ("text (r-x)" if "x" in perms else "data (rw-)" if "w" in perms else "read-only (r--)")
    if not path and start == binary_end:
        return "binary .bss (anonymous after data)"
    if path == "[heap]":
        return "heap (brk)"
    if path.startswith("[stack"):
        return "stack"
    if path.startswith("["):
        return path
    if not path:
        size = end - start
        return "anonymous ≥ 1 MiB" if size >= 1 << 20 else "anonymous < 1 MiB (thread stacks, arenas)"
    return os.path.basename(path).split(".so")[0] + ".so"


def print_groups(pid, binary):
    mappings = read_smaps(pid)
    binary_end = max((m[1] for m in mappings if m[4] and os.path.realpath(m[4]) == binary), default=-1)
    groups = {}
    for mapping in mappings:
        name = group_name(mapping, binary, binary_end)
        entry = groups.setdefault(name, {"count": 0, **{f: 0 for f in FIELDS}})
        entry["count"] += 1
        for field in FIELDS:
            entry[field] += mapping[5].get(field, 0)
    print(f"| mapping | n | RSS kB | PSS kB | private dirty kB | private clean kB | shared clean kB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, e in sorted(groups.items(), key=lambda item: -item[1]["Rss"]):
        if e["Rss"] == 0:
            continue
        print(f"| {name} | {e['count']} | {e['Rss']} | {e['Pss']} | {e['Private_Dirty']} | "
              f"{e['Private_Clean']} | {e['Shared_Clean']} |")
    total = {f: sum(e[f] for e in groups.values()) for f in FIELDS}
    print(f"| **total** | {len(mappings)} | {total['Rss']} | {total['Pss']} | {total['Private_Dirty']} | "
          f"{total['Private_Clean']} | {total['Shared_Clean']} |")
    return mappings


def elf_sections(binary):
    """[(name, file offset, size)] of the binary's allocated sections, from readelf."""
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    sections = []
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith("[") or line.startswith("[Nr]"):
            continue
        fields = line.split("]", 1)[1].split()
        name, kind, _, offset, size, *_ = fields
        flags = fields[6] if len(fields) > 6 and not fields[6].isdigit() else ""
        if "A" in flags and kind != "NOBITS" and int(size, 16) > 0:
            sections.append((name, int(offset, 16), int(size, 16)))
    return sections


def print_sections(pid, binary, mappings):
    """The binary's file-backed mappings' resident pages, attributed to the section covering each."""
    page = os.sysconf("SC_PAGE_SIZE")
    sections = elf_sections(binary)
    counts = {}
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for start, end, perms, offset, path, _ in mappings:
            if not path or os.path.realpath(path) != binary:
                continue
            pagemap.seek(start // page * 8)
            entries = pagemap.read((end - start) // page * 8)
            for i in range((end - start) // page):
                (entry,) = struct.unpack_from("<Q", entries, i * 8)
                if not entry >> 63 & 1:
                    continue
                file_offset = offset + i * page
                # A page may hold the end of one section and the start of the next: the first wins.
                name = next((s[0] for s in sections if s[1] < file_offset + page and file_offset < s[1] + s[2]),
                            "(between sections)")
                kind = "x" if "x" in perms else "w" if "w" in perms else "r"
                # Bit 61: the page is the file's (read, shared with every process mapping it); clear in
                # a private mapping once written (relocated or changed: a private copy).
                entry_counts = counts.setdefault((kind, name), [0, 0])
                entry_counts[0 if entry >> 61 & 1 else 1] += 1
    print()
    print("| binary mapping | section | resident kB | of which the file's pages (read) | private copies (written) |")
    print("|---|---|---:|---:|---:|")
    for (kind, name), (read, written) in sorted(counts.items(), key=lambda item: -sum(item[1])):
        print(f"| {'text' if kind == 'x' else 'data' if kind == 'w' else 'read-only'} | {name} | "
              f"{(read + written) * page // 1024} | {read * page // 1024} | {written * page // 1024} |")
    total_read = sum(c[0] for c in counts.values()) * page // 1024
    total_written = sum(c[1] for c in counts.values()) * page // 1024
    print(f"| **binary** | all | {total_read + total_written} | {total_read} | {total_written} |")


def start_screen(sock, screen, workdir, binary):
    log = os.path.join(workdir, "frames")
    open(log, "w").close()
    if screen == "course":
        command = [binary, "--fresh", *bench_lab.LAYER, "--input", "random:1", "--kernel", "random:1"]
    else:
        lab = os.path.join(workdir, "lab.toml")
        with open(lab, "w") as f:
            f.write(bench_lab.LAB)
        command = [binary, "exercise", lab]
    env = f"env -u NO_COLOR TERM=tmux-256color CONVSCOPE_FRAME_LOG={log} XDG_STATE_HOME={workdir}/state"
    bench_lab.tmux(sock, "-f", "/dev/null", "new-session", "-d", "-s", "s0", "-x", "100", "-y", "30",
                   "exec " + env + " " + " ".join(command))
    pid = int(bench_lab.tmux(sock, "list-panes", "-a", "-F", "#{pane_pid}").split()[0])
    deadline = time.time() + 60
    while time.time() < deadline and not bench_lab.tmux(sock, "capture-pane", "-p", "-t", "s0").strip():
        time.sleep(0.1)
    time.sleep(1)
    key = (bench_lab.COURSE_KEYS if screen == "course" else bench_lab.EXERCISE_KEYS)[0]
    bench_lab.tmux(sock, "send-keys", "-t", "s0", key)
    # Wait (generously) for the key's frame in the frame log, then for any background work to settle.
    while time.time() < deadline and not open(log).read().strip():
        time.sleep(0.1)
    time.sleep(2)
    return pid


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--screen", choices=["course", "exercise"], default="course")
    parser.add_argument("--binary", default=bench_lab.BINARY)
    parser.add_argument("--sections", action="store_true", help="the binary's resident pages by ELF section")
    parser.add_argument("--pid", type=int, help="read this running process instead of starting a screen")
    args = parser.parse_args()
    binary = os.path.realpath(args.binary)
    if args.pid:
        mappings = print_groups(args.pid, binary)
        if args.sections:
            print_sections(args.pid, binary, mappings)
        return
    sock = f"rssbreakdown-{os.getpid()}"
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as workdir:
        try:
            pid = start_screen(sock, args.screen, workdir, binary)
            print(f"One {args.screen} screen of {os.path.relpath(binary, ROOT)} after a key (pid {pid}):")
            print()
            mappings = print_groups(pid, binary)
            if args.sections:
                print_sections(pid, binary, mappings)
        finally:
            subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
