package cn.hunan.hrss.employmenthub.testkit.generator;

import java.util.Arrays;

/**
 * A count of distinct keys in eight bytes a key: each key is kept as a 64-bit hash, and the hashes are sorted and
 * deduplicated whenever the array fills, so memory follows the distinct keys. Two of a few million keys share a hash
 * with a probability of about n²/2⁶⁵ (10⁻⁵ at ten million), which would undercount the truth by one.
 */
final class DistinctKeys {

    private long[] hashes = new long[1024];
    private int size;
    private int sorted;

    void add(String key) {
        if (size == hashes.length) {
            compact();
            if (size > hashes.length / 2) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
            }
        }
        hashes[size++] = hash(key);
    }

    int count() {
        compact();
        return size;
    }

    private void compact() {
        if (sorted == size) {
            return;
        }
        Arrays.sort(hashes, 0, size);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || hashes[i] != hashes[kept - 1]) {
                hashes[kept++] = hashes[i];
            }
        }
        size = kept;
        sorted = kept;
    }

    /** FNV-1a over the key's characters, then MurmurHash3's 64-bit finaliser to spread the bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
