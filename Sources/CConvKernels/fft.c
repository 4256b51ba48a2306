// The FFT path of the general convolution: float64 radix-2 FFTs of n×n tiles and the products of
// their spectra, for kernels large enough that multiplying spectra beats summing taps.
//
// A 2-D transform is two passes of one 1-D transform along the first index, with a transpose
// between: each butterfly then combines two whole rows, n contiguous doubles, which the compiler
// turns into vector code without shuffles. Spectra come out transposed ([kx][ky]), which no caller
// minds: products are elementwise and the inverse transform undoes the transpose.
#include "CConvKernels.h"
#include <string.h>

// Spectra are stored grouped by 8 bins: a set of `channels` half spectra is
// [bins / 8 (rounded up)][channel][8 real parts, then 8 imaginary parts], so the products for 8 bins
// of every channel read one contiguous run, and the kernel spectra of 8 bins (32 KB for 16×16
// channels) stay in the first-level cache while a batch of tiles streams by.
enum { LANES = 8, GROUP = 2 * LANES };

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
    int len = 2;
    if (log2n & 1) {
        // An odd count of stages: the first alone (its twiddle is 1).
        for (int start = 0; start < n; start += 2) {
            double *restrict ar = re + (int64_t)start * n, *restrict ai = im + (int64_t)start * n;
            double *restrict br = ar + n, *restrict bi = ai + n;
            for (int x = 0; x < n; x++) {
                const double tr = br[x], ti = bi[x];
                br[x] = ar[x] - tr; bi[x] = ai[x] - ti;
                ar[x] += tr; ai[x] += ti;
            }
        }
        len = 4;
    }
    // Two stages per pass (len, then 2·len): four rows are read and written once for both.
    for (; len <= n; len <<= 2) {
        const int half = len >> 1, step = n / len;
        for (int start = 0; start < n; start += 2 * len) {
            for (int k = 0; k < half; k++) {
                const double w1r = twiddles[k * step], w1i = sign * twiddles[n / 2 + k * step];
                const double w2r = twiddles[k * step / 2], w2i = sign * twiddles[n / 2 + k * step / 2];
                const double w3r = twiddles[(k + half) * step / 2], w3i = sign * twiddles[n / 2 + (k + half) * step / 2];
                double *restrict r0 = re + (int64_t)(start + k) * n, *restrict i0 = im + (int64_t)(start + k) * n;
                double *restrict r1 = r0 + (int64_t)half * n, *restrict i1 = i0 + (int64_t)half * n;
                double *restrict r2 = r0 + (int64_t)len * n, *restrict i2 = i0 + (int64_t)len * n;
                double *restrict r3 = r2 + (int64_t)half * n, *restrict i3 = i2 + (int64_t)half * n;
                for (int x = 0; x < n; x++) {
                    // Stage len: (0, 1) and (2, 3) with w1.
                    const double t1r = r1[x] * w1r - i1[x] * w1i, t1i = r1[x] * w1i + i1[x] * w1r;
                    const double t3r = r3[x] * w1r - i3[x] * w1i, t3i = r3[x] * w1i + i3[x] * w1r;
                    const double a0r = r0[x] + t1r, a0i = i0[x] + t1i, a1r = r0[x] - t1r, a1i = i0[x] - t1i;
                    const double a2r = r2[x] + t3r, a2i = i2[x] + t3i, a3r = r2[x] - t3r, a3i = i2[x] - t3i;
                    // Stage 2·len: (0, 2) with w2, (1, 3) with w3.
                    const double u2r = a2r * w2r - a2i * w2i, u2i = a2r * w2i + a2i * w2r;
                    const double u3r = a3r * w3r - a3i * w3i, u3i = a3r * w3i + a3i * w3r;
                    r0[x] = a0r + u2r; i0[x] = a0i + u2i; r2[x] = a0r - u2r; i2[x] = a0i - u2i;
                    r1[x] = a1r + u3r; i1[x] = a1i + u3i; r3[x] = a1r - u3r; i3[x] = a1i - u3i;
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

#if defined(__x86_64__)
typedef double v8d __attribute__((vector_size(64)));

// The 8×8 block at `a` (rows `n` doubles apart) transposed in registers: r[i] becomes column i.
__attribute__((target("avx512f"), always_inline)) static inline void transpose8(v8d r[8]) {
    v8d t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 8, 2, 10, 4, 12, 6, 14);
        t[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 1, 9, 3, 11, 5, 13, 7, 15);
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = __builtin_shufflevector(t[i], t[i + 2], 0, 1, 8, 9, 4, 5, 12, 13);
        u[i + 1] = __builtin_shufflevector(t[i + 1], t[i + 3], 0, 1, 8, 9, 4, 5, 12, 13);
        u[i + 2] = __builtin_shufflevector(t[i], t[i + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        u[i + 3] = __builtin_shufflevector(t[i + 1], t[i + 3], 2, 3, 10, 11, 6, 7, 14, 15);
    }
    for (int i = 0; i < 4; i++) {
        r[i] = __builtin_shufflevector(u[i], u[i + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        r[i + 4] = __builtin_shufflevector(u[i], u[i + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

// In-place transpose of an n×n array (n a multiple of 8) by 8×8 blocks held in registers.
__attribute__((target("avx512f"), always_inline)) static inline void transpose_avx512(double *a, int n) {
    for (int i0 = 0; i0 < n; i0 += 8) {
        for (int j0 = i0; j0 < n; j0 += 8) {
            v8d p[8], q[8];
            for (int i = 0; i < 8; i++) memcpy(&p[i], a + (int64_t)(i0 + i) * n + j0, 64);
            transpose8(p);
            if (j0 != i0) {
                for (int i = 0; i < 8; i++) memcpy(&q[i], a + (int64_t)(j0 + i) * n + i0, 64);
                transpose8(q);
                for (int i = 0; i < 8; i++) memcpy(a + (int64_t)(i0 + i) * n + j0, &q[i], 64);
            }
            for (int i = 0; i < 8; i++) memcpy(a + (int64_t)(j0 + i) * n + i0, &p[i], 64);
        }
    }
}

__attribute__((target("avx512f"))) static void fft2d_avx512(double *re, double *im, int log2n, const double *t, int inv) {
    const int n = 1 << log2n;
    if (n < 8) { fft2d_body(re, im, log2n, t, inv); return; }
    fft_axis0_body(re, im, log2n, t, inv);
    transpose_avx512(re, n);
    transpose_avx512(im, n);
    fft_axis0_body(re, im, log2n, t, inv);
}
#endif

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static void fft2d_avx2(double *re, double *im, int log2n, const double *t, int inv) {
    fft2d_body(re, im, log2n, t, inv);
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

// For every tile t < tiles, bin group g and output firstOut ≤ o < firstOut + outCount:
// y[g][t][o] = Σ_c x[g][t][c] · w[g][o][c], complex per bin; x and y hold `stride` tiles per group.
static inline __attribute__((always_inline)) void multiply_body(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inCh, int64_t outCh, int64_t firstOut,
    int64_t outCount, int64_t groups, int64_t stride) {
    for (int64_t g = 0; g < groups; g++) {
        const double *wg = w + g * outCh * inCh * GROUP;
        for (int64_t t = 0; t < tiles; t++) {
            const double *xg = x + (g * stride + t) * inCh * GROUP;
            for (int64_t o = firstOut; o < firstOut + outCount; o++) {
                double *restrict yo = y + ((g * stride + t) * outCh + o) * GROUP;
                double re[LANES] = {0}, im[LANES] = {0};
                for (int64_t c = 0; c < inCh; c++) {
                    const double *restrict xc = xg + c * GROUP, *restrict wc = wg + (o * inCh + c) * GROUP;
                    for (int i = 0; i < LANES; i++) {
                        re[i] += xc[i] * wc[i] - xc[LANES + i] * wc[LANES + i];
                        im[i] += xc[i] * wc[LANES + i] + xc[LANES + i] * wc[i];
                    }
                }
                for (int i = 0; i < LANES; i++) { yo[i] = re[i]; yo[LANES + i] = im[i]; }
            }
        }
    }
}

#if defined(__x86_64__)
// Four outputs' sums over 8 bins for two tiles (x0, x1: the tiles' groups of channel 0, x1 may
// equal x0; w: output 0's group of channel 0), kept in registers while the input channels stream
// by: per channel 12 vector loads feed 32 fused multiply-adds.
__attribute__((target("avx512f"), always_inline)) static inline void multiply_block_avx512(
    const double *x0, const double *x1, const double *w, double *y0, double *y1, int64_t inCh) {
    const int64_t slice = inCh * GROUP;
    v8d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0}, b0 = {0}, b1 = {0}, b2 = {0}, b3 = {0};
    v8d c0 = {0}, c1 = {0}, c2 = {0}, c3 = {0}, d0 = {0}, d1 = {0}, d2 = {0}, d3 = {0};
    for (int64_t c = 0; c < inCh; c++) {
        v8d pr, pi, qr, qi, wr, wi;
        memcpy(&pr, x0 + c * GROUP, 64); memcpy(&pi, x0 + c * GROUP + LANES, 64);
        memcpy(&qr, x1 + c * GROUP, 64); memcpy(&qi, x1 + c * GROUP + LANES, 64);
        const v8d npi = -pi, nqi = -qi;
        const double *wc = w + c * GROUP;
#define CONVSCOPE_OUTPUT(k, ar, ai, br, bi)                                                   \
        memcpy(&wr, wc + k * slice, 64); memcpy(&wi, wc + k * slice + LANES, 64);              \
        ar = __builtin_elementwise_fma(pr, wr, ar); ar = __builtin_elementwise_fma(npi, wi, ar); \
        ai = __builtin_elementwise_fma(pr, wi, ai); ai = __builtin_elementwise_fma(pi, wr, ai);  \
        br = __builtin_elementwise_fma(qr, wr, br); br = __builtin_elementwise_fma(nqi, wi, br); \
        bi = __builtin_elementwise_fma(qr, wi, bi); bi = __builtin_elementwise_fma(qi, wr, bi);
        CONVSCOPE_OUTPUT(0, a0, b0, c0, d0)
        CONVSCOPE_OUTPUT(1, a1, b1, c1, d1)
        CONVSCOPE_OUTPUT(2, a2, b2, c2, d2)
        CONVSCOPE_OUTPUT(3, a3, b3, c3, d3)
#undef CONVSCOPE_OUTPUT
    }
    memcpy(y0, &a0, 64); memcpy(y0 + LANES, &b0, 64);
    memcpy(y0 + GROUP, &a1, 64); memcpy(y0 + GROUP + LANES, &b1, 64);
    memcpy(y0 + 2 * GROUP, &a2, 64); memcpy(y0 + 2 * GROUP + LANES, &b2, 64);
    memcpy(y0 + 3 * GROUP, &a3, 64); memcpy(y0 + 3 * GROUP + LANES, &b3, 64);
    memcpy(y1, &c0, 64); memcpy(y1 + LANES, &d0, 64);
    memcpy(y1 + GROUP, &c1, 64); memcpy(y1 + GROUP + LANES, &d1, 64);
    memcpy(y1 + 2 * GROUP, &c2, 64); memcpy(y1 + 2 * GROUP + LANES, &d2, 64);
    memcpy(y1 + 3 * GROUP, &c3, 64); memcpy(y1 + 3 * GROUP + LANES, &d3, 64);
}

// multiply_body by blocks of four outputs and two tiles; bin groups outermost, so a group's kernel
// spectra stay in the cache while every tile of the batch passes (the tiles' spectra of one group
// are contiguous). Outputs left over (fewer than four) take multiply_body.
__attribute__((target("avx512f"))) static void multiply_avx512(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inCh, int64_t outCh, int64_t firstOut,
    int64_t outCount, int64_t groups, int64_t stride) {
    const int64_t blocked = outCount / 4 * 4;
    for (int64_t g = 0; g < groups; g++) {
        const double *wg = w + g * outCh * inCh * GROUP;
        for (int64_t t = 0; t < tiles; t += 2) {
            const int64_t second = t + 1 < tiles ? t + 1 : t;
            const double *x0 = x + (g * stride + t) * inCh * GROUP, *x1 = x + (g * stride + second) * inCh * GROUP;
            for (int64_t o = firstOut; o < firstOut + blocked; o += 4) {
                double *y0 = y + ((g * stride + t) * outCh + o) * GROUP;
                double *y1 = y + ((g * stride + second) * outCh + o) * GROUP;
                multiply_block_avx512(x0, x1, wg + o * inCh * GROUP, y0, y1, inCh);
            }
        }
    }
    if (blocked < outCount)
        multiply_body(x, w, y, tiles, inCh, outCh, firstOut + blocked, outCount - blocked, groups, stride);
}

__attribute__((target("avx2,fma"))) static void multiply_avx2(
    const double *x, const double *w, double *y, int64_t t, int64_t ci, int64_t co, int64_t first, int64_t count,
    int64_t groups, int64_t stride) {
    multiply_body(x, w, y, t, ci, co, first, count, groups, stride);
}
#endif

void convscope_spectra_multiply(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inChannels, int64_t outChannels,
    int64_t firstOut, int64_t outCount, int64_t groups, int64_t stride) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') {
        multiply_avx512(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, groups, stride);
        return;
    }
    if (isa[0] == 'a') {
        multiply_avx2(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, groups, stride);
        return;
    }
#endif
    multiply_body(x, w, y, tiles, inChannels, outChannels, firstOut, outCount, groups, stride);
}

// Where bin k of a channel's half spectrum lives in a grouped set of `channels` spectra, counted
// from the channel's first group.
static inline int64_t grouped(int64_t k, int64_t channels) { return (k / LANES) * channels * GROUP + k % LANES; }

// Z = A + iB for two real planes a, b: A(k) = (Z(k) + conj Z(−k)) / 2, B(k) = (Z(k) − conj Z(−k)) / 2i.
// Z is n×n in the transposed layout [kx][ky]; A and B keep kx ≤ n/2, the rest being their conjugates.
// Eight bins of a row at a time: their mirrors are the mirror row's bins in reverse order.
static inline __attribute__((always_inline)) void split_pair_body(
    const double *zr, const double *zi, int n, double *a, double *b, int64_t channels, int conjugate) {
    const int rows = n / 2 + 1;
    const double sign = conjugate ? -0.5 : 0.5;
    for (int kx = 0; kx < rows; kx++) {
        const int mx = (n - kx) & (n - 1);
        const double *pr = zr + (int64_t)kx * n, *pi = zi + (int64_t)kx * n;
        const double *mr = zr + (int64_t)mx * n, *mi = zi + (int64_t)mx * n;
        for (int ky0 = 0; ky0 < n; ky0 += LANES) {
            const int64_t at = grouped((int64_t)kx * n + ky0, channels);
            double r[LANES], q[LANES];
            if (ky0 > 0 && n >= LANES) {
                // Bins ky0 + i mirror n − ky0 − i: one run read backwards.
                const double *restrict br = mr + n - ky0, *restrict bi = mi + n - ky0;
                for (int i = 0; i < LANES; i++) { r[i] = br[-i]; q[i] = bi[-i]; }
            } else {
                for (int i = 0; i < LANES && ky0 + i < n; i++) {
                    const int my = (n - ky0 - i) & (n - 1);
                    r[i] = mr[my]; q[i] = mi[my];
                }
            }
            double *restrict ao = a + at;
            if (n >= LANES) {
                const double *restrict p = pr + ky0, *restrict s = pi + ky0;
                for (int i = 0; i < LANES; i++) { ao[i] = 0.5 * (p[i] + r[i]); ao[LANES + i] = sign * (s[i] - q[i]); }
                if (b) {
                    double *restrict bo = b + at;
                    for (int i = 0; i < LANES; i++) { bo[i] = 0.5 * (s[i] + q[i]); bo[LANES + i] = sign * (r[i] - p[i]); }
                }
            } else {
                for (int i = 0; ky0 + i < n; i++) {
                    ao[i] = 0.5 * (pr[ky0 + i] + r[i]); ao[LANES + i] = sign * (pi[ky0 + i] - q[i]);
                    if (b) { b[at + i] = 0.5 * (pi[ky0 + i] + q[i]); b[at + LANES + i] = sign * (r[i] - pr[ky0 + i]); }
                }
            }
        }
    }
    // The padding lanes of the last group (n < 8), so the products never read uninitialised memory.
    const int64_t bins = (int64_t)rows * n;
    for (int64_t k = bins; k % LANES; k++) {
        const int64_t at = grouped(k, channels);
        a[at] = a[at + LANES] = 0;
        if (b) b[at] = b[at + LANES] = 0;
    }
}

// The inverse of split_pair_body: Z = A + iB over the whole n×n grid from the halves, the missing
// half of each spectrum being the conjugate of its mirror (b may be NULL: zero).
static inline __attribute__((always_inline)) void join_pair_body(
    const double *a, const double *b, int64_t channels, int n, double *zr, double *zi) {
    const int rows = n / 2 + 1;
    for (int kx = 0; kx < n; kx++) {
        double *restrict or_ = zr + (int64_t)kx * n, *restrict oi = zi + (int64_t)kx * n;
        if (kx < rows) {
            for (int ky0 = 0; ky0 < n; ky0 += LANES) {
                const int64_t at = grouped((int64_t)kx * n + ky0, channels);
                const int width = n - ky0 < LANES ? n - ky0 : LANES;
                const double *restrict pa = a + at;
                if (b && width == LANES) {
                    const double *restrict pb = b + at;
                    for (int i = 0; i < LANES; i++) { or_[ky0 + i] = pa[i] - pb[LANES + i]; oi[ky0 + i] = pa[LANES + i] + pb[i]; }
                } else if (b) {
                    for (int i = 0; i < width; i++) { or_[ky0 + i] = pa[i] - b[at + LANES + i]; oi[ky0 + i] = pa[LANES + i] + b[at + i]; }
                } else {
                    for (int i = 0; i < width; i++) { or_[ky0 + i] = pa[i]; oi[ky0 + i] = pa[LANES + i]; }
                }
            }
        } else {
            // Row kx mirrors row n − kx, bin ky mirrors bin (n − ky) mod n: eight bins of the mirror
            // row at a time, written backwards.
            const int64_t mirror = (int64_t)(n - kx) * n;
            for (int my0 = 0; my0 < n; my0 += LANES) {
                const int64_t at = grouped(mirror + my0, channels);
                const int width = n - my0 < LANES ? n - my0 : LANES;
                double re[LANES], im[LANES];
                const double *restrict pa = a + at;
                if (b) {
                    const double *restrict pb = b + at;
                    for (int i = 0; i < LANES; i++) { re[i] = pa[i] + pb[LANES + i]; im[i] = pb[i] - pa[LANES + i]; }
                } else {
                    for (int i = 0; i < LANES; i++) { re[i] = pa[i]; im[i] = -pa[LANES + i]; }
                }
                if (my0 > 0 && width == LANES) {
                    double *restrict dr = or_ + n - my0, *restrict di = oi + n - my0;
                    for (int i = 0; i < LANES; i++) { dr[-i] = re[i]; di[-i] = im[i]; }
                } else {
                    for (int i = 0; i < width; i++) {
                        const int ky = (n - my0 - i) & (n - 1);
                        or_[ky] = re[i]; oi[ky] = im[i];
                    }
                }
            }
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static void split_avx512(
    const double *zr, const double *zi, int n, double *a, double *b, int64_t channels, int conjugate) {
    split_pair_body(zr, zi, n, a, b, channels, conjugate);
}
__attribute__((target("avx512f"))) static void join_avx512(
    const double *a, const double *b, int64_t channels, int n, double *zr, double *zi) {
    join_pair_body(a, b, channels, n, zr, zi);
}
#endif

void convscope_fft_split_pair(
    const double *zr, const double *zi, int n, double *a, double *b, int64_t channels, int conjugate) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') { split_avx512(zr, zi, n, a, b, channels, conjugate); return; }
#endif
    split_pair_body(zr, zi, n, a, b, channels, conjugate);
}

void convscope_fft_join_pair(const double *a, const double *b, int64_t channels, int n, double *zr, double *zi) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') { join_avx512(a, b, channels, n, zr, zi); return; }
#endif
    join_pair_body(a, b, channels, n, zr, zi);
}

// One tile of a float plane into doubles: z[i][j] = plane[rows[i]][columns[j]], 0 where an index is
// −1. Rows whose columns are consecutive (inside the plane) are converted as one run.
void convscope_fft_load_tile(
    const float *plane, int64_t width, const int32_t *rows, const int32_t *columns, int n, double *z) {
    int consecutive = columns[0] >= 0;
    for (int j = 1; j < n; j++) consecutive &= columns[j] == columns[0] + j;
    for (int i = 0; i < n; i++) {
        double *restrict row = z + (int64_t)i * n;
        if (rows[i] < 0) { memset(row, 0, sizeof(double) * (size_t)n); continue; }
        const float *restrict source = plane + (int64_t)rows[i] * width;
        if (consecutive) {
            source += columns[0];
            for (int j = 0; j < n; j++) row[j] = source[j];
        } else {
            for (int j = 0; j < n; j++) row[j] = columns[j] >= 0 ? source[columns[j]] : 0;
        }
    }
}

// out[k] = float(round(row[first + k·step] · scale) · unit + start) for first + k·step < end when
// unit > 0 (rounded to the grid of 1/unit), float(row[…] · scale + start) otherwise.
void convscope_fft_store_row(
    const double *row, int64_t first, int64_t end, int64_t step, float *out, double scale, double unit,
    double start) {
    if (unit > 0) {
        // Adding and taking away 1.5·2^52 rounds to the nearest integer (|sum| < 2^41 here).
        for (int64_t j = first, k = 0; j < end; j += step, k++)
            out[k] = (float)((((row[j] * scale) + 0x1.8p52) - 0x1.8p52) * unit + start);
    } else {
        for (int64_t j = first, k = 0; j < end; j += step, k++) out[k] = (float)(row[j] * scale + start);
    }
}

// 0 when every value is a finite integer, 1 when all are finite, 2 when one is NaN or infinite;
// *largest gets the largest magnitude. Sixteen lanes kept apart and merged at the end (a maximum
// and two flags, so the order does not matter): written as one running maximum the compiler kept
// it scalar, and 64 MB of input took 13 ms.
static inline __attribute__((always_inline)) int scan_body(const float *values, int64_t count, float *largest) {
    enum { W = 16 };
    float top[W] = {0};
    int32_t fractional[W] = {0}, nonFinite[W] = {0};
    int64_t i = 0;
    for (; i + W <= count; i += W) {
        for (int j = 0; j < W; j++) {
            const float v = values[i + j], a = __builtin_fabsf(v);
            top[j] = a > top[j] ? a : top[j];
            nonFinite[j] |= !(a <= 3.4028234663852886e38f);
            const float small = a < 8388608.0f ? v : 0;  // from 2^23 up every float is an integer
            fractional[j] |= (float)(int32_t)small != small;
        }
    }
    for (int j = 0; i < count; i++, j++) {
        const float v = values[i], a = __builtin_fabsf(v);
        top[j] = a > top[j] ? a : top[j];
        nonFinite[j] |= !(a <= 3.4028234663852886e38f);
        const float small = a < 8388608.0f ? v : 0;
        fractional[j] |= (float)(int32_t)small != small;
    }
    float most = 0;
    int anyFractional = 0, anyNonFinite = 0;
    for (int j = 0; j < W; j++) {
        most = top[j] > most ? top[j] : most;
        anyFractional |= fractional[j];
        anyNonFinite |= nonFinite[j];
    }
    *largest = most;
    return anyNonFinite ? 2 : anyFractional;
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static int scan_avx512(const float *values, int64_t count, float *largest) {
    return scan_body(values, count, largest);
}
#endif

int convscope_scan_values(const float *values, int64_t count, float *largest) {
#if defined(__x86_64__)
    const char *isa = convscope_kernel_isa();
    if (isa[0] == 'a' && isa[3] == '5') return scan_avx512(values, count, largest);
#endif
    return scan_body(values, count, largest);
}
