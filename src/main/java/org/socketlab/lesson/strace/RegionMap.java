// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * A map from strings to values that can be asked with a region of a longer string, so that a line's
 * call name, arguments and result are looked up without first being copied out of the line (the
 * parser asks three times for each of a log's lines, and almost always finds them). Keys are
 * compared by their characters, as {@code String.equals} would. Holds at most {@code max} keys:
 * {@link #put} past that forgets all of them first.
 *
 * @param <V> the value type
 */
final class RegionMap<V> {
    private final int max;
    private String[] keys;
    private Object[] values;
    private int size;

    RegionMap(int max) {
        this.max = max;
        keys = new String[16];
        values = new Object[16];
    }

    /** How many keys are held. */
    int size() {
        return size;
    }

    /** The value of the key equal to {@code text.substring(from, to)}, or null. */
    @SuppressWarnings("unchecked")
    V get(String text, int from, int to) {
        int length = to - from;
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int mask = keys.length - 1;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.length() == length && key.hashCode() == h && key.regionMatches(0, text, from, length)) {
                return (V) values[slot];
            }
        }
    }

    /** The value of a key, or null. */
    V get(String key) {
        return get(key, 0, key.length());
    }

    /** Keeps a value under a key (replacing the key's value, if any); forgets every key first when full. */
    void put(String key, V value) {
        if (size >= max) {
            clear();
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** Forgets every key. */
    void clear() {
        keys = new String[16];
        values = new Object[16];
        size = 0;
    }

    /** Twice the slots, so that at most half of them are taken. */
    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(oldKeys[i].hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
