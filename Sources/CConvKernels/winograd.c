#include "CConvKernels.h"
#include <string.h>

// Winograd F(m, r) along output rows: the input transform of one input row and the output
// transform of one output row (WinogradConvolution.swift, WinogradRows.swift). Every value is an
// integer multiple of the data's grid below 2^24 of its units (the caller checks the bound), so
// float32 holds every product and partial sum exactly and the order of the sums does not matter;
// the one division by D gives the exact quotient. An AVX-512 variant where the kernels run it,
// plain loops elsewhere (the same values).

#if defined(__x86_64__)
#include <immintrin.h>
#define AVX512 __attribute__((target("avx512f")))

// The bodies take m and n as arguments the dispatch below passes as constants where it can
// (F(2, 5): m = 2, n = 6), so the loops over points unroll and x stays in registers. Zero
// coefficients are multiplied too: 0 · x adds nothing (an exact +0 or −0; no NaN gets here).
#define ALWAYS_INLINE __attribute__((always_inline)) inline

AVX512 static ALWAYS_INLINE void input_body(
    const float *padded, const float *transform, const int m, const int n, int64_t tiles, float *const *out)
{
    const __m512i evens = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i odds = _mm512_add_epi32(evens, _mm512_set1_epi32(1));
    const __m512i lanes = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i step = _mm512_mullo_epi32(lanes, _mm512_set1_epi32(m));
    for (int64_t t = 0; t < tiles; t += 16) {
        __mmask16 mask = tiles - t >= 16 ? 0xFFFF : (__mmask16)((1u << (tiles - t)) - 1);
        // x[j][k] = padded[m·(t + k) + j]: for m = 2 the even or odd half of 32 floats, else gathered.
        __m512 x[16];
        for (int j = 0; j < n; j++) {
            if (m == 2) {
                const float *from = padded + 2 * t + (j & ~1);
                __m512 a = _mm512_loadu_ps(from), b = _mm512_loadu_ps(from + 16);
                x[j] = _mm512_permutex2var_ps(a, (j & 1) ? odds : evens, b);
            } else {
                x[j] = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), mask, step, padded + m * t + j, 4);
            }
        }
        for (int p = 0; p < n; p++) {
            __m512 sum = _mm512_mul_ps(_mm512_set1_ps(transform[p * n]), x[0]);
            for (int j = 1; j < n; j++) sum = _mm512_fmadd_ps(_mm512_set1_ps(transform[p * n + j]), x[j], sum);
            _mm512_mask_storeu_ps(out[p] + t, mask, sum);
        }
    }
}

AVX512 static void input_row_avx512(
    const float *padded, const float *transform, int m, int n, int64_t tiles, float *const *out)
{
    if (m == 2 && n == 6) input_body(padded, transform, 2, 6, tiles, out);
    else if (m == 2 && n == 4) input_body(padded, transform, 2, 4, tiles, out);
    else input_body(padded, transform, m, n, tiles, out);
}

