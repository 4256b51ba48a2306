#ifndef CCONVKERNELS_H
#define CCONVKERNELS_H

#include <stdint.h>

/// Floats a caller must be able to read past the last column of every input row.
#define CONVSCOPE_ROW_SLACK 64

/// Output channels one call accumulates together on this machine (B: 8 with AVX-512, else 4);
/// weights are packed [tap][B].
int convscope_block_channels(void);

/// For every column x < columns and channel o < channels (≤ B):
///   output[o][x] += Σ_t weights[B·t + o] · input[offsets[t] + x]
/// summed in float32, taps in order, starting from the value output[o][x] holds, or from
/// first[o] when `first` is not NULL (the first taps of a row need not write its bias out and
/// read it back). Reads input up to CONVSCOPE_ROW_SLACK floats past offsets[t] + columns.
void convscope_accumulate_rows(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first);

/// Output channels one convscope_accumulate_pixels call computes together (16 with AVX-512, 8
/// with AVX2; 0 where that kernel does not exist and the row kernel must be used); weights are
/// packed [tap][that many].
int convscope_pixel_block_channels(void);

/// The same sums as convscope_accumulate_rows, bit for bit (the value output[o][x] holds, then
/// one fused multiply-add per tap in order), vectorised over the output channels: for narrow
/// output rows and small layers. Weights packed [tap][convscope_pixel_block_channels()]; reads
/// input up to 3 floats past offsets[t] + columns; `first` as for convscope_accumulate_rows.
/// Does nothing where that count is 0.
void convscope_accumulate_pixels(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns, const float *first);

/// 2 with AVX-512, 1 with AVX2 and FMA, 0 otherwise (CONVSCOPE_ISA may lower it): which variant
/// the kernels run.
int convscope_isa_level(void);

/// The instruction set the kernel runs with on this machine: "avx512", "avx2" or "generic".
const char *convscope_kernel_isa(void);

/// The smallest and largest of `count` floats (both 0 when count is 0), NaNs skipped unless
/// values[0] is one: the rule of `v < lo ? v : lo` from the first value on.
void convscope_min_max(const float *values, int64_t count, float *minimum, float *maximum);

/// Makes glibc map blocks of `bytes` and more on their own and unmap them when freed (its
/// M_MMAP_THRESHOLD, which it otherwise raises to the largest block freed, keeping later ones in
/// its heaps). Returns 1 when set, 0 elsewhere (not glibc, or refused).
int convscope_return_blocks_from(int bytes);

/// Starts writing `count` bytes of `fd` from `offset` to the disk without waiting for them
/// (Linux's sync_file_range with SYNC_FILE_RANGE_WRITE, which Swift's Glibc module does not
/// expose). Returns 0, or -1 where it fails or does not exist; nothing depends on it succeeding.
int convscope_start_writeback(int fd, int64_t offset, int64_t count);

/// In-place 2-D FFT of an n×n split-complex array (n = 2^log2n), unnormalised: forward
/// (e^{−2πi…}) takes [y][x] to the spectrum in the transposed layout [kx][ky]; inverse
/// (e^{+2πi…}) takes [kx][ky] back to [y][x] times n². twiddles: cos(2πk/n) for k < n/2, then
/// sin(2πk/n) for k < n/2.
void convscope_fft2d(double *re, double *im, int log2n, const double *twiddles, int inverse);

/// Spectra of two real planes from the one transform of Z = a + i·b (n×n, layout [kx][ky]):
/// A and B for kx ≤ n/2, (n/2 + 1)·n bins each, written into sets of `channels` spectra grouped by
/// 8 bins ([group][channel][8 real, 8 imaginary]); a and b point at their channel's place in the
/// first group (b may be NULL to skip it). `conjugate` stores the conjugates.
void convscope_fft_split_pair(
    const double *zr, const double *zi, int n, double *a, double *b, int64_t channels, int conjugate);

/// The whole n×n Z = A + i·B from grouped halves as convscope_fft_split_pair writes them (b may be
/// NULL: zero), so one inverse transform gives a in the real part and b in the imaginary part.
void convscope_fft_join_pair(const double *a, const double *b, int64_t channels, int n, double *zr, double *zi);

/// For every tile t < tiles, group of 8 bins g < groups and output firstOut ≤ o < firstOut + outCount:
/// y[g][t][o] = Σ_c x[g][t][c] · w[g][o][c] (complex products per bin), each entry 8 real parts
/// then 8 imaginary parts; x and y hold `stride` ≥ tiles tiles per group.
void convscope_spectra_multiply(
    const double *x, const double *w, double *y, int64_t tiles, int64_t inChannels, int64_t outChannels,
    int64_t firstOut, int64_t outCount, int64_t groups, int64_t stride);

