// One step of a short busy wait: tells the core this thread only waits (x86's PAUSE lets the
// other hyperthread run and saves power); a plain call elsewhere. And where a helper thread runs.
// _GNU_SOURCE for sched_getaffinity and the CPU_* macros.
#define _GNU_SOURCE
#include "CConvKernels.h"

void convscope_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

#if defined(__linux__)
#include <sched.h>
#include <unistd.h>
#endif

long convscope_allowed_processors(int32_t *out, long capacity, int ofProcess) {
#if defined(__linux__)
    cpu_set_t allowed;
    // The process's: its first thread's (a thread that bound itself does not narrow it).
    if (sched_getaffinity(ofProcess ? getpid() : 0, sizeof allowed, &allowed) != 0) return 0;
    long count = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && count < capacity; cpu++) {
        if (CPU_ISSET(cpu, &allowed)) out[count++] = cpu;
    }
    return count;
#else
    (void)out; (void)capacity; (void)ofProcess;
    return 0;
#endif
}

int convscope_bind_to_processor(int32_t processor) {
#if defined(__linux__)
    if (processor < 0 || processor >= CPU_SETSIZE) return -1;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(processor, &one);
    return sched_setaffinity(0, sizeof one, &one);
#else
    (void)processor;
    return -1;
#endif
}

int32_t convscope_current_processor(void) {
#if defined(__linux__)
    return sched_getcpu();
#else
    return -1;
#endif
}
