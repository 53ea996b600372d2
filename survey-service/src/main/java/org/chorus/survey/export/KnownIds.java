package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * The ids a survey's answers are made of (question, item and option ids), looked up by their UTF-8 bytes: a stored
 * answer that names one gets the definition's own string back instead of a new copy, which spares a million-row
 * export millions of strings and lets the export's column lookups compare ids by reference.
 */
final class KnownIds {

    private final byte[][] keys;
    private final String[] ids;
    private final int mask;
    /** Longer strings are not looked up at all, which is most free text. */
    private final int longest;

    KnownIds(Collection<String> ids) {
        int slots = Integer.highestOneBit(Math.max(ids.size(), 1) * 4);
        this.keys = new byte[slots][];
        this.ids = new String[slots];
        this.mask = slots - 1;
        int longestKey = 0;
        for (String id : ids) {
            byte[] key = id.getBytes(StandardCharsets.UTF_8);
            int hash = 0;
            for (byte b : key) {
                hash = hash(hash, b);
            }
            int slot = slot(key, 0, key.length, hash);
            keys[slot] = key;
            this.ids[slot] = id;
            longestKey = Math.max(longestKey, key.length);
        }
        this.longest = longestKey;
    }

    /**
     * @param hash of the bytes, by {@link #hash(int, byte)} from 0: callers compute it while they scan for the string's
     *        end, where it costs next to nothing, rather than in a second pass here
     * @return the known id with exactly these bytes, or null
     */
    String find(byte[] buffer, int start, int length, int hash) {
        return length > longest ? null : ids[slot(buffer, start, length, hash)];
    }

    /** The hash {@link #find} takes, one byte further on. */
    static int hash(int hash, byte next) {
        return 31 * hash + next;
    }

    /** The slot holding these bytes, or the empty slot where they would go. */
    private int slot(byte[] buffer, int start, int length, int hash) {
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (keys[slot] != null && !same(keys[slot], buffer, start, length)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static boolean same(byte[] key, byte[] buffer, int start, int length) {
        return key.length == length && Arrays.equals(key, 0, length, buffer, start, start + length);
    }
}
