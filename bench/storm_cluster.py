#!/usr/bin/env python3
"""Writes the storm cluster for the benchmark: DEPLOYMENTS Deployments of PODS pods each, every pod failing
to pull, with mixed causes, plus a manifest the sender and the checker read.

Usage: storm_cluster.py OUT_DIR --open HOST:PORT --empty HOST:PORT --closed HOST:PORT
                                [--deployments 50] [--pods 100] [--namespaces 10] [--nodes 20]

Writes OUT_DIR/cluster/cluster.yaml (one `kind: List` in JSON, which kubesim loads much faster than block
YAML) and OUT_DIR/storm.json (per Deployment: namespace, image, expected category, pod names, and the
repository:tag to push to the open registry).

Causes, by Deployment index d (d % 5):
  0, 1  open registry (a real docker-registry), repository pushed with tag v1, pods ask for v2: image_not_found
  2     second registry, repository never pushed: image_not_found
  3     a loopback port where nothing listens: network
  4     an `https://` prefix in the image field: invalid_reference

Every wording below is a real one with its host adapted; sources:
  - kubelet formats 'Failed to pull image %q: %v', 'Back-off pulling image %q', 'Failed to apply default image
    tag %q: %v': https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/images/image_manager.go
  - waiting message of 1.32+ 'Back-off pulling image "X": <reason>: <message>':
    https://github.com/kubernetes/kubernetes/pull/127918
  - containerd NotFound: 'rpc error: code = NotFound desc = failed to pull and unpack image "X": failed to
    resolve reference "X": X: not found': https://github.com/labring/sealos/issues/4117
  - containerd refused: 'failed to pull and unpack image "X": failed to resolve reference "X": failed to do
    request: Head "http://H/v2/R/manifests/T": dial tcp H: connect: connection refused' (1.28+ drops the
    'rpc error: code = Unknown desc = ' prefix, kubernetes PR 117612): https://github.com/tilt-dev/tilt/issues/5431
  - invalid reference: 'Failed to apply default image tag "https://...": couldn't parse image reference
    "https://...": invalid reference format': https://github.com/jupyterhub/zero-to-jupyterhub-k8s/issues/472
(all also in Tests/Fixtures/messages/real-messages.yaml).
"""
import argparse
import json
import os

CAUSES = ["tag_missing", "tag_missing", "repository_missing", "closed_port", "scheme"]
EXPECTED = {"tag_missing": "image_not_found", "repository_missing": "image_not_found",
            "closed_port": "network", "scheme": "invalid_reference"}
SUFFIX = "abcdefghijklmnopqrstuvwxyz0123456789"


def pod_suffix(n):
    """Five characters, as the ReplicaSet controller appends: a bijective scramble of n, so distinct n give
    distinct suffixes (2654435761 is prime to 36^5)."""
    n = n * 2654435761 % 36 ** 5
    out = ""
    for _ in range(5):
        out += SUFFIX[n % len(SUFFIX)]
        n //= len(SUFFIX)
    return out


def not_found(image):
    return ('rpc error: code = NotFound desc = failed to pull and unpack image "%s": failed to resolve reference '
            '"%s": %s: not found') % (image, image, image)


def refused(image, host, repository, tag):
    return ('failed to pull and unpack image "%s": failed to resolve reference "%s": failed to do request: Head '
            '"http://%s/v2/%s/manifests/%s": dial tcp %s: connect: connection refused') % (
                image, image, host, repository, tag, host)


def invalid(image):
    return 'Failed to apply default image tag "%s": couldn\'t parse image reference "%s": invalid reference format' % (
        image, image)


