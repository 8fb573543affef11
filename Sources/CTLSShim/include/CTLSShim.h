#ifndef ZIS_MOCK_C_TLS_SHIM_H
#define ZIS_MOCK_C_TLS_SHIM_H

// The OpenSSL calls the socket layer needs, as plain functions: Swift cannot call OpenSSL's
// macros, and keeping the error-queue handling in one place keeps the Swift side short.
#include <stddef.h>

typedef struct zm_tls_context zm_tls_context;
typedef struct zm_tls_session zm_tls_session;

/// A server context: TLS 1.2 and 1.3, ALPN http/1.1, partial writes. NULL on failure (see zm_tls_last_error).
zm_tls_context *zm_tls_context_new(void);
void zm_tls_context_free(zm_tls_context *context);
/// Loads a PEM certificate chain and private key. 0 on success.
int zm_tls_context_use_pem(zm_tls_context *context, const char *certificate_path, const char *key_path);
/// Makes a P-256 key and a self-signed certificate (a year, SHA-256) whose subjectAltName lists
/// `names` (DNS names, or IP addresses when they parse as one); writes the certificate as PEM to
/// `certificate_out` when not NULL. 0 on success.
int zm_tls_context_use_self_signed(zm_tls_context *context, const char *const *names, int count, const char *certificate_out);

/// A server-side session on a connected non-blocking socket.
zm_tls_session *zm_tls_session_new(zm_tls_context *context, int fd);
void zm_tls_session_free(zm_tls_session *session);

enum {
    ZM_TLS_WANT_IO = -1,   // would block: wait for the socket to become readable or writable
    ZM_TLS_FAILED = -2,    // protocol error or a broken connection: close it
};
/// 1 once the handshake is done, ZM_TLS_WANT_IO or ZM_TLS_FAILED.
int zm_tls_handshake(zm_tls_session *session);
/// Bytes read (> 0), 0 when the peer closed, ZM_TLS_WANT_IO or ZM_TLS_FAILED.
long zm_tls_read(zm_tls_session *session, void *buffer, size_t length);
/// Bytes written (> 0), ZM_TLS_WANT_IO or ZM_TLS_FAILED.
long zm_tls_write(zm_tls_session *session, const void *buffer, size_t length);
/// Decrypted bytes OpenSSL holds that a read would return without touching the socket.
int zm_tls_pending(zm_tls_session *session);

/// The most recent OpenSSL error as text (thread-local queue), or an empty string.
void zm_tls_last_error(char *buffer, size_t length);

#endif
