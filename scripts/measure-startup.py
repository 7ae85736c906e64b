#!/usr/bin/env python3
"""Start-up and memory of a desktop app on a private Xvfb display (used by measure-footprint).

Usage: measure-startup.py run BINARY        one measured launch, as one JSON line
       measure-startup.py summary RUNS.jsonl  medians per app of such lines (with "app")

Each run starts a fresh `Xvfb -br` (black root), starts the binary with a fresh HOME and
XDG_* directories (so every run is a first launch), and grabs the whole screen with
XGetImage every 10 ms for 10 s, timing from the moment the process is spawned:

- mapped:   the first frame that differs from the empty black screen (the window is mapped
            and its background drawn);
- content:  the first frame with at least 8 distinct colours in a sample of its pixels (the
            webview has painted text; a bare GTK window is one or two colours);
- complete: the last frame that differs from the one before it within the 10 s (visually
            complete: the page stopped changing).

At 5 s it sums the resident memory (VmRSS, and the proportional PSS, from /proc) of the app
and all its descendants (WebKitWebProcess, WebKitNetworkProcess). measure-footprint
interleaves the runs of the two apps (A, B, A, B, ...) so background load affects them alike.
"""

import ctypes
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

WIDTH, HEIGHT = 1280, 800
WATCH_S = 10.0
MEMORY_AT_S = 5.0
POLL_S = 0.010

xlib = ctypes.CDLL("libX11.so.6")
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
xlib.XDefaultRootWindow.restype = ctypes.c_ulong
xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
xlib.XGetImage.restype = ctypes.c_void_p
xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                           ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
xlib.XFree.argtypes = [ctypes.c_void_p]
xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
libc = ctypes.CDLL(None)
libc.free.argtypes = [ctypes.c_void_p]
Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


def grab(display, root):
    """The root window's pixels (32 bits each) as bytes."""
    image = xlib.XGetImage(display, root, 0, 0, WIDTH, HEIGHT, ALL_PLANES, Z_PIXMAP)
    if not image:
        raise RuntimeError("XGetImage failed")
    # struct XImage { int width, height, xoffset, format; char *data; ... }
    data = ctypes.c_void_p.from_address(image + 16).value
    pixels = ctypes.string_at(data, WIDTH * HEIGHT * 4)
    libc.free(data)
    xlib.XFree(image)
    return pixels


def colours(pixels):
    return len(set(memoryview(pixels).cast("I")[::37]))


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def memory_kib(pid):
    rss = pss = 0
    names = []
    for p in descendants(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
            rss += int(status.get("VmRSS", "0 kB").split()[0])
            names.append(status["Name"].strip())
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss, names


def start_xvfb():
    """A fresh Xvfb (black root) on a free display, and an Xlib connection to it.

    The display number is chosen here rather than with -displayfd: with that, Xvfb sometimes
    failed to write its number ("Cannot write display number") and the run was lost.
    """
    for number in range(50, 100):
        if os.path.exists(f"/tmp/.X{number}-lock"):
            continue
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-br", "-screen", "0",
                                 f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                                stderr=subprocess.DEVNULL)
        for _ in range(500):
            display = xlib.XOpenDisplay(f":{number}".encode())
            if display:
                return xvfb, number, display
            if xvfb.poll() is not None:
                break  # lost the race for this number to another server
            time.sleep(0.01)
        xvfb.terminate()
        xvfb.wait()
    raise RuntimeError("no free X display between :50 and :99")


def one_run(binary):
    tmp = tempfile.mkdtemp(prefix="plancast-measure-")
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    home = os.path.join(tmp, "home")
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/.local/share", XDG_CONFIG_HOME=f"{home}/.config",
               XDG_CACHE_HOME=f"{home}/.cache")
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.makedirs(env[key])
    xvfb, number, display = start_xvfb()
    env["DISPLAY"] = f":{number}"
    root = xlib.XDefaultRootWindow(display)
    blank = grab(display, root)
    result = {}
    app = None
    try:
        start = time.monotonic()
        app = subprocess.Popen([binary], env=env, cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        previous = blank
        while True:
            now = time.monotonic() - start
            if now >= WATCH_S:
                break
            if "rss_kib" not in result and now >= MEMORY_AT_S:
                rss, pss, names = memory_kib(app.pid)
                result.update(rss_kib=rss, pss_kib=pss, processes=names)
            pixels = grab(display, root)
            if pixels != blank and "mapped_s" not in result:
                result["mapped_s"] = now
            if "content_s" not in result and pixels != previous and colours(pixels) >= 8:
                result["content_s"] = now
            if pixels != previous:
                result["complete_s"] = now
                previous = pixels
            if app.poll() is not None:
                raise RuntimeError(f"{binary} exited with {app.returncode}")
            time.sleep(POLL_S)
    finally:
        if app is not None and app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait()
        xlib.XCloseDisplay(display)
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "run":
        json.dump(one_run(sys.argv[2]), sys.stdout)
        print()
        return
    if len(sys.argv) == 3 and sys.argv[1] == "summary":
        # One JSON object per line, each with "app" added by the caller.
        samples = {}
        with open(sys.argv[2]) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    samples.setdefault(r["app"], []).append(r)
        summary = {}
        for name, rs in samples.items():
            summary[name] = {key: statistics.median(r[key] for r in rs if key in r)
                             for key in ("mapped_s", "content_s", "complete_s", "rss_kib",
                                         "pss_kib")
                             if any(key in r for r in rs)}
            summary[name]["runs"] = len(rs)
            summary[name]["processes"] = rs[-1].get("processes", [])
        json.dump(summary, sys.stdout, indent=2)
        print()
        return
    sys.exit("usage: measure-startup.py run BINARY | summary RUNS.jsonl")


if __name__ == "__main__":
    main()
