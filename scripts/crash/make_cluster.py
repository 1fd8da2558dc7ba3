#!/usr/bin/env python3
"""Writes a kubesim fixture with N Deployments of one pod each, all failing to pull from a registry address
where nothing listens (each its own incident). The waiting message is containerd's real wording for a refused
connection (source: Tests/Fixtures/messages/real-messages.yaml, the localhost:5000 tilt-dev entry), host adapted.

Usage: make_cluster.py DIR N REGISTRY
"""
import json
import os
import sys

out, count, registry = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
items = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "crash"}},
         {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "crash"}},
         {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-0", "labels": {"kubernetes.io/arch": "amd64"}},
          "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "DiskPressure", "status": "False"}],
                     "nodeInfo": {"architecture": "amd64", "operatingSystem": "linux",
                                  "containerRuntimeVersion": "containerd://1.7.22", "kubeletVersion": "v1.29.8"}}}]
for d in range(count):
    image = "%s/crash/app-%d:v1" % (registry, d)
    message = ('Back-off pulling image "%s": ErrImagePull: failed to pull and unpack image "%s": failed to resolve '
               'reference "%s": failed to do request: Head "http://%s/v2/crash/app-%d/manifests/v1": dial tcp %s: '
               'connect: connection refused') % (image, image, image, registry, d, registry)
    items.append({"apiVersion": "v1", "kind": "Pod",
                  "metadata": {"name": "app-%d-0" % d, "namespace": "crash", "uid": "pod-%d" % d},
                  "spec": {"nodeName": "node-0", "containers": [{"name": "app", "image": image}]},
                  "status": {"phase": "Pending", "containerStatuses": [{"name": "app", "image": image, "imageID": "",
                             "ready": False, "restartCount": 0,
                             "state": {"waiting": {"reason": "ImagePullBackOff", "message": message}}}]}})
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(os.path.join(out, "cluster.yaml"), "w"))
