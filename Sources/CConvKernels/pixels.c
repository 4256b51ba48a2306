// The second direct kernel: vectorised over output channels instead of output columns.
//
// One tile is P output pixels of one row, each a vector of B output channels (16 in a zmm with
// AVX-512, 8 in a ymm with AVX2), held in registers while every tap streams by: per tap one
// weight vector load and P fused multiply-adds with the input value broadcast from memory. A
// narrow output row (25 columns of a 32² k8 layer) wastes at most 3 pixels of a tile, where the
// row kernel's 48-column tile wastes 23.
//
// Every value is the same sequence of float32 operations as convscope_accumulate_rows: the value
// the output holds, then one fused multiply-add per tap in order, so the two agree bit for bit.
#include "CConvKernels.h"
#include <string.h>

#if defined(__x86_64__)
typedef float v8f __attribute__((vector_size(32)));
typedef float v16f __attribute__((vector_size(64)));

// Pixels x0 … x0 + n − 1 (n ≤ P) of `channels` ≤ B output rows; reads P input values per tap
// (up to P − n past the row's last column, inside CONVSCOPE_ROW_SLACK).
#define PIXEL_TILE(NAME, TARGET, VT, B, P)                                                          \
    __attribute__((target(TARGET))) static void NAME(                                           \
        const float *input, const int64_t *offsets, const float *weights, int64_t taps,         \
        float *const *output, int channels, int64_t x0, int64_t n, const float *first) {        \
        float start[P][B] __attribute__((aligned(64)));                                         \
        memset(start, 0, sizeof start);                                                         \
        for (int o = 0; o < channels; o++)                                                      \
            for (int64_t p = 0; p < n; p++) start[p][o] = first ? first[o] : output[o][x0 + p]; \
        VT acc[P];                                                                              \
        for (int p = 0; p < (P); p++) memcpy(&acc[p], start[p], sizeof(VT));                    \
        const float *base = input + x0;                                                         \
        for (int64_t t = 0; t < taps; t++) {                                                    \
            const float *s = base + offsets[t];                                                 \
            VT w;                                                                               \
            memcpy(&w, weights + (B) * t, sizeof(VT));                                          \
            /* x + (−0) == x: a plain broadcast, which the FMA takes from memory */             \
            for (int p = 0; p < (P); p++) acc[p] = __builtin_elementwise_fma(w, -(VT){0} + s[p], acc[p]); \
        }                                                                                       \
        for (int p = 0; p < (P); p++) memcpy(start[p], &acc[p], sizeof(VT));                    \
        for (int o = 0; o < channels; o++)                                                      \
            for (int64_t p = 0; p < n; p++) output[o][x0 + p] = start[p][o];                    \
    }

typedef void (*pixel_tile)(const float *, const int64_t *, const float *, int64_t, float *const *, int, int64_t, int64_t,
                           const float *);

PIXEL_TILE(pixels512_4, "avx512f", v16f, 16, 4)
PIXEL_TILE(pixels512_8, "avx512f", v16f, 16, 8)
PIXEL_TILE(pixels512_12, "avx512f", v16f, 16, 12)
PIXEL_TILE(pixels512_16, "avx512f", v16f, 16, 16)
PIXEL_TILE(pixels512_20, "avx512f", v16f, 16, 20)
PIXEL_TILE(pixels512_24, "avx512f", v16f, 16, 24)
PIXEL_TILE(pixels512_28, "avx512f", v16f, 16, 28)
PIXEL_TILE(pixels256_4, "avx2,fma", v8f, 8, 4)
PIXEL_TILE(pixels256_8, "avx2,fma", v8f, 8, 8)
PIXEL_TILE(pixels256_12, "avx2,fma", v8f, 8, 12)

// Tiles of 4, 8, … pixels, index (P / 4) − 1; 28 with AVX-512 (28 accumulators and the weights
// in 32 zmm registers), 12 with AVX2 (16 ymm registers, one more for the broadcast).
static const pixel_tile tiles512[] = {pixels512_4, pixels512_8, pixels512_12, pixels512_16,
                                      pixels512_20, pixels512_24, pixels512_28};
static const pixel_tile tiles256[] = {pixels256_4, pixels256_8, pixels256_12};

void convscope_accumulate_pixels(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
    const int level = convscope_isa_level();
    if (level < 1 || columns <= 0) return;
    const pixel_tile *tiles = level == 2 ? tiles512 : tiles256;
    const int64_t widest = level == 2 ? 28 : 12;
    // Equal tiles, rounded up to a multiple of 4 pixels: 25 columns are one tile of 28, 57 three of 20.
    const int64_t count = (columns + widest - 1) / widest;
    const int64_t each = ((columns + count - 1) / count + 3) / 4 * 4;
    int64_t x0 = 0;
    for (; x0 + each <= columns; x0 += each)
        tiles[each / 4 - 1](input, offsets, weights, taps, output, channels, x0, each, first);
    if (x0 < columns) {
        const int64_t rest = columns - x0;
        tiles[(rest + 3) / 4 - 1](input, offsets, weights, taps, output, channels, x0, rest, first);
    }
}

int convscope_pixel_block_channels(void) {
    const int level = convscope_isa_level();
    return level == 2 ? 16 : level == 1 ? 8 : 0;
}
#else
void convscope_accumulate_pixels(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first) {
    (void)input; (void)offsets; (void)weights; (void)taps; (void)output; (void)channels; (void)columns; (void)first;
}

int convscope_pixel_block_channels(void) { return 0; }
#endif
