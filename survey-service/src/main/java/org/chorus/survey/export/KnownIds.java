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
            int slot = slot(key, 0, key.length);
            keys[slot] = key;
            this.ids[slot] = id;
            longestKey = Math.max(longestKey, key.length);
        }
        this.longest = longestKey;
    }

    /** @return the known id with exactly these bytes, or null */
    String find(byte[] buffer, int start, int length) {
        return length > longest ? null : ids[slot(buffer, start, length)];
    }

    /** The slot holding these bytes, or the empty slot where they would go. */
    private int slot(byte[] buffer, int start, int length) {
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (keys[slot] != null && !Arrays.equals(keys[slot], 0, keys[slot].length, buffer, start, start + length)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
