// Transparent huge pages for the large buffers of a convolution, asked for per buffer.
//
// A buffer of tens of MB written once per layer costs as much again in page faults as in the
// writing when it comes in 4 KB pages: 66 MB took 29–40 ms to fault in and zero here, 6 ms in
// 2 MB pages. Kernels set to "madvise" (the usual default) give huge pages only where asked.
#include "CConvKernels.h"
#if defined(__linux__)
#include <sys/mman.h>
#endif

int convscope_prefer_huge_pages(void *start, int64_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    const uintptr_t first = ((uintptr_t)start + huge - 1) & ~(huge - 1);
    const uintptr_t end = ((uintptr_t)start + (uintptr_t)bytes) & ~(huge - 1);
    if (bytes <= 0 || end <= first) return 0;
    return madvise((void *)first, end - first, MADV_HUGEPAGE) == 0;
#else
    (void)start; (void)bytes;
    return 0;
#endif
}
