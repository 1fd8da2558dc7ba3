#!/usr/bin/env python3
"""Local TLS endpoints for transport tests (loopback only).

Usage: tls_server.py DIR
Generates in DIR a test CA (ca.pem) and serves, each on its own free 127.0.0.1 port, HTTPS with:
  good      a certificate for 127.0.0.1/localhost signed by the CA
  expired   the same names, signed by the CA, expired in 2020
  wrongname a certificate for other.invalid signed by the CA
  selfsigned a self-signed certificate for 127.0.0.1 (not signed by the CA)
and one plain HTTP port:
  plain     HTTP/1.1 200 (for HTTPS-to-HTTP mismatch tests)
Prints one JSON line {"good": port, ...} on stdout, then serves until killed. Every answer is
`200 ok`. These keys are throwaway test keys made at run time.
"""
import datetime
import http.server
import ipaddress
import json
import os
import ssl
import sys
import threading

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
now = datetime.datetime.now(datetime.timezone.utc)


def key():
    return ec.generate_private_key(ec.SECP256R1())


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def cert(subject_key, cn, sans, issuer_key, issuer_name, start, end, ca=False):
    builder = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(issuer_name)
               .public_key(subject_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(end)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write(name_, cert_, key_):
    with open(os.path.join(out, name_ + ".pem"), "wb") as f:
        f.write(cert_.public_bytes(serialization.Encoding.PEM))
    with open(os.path.join(out, name_ + ".key"), "wb") as f:
        f.write(key_.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))


ca_key = key()
ca_cert = cert(ca_key, "PullDoctor Test CA", None, ca_key, name("PullDoctor Test CA"),
               now - datetime.timedelta(days=1), now + datetime.timedelta(days=30), ca=True)
write("ca", ca_cert, ca_key)
local = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
variants = {
    "good": cert(k := key(), "127.0.0.1", local, ca_key, ca_cert.subject,
                 now - datetime.timedelta(days=1), now + datetime.timedelta(days=30))
}
keys = {"good": k}
keys["expired"] = key()
variants["expired"] = cert(keys["expired"], "127.0.0.1", local, ca_key, ca_cert.subject,
                           datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
                           datetime.datetime(2020, 2, 1, tzinfo=datetime.timezone.utc))
keys["wrongname"] = key()
variants["wrongname"] = cert(keys["wrongname"], "other.invalid", [x509.DNSName("other.invalid")], ca_key,
                             ca_cert.subject, now - datetime.timedelta(days=1), now + datetime.timedelta(days=30))
keys["selfsigned"] = key()
variants["selfsigned"] = cert(keys["selfsigned"], "127.0.0.1", local, keys["selfsigned"], name("127.0.0.1"),
                              now - datetime.timedelta(days=1), now + datetime.timedelta(days=30))


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


ports = {}
servers = []
for label, c in variants.items():
    write(label, c, keys[label])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(out, label + ".pem"), os.path.join(out, label + ".key"))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    ports[label] = server.server_address[1]
    servers.append(server)
plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ports["plain"] = plain.server_address[1]
servers.append(plain)
for s in servers:
    threading.Thread(target=s.serve_forever, daemon=True).start()
print(json.dumps(ports), flush=True)
threading.Event().wait()
