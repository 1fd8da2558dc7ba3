#!/usr/bin/env python3
"""Check the manifests `kubectl kustomize` renders for one variant of deploy/.

Usage: check_manifests.py VARIANT RENDERED.yaml CORE_OUT.yaml
  VARIANT   base | read-secrets | plain-prometheus
  CORE_OUT  where to write the built-in kinds, for kubernetes-validate (which has no CRD schemas)

1. Prometheus Operator kinds (ServiceMonitor, PrometheusRule) are validated with the pydantic models of
   cloudcoil-models-prometheus-operator, generated from the operator's CRD schemas (types, enums, patterns),
   and encoded again to catch keys the CRD does not have. The PrometheusRule's groups go through
   `promtool check rules`.
2. The pieces must fit together: Service, ServiceMonitor, NetworkPolicy and PodDisruptionBudget select the
   Deployment's pods and name its ports; the RBAC binds the ServiceAccount the pod runs as; every mount has
   its volume; the config file in the ConfigMap listens on the container port, keeps its store on the data
   volume and reads its token from the Secret's mount; the pod keeps the hardening this project promises.
3. Variant promises: base grants no secrets; read-secrets grants `get` on secrets and nothing more;
   plain-prometheus has no Operator kinds, carries prometheus.io annotations and the rules ConfigMap.
"""
import os
import subprocess
import sys
import tempfile

import yaml

OPERATOR_GROUP = "monitoring.coreos.com"


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


def operator_problems(doc):
    from cloudcoil.models.prometheus_operator import v1
    import pydantic

    kind = doc["kind"]
    model = getattr(v1, kind, None)
    if model is None:
        return [f"{kind}: no model for this kind"]
    try:
        parsed = model.model_validate(doc)
    except pydantic.ValidationError as error:
        return [f"{kind}/{doc['metadata'].get('name')}: {line}" for line in str(error).splitlines()[1:] if line.strip()]
    encoded = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return [f"{kind}/{doc['metadata'].get('name')}: {p}" for p in dropped_keys(doc, encoded, "")]


def dropped_keys(original, encoded, path):
    problems = []
    if isinstance(original, dict) and isinstance(encoded, dict):
        for key, value in original.items():
            if key not in encoded:
                problems.append(f"{path}.{key}: not a field of the CRD")
            else:
                problems += dropped_keys(value, encoded[key], f"{path}.{key}")
    elif isinstance(original, list) and isinstance(encoded, list):
        for index, (a, b) in enumerate(zip(original, encoded)):
            problems += dropped_keys(a, b, f"{path}[{index}]")
    return problems