AVX512 static ALWAYS_INLINE void output_body(
    const float *const *sums, const float *transform, const int m, const int n, float denominator, int64_t tiles,
    int64_t width, float start, float *out)
{
    const __m512 d = _mm512_set1_ps(denominator), first = _mm512_set1_ps(start);
    const __m512i lanes = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i low = _mm512_set_epi32(23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    const __m512i high = _mm512_set_epi32(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8);
    for (int64_t t = 0; t < tiles; t += 16) {
        __mmask16 mask = tiles - t >= 16 ? 0xFFFF : (__mmask16)((1u << (tiles - t)) - 1);
        __m512 x[16], y[16];
        for (int p = 0; p < n; p++) x[p] = _mm512_maskz_loadu_ps(mask, sums[p] + t);
        for (int q = 0; q < m; q++) {
            __m512 sum = _mm512_mul_ps(_mm512_set1_ps(transform[q * n]), x[0]);
            for (int p = 1; p < n; p++) sum = _mm512_fmadd_ps(_mm512_set1_ps(transform[q * n + p]), x[p], sum);
            // The exact sum times D, divided exactly; then the start (the bias, or +0 so an exact
            // zero is +0 as the direct path's is).
            y[q] = _mm512_add_ps(_mm512_div_ps(sum, d), first);
        }
        const int64_t base = m * t, left = width - base;
        if (m == 2) {
            __m512 a = _mm512_permutex2var_ps(y[0], low, y[1]), b = _mm512_permutex2var_ps(y[0], high, y[1]);
            _mm512_mask_storeu_ps(out + base, left >= 16 ? 0xFFFF : (__mmask16)((1u << left) - 1), a);
            if (left > 16) _mm512_mask_storeu_ps(out + base + 16, left >= 32 ? 0xFFFF : (__mmask16)((1u << (left - 16)) - 1), b);
        } else {
            for (int q = 0; q < m; q++) {
                __m512i index = _mm512_add_epi32(_mm512_mullo_epi32(lanes, _mm512_set1_epi32(m)), _mm512_set1_epi32(q));
                __mmask16 inside = _mm512_mask_cmplt_epi32_mask(mask, index, _mm512_set1_epi32((int)(left < 1 << 30 ? left : 1 << 30)));
                _mm512_mask_i32scatter_ps(out + base, inside, index, y[q], 4);
            }
        }
    }
}

AVX512 static void output_row_avx512(
    const float *const *sums, const float *transform, int m, int n, float denominator, int64_t tiles, int64_t width,
    float start, float *out)
{
    if (m == 2 && n == 6) output_body(sums, transform, 2, 6, denominator, tiles, width, start, out);
    else if (m == 2 && n == 4) output_body(sums, transform, 2, 4, denominator, tiles, width, start, out);
    else output_body(sums, transform, m, n, denominator, tiles, width, start, out);
}
#endif

void convscope_winograd_input_row(
    const float *row, const int32_t *columns, int64_t interiorStart, int64_t interiorCount, const float *transform,
    int m, int n, int64_t tiles, float *padded, float *const *out)
{
    // The padded row: the input's own columns copied, the padding's through the table.
    const int64_t length = m * tiles + n - 1;
    for (int64_t i = 0; i < length; i++) {
        if (row != 0 && i == interiorStart && interiorCount > 0) {
            memcpy(padded + i, row + columns[i], (size_t)interiorCount * sizeof(float));
            i += interiorCount - 1;
            continue;
        }
        padded[i] = (row != 0 && columns[i] >= 0) ? row[columns[i]] : 0.0f;
    }
#if defined(__x86_64__)
    if (convscope_isa_level() == 2 && n <= 16) {
        input_row_avx512(padded, transform, m, n, tiles, out);
        return;
    }
#endif
    for (int p = 0; p < n; p++) {
        float *restrict target = out[p];
        for (int64_t t = 0; t < tiles; t++) target[t] = 0.0f;
        for (int j = 0; j < n; j++) {
            const float c = transform[p * n + j];
            if (c == 0.0f) continue;
            for (int64_t t = 0; t < tiles; t++) target[t] += c * padded[m * t + j];
        }
    }
}

void convscope_winograd_output_row(
    const float *const *sums, const float *transform, int m, int n, float denominator, int64_t tiles, int64_t width,
    float start, float *out)
{
#if defined(__x86_64__)
    if (convscope_isa_level() == 2 && n <= 16 && m <= 16) {
        output_row_avx512(sums, transform, m, n, denominator, tiles, width, start, out);
        return;
    }
#endif
    for (int64_t t = 0; t < tiles; t++) {
        for (int q = 0; q < m && m * t + q < width; q++) {
            float sum = 0.0f;
            for (int p = 0; p < n; p++) sum += transform[q * n + p] * sums[p][t];
            out[m * t + q] = sum / denominator + start;
        }
    }
}
