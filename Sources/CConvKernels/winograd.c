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
            } else if (m == 4) {
                // Every 4th float of 64, from phase j mod 4: 8 from each pair of vectors, joined.
                const float *from = padded + 4 * t + (j & ~3);
                const __m512i every4 = _mm512_add_epi32(_mm512_slli_epi32(lanes, 2), _mm512_set1_epi32(j & 3));
                __m512 low = _mm512_permutex2var_ps(_mm512_loadu_ps(from), every4, _mm512_loadu_ps(from + 16));
                __m512 high = _mm512_permutex2var_ps(_mm512_loadu_ps(from + 32), every4, _mm512_loadu_ps(from + 48));
                x[j] = _mm512_shuffle_f32x4(low, high, 0x44);
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
    else if (m == 4 && n == 8) input_body(padded, transform, 4, 8, tiles, out);
    else input_body(padded, transform, m, n, tiles, out);
}

// Puts `high` into the upper 8 lanes of `v` (avx512f only: through the 64-bit lanes).
AVX512 static ALWAYS_INLINE __m512 _mm512_insertf32x8_fallback(__m512 v, __m256 high) {
    return _mm512_castpd_ps(_mm512_insertf64x4(_mm512_castps_pd(v), _mm256_castps_pd(high), 1));
}

// Interleaves the low (high) halves of a and b: lane 2k is a[k], lane 2k + 1 is b[k].
AVX512 static ALWAYS_INLINE __m512 zip_low(__m512 a, __m512 b) {
    return _mm512_permutex2var_ps(a, _mm512_set_epi32(23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0), b);
}
AVX512 static ALWAYS_INLINE __m512 zip_high(__m512 a, __m512 b) {
    return _mm512_permutex2var_ps(a, _mm512_set_epi32(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8), b);
}

/// Stores `count` (≤ 16) floats at `out`.
AVX512 static ALWAYS_INLINE void store_first(float *out, __m512 v, int64_t count) {
    if (count > 0) _mm512_mask_storeu_ps(out, count >= 16 ? 0xFFFF : (__mmask16)((1u << count) - 1), v);
}

AVX512 static ALWAYS_INLINE void output_body(
    const float *const *sums, const double *transform, const int m, const int n, double denominator, int64_t tiles,
    int64_t width, float start, float *out)
{
    const __m512d d = _mm512_set1_pd(denominator);
    const __m512 first = _mm512_set1_ps(start);
    const __m512i lanes = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    for (int64_t t = 0; t < tiles; t += 16) {
        __mmask16 mask = tiles - t >= 16 ? 0xFFFF : (__mmask16)((1u << (tiles - t)) - 1);
        __m512 y[16], loaded[16];
        for (int p = 0; p < n; p++) loaded[p] = _mm512_maskz_loadu_ps(mask, sums[p] + t);
        for (int half = 0; half < 2; half++) {
            __m512d x[16];
            for (int p = 0; p < n; p++) {
                __m256 part = half == 0 ? _mm512_castps512_ps256(loaded[p])
                                        : _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(loaded[p]), 1));
                x[p] = _mm512_cvtps_pd(part);
            }
            for (int q = 0; q < m; q++) {
                __m512d sum = _mm512_mul_pd(_mm512_set1_pd(transform[q * n]), x[0]);
                for (int p = 1; p < n; p++) sum = _mm512_fmadd_pd(_mm512_set1_pd(transform[q * n + p]), x[p], sum);
                // The exact sum times D, divided exactly, is the exact output: float32 holds it.
                __m256 value = _mm512_cvtpd_ps(_mm512_div_pd(sum, d));
                y[q] = half == 0 ? _mm512_castps256_ps512(value) : _mm512_insertf32x8_fallback(y[q], value);
            }
        }
        // Then the start: the bias, or +0 so an exact zero is +0 as the direct path's is.
        for (int q = 0; q < m; q++) y[q] = _mm512_add_ps(y[q], first);
        const int64_t base = m * t, left = width - base;
        if (m == 2) {
            store_first(out + base, zip_low(y[0], y[1]), left);
            store_first(out + base + 16, zip_high(y[0], y[1]), left - 16);
        } else if (m == 4) {
            __m512 a0 = zip_low(y[0], y[2]), a1 = zip_high(y[0], y[2]), b0 = zip_low(y[1], y[3]), b1 = zip_high(y[1], y[3]);
            store_first(out + base, zip_low(a0, b0), left);
            store_first(out + base + 16, zip_high(a0, b0), left - 16);
            store_first(out + base + 32, zip_low(a1, b1), left - 32);
            store_first(out + base + 48, zip_high(a1, b1), left - 48);
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
    const float *const *sums, const double *transform, int m, int n, double denominator, int64_t tiles, int64_t width,
    float start, float *out)
{
    if (m == 2 && n == 6) output_body(sums, transform, 2, 6, denominator, tiles, width, start, out);
    else if (m == 4 && n == 8) output_body(sums, transform, 4, 8, denominator, tiles, width, start, out);
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
    const float *const *sums, const double *transform, int m, int n, double denominator, int64_t tiles, int64_t width,
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
            double sum = 0.0;
            for (int p = 0; p < n; p++) sum += transform[q * n + p] * (double)sums[p][t];
            out[m * t + q] = (float)(sum / denominator) + start;
        }
    }
}
