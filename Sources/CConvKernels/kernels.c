// The inner loop of convscope's general convolution path: register-tiled float32 FMAs.
//
// Swift compiles for the architecture's baseline (SSE2 on x86-64) and has no per-function
// target attribute, so the tile lives here with one variant per instruction set, chosen once
// at run time: the same binary runs everywhere and uses AVX2/AVX-512 where the CPU has them.
// _GNU_SOURCE for sync_file_range (see convscope_start_writeback at the end).
#define _GNU_SOURCE
#include "CConvKernels.h"
#include <stdlib.h>
#include <string.h>

#define MIN(a, b) ((a) < (b) ? (a) : (b))
// Without FMA hardware a fused multiply-add would become a library call per element.
#define MUL_ADD(w, x, acc) ((acc) + (w) * (x))
#define FUSED_MUL_ADD(w, x, acc) __builtin_elementwise_fma((w), (x), (acc))

// One tile is OC output channels × NV vectors of V columns, held in registers while every tap
// streams by: per tap NV loads, OC broadcasts and OC·NV fused multiply-adds. Columns x0 … x0 + n − 1
// (n ≤ V·NV). A vector partly inside the row moves its sums with LOAD_PART/STORE_PART (masked
// loads and stores with AVX2/AVX-512): a memcpy of n floats through a buffer was a library call
// and a failed store-to-load forwarding per channel, 18 % of a 32² layer's time.
#define ROWS_TILE(NAME, TARGET, OC, VT, V, NV, MADD, LOAD_PART, STORE_PART)                       \
    ROWS_TILE_WITH(NAME, TARGET, OC, VT, V, NV, LOAD_PART, STORE_PART,                          \
                   TAPS_IN_C(OC, VT, V, NV, MADD))

// Every tap in order: NV input vectors, then per channel a broadcast weight and NV fused
// multiply-adds into acc.
#define TAPS_IN_C(OC, VT, V, NV, MADD)                                                          \
    for (int64_t t = 0; t < taps; t++) {                                                        \
        const float *p = base + offsets[t];                                                     \
        const float *w = weights + (OC) * t;                                                    \
        VT in[NV];                                                                              \
        for (int v = 0; v < (NV); v++) memcpy(&in[v], p + v * (V), sizeof(VT));                 \
        for (int o = 0; o < (OC); o++) {                                                        \
            const VT wo = -(VT){0} + w[o]; /* x + (-0) == x: a plain broadcast */               \
            for (int v = 0; v < (NV); v++) acc[o][v] = MADD(wo, in[v], acc[o][v]);              \
        }                                                                                       \
    }

#define ROWS_TILE_WITH(NAME, TARGET, OC, VT, V, NV, LOAD_PART, STORE_PART, TAPS)                  \
    TARGET static void NAME(                                                                    \
        const float *input, const int64_t *offsets, const float *weights, int64_t taps,         \
        float *const *output, int channels, int64_t x0, int64_t n, const float *first) {        \
        /* The sums pass through `moved` (memory) so that `acc` stays in registers. */           \
        VT moved[OC][NV], acc[OC][NV];                                                          \
        for (int o = 0; o < (OC); o++)                                                          \
            for (int v = 0; v < (NV); v++) {                                                    \
                const int64_t inside = n - v * (V);                                             \
                const float *from = o < channels ? output[o] + x0 + v * (V) : NULL;             \
                /* x + (−0) == x: every lane first[o], a −0 kept */                              \
                if (from && first) moved[o][v] = -(VT){0} + first[o];                           \
                else if (from && inside >= (V)) memcpy(&moved[o][v], from, sizeof(VT));         \
                else if (from && inside > 0) moved[o][v] = LOAD_PART(from, inside);             \
                else moved[o][v] = (VT){0};                                                     \
            }                                                                                   \
        for (int o = 0; o < (OC); o++)                                                          \
            for (int v = 0; v < (NV); v++) acc[o][v] = moved[o][v];                             \
        const float *base = input + x0;                                                         \
        TAPS                                                                                    \
        for (int o = 0; o < (OC); o++)                                                          \
            for (int v = 0; v < (NV); v++) moved[o][v] = acc[o][v];                             \
        for (int o = 0; o < channels; o++)                                                      \
            for (int v = 0; v < (NV); v++) {                                                    \
                const int64_t inside = n - v * (V);                                             \
                float *to = output[o] + x0 + v * (V);                                           \
                if (inside >= (V)) memcpy(to, &moved[o][v], sizeof(VT));                        \
                else if (inside > 0) STORE_PART(to, moved[o][v], inside);                       \
            }                                                                                   \
    }

