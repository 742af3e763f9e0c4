// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which language the window opens in. */
class LanguagesTest {

    @Test
    void theLanguagesAreTheBundlesPresentEnglishFirst() {
        assertThat(Languages.available()).containsExactly(Locale.ENGLISH, Locale.CHINESE);
        assertThat(Languages.codes()).isEqualTo("en, zh");
    }

    @Test
    void anyChineseLocaleOpensInChinese() {
        for (Locale system : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.CHINESE,
                Locale.forLanguageTag("zh-Hans-CN"), Locale.forLanguageTag("zh-HK"), new Locale("zh", "SG")}) {
            assertThat(Languages.defaultFor(system)).as("%s", system).isEqualTo(Locale.CHINESE);
        }
    }

    @Test
    void everyOtherLocaleOpensInEnglish() {
        for (Locale system : new Locale[] {Locale.US, Locale.UK, Locale.FRANCE, Locale.JAPAN, Locale.ROOT,
                new Locale("de", "CH")}) {
            assertThat(Languages.defaultFor(system)).as("%s", system).isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void aTagFindsALanguageByItsCodeInAnySpelling() {
        assertThat(Languages.find("zh")).contains(Locale.CHINESE);
        assertThat(Languages.find("ZH")).contains(Locale.CHINESE);
        assertThat(Languages.find("zh_CN")).contains(Locale.CHINESE);
        assertThat(Languages.find("zh-TW")).contains(Locale.CHINESE);
        assertThat(Languages.find(" en ")).contains(Locale.ENGLISH);
        assertThat(Languages.find("fr")).isEmpty();
        assertThat(Languages.find("")).isEmpty();
        assertThat(Languages.find(null)).isEmpty();
        assertThat(Languages.find("not a tag!")).isEmpty();
    }

    @Test
    void chineseJapaneseAndKoreanNeedTheBundledFontEverywhere() {
        assertThat(Languages.usesCjkScript(Locale.CHINESE)).isTrue();
        assertThat(Languages.usesCjkScript(Locale.TRADITIONAL_CHINESE)).isTrue();
        assertThat(Languages.usesCjkScript(Locale.JAPANESE)).isTrue();
        assertThat(Languages.usesCjkScript(Locale.ENGLISH)).isFalse();
    }
}
