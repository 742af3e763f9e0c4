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
 * value it names exists, and it builds every installer the README promises on each system.
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
