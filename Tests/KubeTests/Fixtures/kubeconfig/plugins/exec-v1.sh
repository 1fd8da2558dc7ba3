#!/bin/sh
# Test fixture: a fake exec credential plugin answering client.authentication.k8s.io/v1.
# Records each run in $FAKE_PLUGIN_COUNTER and its KUBERNETES_EXEC_INFO in $FAKE_EXEC_INFO_OUT, when set.
if [ -n "$FAKE_PLUGIN_COUNTER" ]; then echo run >> "$FAKE_PLUGIN_COUNTER"; fi
if [ -n "$FAKE_EXEC_INFO_OUT" ]; then printf '%s' "$KUBERNETES_EXEC_INFO" > "$FAKE_EXEC_INFO_OUT"; fi
cat <<JSON
{
  "apiVersion": "client.authentication.k8s.io/v1",
  "kind": "ExecCredential",
  "status": {
    "token": "fake-token-$FAKE_REGION-$1-$2",
    "expirationTimestamp": "${FAKE_EXPIRY:-2099-01-01T00:00:00Z}"
  }
}
JSON
