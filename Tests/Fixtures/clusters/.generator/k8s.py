"""Builders for Kubernetes objects in the shape `kubectl get -o yaml` prints.

Deterministic: every uid, hash and resourceVersion comes from a per-scenario seeded RNG, so
re-running the generator reproduces the same files byte for byte.
"""
import base64
import datetime as dt
import hashlib
import json
import random
import uuid

HASH_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"  # k8s.io/apimachinery rand.SafeEncodeString alphabet


def ts(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def micro(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


class Ctx:
    """Per-scenario identity source: uids, resourceVersions, name suffixes."""

    def __init__(self, scenario: str):
        self.scenario = scenario
        self.rng = random.Random(hashlib.sha256(scenario.encode()).digest())
        self.rv = 1000 + self.rng.randint(0, 500000)
        self.uids = {}

    def uid(self, key: str) -> str:
        if key not in self.uids:
            raw = hashlib.sha256(f"{self.scenario}/{key}".encode()).digest()[:16]
            self.uids[key] = str(uuid.UUID(bytes=raw, version=4))
        return self.uids[key]

    def next_rv(self) -> str:
        self.rv += self.rng.randint(3, 400)
        return str(self.rv)

    def suffix(self, n: int) -> str:
        return "".join(self.rng.choice(HASH_ALPHABET) for _ in range(n))

    def hexid(self, n: int = 16) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))


def owner_ref(api_version, kind, name, uid):
    return {"apiVersion": api_version, "blockOwnerDeletion": True, "controller": True,
            "kind": kind, "name": name, "uid": uid}


