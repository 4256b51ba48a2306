// One step of a short busy wait: tells the core this thread only waits (x86's PAUSE lets the
// other hyperthread run and saves power); a plain call elsewhere.
#include "CConvKernels.h"

void convscope_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}
