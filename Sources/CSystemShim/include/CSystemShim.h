#ifndef ZIS_MOCK_C_SYSTEM_SHIM_H
#define ZIS_MOCK_C_SYSTEM_SHIM_H

// Linux calls that Swift's Glibc module does not export (epoll, eventfd, accept4, ioctl), wrapped so
// that Swift never touches the packed `struct epoll_event`.
#include <stdint.h>
#include <sys/socket.h>

static const uint32_t zm_EPOLLIN = 0x001;
static const uint32_t zm_EPOLLOUT = 0x004;
static const uint32_t zm_EPOLLERR = 0x008;
static const uint32_t zm_EPOLLHUP = 0x010;
static const uint32_t zm_EPOLLRDHUP = 0x2000;
static const uint32_t zm_EPOLLET = 1u << 31;

int zm_epoll_create(void);
int zm_epoll_add(int epfd, int fd, uint32_t events, uint64_t token);
int zm_epoll_delete(int epfd, int fd);
/// Waits like epoll_wait and unpacks each event into `tokens[i]` / `events[i]`.
int zm_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms);

int zm_eventfd(void);
int zm_eventfd_signal(int fd);
int zm_eventfd_drain(int fd);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC.
int zm_accept(int fd, struct sockaddr *address, socklen_t *length);
/// A non-blocking, close-on-exec stream socket.
int zm_stream_socket(int family);
/// sendmsg(MSG_NOSIGNAL) over the given buffers: a vanished peer must not raise SIGPIPE in a host process.
long zm_send_buffers(int fd, const void *const *bases, const size_t *lengths, int count);
/// Bytes written to a TCP socket that the peer has not acknowledged yet (ioctl SIOCOUTQ); -1 on error.
int zm_unacknowledged_bytes(int fd);

#endif
