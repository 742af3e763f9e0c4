// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ObjIntConsumer;

/**
 * An immutable map from small non-negative integers to values that shares structure between
 * versions and finds the lowest free index in O(log n) — the model's version of the kernel's
 * {@code open_fds}/{@code full_fds_bits} bitmaps. It is a 32-way trie: an update copies one
 * path of at most a few nodes, so keeping every step of a 100,000-step lesson stays cheap.
 *
 * <p>Equality is by content (index → value), never by the shape of the trie.
 *
 * @param <T> the value type
 */
public final class SlotTrie<T> {
    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;
    private static final SlotTrie<?> EMPTY = new SlotTrie<>(null, 0, 0);

    /** A node holds 32 children (values at the leaf level) and two bitmaps over them. */
    private static final class Node {
        final Object[] children;
        /** Bit i set when child i is present. */
        final int present;
        /** Bit i set when child i is completely full (a present value, at the leaf level). */
        final int full;
        final int size;

        Node(Object[] children, int present, int full, int size) {
            this.children = children;
            this.present = present;
            this.full = full;
            this.size = size;
        }

        boolean isFull() {
            return full == -1;
        }
    }

    private final Node root;
    /** Bits of the index handled below the root: 0 when the root is a leaf. */
    private final int shift;
    private final int size;

    private SlotTrie(Node root, int shift, int size) {
        this.root = root;
        this.shift = shift;
        this.size = size;
    }

    /** The empty trie. */
    @SuppressWarnings("unchecked")
    public static <T> SlotTrie<T> empty() {
        return (SlotTrie<T>) EMPTY;
    }

    /** How many indices hold a value. */
    public int size() {
        return size;
    }

    /** True when no index holds a value. */
    public boolean isEmpty() {
        return size == 0;
    }

    private long capacity() {
        return 1L << (shift + BITS);
    }

    /** The value at an index, or null. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || root == null || index >= capacity()) {
            return null;
        }
        Node node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (Node) node.children[(index >>> level) & MASK];
            if (node == null) {
                return null;
            }
        }
        return (T) node.children[index & MASK];
    }

    /** True when the index holds a value. */
    public boolean contains(int index) {
        return get(index) != null;
    }

    /** A trie with the value at the index (replacing any value there). */
    public SlotTrie<T> with(int index, T value) {
        Objects.requireNonNull(value, "value");
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
        Node newRoot = root;
        int newShift = shift;
        if (newRoot == null) {
            newShift = 0;
            while (index >= (1L << (newShift + BITS))) {
                newShift += BITS;
            }
        } else {
            while (index >= (1L << (newShift + BITS))) {
                Object[] children = new Object[WIDTH];
                children[0] = newRoot;
                newRoot = new Node(children, 1, newRoot.isFull() ? 1 : 0, newRoot.size);
                newShift += BITS;
            }
        }
        boolean existed = get(index) != null;
        Node updated = put(newRoot, newShift, index, value);
        return new SlotTrie<>(updated, newShift, existed ? size : size + 1);
    }

    private static Node put(Node node, int level, int index, Object value) {
        Object[] children = node == null ? new Object[WIDTH] : node.children.clone();
        int slot = (index >>> level) & MASK;
        if (level == 0) {
            children[slot] = value;
        } else {
            children[slot] = put((Node) children[slot], level - BITS, index, value);
        }
        return summarize(children, level);
    }

    /** A trie without a value at the index (the same trie when there was none). */
    public SlotTrie<T> without(int index) {
        if (get(index) == null) {
            return this;
        }
        Node newRoot = remove(root, shift, index);
        int newShift = shift;
        // Keep the trie as shallow as its content allows.
        while (newRoot != null && newShift > 0 && newRoot.present == 1) {
            newRoot = (Node) newRoot.children[0];
            newShift -= BITS;
        }
        if (newRoot == null) {
            return empty();
        }
        return new SlotTrie<>(newRoot, newShift, size - 1);
    }

    private static Node remove(Node node, int level, int index) {
        Object[] children = node.children.clone();
        int slot = (index >>> level) & MASK;
        if (level == 0) {
            children[slot] = null;
        } else {
            children[slot] = remove((Node) children[slot], level - BITS, index);
        }
        Node result = summarize(children, level);
        return result.present == 0 ? null : result;
    }

    private static Node summarize(Object[] children, int level) {
        int present = 0;
        int full = 0;
        int size = 0;
        for (int i = 0; i < WIDTH; i++) {
            Object child = children[i];
            if (child == null) {
                continue;
            }
            present |= 1 << i;
            if (level == 0) {
                full |= 1 << i;
                size++;
            } else {
                Node n = (Node) child;
                if (n.isFull()) {
                    full |= 1 << i;
                }
                size += n.size;
            }
        }
        return new Node(children, present, full, size);
    }

    /** The lowest index that holds no value: the lowest free descriptor. */
    public int lowestFree() {
        Node node = root;
        int level = shift;
        long base = 0;
        while (node != null) {
            int notFull = ~node.full;
            if (notFull == 0) {
                return (int) (base + (1L << (level + BITS)));
            }
            int slot = Integer.numberOfTrailingZeros(notFull);
            base += (long) slot << level;
            if (level == 0) {
                return (int) base;
            }
            node = (Node) node.children[slot];
            level -= BITS;
        }
        return (int) base;
    }

    /** The highest index holding a value, or -1 when empty. */
    public int highest() {
        Node node = root;
        int level = shift;
        int index = 0;
        while (node != null) {
            int slot = 31 - Integer.numberOfLeadingZeros(node.present);
            index |= slot << level;
            if (level == 0) {
                return index;
            }
            node = (Node) node.children[slot];
            level -= BITS;
        }
        return -1;
    }

    /** Calls the action for every (value, index) in ascending index order. */
    public void forEach(ObjIntConsumer<? super T> action) {
        forEachInRange(0, Integer.MAX_VALUE, action);
    }

    /** Calls the action for every (value, index) with from ≤ index &lt; to, ascending. */
    public void forEachInRange(int from, int to, ObjIntConsumer<? super T> action) {
        if (root != null && from < to) {
            walk(root, shift, 0, from, to, action);
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(Node node, int level, long base, int from, int to, ObjIntConsumer<? super T> action) {
        long span = 1L << level;
        for (int bits = node.present; bits != 0; bits &= bits - 1) {
            int slot = Integer.numberOfTrailingZeros(bits);
            long start = base + slot * span;
            if (start >= to || start + span <= from) {
                continue;
            }
            if (level == 0) {
                action.accept((T) node.children[slot], (int) start);
            } else {
                walk((Node) node.children[slot], level - BITS, start, from, to, action);
            }
        }
    }

    /** The values in ascending index order. */
    public List<T> values() {
        List<T> out = new ArrayList<>(size);
        forEach((value, index) -> out.add(value));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SlotTrie<?> other) || other.size != size) {
            return false;
        }
        boolean[] same = {true};
        forEach((value, index) -> {
            if (same[0] && !value.equals(other.get(index))) {
                same[0] = false;
            }
        });
        return same[0];
    }

    @Override
    public int hashCode() {
        int[] hash = {0};
        forEach((value, index) -> hash[0] += index * 31 ^ value.hashCode());
        return hash[0];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((value, index) -> sb.append(sb.length() > 1 ? ", " : "").append(index).append('=').append(value));
        return sb.append('}').toString();
    }
}
