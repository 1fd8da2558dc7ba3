#!/usr/bin/env python3
"""Print every PromQL query of a Grafana dashboard with its variables substituted.

One line per query target: `panel title<TAB>query`. A panel with several targets prints several lines.
The end-to-end rig sends each query to a real Prometheus; check_dashboard.py parses them with promtool.

Usage: dashboard_queries.py [DASHBOARD.json] [--job J] [--instance REGEX] [--range 6h]
                            [--rate-interval 1m] [--interval 1m]

Variables are replaced the way Grafana does before it sends the query: dashboard variables ($job,
${job}, ${job:regex}) by the value given (a multi-value "All" by the variable's allValue, `.*` here),
and Grafana's built-ins ($__range, $__rate_interval, $__interval and their _ms/_s forms) by durations.
"""
import argparse
import json
import os
import re
import sys

DEFAULT_DASHBOARD = os.path.join(os.path.dirname(__file__), "..", "..", "grafana", "dashboards", "pulldoctor.json")

# Grafana's built-in interval variables, as durations Prometheus accepts.
BUILTINS = ("__rate_interval", "__range", "__interval")

_VARIABLE = re.compile(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)")


def parse_duration_seconds(text):
    """Seconds in a simple Prometheus duration such as `90s`, `5m`, `6h`, `1d`."""
    match = re.fullmatch(r"(\d+)(ms|s|m|h|d|w)", text)
    if not match:
        raise ValueError(f"not a duration: {text!r}")
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[match.group(2)]
    return int(match.group(1)) * scale


def variable_values(dashboard, overrides, builtins):
    """The value of each dashboard variable: the override, else its current value ("All" → allValue)."""
    values = {}
    for variable in dashboard.get("templating", {}).get("list", []):
        name = variable["name"]
        if name in overrides and overrides[name] is not None:
            values[name] = overrides[name]
            continue
        current = variable.get("current") or {}
        value = current.get("value")
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else "|".join(value)
        if value == "$__all":
            value = variable.get("allValue") or ".*"
        values[name] = value if value is not None else ""
    for name in BUILTINS:
        duration = builtins[name]
        values[name] = duration
        seconds = parse_duration_seconds(duration)
        values[name + "_ms"] = str(int(seconds * 1000))
        values[name + "_s"] = str(int(seconds))
    return values


def substitute(expr, values):
    """`expr` with every `$name` / `${name}` / `${name:format}` replaced; unknown names raise KeyError."""
    def replace(match):
        name = match.group(1) or match.group(2)
        if name not in values:
            raise KeyError(name)
        return values[name]
    return _VARIABLE.sub(replace, expr)


def panels(dashboard):
    """Every panel, rows' nested (collapsed) panels included, in dashboard order."""
    for panel in dashboard.get("panels", []):
        yield panel
        for nested in panel.get("panels", []) or []:
            yield nested


def queries(dashboard, values):
    """(panel title, substituted query) for every Prometheus target that is not hidden."""
    out = []
    for panel in panels(dashboard):
        for target in panel.get("targets", []) or []:
            if target.get("hide") or "expr" not in target:
                continue
            out.append((panel.get("title", ""), substitute(target["expr"], values)))
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dashboard", nargs="?", default=DEFAULT_DASHBOARD)
    parser.add_argument("--job", default=None, help="value of $job (default: the dashboard's current value)")
    parser.add_argument("--instance", default=None, help="value of $instance (default: its allValue, .*)")
    parser.add_argument("--range", default="6h", help="$__range (default 6h, the dashboard's time range)")
    parser.add_argument("--rate-interval", default="1m", help="$__rate_interval (default 1m)")
    parser.add_argument("--interval", default="1m", help="$__interval (default 1m)")
    args = parser.parse_args(argv)
    with open(args.dashboard, encoding="utf-8") as handle:
        dashboard = json.load(handle)
    values = variable_values(dashboard, {"job": args.job, "instance": args.instance},
                             {"__range": args.range, "__rate_interval": args.rate_interval, "__interval": args.interval})
    for title, query in queries(dashboard, values):
        # One line each: queries are single-line already; titles never hold tabs.
        print(f"{title}\t{' '.join(query.split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
