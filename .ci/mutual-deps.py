#!/usr/bin/env python3
"""Lists pairs of main source files that refer to each other (explicit imports or same-package use).

Usage: .ci/mutual-deps.py DIR...   (exit status 1 when a pair is found)
"""
import os, re, sys

def strip(s):
    s = re.sub(r'/\*.*?\*/', '', s, flags=re.S)
    s = re.sub(r'//[^\n]*', '', s)
    return re.sub(r'"(\\.|[^"\\])*"', '""', s)

classes = {}
for root in sys.argv[1:]:
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith('.java') and f != 'package-info.java':
                p = os.path.join(d, f)
                s = open(p).read()
                pkg = re.search(r'^package ([\w.]+);', s, re.M).group(1)
                classes[pkg + '.' + f[:-5]] = strip(s)
deps = {}
for fq, code in classes.items():
    pkg, name = fq.rsplit('.', 1)
    body = re.sub(r'^import .*$', '', code, flags=re.M)
    out = set()
    for other in classes:
        if other == fq:
            continue
        opkg, oname = other.rsplit('.', 1)
        if re.search(r'^import ' + re.escape(other) + ';', code, re.M) or re.search(re.escape(other) + r'\b', body):
            out.add(other)
        elif opkg == pkg and re.search(r'(?<![\w.])' + oname + r'\b', body):
            out.add(other)
    deps[fq] = out
pairs = sorted({tuple(sorted((a, b))) for a in deps for b in deps[a] if a in deps.get(b, ())})
for a, b in pairs:
    print('mutual:', a, '<->', b)
print(len(pairs), 'pairs of files referring to each other among', len(classes), 'files')
sys.exit(1 if pairs else 0)
