// OpenSSL from the system (Debian: libssl-dev), for HTTPS.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
