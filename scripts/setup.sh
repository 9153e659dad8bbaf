#!/usr/bin/env bash
# Installs what Pars Reader needs on a Debian machine, only what is missing.
# Used by ./demo.sh and ./test.sh; safe to run again.
set -euo pipefail
PKGS=(maven openjdk-17-jdk-headless libpixelmed-java libpixelmed-imageio-java
      dcmtk dicom3tools python3-pydicom python3-numpy python3-scipy dcm2niix
      xvfb xauth x11-utils imagemagick orthanc orthanc-dicomweb)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
