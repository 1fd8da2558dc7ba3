#!/bin/sh
# Test fixture: a fake exec credential plugin that never answers in time.
echo "fake-plugin: waiting for a browser login (test fixture message)" >&2
exec sleep 20
