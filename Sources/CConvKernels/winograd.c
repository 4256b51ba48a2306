#include "CConvKernels.h"
#include <string.h>

// Winograd F(m, r) along output rows: the input transform of one input row and the output
// transform of one output row (WinogradConvolution.swift, WinogradRows.swift). Every value is an
// integer multiple of the data's grid below 2^24 of its units (the caller checks the bound), so
// float32 holds every product and partial sum exactly and the order of the sums does not matter;
// the one division by D gives the exact quotient. AVX-512 and AVX2 + FMA variants where the kernels
// run them, plain loops elsewhere (the same values).

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

// The AVX2 + FMA variants: 8 tiles per vector, the same sums as the AVX-512 ones (so the same
// values). m = 2 and m = 4 regroup the padded row and the outputs with shuffles; other m gather
// and store one value at a time.
#define AVX2 __attribute__((target("avx2,fma")))

// The lanes below `count` set (all for 8 and more, none for 0 and less).
AVX2 static ALWAYS_INLINE __m256i lanes_below(int64_t count) {
    const int clamped = count < 0 ? 0 : count > 8 ? 8 : (int)count;
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(clamped), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

// Stores the first `count` lanes of v at out (all 8 at once when count ≥ 8).
AVX2 static ALWAYS_INLINE void store_first8(float *out, __m256 v, int64_t count) {
    if (count >= 8) _mm256_storeu_ps(out, v);
    else if (count > 0) _mm256_maskstore_ps(out, lanes_below(count), v);
}

// x[j][k] = padded[m·(t + k) + j] for the 8 tiles t … t + 7 and j < n. Reads at most
// m·(t + 8) + n + 16 floats into padded, inside the caller's buffer whatever t.
AVX2 static ALWAYS_INLINE void tiles_points_avx2(const float *padded, const int m, const int n, int64_t t, __m256 *x) {
    if (m == 4) {
        // Rows of tiles (t, t + 4), (t + 1, t + 5), … transposed within each 128-bit half.
        for (int j = 0; j < n; j += 4) {
            const float *from = padded + 4 * t + j;
            __m256 r[4];
            for (int k = 0; k < 4; k++)
                r[k] = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_loadu_ps(from + 4 * k)), _mm_loadu_ps(from + 16 + 4 * k), 1);
            __m256 a = _mm256_unpacklo_ps(r[0], r[1]), b = _mm256_unpackhi_ps(r[0], r[1]);
            __m256 c = _mm256_unpacklo_ps(r[2], r[3]), d = _mm256_unpackhi_ps(r[2], r[3]);
            __m256 column[4] = {_mm256_shuffle_ps(a, c, 0x44), _mm256_shuffle_ps(a, c, 0xEE),
                                _mm256_shuffle_ps(b, d, 0x44), _mm256_shuffle_ps(b, d, 0xEE)};
            for (int k = 0; k < 4 && j + k < n; k++) x[j + k] = column[k];
        }
    } else if (m == 2) {
        // The even or odd floats of 16: tiles (0, 1, 4, 5 | 2, 3, 6, 7), then the middle pairs swapped.
        for (int j = 0; j < n; j += 2) {
            const float *from = padded + 2 * t + j;
            __m256 a = _mm256_loadu_ps(from), b = _mm256_loadu_ps(from + 8);
            x[j] = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(a, b, 0x88)), 0xD8));
            if (j + 1 < n)
                x[j + 1] = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(a, b, 0xDD)), 0xD8));
        }
    } else {
        const __m256i step = _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(m));
        for (int j = 0; j < n; j++) x[j] = _mm256_i32gather_ps(padded + m * t + j, step, 4);
    }
}

AVX2 static ALWAYS_INLINE void input_body_avx2(
    const float *padded, const float *transform, const int m, const int n, int64_t tiles, float *const *out)
{
    for (int64_t t = 0; t < tiles; t += 8) {
        __m256 x[16];
        tiles_points_avx2(padded, m, n, t, x);
        for (int p = 0; p < n; p++) {
            __m256 sum = _mm256_mul_ps(_mm256_set1_ps(transform[p * n]), x[0]);
            for (int j = 1; j < n; j++) sum = _mm256_fmadd_ps(_mm256_set1_ps(transform[p * n + j]), x[j], sum);
            store_first8(out[p] + t, sum, tiles - t);
        }
    }
}

AVX2 static void input_row_avx2(
    const float *padded, const float *transform, int m, int n, int64_t tiles, float *const *out)
{
    if (m == 2 && n == 6) input_body_avx2(padded, transform, 2, 6, tiles, out);
    else if (m == 3 && n == 7) input_body_avx2(padded, transform, 3, 7, tiles, out);
    else if (m == 4 && n == 8) input_body_avx2(padded, transform, 4, 8, tiles, out);
    else input_body_avx2(padded, transform, m, n, tiles, out);
}

