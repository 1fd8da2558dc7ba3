#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the repository's own fixtures.

    make_seeds.py REPO_ROOT OUT_DIR

Creates OUT_DIR/<target>/ for webhook, config, image-reference, pull-secret and classifier, one
file per seed. Every seed comes from a fixture or test table already in the repository (real
Alertmanager payloads, configuration fixtures, the reference tables, the recorded runtime messages,
the fixture clusters), plus a few documents assembled from those fixtures' own values where no
fixture covers a branch (a configuration with every sink type). Nothing is downloaded.
"""
import base64
import glob
import hashlib
import json
import os
import re
import sys

import yaml


class Corpus:
    """One target's seed folder, files named by content hash so duplicates collapse, and its libFuzzer
    dictionary (OUT_DIR/<target>.dict): tokens the mutator splices in whole, so that keys and syntax a
    byte-level mutation would rarely spell (`bearer_token_file`, `&anchor`, `sha256:`) get tried."""

    def __init__(self, root, name):
        self.path = os.path.join(root, name)
        self.dict_path = os.path.join(root, name + ".dict")
        os.makedirs(self.path, exist_ok=True)
        self.count = 0
        self.tokens = set()

    def token(self, text):
        if 0 < len(text.encode()) <= 64:
            self.tokens.add(text)

    def write_dict(self):
        with open(self.dict_path, "w") as handle:
            for text in sorted(self.tokens):
                # libFuzzer's format: one "quoted" token a line, other bytes as \xNN.
                escaped = "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else "\\x%02x" % b
                                  for b in text.encode())
                handle.write('"%s"\n' % escaped)

    def add(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        name = hashlib.sha1(data).hexdigest()
        target = os.path.join(self.path, name)
        if not os.path.exists(target):
            with open(target, "wb") as handle:
                handle.write(data)
            self.count += 1


def load_lists(path):
    """Every document of a `kind: List` YAML file, flattened to its items."""
    with open(path, encoding="utf-8") as handle:
        items = []
        for document in yaml.safe_load_all(handle):
            if isinstance(document, dict):
                items.extend(document.get("items") or [document])
        return items


def keys_of(value):
    """Every mapping key in a parsed YAML/JSON value, recursively."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from keys_of(child)
    elif isinstance(value, list):
        for child in value:
            yield from keys_of(child)


def clusters(root):
    return sorted(d for d in glob.glob(os.path.join(root, "Tests/Fixtures/clusters/*")) if os.path.isdir(d))


def webhook_seeds(root, corpus):
    fixtures = sorted(glob.glob(os.path.join(root, "Tests/Fixtures/webhook/*.json")))
    for path in fixtures:
        with open(path, "rb") as handle:
            data = handle.read()
        corpus.add(data)
        for key in keys_of(json.loads(data)):
            corpus.token('"%s":' % key)
    for text in ["firing", "resolved", "0001-01-01T00:00:00Z", "2026-11-21T19:35:30.308Z", "+01:00", "null",
                 "true", "1e308", "-0", "\\u0000", "\\ud800", "[]", "{}", '"4"']:
        corpus.token(text)
    # One payload per fixture scenario's alert, built on the recorded firing payload's shape.
    with open(fixtures[0], encoding="utf-8") as handle:
        template = json.load(handle)
    for folder in clusters(root):
        scenario_path = os.path.join(folder, "scenario.yaml")
        if not os.path.exists(scenario_path):
            continue
        with open(scenario_path, encoding="utf-8") as handle:
            scenario = yaml.safe_load(handle) or {}
        alerts = scenario.get("alerts") or ([scenario["alert"]] if "alert" in scenario else [])
        payload = json.loads(json.dumps(template))
        first = payload["alerts"][0]
        payload["alerts"] = []
        for labels in alerts:
            alert = json.loads(json.dumps(first))
            alert["labels"] = {str(k): str(v) for k, v in labels.items()}
            payload["alerts"].append(alert)
        if payload["alerts"]:
            payload["commonLabels"] = payload["alerts"][0]["labels"]
            corpus.add(json.dumps(payload, indent=1))


