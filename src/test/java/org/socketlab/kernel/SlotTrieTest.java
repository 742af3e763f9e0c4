// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SlotTrieTest {

    @Test
    void lowestFreeFindsHolesAcrossNodeBoundaries() {
        SlotTrie<String> trie = SlotTrie.empty();
        for (int i = 0; i < 2000; i++) {
            trie = trie.with(i, "v" + i);
        }
        assertThat(trie.lowestFree()).isEqualTo(2000);

        assertThat(trie.without(1500).lowestFree()).isEqualTo(1500);
        assertThat(trie.without(1500).without(31).lowestFree()).isEqualTo(31);
        assertThat(trie.size()).isEqualTo(2000);
        assertThat(trie.highest()).isEqualTo(1999);
    }

    @Test
    void oldVersionsAreUnchangedByUpdates() {
        SlotTrie<String> a = SlotTrie.<String>empty().with(3, "x");
        SlotTrie<String> b = a.with(4, "y").without(3);

        assertThat(a.get(3)).isEqualTo("x");
        assertThat(a.get(4)).isNull();
        assertThat(b.get(3)).isNull();
        assertThat(b.get(4)).isEqualTo("y");
    }

    @Test
    void equalityIsByContentNotShape() {
        SlotTrie<String> grown = SlotTrie.<String>empty().with(1, "a").with(5000, "b").without(5000);
        SlotTrie<String> plain = SlotTrie.<String>empty().with(1, "a");

        assertThat(grown).isEqualTo(plain).hasSameHashCodeAs(plain);
    }

    /** A random sequence of puts (non-negative) and removes (negative, ~index). */
    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(-3000, 2999).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void behavesLikeASortedMap(@ForAll("operations") List<Integer> operations) {
        SlotTrie<Integer> trie = SlotTrie.empty();
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int op : operations) {
            if (op >= 0) {
                trie = trie.with(op, op * 7);
                model.put(op, op * 7);
            } else {
                trie = trie.without(~op);
                model.remove(~op);
            }
        }
        int expectedFree = 0;
        while (model.containsKey(expectedFree)) {
            expectedFree++;
        }
        assertThat(trie.size()).isEqualTo(model.size());
        assertThat(trie.lowestFree()).isEqualTo(expectedFree);
        assertThat(trie.highest()).isEqualTo(model.isEmpty() ? -1 : model.lastKey());
        assertThat(trie.values()).containsExactlyElementsOf(model.values());
        List<Integer> ranged = new ArrayList<>();
        trie.forEachInRange(100, 700, (v, i) -> ranged.add(i));
        assertThat(ranged).containsExactlyElementsOf(model.subMap(100, 700).keySet());
    }
}
