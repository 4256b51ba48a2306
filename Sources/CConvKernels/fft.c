// The FFT path of the general convolution: float64 radix-2 FFTs of n×n tiles and the products of
// their spectra, for kernels large enough that multiplying spectra beats summing taps.
//
// A 2-D transform is two passes of one 1-D transform along the first index, with a transpose
// between: each butterfly then combines two whole rows, n contiguous doubles, which the compiler
// turns into vector code without shuffles. Spectra come out transposed ([kx][ky]), which no caller
// minds: products are elementwise and the inverse transform undoes the transpose.
#include "CConvKernels.h"
#include <string.h>

// Radix-2 decimation in time along the first index of an n×n split-complex array, rows swapped
// into bit-reversed order first. twiddles: cos(2πk/n) for k < n/2, then sin(2πk/n).
static inline __attribute__((always_inline)) void fft_axis0_body(
    double *re, double *im, int log2n, const double *twiddles, int inverse) {
    const int n = 1 << log2n;
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            double *ar = re + (int64_t)i * n, *br = re + (int64_t)j * n;
            double *ai = im + (int64_t)i * n, *bi = im + (int64_t)j * n;
            for (int x = 0; x < n; x++) {
                double t = ar[x]; ar[x] = br[x]; br[x] = t;
                t = ai[x]; ai[x] = bi[x]; bi[x] = t;
            }
        }
    }
    const double sign = inverse ? 1.0 : -1.0;
    for (int len = 2; len <= n; len <<= 1) {
        const int half = len >> 1, step = n / len;
        for (int start = 0; start < n; start += len) {
            for (int k = 0; k < half; k++) {
                const double wr = twiddles[k * step], wi = sign * twiddles[n / 2 + k * step];
                double *restrict ar = re + (int64_t)(start + k) * n, *restrict ai = im + (int64_t)(start + k) * n;
                double *restrict br = ar + (int64_t)half * n, *restrict bi = ai + (int64_t)half * n;
                for (int x = 0; x < n; x++) {
                    const double tr = br[x] * wr - bi[x] * wi, ti = br[x] * wi + bi[x] * wr;
                    br[x] = ar[x] - tr; bi[x] = ai[x] - ti;
                    ar[x] += tr; ai[x] += ti;
                }
            }
        }
    }
}

static inline __attribute__((always_inline)) void transpose_body(double *a, int n) {
    enum { B = 8 };
    for (int i0 = 0; i0 < n; i0 += B)
        for (int j0 = i0; j0 < n; j0 += B)
            for (int i = i0; i < i0 + B && i < n; i++)
                for (int j = (j0 == i0 ? i + 1 : j0); j < j0 + B && j < n; j++) {
                    double t = a[(int64_t)i * n + j];
                    a[(int64_t)i * n + j] = a[(int64_t)j * n + i];
                    a[(int64_t)j * n + i] = t;
                }
}

static inline __attribute__((always_inline)) void fft2d_body(
    double *re, double *im, int log2n, const double *twiddles, int inverse) {
    fft_axis0_body(re, im, log2n, twiddles, inverse);
    transpose_body(re, 1 << log2n);
    transpose_body(im, 1 << log2n);
    fft_axis0_body(re, im, log2n, twiddles, inverse);
}