SINKS_DOCUMENT = """\
sinks:
  - name: hook
    type: webhook
    url: http://127.0.0.1:9/hook
    bearer_token: ${PULLDOCTOR_TEST_TOKEN}
    headers: {X-Team: platform}
    matchers: ['namespace=~"shop|cart"', '{severity!="info", alertname="KubePodNotReady"}']
    send_resolved: false
    renotify_interval: 4h
    timeout: 2500ms
    max_concurrency: 2
  - name: chat
    type: slack
    url: https://hooks.slack.com/services/T0000/B0000/fuzzseed
    templates:
      title: '{{ category }} in {{ namespace }}'
      text: '*{{ reason }}* {{#evidence}}- {{ . }}{{/evidence}}'
  - name: teams
    type: msteams
    url: https://example.webhook.office.com/webhookb2/x
    basic_auth:
      username: u
      password: $${literal}
  - name: am
    type: alertmanager
    url: http://127.0.0.1:9093
delivery: {max_age: 24h, initial_backoff: 2s, max_backoff: 5m, poll_interval: 500ms}
"""


def config_seeds(root, corpus):
    for path in sorted(glob.glob(os.path.join(root, "Tests/Fixtures/config/*.yml"))):
        with open(path, "rb") as handle:
            corpus.add(handle.read())
    deploy = os.path.join(root, "deploy/base/config.yml")
    if os.path.exists(deploy):
        with open(deploy, "rb") as handle:
            text = handle.read()
        corpus.add(text)
        # The commented sink example, switched on.
        corpus.add(re.sub(rb"^# ?(sinks:|  )", rb"\1", text, flags=re.M))
    corpus.add(SINKS_DOCUMENT)
    for path in sorted(glob.glob(os.path.join(corpus.path, "*"))):
        try:
            with open(path, encoding="utf-8") as handle:
                for key in keys_of(yaml.safe_load(handle)):
                    corpus.token(key + ":")
        except (yaml.YAMLError, UnicodeDecodeError):
            pass
    for text in ["${", "$${", "}", "&a ", "*a", "<<: ", "- ", ": ", "{", "[", "---\n", "...\n", "!!str ", "!!int ",
                 "|\n", ">-\n", "~", "null", "0x1F", "1e9", "-1", "500ms", "1h30m", "0s", "2562047h", "slack",
                 "msteams", "webhook", "alertmanager", "logfmt", "json", "{{", "}}", "{{#", "{{/", "{{^", "{{{",
                 "=~", "!~", "!=", "\\\"", "0.0.0.0:", "[::1]:", ":65536", "http://", "https://"]:
        corpus.token(text)


SWIFT_STRING = re.compile(r'Row\(\s*"((?:[^"\\]|\\.)*)"')


def swift_unescape(text):
    return (text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
            .replace('\\"', '"').replace("\\\\", "\\"))


REFERENCE_TOKENS = ["docker.io/", "index.docker.io/", "library/", "localhost", "localhost:5000/", ":5000", ":latest",
                    "@sha256:", "@sha512:", "sha256:", "https://", "docker://", "oci://", "[::1]:", "..", "__", "-",
                    "/", "@", ":", "." * 3]


def reference_seeds(root, corpus):
    for text in REFERENCE_TOKENS:
        corpus.token(text)
    samples = {
        "\\(hex)": "2d4e459f4ecb5329407ae3e47cbc107a2fbace221354ca75960af4c047b3cb13",
        "\\(sha256)": "sha256:2d4e459f4ecb5329407ae3e47cbc107a2fbace221354ca75960af4c047b3cb13",
    }
    for path in sorted(glob.glob(os.path.join(root, "Tests/RegistryTests/ImageReference*.swift"))):
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        for match in SWIFT_STRING.finditer(source):
            text = match.group(1)
            for placeholder, value in samples.items():
                text = text.replace(placeholder, value)
            if "\\(" not in text:
                corpus.add(swift_unescape(text))
    for folder in clusters(root):
        for path in glob.glob(os.path.join(folder, "*.yaml")):
            with open(path, encoding="utf-8") as handle:
                for image in re.findall(r"image: ['\"]?([^'\"\s]+)", handle.read()):
                    corpus.add(image.replace("${REGISTRY_AUTH}", "127.0.0.1:5000"))


