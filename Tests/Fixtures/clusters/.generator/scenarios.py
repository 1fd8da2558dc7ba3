"""The fixture scenarios. Each function builds one folder. Every runtime message quoted here was found in
a public source (listed in the scenario's `sources:`), with only image names and hosts adapted."""
import datetime as dt

import k8s
from common import (D, SRC_BACKOFF_WITH_ERROR, SRC_ERROR_EVENT, SRC_IMAGE_MANAGER, SRC_NODE_CONDITIONS,
                    SRC_SEQUENCE, SRC_STRIP_UNKNOWN, Scenario, base_cluster, default_sas, failing_deployment,
                    node_images, waiting_message)

MIN = dt.timedelta(minutes=1)

RUNTIMES = {
    # runtime version, kubelet, os image, kernel
    "containerd-1.6": ("containerd://1.6.33", "Ubuntu 20.04.6 LTS", "5.4.0-200-generic"),
    "containerd-1.7": ("containerd://1.7.22", "Ubuntu 22.04.5 LTS", "5.15.0-125-generic"),
    "containerd-2.0": ("containerd://2.0.5", "Ubuntu 24.04.2 LTS", "6.8.0-57-generic"),
    "containerd-2.1": ("containerd://2.1.4", "Ubuntu 24.04.3 LTS", "6.8.0-79-generic"),
    "cri-o-1.27": ("cri-o://1.27.8", "Rocky Linux 9.3 (Blue Onyx)", "5.14.0-362.24.1.el9_3.x86_64"),
    "cri-o-1.30": ("cri-o://1.30.4", "Rocky Linux 9.4 (Blue Onyx)", "5.14.0-427.33.1.el9_4.x86_64"),
    "docker-20.10": ("docker://20.10.24", "Ubuntu 20.04.6 LTS", "5.4.0-150-generic"),
}


def worker(S, name, runtime_key, kubelet, ip, cidr, created, **kw):
    rt, osi, kern = RUNTIMES[runtime_key]
    return dict(name=name, arch=kw.pop("arch", "amd64"), runtime=rt, kubelet=kubelet, os_image=kw.pop("os_image", osi),
                kernel=kw.pop("kernel", kern), created=created, heartbeat=S.now - dt.timedelta(seconds=37), ip=ip,
                pod_cidr=cidr, images=kw.pop("images", node_images(rt.split(":")[0], kubelet)), **kw)


def runtime_meta(node_obj):
    ni = node_obj["status"]["nodeInfo"]
    return {"node": node_obj["metadata"]["name"], "containerRuntimeVersion": ni["containerRuntimeVersion"],
            "kubeletVersion": ni["kubeletVersion"], "architecture": ni["architecture"]}


def pod_ref(p, container):
    return {"namespace": p["metadata"]["namespace"], "name": p["metadata"]["name"], "container": container}


def alert(name, p, container, reason, severity="warning"):
    labels = {"alertname": name, "namespace": p["metadata"]["namespace"], "pod": p["metadata"]["name"]}
    if name != "KubePodNotReady":
        labels["container"] = container
        labels["reason"] = reason
    labels["severity"] = severity
    return labels


