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
    private static final SlotTrie<?> EMPTY = new SlotTrie<>(null, 0, 0, 0);

    /**
     * A node covers 32 slots but stores only the children present, packed in slot order (the
     * kernel's bitmaps decide where each one sits), so a sparse path costs a few bytes per child
     * instead of 32 references — what keeps 100,000 kept states small.
     */
    private static final class Node {
        /** The present children (values at the leaf level), in slot order. */
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

        /** Where slot's child sits in {@link #children}. */
        int index(int slot) {
            return Integer.bitCount(present & ((1 << slot) - 1));
        }

        /** The child in a slot, or null. */
        Object child(int slot) {
            return (present & (1 << slot)) == 0 ? null : children[index(slot)];
        }
    }

    private final Node root;
    /** Bits of the index handled below the root: 0 when the root is a leaf. */
    private final int shift;
    /**
     * The first index the root covers, a multiple of its span: every index present shares the
     * bits above the root. Ids that only grow (inode numbers, open-file ids) with few alive at a
     * time then keep a shallow trie wherever they are.
     */
    private final long base;
    private final int size;

    private SlotTrie(Node root, int shift, long base, int size) {
        this.root = root;
        this.shift = shift;
        this.base = base;
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

    private long span() {
        return 1L << (shift + BITS);
    }

    private boolean covers(long index) {
        return index >= base && index < base + span();
    }

    /** The value at an index, or null. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (root == null || !covers(index)) {
            return null;
        }
        Node node = root;
        for (int level = shift; level > 0; level -= BITS) {
            node = (Node) node.child((index >>> level) & MASK);
            if (node == null) {
                return null;
            }
        }
        return (T) node.child(index & MASK);
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
        if (root == null) {
            return new SlotTrie<>(put(null, 0, index, value), 0, index & ~(long) MASK, 1);
        }
        Node newRoot = root;
        int newShift = shift;
        long newBase = base;
        while (!(index >= newBase && index < newBase + (1L << (newShift + BITS)))) {
            // Grow upwards: the old root becomes one child of a root covering 32 times as much.
            int wider = newShift + BITS;
            long widerBase = newBase & ~((1L << (wider + BITS)) - 1);
            int slot = (int) ((newBase >>> wider) & MASK);
            newRoot = new Node(new Object[] {newRoot}, 1 << slot, newRoot.isFull() ? 1 << slot : 0, newRoot.size);
            newShift = wider;
            newBase = widerBase;
        }
        boolean existed = get(index) != null;
        Node updated = put(newRoot, newShift, index, value);
        return new SlotTrie<>(updated, newShift, newBase, existed ? size : size + 1);
    }

    private static Node put(Node node, int level, int index, Object value) {
        int slot = (index >>> level) & MASK;
        Object old = node == null ? null : node.child(slot);
        Object child = level == 0 ? value : put((Node) old, level - BITS, index, value);
        return withChild(node, slot, child, level);
    }

    /** A copy of the node with a slot's child replaced, added, or (null) removed; null when nothing is left. */
    private static Node withChild(Node node, int slot, Object child, int level) {
        Object[] old = node == null ? new Object[0] : node.children;
        int present = node == null ? 0 : node.present;
        int bit = 1 << slot;
        int at = Integer.bitCount(present & (bit - 1));
        Object[] children;
        if ((present & bit) != 0) {
            if (child != null) {
                children = old.clone();
                children[at] = child;
            } else {
                children = new Object[old.length - 1];
                System.arraycopy(old, 0, children, 0, at);
                System.arraycopy(old, at + 1, children, at, old.length - at - 1);
                present &= ~bit;
            }
        } else if (child != null) {
            children = new Object[old.length + 1];
            System.arraycopy(old, 0, children, 0, at);
            children[at] = child;
            System.arraycopy(old, at, children, at + 1, old.length - at);
            present |= bit;
        } else {
            return node;
        }
        return present == 0 ? null : summarize(children, present, level);
    }

    /** A trie without a value at the index (the same trie when there was none). */
    public SlotTrie<T> without(int index) {
        if (get(index) == null) {
            return this;
        }
        Node newRoot = remove(root, shift, index);
        int newShift = shift;
        long newBase = base;
        // Keep the trie as shallow as its content allows.
        while (newRoot != null && newShift > 0 && Integer.bitCount(newRoot.present) == 1) {
            int slot = Integer.numberOfTrailingZeros(newRoot.present);
            newBase += (long) slot << newShift;
            newRoot = (Node) newRoot.children[0];
            newShift -= BITS;
        }
        if (newRoot == null) {
            return empty();
        }
        return new SlotTrie<>(newRoot, newShift, newBase, size - 1);
    }

    private static Node remove(Node node, int level, int index) {
        int slot = (index >>> level) & MASK;
        Object child = level == 0 ? null : remove((Node) node.child(slot), level - BITS, index);
        return withChild(node, slot, child, level);
    }

    private static Node summarize(Object[] children, int present, int level) {
        int full = 0;
        int size = 0;
        int i = 0;
        for (int bits = present; bits != 0; bits &= bits - 1, i++) {
            int slot = Integer.numberOfTrailingZeros(bits);
            if (level == 0) {
                full |= 1 << slot;
                size++;
            } else {
                Node n = (Node) children[i];
                if (n.isFull()) {
                    full |= 1 << slot;
                }
                size += n.size;
            }
        }
        return new Node(children, present, full, size);
    }

    /** The lowest index that holds no value: the lowest free descriptor. */
    public int lowestFree() {
        if (this.base > 0) {
            return 0;
        }
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
            node = (Node) node.child(slot);
            level -= BITS;
        }
        return (int) base;
    }

    /** The highest index holding a value, or -1 when empty. */
    public int highest() {
        Node node = root;
        int level = shift;
        long index = base;
        while (node != null) {
            int slot = 31 - Integer.numberOfLeadingZeros(node.present);
            index += (long) slot << level;
            if (level == 0) {
                return (int) index;
            }
            node = (Node) node.child(slot);
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
            walk(root, shift, base, from, to, action);
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(Node node, int level, long base, int from, int to, ObjIntConsumer<? super T> action) {
        long span = 1L << level;
        int i = 0;
        for (int bits = node.present; bits != 0; bits &= bits - 1, i++) {
            int slot = Integer.numberOfTrailingZeros(bits);
            long start = base + slot * span;
            if (start >= to || start + span <= from) {
                continue;
            }
            if (level == 0) {
                action.accept((T) node.children[i], (int) start);
            } else {
                walk((Node) node.children[i], level - BITS, start, from, to, action);
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
