#!/usr/bin/env python3
"""Check a Grafana dashboard against Grafana's dashboard model, and PullDoctor's own conventions.

Usage: check_dashboard.py DASHBOARD.json METRICS.swift
Exit 0 when clean; 1 with one line per problem.

1. The model: grafana-foundation-sdk (Grafana's own code-generated types, pinned to the Grafana 11.6 schema)
   decodes the JSON, panel options and field config included (its timeseries, stat, table and bargauge
   types, and the Prometheus query type). Its decoder ignores what it does not know and checks no types, so
   the result is encoded again and compared with the input (a key that does not survive is not in the
   model: a typo, or a field of another version), and every decoded value is checked against the model's
   type annotations (enums, literals, numbers, nesting).
2. The layout: unique panel ids, grid positions inside 24 columns that do not overlap, panel types this
   project uses, every target on `${datasource}` with a unique refId.
3. The queries: every variable a query uses is defined, and every `pulldoctor_*` metric it reads is
   declared in Sources/Telemetry/PullDoctorMetrics.swift.
PromQL syntax is checked by check-operator-files.sh with promtool, from dashboard_queries.py's output.
"""
import enum
import json
import re
import sys
import typing

from grafana_foundation_sdk.cog import plugins
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import dashboard as model

PANEL_TYPES = {"row", "timeseries", "stat", "table", "bargauge"}
BUILTIN_VARIABLES = {"__rate_interval", "__range", "__interval", "__range_s", "__range_ms", "__interval_ms",
                     "__rate_interval_ms", "__interval_s", "__rate_interval_s"}


def roundtrip_problems(original, encoded, path="$"):
    """Keys of `original` that the model dropped, and values it changed."""
    problems = []
    if isinstance(original, dict):
        if not isinstance(encoded, dict):
            return [f"{path}: the model reads this object as {type(encoded).__name__}"]
        for key, value in original.items():
            if key not in encoded:
                problems.append(f"{path}.{key}: not a field of the Grafana dashboard model")
            else:
                problems += roundtrip_problems(value, encoded[key], f"{path}.{key}")
    elif isinstance(original, list):
        if not isinstance(encoded, list) or len(encoded) != len(original):
            return [f"{path}: the model does not keep this list as it is"]
        for index, (a, b) in enumerate(zip(original, encoded)):
            problems += roundtrip_problems(a, b, f"{path}[{index}]")
    elif original != encoded or type(original) is not type(encoded):
        problems.append(f"{path}: {original!r} comes back from the model as {encoded!r}")
    return problems


def _is_model(value):
    return hasattr(value, "to_json") and hasattr(type(value), "__annotations__") and not isinstance(value, enum.Enum)


