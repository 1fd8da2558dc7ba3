#!/bin/sh
# Test fixture: a fake exec credential plugin answering client.authentication.k8s.io/v1beta1 with a client
# certificate and key (TEST-ONLY placeholder PEM text, not real keys) and no expiry.
if [ -n "$FAKE_PLUGIN_COUNTER" ]; then echo run >> "$FAKE_PLUGIN_COUNTER"; fi
cat <<'JSON'
{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{},
 "status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\nTEST-ONLY PLUGIN CERT\n-----END CERTIFICATE-----\n",
           "clientKeyData":"-----BEGIN PRIVATE KEY-----\nTEST-ONLY PLUGIN KEY\n-----END PRIVATE KEY-----\n"}}
JSON
