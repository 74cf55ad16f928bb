#!/usr/bin/env python3
"""Adds @Permit to request handlers that lack one, by path and method. A helper for the lead; review its output."""
import re, pathlib, sys
RULES = [  # (regex on path, methods or None, permission expression)
    (r'^/login$', None, '@Permit(anonymous = true)'),
    (r'^/$', None, '@Permit'),
    (r'^/denied$', None, '@Permit'),
    (r'^/account', None, '@Permit'),
    (r'^/projects/import', None, '@Permit(Permission.PROJECT_IMPORT)'),
    (r'^/projects/(new|\{code\}/edit)', None, '@Permit(Permission.PROJECT_EDIT)'),
    (r'^/projects', ['Get'], '@Permit(Permission.PROJECT_READ)'),
    (r'^/reports', None, '@Permit(Permission.REPORT_READ)'),
    (r'^/(units|enterprises|chains|events|regions)(/\{id\})?$', ['Get'], '@Permit(Permission.MASTERDATA_READ)'),
    (r'^/(units|enterprises|chains|events|regions)', None, '@Permit(Permission.MASTERDATA_EDIT)'),
]
for f in sys.argv[1:]:
    path = pathlib.Path(f)
    lines = path.read_text(encoding='utf-8').split('\n')
    out, changed = [], False
    for i, line in enumerate(lines):
        m = re.match(r'\s*@(Get|Post|Put|Delete|Patch)Mapping\((?:value\s*=\s*)?"([^"]*)"', line)
        if m and not (out and '@Permit' in out[-1]):
            verb, url = m.group(1), m.group(2)
            for rx, verbs, ann in RULES:
                if re.search(rx, url) and (verbs is None or verb in verbs):
                    indent = line[:len(line) - len(line.lstrip())]
                    out.append(indent + ann)
                    changed = True
                    break
            else:
                print(f'{f}: no rule for {verb} {url}')
        out.append(line)
    if changed:
        text = '\n'.join(out)
        if 'import cn.zhaoshang.identity.Permit;' not in text and 'package cn.zhaoshang.identity;' not in text:
            text = re.sub(r'(package [^;]+;\n)', r'\1\nimport cn.zhaoshang.identity.Permission;\nimport cn.zhaoshang.identity.Permit;', text, count=1)
        path.write_text(text, encoding='utf-8')