def type_problems(value, hint, path):
    """Problems found checking a decoded `value` against the type annotation `hint`."""
    if hint is typing.Any or hint is object:
        return check_model(value, path) if _is_model(value) else []
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        if value is None and type(None) in args:
            return []
        attempts = [type_problems(value, arg, path) for arg in args if arg is not type(None)]
        return [] if any(not found for found in attempts) else min(attempts, key=len)
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} is not one of {list(args)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: expected a list, found {type(value).__name__}"]
        return [p for i, item in enumerate(value) for p in type_problems(item, args[0], f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: expected an object, found {type(value).__name__}"]
        return [p for k, item in value.items() for p in type_problems(item, args[1], f"{path}.{k}")]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        allowed = [member.value for member in hint]
        raw = value.value if isinstance(value, enum.Enum) else value
        return [] if raw in allowed else [f"{path}: {raw!r} is not one of {allowed}"]
    if hint is bool:
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean, found {value!r}"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected an integer, found {value!r}"]
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected a number, found {value!r}"]
    if hint is str:
        return [] if isinstance(value, str) else [f"{path}: expected a string, found {value!r}"]
    if isinstance(hint, type):
        if isinstance(value, dict) and hasattr(hint, "from_json") and not isinstance(value, hint):
            # The SDK leaves some typed lists (transformations, overrides) as plain objects: type them here.
            try:
                value = hint.from_json(value)
            except (KeyError, TypeError, ValueError) as error:
                return [f"{path}: does not decode as {hint.__name__}: {error!r}"]
        if isinstance(value, hint):
            return check_model(value, path) if _is_model(value) else []
        return [f"{path}: expected {hint.__name__}, found {type(value).__name__}"]
    return []


def check_model(obj, path):
    """Check every attribute of a decoded model object against its class's annotations."""
    if type(obj).__name__ == "UnknownDataquery":
        return [f"{path}: a query the model cannot type (datasource type must be prometheus)"]
    hints = typing.get_type_hints(type(obj))
    problems = []
    for name, hint in hints.items():
        problems += type_problems(getattr(obj, name, None), hint, f"{path}.{name}")
    return problems


def layout_problems(data):
    problems = []
    seen_ids = set()
    cells = {}
    for panel in data.get("panels", []):
        title = panel.get("title", "?")
        pid = panel.get("id")
        if pid in seen_ids:
            problems.append(f"panel {title!r}: id {pid} is used twice")
        seen_ids.add(pid)
        if panel.get("type") not in PANEL_TYPES:
            problems.append(f"panel {title!r}: type {panel.get('type')!r} is not one of {sorted(PANEL_TYPES)}")
        grid = panel.get("gridPos") or {}
        x, y, w, h = (grid.get(k, -1) for k in ("x", "y", "w", "h"))
        if x < 0 or y < 0 or w < 1 or h < 1 or x + w > 24:
            problems.append(f"panel {title!r}: gridPos {grid} is not inside the 24-column grid")
        for cx in range(max(x, 0), max(x + w, 0)):
            for cy in range(max(y, 0), max(y + h, 0)):
                if (cx, cy) in cells:
                    problems.append(f"panel {title!r} overlaps panel {cells[(cx, cy)]!r} at x={cx} y={cy}")
                    break
                cells[(cx, cy)] = title
            else:
                continue
            break
        if panel.get("type") == "row":
            continue
        if (panel.get("datasource") or {}).get("uid") != "${datasource}":
            problems.append(f"panel {title!r}: datasource must be ${{datasource}}")
        targets = panel.get("targets") or []
        if not targets:
            problems.append(f"panel {title!r}: no query")
        refs = [t.get("refId") for t in targets]
        if len(set(refs)) != len(refs):
            problems.append(f"panel {title!r}: refIds {refs} are not unique")
        for target in targets:
            if (target.get("datasource") or {}).get("uid") != "${datasource}":
                problems.append(f"panel {title!r} query {target.get('refId')}: datasource must be ${{datasource}}")
            if not str(target.get("expr", "")).strip():
                problems.append(f"panel {title!r} query {target.get('refId')}: empty expr")
    variables = {v.get("name"): v for v in data.get("templating", {}).get("list", [])}
    source = variables.get("datasource")
    if not source or source.get("type") != "datasource" or source.get("query") != "prometheus":
        problems.append("templating: needs a `datasource` variable of type datasource with query prometheus")
    if "job" not in variables:
        problems.append("templating: needs a `job` variable")
    return problems


def query_problems(data, metrics_source):
    known = set(re.findall(r'name: "(\w+)"', metrics_source))
    variables = {v.get("name") for v in data.get("templating", {}).get("list", [])} | BUILTIN_VARIABLES
    problems = []
    for panel in data.get("panels", []):
        for target in panel.get("targets") or []:
            expr = target.get("expr", "")
            where = f"panel {panel.get('title')!r} query {target.get('refId')}"
            for match in re.finditer(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", expr):
                name = match.group(1) or match.group(2)
                if name not in variables:
                    problems.append(f"{where}: variable ${name} is not defined")
            for metric in re.findall(r"\b(pulldoctor_\w+)", expr):
                base = re.sub(r"_(bucket|count|sum)$", "", metric)
                if metric not in known and base not in known:
                    problems.append(f"{where}: metric {metric} is not declared in PullDoctorMetrics.swift")
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        data = json.load(handle)
    with open(argv[1], encoding="utf-8") as handle:
        metrics_source = handle.read()
    plugins.register_default_plugins()
    decoded = model.Dashboard.from_json(data)
    encoded = json.loads(json.dumps(decoded, cls=JSONEncoder))
    problems = roundtrip_problems(data, encoded)
    problems += check_model(decoded, "$")
    problems += layout_problems(data)
    problems += query_problems(data, metrics_source)
    for problem in problems:
        print(problem)
    panels = [p for p in data.get("panels", []) if p.get("type") != "row"]
    targets = sum(len(p.get("targets") or []) for p in panels)
    print(f"{len(panels)} panels, {targets} queries, schemaVersion {data.get('schemaVersion')}, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
