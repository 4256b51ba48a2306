// SplitMix64 values drawn by index, for random inputs and kernels made in parallel or in part.
#include "CConvKernels.h"

// Output i of the generator whose state starts at `start` (the (i+1)-th call of next()).
static inline __attribute__((always_inline)) uint64_t splitmix_at(uint64_t start, uint64_t i) {
    uint64_t z = start + (i + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// z mod m from z's 32-bit halves, as ((high mod m)·(2^32 mod m) + low mod m) mod m: remainders of
// 32-bit numbers by a constant vectorise as multiplies, a 64-bit one does not. The same number as
// z % m. One body per span the generated tensors use: 10 (inputs, 0…9) and 7 (kernels, −3…3).
#define SPAN_BODY(name, m, twoTo32ModM) \
static inline __attribute__((always_inline)) void name##_body( \
    float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest) { \
    for (int64_t k = 0; k < count; k++) { \
        const uint64_t z = splitmix_at(start, first + (uint64_t)k); \
        const uint32_t high = (uint32_t)(z >> 32), low = (uint32_t)z; \
        const uint32_t r = ((high % m##u) * twoTo32ModM##u + low % m##u) % m##u; \
        out[k] = (float)(lowest + (int64_t)r); \
    } \
}
SPAN_BODY(tens, 10, 6)
SPAN_BODY(sevens, 7, 4)

#define SPAN_VARIANTS(name) \
static void name##_generic(float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest) { \
    name##_body(out, start, first, count, lowest); \
} \
VARIANTS_X86(name)

#if defined(__x86_64__)
#define VARIANTS_X86(name) \
__attribute__((target("avx512f,avx512dq,avx512vl"))) static void name##_avx512( \
    float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest) { \
    name##_body(out, start, first, count, lowest); \
} \
__attribute__((target("avx2"))) static void name##_avx2( \
    float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest) { \
    name##_body(out, start, first, count, lowest); \
}

static int random_isa(void) {
    static int cached = -1;  // a benign race: every thread computes the same value
    if (cached < 0) {
        __builtin_cpu_init();
        cached = (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
                  && __builtin_cpu_supports("avx512vl")) ? 2 : __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return cached;
}
#define DISPATCH(name) \
    switch (random_isa()) { \
    case 2: name##_avx512(out, start, first, count, lowest); return; \
    case 1: name##_avx2(out, start, first, count, lowest); return; \
    default: name##_generic(out, start, first, count, lowest); return; \
    }
#else
#define VARIANTS_X86(name)
#define DISPATCH(name) name##_generic(out, start, first, count, lowest); return;
#endif

SPAN_VARIANTS(tens)
SPAN_VARIANTS(sevens)

void convscope_splitmix_floats(
    float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest, uint64_t span) {
    if (span == 10) { DISPATCH(tens) }
    if (span == 7) { DISPATCH(sevens) }
    for (int64_t k = 0; k < count; k++) {
        out[k] = (float)(lowest + (int64_t)(splitmix_at(start, first + (uint64_t)k) % span));
    }
}
