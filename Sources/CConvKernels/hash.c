// A fast hash of a run of bytes, for finding equal planes (equality is then checked byte for byte).
#include "CConvKernels.h"
#include <string.h>

uint64_t convscope_hash_bytes(const void *bytes, int64_t count) {
    // Eight independent multiply-xor lanes over 64-bit words (they vectorise), folded at the end.
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t lanes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    int64_t i = 0;
    for (; i + 64 <= count; i += 64) {
        uint64_t words[8];
        memcpy(words, p + i, 64);
        for (int k = 0; k < 8; k++) lanes[k] = (lanes[k] ^ words[k]) * 0x9E3779B97F4A7C15ull;
    }
    uint64_t h = (uint64_t)count * 0xBF58476D1CE4E5B9ull;
    for (int k = 0; k < 8; k++) h = (h ^ (lanes[k] >> 29) ^ lanes[k]) * 0x94D049BB133111EBull;
    for (; i < count; i++) h = (h ^ p[i]) * 0x100000001B3ull;
    return h ^ (h >> 31);
}