def pull_secret_seeds(root, corpus):
    """Seeds start with the mode byte PullSecretFuzzMode reads: 0 json, 1 dockercfg, 2 base64, 3 typed."""
    for text in ['"auths":', '"auth":', '"username":', '"password":', '"identitytoken":', '"registrytoken":',
                 '"email":', '"credsStore":', "https://index.docker.io/v1/", "/v2/", "*.", ":", "null", "[]",
                 "kubernetes.io/dockerconfigjson\n", "kubernetes.io/dockercfg\n", "Opaque\n", "==", "\\n"]:
        corpus.token(text)
    auth = base64.b64encode(b"alice-the-admin:S3cr3t-P@ss:w0rd!").decode()
    documents = []
    with open(os.path.join(root, "Tests/RegistryTests/PullSecretParserTests.swift"), encoding="utf-8") as handle:
        for raw in re.findall(r'#"(.*?)"#', handle.read()):
            documents.append(raw.replace("\\#(auth)", auth).replace("\\#(SecretFixture.token)", "eyJhbGciOi.tok3N")
                             .replace("\\#(SecretFixture.registryToken)", "planted-registry-token-7f3a"))
    for folder in clusters(root):
        path = os.path.join(folder, "cluster.yaml")
        if not os.path.exists(path):
            continue
        for item in load_lists(path):
            if item.get("kind") != "Secret":
                continue
            for key, value in (item.get("stringData") or {}).items():
                documents.append(value.replace("${REGISTRY_AUTH}", "127.0.0.1:5000"))
            for key, value in (item.get("data") or {}).items():
                try:
                    documents.append(base64.b64decode(value).decode())
                except ValueError:
                    pass
    for document in documents:
        corpus.add(b"\x00" + document.encode())
        corpus.add(b"\x01" + document.encode())
        corpus.add(b"\x02" + base64.b64encode(document.encode()))
        corpus.add(b"\x03kubernetes.io/dockerconfigjson\n" + document.encode())
    corpus.add(b"\x03Opaque\n{}")


def classifier_seeds(root, corpus):
    words = {}
    with open(os.path.join(root, "Tests/Fixtures/messages/real-messages.yaml"), encoding="utf-8") as handle:
        for entry in yaml.safe_load(handle) or []:
            if isinstance(entry, dict) and entry.get("message"):
                corpus.add(entry["message"])
                for word in re.findall(r"[A-Za-z][A-Za-z0-9_./-]{3,}:?", entry["message"]):
                    words[word] = words.get(word, 0) + 1
    for word, _ in sorted(words.items(), key=lambda item: -item[1])[:300]:
        corpus.token(word)
    for text in ["rpc error: code = ", " desc = ", "Back-off pulling image ", "ErrImagePull: ", '"']:
        corpus.token(text)
    for folder in clusters(root):
        path = os.path.join(folder, "events.yaml")
        if os.path.exists(path):
            for event in load_lists(path):
                if event.get("message"):
                    corpus.add(event["message"].replace("${REGISTRY_AUTH}", "127.0.0.1:5000")
                               .replace("${REGISTRY_OPEN}", "127.0.0.1:5001"))


def main():
    root, out = sys.argv[1], sys.argv[2]
    makers = {
        "webhook": webhook_seeds,
        "config": config_seeds,
        "image-reference": reference_seeds,
        "pull-secret": pull_secret_seeds,
        "classifier": classifier_seeds,
    }
    for name, maker in makers.items():
        corpus = Corpus(out, name)
        maker(root, corpus)
        corpus.write_dict()
        print(f"{name}: {corpus.count} seeds, {len(corpus.tokens)} dictionary tokens")


if __name__ == "__main__":
    main()
