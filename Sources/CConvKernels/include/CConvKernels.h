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
/// summed in float32, taps in order, starting from the value output[o][x] holds.
/// Reads input up to CONVSCOPE_ROW_SLACK floats past offsets[t] + columns.
void convscope_accumulate_rows(
    const float *input, const int64_t *offsets, const float *weights, int64_t taps,
    float *const *output, int channels, int64_t columns);

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

#endif
