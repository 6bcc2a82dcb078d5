#!/usr/bin/env python3
"""Reads the JSON of tools/pdf-items.mjs on stdin and writes the items in the
record format of the `pdf_items` fuzz target (see
fuzz/fuzz_targets/pdf_items.rs) on stdout:
page u8 | flags u8 | x i16 | y i16 | width u16 | height u8 | len u8 | text,
coordinates in quarter points."""
import json
import struct
import sys

doc = json.load(sys.stdin)
if not doc.get("ok"):
    sys.exit("pdf-items failed: %s" % doc.get("message"))
out = bytearray()
clamp = lambda v, lo, hi: max(lo, min(hi, v))
for it in doc["items"]:
    t = it["text"].encode("utf-8")[:255]
    out += struct.pack(
        "<BBhhHBB",
        clamp(it.get("page", 1), 0, 255),
        0,
        clamp(int(it["x"] * 4), -32768, 32767),
        clamp(int(it["y"] * 4), -32768, 32767),
        clamp(int(it.get("width", 0) * 4), 0, 65535),
        clamp(int(it.get("height", 0) * 4), 0, 255),
        len(t),
    )
    out += t
sys.stdout.buffer.write(bytes(out))
