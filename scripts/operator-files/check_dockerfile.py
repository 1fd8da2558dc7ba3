#!/usr/bin/env python3
"""Check that deploy/Dockerfile builds what `make release` builds and runs as the Deployment expects.

Usage: check_dockerfile.py Makefile deploy/Dockerfile deploy/base/deployment.yaml
No Docker engine is needed (none runs on the build machines): this reads the three files.

- The build stage runs `swift build` with the flags of the Makefile's `release` recipe.
- It installs every -dev package the Makefile's APT_PACKAGES list has for the build, and the runtime stage
  the matching runtime library of each.
- PULLDOCTOR_REVISION comes from a build ARG into ENV (pulldoctor_build_info{revision}).
- USER is the uid the Deployment runs as; ENTRYPOINT is pulldoctor; EXPOSE is the container port.
"""
import re
import shlex
import sys

import yaml

# The runtime library that each build-time -dev package links against (Debian bookworm names).
RUNTIME_OF = {"libcurl4-openssl-dev": "libcurl4", "zlib1g-dev": "zlib1g", "libsqlite3-dev": "libsqlite3-0"}


def makefile_release_flags(makefile):
    """The arguments of `$(SWIFT) build` in the `release:` recipe, $(...) references dropped."""
    match = re.search(r"^release:.*\n((?:\t.*\n?)+)", makefile, re.M)
    if not match:
        raise SystemExit("Makefile: no `release:` target")
    for line in match.group(1).splitlines():
        words = shlex.split(line.strip())
        if words[:2] == ["$(SWIFT)", "build"]:
            return [w for w in words[2:] if not w.startswith("$(")]
    raise SystemExit("Makefile: the release recipe has no `$(SWIFT) build`")


def makefile_build_packages(makefile):
    match = re.search(r"^APT_PACKAGES\s*:=\s*((?:.*\\\n)*.*)", makefile, re.M)
    words = match.group(1).replace("\\\n", " ").split() if match else []
    return [w for w in words if w in RUNTIME_OF]


def stages(dockerfile):
    """[(FROM line, [instructions with continuation lines joined])] per stage."""
    text = re.sub(r"\\\n", " ", dockerfile)
    result = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.upper().startswith("FROM "):
            result.append((stripped, []))
        elif result:
            result[-1][1].append(stripped)
    return result


def apt_packages(instructions):
    packages = set()
    for instruction in instructions:
        for part in re.findall(r"apt-get install ([^&;]+)", instruction):
            packages |= {w for w in part.split() if not w.startswith("-")}
    return packages


def main(argv):
    if len(argv) != 3:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    makefile, dockerfile = open(argv[0]).read(), open(argv[1]).read()
    deployment = yaml.safe_load(open(argv[2]))
    problems = []
    flags = makefile_release_flags(makefile)
    parsed = stages(dockerfile)
    if len(parsed) < 2:
        problems.append("Dockerfile: expected a build stage and a runtime stage")
        parsed = parsed + [("", [])] * (2 - len(parsed))
    (_, build), (runtime_from, runtime) = parsed[0], parsed[-1]
    builds = [shlex.split(i[4:].split("&&")[0]) for i in build if i.startswith("RUN ") and "swift build" in i]
    if not builds:
        problems.append("Dockerfile: the build stage never runs `swift build`")
    for words in builds:
        args = words[2:] if words[:2] == ["swift", "build"] else []
        missing = [f for f in flags if f not in args]
        if missing:
            problems.append(f"Dockerfile: `swift build` lacks the release flags {missing} (Makefile: {' '.join(flags)})")
        if "--product" not in args or args[args.index("--product") + 1] != "pulldoctor":
            problems.append("Dockerfile: `swift build` must build --product pulldoctor")
    needed = makefile_build_packages(makefile)
    build_apt, runtime_apt = apt_packages(build), apt_packages(runtime)
    for package in needed:
        if package not in build_apt:
            problems.append(f"Dockerfile: the build stage does not install {package} (Makefile APT_PACKAGES has it)")
        if RUNTIME_OF[package] not in runtime_apt:
            problems.append(f"Dockerfile: the runtime stage does not install {RUNTIME_OF[package]} (for {package})")
    if "ca-certificates" not in runtime_apt:
        problems.append("Dockerfile: the runtime stage needs ca-certificates (registries and sinks over HTTPS)")
    if "debian:bookworm-slim" not in runtime_from:
        problems.append(f"Dockerfile: the runtime stage should be debian:bookworm-slim, is {runtime_from!r}")
    if not any(re.fullmatch(r"ARG PULLDOCTOR_REVISION(=.*)?", i) for i in runtime):
        problems.append("Dockerfile: the runtime stage needs ARG PULLDOCTOR_REVISION")
    if not any(re.fullmatch(r"ENV PULLDOCTOR_REVISION=\$\{?PULLDOCTOR_REVISION\}?", i) for i in runtime):
        problems.append("Dockerfile: ENV PULLDOCTOR_REVISION must come from the build ARG")
    spec = deployment["spec"]["template"]["spec"]
    container = spec["containers"][0]
    uid = container.get("securityContext", {}).get("runAsUser") or spec.get("securityContext", {}).get("runAsUser")
    users = [i.split()[1] for i in runtime if i.startswith("USER ")]
    if not users or users[-1].split(":")[0] != str(uid):
        problems.append(f"Dockerfile: USER {users[-1] if users else '(none)'} is not the Deployment's runAsUser {uid}")
    entry = [i for i in runtime if i.startswith("ENTRYPOINT ")]
    if not entry or "pulldoctor" not in entry[-1]:
        problems.append("Dockerfile: ENTRYPOINT must run pulldoctor")
    port = next((p["containerPort"] for p in container.get("ports", []) if p.get("name") == "http"), None)
    if f"EXPOSE {port}" not in runtime:
        problems.append(f"Dockerfile: EXPOSE {port} (the container port) is missing")
    for problem in problems:
        print(problem)
    print(f"Dockerfile: release flags {' '.join(flags)}, build packages {' '.join(needed)}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
