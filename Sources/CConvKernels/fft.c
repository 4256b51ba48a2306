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

// For every tile t and output o: y[t][o] = Σ_c x[t][c] · w[o][c] (complex, per bin), bins in chunks
// of `chunk`: one chunk of every kernel spectrum stays in the second-level cache while all tiles of
// the batch stream by, so the spectra are read from memory once per batch rather than once per tile.
static inline __attribute__((always_inline)) void multiply_body(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inCh, int64_t outCh, int64_t firstOut,
    int64_t outCount, int64_t bins, int64_t chunk) {
    const int64_t spectrum = 2 * bins;
    for (int64_t b0 = 0; b0 < bins; b0 += chunk) {
        const int64_t count = bins - b0 < chunk ? bins - b0 : chunk;
        for (int64_t t = 0; t < tiles; t++) {
            for (int64_t o = firstOut; o < firstOut + outCount; o++) {
                double *restrict yr = y + (t * outCh + o) * spectrum + b0, *restrict yi = yr + bins;
                for (int64_t i = 0; i < count; i++) { yr[i] = 0; yi[i] = 0; }
                for (int64_t c = 0; c < inCh; c++) {
                    const double *restrict xr = x + (t * inCh + c) * spectrum + b0, *restrict xi = xr + bins;
                    const double *restrict wr = w + (o * inCh + c) * spectrum + b0, *restrict wi = wr + bins;
                    for (int64_t i = 0; i < count; i++) {
                        yr[i] += xr[i] * wr[i] - xi[i] * wi[i];
                        yi[i] += xr[i] * wi[i] + xi[i] * wr[i];
                    }
                }
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
typedef double v8d __attribute__((vector_size(64)));

// multiply_body with four outputs' sums over 8 bins held in registers while the input channels
// stream by: per channel 10 vector loads feed 16 fused multiply-adds (bins and chunk: multiples of 8).
__attribute__((target("avx512f"))) static void multiply_avx512(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inCh, int64_t outCh, int64_t firstOut,
    int64_t outCount, int64_t bins, int64_t chunk) {
    enum { O = 4 };
    const int64_t spectrum = 2 * bins;
    for (int64_t b0 = 0; b0 < bins; b0 += chunk) {
        const int64_t end = bins - b0 < chunk ? bins : b0 + chunk;
        for (int64_t t = 0; t < tiles; t++) {
            const double *xt = x + t * inCh * spectrum;
            for (int64_t o0 = firstOut; o0 < firstOut + outCount; o0 += O) {
                const int64_t outs = firstOut + outCount - o0 < O ? firstOut + outCount - o0 : O;
                for (int64_t i = b0; i < end; i += 8) {
                    v8d ar[O] = {0}, ai[O] = {0};
                    for (int64_t c = 0; c < inCh; c++) {
                        v8d xr, xi;
                        memcpy(&xr, xt + c * spectrum + i, sizeof xr);
                        memcpy(&xi, xt + c * spectrum + bins + i, sizeof xi);
                        const v8d nxi = -xi;
                        for (int k = 0; k < O; k++) {
                            if (k >= outs) break;
                            const double *wk = w + ((o0 + k) * inCh + c) * spectrum + i;
                            v8d wr, wi;
                            memcpy(&wr, wk, sizeof wr);
                            memcpy(&wi, wk + bins, sizeof wi);
                            ar[k] = __builtin_elementwise_fma(xr, wr, ar[k]);
                            ar[k] = __builtin_elementwise_fma(nxi, wi, ar[k]);
                            ai[k] = __builtin_elementwise_fma(xr, wi, ai[k]);
                            ai[k] = __builtin_elementwise_fma(xi, wr, ai[k]);
                        }
                    }
                    for (int k = 0; k < outs; k++) {
                        double *yk = y + (t * outCh + o0 + k) * spectrum + i;
                        memcpy(yk, &ar[k], sizeof ar[k]);
                        memcpy(yk + bins, &ai[k], sizeof ai[k]);
                    }
                }
            }
        }
    }
}
__attribute__((target("avx2,fma"))) static void multiply_avx2(
    const double *x, const double *w, double *y, int64_t t, int64_t ci, int64_t co, int64_t first, int64_t count,
    int64_t bins, int64_t chunk) {
    multiply_body(x, w, y, t, ci, co, first, count, bins, chunk);
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

void convscope_spectra_multiply(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inChannels, int64_t outChannels,
    int64_t firstOut, int64_t outCount, int64_t bins, int64_t chunk) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5' && bins % 8 == 0 && chunk % 8 == 0) {
        multiply_avx512(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, bins, chunk);
        return;
    }
    if (isa[0] == 'a') { multiply_avx2(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, bins, chunk); return; }
#endif
    multiply_body(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, bins, chunk);
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
