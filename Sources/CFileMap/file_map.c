#define _GNU_SOURCE
#include "CFileMap.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// Open mappings, read by the signal handler: each slot's fields are written only while it is free
// (base 0) and published by storing base last; a slot is freed (base 0) before its munmap.
enum { slot_count = 16 };
static struct {
    uintptr_t base;
    size_t size;
    int changed;
} slots[slot_count];

static struct sigaction previous;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static int install_failed;
/// Read once at install: sysconf is not on the list of calls a signal handler may make.
static uintptr_t page_size;

static void on_bus_error(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int index = 0; index < slot_count; index++) {
        uintptr_t base = __atomic_load_n(&slots[index].base, __ATOMIC_ACQUIRE);
        // 0: free; 1: being claimed, its size not yet written.
        if (base <= 1 || address < base || address >= base + slots[index].size) continue;
        // mmap is a plain system call, safe here; the faulting read is retried and sees zeros.
        void *zeros = mmap((void *)(address & ~(page_size - 1)), page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        // Should that fail, returning would fault again forever: end as the signal would have.
        if (zeros == MAP_FAILED) break;
        __atomic_store_n(&slots[index].changed, 1, __ATOMIC_RELEASE);
        return;
    }
    // Not one of ours (or no page of zeros could be put there): whatever was there before handles it.
    if (previous.sa_flags & SA_SIGINFO) {
        previous.sa_sigaction(signal, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
    } else {
        // Back to the default, so the retried access ends the process as it would have.
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigaction(SIGBUS, &fallback, NULL);
    }
}

static void install(void) {
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    install_failed = sigaction(SIGBUS, &action, &previous) != 0;
}

const void *zm_map_file(int fd, size_t size) {
    pthread_once(&installed, install);
    if (install_failed || size == 0) return NULL;
    void *mapped = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapped == MAP_FAILED) return NULL;
    for (int index = 0; index < slot_count; index++) {
        uintptr_t expected = 0;
        // Claimed with a placeholder first, so the handler never sees a base without its size.
        if (!__atomic_compare_exchange_n(&slots[index].base, &expected, (uintptr_t)1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) continue;
        slots[index].size = size;
        slots[index].changed = 0;
        __atomic_store_n(&slots[index].base, (uintptr_t)mapped, __ATOMIC_RELEASE);
        return mapped;
    }
    munmap(mapped, size);
    return NULL;
}

int zm_unmap_file(const void *base, size_t size) {
    int changed = 0;
    for (int index = 0; index < slot_count; index++) {
        if (__atomic_load_n(&slots[index].base, __ATOMIC_ACQUIRE) != (uintptr_t)base) continue;
        changed = __atomic_load_n(&slots[index].changed, __ATOMIC_ACQUIRE);
        __atomic_store_n(&slots[index].base, 0, __ATOMIC_RELEASE);
        break;
    }
    munmap((void *)base, size);
    return changed;
}