def deployment_spec(d, args):
    cause = CAUSES[d % len(CAUSES)]
    namespace = "team-%d" % (d % args.namespaces)
    if cause == "tag_missing":
        repository, tag, host = "%s/app-%d" % (namespace, d), "v2", args.open
    elif cause == "repository_missing":
        repository, tag, host = "%s/ghost-%d" % (namespace, d), "v1", args.empty
    elif cause == "closed_port":
        repository, tag, host = "%s/app-%d" % (namespace, d), "v1", args.closed
    else:
        repository, tag, host = "%s/app-%d" % (namespace, d), "v1", args.open
    image = "%s/%s:%s" % (host, repository, tag)
    if cause == "scheme":
        image = "https://" + image
        waiting, message = "InvalidImageName", invalid(image)
        events = [("InspectFailed", "Warning", invalid(image)), ("Failed", "Warning", "Error: InvalidImageName")]
    elif cause == "closed_port":
        cause_text = refused(image, host, repository, tag)
        waiting, message = "ImagePullBackOff", 'Back-off pulling image "%s": ErrImagePull: %s' % (image, cause_text)
        events = [("Failed", "Warning", 'Failed to pull image "%s": %s' % (image, cause_text)),
                  ("BackOff", "Normal", 'Back-off pulling image "%s"' % image)]
    else:
        cause_text = not_found(image)
        waiting, message = "ImagePullBackOff", 'Back-off pulling image "%s": ErrImagePull: %s' % (image, cause_text)
        events = [("Failed", "Warning", 'Failed to pull image "%s": %s' % (image, cause_text)),
                  ("BackOff", "Normal", 'Back-off pulling image "%s"' % image)]
    return {"index": d, "name": "app-%d" % d, "namespace": namespace, "cause": cause, "expected": EXPECTED[cause],
            "image": image, "waiting": waiting, "message": message, "events": events,
            "push": {"repository": repository, "tag": "v1"} if cause == "tag_missing" else None,
            "replicaset": "app-%d-6d8f%05x" % (d, d)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--open", required=True)
    parser.add_argument("--empty", required=True)
    parser.add_argument("--closed", required=True)
    parser.add_argument("--deployments", type=int, default=50)
    parser.add_argument("--pods", type=int, default=100)
    parser.add_argument("--namespaces", type=int, default=10)
    parser.add_argument("--nodes", type=int, default=20)
    args = parser.parse_args()

    items = []
    for n in range(args.namespaces):
        items.append({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-%d" % n}})
        items.append({"apiVersion": "v1", "kind": "ServiceAccount",
                      "metadata": {"name": "default", "namespace": "team-%d" % n}})
    for n in range(args.nodes):
        items.append({"apiVersion": "v1", "kind": "Node",
                      "metadata": {"name": "node-%d" % n, "labels": {"kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux"}},
                      "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "DiskPressure", "status": "False"}],
                                 "nodeInfo": {"architecture": "amd64", "operatingSystem": "linux",
                                              "containerRuntimeVersion": "containerd://1.7.22", "kubeletVersion": "v1.32.4"}}})
    manifest = {"deployments": []}
    event_count = 0
    for d in range(args.deployments):
        spec = deployment_spec(d, args)
        ns, name, rs, image = spec["namespace"], spec["name"], spec["replicaset"], spec["image"]
        labels = {"app": name}
        template = {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": image}]}}
        items.append({"apiVersion": "apps/v1", "kind": "Deployment",
                      "metadata": {"name": name, "namespace": ns, "uid": "dep-%d" % d},
                      "spec": {"replicas": args.pods, "selector": {"matchLabels": labels}, "template": template}})
        items.append({"apiVersion": "apps/v1", "kind": "ReplicaSet",
                      "metadata": {"name": rs, "namespace": ns, "uid": "rs-%d" % d,
                                   "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": name,
                                                        "uid": "dep-%d" % d, "controller": True}]},
                      "spec": {"replicas": args.pods, "selector": {"matchLabels": labels}, "template": template}})
        pods = []
        for p in range(args.pods):
            pod = "%s-%s" % (rs, pod_suffix(d * 100003 + p * 7 + 11))
            node = "node-%d" % ((d + p) % args.nodes)
            pods.append(pod)
            uid = "pod-%d-%d" % (d, p)
            items.append({"apiVersion": "v1", "kind": "Pod",
                          "metadata": {"name": pod, "namespace": ns, "uid": uid, "labels": labels,
                                       "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": rs,
                                                            "uid": "rs-%d" % d, "controller": True}]},
                          "spec": {"nodeName": node, "serviceAccountName": "default",
                                   "containers": [{"name": "app", "image": image, "imagePullPolicy": "IfNotPresent"}]},
                          "status": {"phase": "Pending", "containerStatuses": [{
                              "name": "app", "image": image, "imageID": "", "ready": False, "restartCount": 0,
                              "state": {"waiting": {"reason": spec["waiting"], "message": spec["message"]}}}]}})
            for e, (reason, kind, message) in enumerate(spec["events"]):
                event_count += 1
                items.append({"apiVersion": "v1", "kind": "Event",
                              "metadata": {"name": "%s.%016x" % (pod, event_count), "namespace": ns},
                              "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": pod, "namespace": ns,
                                                 "uid": uid, "fieldPath": "spec.containers{app}"},
                              "reason": reason, "message": message, "type": kind, "count": 4 + e,
                              "firstTimestamp": "2026-11-21T19:16:43Z", "lastTimestamp": "2026-11-21T19:24:07Z",
                              "source": {"component": "kubelet", "host": node}})
        entry = {k: spec[k] for k in ("index", "name", "namespace", "cause", "expected", "image", "waiting", "push")}
        entry["pods"] = pods
        manifest["deployments"].append(entry)

    os.makedirs(os.path.join(args.out, "cluster"), exist_ok=True)
    with open(os.path.join(args.out, "cluster", "cluster.yaml"), "w") as f:
        json.dump({"apiVersion": "v1", "kind": "List", "items": items}, f, separators=(",", ":"))
    with open(os.path.join(args.out, "storm.json"), "w") as f:
        json.dump(manifest, f)
    print("storm cluster: %d deployments, %d pods, %d events" % (args.deployments, args.deployments * args.pods, event_count))


if __name__ == "__main__":
    main()
