// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's --lang, without opening a window. */
class SocketLabCommandTest {

    private static SocketLabCommand parse(String... args) {
        SocketLabCommand command = new SocketLabCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void langNamesALanguageTheAppHas() {
        assertThat(parse("--lang", "zh").language()).isEqualTo(Locale.CHINESE);
        assertThat(parse("--lang=en").language()).isEqualTo(Locale.ENGLISH);
        assertThat(parse("--lang", "zh_CN").language()).isEqualTo(Locale.CHINESE);
        assertThat(parse().language()).as("no --lang: follow the system").isNull();
    }

    @Test
    void anUnknownLanguageIsAUsageErrorThatSaysWhichOnesExist() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SocketLabCommand());
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("--lang", "fr");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'fr'").contains("en, zh");
    }

    @Test
    void theHelpListsTheLanguages() {
        String usage = new CommandLine(new SocketLabCommand()).getUsageMessage();
        assertThat(usage).contains("--lang=LANG").contains("en, zh");
    }

    @Test
    void theLaunchParameterCarriesTheLanguageToTheApp() {
        String[] arguments = SocketLabApp.argumentsFor(Locale.CHINESE);
        assertThat(arguments).containsExactly("--lang=zh");
        Preferences node = Preferences.userRoot()
                .node("/org/socketlab/test-lang-" + System.nanoTime());
        try {
            RememberedSettings remembered = new RememberedSettings(node);
            node.put(RememberedSettings.LANGUAGE, "en");
            assertThat(SocketLabApp.language(parameters(Map.of("lang", "zh")), remembered))
                    .as("--lang wins over what was remembered").isEqualTo(Locale.CHINESE);
            node.put(RememberedSettings.LANGUAGE, "zh");
            assertThat(SocketLabApp.language(parameters(Map.of("lang", "en")), remembered)).isEqualTo(Locale.ENGLISH);
            assertThat(SocketLabApp.language(parameters(Map.of()), remembered))
                    .as("without --lang, the language chosen last time").isEqualTo(Locale.CHINESE);
        } finally {
            try {
                node.removeNode();
            } catch (BackingStoreException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Application.Parameters parameters(Map<String, String> named) {
        return new Application.Parameters() {
            @Override
            public List<String> getRaw() {
                return named.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
            }

            @Override
            public List<String> getUnnamed() {
                return List.of();
            }

            @Override
            public Map<String, String> getNamed() {
                return named;
            }
        };
    }
}
