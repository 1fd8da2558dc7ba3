"""Shared scenario plumbing: a scenario collects objects, events and metadata, then writes its folder."""
import datetime as dt
import os

import yaml

import k8s
from k8s import ts

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # .generator/.. = clusters/

# Public sources shared by many scenarios (kubelet-side wording).
SRC_IMAGE_MANAGER = {
    "what": "kubelet event and waiting-message formats: 'Pulling image %q', 'Failed to pull image %q: %v', "
            "'Back-off pulling image %q', 'Container image %q is not present with pull policy of Never', "
            "'Failed to apply default image tag %q: %v'",
    "source": "https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/images/image_manager.go",
}
SRC_ERROR_EVENT = {
    "what": "kubelet 'Error: <reason>' Failed event after EnsureImageExists fails (Error: ErrImagePull, "
            "Error: ImagePullBackOff, Error: InvalidImageName, Error: ErrImageNeverPull)",
    "source": "https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/kuberuntime/kuberuntime_container.go",
}
SRC_SEQUENCE = {
    "what": "real event sequence Pulling -> Failed (cause) -> Error: ErrImagePull -> BackOff -> Error: ImagePullBackOff",
    "quote": 'Failed to pull image "localhost:5000/my-ubuntu": rpc error: code = Unknown desc = Error response from '
             'daemon: Get http://localhost:5000/v2/: dial tcp [::1]:5000: connect: connection refused / '
             'Error: ErrImagePull / Back-off pulling image "localhost:5000/my-ubuntu" / Error: ImagePullBackOff',
    "source": "https://github.com/kubernetes/kubernetes/issues/90858",
}
SRC_STRIP_UNKNOWN = {
    "what": "kubelet >= 1.28 strips the 'rpc error: code = Unknown desc = ' prefix from pull errors "
            "(other gRPC codes such as NotFound keep it)",
    "source": "https://github.com/kubernetes/kubernetes/pull/117612",
}
SRC_BACKOFF_WITH_ERROR = {
    "what": "kubelet >= 1.32 puts the previous pull error in the ImagePullBackOff waiting message: "
            "'Back-off pulling image \"X\": ErrImagePull: <error>'",
    "quote": 'Back-off pulling image "registry.k8s.io/networking/kube-network-policies:v1.0.0": ErrImagePull: rpc error: '
             'code = NotFound desc = failed to pull and unpack image "registry.k8s.io/networking/kube-network-policies:v1.0.0": '
             'failed to resolve image: registry.k8s.io/networking/kube-network-policies:v1.0.0: not found',
    "source": "https://github.com/kubernetes/kubernetes/pull/127918 ; "
              "https://github.com/kubernetes-sigs/kube-network-policies/issues/307",
}
SRC_NODE_CONDITIONS = {
    "what": "node condition reasons/messages (KubeletHasDiskPressure 'kubelet has disk pressure', "
            "KubeletHasNoDiskPressure, KubeletHasSufficientMemory, KubeletHasSufficientPID, KubeletReady)",
    "source": "https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/nodestatus/setters.go",
}


class KubectlDumper(yaml.SafeDumper):
    """Dump like kubectl: no anchors/aliases, and scalars that would read back as another type (timestamps,
    numbers, booleans) in double quotes, the way sigs.k8s.io/yaml prints them."""

    def ignore_aliases(self, data):
        return True


def _str_representer(dumper, data):
    resolved = dumper.resolve(yaml.ScalarNode, data, (True, False))
    if data == "" or resolved != "tag:yaml.org,2002:str":
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


KubectlDumper.add_representer(str, _str_representer)


class Scenario:
    def __init__(self, name, *, now):
        self.name = name
        self.ctx = k8s.Ctx(name)
        self.now = now
        self.objects = []
        self.events = []
        self.meta = None
        self.kubesim = None

    def add(self, *objs):
        self.objects.extend(objs)

    def add_events(self, evs):
        self.events.extend(evs)

    ORDER = ["Namespace", "Node", "ServiceAccount", "Secret", "Deployment", "ReplicaSet", "StatefulSet",
             "CronJob", "Job", "Pod"]

    def write(self):
        folder = os.path.join(OUT, self.name)
        os.makedirs(folder, exist_ok=True)
        objs = sorted(self.objects, key=lambda o: self.ORDER.index(o["kind"]))
        evs = sorted(self.events, key=lambda e: (e["metadata"]["creationTimestamp"], e["metadata"]["name"]))
        dump = dict(Dumper=KubectlDumper, sort_keys=True, default_flow_style=False, width=100000,
                    allow_unicode=True)
        with open(os.path.join(folder, "cluster.yaml"), "w") as f:
            f.write(f"# {self.name}: as `kubectl get namespaces,nodes,serviceaccounts,secrets,deployments,"
                    f"replicasets,statefulsets,cronjobs,jobs,pods -A -o yaml` would print it.\n")
            yaml.dump(k8s.as_list(objs), f, **dump)
        with open(os.path.join(folder, "events.yaml"), "w") as f:
            f.write(f"# {self.name}: as `kubectl get events -A -o yaml` would print it.\n")
            yaml.dump(k8s.as_list(evs), f, **dump)
        with open(os.path.join(folder, "scenario.yaml"), "w") as f:
            yaml.dump(self.meta, f, Dumper=KubectlDumper, sort_keys=False, default_flow_style=False,
                      width=100000, allow_unicode=True)
        if self.kubesim:
            with open(os.path.join(folder, "kubesim.yaml"), "w") as f:
                yaml.dump(self.kubesim, f, Dumper=KubectlDumper, sort_keys=False, default_flow_style=False,
                          width=100000)


