package org.openhall.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the calendar's code and templates name, or complete at run time, exists in the
 * calendar's (or the common) messages. That each Chinese file has an English twin with the same keys is
 * checked for all modules by {@code org.openhall.shared.MessagesTests}.
 */
class CalendarMessagesTests {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CalendarMessagesTests.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> keysIn(Path root, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyUsedByTheCodeAndTheTemplatesExists() throws IOException {
        Set<String> known = load("calendar.properties").stringPropertyNames();
        Set<String> common = load("common.properties").stringPropertyNames();
        // keys written literally: "calendar.xxx" in Java, #{calendar.xxx} / #{common.xxx} in the templates
        Set<String> used = new TreeSet<>(keysIn(Path.of("src/main/java/org/openhall/calendar"), Pattern.compile("\"(calendar\\.[a-zA-Z.]+)\"")));
        used.addAll(keysIn(Path.of("src/main/resources/templates/calendar"), Pattern.compile("#\\{(calendar\\.[a-zA-Z.]+[a-zA-Z])")));
        used.removeIf(k -> k.endsWith(".")); // prefixes completed at run time (calendar.month., calendar.dow., calendar.report.kind.)
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
        Set<String> commonUsed = keysIn(Path.of("src/main/resources/templates/calendar"), Pattern.compile("#\\{(common\\.[a-zA-Z.]+[a-zA-Z])"));
        assertThat(common).containsAll(commonUsed);
        for (int i = 1; i <= 12; i++) {
            assertThat(known).contains("calendar.month." + i);
        }
        for (int i = 1; i <= 7; i++) {
            assertThat(known).contains("calendar.dow." + i);
        }
        assertThat(known).contains("calendar.report.kind.added", "calendar.report.kind.changed", "calendar.report.kind.removed");
    }
}
