"""Validate every fixture: YAML parses, objects have apiVersion/kind/metadata, uids unique, owner refs resolve,
placeholders are known, and (after substituting placeholders) each object passes kubernetes-validate --strict 1.30."""
import base64, glob, json, os, re, sys, collections
import yaml
import kubernetes_validate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # .generator/.. = clusters/
PLACEHOLDERS = {"${REGISTRY_OPEN}": "127.0.0.1:5001", "${REGISTRY_AUTH}": "127.0.0.1:5002", "${REGISTRY_TLS}": "127.0.0.1:5003"}
CATS = {"registry_auth", "image_not_found", "auth_or_not_found", "network", "tls", "rate_limited", "invalid_reference",
        "platform_mismatch", "disk_pressure", "never_pull", "policy_rejected", "registry_error", "unknown"}
errors = []
def err(msg): errors.append(msg)

def subst(text):
    for k, v in PLACEHOLDERS.items():
        text = text.replace(k, v)
    return text

def objects(doc):
    if doc is None: return []
    if doc.get("kind") == "List": return doc["items"]
    return [doc]

scen_count = 0
obj_count = 0
for folder in sorted(glob.glob(os.path.join(ROOT, "*/"))):
    name = os.path.basename(folder.rstrip("/"))
    scen_count += 1
    files = sorted(glob.glob(folder + "*.yaml"))
    names = {os.path.basename(f) for f in files}
    for need in ("scenario.yaml", "cluster.yaml"):
        if need not in names: err(f"{name}: missing {need}")
    objs = []
    for f in files:
        raw = open(f).read()
        for ph in re.findall(r"\$\{[A-Z_]+\}", raw):
            if ph not in PLACEHOLDERS: err(f"{f}: unknown placeholder {ph}")
        docs = list(yaml.safe_load_all(raw))
        if os.path.basename(f) in ("scenario.yaml", "kubesim.yaml"):
            continue
        for d in docs:
            for o in objects(d):
                for k in ("apiVersion", "kind", "metadata"):
                    if k not in o: err(f"{f}: object without {k}: {str(o)[:80]}")
                objs.append((f, o))
    uids = collections.Counter(o["metadata"].get("uid") for _, o in objs)
    for u, n in uids.items():
        if n > 1: err(f"{name}: uid {u} used {n} times")
        if not u: err(f"{name}: object without uid")
    byuid = {o["metadata"]["uid"]: o for _, o in objs}
    for f, o in objs:
        md = o["metadata"]
        for k in ("name", "resourceVersion", "creationTimestamp"):
            if k not in md: err(f"{f}: {o['kind']} without metadata.{k}")
        for ref in md.get("ownerReferences", []):
            tgt = byuid.get(ref["uid"])
            if not tgt or tgt["kind"] != ref["kind"] or tgt["metadata"]["name"] != ref["name"]:
                err(f"{f}: {o['kind']}/{md['name']} owner {ref['kind']}/{ref['name']} does not resolve")
            for k in ("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"):
                if k not in ref: err(f"{f}: ownerReference without {k}")
        if o["kind"] == "Event":
            io = o["involvedObject"]
            if io["kind"] == "Pod" and io["uid"] not in byuid: err(f"{f}: event {md['name']} for unknown pod uid")
        # Schema validation after placeholder substitution and the API server's stringData -> data move.
        o2 = json.loads(subst(json.dumps(o)))
        if o2["kind"] == "Secret" and "stringData" in o2:
            o2.setdefault("data", {})
            for k, v in o2.pop("stringData").items():
                o2["data"][k] = base64.b64encode(v.encode()).decode()
        if o2["kind"] == "Secret" and o2.get("type") == "kubernetes.io/dockerconfigjson":
            json.loads(base64.b64decode(o2["data"][".dockerconfigjson"]))
        try:
            kubernetes_validate.validate(o2, "1.30", strict=True)
        except kubernetes_validate.ValidationError as e:
            err(f"{f}: {o['kind']}/{md['name']}: {e.message} at {list(e.path)}")
        except Exception as e:
            err(f"{f}: {o['kind']}/{md['name']}: {type(e).__name__}: {e}")
        obj_count += 1
    meta = yaml.safe_load(open(folder + "scenario.yaml"))
    for k in ("description", "pod", "alert", "expect", "registry", "sources"):
        if k not in meta: err(f"{name}: scenario.yaml without {k}")
    if meta["expect"]["category"] not in CATS: err(f"{name}: unknown category {meta['expect']['category']}")
    if meta["registry"] not in ("none", "open", "auth", "tls"): err(f"{name}: bad registry {meta['registry']}")
    pods = {(o["metadata"]["namespace"], o["metadata"]["name"]): o for _, o in objs if o["kind"] == "Pod"}
    targets = [meta["pod"]] + [p["pod"] for p in meta.get("pods", [])]
    for t in targets:
        p = pods.get((t["namespace"], t["name"]))
        if not p: err(f"{name}: scenario pod {t} not in cluster"); continue
        cs = p["status"].get("containerStatuses", []) + p["status"].get("initContainerStatuses", [])
        c = [s for s in cs if s["name"] == t["container"]]
        if not c or "waiting" not in c[0]["state"]: err(f"{name}: container {t['container']} not waiting")
    a = meta["alert"]
    if a["pod"] != meta["pod"]["name"] or a["namespace"] != meta["pod"]["namespace"]: err(f"{name}: alert/pod mismatch")
    for s in meta["sources"]:
        if "source" not in s or "what" not in s: err(f"{name}: source entry incomplete {s}")
    if os.path.exists(folder + "kubesim.yaml"):
        ks = yaml.safe_load(open(folder + "kubesim.yaml"))
        for fb in ks.get("forbidden", []):
            if fb["verb"] not in ("get", "list", "watch") or not fb.get("resource"): err(f"{name}: bad forbidden {fb}")

print(f"{scen_count} scenarios, {obj_count} objects validated (kubernetes 1.30, strict)")
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