def waiting_message(reason, image, cause, kubelet):
    """What the kubelet writes into containerStatuses[].state.waiting.message."""
    if reason == "ErrImagePull":
        return cause
    if reason == "ImagePullBackOff":
        if k8s.kubelet_minor(kubelet) >= 32:
            return f'Back-off pulling image "{image}": ErrImagePull: {cause}'
        return f'Back-off pulling image "{image}"'
    raise ValueError(reason)


def failing_deployment(S, *, ns, name, image, container_name, node, host_ip, kubelet, created, pod_created,
                       cause, waiting, replicas=1, image_pull_secrets=None, service_account=None, ports=None,
                       labels=None, pod_ips=None, nodes=None, attempts=None, extra_init=None, pull_policy=None,
                       revision=1, resources=None, sa_pull_secrets=None):
    """One Deployment -> ReplicaSet -> `replicas` Pods, every pod failing to pull `image` with `cause`.
    Returns the list of pods (for scenario metadata)."""
    ctx = S.ctx
    labels = labels or {"app": name}
    c = k8s.container(container_name, image, ports=ports, pull_policy=pull_policy, resources=resources)
    tspec = k8s.template_spec([c], image_pull_secrets=image_pull_secrets, service_account=service_account)
    dep = k8s.deployment(ctx, ns, name, created=created, replicas=replicas, labels=labels, tmpl_spec=tspec,
                         generation=revision, annotations_revision=str(revision))
    h = k8s.pod_template_hash(ctx, name)
    rs_name = f"{name}-{h}"
    rs = k8s.replicaset(ctx, dep, tmpl_hash=h, created=pod_created, replicas=replicas, revision=revision,
                        tmpl_spec=tspec)
    k8s.deployment_status(dep, replicas=replicas, updated=replicas, ready=0, available=0, rs_name=rs_name,
                          since=pod_created, progressing_reason="ReplicaSetUpdated")
    S.add(dep, rs)
    pods = []
    for i in range(replicas):
        pname = f"{rs_name}-{ctx.suffix(5)}"
        n = (nodes[i % len(nodes)] if nodes else (node, host_ip))
        pc = pod_created + dt.timedelta(seconds=i % 3)
        ip = (pod_ips[i] if pod_ips else f"10.244.1.{17 + i}")
        msg = waiting_message(waiting, image, cause, kubelet)
        p = k8s.pod(ctx, ns=ns, name=pname, generate_name=f"{rs_name}-", labels=dict(rs["spec"]["selector"]["matchLabels"]),
                    owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs_name, rs["metadata"]["uid"]), tmpl_spec=tspec,
                    node_name=n[0], created=pc, kubelet=kubelet, host_ip=n[1], pod_ip=ip,
                    qos="Burstable" if resources else "BestEffort", admitted_pull_secrets=sa_pull_secrets,
                    state={"containers": {container_name: {"reason": waiting, "message": msg}}})
        S.add(p)
        minutes = (S.now - pc).total_seconds()
        S.add_events(k8s.pull_failure_events(ctx, p, container_name=container_name, image=image,
                                             failed_message=cause, node_name=n[0], kubelet=kubelet, start=pc,
                                             now=S.now, attempts=attempts or max(2, min(6, int(minutes // 90) + 2)),
                                             waiting=waiting))
        pods.append(p)
    return dep, rs, pods


def base_cluster(S, *, namespaces, nodes):
    """Namespaces (with their default ServiceAccount) and nodes. nodes: list of dicts for k8s.node."""
    ctx = S.ctx
    out_nodes = []
    for ns, created in namespaces:
        S.add(k8s.namespace(ctx, ns, created))
    for nd in nodes:
        n = k8s.node(ctx, **nd)
        S.add(n)
        out_nodes.append(n)
    return out_nodes


def default_sas(S, namespaces, kubelet, token_secrets=False):
    ctx = S.ctx
    for ns, created in namespaces:
        if token_secrets:
            uid = ctx.uid(f"sa/{ns}/default")
            name, sec = k8s.secret_sa_token(ctx, ns, "default", uid, created)
            S.add(sec)
            S.add(k8s.service_account(ctx, ns, "default", created, secrets=[name]))
        else:
            S.add(k8s.service_account(ctx, ns, "default", created))


def node_images(kind, kubelet):
    if kind == "docker":
        return [{"names": ["k8s.gcr.io/kube-proxy@sha256:4e8b8b3a8e1d5c59b3e3f7b3d94f2b8a2d4a1c1e6f4a1f0c2b7c9d1e5a3b8c7d",
                           f"k8s.gcr.io/kube-proxy:{kubelet}"], "sizeBytes": 112327826},
                {"names": ["k8s.gcr.io/pause@sha256:3d380ca8864549e74af4b29c10f9cb0956236dfb01c40ca076fb6c37253234db",
                           "k8s.gcr.io/pause:3.6"], "sizeBytes": 682696}]
    return [{"names": [f"registry.k8s.io/kube-proxy@sha256:6c2f9b3e8a7d1c4b5e0f9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b",
                       f"registry.k8s.io/kube-proxy:{kubelet}"], "sizeBytes": 28110356},
            {"names": ["registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097",
                       "registry.k8s.io/pause:3.9"], "sizeBytes": 321520}]


def D(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
