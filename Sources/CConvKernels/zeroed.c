// Zeros for large stretches of a buffer without writing them.
#include "CConvKernels.h"
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

void convscope_zero_floats(float *values, int64_t count) {
    if (count <= 0) return;
    const size_t bytes = (size_t)count * sizeof(float);
#if defined(__linux__)
    // Whole pages inside the stretch are handed back: Linux then reads them as zeros (private
    // anonymous memory, which malloc's is) and allocates none until written.
    const uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    const uintptr_t begin = (uintptr_t)values, end = begin + bytes;
    const uintptr_t first = (begin + page - 1) & ~(page - 1), last = end & ~(page - 1);
    if (page > 0 && last > first + 16 * page && madvise((void *)first, last - first, MADV_DONTNEED) == 0) {
        memset(values, 0, first - begin);
        memset((void *)last, 0, end - last);
        return;
    }
#endif
    memset(values, 0, bytes);
}
