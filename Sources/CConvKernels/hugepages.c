// Transparent huge pages for the large buffers of a convolution, asked for per buffer.
//
// A buffer of tens of MB written once per layer costs as much again in page faults as in the
// writing when it comes in 4 KB pages: 66 MB took 29–40 ms to fault in and zero here, 6 ms in
// 2 MB pages. Kernels set to "madvise" (the usual default) give huge pages only where asked.
#include "CConvKernels.h"
#if defined(__linux__)
#include <sys/mman.h>
#endif

// Linux's synchronous collapse into a huge page (asm-generic/mman-common.h), where libc's
// headers do not name it yet.
#if defined(MADV_COLLAPSE)
#define CONVSCOPE_MADV_COLLAPSE MADV_COLLAPSE
#else
#define CONVSCOPE_MADV_COLLAPSE 25
#endif

#if defined(__linux__)
#include <fcntl.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// True when /sys/kernel/mm/transparent_hugepage/enabled says "[never]" (read once; a missing
// file reads as off).
static int huge_pages_off(void) {
    static atomic_int known = 0;  // 0 not read yet, 1 on, 2 off
    int state = atomic_load_explicit(&known, memory_order_relaxed);
    if (state == 0) {
        char text[128] = {0};
        int fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY);
        ssize_t count = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
        if (fd >= 0) close(fd);
        state = count > 0 && strstr(text, "[never]") == NULL ? 1 : 2;
        atomic_store_explicit(&known, state, memory_order_relaxed);
    }
    return state == 2;
}
#endif

int convscope_prefer_huge_pages(void *start, int64_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20, page = 4096;
    const uintptr_t below = (uintptr_t)start & ~(huge - 1);
    // A boundary in start's own page is that page's start (2 MB boundaries are page boundaries):
    // the advice covers no other mapping, and the first 2 MB are not lost to a header.
    const uintptr_t first = (uintptr_t)start - below < page ? below : below + huge;
    // The same at the end: a boundary in the end's own page is that page's end.
    const uintptr_t stop = (uintptr_t)start + (uintptr_t)bytes, above = (stop + huge - 1) & ~(huge - 1);
    const uintptr_t end = above - stop < page ? above : above - huge;
    if (bytes <= 0 || end <= first) return 0;
    if (madvise((void *)first, end - first, MADV_HUGEPAGE) != 0) return 0;
    // The page holding the block's headers was written before the advice, as a 4 KB page: its
    // 2 MB would then fault in the other 511 one by one. Made huge now (Linux 6.1 and later),
    // the rest of it is written without a fault; older kernels refuse, and nothing changes.
    // The collapse ignores the system's setting, so it is not asked for where huge pages are off.
    if (first < (uintptr_t)start && !huge_pages_off()) (void)madvise((void *)first, huge, CONVSCOPE_MADV_COLLAPSE);
    return 1;
#else
    (void)start; (void)bytes;
    return 0;
#endif
}
