#!/usr/bin/env python3
"""Pushes small one-layer OCI images (linux/amd64) to a plain-HTTP registry with the registry API alone:
blob uploads (POST, then PUT with the digest), then the manifest PUT, as `docker push` does.

Usage: registry_push.py http://127.0.0.1:PORT REPOSITORY:TAG...
"""
import gzip
import hashlib
import io
import json
import sys
import tarfile
import urllib.parse
import urllib.request

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def request(method, url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as response:
        return response.status, response.headers


def push_blob(base, repository, data):
    status, headers = request("POST", "%s/v2/%s/blobs/uploads/" % (base, repository), data=b"")
    location = urllib.parse.urljoin(base, headers["Location"])
    separator = "&" if "?" in location else "?"
    request("PUT", "%s%sdigest=%s" % (location, separator, digest(data)), data=data,
            headers={"Content-Type": "application/octet-stream"})
    return digest(data)


def push_image(base, repository, tag):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        info = tarfile.TarInfo("etc/bench-image")
        content = ("%s:%s\n" % (repository, tag)).encode()
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    layer = gzip.compress(raw.getvalue(), mtime=0)
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": [digest(raw.getvalue())]}}).encode()
    layer_digest = push_blob(base, repository, layer)
    config_digest = push_blob(base, repository, config)
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": len(config)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": len(layer)}],
    }).encode()
    request("PUT", "%s/v2/%s/manifests/%s" % (base, repository, tag), data=manifest, headers={"Content-Type": OCI_MANIFEST})


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for reference in sys.argv[2:]:
        repository, _, tag = reference.rpartition(":")
        push_image(sys.argv[1].rstrip("/"), repository, tag)
    print("pushed %d images to %s" % (len(sys.argv) - 2, sys.argv[1]))
