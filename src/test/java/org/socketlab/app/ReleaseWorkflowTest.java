// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The release workflow cannot run here, so its shape is checked instead: it is YAML GitHub accepts
 * (triggers, jobs with a runner and steps, each step a {@code uses} or a {@code run}), every matrix
 * value it names exists, it builds every installer the README promises on each system, and every
 * system's image carries Java 25 and its trained ahead-of-time cache.
 */
class ReleaseWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/release.yml");

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> workflow() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return (Map<Object, Object>) yaml.load(Files.readString(WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @Test
    void aVersionTagStartsIt() throws IOException {
        Map<Object, Object> workflow = workflow();
        // YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        assertThat(list(map(map(on).get("push")).get("tags"))).containsExactly("v*");
        assertThat(workflow.get("name")).isEqualTo("release");
    }

    @Test
    void everyJobHasARunnerAndStepsThatEachUseAnActionOrRunACommand() throws IOException {
        Map<String, Object> jobs = map(workflow().get("jobs"));
        assertThat(jobs).containsOnlyKeys("build", "release");
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            Map<String, Object> body = map(job.getValue());
            assertThat(body).as(job.getKey()).containsKeys("runs-on", "steps");
            for (Object step : list(body.get("steps"))) {
                Map<String, Object> s = map(step);
                assertThat(s.containsKey("uses") ^ s.containsKey("run")).as(job.getKey() + ": " + s).isTrue();
                if (s.containsKey("uses")) {
                    assertThat((String) s.get("uses")).as("a released version of the action").matches("[\\w-]+/[\\w-]+@v\\d+");
                }
            }
        }
        assertThat(map(jobs.get("release")).get("needs")).isEqualTo("build");
    }

    @Test
    void eachSystemBuildsItsInstallersAndLinuxThePortableZip() throws IOException {
        Map<String, Object> build = map(map(workflow().get("jobs")).get("build"));
        List<Object> include = list(map(map(build.get("strategy")).get("matrix")).get("include"));
        Map<String, String> installers = new TreeMap<>();
        for (Object row : include) {
            Map<String, Object> r = map(row);
            installers.put((String) r.get("system"), (String) r.get("installers"));
        }
        assertThat(installers).containsExactly(Map.entry("linux-x64", "deb rpm"), Map.entry("mac-aarch64", "dmg"),
                Map.entry("mac-x64", "dmg"), Map.entry("windows-x64", "msi"));
        String text = Files.readString(WORKFLOW);
        assertThat(text).contains("mvn -B verify -Pdist", "cp target/socket-lab-*.zip target/installers/",
                "jpackage --type \"$type\"");
    }

    /**
     * The installers carry a Java 25 runtime with its ahead-of-time cache, trained on every runner (JDK 17's
     * archive is refused once the app is installed elsewhere); the code is still built and tested with 17.
     */
    @Test
    void everyRunnersImageCarriesJava25AndItsTrainedAheadOfTimeCache() throws IOException {
        List<Object> steps = list(map(map(workflow().get("jobs")).get("build")).get("steps"));
        Map<String, Object> setupJava = steps.stream().map(ReleaseWorkflowTest::map)
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")).findFirst().orElseThrow();
        assertThat(((String) map(setupJava.get("with")).get("java-version")).lines().map(String::strip)
                .filter(v -> !v.isEmpty())).as("Java 25 for the image, 17 last: the default that builds and tests")
                .containsExactly("25", "17");

        Map<String, Object> image = step(steps, "App image");
        assertThat(image).as("runs on every runner").doesNotContainKey("if");
        String script = (String) image.get("run");
        assertThat(script).as("no runner skips the training").doesNotContain("cds.skip");
        List<String> builds = script.lines().map(String::strip).filter(l -> l.startsWith("mvn ")).toList();
        assertThat(builds).isNotEmpty();
        for (String build : builds) {
            assertThat(build).as("the app image with an ahead-of-time cache")
                    .containsPattern("-P(\\S+,)?app(,\\S+)?\\s").containsPattern("-P\\S*\\baot\\b");
            Matcher jdk = Pattern.compile("-Dapp\\.jdk=\\$\\{?(\\w+)").matcher(build);
            assertThat(jdk.find()).as("%s names the JDK the image's runtime comes from", build).isTrue();
            String home = jdk.group(1);
            assertThat(home.startsWith("JAVA_HOME_25_")
                    || Pattern.compile("(?m)^\\s*" + home + "=.*JAVA_HOME_25_").matcher(script).find())
                    .as("%s is the Java 25 that setup-java installed (JAVA_HOME_25_<arch>)", home).isTrue();
        }
    }

    /** jpackage signs the macOS image ad hoc; the cache written into it afterwards must be sealed in again. */
    @Test
    void theMacImageIsSealedAgainAfterItsCacheIsWrittenAndBeforeItsInstallerIsMade() throws IOException {
        List<Object> steps = list(map(map(workflow().get("jobs")).get("build")).get("steps"));
        Map<String, Object> seal = steps.stream().map(ReleaseWorkflowTest::map)
                .filter(s -> String.valueOf(s.get("run")).contains("codesign --force")).findFirst().orElseThrow();
        assertThat(seal.get("if")).isEqualTo("runner.os == 'macOS'");
        assertThat((String) seal.get("run")).contains("codesign --verify --deep --strict");
        assertThat(steps.indexOf(seal)).isGreaterThan(steps.indexOf(step(steps, "App image")))
                .isLessThan(steps.indexOf(step(steps, "Installers")));
    }

    private static Map<String, Object> step(List<Object> steps, String name) {
        return steps.stream().map(ReleaseWorkflowTest::map).filter(s -> name.equals(s.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step named " + name));
    }

    @Test
    void everyMatrixValueItNamesIsInTheMatrix() throws IOException {
        Map<String, Object> build = map(map(workflow().get("jobs")).get("build"));
        Set<String> defined = new LinkedHashSet<>();
        for (Object row : list(map(map(build.get("strategy")).get("matrix")).get("include"))) {
            defined.addAll(map(row).keySet());
        }
        List<String> used = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\$\\{\\{\\s*matrix\\.([\\w-]+)\\s*}}").matcher(Files.readString(WORKFLOW));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(defined).containsAll(used);
    }
}
