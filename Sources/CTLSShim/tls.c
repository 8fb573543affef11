#include "CTLSShim.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <string.h>

struct zm_tls_context { SSL_CTX *ctx; };
struct zm_tls_session { SSL *ssl; };

static int select_http11(SSL *ssl, const unsigned char **out, unsigned char *out_length,
                         const unsigned char *in, unsigned int in_length, void *arg) {
    static const unsigned char ours[] = "\x08http/1.1";
    (void)ssl; (void)arg;
    if (SSL_select_next_proto((unsigned char **)out, out_length, ours, sizeof ours - 1, in, in_length)
        == OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_OK;
    return SSL_TLSEXT_ERR_ALERT_FATAL;  // a client that offers only h2 cannot be served
}

zm_tls_context *zm_tls_context_new(void) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) return NULL;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_alpn_select_cb(ctx, select_http11, NULL);
    zm_tls_context *context = OPENSSL_zalloc(sizeof *context);
    if (!context) { SSL_CTX_free(ctx); return NULL; }
    context->ctx = ctx;
    return context;
}

void zm_tls_context_free(zm_tls_context *context) {
    if (!context) return;
    SSL_CTX_free(context->ctx);
    OPENSSL_free(context);
}

int zm_tls_context_use_pem(zm_tls_context *context, const char *certificate_path, const char *key_path) {
    if (SSL_CTX_use_certificate_chain_file(context->ctx, certificate_path) != 1) return -1;
    if (SSL_CTX_use_PrivateKey_file(context->ctx, key_path, SSL_FILETYPE_PEM) != 1) return -1;
    return SSL_CTX_check_private_key(context->ctx) == 1 ? 0 : -1;
}

static int add_names(X509 *certificate, const char *const *names, int count) {
    char alt_names[4096] = "";
    for (int i = 0; i < count; i++) {
        unsigned char address[16];
        int is_ip = inet_pton(AF_INET, names[i], address) == 1 || inet_pton(AF_INET6, names[i], address) == 1;
        size_t used = strlen(alt_names);
        int written = snprintf(alt_names + used, sizeof alt_names - used, "%s%s:%s", i ? "," : "", is_ip ? "IP" : "DNS", names[i]);
        if (written < 0 || (size_t)written >= sizeof alt_names - used) return -1;
    }
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, certificate, certificate, NULL, NULL, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(NULL, &v3, NID_subject_alt_name, alt_names);
    if (!extension) return -1;
    int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    return added == 1 ? 0 : -1;
}

int zm_tls_context_use_self_signed(zm_tls_context *context, const char *const *names, int count, const char *certificate_out) {
    int status = -1;
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *certificate = X509_new();
    if (!key || !certificate || count < 1) goto done;
    X509_set_version(certificate, 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) goto done;
    serial[0] &= 0x7F;
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, NULL);
    if (!number || !BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate))) { BN_free(number); goto done; }
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 365L * 24 * 3600);
    X509_NAME *subject = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, (const unsigned char *)"zis-mock", -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, (const unsigned char *)names[0], -1, -1, 0);
    X509_set_issuer_name(certificate, subject);
    X509_set_pubkey(certificate, key);
    if (add_names(certificate, names, count) != 0) goto done;
    if (X509_sign(certificate, key, EVP_sha256()) <= 0) goto done;
    if (SSL_CTX_use_certificate(context->ctx, certificate) != 1) goto done;
    if (SSL_CTX_use_PrivateKey(context->ctx, key) != 1) goto done;
    if (certificate_out) {
        FILE *file = fopen(certificate_out, "w");
        if (!file) goto done;
        int written = PEM_write_X509(file, certificate);
        if (fclose(file) != 0 || written != 1) goto done;
    }
    status = 0;
done:
    X509_free(certificate);
    EVP_PKEY_free(key);
    return status;
}

zm_tls_session *zm_tls_session_new(zm_tls_context *context, int fd) {
    SSL *ssl = SSL_new(context->ctx);
    if (!ssl) return NULL;
    if (SSL_set_fd(ssl, fd) != 1) { SSL_free(ssl); return NULL; }
    SSL_set_accept_state(ssl);
    zm_tls_session *session = OPENSSL_zalloc(sizeof *session);
    if (!session) { SSL_free(ssl); return NULL; }
    session->ssl = ssl;
    return session;
}

void zm_tls_session_free(zm_tls_session *session) {
    if (!session) return;
    SSL_free(session->ssl);
    OPENSSL_free(session);
}

static long outcome(SSL *ssl, int result) {
    switch (SSL_get_error(ssl, result)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        return ZM_TLS_WANT_IO;
    case SSL_ERROR_ZERO_RETURN:
        return 0;
    default:
        ERR_clear_error();  // per-connection noise must not surface as a later call's error
        return ZM_TLS_FAILED;
    }
}

int zm_tls_handshake(zm_tls_session *session) {
    int result = SSL_do_handshake(session->ssl);
    if (result == 1) return 1;
    long status = outcome(session->ssl, result);
    return status == 0 ? ZM_TLS_FAILED : (int)status;
}

long zm_tls_read(zm_tls_session *session, void *buffer, size_t length) {
    size_t read = 0;
    int result = SSL_read_ex(session->ssl, buffer, length, &read);
    return result == 1 ? (long)read : outcome(session->ssl, result);
}

long zm_tls_write(zm_tls_session *session, const void *buffer, size_t length) {
    size_t written = 0;
    int result = SSL_write_ex(session->ssl, buffer, length, &written);
    if (result == 1) return (long)written;
    long status = outcome(session->ssl, result);
    return status == 0 ? ZM_TLS_FAILED : status;
}

int zm_tls_pending(zm_tls_session *session) { return SSL_pending(session->ssl); }

void zm_tls_last_error(char *buffer, size_t length) {
    unsigned long code = ERR_get_error();
    if (length == 0) return;
    buffer[0] = 0;
    if (code) ERR_error_string_n(code, buffer, length);
    ERR_clear_error();
}