def namespace(ctx, name, created, labels=None):
    lab = {"kubernetes.io/metadata.name": name}
    lab.update(labels or {})
    return {"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"creationTimestamp": ts(created), "labels": lab, "name": name,
                         "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"ns/{name}")},
            "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}


RUNTIME_SOCKETS = {
    "containerd": "unix:///run/containerd/containerd.sock",
    "cri-o": "unix:///var/run/crio/crio.sock",
    "docker": "/var/run/dockershim.sock",
}


def kubelet_minor(kubelet_version: str) -> int:
    return int(kubelet_version.lstrip("v").split(".")[1])


def node(ctx, name, *, arch, runtime, kubelet, os_image, kernel, created, heartbeat, ip,
         pod_cidr, cpu="4", memory_ki=16375132, ephemeral_ki=101430960, instance_type=None,
         disk_pressure_since=None, extra_labels=None, images=None):
    """A Ready node; `disk_pressure_since` flips DiskPressure to True and adds the taint."""
    kind = runtime.split("://")[0]
    labels = {"beta.kubernetes.io/arch": arch, "beta.kubernetes.io/os": "linux",
              "kubernetes.io/arch": arch, "kubernetes.io/hostname": name, "kubernetes.io/os": "linux"}
    if instance_type:
        labels["node.kubernetes.io/instance-type"] = instance_type
        labels["beta.kubernetes.io/instance-type"] = instance_type
    labels.update(extra_labels or {})
    up = created + dt.timedelta(seconds=41)
    conds = [
        {"lastHeartbeatTime": ts(heartbeat), "lastTransitionTime": ts(up),
         "message": "kubelet has sufficient memory available", "reason": "KubeletHasSufficientMemory",
         "status": "False", "type": "MemoryPressure"},
    ]
    if disk_pressure_since:
        conds.append({"lastHeartbeatTime": ts(heartbeat), "lastTransitionTime": ts(disk_pressure_since),
                      "message": "kubelet has disk pressure", "reason": "KubeletHasDiskPressure",
                      "status": "True", "type": "DiskPressure"})
    else:
        conds.append({"lastHeartbeatTime": ts(heartbeat), "lastTransitionTime": ts(up),
                      "message": "kubelet has no disk pressure", "reason": "KubeletHasNoDiskPressure",
                      "status": "False", "type": "DiskPressure"})
    conds += [
        {"lastHeartbeatTime": ts(heartbeat), "lastTransitionTime": ts(up),
         "message": "kubelet has sufficient PID available", "reason": "KubeletHasSufficientPID",
         "status": "False", "type": "PIDPressure"},
        {"lastHeartbeatTime": ts(heartbeat), "lastTransitionTime": ts(up + dt.timedelta(seconds=12)),
         "message": "kubelet is posting ready status", "reason": "KubeletReady",
         "status": "True", "type": "Ready"},
    ]
    mem_alloc = memory_ki - 102400
    spec = {"podCIDR": pod_cidr, "podCIDRs": [pod_cidr]}
    if disk_pressure_since:
        spec["taints"] = [{"effect": "NoSchedule", "key": "node.kubernetes.io/disk-pressure",
                           "timeAdded": ts(disk_pressure_since)}]
    node_info = {"architecture": arch, "bootID": ctx.uid(f"boot/{name}"), "containerRuntimeVersion": runtime,
                 "kernelVersion": kernel, "kubeletVersion": kubelet,
                 "machineID": hashlib.md5(f"{ctx.scenario}/{name}".encode()).hexdigest(),
                 "operatingSystem": "linux", "osImage": os_image,
                 "systemUUID": ctx.uid(f"system/{name}")}
    # kube-proxy stopped filling kubeProxyVersion from 1.31 (KEP-4004); keep it only where it was real.
    node_info["kubeProxyVersion"] = kubelet if kubelet_minor(kubelet) <= 30 else ""
    status = {
        "addresses": [{"address": ip, "type": "InternalIP"}, {"address": name, "type": "Hostname"}],
        "allocatable": {"cpu": cpu, "ephemeral-storage": str(int(ephemeral_ki * 1024 * 0.9)),
                        "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": f"{mem_alloc}Ki", "pods": "110"},
        "capacity": {"cpu": cpu, "ephemeral-storage": f"{ephemeral_ki}Ki", "hugepages-1Gi": "0",
                     "hugepages-2Mi": "0", "memory": f"{memory_ki}Ki", "pods": "110"},
        "conditions": conds,
        "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
        "images": images or [],
        "nodeInfo": node_info,
    }
    return {"apiVersion": "v1", "kind": "Node",
            "metadata": {"annotations": {"kubeadm.alpha.kubernetes.io/cri-socket": RUNTIME_SOCKETS[kind],
                                         "node.alpha.kubernetes.io/ttl": "0",
                                         "volumes.kubernetes.io/controller-managed-attach-detach": "true"},
                         "creationTimestamp": ts(created), "labels": labels, "name": name,
                         "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"node/{name}")},
            "spec": spec, "status": status}


def service_account(ctx, ns, name, created, image_pull_secrets=None, secrets=None):
    obj = {"apiVersion": "v1", "kind": "ServiceAccount",
           "metadata": {"creationTimestamp": ts(created), "name": name, "namespace": ns,
                        "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"sa/{ns}/{name}")}}
    if image_pull_secrets:
        obj["imagePullSecrets"] = [{"name": n} for n in image_pull_secrets]
    if secrets:
        obj["secrets"] = [{"name": n} for n in secrets]
    return obj


def docker_config_json(host, user, password):
    auth = b64(f"{user}:{password}")
    return json.dumps({"auths": {host: {"username": user, "password": password, "auth": auth}}},
                      separators=(",", ":"))


def secret_dockerconfigjson(ctx, ns, name, created, host, user, password, *, secret_type=None,
                            string_data=False, labels=None):
    """`kubectl create secret docker-registry` output; `string_data` keeps the JSON readable so the
    simulator can substitute a registry placeholder before encoding it, as the API server would."""
    payload = docker_config_json(host, user, password)
    obj = {"apiVersion": "v1", "kind": "Secret",
           "metadata": {"creationTimestamp": ts(created), "name": name, "namespace": ns,
                        "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"secret/{ns}/{name}")},
           "type": secret_type or "kubernetes.io/dockerconfigjson"}
    if labels:
        obj["metadata"]["labels"] = labels
    if string_data:
        obj["stringData"] = {".dockerconfigjson": payload}
    else:
        obj["data"] = {".dockerconfigjson": b64(payload)}
    return obj


def secret_dockercfg(ctx, ns, name, created, host, user, password, email):
    payload = json.dumps({host: {"username": user, "password": password, "email": email,
                                 "auth": b64(f"{user}:{password}")}}, separators=(",", ":"))
    return {"apiVersion": "v1", "kind": "Secret", "data": {".dockercfg": b64(payload)},
            "metadata": {"creationTimestamp": ts(created), "name": name, "namespace": ns,
                         "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"secret/{ns}/{name}")},
            "type": "kubernetes.io/dockercfg"}


def secret_sa_token(ctx, ns, sa_name, sa_uid, created):
    name = f"{sa_name}-token-{ctx.suffix(5)}"
    return name, {"apiVersion": "v1", "kind": "Secret",
                  "data": {"ca.crt": b64("-----BEGIN CERTIFICATE-----\nfixture-not-a-real-ca\n-----END CERTIFICATE-----\n"),
                           "namespace": b64(ns), "token": b64("fixture-not-a-real-service-account-token")},
                  "metadata": {"annotations": {"kubernetes.io/service-account.name": sa_name,
                                               "kubernetes.io/service-account.uid": sa_uid},
                               "creationTimestamp": ts(created), "name": name, "namespace": ns,
                               "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"secret/{ns}/{name}")},
                  "type": "kubernetes.io/service-account-token"}


# ---------------------------------------------------------------- workloads

def container(name, image, *, pull_policy=None, ports=None, resources=None, args=None, command=None):
    if pull_policy is None:
        tag = image.rsplit("/", 1)[-1]
        pull_policy = "Always" if (":" not in tag or tag.endswith(":latest")) and "@" not in tag else "IfNotPresent"
    c = {"image": image, "imagePullPolicy": pull_policy, "name": name,
         "resources": resources or {}, "terminationMessagePath": "/dev/termination-log",
         "terminationMessagePolicy": "File"}
    if ports:
        c["ports"] = [{"containerPort": p, "name": n, "protocol": "TCP"} for n, p in ports]
    if args:
        c["args"] = args
    if command:
        c["command"] = command
    return c


def template_spec(containers, *, init_containers=None, image_pull_secrets=None, service_account=None,
                  restart_policy="Always", node_selector=None):
    spec = {"containers": containers, "dnsPolicy": "ClusterFirst", "restartPolicy": restart_policy,
            "schedulerName": "default-scheduler", "securityContext": {}, "terminationGracePeriodSeconds": 30}
    if init_containers:
        spec["initContainers"] = init_containers
    if image_pull_secrets:
        spec["imagePullSecrets"] = [{"name": n} for n in image_pull_secrets]
    if service_account:
        spec["serviceAccount"] = service_account
        spec["serviceAccountName"] = service_account
    if node_selector:
        spec["nodeSelector"] = node_selector
    return spec


def pod_template_hash(ctx, key):
    return "".join(ctx.rng.choice(HASH_ALPHABET) for _ in range(10))


def deployment(ctx, ns, name, *, created, replicas, labels, tmpl_spec, generation=1,
               ready=0, rs_name=None, progressing_since=None, annotations_revision="1"):
    obj = {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"annotations": {"deployment.kubernetes.io/revision": annotations_revision},
                        "creationTimestamp": ts(created), "generation": generation, "labels": dict(labels),
                        "name": name, "namespace": ns, "resourceVersion": ctx.next_rv(),
                        "uid": ctx.uid(f"deploy/{ns}/{name}")},
           "spec": {"progressDeadlineSeconds": 600, "replicas": replicas, "revisionHistoryLimit": 10,
                    "selector": {"matchLabels": dict(labels)},
                    "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"},
                                 "type": "RollingUpdate"},
                    "template": {"metadata": {"creationTimestamp": None, "labels": dict(labels)},
                                 "spec": tmpl_spec}}}
    return obj


def deployment_status(dep, *, replicas, updated, ready, available, rs_name, since, progressing_reason,
                      progressing_msg=None, available_since=None):
    unavailable = replicas - available
    conds = []
    if available >= dep["spec"]["replicas"] - int(dep["spec"]["replicas"] * 0.25):
        av = available_since or since
        conds.append({"lastTransitionTime": ts(av), "lastUpdateTime": ts(av),
                      "message": "Deployment has minimum availability.", "reason": "MinimumReplicasAvailable",
                      "status": "True", "type": "Available"})
    else:
        conds.append({"lastTransitionTime": ts(since), "lastUpdateTime": ts(since),
                      "message": "Deployment does not have minimum availability.",
                      "reason": "MinimumReplicasUnavailable", "status": "False", "type": "Available"})
    conds.append({"lastTransitionTime": ts(since), "lastUpdateTime": ts(since + dt.timedelta(seconds=1)),
                  "message": progressing_msg or f'ReplicaSet "{rs_name}" is progressing.',
                  "reason": progressing_reason, "status": "True", "type": "Progressing"})
    st = {"conditions": conds, "observedGeneration": dep["metadata"]["generation"], "replicas": replicas,
          "updatedReplicas": updated}
    if ready:
        st["readyReplicas"] = ready
    if available:
        st["availableReplicas"] = available
    if unavailable > 0:
        st["unavailableReplicas"] = unavailable
    dep["status"] = st
    return dep


def replicaset(ctx, dep, *, tmpl_hash, created, replicas, revision, tmpl_spec, ready=0, available=0):
    ns = dep["metadata"]["namespace"]
    name = f'{dep["metadata"]["name"]}-{tmpl_hash}'
    labels = dict(dep["spec"]["selector"]["matchLabels"])
    labels["pod-template-hash"] = tmpl_hash
    dr = dep["spec"]["replicas"]
    obj = {"apiVersion": "apps/v1", "kind": "ReplicaSet",
           "metadata": {"annotations": {"deployment.kubernetes.io/desired-replicas": str(dr),
                                        "deployment.kubernetes.io/max-replicas": str(dr + max(1, -(-dr * 25 // 100))),
                                        "deployment.kubernetes.io/revision": str(revision)},
                        "creationTimestamp": ts(created), "generation": 1, "labels": labels, "name": name,
                        "namespace": ns,
                        "ownerReferences": [owner_ref("apps/v1", "Deployment", dep["metadata"]["name"],
                                                      dep["metadata"]["uid"])],
                        "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"rs/{ns}/{name}")},
           "spec": {"replicas": replicas, "selector": {"matchLabels": labels},
                    "template": {"metadata": {"creationTimestamp": None, "labels": labels}, "spec": tmpl_spec}},
           "status": {"fullyLabeledReplicas": replicas, "observedGeneration": 1, "replicas": replicas}}
    if ready:
        obj["status"]["readyReplicas"] = ready
    if available:
        obj["status"]["availableReplicas"] = available
    return obj


def pod(ctx, *, ns, name, generate_name, labels, owner, tmpl_spec, node_name, created, kubelet,
        host_ip, pod_ip, state, qos="BestEffort", extra_tolerations=None, finalizers=None, annotations=None,
        admitted_pull_secrets=None):
    """`state`: dict with keys
        containers: {name: status-dict} (waiting / running),
        init: {name: status-dict} optional,
        ready: bool
    """
    import copy
    spec = copy.deepcopy(tmpl_spec)
    sa = spec.get("serviceAccountName", "default")
    spec["serviceAccount"] = sa
    spec["serviceAccountName"] = sa
    spec["enableServiceLinks"] = True
    if admitted_pull_secrets:
        # The ServiceAccount admission plugin copies the SA's imagePullSecrets into the pod at creation.
        spec["imagePullSecrets"] = [{"name": n} for n in admitted_pull_secrets]
    spec["nodeName"] = node_name
    spec["preemptionPolicy"] = "PreemptLowerPriority"
    spec["priority"] = 0
    tol = [{"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists",
            "tolerationSeconds": 300},
           {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists",
            "tolerationSeconds": 300}]
    spec["tolerations"] = (extra_tolerations or []) + tol
    vol = f"kube-api-access-{ctx.suffix(5)}"
    spec["volumes"] = [{"name": vol, "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
        {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
        {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                    "path": "namespace"}]}}]}}]
    for c in spec["containers"] + spec.get("initContainers", []):
        c["volumeMounts"] = [{"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": vol,
                              "readOnly": True}]
    minor = kubelet_minor(kubelet)
    sched = created + dt.timedelta(seconds=1)
    started = created + dt.timedelta(seconds=1)
    init_ok = all("running" in s or "terminated" in s for s in state.get("init", {}).values())
    all_ready = state.get("ready", False)
    conds = []
    if minor >= 29:
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(started + dt.timedelta(seconds=2)),
                      "status": "True", "type": "PodReadyToStartContainers"})
    if state.get("init") and not init_ok:
        waiting_inits = [n for n, s in state["init"].items() if "running" not in s and "terminated" not in s]
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(started),
                      "message": f"containers with incomplete status: [{' '.join(waiting_inits)}]",
                      "reason": "ContainersNotInitialized", "status": "False", "type": "Initialized"})
    else:
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(started), "status": "True",
                      "type": "Initialized"})
    unready = [n for n, s in state["containers"].items() if not s.get("ready")]
    if all_ready:
        rt = state.get("ready_at", started + dt.timedelta(seconds=9))
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(rt), "status": "True", "type": "Ready"})
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(rt), "status": "True",
                      "type": "ContainersReady"})
    else:
        msg = f"containers with unready status: [{' '.join(unready)}]"
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(started), "message": msg,
                      "reason": "ContainersNotReady", "status": "False", "type": "Ready"})
        conds.append({"lastProbeTime": None, "lastTransitionTime": ts(started), "message": msg,
                      "reason": "ContainersNotReady", "status": "False", "type": "ContainersReady"})
    conds.append({"lastProbeTime": None, "lastTransitionTime": ts(sched), "status": "True", "type": "PodScheduled"})
    images = {c["name"]: c["image"] for c in spec["containers"] + spec.get("initContainers", [])}

    def cstatus(cname, s):
        out = {"image": images[cname], "imageID": s.get("imageID", ""), "lastState": {}, "name": cname,
               "ready": bool(s.get("ready")), "restartCount": 0, "started": bool(s.get("started"))}
        if "containerID" in s:
            out["containerID"] = s["containerID"]
        if "running" in s:
            out["state"] = {"running": {"startedAt": ts(s["running"])}}
        elif "terminated" in s:
            out["state"] = {"terminated": s["terminated"]}
        else:
            w = {"reason": s["reason"]}
            if s.get("message"):
                w["message"] = s["message"]
            out["state"] = {"waiting": w}
        return out

    status = {"conditions": conds,
              "containerStatuses": [cstatus(n, s) for n, s in state["containers"].items()],
              "hostIP": host_ip, "phase": "Running" if all_ready else "Pending", "podIP": pod_ip,
              "podIPs": [{"ip": pod_ip}], "qosClass": qos, "startTime": ts(started)}
    if minor >= 28:
        status["hostIPs"] = [{"ip": host_ip}]
    if state.get("init"):
        ist = []
        for n, s in state["init"].items():
            d = cstatus(n, s)
            d.pop("started", None) if "terminated" in s else None
            ist.append(d)
        status["initContainerStatuses"] = ist
    meta = {"creationTimestamp": ts(created), "labels": labels, "name": name, "namespace": ns,
            "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"pod/{ns}/{name}")}
    if generate_name:
        meta["generateName"] = generate_name
    if owner:
        meta["ownerReferences"] = [owner]
    if finalizers:
        meta["finalizers"] = finalizers
    if annotations:
        meta["annotations"] = annotations
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status}


