#!/usr/bin/env python3
"""Check Grafana's provisioning files against the keys Grafana's provisioning reads.

Usage: check_grafana_provisioning.py DASHBOARDS.yaml DATASOURCES.yaml
Grafana ships no schema for these files, and no Grafana runs on the build machines, so the allowed keys
below are those of Grafana's provisioning documentation (Administration > Provisioning): an unknown key is
reported (Grafana would ignore it silently), as is a missing required one or a value of the wrong type.
"""
import sys

import yaml

PROVIDER_KEYS = {"name": str, "orgId": int, "folder": str, "folderUid": str, "type": str, "disableDeletion": bool,
                 "updateIntervalSeconds": int, "allowUiUpdates": bool, "options": dict}
PROVIDER_OPTION_KEYS = {"path": str, "foldersFromFilesStructure": bool}
DATASOURCE_KEYS = {"name": str, "type": str, "access": str, "orgId": int, "uid": str, "url": str, "user": str,
                   "database": str, "basicAuth": bool, "basicAuthUser": str, "withCredentials": bool,
                   "isDefault": bool, "jsonData": dict, "secureJsonData": dict, "version": int, "editable": bool}


def check_keys(mapping, allowed, required, where):
    problems = []
    for key, value in mapping.items():
        if key not in allowed:
            problems.append(f"{where}.{key}: not a key Grafana reads here")
        elif not isinstance(value, allowed[key]) or (allowed[key] is int and isinstance(value, bool)):
            problems.append(f"{where}.{key}: expected {allowed[key].__name__}, found {value!r}")
    problems += [f"{where}: `{key}` is required" for key in required if key not in mapping]
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    problems = []
    dashboards = yaml.safe_load(open(argv[0], encoding="utf-8"))
    if dashboards.get("apiVersion") != 1:
        problems.append(f"{argv[0]}: apiVersion must be 1")
    providers = dashboards.get("providers") or []
    if not providers:
        problems.append(f"{argv[0]}: no providers")
    for i, provider in enumerate(providers):
        where = f"{argv[0]}: providers[{i}]"
        problems += check_keys(provider, PROVIDER_KEYS, ("name", "type", "options"), where)
        if provider.get("type") != "file":
            problems.append(f"{where}.type: must be `file`")
        options = provider.get("options") or {}
        problems += check_keys(options, PROVIDER_OPTION_KEYS, ("path",), f"{where}.options")
        if not str(options.get("path", "")).startswith("/"):
            problems.append(f"{where}.options.path: must be an absolute path")
    sources = yaml.safe_load(open(argv[1], encoding="utf-8"))
    if sources.get("apiVersion") != 1:
        problems.append(f"{argv[1]}: apiVersion must be 1")
    datasources = sources.get("datasources") or []
    if not any(d.get("type") == "prometheus" for d in datasources):
        problems.append(f"{argv[1]}: no datasource of type prometheus (the dashboard's `datasource` variable lists those)")
    for i, source in enumerate(datasources):
        where = f"{argv[1]}: datasources[{i}]"
        problems += check_keys(source, DATASOURCE_KEYS, ("name", "type", "access", "url"), where)
        if source.get("access") not in ("proxy", "direct"):
            problems.append(f"{where}.access: must be proxy or direct")
        if not str(source.get("url", "")).startswith(("http://", "https://")):
            problems.append(f"{where}.url: must be an http(s) URL")
    if sum(1 for d in datasources if d.get("isDefault")) > 1:
        problems.append(f"{argv[1]}: more than one default datasource")
    for problem in problems:
        print(problem)
    print(f"provisioning: {len(providers)} dashboard providers, {len(datasources)} datasources, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
