// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language's bundle against the English one: the same keys both ways, no empty value,
 * the same placeholders with the same formats, patterns that format, and (for Chinese) only
 * characters the bundled font has.
 */
public class MessageBundlesTest {
    /** A placeholder: {0}, {1,number,#}, {2,number,integer} ... */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*\\d+[^{}]*}");

    static Stream<Locale> translations() {
        return Languages.available().stream().filter(l -> !l.equals(Languages.BASE));
    }

    static Stream<Locale> languages() {
        return Languages.available().stream();
    }

    /** The keys and values of exactly one file, without a parent bundle's keys mixed in. */
    public static Properties file(Locale language) {
        String name = "/" + Messages.BUNDLE.replace('.', '/')
                + (language.equals(Languages.BASE) ? "" : "_" + language.getLanguage()) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
        return properties;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        return found;
    }

    @Test
    void theAppHasEnglishAndChinese() {
        assertThat(Languages.available()).containsExactly(Locale.ENGLISH, Locale.CHINESE);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationHasExactlyTheKeysOfTheEnglishBundle(Locale language) {
        Set<String> english = file(Languages.BASE).stringPropertyNames();
        Set<String> translated = file(language).stringPropertyNames();
        assertThat(new TreeSet<>(english)).as("keys missing in the %s bundle", language)
                .isSubsetOf(translated);
        assertThat(new TreeSet<>(translated)).as("keys of the %s bundle that English lacks", language)
                .isSubsetOf(english);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void noValueIsBlank(Locale language) {
        Properties values = file(language);
        for (String key : values.stringPropertyNames()) {
            assertThat(values.getProperty(key)).as("%s in %s", key, language).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aTranslationUsesTheSamePlaceholdersWithTheSameFormats(Locale language) {
        Properties english = file(Languages.BASE);
        Properties translated = file(language);
        for (String key : english.stringPropertyNames()) {
            String value = translated.getProperty(key, "");
            assertThat(placeholders(value)).as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPatternFormatsWithSampleArgumentsAndHasNoLoneApostrophe(Locale language) {
        Properties values = file(language);
        for (String key : values.stringPropertyNames()) {
            String pattern = values.getProperty(key);
            assertThat(pattern.replace("''", "")).as("%s in %s has an apostrophe MessageFormat would drop",
                    key, language).doesNotContain("'");
            MessageFormat format = new MessageFormat(pattern, language);
            String text = format.format(sampleArguments(format));
            assertThat(text).as("%s in %s", key, language).isNotBlank().doesNotContain("{", "}");
        }
    }

    /** An argument of the right kind for each placeholder: a number where it formats one. */
    private static Object[] sampleArguments(MessageFormat format) {
        Format[] formats = format.getFormatsByArgumentIndex();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            Format f = formats[i];
            if (f instanceof NumberFormat || f instanceof ChoiceFormat) {
                args.add(1024 + i);
            } else if (f instanceof DateFormat) {
                args.add(new Date(0));
            } else {
                args.add("arg" + i);
            }
        }
        return args.toArray();
    }

    @Test
    void theWindowTitleIsTheAppsNameInEveryLanguage() {
        languages().forEach(language ->
                assertThat(file(language).getProperty("app.title")).as("%s", language).isEqualTo("Socket Lab"));
    }

    @Test
    void chineseTextUsesOnlyCharactersTheBundledFontHas() throws IOException, FontFormatException {
        for (String file : List.of("SocketLabSans-Regular.otf", "SocketLabSans-Bold.otf")) {
            Font font;
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/assets/fonts/" + file)) {
                assertThat(in).as(file).isNotNull();
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            }
            Properties chinese = file(Locale.CHINESE);
            for (String key : chinese.stringPropertyNames()) {
                String value = chinese.getProperty(key);
                int missing = font.canDisplayUpTo(value.replace("\n", ""));
                assertThat(missing).as("%s: %s has no glyph for '%s' in \"%s\"", file, key,
                        missing < 0 ? "" : value.replace("\n", "").substring(missing, missing + 1), value)
                        .isEqualTo(-1);
            }
        }
    }
}