// Whole tiles of 3 vectors, then the rest in a tile of as many vectors as it needs: 252 columns
// are not 6 × 48 (a 256² 5×5 layer's lanes: 36 idle of 288). A rest of one vector after whole
// tiles takes the last whole tile with it as two tiles of 2 vectors: 252 columns are 4 × 48 + 32
// + 28, not 5 × 48 + 12, whose 1-vector tile (8 sums for 9 loads a tap) took 8 % of the time.
// Not after a single whole tile: 57 columns measured faster as 48 + 9 than as 32 + 25.
#define ROWS_KERNEL(TILE1, TILE2, TILE3, V)                                                     \
    int64_t x0 = 0, whole = columns / (3 * (V));                                                \
    if (whole > 1 && columns - whole * 3 * (V) > 0 && columns - whole * 3 * (V) <= (V)) whole--; \
    for (int64_t i = 0; i < whole; i++, x0 += 3 * (V))                                          \
        TILE3(input, offsets, weights, taps, output, channels, x0, 3 * (V), first);             \
    int64_t rest = columns - x0;                                                                \
    if (rest > 3 * (V)) {                                                                       \
        TILE2(input, offsets, weights, taps, output, channels, x0, 2 * (V), first);             \
        x0 += 2 * (V); rest -= 2 * (V);                                                         \
    }                                                                                           \
    if (rest > 2 * (V)) TILE3(input, offsets, weights, taps, output, channels, x0, rest, first); \
    else if (rest > (V)) TILE2(input, offsets, weights, taps, output, channels, x0, rest, first); \
    else if (rest > 0) TILE1(input, offsets, weights, taps, output, channels, x0, rest, first);

typedef float v4f __attribute__((vector_size(16)));

// The first n < 4 floats of p in a vector (zeros after), and back.
static inline v4f load_part4(const float *p, int64_t n) {
    v4f x = {0};
    for (int64_t i = 0; i < n; i++) x[i] = p[i];
    return x;
}
static inline void store_part4(float *p, v4f x, int64_t n) {
    for (int64_t i = 0; i < n; i++) p[i] = x[i];
}

ROWS_TILE(generic1, , 4, v4f, 4, 1, MUL_ADD, load_part4, store_part4)
ROWS_TILE(generic2, , 4, v4f, 4, 2, MUL_ADD, load_part4, store_part4)
ROWS_TILE(generic3, , 4, v4f, 4, 3, MUL_ADD, load_part4, store_part4)

static void rows_generic(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
    ROWS_KERNEL(generic1, generic2, generic3, 4)
}

#if defined(__x86_64__)
#include <immintrin.h>
typedef float v8f __attribute__((vector_size(32)));
typedef float v16f __attribute__((vector_size(64)));

#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f")))

// Masked: the lanes at and past n are neither read nor written (no fault past the row's end).
AVX2 static inline __m256i lanes_below8(int64_t n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
AVX2 static inline v8f load_part8(const float *p, int64_t n) { return (v8f)_mm256_maskload_ps(p, lanes_below8(n)); }
AVX2 static inline void store_part8(float *p, v8f x, int64_t n) { _mm256_maskstore_ps(p, lanes_below8(n), (__m256)x); }
AVX512 static inline v16f load_part16(const float *p, int64_t n) {
    return (v16f)_mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p);
}
AVX512 static inline void store_part16(float *p, v16f x, int64_t n) {
    _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1), (__m512)x);
}

