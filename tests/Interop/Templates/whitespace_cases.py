#!/usr/bin/python3
"""Writes COUNT random but balanced templates that mix every whitespace-control form Jinja2 has ({%- -%},
{{- -}}, {#- -#}, {%+ +%}, raw blocks) with spaces, tabs, newlines, CRLF and lone CR, for the differential test.
usage: whitespace_cases.py OUTDIR COUNT SEED"""
import os
import random
import sys

out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
LEAVES = ["{{ 1 }}", "{{- 2 }}", "{{ 3 -}}", "{{- 4 -}}", "{# c #}", "{#- c -#}", "{#- c #}", "{# c -#}",
          "{% set a = 1 %}", "{%- set b = 2 -%}", "{% raw %}{{ r }}{% endraw %}", "{%- raw %} r {% endraw -%}"]
OPEN = {"endif": ["{% if true %}", "{%- if x %}", "{% if 1 -%}", "{%+ if true %}"],
        "endfor": ["{% for i in [1, 2] %}", "{%- for i in [1] -%}"]}
SPACE = ["", " ", "  ", "\n", "\n\n", " \n", "\t", "\r\n", "\n  ", "x", "text\n", "\r"]


def template():
    parts, stack = [], []
    for _ in range(rng.randint(3, 14)):
        r = rng.random()
        if r < 0.3:
            end = "endif" if r < 0.2 else "endfor"
            parts.append(rng.choice(OPEN[end]))
            stack.append(end)
        elif r < 0.45 and stack:
            end = stack.pop()
            parts.append(rng.choice(["{% E %}", "{%- E %}", "{% E -%}", "{%- E -%}", "{% E +%}"]).replace("E", end))
        else:
            parts.append(rng.choice(LEAVES))
        parts.append(rng.choice(SPACE))
    while stack:
        parts.append("{% " + stack.pop() + " %}")
        parts.append(rng.choice(SPACE))
    return "".join(rng.choice(SPACE) + p for p in parts) + rng.choice(["", "\n", "\n\n", "\r\n"])


os.makedirs(out, exist_ok=True)
for i in range(count):
    with open(os.path.join(out, "ws%03d.j2" % i), "w", newline="") as f:
        f.write(template())
