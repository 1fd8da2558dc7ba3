#!/usr/bin/env python3
"""Pushes a tiny single-platform (linux/amd64) image to a distribution registry with plain HTTP calls:
blob uploads (POST then PUT with the digest) and a manifest PUT, as the OCI distribution spec describes.

Usage: push_image.py REGISTRY REPOSITORY TAG [USER:PASSWORD]
"""
import base64
import gzip
import hashlib
import io
import json
import sys
import tarfile
import urllib.request

registry, repository, tag = sys.argv[1:4]
auth = sys.argv[4] if len(sys.argv) > 4 else None
base = "http://%s/v2/%s" % (registry, repository)


def request(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    return urllib.request.urlopen(req, timeout=10)


def push_blob(data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    location = request("POST", base + "/blobs/uploads/").headers["Location"]
    if location.startswith("/"):
        location = "http://%s%s" % (registry, location)
    separator = "&" if "?" in location else "?"
    request("PUT", location + separator + "digest=" + digest, body=data, headers={"Content-Type": "application/octet-stream"})
    return digest, len(data)


layer_tar = io.BytesIO()
with tarfile.open(fileobj=layer_tar, mode="w") as tar:
    content = ("pulldoctor e2e %s:%s\n" % (repository, tag)).encode()
    info = tarfile.TarInfo("hello.txt")
    info.size = len(content)
    tar.addfile(info, io.BytesIO(content))
layer = gzip.compress(layer_tar.getvalue(), mtime=0)
diff_id = "sha256:" + hashlib.sha256(layer_tar.getvalue()).hexdigest()
layer_digest, layer_size = push_blob(layer)
config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": [diff_id]},
                     "config": {}}).encode()
config_digest, config_size = push_blob(config)
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_size},
                       "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": layer_size}]}).encode()
request("PUT", "%s/manifests/%s" % (base, tag), body=manifest, headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
print("pushed %s/%s:%s" % (registry, repository, tag))