ROWS_TILE(avx2_1, AVX2, 4, v8f, 8, 1, FUSED_MUL_ADD, load_part8, store_part8)
ROWS_TILE(avx2_2, AVX2, 4, v8f, 8, 2, FUSED_MUL_ADD, load_part8, store_part8)
// 4 channels × 3 vectors with AVX2 fill its 16 ymm registers exactly (12 sums, 3 input vectors, 1
// broadcast), and clang kept one sum in memory across the tap loop: a store and a load in that
// sum's chain every tap, about 12 cycles a tap where the FMAs need 6 (55 % of the peak at 256²
// 16→16 k5 on a Zen 3 core). Written out, the sums stay in the 12 registers the asm leaves free.
// The same fused multiply-adds in the same order as TAPS_IN_C: w·x + sum, rounded once.
#define FMA3(o) "vbroadcastss " #o "*4(%[w]), %%ymm15\n\t"                                       \
    "vfmadd231ps %%ymm12, %%ymm15, %[a" #o "0]\n\t"                                                \
    "vfmadd231ps %%ymm13, %%ymm15, %[a" #o "1]\n\t"                                                \
    "vfmadd231ps %%ymm14, %%ymm15, %[a" #o "2]\n\t"
#define TAPS_AVX2_4x3                                                                           \
    for (int64_t t = 0; t < taps; t++) {                                                        \
        const float *p = base + offsets[t];                                                     \
        const float *w = weights + 4 * t;                                                       \
        __asm__("vmovups (%[p]), %%ymm12\n\t"                                                    \
                "vmovups 32(%[p]), %%ymm13\n\t"                                                  \
                "vmovups 64(%[p]), %%ymm14\n\t"                                                  \
                FMA3(0) FMA3(1) FMA3(2) FMA3(3)                                                 \
                : [a00] "+x"(acc[0][0]), [a01] "+x"(acc[0][1]), [a02] "+x"(acc[0][2]),          \
                  [a10] "+x"(acc[1][0]), [a11] "+x"(acc[1][1]), [a12] "+x"(acc[1][2]),          \
                  [a20] "+x"(acc[2][0]), [a21] "+x"(acc[2][1]), [a22] "+x"(acc[2][2]),          \
                  [a30] "+x"(acc[3][0]), [a31] "+x"(acc[3][1]), [a32] "+x"(acc[3][2])           \
                : [p] "r"(p), [w] "r"(w), "m"(*(const float(*)[24])p), "m"(*(const float(*)[4])w) \
                : "xmm12", "xmm13", "xmm14", "xmm15");                                          \
    }
ROWS_TILE_WITH(avx2_3, AVX2, 4, v8f, 8, 3, load_part8, store_part8, TAPS_AVX2_4x3)
ROWS_TILE(avx512_1, AVX512, 8, v16f, 16, 1, FUSED_MUL_ADD, load_part16, store_part16)
ROWS_TILE(avx512_2, AVX512, 8, v16f, 16, 2, FUSED_MUL_ADD, load_part16, store_part16)
ROWS_TILE(avx512_3, AVX512, 8, v16f, 16, 3, FUSED_MUL_ADD, load_part16, store_part16)

static void rows_avx2(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
    ROWS_KERNEL(avx2_1, avx2_2, avx2_3, 8)
}

static void rows_avx512(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
    ROWS_KERNEL(avx512_1, avx512_2, avx512_3, 16)
}

