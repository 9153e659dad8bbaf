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
                Set<String> keys = keys(classes.get(m.group(1)));
                Matcher k = Pattern.compile("([a-z_]+)=").matcher(m.group(2));
                while (k.find()) assertThat(keys).as(f + ": " + m.group(1) + " key " + k.group(1)).contains(k.group(1));
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(8);
    }

    /**
     * The keys a command takes: its class's static {@code KEYS}, or for one class serving several
     * commands by argument ({@code org.parsreader.ij.panel.ReadingCommand("set")}) its static {@code keys(arg)}.
     */
    @SuppressWarnings("unchecked")
    static Set<String> keys(String pluginsConfigClass) throws Exception {
        int paren = pluginsConfigClass.indexOf('(');
        if (paren < 0) {
            java.lang.reflect.Field keysField = Class.forName(pluginsConfigClass).getDeclaredField("KEYS");
            keysField.setAccessible(true);
            return (Set<String>) keysField.get(null);
        }
        String arg = pluginsConfigClass.substring(paren + 1, pluginsConfigClass.lastIndexOf(')')).replace("\"", "").trim();
        java.lang.reflect.Method keys = Class.forName(pluginsConfigClass.substring(0, paren).trim()).getDeclaredMethod("keys", String.class);
        keys.setAccessible(true);
        return (Set<String>) keys.invoke(null, arg);
    }
}