/// An n×n tile of a float plane `width` floats wide as doubles: z[i][j] = plane[rows[i]][columns[j]],
/// 0 where an index is −1.
void convscope_fft_load_tile(
    const float *plane, int64_t width, const int32_t *rows, const int32_t *columns, int n, double *z);

/// out[k] from row[first + k·step] for first + k·step < end: times `scale`, rounded to a multiple
/// of `unit` when unit > 0, plus `start`, as a float.
void convscope_fft_store_row(
    const double *row, int64_t first, int64_t end, int64_t step, float *out, double scale, double unit,
    double start);

/// 0 when every one of `count` floats is a finite integer, 1 when all are finite, 2 when one is
/// NaN or infinite; `largest` receives the largest magnitude.
int convscope_scan_values(const float *values, int64_t count, float *largest);

/// This core's clock in GHz, measured by a chain of dependent integer adds (0 where unknown).
double convscope_measure_clock_ghz(void);

/// Float32 fused multiply-adds (lanes) this core completes per nanosecond with the general path's
/// vectors, measured with 12 independent chains (0 without AVX2/AVX-512).
double convscope_measure_fma_per_ns(void);

/// out[k] = lowest + (value first + k of SplitMix64 started at `start`) mod span, for k < count:
/// what `SplitMixRandom(start:)` draws as its (first + k + 1)-th integer in lowest…lowest+span−1
/// (vectorised for span 10, the random inputs' 0…9).
void convscope_splitmix_floats(
    float *out, uint64_t start, uint64_t first, int64_t count, int64_t lowest, uint64_t span);

/// Sets `count` floats to 0; on Linux, the whole pages among them are returned to the system
/// (MADV_DONTNEED) instead of written, so a mostly-zero buffer of hundreds of MB costs no memory
/// until used. `values` must be private anonymous memory (malloc's).
void convscope_zero_floats(float *values, int64_t count);

/// A hash of `count` bytes for finding equal planes quickly (not for security: callers compare
/// the bytes of planes whose hashes match).
uint64_t convscope_hash_bytes(const void *bytes, int64_t count);

/// Asks the kernel to back the whole 2 MB pages inside `bytes` from `start` with transparent
/// huge pages when first written (Linux's MADV_HUGEPAGE): one fault per 2 MB instead of 512.
/// A 2 MB boundary in the same 4 KB page as the buffer's first byte counts as its start, and one
/// in the page of its last byte as its end (a block glibc maps on its own holds its headers and a
/// few spare bytes there; the advice only lets pages be huge, it changes no value).
/// Call it before the buffer is written. Returns 1 when advised, 0 otherwise (nothing inside,
/// not Linux, or refused); nothing depends on it succeeding.
int convscope_prefer_huge_pages(void *start, int64_t bytes);

/// One step of a short busy wait (x86's PAUSE): what the parallel loops' helpers run while
/// they look for the next loop before going to sleep.
void convscope_spin_pause(void);

/// Writes the processors the process (`ofProcess` 1: its first thread) or the calling thread (0)
/// may run on, at most `capacity`, to `out`; returns how many (0 where that cannot be read).
long convscope_allowed_processors(int32_t *out, long capacity, int ofProcess);

/// Binds the calling thread to `processor`; 0 when done, -1 otherwise.
int convscope_bind_to_processor(int32_t processor);

/// The processor the calling thread runs on now, or -1 where that cannot be read.
int32_t convscope_current_processor(void);

/// Winograd F(m, r)'s input transform of one input row: builds the padded row in `padded`
/// (m·tiles + n − 1 columns plus 16·m + 16 floats of slack; column i from row[columns[i]], −1 or a NULL
/// row: zero; columns interiorStart… of them the input's own, interiorCount in a row, copied) and
/// writes, for every point p < n and tile t < tiles, out[p][t] = Σ_j transform[p·n + j] ·
/// padded[m·t + j]. Exact for integer multiples of a grid below 2^24 of its units (the caller's bound).
void convscope_winograd_input_row(
    const float *row, const int32_t *columns, int64_t interiorStart, int64_t interiorCount, const float *transform,
    int m, int n, int64_t tiles, float *padded, float *const *out);

/// Winograd F(m, r)'s output transform of one output row: for every tile t and output q < m with
/// m·t + q < width, out[m·t + q] = float(Σ_p transform[q·n + p] · sums[p][t] / denominator) + start,
/// the sum in float64 (exact below 2^53 units; the division's quotient is the exact output).
void convscope_winograd_output_row(
    const float *const *sums, const double *transform, int m, int n, double denominator, int64_t tiles, int64_t width,
    float start, float *out);

#endif
