// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser's caches find a line's name, arguments and result by their place in the line. */
class RegionMapTest {
    @Test
    void aRegionOfALineFindsTheKeyWithItsCharacters() {
        RegionMap<Integer> map = new RegionMap<>(100);
        map.put("AF_INET, SOCK_STREAM, IPPROTO_IP", 1);
        map.put("socket", 2);
        String line = "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3";

        assertThat(map.get(line, 7, 39)).isEqualTo(1);
        assertThat(map.get(line, 0, 6)).isEqualTo(2);
        assertThat(map.get(line, 0, 5)).isNull();
        assertThat(map.get(line, 7, 38)).isNull();
        assertThat(map.get("socket")).isEqualTo(2);
    }

    @Test
    void keysOfEqualHashAndLengthAreToldApartByTheirCharacters() {
        RegionMap<String> map = new RegionMap<>(100);
        // "Aa" and "BB" have the same String.hashCode.
        map.put("Aa", "first");
        map.put("BB", "second");

        assertThat(map.get("xAa", 1, 3)).isEqualTo("first");
        assertThat(map.get("xBB", 1, 3)).isEqualTo("second");
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void itGrowsWithoutLosingKeysAndForgetsThemAllOnlyPastItsLimit() {
        RegionMap<Integer> map = new RegionMap<>(1000);
        for (int i = 0; i < 1000; i++) {
            map.put("key" + i, i);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(map.get("key" + i)).isEqualTo(i);
        }
        map.put("key0", 7);
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get("key0")).isEqualTo(7);
        assertThat(map.get("key1")).isNull();
    }
}
