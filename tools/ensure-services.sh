#!/usr/bin/env bash
# Install the services the test suite starts by itself (redis-server), when missing.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing redis-server (needed by the multi-host rate-limit tests)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
else
  echo "redis-server is missing and cannot be installed here; the Redis tests will be skipped" >&2
fi