# ---------------------------------------------------------------- events

def _event(ctx, pod_obj, *, reason, message, etype, first, last, count, node_name, kubelet,
           field_path=None, component="kubelet"):
    meta = pod_obj["metadata"]
    involved = {"apiVersion": "v1", "kind": "Pod", "name": meta["name"], "namespace": meta["namespace"],
                "resourceVersion": str(int(meta["resourceVersion"]) - ctx.rng.randint(5, 60)),
                "uid": meta["uid"]}
    if field_path:
        involved["fieldPath"] = field_path
    name = f'{meta["name"]}.{ctx.hexid(16)}'
    ev = {"apiVersion": "v1", "count": count, "eventTime": None, "firstTimestamp": ts(first),
          "involvedObject": involved, "kind": "Event", "lastTimestamp": ts(last), "message": message,
          "metadata": {"creationTimestamp": ts(first), "name": name, "namespace": meta["namespace"],
                       "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"event/{name}")},
          "reason": reason, "source": {"component": component, "host": node_name}, "type": etype}
    # Newer client-go event recorders also fill the reporting fields; 1.23-1.26 kubelets left them empty.
    if kubelet_minor(kubelet) >= 27:
        ev["reportingComponent"] = component
        ev["reportingInstance"] = node_name
    else:
        ev["reportingComponent"] = ""
        ev["reportingInstance"] = ""
    return ev


def scheduled_event(ctx, pod_obj, *, at, node_name, scheduler_instance):
    meta = pod_obj["metadata"]
    name = f'{meta["name"]}.{ctx.hexid(16)}'
    return {"action": "Binding", "apiVersion": "v1", "eventTime": micro(at + dt.timedelta(microseconds=ctx.rng.randint(1000, 999000))),
            "firstTimestamp": None,
            "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": meta["name"], "namespace": meta["namespace"],
                               "resourceVersion": str(int(meta["resourceVersion"]) - ctx.rng.randint(60, 120)),
                               "uid": meta["uid"]},
            "kind": "Event", "lastTimestamp": None,
            "message": f'Successfully assigned {meta["namespace"]}/{meta["name"]} to {node_name}',
            "metadata": {"creationTimestamp": ts(at), "name": name, "namespace": meta["namespace"],
                         "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"event/{name}")},
            "reason": "Scheduled", "reportingComponent": "default-scheduler",
            "reportingInstance": scheduler_instance, "source": {}, "type": "Normal"}


def pull_failure_events(ctx, pod_obj, *, container_name, image, failed_message, node_name, kubelet, start, now,
                        attempts, init=False, scheduler_instance="default-scheduler-cp-1", waiting="ImagePullBackOff"):
    """The kubelet's sequence for a failing pull: Pulling, Failed (cause), Failed (Error: ErrImagePull),
    BackOff, Failed (Error: ImagePullBackOff); counts grow with back-off (10s doubling, capped at 300s)."""
    fp = f'spec.{"initContainers" if init else "containers"}{{{container_name}}}'
    first_pull = start + dt.timedelta(seconds=2)
    # The waiting reason shown now follows the latest event: a fresh failure -> ErrImagePull, a back-off -> ImagePullBackOff.
    if waiting == "ErrImagePull":
        last_pull = now - dt.timedelta(seconds=4)
        last_backoff = last_pull - dt.timedelta(seconds=ctx.rng.randint(15, 40))
    else:
        last_pull = now - dt.timedelta(seconds=ctx.rng.randint(20, 90))
        last_backoff = now - dt.timedelta(seconds=4)
    backoffs = max(2, int((last_backoff - first_pull).total_seconds() // 15))
    evs = [scheduled_event(ctx, pod_obj, at=start, node_name=node_name, scheduler_instance=scheduler_instance)]
    evs.append(_event(ctx, pod_obj, reason="Pulling", message=f'Pulling image "{image}"', etype="Normal",
                      first=first_pull, last=last_pull, count=attempts, node_name=node_name, kubelet=kubelet,
                      field_path=fp))
    evs.append(_event(ctx, pod_obj, reason="Failed", message=f'Failed to pull image "{image}": {failed_message}',
                      etype="Warning", first=first_pull + dt.timedelta(seconds=1),
                      last=last_pull + dt.timedelta(seconds=1), count=attempts, node_name=node_name,
                      kubelet=kubelet, field_path=fp))
    evs.append(_event(ctx, pod_obj, reason="Failed", message="Error: ErrImagePull", etype="Warning",
                      first=first_pull + dt.timedelta(seconds=1), last=last_pull + dt.timedelta(seconds=1),
                      count=attempts, node_name=node_name, kubelet=kubelet, field_path=fp))
    evs.append(_event(ctx, pod_obj, reason="BackOff", message=f'Back-off pulling image "{image}"', etype="Normal",
                      first=first_pull + dt.timedelta(seconds=2), last=last_backoff,
                      count=backoffs, node_name=node_name, kubelet=kubelet, field_path=fp))
    evs.append(_event(ctx, pod_obj, reason="Failed", message="Error: ImagePullBackOff", etype="Warning",
                      first=first_pull + dt.timedelta(seconds=2), last=last_backoff,
                      count=backoffs, node_name=node_name, kubelet=kubelet, field_path=fp))
    return evs


def single_reason_events(ctx, pod_obj, *, container_name, reason, message, error_reason, node_name, kubelet,
                         start, now, scheduler_instance="default-scheduler-cp-1"):
    """For failures decided before any pull (InvalidImageName, ErrImageNeverPull): one kubelet event with
    the cause, then `Error: <reason>` on every sync."""
    fp = f"spec.containers{{{container_name}}}"
    n = max(3, int((now - start).total_seconds() // 12))
    return [scheduled_event(ctx, pod_obj, at=start, node_name=node_name, scheduler_instance=scheduler_instance),
            _event(ctx, pod_obj, reason=reason, message=message, etype="Warning",
                   first=start + dt.timedelta(seconds=2), last=now - dt.timedelta(seconds=3), count=n,
                   node_name=node_name, kubelet=kubelet, field_path=fp),
            _event(ctx, pod_obj, reason="Failed", message=f"Error: {error_reason}", etype="Warning",
                   first=start + dt.timedelta(seconds=2), last=now - dt.timedelta(seconds=3), count=n,
                   node_name=node_name, kubelet=kubelet, field_path=fp)]


def pod_event(ctx, pod_obj, **kw):
    return _event(ctx, pod_obj, **kw)


def node_event(ctx, node_obj, *, reason, message, etype, first, last, count, kubelet):
    name = f'{node_obj["metadata"]["name"]}.{ctx.hexid(16)}'
    nn = node_obj["metadata"]["name"]
    ev = {"apiVersion": "v1", "count": count, "eventTime": None, "firstTimestamp": ts(first),
          "involvedObject": {"kind": "Node", "name": nn, "uid": nn},
          "kind": "Event", "lastTimestamp": ts(last), "message": message,
          "metadata": {"creationTimestamp": ts(first), "name": name, "namespace": "default",
                       "resourceVersion": ctx.next_rv(), "uid": ctx.uid(f"event/{name}")},
          "reason": reason, "source": {"component": "kubelet", "host": nn}, "type": etype}
    if kubelet_minor(kubelet) >= 27:
        ev["reportingComponent"] = "kubelet"
        ev["reportingInstance"] = nn
    else:
        ev["reportingComponent"] = ""
        ev["reportingInstance"] = ""
    return ev


def as_list(items):
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}