# ------------------------------------------------------------------------------------------------ 1
def wrong_tag():
    S = Scenario("wrong-tag", now=D("2026-11-21T19:24:10Z"))
    ctx, kubelet = S.ctx, "v1.29.8"
    nss = [("shop", D("2026-03-02T09:14:51Z"))]
    old_digest = "sha256:" + "".join(ctx.rng.choice("0123456789abcdef") for _ in range(64))
    imgs = node_images("containerd", kubelet) + [
        {"names": [f"${{REGISTRY_OPEN}}/shop/web@{old_digest}", "${REGISTRY_OPEN}/shop/web:v2.0"], "sizeBytes": 48211377}]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-1", "containerd-1.7", kubelet, "10.0.1.21", "10.244.1.0/24", D("2026-02-27T11:02:10Z"),
               images=imgs)])
    default_sas(S, nss, kubelet)
    new_image = "${REGISTRY_OPEN}/shop/web:v2.1-missing"
    old_image = "${REGISTRY_OPEN}/shop/web:v2.0"
    cause = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{new_image}": failed to resolve '
             f'reference "{new_image}": {new_image}: not found')
    labels = {"app": "web"}
    ports = [("http", 8080)]
    res = {"limits": {"memory": "256Mi"}, "requests": {"cpu": "100m", "memory": "128Mi"}}
    new_spec = k8s.template_spec([k8s.container("web", new_image, ports=ports, resources=res)])
    old_spec = k8s.template_spec([k8s.container("web", old_image, ports=ports, resources=res)])
    dep = k8s.deployment(ctx, "shop", "web", created=D("2026-10-02T08:00:12Z"), replicas=2, labels=labels,
                         tmpl_spec=new_spec, generation=2, annotations_revision="2")
    h_old, h_new = k8s.pod_template_hash(ctx, "old"), k8s.pod_template_hash(ctx, "new")
    rollout = D("2026-11-21T19:16:40Z")
    rs_old = k8s.replicaset(ctx, dep, tmpl_hash=h_old, created=D("2026-10-02T08:00:12Z"), replicas=2, revision=1,
                            tmpl_spec=old_spec, ready=2, available=2)
    rs_new = k8s.replicaset(ctx, dep, tmpl_hash=h_new, created=rollout, replicas=1, revision=2, tmpl_spec=new_spec)
    k8s.deployment_status(dep, replicas=3, updated=1, ready=2, available=2, rs_name=f"web-{h_new}", since=rollout,
                          progressing_reason="ReplicaSetUpdated", available_since=D("2026-10-02T08:00:31Z"))
    S.add(dep, rs_old, rs_new)
    for i in range(2):
        pname = f"web-{h_old}-{ctx.suffix(5)}"
        started = D("2026-11-14T06:31:02Z") + dt.timedelta(seconds=i * 4)
        p = k8s.pod(ctx, ns="shop", name=pname, generate_name=f"web-{h_old}-",
                    labels=dict(rs_old["spec"]["selector"]["matchLabels"]),
                    owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs_old["metadata"]["name"], rs_old["metadata"]["uid"]),
                    tmpl_spec=old_spec, node_name="worker-1", created=started, kubelet=kubelet, host_ip="10.0.1.21",
                    pod_ip=f"10.244.1.{31 + i}", qos="Burstable",
                    state={"ready": True, "containers": {"web": {
                        "ready": True, "started": True, "running": started + dt.timedelta(seconds=3),
                        "containerID": "containerd://" + ctx.hexid(64),
                        "imageID": f"${{REGISTRY_OPEN}}/shop/web@{old_digest}"}}})
        S.add(p)
    pname = f"web-{h_new}-{ctx.suffix(5)}"
    p = k8s.pod(ctx, ns="shop", name=pname, generate_name=f"web-{h_new}-",
                labels=dict(rs_new["spec"]["selector"]["matchLabels"]),
                owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs_new["metadata"]["name"], rs_new["metadata"]["uid"]),
                tmpl_spec=new_spec, node_name="worker-1", created=rollout, kubelet=kubelet, host_ip="10.0.1.21",
                pod_ip="10.244.1.47", qos="Burstable",
                state={"containers": {"web": {"reason": "ErrImagePull", "message": cause}}})
    S.add(p)
    S.add_events(k8s.pull_failure_events(ctx, p, container_name="web", image=new_image, failed_message=cause,
                                         node_name="worker-1", kubelet=kubelet, start=rollout, now=S.now, attempts=4,
                                         waiting="ErrImagePull"))
    S.meta = {
        "description": "A rollout of Deployment shop/web to a tag that was never pushed. The repository exists in the "
                       "open registry (v2.0 is served and still runs in the old ReplicaSet), only the new tag is "
                       "missing. containerd 1.7 reports any 404 on the manifest as 'not found' (gRPC NotFound, which "
                       "kubelet 1.29 keeps as a prefix), so the probe is what tells a missing tag from a missing "
                       "repository.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "web"),
        "alert": alert("KubeContainerWaiting", p, "web", "ErrImagePull"),
        "expect": {"category": "image_not_found", "reason": "tag_not_found"},
        "registry": "open",
        "registrySetup": {"push": [{"repository": "shop/web", "tag": "v2.0"}]},
        "sources": [
            {"what": "containerd NotFound wording for a missing tag, gRPC NotFound prefix kept",
             "quote": 'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/kube-apiserver-amd64:v1.30.0-alpha.1.107_052bce26f4f48b": '
                      'failed to resolve reference "registry.k8s.io/kube-apiserver-amd64:v1.30.0-alpha.1.107_052bce26f4f48b": '
                      'registry.k8s.io/kube-apiserver-amd64:v1.30.0-alpha.1.107_052bce26f4f48b: not found',
             "source": "https://github.com/kubernetes-sigs/provider-aws-test-infra/pull/281"},
            {"what": "same wording from a kubelet event (ghcr.io tag not found)",
             "quote": 'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/sympozium-ai/sympozium/llmfit-daemon:v0.10.34": failed to resolve reference "ghcr.io/sympozium-ai/sympozium/llmfit-daemon:v0.10.34": ghcr.io/sympozium-ai/sympozium/llmfit-daemon:v0.10.34: not found',
             "source": "https://github.com/sympozium-ai/sympozium/issues/207"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE, SRC_STRIP_UNKNOWN],
    }
    return S


# ------------------------------------------------------------------------------------------------ 2
def missing_repository():
    S = Scenario("missing-repository", now=D("2026-11-21T14:05:33Z"))
    kubelet = "v1.26.15"
    nss = [("billing", D("2025-12-11T10:40:03Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "node-a1", "containerd-1.6", kubelet, "172.16.4.11", "10.244.2.0/24", D("2025-12-01T08:12:44Z"))])
    default_sas(S, nss, kubelet)
    image = "${REGISTRY_OPEN}/billing/invoice-api:1.8.0"
    cause = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{image}": failed to resolve '
             f'reference "{image}": {image}: not found')
    _, _, pods = failing_deployment(S, ns="billing", name="invoice-api", image=image, container_name="api",
                                    node="node-a1", host_ip="172.16.4.11", kubelet=kubelet,
                                    created=D("2026-11-21T13:52:09Z"), pod_created=D("2026-11-21T13:52:09Z"),
                                    cause=cause, waiting="ImagePullBackOff", ports=[("http", 8000)],
                                    pod_ips=["10.244.2.63"])
    p = pods[0]
    S.meta = {
        "description": "Deployment billing/invoice-api names a repository that does not exist in the open registry "
                       "(the team pushed billing/invoice-worker but never billing/invoice-api). containerd 1.6 says "
                       "only 'not found'; the registry probe sees NAME_UNKNOWN for the repository.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "api"),
        "alert": alert("KubePodNotReady", p, "api", "ImagePullBackOff"),
        "expect": {"category": "image_not_found", "reason": "repository_not_found"},
        "registry": "open",
        "registrySetup": {"push": [{"repository": "billing/invoice-worker", "tag": "1.8.0"}]},
        "sources": [
            {"what": "containerd NotFound wording (same text for a missing tag and a missing repository)",
             "quote": 'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/kube-apiserver-amd64:v1.30.0-alpha.1.107_052bce26f4f48b": failed to resolve reference "...": ...: not found',
             "source": "https://github.com/kubernetes-sigs/provider-aws-test-infra/pull/281"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 3
def private_image_no_pull_secret():
    S = Scenario("private-image-no-pull-secret", now=D("2026-11-21T08:47:12Z"))
    kubelet = "v1.27.16"
    nss = [("analytics", D("2026-01-19T15:22:40Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "pool-general-7f3k2", "containerd-1.6", kubelet, "10.20.0.14", "10.244.5.0/24",
               D("2026-09-03T12:00:41Z"), instance_type="n2-standard-4")])
    default_sas(S, nss, kubelet)
    image = "acme-analytics/etl-runner:4.2.0"
    full = "docker.io/acme-analytics/etl-runner:4.2.0"
    cause = (f'rpc error: code = Unknown desc = failed to pull and unpack image "{full}": failed to resolve reference '
             f'"{full}": pull access denied, repository does not exist or may require authorization: server message: '
             f'insufficient_scope: authorization failed')
    _, _, pods = failing_deployment(S, ns="analytics", name="etl-runner", image=image, container_name="etl",
                                    node="pool-general-7f3k2", host_ip="10.20.0.14", kubelet=kubelet,
                                    created=D("2026-11-21T08:39:55Z"), pod_created=D("2026-11-21T08:39:55Z"),
                                    cause=cause, waiting="ErrImagePull", pod_ips=["10.244.5.12"])
    p = pods[0]
    S.meta = {
        "description": "A Docker Hub image with no pull secret anywhere (pod spec and ServiceAccount 'default' carry "
                       "none). Docker Hub answers 'pull access denied, repository does not exist or may require "
                       "authorization ... insufficient_scope' both for a private repository and for one that does not "
                       "exist, so from messages alone the honest verdict is auth_or_not_found; the missing pull secret "
                       "is the actionable part. No probe (registry: none).",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "etl"),
        "alert": alert("KubeContainerWaiting", p, "etl", "ErrImagePull"),
        "expect": {"category": "auth_or_not_found", "reason": "no_pull_secret"},
        "registry": "none",
        "sources": [
            {"what": "containerd + Docker Hub, kubelet < 1.28 (Unknown prefix kept), kubectl describe events",
             "quote": 'Failed to pull image "someone/non-existent-image:1234": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/someone/non-existent-image:1234": failed to resolve reference "docker.io/someone/non-existent-image:1234": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
             "source": "Spacelift worker-pool troubleshooting docs (public file, found by find_string id 35970667951)"},
            {"what": "same wording from containerd for a Docker Hub repository that exists but is private",
             "quote": 'failed to resolve reference "docker.io/hystax/deactivatorg:2025051201-public": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
             "source": "https://github.com/hystax/optscale/issues/661"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 4
def no_basic_auth_cause(image, kubelet):
    msg = (f'failed to pull and unpack image "{image}": failed to resolve reference "{image}": pull access denied, '
           f'repository does not exist or may require authorization: authorization failed: no basic auth credentials')
    return msg if k8s.kubelet_minor(kubelet) >= 28 else "rpc error: code = Unknown desc = " + msg


SRC_NO_BASIC_AUTH = {
    "what": "containerd against a registry:2 with htpasswd auth and no matching credentials (kind lab, kubelet >= 1.28 so no Unknown prefix)",
    "quote": 'Failed to pull image "kind-registry:5000/som-menu:1.0": failed to pull and unpack image "kind-registry:5000/som-menu:1.0": failed to resolve reference "kind-registry:5000/som-menu:1.0": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
    "source": "public Kubernetes Secret lab notes (Thai), LAB 5 'no card' step; found by find_string id 70258348306",
}
SRC_NO_BASIC_AUTH_ECR = {
    "what": "same containerd wording for a registry with basic auth (ECR) when the pull secret is missing",
    "quote": "`Unable to retrieve some image pull secrets (awsecr-cred).` or `pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`",
    "source": "public deployment README (find_string id 42198243232)",
}
SRC_PULL_SECRET_EVENT = {
    "what": "FailedToRetrieveImagePullSecret event text",
    "quote": "Unable to retrieve some image pull secrets (<regcred>); attempting to pull the image may not succeed.",
    "source": "https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/",
}
SRC_401 = {
    "what": "containerd against a registry:2 with htpasswd auth and wrong credentials",
    "quote": 'Failed to pull image "kind-registry:5000/som-menu:1.0": failed to pull and unpack image "kind-registry:5000/som-menu:1.0": failed to resolve reference "kind-registry:5000/som-menu:1.0": unexpected status from HEAD request to http://kind-registry:5000/v2/som-menu/manifests/1.0: 401 Unauthorized',
    "source": "public Kubernetes Secret lab notes (Thai), LAB 5 'wrong card' step; found by find_string id 70258348306",
}


def pull_secret_missing():
    S = Scenario("pull-secret-missing", now=D("2026-11-21T11:12:48Z"))
    ctx, kubelet = S.ctx, "v1.32.4"
    nss = [("payments", D("2026-05-06T07:41:19Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "k8s-worker-03", "containerd-2.0", kubelet, "192.168.50.23", "10.244.3.0/24",
               D("2026-08-18T09:31:05Z"))])
    default_sas(S, nss, kubelet)
    # A secret exists, but under another name than the one the pod asks for.
    S.add(k8s.secret_dockerconfigjson(ctx, "payments", "regcred-2025", D("2026-05-06T07:45:02Z"),
                                      "${REGISTRY_AUTH}", "fixture-user", "fixture-password-not-real",
                                      string_data=True))
    image = "${REGISTRY_AUTH}/payments/ledger:3.1.0"
    cause = no_basic_auth_cause(image, kubelet)
    pc = D("2026-11-21T11:03:30Z")
    _, _, pods = failing_deployment(S, ns="payments", name="ledger", image=image, container_name="ledger",
                                    node="k8s-worker-03", host_ip="192.168.50.23", kubelet=kubelet, created=pc,
                                    pod_created=pc, cause=cause, waiting="ImagePullBackOff",
                                    image_pull_secrets=["regcred"], pod_ips=["10.244.3.88"])
    p = pods[0]
    S.add_events([k8s.pod_event(ctx, p, reason="FailedToRetrieveImagePullSecret",
                                message="Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.",
                                etype="Warning", first=pc + dt.timedelta(seconds=2), last=S.now - dt.timedelta(seconds=9),
                                count=31, node_name="k8s-worker-03", kubelet=kubelet)])
    S.meta = {
        "description": "Pod payments/ledger-* lists imagePullSecrets [regcred], but no Secret 'regcred' exists in the "
                       "namespace (only 'regcred-2025'). The kubelet says so in a FailedToRetrieveImagePullSecret "
                       "event, then pulls anonymously and the auth registry refuses: containerd reports 'no basic auth "
                       "credentials'. kubelet 1.32: no Unknown prefix, and the back-off message carries the last error.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "ledger"),
        "alert": alert("PullDoctorImagePullFailing", p, "ledger", "ImagePullBackOff", severity="critical"),
        "expect": {"category": "registry_auth", "reason": "pull_secret_missing"},
        "registry": "auth",
        "sources": [SRC_PULL_SECRET_EVENT, SRC_NO_BASIC_AUTH, SRC_NO_BASIC_AUTH_ECR, SRC_STRIP_UNKNOWN,
                    SRC_BACKOFF_WITH_ERROR, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 5
def pull_secret_wrong_registry():
    S = Scenario("pull-secret-wrong-registry", now=D("2026-11-21T16:31:05Z"))
    ctx, kubelet = S.ctx, "v1.30.6"
    nss = [("catalog", D("2026-02-14T13:10:22Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-2", "containerd-1.7", kubelet, "10.0.1.22", "10.244.2.0/24", D("2026-02-27T11:02:31Z"))])
    default_sas(S, nss, kubelet)
    S.add(k8s.secret_dockerconfigjson(ctx, "catalog", "catalog-pull", D("2026-02-14T13:11:40Z"),
                                      "registry.example.com", "catalog-ci", "fixture-token-not-real"))
    image = "${REGISTRY_AUTH}/catalog/search:5.0.2"
    cause = no_basic_auth_cause(image, kubelet)
    _, _, pods = failing_deployment(S, ns="catalog", name="search", image=image, container_name="search",
                                    node="worker-2", host_ip="10.0.1.22", kubelet=kubelet,
                                    created=D("2026-11-21T16:22:14Z"), pod_created=D("2026-11-21T16:22:14Z"),
                                    cause=cause, waiting="ErrImagePull", image_pull_secrets=["catalog-pull"],
                                    pod_ips=["10.244.2.140"])
    p = pods[0]
    S.meta = {
        "description": "The pull secret exists and has the right type, but its only auths entry is for "
                       "registry.example.com while the image lives on the auth registry (${REGISTRY_AUTH}). The "
                       "kubelet finds no credentials for that host and pulls anonymously; containerd reports 'no "
                       "basic auth credentials'.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "search"),
        "alert": alert("KubeContainerWaiting", p, "search", "ErrImagePull"),
        "expect": {"category": "registry_auth", "reason": "pull_secret_wrong_registry"},
        "registry": "auth",
        "sources": [SRC_NO_BASIC_AUTH, SRC_NO_BASIC_AUTH_ECR, SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT,
                    SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 6
def credentials_rejected():
    S = Scenario("credentials-rejected", now=D("2026-11-21T21:02:37Z"))
    ctx, kubelet = S.ctx, "v1.32.4"
    nss = [("orders", D("2026-04-22T08:03:11Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "k8s-worker-01", "containerd-2.0", kubelet, "192.168.50.21", "10.244.1.0/24",
               D("2026-08-18T09:29:44Z"))])
    default_sas(S, nss, kubelet)
    S.add(k8s.service_account(ctx, "orders", "orders-app", D("2026-04-22T08:05:00Z"), image_pull_secrets=["orders-registry"]))
    S.add(k8s.secret_dockerconfigjson(ctx, "orders", "orders-registry", D("2026-04-22T08:04:31Z"), "${REGISTRY_AUTH}",
                                      "orders-ci", "rotated-away-password-not-real", string_data=True))
    image = "${REGISTRY_AUTH}/orders/checkout:7.4.1"
    cause = (f'failed to pull and unpack image "{image}": failed to resolve reference "{image}": unexpected status from '
             f'HEAD request to http://${{REGISTRY_AUTH}}/v2/orders/checkout/manifests/7.4.1: 401 Unauthorized')
    # The ServiceAccount admission plugin copies the SA's imagePullSecrets into the pod spec.
    _, _, pods = failing_deployment(S, ns="orders", name="checkout", image=image, container_name="checkout",
                                    node="k8s-worker-01", host_ip="192.168.50.21", kubelet=kubelet,
                                    created=D("2026-07-01T12:00:00Z"), pod_created=D("2026-11-21T20:51:02Z"),
                                    cause=cause, waiting="ImagePullBackOff", service_account="orders-app",
                                    sa_pull_secrets=["orders-registry"], pod_ips=["10.244.1.203"], revision=7)
    p = pods[0]
    S.meta = {
        "description": "ServiceAccount orders/orders-app carries imagePullSecrets [orders-registry]; the secret is well "
                       "formed and keyed to the auth registry, but its password was rotated away. The registry answers "
                       "401 to the credentials the kubelet sends (containerd: 'unexpected status from HEAD request ... "
                       "401 Unauthorized'). The probe with the secret's credentials gets 401 too.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "checkout"),
        "alert": alert("PullDoctorImagePullFailing", p, "checkout", "ImagePullBackOff", severity="critical"),
        "expect": {"category": "registry_auth", "reason": "credentials_rejected"},
        "registry": "auth",
        "sources": [SRC_401, {"what": "same containerd status wording from ECR (403) with kubelet >= 1.28",
                              "quote": 'failed to resolve reference "1234567890.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:1.2.1": unexpected status from HEAD request to https:/"1234567890.dkr.ecr.us-west-2.amazonaws.com/v2/retail-sample-app-ui/manifests/1.2.1: 403 Forbidden',
                              "source": "public EKS workshop notes (find_string id 52341101701)"},
                    SRC_STRIP_UNKNOWN, SRC_BACKOFF_WITH_ERROR, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 7
def dns_failure():
    S = Scenario("dns-failure", now=D("2026-11-21T05:18:22Z"))
    ctx, kubelet = S.ctx, "v1.29.8"
    nss = [("inventory", D("2026-06-30T17:45:00Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-1", "containerd-1.7", kubelet, "10.0.1.21", "10.244.1.0/24", D("2026-02-27T11:02:10Z"))])
    default_sas(S, nss, kubelet)
    S.add(k8s.secret_dockerconfigjson(ctx, "inventory", "corp-registry", D("2026-06-30T17:46:12Z"),
                                      "registry.corp.example.com", "inventory-bot", "fixture-password-not-real"))
    image = "registry.corp.example.com/inventory/stock-sync:2.0.0"
    cause = (f'failed to pull and unpack image "{image}": failed to resolve reference "{image}": failed to do request: '
             f'Head "https://registry.corp.example.com/v2/inventory/stock-sync/manifests/2.0.0": dial tcp: lookup '
             f'registry.corp.example.com on 10.0.0.2:53: no such host')
    _, _, pods = failing_deployment(S, ns="inventory", name="stock-sync", image=image, container_name="sync",
                                    node="worker-1", host_ip="10.0.1.21", kubelet=kubelet,
                                    created=D("2026-11-21T05:09:51Z"), pod_created=D("2026-11-21T05:09:51Z"),
                                    cause=cause, waiting="ImagePullBackOff", image_pull_secrets=["corp-registry"],
                                    pod_ips=["10.244.1.92"])
    p = pods[0]
    S.meta = {
        "description": "The node's resolver cannot resolve the registry host (containerd: 'dial tcp: lookup ... no such "
                       "host'). Credentials are present and irrelevant. Decided from the message; a probe from this "
                       "machine would also fail name resolution.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "sync"),
        "alert": alert("KubeContainerWaiting", p, "sync", "ImagePullBackOff"),
        "expect": {"category": "network", "reason": "dns"},
        "registry": "none",
        "sources": [
            {"what": "containerd resolve failure on DNS, kubelet >= 1.28 form",
             "quote": 'failed to pull image \\"rancher/pause:3.1\\": failed to pull and unpack image \\"docker.io/rancher/pause:3.1\\": failed to resolve reference \\"docker.io/rancher/pause:3.1\\": failed to do request: Head \\"https://registry-1.docker.io/v2/rancher/pause/manifests/3.1\\": dial tcp: lookup registry-1.docker.io: no such host',
             "source": "public NixOS k3s test notes (find_string id 13623193090)"},
            {"what": "Go resolver wording naming the DNS server ('lookup HOST on IP:53: no such host')",
             "quote": "dial tcp: lookup my-registry.foo.bar on 192.168.64.1:53: no such host",
             "source": "https://github.com/kubernetes/minikube/issues/6354"},
            SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 8
def connection_timeout():
    S = Scenario("connection-timeout", now=D("2026-11-21T10:06:40Z"))
    ctx, kubelet = S.ctx, "v1.27.16"
    nss = [("reporting", D("2026-01-08T09:00:31Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "aks-nodepool1-31718369-vmss000002", "containerd-1.6", kubelet, "10.224.0.6", "10.244.0.0/24",
               D("2026-07-14T06:22:18Z"), instance_type="Standard_D4s_v5",
               extra_labels={"topology.kubernetes.io/region": "westeurope"})])
    default_sas(S, nss, kubelet)
    S.add(k8s.secret_dockercfg(ctx, "reporting", "acr-pull", D("2026-01-08T09:02:00Z"), "myregistry.azurecr.io",
                               "00000000-0000-0000-0000-000000000000", "fixture-password-not-real",
                               "reporting@example.com"))
    image = "myregistry.azurecr.io/reporting/pdf-render:1.12.3"
    cause = (f'rpc error: code = Unknown desc = failed to pull and unpack image "{image}": failed to resolve reference '
             f'"{image}": failed to do request: Head "https://myregistry.azurecr.io/v2/reporting/pdf-render/manifests/1.12.3": '
             f'dial tcp 203.0.113.47:443: connect: connection timed out')
    _, _, pods = failing_deployment(S, ns="reporting", name="pdf-render", image=image, container_name="render",
                                    node="aks-nodepool1-31718369-vmss000002", host_ip="10.224.0.6", kubelet=kubelet,
                                    created=D("2026-11-21T09:51:17Z"), pod_created=D("2026-11-21T09:51:17Z"),
                                    cause=cause, waiting="ImagePullBackOff", image_pull_secrets=["acr-pull"],
                                    pod_ips=["10.244.0.31"])
    p = pods[0]
    S.meta = {
        "description": "The node reaches DNS but the TCP connection to the registry times out (egress blocked). The "
                       "pull secret is a legacy kubernetes.io/dockercfg secret for the right host, so auth is not the "
                       "issue. kubelet 1.27: the gRPC Unknown prefix is still there.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "render"),
        "alert": alert("KubePodNotReady", p, "render", "ImagePullBackOff"),
        "expect": {"category": "network", "reason": "timeout"},
        "registry": "none",
        "sources": [
            {"what": "containerd connect timeout, gRPC Unknown prefix",
             "quote": 'rpc error: code = Unknown desc = failed to pull and unpack image \\"registry.k8s.io/kube-proxy:v1.28.2\\": failed to resolve reference \\"registry.k8s.io/kube-proxy:v1.28.2\\": failed to do request: Head \\"https://registry.k8s.io/v2/kube-proxy/manifests/v1.28.2\\": dial tcp 34.96.108.209:443: connect: connection timed out',
             "source": "https://github.com/kubernetes/kubeadm/issues/2936"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 9
def untrusted_tls():
    S = Scenario("untrusted-tls", now=D("2026-11-21T13:37:02Z"))
    kubelet = "v1.29.4"
    nss = [("gateway", D("2026-03-19T11:25:16Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "edge-worker-1", "containerd-1.7", kubelet, "10.10.8.31", "10.42.1.0/24", D("2026-03-18T16:44:09Z"))])
    default_sas(S, nss, kubelet)
    image = "${REGISTRY_TLS}/gateway/edge-proxy:1.25.3"
    cause = (f'failed to pull and unpack image "{image}": failed to resolve reference "{image}": failed to do request: '
             f'Head "https://${{REGISTRY_TLS}}/v2/gateway/edge-proxy/manifests/1.25.3": tls: failed to verify '
             f'certificate: x509: certificate signed by unknown authority')
    _, _, pods = failing_deployment(S, ns="gateway", name="edge-proxy", image=image, container_name="proxy",
                                    node="edge-worker-1", host_ip="10.10.8.31", kubelet=kubelet,
                                    created=D("2026-11-21T13:29:45Z"), pod_created=D("2026-11-21T13:29:45Z"),
                                    cause=cause, waiting="ImagePullBackOff", pod_ips=["10.42.1.77"],
                                    ports=[("https", 8443)])
    p = pods[0]
    S.meta = {
        "description": "The registry serves a certificate from a private CA the node does not trust (containerd: 'tls: "
                       "failed to verify certificate: x509: certificate signed by unknown authority'). The TLS test "
                       "registry uses a self-signed certificate, so the probe sees the same failure.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "proxy"),
        "alert": alert("KubeContainerWaiting", p, "proxy", "ImagePullBackOff"),
        "expect": {"category": "tls", "reason": "unknown_authority"},
        "registry": "tls",
        "sources": [
            {"what": "containerd 1.7 / kubelet 1.29 (rke2 v1.29.4) untrusted certificate",
             "quote": 'Failed to pull image "pvt-registry.com/nginx:latest": failed to pull and unpack image "pvt-registry.com/nginx:latest": failed to resolve reference "pvt-registry.com/nginx:latest": failed to do request: Head "https://pvt-registry.com/v2/nginx/manifests/latest": tls: failed to verify certificate: x509: certificate signed by unknown authority',
             "source": "https://github.com/rancher/rke2/issues/5658"},
            SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 10
def dockerhub_rate_limit():
    S = Scenario("dockerhub-rate-limit", now=D("2026-11-21T17:55:20Z"))
    kubelet = "v1.27.16"
    nss = [("search", D("2026-02-02T12:12:12Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "ocp-worker-b2", "cri-o-1.27", kubelet, "10.12.0.52", "10.128.2.0/23", D("2026-05-11T03:17:40Z"))])
    default_sas(S, nss, kubelet)
    image = "docker.io/library/redis:7.2.4"
    cause = ('rpc error: code = Unknown desc = reading manifest 7.2.4 in docker.io/library/redis: toomanyrequests: You '
             'have reached your pull rate limit. You may increase the limit by authenticating and upgrading: '
             'https://www.docker.com/increase-rate-limit')
    _, _, pods = failing_deployment(S, ns="search", name="redis-cache", image=image, container_name="redis",
                                    node="ocp-worker-b2", host_ip="10.12.0.52", kubelet=kubelet,
                                    created=D("2026-11-21T17:47:03Z"), pod_created=D("2026-11-21T17:47:03Z"),
                                    cause=cause, waiting="ErrImagePull", pod_ips=["10.128.2.44"],
                                    ports=[("redis", 6379)])
    p = pods[0]
    S.meta = {
        "description": "Anonymous pulls from Docker Hub over the hourly quota. CRI-O (containers/image) wording "
                       "'reading manifest TAG in REPO: toomanyrequests: You have reached your pull rate limit...'; "
                       "kubelet 1.27 keeps the Unknown prefix. Decided from the message.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "redis"),
        "alert": alert("KubeContainerWaiting", p, "redis", "ErrImagePull"),
        "expect": {"category": "rate_limited", "reason": "registry_rate_limit"},
        "registry": "none",
        "sources": [
            {"what": "CRI-O kubelet event for the Docker Hub pull rate limit",
             "quote": 'Failed to pull image "perl": rpc error: code = Unknown desc = reading manifest latest in docker.io/library/perl: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
             "source": "mirrored GitHub issue by @ArangoGutierrez, 2022-02-21, label kind/test (find_string id 53617728942)"},
            {"what": "same containers/image wording from an OpenShift build",
             "quote": "Error reading manifest latest in docker.io/library/golang: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit",
             "source": "https://github.com/openshift/release/pull/17936"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 11
def node_disk_pressure():
    S = Scenario("node-disk-pressure", now=D("2026-11-21T03:44:10Z"))
    ctx, kubelet = S.ctx, "v1.23.17"
    nss = [("media", D("2025-10-09T10:10:10Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "gpu-node-4", "docker-20.10", kubelet, "10.30.2.14", "10.244.4.0/24", D("2025-10-01T07:55:30Z"),
               ephemeral_ki=51286496, disk_pressure_since=D("2026-11-21T03:31:52Z"))])
    default_sas(S, nss, kubelet, token_secrets=True)
    image = "registry.example.com/media/transcoder:6.0.1"
    cause = ('rpc error: code = Unknown desc = failed to register layer: Error processing tar file(exit status 1): '
             'write /opt/transcoder/lib/libavcodec.so.60.31.102: no space left on device')
    _, _, pods = failing_deployment(S, ns="media", name="transcoder", image=image, container_name="transcoder",
                                    node="gpu-node-4", host_ip="10.30.2.14", kubelet=kubelet,
                                    created=D("2026-11-21T03:29:40Z"), pod_created=D("2026-11-21T03:29:40Z"),
                                    cause=cause, waiting="ImagePullBackOff", pod_ips=["10.244.4.19"],
                                    resources={"limits": {"memory": "8Gi"}, "requests": {"cpu": "2", "memory": "4Gi"}})
    p = pods[0]
    n = nodes[0]
    S.add_events([
        k8s.node_event(ctx, n, reason="FreeDiskSpaceFailed",
                       message="failed to garbage collect required amount of images. Wanted to free 4783028633 bytes, but freed 0 bytes",
                       etype="Warning", first=D("2026-11-21T03:32:30Z"), last=D("2026-11-21T03:42:30Z"), count=3,
                       kubelet=kubelet),
        k8s.node_event(ctx, n, reason="ImageGCFailed",
                       message="failed to garbage collect required amount of images. Wanted to free 4783028633 bytes, but freed 0 bytes",
                       etype="Warning", first=D("2026-11-21T03:32:30Z"), last=D("2026-11-21T03:42:30Z"), count=3,
                       kubelet=kubelet),
        k8s.node_event(ctx, n, reason="NodeHasDiskPressure", message="Node gpu-node-4 status is now: NodeHasDiskPressure",
                       etype="Normal", first=D("2026-11-21T03:31:52Z"), last=D("2026-11-21T03:31:52Z"), count=1,
                       kubelet=kubelet),
    ])
    S.meta = {
        "description": "The pod was scheduled just before the node ran out of image-filesystem space; the layer "
                       "extraction fails with 'no space left on device' (Docker 20.10 under dockershim, kubelet 1.23), "
                       "the node reports DiskPressure=True with the disk-pressure taint, and image GC cannot free "
                       "anything. Decided from the message plus the node condition.",
        "runtime": runtime_meta(n),
        "pod": pod_ref(p, "transcoder"),
        "alert": alert("KubePodNotReady", p, "transcoder", "ImagePullBackOff"),
        "expect": {"category": "disk_pressure", "reason": "node_disk_pressure"},
        "registry": "none",
        "sources": [
            {"what": "Docker (dockershim) layer extraction failing on a full disk",
             "quote": 'Failed to pull image "CENSORED": rpc error: code = Unknown desc = failed to register layer: Error processing tar file(exit status 1): write /tableau-server-CENSORED.rpm: no space left on device',
             "source": "https://github.com/tableau/tableau-server-in-kubernetes/issues/14"},
            {"what": "kubelet image GC failure wording (pre-1.29 form)",
             "quote": "failed to garbage collect required amount of images. Wanted to free 473842483 bytes, but freed 0 bytes",
             "source": "https://github.com/kubernetes/kubernetes/issues/71869"},
            {"what": "FreeDiskSpaceFailed / ImageGCFailed kubelet node events",
             "quote": "Warning  FreeDiskSpaceFailed ... Warning  ImageGCFailed ... Failed to garbage collect required amount of images.",
             "source": "https://github.com/llmos-ai/llmos/issues/21"},
            SRC_NODE_CONDITIONS, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 12
def arm64_node_amd64_image():
    S = Scenario("arm64-node-amd64-image", now=D("2026-11-21T12:20:55Z"))
    kubelet = "v1.30.6"
    nss = [("ml", D("2026-07-07T07:07:07Z"))]
    nname = "ip-10-0-12-34.eu-west-1.compute.internal"
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, nname, "containerd-1.7", "v1.30.6", "10.0.12.34", "10.0.12.0/24", D("2026-10-30T05:12:00Z"),
               arch="arm64", os_image="Amazon Linux 2023.6.20241031", kernel="6.1.112-124.190.amzn2023.aarch64",
               instance_type="m7g.xlarge", memory_ki=15896972,
               extra_labels={"topology.kubernetes.io/region": "eu-west-1", "topology.kubernetes.io/zone": "eu-west-1b",
                             "eks.amazonaws.com/nodegroup": "graviton"})])
    default_sas(S, nss, kubelet)
    image = "ghcr.io/acme-ml/feature-store:0.9.3"
    cause = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{image}": no match for platform in '
             f'manifest: not found')
    _, _, pods = failing_deployment(S, ns="ml", name="feature-store", image=image, container_name="feature-store",
                                    node=nname, host_ip="10.0.12.34", kubelet=kubelet,
                                    created=D("2026-11-21T12:12:40Z"), pod_created=D("2026-11-21T12:12:40Z"),
                                    cause=cause, waiting="ImagePullBackOff", pod_ips=["10.0.12.201"])
    p = pods[0]
    S.meta = {
        "description": "An arm64 (Graviton) node pulling an image whose index only has linux/amd64. containerd: "
                       "'no match for platform in manifest: not found' with gRPC NotFound (kept by kubelet 1.30). "
                       "The node's status.nodeInfo.architecture is arm64.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "feature-store"),
        "alert": alert("KubeContainerWaiting", p, "feature-store", "ImagePullBackOff"),
        "expect": {"category": "platform_mismatch", "reason": "no_matching_platform"},
        "registry": "none",
        "sources": [
            {"what": "containerd kubelet event, no platform match",
             "quote": 'Failed to pull image "foundationdb/fdb-kubernetes-operator:v2.6.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/foundationdb/fdb-kubernetes-operator:v2.6.0": no match for platform in manifest: not found',
             "source": "https://github.com/FoundationDB/fdb-kubernetes-operator/issues/2294"},
            {"what": "same wording for a ghcr.io image with only an arm64 entry",
             "quote": 'Failed to pull image "ghcr.io/kubewarden/kubewarden-controller:latest": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/kubewarden/kubewarden-controller:latest": no match for platform in manifest: not found',
             "source": "https://github.com/kubewarden/adm-controller/issues/1378"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 13
def scheme_in_reference():
    S = Scenario("scheme-in-reference", now=D("2026-11-21T09:33:44Z"))
    ctx, kubelet = S.ctx, "v1.28.13"
    nss = [("frontend", D("2026-04-04T04:04:04Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-3", "containerd-1.7", kubelet, "10.0.1.23", "10.244.3.0/24", D("2026-02-27T11:03:02Z"))])
    default_sas(S, nss, kubelet)
    image = "https://registry.example.com/frontend/storefront:3.2.0"
    msg = (f'Failed to apply default image tag "{image}": couldn\'t parse image reference "{image}": invalid reference '
           f'format')
    c = k8s.container("storefront", image, ports=[("http", 3000)], pull_policy="IfNotPresent")
    tspec = k8s.template_spec([c])
    dep = k8s.deployment(ctx, "frontend", "storefront", created=D("2026-11-21T09:25:10Z"), replicas=1,
                         labels={"app": "storefront"}, tmpl_spec=tspec)
    h = k8s.pod_template_hash(ctx, "sf")
    rs = k8s.replicaset(ctx, dep, tmpl_hash=h, created=D("2026-11-21T09:25:10Z"), replicas=1, revision=1, tmpl_spec=tspec)
    k8s.deployment_status(dep, replicas=1, updated=1, ready=0, available=0, rs_name=rs["metadata"]["name"],
                          since=D("2026-11-21T09:25:10Z"), progressing_reason="ReplicaSetUpdated")
    pname = f'{rs["metadata"]["name"]}-{ctx.suffix(5)}'
    p = k8s.pod(ctx, ns="frontend", name=pname, generate_name=rs["metadata"]["name"] + "-",
                labels=dict(rs["spec"]["selector"]["matchLabels"]),
                owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs["metadata"]["name"], rs["metadata"]["uid"]),
                tmpl_spec=tspec, node_name="worker-3", created=D("2026-11-21T09:25:10Z"), kubelet=kubelet,
                host_ip="10.0.1.23", pod_ip="10.244.3.58",
                state={"containers": {"storefront": {"reason": "InvalidImageName", "message": msg}}})
    S.add(dep, rs, p)
    S.add_events(k8s.single_reason_events(ctx, p, container_name="storefront", reason="InspectFailed", message=msg,
                                          error_reason="InvalidImageName", node_name="worker-3", kubelet=kubelet,
                                          start=D("2026-11-21T09:25:10Z"), now=S.now))
    S.meta = {
        "description": "The image field carries a URL scheme ('https://'), which is not part of an image reference. "
                       "The kubelet rejects it before any pull: waiting reason InvalidImageName, event reason "
                       "InspectFailed, no Pulling event. Decided from the reference alone.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "storefront"),
        "alert": alert("PullDoctorImagePullFailing", p, "storefront", "InvalidImageName"),
        "expect": {"category": "invalid_reference", "reason": "scheme_in_reference"},
        "registry": "none",
        "sources": [
            {"what": "real kubelet events for an https:// image reference",
             "quote": 'Warning  Failed  ... kubelet  Error: InvalidImageName / Warning  InspectFailed ... kubelet  Failed to apply default image tag "https://docker.io/nginx:latest": couldn\'t parse image reference "https://docker.io/nginx:latest": invalid reference format',
             "source": "public runbook 'InvalidImageName' (find_string id 2821080886)"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 14
def never_pull():
    S = Scenario("never-pull", now=D("2026-11-21T15:15:15Z"))
    ctx, kubelet = S.ctx, "v1.30.4"
    nss = [("tools", D("2026-09-09T09:09:09Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "crio-worker-2", "cri-o-1.30", kubelet, "10.40.0.12", "10.85.0.0/16", D("2026-09-01T10:20:30Z"))])
    default_sas(S, nss, kubelet)
    image = "localhost/tools/report-builder:dev"
    msg = f'Container image "{image}" is not present with pull policy of Never'
    c = k8s.container("builder", image, pull_policy="Never")
    tspec = k8s.template_spec([c])
    dep = k8s.deployment(ctx, "tools", "report-builder", created=D("2026-11-21T15:06:00Z"), replicas=1,
                         labels={"app": "report-builder"}, tmpl_spec=tspec)
    h = k8s.pod_template_hash(ctx, "rb")
    rs = k8s.replicaset(ctx, dep, tmpl_hash=h, created=D("2026-11-21T15:06:00Z"), replicas=1, revision=1, tmpl_spec=tspec)
    k8s.deployment_status(dep, replicas=1, updated=1, ready=0, available=0, rs_name=rs["metadata"]["name"],
                          since=D("2026-11-21T15:06:00Z"), progressing_reason="ReplicaSetUpdated")
    pname = f'{rs["metadata"]["name"]}-{ctx.suffix(5)}'
    p = k8s.pod(ctx, ns="tools", name=pname, generate_name=rs["metadata"]["name"] + "-",
                labels=dict(rs["spec"]["selector"]["matchLabels"]),
                owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs["metadata"]["name"], rs["metadata"]["uid"]),
                tmpl_spec=tspec, node_name="crio-worker-2", created=D("2026-11-21T15:06:00Z"), kubelet=kubelet,
                host_ip="10.40.0.12", pod_ip="10.85.0.41",
                state={"containers": {"builder": {"reason": "ErrImageNeverPull", "message": msg}}})
    S.add(dep, rs, p)
    S.add_events(k8s.single_reason_events(ctx, p, container_name="builder", reason="ErrImageNeverPull", message=msg,
                                          error_reason="ErrImageNeverPull", node_name="crio-worker-2", kubelet=kubelet,
                                          start=D("2026-11-21T15:06:00Z"), now=S.now))
    S.meta = {
        "description": "imagePullPolicy: Never with an image that was built on a laptop and never loaded onto this "
                       "CRI-O node. The kubelet never contacts a registry.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "builder"),
        "alert": alert("KubeContainerWaiting", p, "builder", "ErrImageNeverPull"),
        "expect": {"category": "never_pull", "reason": "never_pull_not_present"},
        "registry": "none",
        "sources": [
            {"what": "real kubelet events for a missing image with pull policy Never",
             "quote": 'Warning  ErrImageNeverPull  28s  kubelet  Container image "myapp:v1.0" is not present with pull policy of Never / Warning  Failed  28s  kubelet  Error: ErrImageNeverPull',
             "source": "public Kubernetes troubleshooting notes (find_string id 49604673067)"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT],
    }
    return S


# ------------------------------------------------------------------------------------------------ 15
def pull_secret_wrong_type():
    S = Scenario("pull-secret-wrong-type", now=D("2026-11-21T18:40:00Z"))
    ctx, kubelet = S.ctx, "v1.30.6"
    nss = [("warehouse", D("2026-08-08T08:08:08Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-1", "containerd-1.7", kubelet, "10.0.1.21", "10.244.1.0/24", D("2026-02-27T11:02:10Z"))])
    default_sas(S, nss, kubelet)
    # Created with `kubectl create secret generic --from-file=.dockerconfigjson=...` and no --type: type Opaque.
    S.add(k8s.secret_dockerconfigjson(ctx, "warehouse", "warehouse-pull", D("2026-08-08T08:10:00Z"), "${REGISTRY_AUTH}",
                                      "warehouse-ci", "fixture-password-not-real", secret_type="Opaque",
                                      string_data=True))
    image = "${REGISTRY_AUTH}/warehouse/picker:2.2.0"
    cause = no_basic_auth_cause(image, kubelet)
    _, _, pods = failing_deployment(S, ns="warehouse", name="picker", image=image, container_name="picker",
                                    node="worker-1", host_ip="10.0.1.21", kubelet=kubelet,
                                    created=D("2026-11-21T18:31:22Z"), pod_created=D("2026-11-21T18:31:22Z"),
                                    cause=cause, waiting="ImagePullBackOff", image_pull_secrets=["warehouse-pull"],
                                    pod_ips=["10.244.1.120"])
    p = pods[0]
    S.meta = {
        "description": "The pull secret holds a valid-looking .dockerconfigjson for the auth registry, but its type is "
                       "Opaque. The kubelet only reads secrets of type kubernetes.io/dockerconfigjson or "
                       "kubernetes.io/dockercfg, so it sends no credentials and emits no event about it; containerd "
                       "reports 'no basic auth credentials'. reason is pull_secret_malformed (detail: wrong type).",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "picker"),
        "alert": alert("KubeContainerWaiting", p, "picker", "ImagePullBackOff"),
        "expect": {"category": "registry_auth", "reason": "pull_secret_malformed", "detail": "secret type Opaque is ignored by the kubelet"},
        "registry": "auth",
        "sources": [SRC_NO_BASIC_AUTH, SRC_STRIP_UNKNOWN,
                    {"what": "the kubelet keyring only reads secrets whose type is kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg",
                     "source": "https://github.com/kubernetes/kubernetes/blob/master/pkg/credentialprovider/secrets/secrets.go"},
                    SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 16
def rbac_forbids_secrets():
    S = Scenario("rbac-forbids-secrets", now=D("2026-11-21T07:58:31Z"))
    ctx, kubelet = S.ctx, "v1.30.6"
    nss = [("shop", D("2026-03-02T09:14:51Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-2", "containerd-1.7", kubelet, "10.0.1.22", "10.244.2.0/24", D("2026-02-27T11:02:31Z"))])
    default_sas(S, nss, kubelet)
    S.add(k8s.secret_dockerconfigjson(ctx, "shop", "shop-registry", D("2026-03-02T09:20:00Z"), "${REGISTRY_AUTH}",
                                      "shop-ci", "stale-password-not-real", string_data=True))
    image = "${REGISTRY_AUTH}/shop/cart:4.0.0"
    cause = (f'failed to pull and unpack image "{image}": failed to resolve reference "{image}": unexpected status from '
             f'HEAD request to http://${{REGISTRY_AUTH}}/v2/shop/cart/manifests/4.0.0: 401 Unauthorized')
    _, _, pods = failing_deployment(S, ns="shop", name="cart", image=image, container_name="cart", node="worker-2",
                                    host_ip="10.0.1.22", kubelet=kubelet, created=D("2026-11-21T07:49:50Z"),
                                    pod_created=D("2026-11-21T07:49:50Z"), cause=cause, waiting="ImagePullBackOff",
                                    image_pull_secrets=["shop-registry"], pod_ips=["10.244.2.96"])
    p = pods[0]
    S.kubesim = {"forbidden": [{"verb": "get", "resource": "secrets", "namespace": "shop"},
                               {"verb": "list", "resource": "secrets", "namespace": "shop"}]}
    S.meta = {
        "description": "Same failure as credentials-rejected (stale password, registry answers 401), but PullDoctor's "
                       "ServiceAccount may not get or list secrets in 'shop' (kubesim answers 403 Forbidden). The "
                       "diagnosis must still conclude from the event (credentials were sent: 401, not 'no basic auth "
                       "credentials'; no FailedToRetrieveImagePullSecret event, so the secret exists) and must say the "
                       "secret could not be inspected instead of failing.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "cart"),
        "alert": alert("KubeContainerWaiting", p, "cart", "ImagePullBackOff"),
        "expect": {"category": "registry_auth", "reason": "credentials_rejected",
                   "evidence": "secret shop/shop-registry unreadable (403 from the API server)"},
        "registry": "auth",
        "sources": [SRC_401, SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 17
def init_container_pull_failure():
    S = Scenario("init-container-pull-failure", now=D("2026-11-21T22:10:05Z"))
    ctx, kubelet = S.ctx, "v1.30.4"
    nss = [("accounts", D("2026-05-15T15:05:05Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "crio-worker-1", "cri-o-1.30", kubelet, "10.40.0.11", "10.85.0.0/16", D("2026-09-01T10:18:02Z"))])
    default_sas(S, nss, kubelet)
    init_image = "${REGISTRY_OPEN}/accounts/migrate:1.9.9"
    app_image = "${REGISTRY_OPEN}/accounts/api:1.9.9"
    cause = f"reading manifest 1.9.9 in ${{REGISTRY_OPEN}}/accounts/migrate: manifest unknown: manifest unknown"
    init_c = k8s.container("migrate", init_image, args=["migrate", "--to", "latest"])
    app_c = k8s.container("api", app_image, ports=[("http", 8080)])
    tspec = k8s.template_spec([app_c], init_containers=[init_c])
    created = D("2026-11-21T22:01:31Z")
    dep = k8s.deployment(ctx, "accounts", "accounts-api", created=D("2026-06-01T10:00:00Z"), replicas=1,
                         labels={"app": "accounts-api"}, tmpl_spec=tspec, generation=12, annotations_revision="12")
    h = k8s.pod_template_hash(ctx, "acc")
    rs = k8s.replicaset(ctx, dep, tmpl_hash=h, created=created, replicas=1, revision=12, tmpl_spec=tspec)
    k8s.deployment_status(dep, replicas=1, updated=1, ready=0, available=0, rs_name=rs["metadata"]["name"],
                          since=created, progressing_reason="ReplicaSetUpdated")
    pname = f'{rs["metadata"]["name"]}-{ctx.suffix(5)}'
    p = k8s.pod(ctx, ns="accounts", name=pname, generate_name=rs["metadata"]["name"] + "-",
                labels=dict(rs["spec"]["selector"]["matchLabels"]),
                owner=k8s.owner_ref("apps/v1", "ReplicaSet", rs["metadata"]["name"], rs["metadata"]["uid"]),
                tmpl_spec=tspec, node_name="crio-worker-1", created=created, kubelet=kubelet, host_ip="10.40.0.11",
                pod_ip="10.85.0.73",
                state={"init": {"migrate": {"reason": "ImagePullBackOff",
                                            "message": waiting_message("ImagePullBackOff", init_image, cause, kubelet)}},
                       "containers": {"api": {"reason": "PodInitializing"}}})
    S.add(dep, rs, p)
    S.add_events(k8s.pull_failure_events(ctx, p, container_name="migrate", image=init_image, failed_message=cause,
                                         node_name="crio-worker-1", kubelet=kubelet, start=created, now=S.now,
                                         attempts=4, init=True))
    S.meta = {
        "description": "The init container 'migrate' points at a tag that was never pushed (1.9.8 exists); the app "
                       "container waits in PodInitializing. CRI-O (containers/image) wording 'reading manifest TAG in "
                       "REPO: manifest unknown: manifest unknown'; kubelet 1.30 strips the Unknown prefix. The failing "
                       "container is found in status.initContainerStatuses and the events use "
                       "fieldPath spec.initContainers{migrate}.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "migrate"),
        "alert": alert("KubeContainerWaiting", p, "migrate", "ImagePullBackOff"),
        "expect": {"category": "image_not_found", "reason": "tag_not_found"},
        "registry": "open",
        "registrySetup": {"push": [{"repository": "accounts/migrate", "tag": "1.9.8"},
                                   {"repository": "accounts/api", "tag": "1.9.9"}]},
        "sources": [
            {"what": "CRI-O kubelet event for a missing tag (OpenShift, registry on a custom port)",
             "quote": 'Failed to pull image "registry.ocp4.example.com:8443/rhel9/mysql-80:1228": rpc error: code = Unknown desc = reading manifest 1228 in registry.ocp4.example.com:8443/rhel9/mysql-80: manifest unknown: manifest unknown',
             "source": "public OpenShift course notes (find_string id 17783414852)"},
            {"what": "same wording against a registry:2 (kind-registry) from containers/image",
             "quote": "reading manifest v4.10s in kind-registry:5000/test-operator/catalog: manifest unknown: manifest unknown",
             "source": "https://github.com/redhat-openshift-ecosystem/community-operators-prod/issues/1089"},
            SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 18
def statefulset_wrong_tag():
    S = Scenario("statefulset-wrong-tag", now=D("2026-11-21T02:22:22Z"))
    ctx, kubelet = S.ctx, "v1.23.17"
    nss = [("data", D("2025-09-20T20:20:20Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "db-node-1", "docker-20.10", kubelet, "10.30.1.11", "10.244.6.0/24", D("2025-09-18T14:00:00Z"))])
    default_sas(S, nss, kubelet, token_secrets=True)
    image = "${REGISTRY_OPEN}/data/postgres:15.4-custom"
    cause = (f"rpc error: code = Unknown desc = Error response from daemon: manifest for {image} not found: manifest "
             f"unknown: manifest unknown")
    labels = {"app": "postgres"}
    c = k8s.container("postgres", image, ports=[("postgres", 5432)],
                      resources={"requests": {"cpu": "500m", "memory": "1Gi"}})
    tspec = k8s.template_spec([c])
    created = D("2025-09-20T20:30:00Z")
    rev = f"postgres-{''.join(ctx.rng.choice('0123456789abcdef') for _ in range(10))}"
    sts = {"apiVersion": "apps/v1", "kind": "StatefulSet",
           "metadata": {"creationTimestamp": k8s.ts(created), "generation": 5, "labels": dict(labels), "name": "postgres",
                        "namespace": "data", "resourceVersion": ctx.next_rv(), "uid": ctx.uid("sts/data/postgres")},
           "spec": {"podManagementPolicy": "OrderedReady", "replicas": 1, "revisionHistoryLimit": 10,
                    "selector": {"matchLabels": dict(labels)}, "serviceName": "postgres",
                    "template": {"metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": tspec},
                    "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"}},
           "status": {"availableReplicas": 0, "collisionCount": 0, "currentReplicas": 1, "currentRevision": rev,
                      "observedGeneration": 5, "replicas": 1, "updateRevision": rev, "updatedReplicas": 1}}
    pc = D("2026-11-21T02:13:58Z")
    p = k8s.pod(ctx, ns="data", name="postgres-0", generate_name="postgres-",
                labels={"app": "postgres", "controller-revision-hash": rev,
                        "statefulset.kubernetes.io/pod-name": "postgres-0"},
                owner=k8s.owner_ref("apps/v1", "StatefulSet", "postgres", sts["metadata"]["uid"]), tmpl_spec=tspec,
                node_name="db-node-1", created=pc, kubelet=kubelet, host_ip="10.30.1.11", pod_ip="10.244.6.8",
                qos="Burstable",
                state={"containers": {"postgres": {"reason": "ImagePullBackOff",
                                                   "message": waiting_message("ImagePullBackOff", image, cause, kubelet)}}})
    p["spec"]["hostname"] = "postgres-0"
    p["spec"]["subdomain"] = "postgres"
    S.add(sts, p)
    S.add_events(k8s.pull_failure_events(ctx, p, container_name="postgres", image=image, failed_message=cause,
                                         node_name="db-node-1", kubelet=kubelet, start=pc, now=S.now, attempts=4))
    S.meta = {
        "description": "StatefulSet data/postgres was updated to a tag that was never pushed (15.3-custom exists). "
                       "The pod postgres-0 is owned directly by the StatefulSet. Docker 20.10 under dockershim "
                       "(kubelet 1.23) wording: 'Error response from daemon: manifest for IMAGE not found: manifest "
                       "unknown: manifest unknown'.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "postgres"),
        "alert": alert("KubePodNotReady", p, "postgres", "ImagePullBackOff", severity="critical"),
        "expect": {"category": "image_not_found", "reason": "tag_not_found"},
        "registry": "open",
        "registrySetup": {"push": [{"repository": "data/postgres", "tag": "15.3-custom"}]},
        "sources": [
            {"what": "Docker (dockershim) kubelet event for a missing tag",
             "quote": 'Failed to pull image "oamdev/vela-core:0.3.1": rpc error: code = Unknown desc = Error response from daemon: manifest for oamdev/vela-core:0.3.1 not found: manifest unknown: manifest unknown',
             "source": "https://github.com/kubevela/kubevela/pull/981"},
            {"what": "same wording in a container status",
             "quote": "ErrImagePull: rpc error: code = Unknown desc = Error response from daemon: manifest for drainnode/leader:v1.0-rc9 not found: manifest unknown: manifest unknown",
             "source": "https://github.com/mattmattox/drain-node-on-crash/issues/7"},
            SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 19
def cronjob_job_missing_image():
    S = Scenario("cronjob-job-missing-image", now=D("2026-11-21T02:09:41Z"))
    ctx, kubelet = S.ctx, "v1.33.5"
    nss = [("reports", D("2026-10-01T10:01:00Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "k8s-worker-05", "containerd-2.1", kubelet, "192.168.50.25", "10.244.5.0/24",
               D("2026-10-20T08:00:00Z"))])
    default_sas(S, nss, kubelet)
    image = "${REGISTRY_OPEN}/reports/exporter:2026.11"
    cause = (f'rpc error: code = NotFound desc = failed to pull and unpack image "{image}": failed to resolve image: '
             f'{image}: not found')
    c = k8s.container("exporter", image, args=["--since=24h", "--format=csv"])
    tspec = k8s.template_spec([c], restart_policy="OnFailure")
    cj_created = D("2026-11-20T16:40:00Z")
    sched = D("2026-11-21T02:00:00Z")
    job_name = f"nightly-export-{int(sched.timestamp() // 60)}"
    cj_uid = ctx.uid("cronjob/reports/nightly-export")
    job_uid = ctx.uid(f"job/reports/{job_name}")
    cj = {"apiVersion": "batch/v1", "kind": "CronJob",
          "metadata": {"creationTimestamp": k8s.ts(cj_created), "generation": 1, "name": "nightly-export",
                       "namespace": "reports", "resourceVersion": ctx.next_rv(), "uid": cj_uid},
          "spec": {"concurrencyPolicy": "Forbid", "failedJobsHistoryLimit": 1,
                   "jobTemplate": {"metadata": {"creationTimestamp": None},
                                   "spec": {"backoffLimit": 2, "template": {"metadata": {"creationTimestamp": None},
                                                                            "spec": tspec}}},
                   "schedule": "0 2 * * *", "successfulJobsHistoryLimit": 3, "suspend": False},
          "status": {"active": [{"apiVersion": "batch/v1", "kind": "Job", "name": job_name, "namespace": "reports",
                                 "resourceVersion": str(ctx.rv + 7), "uid": job_uid}],
                     "lastScheduleTime": k8s.ts(sched)}}
    job_labels = {"batch.kubernetes.io/controller-uid": job_uid, "batch.kubernetes.io/job-name": job_name,
                  "controller-uid": job_uid, "job-name": job_name}
    job_spec = dict(tspec)
    job = {"apiVersion": "batch/v1", "kind": "Job",
           "metadata": {"annotations": {"batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-11-21T02:00:00Z"},
                        "creationTimestamp": k8s.ts(sched), "generation": 1, "labels": dict(job_labels), "name": job_name,
                        "namespace": "reports",
                        "ownerReferences": [k8s.owner_ref("batch/v1", "CronJob", "nightly-export", cj_uid)],
                        "resourceVersion": ctx.next_rv(), "uid": job_uid},
           "spec": {"backoffLimit": 2, "completionMode": "NonIndexed", "completions": 1, "manualSelector": False,
                    "parallelism": 1, "podReplacementPolicy": "TerminatingOrFailed",
                    "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": job_uid}}, "suspend": False,
                    "template": {"metadata": {"creationTimestamp": None, "labels": dict(job_labels)}, "spec": job_spec}},
           "status": {"active": 1, "ready": 0, "startTime": k8s.ts(sched), "terminating": 0,
                      "uncountedTerminatedPods": {}}}
    pname = f"{job_name}-{ctx.suffix(5)}"
    pc = sched + dt.timedelta(seconds=0)
    p = k8s.pod(ctx, ns="reports", name=pname, generate_name=f"{job_name}-", labels=dict(job_labels),
                owner=k8s.owner_ref("batch/v1", "Job", job_name, job_uid), tmpl_spec=tspec, node_name="k8s-worker-05",
                created=pc, kubelet=kubelet, host_ip="192.168.50.25", pod_ip="10.244.5.61",
                finalizers=["batch.kubernetes.io/job-tracking"],
                state={"containers": {"exporter": {"reason": "ImagePullBackOff",
                                                   "message": waiting_message("ImagePullBackOff", image, cause, kubelet)}}})
    S.add(cj, job, p)
    S.add_events(k8s.pull_failure_events(ctx, p, container_name="exporter", image=image, failed_message=cause,
                                         node_name="k8s-worker-05", kubelet=kubelet, start=pc, now=S.now, attempts=4))
    S.meta = {
        "description": "CronJob reports/nightly-export -> Job nightly-export-<minutes> -> Pod. The exporter image was "
                       "never pushed at all (no reports/exporter repository in the open registry). containerd 2.1 "
                       "wording 'failed to resolve image: IMAGE: not found' with gRPC NotFound, which kubelet 1.33 "
                       "keeps; the back-off message carries the last error (kubelet >= 1.32). The owner chain ends at "
                       "the CronJob.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pod_ref(p, "exporter"),
        "alert": alert("PullDoctorImagePullFailing", p, "exporter", "ImagePullBackOff"),
        "expect": {"category": "image_not_found", "reason": "repository_not_found"},
        "registry": "open",
        "registrySetup": {"push": [{"repository": "reports/archiver", "tag": "2026.10"}]},
        "sources": [
            {"what": "containerd 2.x 'failed to resolve image' wording with NotFound, in a >= 1.32 back-off message",
             "quote": 'Back-off pulling image "registry.k8s.io/networking/kube-network-policies:v1.0.0": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/networking/kube-network-policies:v1.0.0": failed to resolve image: registry.k8s.io/networking/kube-network-policies:v1.0.0: not found',
             "source": "https://github.com/kubernetes-sigs/kube-network-policies/issues/307"},
            SRC_BACKOFF_WITH_ERROR, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


# ------------------------------------------------------------------------------------------------ 20
def mixed_namespace():
    S = Scenario("mixed-namespace", now=D("2026-11-21T19:35:30Z"))
    ctx, kubelet = S.ctx, "v1.30.6"
    nss = [("storefront", D("2026-01-15T12:00:00Z"))]
    nodes = base_cluster(S, namespaces=nss, nodes=[
        worker(S, "worker-1", "containerd-1.7", kubelet, "10.0.1.21", "10.244.1.0/24", D("2026-02-27T11:02:10Z")),
        worker(S, "worker-2", "containerd-1.7", kubelet, "10.0.1.22", "10.244.2.0/24", D("2026-02-27T11:02:31Z"))])
    default_sas(S, nss, kubelet)
    nlist = [("worker-1", "10.0.1.21"), ("worker-2", "10.0.1.22")]
    specs = [
        ("cart", "${REGISTRY_OPEN}/storefront/cart:9.9.9", "cart",
         lambda img: (f'rpc error: code = NotFound desc = failed to pull and unpack image "{img}": failed to resolve '
                      f'reference "{img}": {img}: not found'),
         "ErrImagePull", {"category": "image_not_found", "reason": "tag_not_found"}, "open"),
        ("payments", "${REGISTRY_AUTH}/storefront/payments:3.0.0", "payments",
         lambda img: no_basic_auth_cause(img, kubelet),
         "ImagePullBackOff", {"category": "registry_auth", "reason": "no_pull_secret"}, "auth"),
        ("search", "registry.corp.example.com/storefront/search:1.0.0", "search",
         lambda img: (f'failed to pull and unpack image "{img}": failed to resolve reference "{img}": failed to do '
                      f'request: Head "https://registry.corp.example.com/v2/storefront/search/manifests/1.0.0": dial '
                      f'tcp: lookup registry.corp.example.com on 10.0.0.2:53: no such host'),
         "ImagePullBackOff", {"category": "network", "reason": "dns"}, "none"),
    ]
    pods_meta = []
    alerts = []
    base = D("2026-11-21T19:26:02Z")
    for k, (name, image, cname, cause_fn, waiting, expect, reg) in enumerate(specs):
        pc = base + dt.timedelta(seconds=k * 7)
        _, _, pods = failing_deployment(S, ns="storefront", name=name, image=image, container_name=cname, node=None,
                                        host_ip=None, kubelet=kubelet, created=D("2026-06-01T09:00:00Z"),
                                        pod_created=pc, cause=cause_fn(image), waiting=waiting, replicas=3,
                                        nodes=nlist, pod_ips=[f"10.244.{1 + (i % 2)}.{100 + 10 * k + i}" for i in range(3)],
                                        revision=4)
        for p in pods:
            pods_meta.append({"pod": pod_ref(p, cname), "expect": expect, "registry": reg})
            alerts.append(alert("KubeContainerWaiting", p, cname, waiting))
    S.meta = {
        "description": "Storm-ready: one namespace, three Deployments x 3 replicas, all failing at once for three "
                       "different causes: cart -> missing tag on the open registry, payments -> auth registry with no "
                       "pull secret at all, search -> registry host that does not resolve. Nine alerts arrive "
                       "together; the expected grouping is three incidents (one per owner + image), each with its own "
                       "verdict.",
        "runtime": runtime_meta(nodes[0]),
        "pod": pods_meta[0]["pod"],
        "alert": alerts[0],
        "expect": pods_meta[0]["expect"],
        "registry": "open",
        "registries": ["open", "auth"],
        "registrySetup": {"push": [{"repository": "storefront/cart", "tag": "9.9.8"}]},
        "pods": pods_meta,
        "alerts": alerts,
        "expectIncidents": [
            {"owner": "Deployment/cart", "image": specs[0][1], "category": "image_not_found", "reason": "tag_not_found"},
            {"owner": "Deployment/payments", "image": specs[1][1], "category": "registry_auth", "reason": "no_pull_secret"},
            {"owner": "Deployment/search", "image": specs[2][1], "category": "network", "reason": "dns"}],
        "sources": [
            {"what": "containerd NotFound wording (cart)",
             "quote": 'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/sympozium-ai/sympozium/llmfit-daemon:v0.10.34": failed to resolve reference "...": ...: not found',
             "source": "https://github.com/sympozium-ai/sympozium/issues/207"},
            SRC_NO_BASIC_AUTH,
            {"what": "containerd DNS failure (search)",
             "quote": 'failed to do request: Head \\"https://registry-1.docker.io/v2/rancher/pause/manifests/3.1\\": dial tcp: lookup registry-1.docker.io: no such host',
             "source": "public NixOS k3s test notes (find_string id 13623193090); resolver form from https://github.com/kubernetes/minikube/issues/6354"},
            SRC_STRIP_UNKNOWN, SRC_IMAGE_MANAGER, SRC_ERROR_EVENT, SRC_SEQUENCE],
    }
    return S


ALL = [wrong_tag, missing_repository, private_image_no_pull_secret, pull_secret_missing, pull_secret_wrong_registry,
       credentials_rejected, dns_failure, connection_timeout, untrusted_tls, dockerhub_rate_limit, node_disk_pressure,
       arm64_node_amd64_image, scheme_in_reference, never_pull, pull_secret_wrong_type, rbac_forbids_secrets,
       init_container_pull_failure, statefulset_wrong_tag, cronjob_job_missing_image, mixed_namespace]
