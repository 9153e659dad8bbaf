package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example macros shipped as Fiji script templates call only commands the plugin has, with keys they accept. */
class ScriptTemplatesTest {
    static final Path TEMPLATES = Path.of("src/main/resources/script_templates/Pars Reader");
    static final Pattern RUN = Pattern.compile("run\\(\"([^\"]+)\", \"([^)]*)\\);");

    @Test
    void everyTemplateUsesRealCommandsAndKeys() throws Exception {
        java.util.Map<String, String> classes = Files.readAllLines(Path.of("plugins.config")).stream().filter(l -> l.startsWith("Plugins>"))
                .collect(Collectors.toMap(l -> l.split("\"")[1], l -> l.substring(l.lastIndexOf(',') + 1).trim()));
        Set<String> commands = classes.keySet();
        List<Path> files;
        try (Stream<Path> s = Files.list(TEMPLATES)) {
            files = s.filter(p -> p.toString().endsWith(".ijm")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        int runs = 0;
        for (Path f : files) {
            Matcher m = RUN.matcher(Files.readString(f));
            while (m.find()) {
                assertThat(commands).as(f + " runs " + m.group(1)).contains(m.group(1));
                java.lang.reflect.Field keysField = Class.forName(classes.get(m.group(1))).getDeclaredField("KEYS");
                keysField.setAccessible(true);
                @SuppressWarnings("unchecked")
                Set<String> keys = (Set<String>) keysField.get(null);
                Matcher k = Pattern.compile("([a-z_]+)=").matcher(m.group(2));
                while (k.find()) assertThat(keys).as(f + ": " + m.group(1) + " key " + k.group(1)).contains(k.group(1));
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(8);
    }
}