static int isa(void) {
    static int cached = -1;  // a benign race: every thread computes the same value
    if (cached < 0) {
        __builtin_cpu_init();
        int best = __builtin_cpu_supports("avx512f") ? 2
                 : (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) ? 1 : 0;
        // CONVSCOPE_ISA=avx2 or =generic runs a narrower set (never a wider one than the CPU's):
        // how the benchmark measures, on an AVX-512 machine, what a machine without it runs.
        const char *forced = getenv("CONVSCOPE_ISA");
        if (forced && strcmp(forced, "avx2") == 0 && best > 1) best = 1;
        if (forced && strcmp(forced, "generic") == 0) best = 0;
        cached = best;
    }
    return cached;
}
#else
static int isa(void) { return 0; }
#endif

int convscope_isa_level(void) { return isa(); }

int convscope_block_channels(void) { return isa() == 2 ? 8 : 4; }

void convscope_accumulate_rows(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
#if defined(__x86_64__)
    switch (isa()) {
    case 2: rows_avx512(input, offsets, weights, taps, output, channels, columns, first); return;
    case 1: rows_avx2(input, offsets, weights, taps, output, channels, columns, first); return;
    default: break;
    }
#endif
    rows_generic(input, offsets, weights, taps, output, channels, columns, first);
}

const char *convscope_kernel_isa(void) {
    static const char *const names[] = {"generic", "avx2", "avx512"};
    return names[isa()];
}

/* 16 running minima and maxima side by side in vector registers; a single running pair is one
   long dependency chain. On x86-64 written with SSE's minps/maxps, whose rule is exactly
   `v < lo ? v : lo` (a NaN never replaces a value): the compiler's own vectorisation of that
   select shuffles and packs instead. */
#if defined(__x86_64__)
#include <xmmintrin.h>
#endif

void convscope_min_max(const float *values, int64_t count, float *minimum, float *maximum) {
    if (count <= 0) { *minimum = 0; *maximum = 0; return; }
    float l = values[0], h = values[0];
    int64_t i = 0;
#if defined(__x86_64__)
    if (count >= 16) {
        __m128 first = _mm_set1_ps(values[0]);
        __m128 lo0 = first, lo1 = first, lo2 = first, lo3 = first;
        __m128 hi0 = first, hi1 = first, hi2 = first, hi3 = first;
        for (; i + 16 <= count; i += 16) {
            __m128 v0 = _mm_loadu_ps(values + i), v1 = _mm_loadu_ps(values + i + 4);
            __m128 v2 = _mm_loadu_ps(values + i + 8), v3 = _mm_loadu_ps(values + i + 12);
            lo0 = _mm_min_ps(v0, lo0); lo1 = _mm_min_ps(v1, lo1); lo2 = _mm_min_ps(v2, lo2); lo3 = _mm_min_ps(v3, lo3);
            hi0 = _mm_max_ps(v0, hi0); hi1 = _mm_max_ps(v1, hi1); hi2 = _mm_max_ps(v2, hi2); hi3 = _mm_max_ps(v3, hi3);
        }
        float lo[16], hi[16];
        _mm_storeu_ps(lo, lo0); _mm_storeu_ps(lo + 4, lo1); _mm_storeu_ps(lo + 8, lo2); _mm_storeu_ps(lo + 12, lo3);
        _mm_storeu_ps(hi, hi0); _mm_storeu_ps(hi + 4, hi1); _mm_storeu_ps(hi + 8, hi2); _mm_storeu_ps(hi + 12, hi3);
        for (int j = 0; j < 16; j++) { l = lo[j] < l ? lo[j] : l; h = hi[j] > h ? hi[j] : h; }
    }
#endif
    for (; i < count; i++) { float v = values[i]; l = v < l ? v : l; h = v > h ? v : h; }
    *minimum = l; *maximum = h;
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int convscope_return_blocks_from(int bytes) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

#if defined(__linux__)
#include <fcntl.h>
#endif

int convscope_start_writeback(int fd, int64_t offset, int64_t count) {
#if defined(__linux__)
    return sync_file_range(fd, offset, count, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd; (void)offset; (void)count;
    return -1;
#endif
}
