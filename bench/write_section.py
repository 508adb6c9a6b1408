"""Replaces one benchmark's section of docs/benchmarks.md, between <!-- NAME:start --> and <!-- NAME:end -->,
with the text of a file (or appends the section), leaving every other benchmark's section as it was.
Usage: python3 bench/write_section.py NAME BLOCK_FILE"""
import os
import sys

name, block_file = sys.argv[1], sys.argv[2]
path = "docs/benchmarks.md"
block = open(block_file).read().rstrip("\n")
start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
new = f"{start}\n{block}\n{end}"
if start in text and end in text and text.index(start) < text.index(end):
    text = text[:text.index(start)] + new + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n" + new + "\n"
open(path, "w").write(text)
