#!/bin/sh
# Development only: generate a fresh PKI and signed directory into /pki (unless one is there) and
# sign every shipped agreement with the signing keys of both its parties into /pki/agreements.
set -eu
fedgate() { java -cp "/opt/fedgate/lib/*" org.fedgate.cli.FedgateCli "$@"; }
if [ ! -f /pki/directory.jws ]; then
  fedgate pki init --out /pki \
    --gateway-url TH-CCIB=https://th-gateway:8443/federation/v1 \
    --gateway-url KH-AHTJP=https://kh-gateway:8443/federation/v1 \
    --gateway-url ID-BARESKRIM=https://id-gateway:8443/federation/v1
fi
mkdir -p /pki/agreements
for f in /opt/fedgate/agreements/[A-Z][A-Z]-*.[A-Z][A-Z]-*.json; do
  name=$(basename "$f" .json)            # FROM.TO
  from=${name%%.*}
  to=${name#*.}
  fedgate agreement sign --keystore "/pki/agencies/$from/signing.p12" \
    --keystore "/pki/agencies/$to/signing.p12" --out "/pki/agreements/$name.jws" "$f"
done
chmod -R a+rX /pki