AVX2 static ALWAYS_INLINE void output_body_avx2(
    const float *const *sums, const double *transform, const int m, const int n, double denominator, int64_t tiles,
    int64_t width, float start, float *out)
{
    const __m256d d = _mm256_set1_pd(denominator);
    const __m256 first = _mm256_set1_ps(start);
    for (int64_t t = 0; t < tiles; t += 8) {
        __m256 loaded[16];
        for (int p = 0; p < n; p++)
            loaded[p] = tiles - t >= 8 ? _mm256_loadu_ps(sums[p] + t) : _mm256_maskload_ps(sums[p] + t, lanes_below(tiles - t));
        __m128 half_values[2][16];
        for (int half = 0; half < 2; half++) {
            __m256d x[16];
            for (int p = 0; p < n; p++)
                x[p] = _mm256_cvtps_pd(half == 0 ? _mm256_castps256_ps128(loaded[p]) : _mm256_extractf128_ps(loaded[p], 1));
            for (int q = 0; q < m; q++) {
                __m256d sum = _mm256_mul_pd(_mm256_set1_pd(transform[q * n]), x[0]);
                for (int p = 1; p < n; p++) sum = _mm256_fmadd_pd(_mm256_set1_pd(transform[q * n + p]), x[p], sum);
                // The exact sum times D, divided exactly, is the exact output: float32 holds it.
                half_values[half][q] = _mm256_cvtpd_ps(_mm256_div_pd(sum, d));
            }
        }
        // Then the start: the bias, or +0 so an exact zero is +0 as the direct path's is.
        __m256 y[16];
        for (int q = 0; q < m; q++) y[q] = _mm256_add_ps(_mm256_set_m128(half_values[1][q], half_values[0][q]), first);
        const int64_t base = m * t, left = width - base;
        if (m == 2) {
            // (t0, t1 | t4, t5) and (t2, t3 | t6, t7), each tile's two outputs together.
            __m256 low = _mm256_unpacklo_ps(y[0], y[1]), high = _mm256_unpackhi_ps(y[0], y[1]);
            store_first8(out + base, _mm256_permute2f128_ps(low, high, 0x20), left);
            store_first8(out + base + 8, _mm256_permute2f128_ps(low, high, 0x31), left - 8);
        } else if (m == 4) {
            // A 4 × 4 transpose in each half gives (t0 | t4), (t1 | t5), (t2 | t6), (t3 | t7).
            __m256 a = _mm256_unpacklo_ps(y[0], y[1]), b = _mm256_unpackhi_ps(y[0], y[1]);
            __m256 c = _mm256_unpacklo_ps(y[2], y[3]), e = _mm256_unpackhi_ps(y[2], y[3]);
            __m256 r0 = _mm256_shuffle_ps(a, c, 0x44), r1 = _mm256_shuffle_ps(a, c, 0xEE);
            __m256 r2 = _mm256_shuffle_ps(b, e, 0x44), r3 = _mm256_shuffle_ps(b, e, 0xEE);
            store_first8(out + base, _mm256_permute2f128_ps(r0, r1, 0x20), left);
            store_first8(out + base + 8, _mm256_permute2f128_ps(r2, r3, 0x20), left - 8);
            store_first8(out + base + 16, _mm256_permute2f128_ps(r0, r1, 0x31), left - 16);
            store_first8(out + base + 24, _mm256_permute2f128_ps(r2, r3, 0x31), left - 24);
        } else {
            float values[16][8];
            for (int q = 0; q < m; q++) _mm256_storeu_ps(values[q], y[q]);
            for (int k = 0; k < 8; k++)
                for (int q = 0; q < m && m * k + q < left; q++) out[base + m * k + q] = values[q][k];
        }
    }
}

AVX2 static void output_row_avx2(
    const float *const *sums, const double *transform, int m, int n, double denominator, int64_t tiles, int64_t width,
    float start, float *out)
{
    if (m == 2 && n == 6) output_body_avx2(sums, transform, 2, 6, denominator, tiles, width, start, out);
    else if (m == 3 && n == 7) output_body_avx2(sums, transform, 3, 7, denominator, tiles, width, start, out);
    else if (m == 4 && n == 8) output_body_avx2(sums, transform, 4, 8, denominator, tiles, width, start, out);
    else output_body_avx2(sums, transform, m, n, denominator, tiles, width, start, out);
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
    if (convscope_isa_level() == 1 && n <= 16) {
        input_row_avx2(padded, transform, m, n, tiles, out);
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
    if (convscope_isa_level() == 1 && n <= 16 && m <= 16) {
        output_row_avx2(sums, transform, m, n, denominator, tiles, width, start, out);
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