def promtool_problems(rule):
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        yaml.safe_dump({"groups": rule["spec"]["groups"]}, handle)
        path = handle.name
    try:
        result = subprocess.run(["promtool", "check", "rules", path], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(path)
    if result.returncode != 0:
        return [f"PrometheusRule: promtool check rules: {(result.stdout + result.stderr).strip()}"]
    return []


def fit_problems(docs, variant):
    problems = []
    by_kind = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], []).append(doc)

    def one(kind):
        found = by_kind.get(kind, [])
        if len(found) != 1:
            problems.append(f"expected one {kind}, found {len(found)}")
            return None
        return found[0]

    deployment, service, account = one("Deployment"), one("Service"), one("ServiceAccount")
    if not (deployment and service and account):
        return problems
    pod = deployment["spec"]["template"]
    pod_labels = pod["metadata"].get("labels", {})
    spec = pod["spec"]
    container = spec["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    namespace = deployment["metadata"]["namespace"]

    # Deployment shape.
    if deployment["spec"].get("replicas") != 1:
        problems.append("Deployment: replicas must be 1 (SQLite store, one writer)")
    if deployment["spec"].get("strategy", {}).get("type") != "Recreate":
        problems.append("Deployment: strategy must be Recreate (ReadWriteOnce volume, one writer)")
    if not matches(deployment["spec"]["selector"].get("matchLabels"), pod_labels):
        problems.append("Deployment: selector does not match its own pod template")
    if ports.get("http") != 9095:
        problems.append("Deployment: container port `http` must be 9095")
    if "--config.file=/etc/pulldoctor/config.yml" not in container.get("args", []):
        problems.append("Deployment: args must pass --config.file=/etc/pulldoctor/config.yml")
    for probe, path in (("livenessProbe", "/-/healthy"), ("readinessProbe", "/-/ready")):
        get = container.get(probe, {}).get("httpGet", {})
        if get.get("path") != path or get.get("port") not in ("http", 9095):
            problems.append(f"Deployment: {probe} must GET {path} on port http")
    pod_sc, sc = spec.get("securityContext", {}), container.get("securityContext", {})
    hardening = [
        (pod_sc.get("runAsNonRoot") is True or sc.get("runAsNonRoot") is True, "runAsNonRoot"),
        ((sc.get("runAsUser") or pod_sc.get("runAsUser")) == 65532, "runAsUser 65532"),
        (sc.get("readOnlyRootFilesystem") is True, "readOnlyRootFilesystem"),
        (sc.get("allowPrivilegeEscalation") is False, "allowPrivilegeEscalation false"),
        (sc.get("capabilities", {}).get("drop") == ["ALL"], "capabilities drop ALL"),
        ((sc.get("seccompProfile") or pod_sc.get("seccompProfile") or {}).get("type") == "RuntimeDefault",
         "seccompProfile RuntimeDefault"),
    ]
    problems += [f"Deployment: container must have {what}" for ok, what in hardening if not ok]
    resources = container.get("resources", {})
    if resources.get("requests", {}).get("memory") is None or resources.get("limits", {}).get("memory") is None:
        problems.append("Deployment: memory request and limit are required")
    if spec.get("serviceAccountName") != account["metadata"]["name"]:
        problems.append("Deployment: serviceAccountName must be the ServiceAccount in the manifests")

    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
    for path, name in mounts.items():
        if name not in volumes:
            problems.append(f"Deployment: mount {path} names volume {name!r}, which does not exist")
    for path in ("/etc/pulldoctor", "/var/lib/pulldoctor", "/tmp"):
        if path not in mounts:
            problems.append(f"Deployment: nothing is mounted at {path}")
    if "/tmp" in mounts and "emptyDir" not in volumes.get(mounts["/tmp"], {}):
        problems.append("Deployment: /tmp must be a writable emptyDir")

    # The ConfigMap behind /etc/pulldoctor and the config file in it.
    config_volume = volumes.get(mounts.get("/etc/pulldoctor", ""), {})
    config_maps = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}
    config_map = config_maps.get(config_volume.get("configMap", {}).get("name"))
    if config_map is None or "config.yml" not in config_map.get("data", {}):
        problems.append("Deployment: /etc/pulldoctor must be a ConfigMap in the manifests holding config.yml")
    else:
        config = yaml.safe_load(config_map["data"]["config.yml"]) or {}
        listen = str(config.get("web", {}).get("listen_address", "0.0.0.0:9095"))
        if listen.rsplit(":", 1)[-1] != str(ports.get("http")):
            problems.append(f"config.yml: web.listen_address {listen} is not the container port {ports.get('http')}")
        store = str(config.get("store", {}).get("path", ""))
        data_mount = next((p for p, n in mounts.items() if "persistentVolumeClaim" in volumes.get(n, {})
                           or (p == "/var/lib/pulldoctor")), None)
        if not data_mount or not store.startswith(data_mount.rstrip("/") + "/"):
            problems.append(f"config.yml: store.path {store!r} is not on the data volume ({data_mount})")
        token = str(config.get("web", {}).get("auth", {}).get("bearer_token_file", ""))
        secret_mounts = [p for p, n in mounts.items() if "secret" in volumes.get(n, {})]
        if not any(token.startswith(p.rstrip("/") + "/") for p in secret_mounts):
            problems.append(f"config.yml: web.auth.bearer_token_file {token!r} is not under a Secret mount {secret_mounts}")
    claims = {c["metadata"]["name"] for c in by_kind.get("PersistentVolumeClaim", [])}
    for volume in volumes.values():
        claim = volume.get("persistentVolumeClaim", {}).get("claimName")
        if claim and claim not in claims:
            problems.append(f"Deployment: volume {volume['name']} claims {claim!r}, which is not in the manifests")

    # Service, and everything else that selects the pod.
    if not matches(service["spec"].get("selector"), pod_labels):
        problems.append("Service: selector does not match the Deployment's pods")
    service_ports = {p.get("name"): p for p in service["spec"].get("ports", [])}
    http = service_ports.get("http")
    if not http or http.get("port") != 9095 or http.get("targetPort") not in ("http", 9095):
        problems.append("Service: needs port `http` 9095 targeting the container's http port")
    for kind in ("NetworkPolicy", "PodDisruptionBudget"):
        for doc in by_kind.get(kind, []):
            selector = (doc["spec"].get("podSelector") or doc["spec"].get("selector") or {}).get("matchLabels")
            if not matches(selector, pod_labels):
                problems.append(f"{kind}/{doc['metadata']['name']}: selector does not match the Deployment's pods")
    for policy in by_kind.get("NetworkPolicy", []):
        allowed = {p.get("port") for rule in policy["spec"].get("ingress", []) for p in rule.get("ports", [])}
        if 9095 not in allowed and "http" not in allowed:
            problems.append(f"NetworkPolicy/{policy['metadata']['name']}: ingress does not allow port 9095")
        egress = {p.get("port") for rule in policy["spec"].get("egress", []) for p in rule.get("ports", [])}
        for port, why in ((53, "DNS"), (443, "the API server and registries"), (5000, "registries on 5000")):
            if port not in egress:
                problems.append(f"NetworkPolicy/{policy['metadata']['name']}: egress lacks port {port} ({why})")
    for monitor in by_kind.get("ServiceMonitor", []):
        if not matches(monitor["spec"]["selector"].get("matchLabels"), service["metadata"].get("labels", {})):
            problems.append("ServiceMonitor: selector does not match the Service's labels")
        names = monitor["spec"].get("namespaceSelector", {}).get("matchNames")
        if names is not None and service["metadata"]["namespace"] not in names:
            problems.append("ServiceMonitor: namespaceSelector leaves out the Service's namespace")
        for endpoint in monitor["spec"].get("endpoints", []):
            if endpoint.get("port") not in service_ports:
                problems.append(f"ServiceMonitor: endpoint port {endpoint.get('port')!r} is not a Service port")

    # RBAC.
    roles = {r["metadata"]["name"]: r for r in by_kind.get("ClusterRole", [])}
    for binding in by_kind.get("ClusterRoleBinding", []):
        if binding["roleRef"]["name"] not in roles:
            problems.append(f"ClusterRoleBinding/{binding['metadata']['name']}: role {binding['roleRef']['name']} is not in the manifests")
        for subject in binding.get("subjects", []):
            if (subject.get("kind"), subject.get("name"), subject.get("namespace")) != (
                    "ServiceAccount", account["metadata"]["name"], namespace):
                problems.append(f"ClusterRoleBinding/{binding['metadata']['name']}: subject {subject} is not the pod's ServiceAccount")
    secret_verbs = set()
    for role in roles.values():
        for rule in role.get("rules", []):
            if "" in rule.get("apiGroups", []) and ("secrets" in rule.get("resources", []) or "*" in rule.get("resources", [])):
                secret_verbs |= set(rule.get("verbs", []))
            if {"create", "update", "patch", "delete", "*"} & set(rule.get("verbs", [])):
                problems.append(f"ClusterRole/{role['metadata']['name']}: PullDoctor only reads; it grants {rule['verbs']}")
    if variant == "read-secrets":
        if secret_verbs != {"get"}:
            problems.append(f"read-secrets: must grant exactly `get` on secrets, grants {sorted(secret_verbs)}")
    elif secret_verbs:
        problems.append(f"{variant}: must not grant anything on secrets, grants {sorted(secret_verbs)}")

    operator_kinds = [d["kind"] for d in docs if d["apiVersion"].startswith(OPERATOR_GROUP)]
    if variant == "plain-prometheus":
        if operator_kinds:
            problems.append(f"plain-prometheus: Operator kinds left in: {operator_kinds}")
        annotations = pod["metadata"].get("annotations", {})
        if annotations.get("prometheus.io/scrape") != "true" or annotations.get("prometheus.io/port") != "9095":
            problems.append("plain-prometheus: pod lacks prometheus.io/scrape and prometheus.io/port annotations")
        rules = config_maps.get("pulldoctor-rules")
        if rules is None or not rules.get("data"):
            problems.append("plain-prometheus: the pulldoctor-rules ConfigMap is missing")
    elif sorted(operator_kinds) != ["PrometheusRule", "ServiceMonitor"]:
        problems.append(f"{variant}: expected a ServiceMonitor and a PrometheusRule, found {operator_kinds}")
    return problems


def main(argv):
    if len(argv) != 3 or argv[0] not in ("base", "read-secrets", "plain-prometheus"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    variant, rendered, core_out = argv
    with open(rendered, encoding="utf-8") as handle:
        docs = [d for d in yaml.safe_load_all(handle) if d]
    problems = []
    core = []
    for doc in docs:
        if doc["apiVersion"].startswith(OPERATOR_GROUP):
            problems += operator_problems(doc)
            if doc["kind"] == "PrometheusRule":
                problems += promtool_problems(doc)
        else:
            core.append(doc)
    problems += fit_problems(docs, variant)
    with open(core_out, "w", encoding="utf-8") as handle:
        yaml.safe_dump_all(core, handle, sort_keys=False)
    for problem in problems:
        print(problem)
    print(f"{variant}: {len(docs)} objects ({len(docs) - len(core)} Prometheus Operator), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
