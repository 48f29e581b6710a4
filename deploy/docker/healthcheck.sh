#!/bin/bash
# Container health check without curl or wget in the image: an HTTP/1.0 GET over bash's
# /dev/tcp, healthy when the first response line says 200.
#   healthcheck.sh <port> <path>
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/$1"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == *" 200 "* ]]
