// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JSON the replay prints: commas where they belong, every string escaped so it parses. */
class JsonWriterTest {

    @Test
    void objectsAndArraysGetTheirCommas() {
        String json = new JsonWriter().beginObject().name("a").value(1).name("b").beginArray().value(2).value(3)
                .nullValue().endArray().name("c").value((String) null).name("d").value(true).endObject().toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[2,3,null],\"c\":null,\"d\":true}");
    }

    @Test
    void stringsEscapeQuotesBackslashesControlCharactersAndEverythingBeyondAscii() {
        String json = new JsonWriter().value("a\"b\\c\nd\te\u0000f\u001fg\u007fé😀").toString();

        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0000f\\u001fg\\u007f\\u00e9\\ud83d\\ude00\"");
        assertThat(json).matches("[\\x20-\\x7e]*");
    }
}
