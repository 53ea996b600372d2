#!/bin/sh
# docker-compose.yml: writes the key pair of the internal tokens and the bootstrap admin key into the shared keys
# volume, once; later runs keep them, so issued tokens and the admin key stay valid across restarts.
set -eu
cd /keys
if [ ! -s internal-token-private.pem ] || [ ! -s internal-token-public.pem ]; then
  # genpkey writes PKCS#8 ("PRIVATE KEY"), pkey -pubout X.509 ("PUBLIC KEY"): what the services read.
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out internal-token-private.pem
  openssl pkey -in internal-token-private.pem -pubout -out internal-token-public.pem
fi
if [ ! -s bootstrap-admin-key ]; then
  secret="$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 40)"
  printf 'chorus_sk_%s\n' "$secret" > bootstrap-admin-key
fi
# The services run as uid 185; the secrets are for them alone.
chown 185 internal-token-private.pem internal-token-public.pem bootstrap-admin-key
chmod 600 internal-token-private.pem bootstrap-admin-key
chmod 644 internal-token-public.pem