// y_a += Σ_c x_c · w_a,c and y_b likewise (w_b may be NULL), bins in chunks that keep both
// sums in the first-level cache while the channels stream by.
static inline __attribute__((always_inline)) void accumulate_body(
    const double *x, int64_t xStride, const double *wa, const double *wb, int64_t wStride, int64_t channels,
    double *ya, double *yb, int64_t bins) {
    enum { CHUNK = 256 };
    for (int64_t b0 = 0; b0 < bins; b0 += CHUNK) {
        const int64_t count = bins - b0 < CHUNK ? bins - b0 : CHUNK;
        double *restrict yar = ya + b0, *restrict yai = ya + bins + b0;
        double *restrict ybr = yb ? yb + b0 : NULL, *restrict ybi = yb ? yb + bins + b0 : NULL;
        for (int64_t c = 0; c < channels; c++) {
            const double *restrict xr = x + c * xStride + b0, *restrict xi = x + c * xStride + bins + b0;
            const double *restrict war = wa + c * wStride + b0, *restrict wai = wa + c * wStride + bins + b0;
            for (int64_t i = 0; i < count; i++) {
                yar[i] += xr[i] * war[i] - xi[i] * wai[i];
                yai[i] += xr[i] * wai[i] + xi[i] * war[i];
            }
            if (!yb) continue;
            const double *restrict wbr = wb + c * wStride + b0, *restrict wbi = wb + c * wStride + bins + b0;
            for (int64_t i = 0; i < count; i++) {
                ybr[i] += xr[i] * wbr[i] - xi[i] * wbi[i];
                ybi[i] += xr[i] * wbi[i] + xi[i] * wbr[i];
            }
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static void fft2d_avx512(double *re, double *im, int log2n, const double *t, int inv) {
    fft2d_body(re, im, log2n, t, inv);
}
__attribute__((target("avx2,fma"))) static void fft2d_avx2(double *re, double *im, int log2n, const double *t, int inv) {
    fft2d_body(re, im, log2n, t, inv);
}
__attribute__((target("avx512f"))) static void accumulate_avx512(
    const double *x, int64_t xs, const double *wa, const double *wb, int64_t ws, int64_t c, double *ya, double *yb,
    int64_t bins) {
    accumulate_body(x, xs, wa, wb, ws, c, ya, yb, bins);
}
__attribute__((target("avx2,fma"))) static void accumulate_avx2(
    const double *x, int64_t xs, const double *wa, const double *wb, int64_t ws, int64_t c, double *ya, double *yb,
    int64_t bins) {
    accumulate_body(x, xs, wa, wb, ws, c, ya, yb, bins);
}
#endif

static void fft2d_generic(double *re, double *im, int log2n, const double *t, int inv) {
    fft2d_body(re, im, log2n, t, inv);
}

void convscope_fft2d(double *re, double *im, int log2n, const double *twiddles, int inverse) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') { fft2d_avx512(re, im, log2n, twiddles, inverse); return; }
    if (isa[0] == 'a') { fft2d_avx2(re, im, log2n, twiddles, inverse); return; }
#endif
    fft2d_generic(re, im, log2n, twiddles, inverse);
}

void convscope_spectra_accumulate(
    const double *x, int64_t xStride, const double *wa, const double *wb, int64_t wStride, int64_t channels,
    double *ya, double *yb, int64_t bins) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') { accumulate_avx512(x, xStride, wa, wb, wStride, channels, ya, yb, bins); return; }
    if (isa[0] == 'a') { accumulate_avx2(x, xStride, wa, wb, wStride, channels, ya, yb, bins); return; }
#endif
    accumulate_body(x, xStride, wa, wb, wStride, channels, ya, yb, bins);
}

// Z = A + iB for two real planes a, b: A(k) = (Z(k) + conj Z(−k)) / 2, B(k) = (Z(k) − conj Z(−k)) / 2i.
// Z is n×n in the transposed layout [kx][ky]; A and B keep kx ≤ n/2, the rest being their conjugates.
void convscope_fft_split_pair(
    const double *zr, const double *zi, int n, double *ar, double *ai, double *br, double *bi) {
    const int rows = n / 2 + 1;
    for (int kx = 0; kx < rows; kx++) {
        const int mx = (n - kx) & (n - 1);
        for (int ky = 0; ky < n; ky++) {
            const int my = (n - ky) & (n - 1);
            const int64_t k = (int64_t)kx * n + ky, m = (int64_t)mx * n + my;
            const double p = zr[k], q = zi[k], r = zr[m], s = zi[m];
            ar[k] = 0.5 * (p + r); ai[k] = 0.5 * (q - s);
            if (br) { br[k] = 0.5 * (q + s); bi[k] = 0.5 * (r - p); }
        }
    }
}

// The inverse of convscope_fft_split_pair: Z = A + iB over the whole n×n grid from the halves,
// the missing half of each spectrum being the conjugate of its mirror (b may be NULL: zero).
void convscope_fft_join_pair(
    const double *ar, const double *ai, const double *br, const double *bi, int n, double *zr, double *zi) {
    const int rows = n / 2 + 1;
    for (int kx = 0; kx < n; kx++) {
        for (int ky = 0; ky < n; ky++) {
            const int64_t k = (int64_t)kx * n + ky;
            if (kx < rows) {
                const double pr = ar[k], pi = ai[k], qr = br ? br[k] : 0, qi = bi ? bi[k] : 0;
                zr[k] = pr - qi; zi[k] = pi + qr;
            } else {
                const int64_t m = (int64_t)(n - kx) * n + ((n - ky) & (n - 1));
                const double pr = ar[m], pi = ai[m], qr = br ? br[m] : 0, qi = bi ? bi[m] : 0;
                zr[k] = pr + qi; zi[k] = qr - pi;
            }
        }
    }
}

// 0 when every value is a finite integer, 1 when all are finite, 2 when one is NaN or infinite;
// *largest gets the largest magnitude. Vector-friendly: no early exit.
int convscope_scan_values(const float *values, int64_t count, float *largest) {
    float top = 0;
    int fractional = 0, nonFinite = 0;
    for (int64_t i = 0; i < count; i++) {
        const float v = values[i], a = __builtin_fabsf(v);
        top = a > top ? a : top;
        nonFinite |= !(a <= 3.4028234663852886e38f);
        const float small = a < 8388608.0f ? v : 0;  // from 2^23 up every float is an integer
        fractional |= (float)(int32_t)small != small;
    }
    *largest = top;
    return nonFinite ? 2 : fractional;
}
