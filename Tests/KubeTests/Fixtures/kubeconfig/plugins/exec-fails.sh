#!/bin/sh
# Test fixture: a fake exec credential plugin that fails, as a plugin without a login would.
echo "fake-plugin: no cached login for profile test (test fixture message)" >&2
exit 1
