#!/usr/bin/env python3
"""Checks the subsystem a Windows .exe is built for: `pe-subsystem.py FILE windows|console`.

Reads the PE optional header's Subsystem field (2 = Windows GUI, 3 = Windows console) so
the Windows CI job can prove the release build opens no console window of its own
(src-tauri/src/main.rs) without any Windows-only tool.
"""
import struct
import sys

WANTED = {"windows": 2, "console": 3}


def subsystem(path):
    with open(path, "rb") as f:
        data = f.read(4096)
    if data[:2] != b"MZ":
        sys.exit(f"{path}: not a PE file")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        sys.exit(f"{path}: no PE signature")
    optional = pe + 24
    # Subsystem is at offset 68 of the optional header in both PE32 and PE32+.
    return struct.unpack_from("<H", data, optional + 68)[0]


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in WANTED:
        sys.exit("usage: pe-subsystem.py FILE windows|console")
    path, wanted = sys.argv[1], sys.argv[2]
    found = subsystem(path)
    if found != WANTED[wanted]:
        sys.exit(f"{path}: subsystem {found}, expected {WANTED[wanted]} ({wanted})")
    print(f"{path}: {wanted} subsystem ({found})")


if __name__ == "__main__":
    main()
