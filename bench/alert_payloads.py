#!/usr/bin/env python3
"""Alertmanager webhook payloads (version 4) for the benchmark, shaped as a real Alertmanager sends them for
the kubernetes-mixin's KubeContainerWaiting alert through kube-prometheus (kube-state-metrics labels, the
mixin's annotations, fractional-second startsAt, Go's zero time as endsAt). See the payload a real
Alertmanager 0.25 sent in Tests/Fixtures/webhook/alertmanager-firing.json.

As a module: `alert(...)`, `payload(...)`. As a command:

  alert_payloads.py ingest STORM_JSON OUT_DIR

writes OUT_DIR/ingest-{1,10,100,2000}.json: templates for wrk (bench/webhook.lua) whose alerts name pods of
the storm cluster, with the placeholder @FP@ where each alert's fingerprint goes (wrk puts a fresh one in
every request, so each request carries new alerts that the store must insert, not re-sends it may skip).
"""
import hashlib
import json
import os
import sys

STARTS_AT = "2026-11-21T19:35:30.308Z"
ZERO_TIME = "0001-01-01T00:00:00Z"
ROUTE_MATCHER = '{}/{alertname=~"PullDoctorImagePull.*|KubeContainerWaiting|KubePodNotReady|KubePodPending"}'


def fingerprint(namespace, pod):
    """16 hex digits, stable per pod (Alertmanager's is a hash of the label set)."""
    return hashlib.sha256(("%s/%s" % (namespace, pod)).encode()).hexdigest()[:16]


def alert(namespace, pod, reason, fp=None, starts_at=STARTS_AT, status="firing"):
    labels = {"alertname": "KubeContainerWaiting", "container": "app", "endpoint": "http",
              "instance": "10.244.1.17:8080", "job": "kube-state-metrics", "namespace": namespace, "pod": pod,
              "prometheus": "monitoring/k8s", "reason": reason, "service": "kube-state-metrics",
              "severity": "warning", "uid": hashlib.md5(pod.encode()).hexdigest()}
    annotations = {
        "description": 'pod/%s in namespace %s on container app has been in waiting state for longer than 1 hour. '
                       '(reason: "%s").' % (pod, namespace, reason),
        "runbook_url": "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubecontainerwaiting",
        "summary": "Pod container waiting longer than 1 hour"}
    return {"status": status, "labels": labels, "annotations": annotations, "startsAt": starts_at,
            "endsAt": ZERO_TIME,
            "generatorURL": "http://prometheus-k8s-0:9090/graph?g0.expr=sum+by+%28namespace%2C+pod%2C+container%2C+"
                            "cluster%29+%28kube_pod_container_status_waiting_reason%7Bjob%3D%22kube-state-metrics%22%7D%29"
                            "+%3E+0&g0.tab=1",
            "fingerprint": fp or fingerprint(namespace, pod)}


def payload(alerts, group_labels):
    """One notification: Alertmanager's common labels and annotations are those every alert shares."""
    common_labels = dict(alerts[0]["labels"])
    common_annotations = dict(alerts[0]["annotations"])
    for a in alerts[1:]:
        common_labels = {k: v for k, v in common_labels.items() if a["labels"].get(k) == v}
        common_annotations = {k: v for k, v in common_annotations.items() if a["annotations"].get(k) == v}
    key = ", ".join('%s="%s"' % (k, v) for k, v in sorted(group_labels.items()))
    return {"receiver": "pulldoctor", "status": "firing", "alerts": alerts, "groupLabels": group_labels,
            "commonLabels": common_labels, "commonAnnotations": common_annotations,
            "externalURL": "http://alertmanager-main-0:9093", "version": "4",
            "groupKey": "%s:{%s}" % (ROUTE_MATCHER, key), "truncatedAlerts": 0}


def waiting_reason(deployment):
    return "InvalidImageName" if deployment["waiting"] == "InvalidImageName" else "ImagePullBackOff"


def ingest_templates(storm_json, out_dir):
    deployments = json.load(open(storm_json))["deployments"]
    os.makedirs(out_dir, exist_ok=True)
    sizes = {}
    for count in (1, 10, 100, 2000):
        alerts = []
        for i in range(count):
            # Spread over the Deployments, so the diagnosis row sees many workloads, as a real storm does.
            d = deployments[i % len(deployments)]
            pod = d["pods"][(i // len(deployments)) % len(d["pods"])]
            alerts.append(alert(d["namespace"], pod, waiting_reason(d), fp="@FP@"))
        group = {"alertname": "KubeContainerWaiting"} if count > 1 else \
            {"alertname": "KubeContainerWaiting", "namespace": alerts[0]["labels"]["namespace"], "pod": alerts[0]["labels"]["pod"]}
        body = json.dumps(payload(alerts, group), separators=(",", ":"))
        path = os.path.join(out_dir, "ingest-%d.json" % count)
        with open(path, "w") as f:
            f.write(body)
        sizes[count] = len(body) + count * (16 - len("@FP@"))
    return sizes


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "ingest":
        sys.exit(__doc__)
    for n, size in ingest_templates(sys.argv[2], sys.argv[3]).items():
        print("ingest-%d.json: %d bytes on the wire" % (n, size))
