#ifndef ZIS_MOCK_C_FILE_MAP_H
#define ZIS_MOCK_C_FILE_MAP_H

// A file mapped read-only for reading it through once (a big seed), that cannot crash the process
// when the file shrinks meanwhile: a page past the new end raises SIGBUS, and the handler here
// puts a page of zeros in its place and marks the mapping changed, so the reader finishes on
// garbage it then throws away. Any other SIGBUS goes to the handler that was there before.
#include <stddef.h>

/// Maps `size` bytes of `fd` (all of them, at once); NULL when it cannot (the caller reads instead),
/// also when too many mappings are open already.
const void *zm_map_file(int fd, size_t size);

/// Unmaps what `zm_map_file` mapped; returns 1 if the file shrank while it was mapped (the bytes
/// read were not all the file's), else 0.
int zm_unmap_file(const void *base, size_t size);

#endif
