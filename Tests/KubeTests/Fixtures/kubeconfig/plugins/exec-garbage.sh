#!/bin/sh
# Test fixture: a fake exec credential plugin that prints something that is not an ExecCredential.
echo "Token: not-json"
