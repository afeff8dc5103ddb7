#!/usr/bin/env bash
# Makes sure Debian's Jupyter Notebook (classic, with an IPython kernel) is installed on this host.
# Idempotent: does nothing when `jupyter-notebook` and the ipykernel module are already present.
# Used by GatewayJupyterIT (adapters-http) and by CI before `mvn verify`.
set -euo pipefail

has_notebook() {
  [ -x /usr/bin/jupyter-notebook ] && /usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1
}

if has_notebook; then
  echo "jupyter-notebook already installed: $(/usr/bin/jupyter-notebook --version)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends jupyter-notebook python3-ipykernel
has_notebook
echo "jupyter-notebook installed: $(/usr/bin/jupyter-notebook --version)"
