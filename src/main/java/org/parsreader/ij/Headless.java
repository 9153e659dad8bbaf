package org.parsreader.ij;

import ij.IJ;
import ij.Menus;
import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;

/**
 * Pars Reader's commands for a headless ImageJ 1.x ({@code java -Djava.awt.headless=true -cp ij.jar:Pars_Reader.jar
 * ij.ImageJ -batch macro.ijm}). There plain ImageJ cannot build its menus (AWT menus throw
 * HeadlessException), so {@code run("Open Study...")} finds no command. A macro's first line
 * {@code call("org.parsreader.ij.Headless.install");} registers the commands of the jar's
 * plugins.config in ImageJ's command table, as the menus would; with a display, or in Fiji (whose
 * legacy layer makes ImageJ headless-safe and reads plugins.config itself) it changes nothing.
 * Hand-written: ImageJ 1.x has no public way to register a plugin command without its menus.
 */
public final class Headless {
    private Headless() {}

    /** For macros: registers the commands when ImageJ has none (headless); returns "installed", "not needed" or "error: ...". */
    @SuppressWarnings("unchecked")
    public static String install() {
        if (!GraphicsEnvironment.isHeadless() || (Menus.getCommands() != null && Menus.getCommands().containsKey(OpenStudyCommand.COMMAND))) {
            return "not needed";
        }
        try {
            Hashtable<String, String> table = Menus.getCommands();
            if (table == null) {
                table = new Hashtable<>();
                java.lang.reflect.Field f = Menus.class.getDeclaredField("pluginsTable");
                f.setAccessible(true);
                f.set(null, table);
            }
            try (InputStream in = Headless.class.getResourceAsStream("/plugins.config")) {
                if (in == null) return "error: plugins.config is not in the Pars Reader jar";
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null;) {
                    if (!line.startsWith("Plugins>")) continue;
                    int q1 = line.indexOf('"'), q2 = line.indexOf('"', q1 + 1);
                    table.put(line.substring(q1 + 1, q2), line.substring(line.indexOf(',', q2) + 1).trim());
                }
            }
            return "installed";
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            IJ.log("Pars Reader: cannot register the commands headless: " + e);
            return "error: " + e;
        }
    }
}
