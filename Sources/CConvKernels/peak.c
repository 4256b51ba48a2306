// What the benchmark compares its GFLOP/s with: the core's clock, measured, and how many float32
// fused multiply-adds one core completes per cycle, measured with the widest vectors the general
// path uses. Both loops are long enough (~0.1 s) to ride out a frequency ramp, and are timed by
// the thread's own CPU clock: on a shared machine the time spent waiting for a core is not cycles.
#include "CConvKernels.h"
#include <time.h>

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

double convscope_measure_clock_ghz(void) {
#if defined(__x86_64__)
    // A chain of dependent integer adds: one per cycle on every x86-64 core.
    const long iterations = 20000000;
    unsigned long x = 0;
    double best = 0;
    for (int trial = 0; trial < 3; trial++) {
        const double start = now_ns();
        for (long i = 0; i < iterations; i++) {
            __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                             "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
        }
        const double ghz = 8.0 * (double)iterations / (now_ns() - start);
        best = ghz > best ? ghz : best;
    }
    return best;
#else
    return 0;
#endif
}

#if defined(__x86_64__)
typedef float v16f __attribute__((vector_size(64)));
typedef float v8f __attribute__((vector_size(32)));

#define FMA_LOOP(VT, LANES)                                                                      \
    VT acc[12];                                                                                  \
    for (int i = 0; i < 12; i++) acc[i] = (VT){0} + (float)i;                                    \
    const VT a = (VT){0} + 0.999999f, b = (VT){0} + 1e-7f;                                       \
    const long iterations = 4000000;                                                             \
    const double start = now_ns();                                                               \
    for (long n = 0; n < iterations; n++) {                                                      \
        for (int i = 0; i < 12; i++) acc[i] = __builtin_elementwise_fma(acc[i], a, b);          \
        __asm__ volatile("" : : : "memory");                                                    \
    }                                                                                            \
    const double ns = now_ns() - start;                                                          \
    float sum = 0;                                                                               \
    for (int i = 0; i < 12; i++) sum += acc[i][0];                                               \
    *sink = sum;                                                                                 \
    return 12.0 * (LANES) * (double)iterations / ns;

__attribute__((target("avx512f"))) static double fma_avx512(float *sink) { FMA_LOOP(v16f, 16) }
__attribute__((target("avx2,fma"))) static double fma_avx2(float *sink) { FMA_LOOP(v8f, 8) }
#endif

double convscope_measure_fma_per_ns(void) {
    float sink = 0;
    double best = 0;
    for (int trial = 0; trial < 3; trial++) {
        double rate = 0;
#if defined(__x86_64__)
        const char *isa = convscope_kernel_isa();
        if (isa[0] == 'a' && isa[3] == '5') rate = fma_avx512(&sink);
        else if (isa[0] == 'a') rate = fma_avx2(&sink);
#endif
        best = rate > best ? rate : best;
    }
    return sink == 12345.0f ? best + 1e-9 : best;
}
