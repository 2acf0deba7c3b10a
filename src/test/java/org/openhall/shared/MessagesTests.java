package org.openhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every UI string lives in messages*.properties, in Chinese (the default) and English: the two files
 * of each module have the same keys, and every literal {@code #{key}} a template uses exists.
 */
class MessagesTests {

    private static Properties load(Resource r) throws IOException {
        Properties p = new Properties();
        try (InputStream in = r.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> allKeys(String suffix) throws IOException {
        Set<String> keys = new HashSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            String name = r.getFilename();
            boolean english = name != null && name.endsWith("_en.properties");
            if (english == suffix.equals("_en")) {
                load(r).stringPropertyNames().forEach(keys::add);
            }
        }
        return keys;
    }

    /** Each module's Chinese file and its English twin have exactly the same keys. */
    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        int pairs = 0;
        for (Resource zh : all) {
            String name = zh.getFilename();
            if (name == null || name.endsWith("_en.properties")) {
                continue;
            }
            Resource en = zh.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as("English twin of " + name).isTrue();
            assertThat(new TreeSet<>(load(en).stringPropertyNames())).as("keys of " + name + " vs its English twin")
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(load(zh).stringPropertyNames()));
            pairs++;
        }
        assertThat(pairs).isGreaterThanOrEqualTo(4);
    }

    /**
     * Text a person reads is never written into a template: an element's own text is either replaced
     * by {@code th:text} / {@code th:utext} (the text in the file is only a preview), or lies inside
     * such an element, or contains no letters at all (punctuation, numbers, separators).
     */
    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        Pattern letters = Pattern.compile("[\\p{IsHan}A-Za-z]");
        Set<String> offenders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(Files.readString(f));
                for (org.jsoup.nodes.Element e : doc.getAllElements()) {
                    if (e.nameIs("script") || e.nameIs("style") || e.nameIs("code")) {
                        continue;
                    }
                    String own = e.ownText().strip();
                    if (own.isEmpty() || !letters.matcher(own).find() || replaced(e)) {
                        continue;
                    }
                    offenders.add(f.getFileName() + ": <" + e.tagName() + "> " + own);
                }
                for (org.jsoup.nodes.Element e : doc.select("[title],[placeholder],[aria-label],[alt]")) {
                    for (String attr : new String[] {"title", "placeholder", "aria-label", "alt"}) {
                        String v = e.attr(attr);
                        if (!v.isEmpty() && letters.matcher(v).find() && !e.hasAttr("th:" + attr) && !e.hasAttr("th:attr")
                                && !e.hasAttr("th:alt-title") && !e.nameIs("title")) {
                            offenders.add(f.getFileName() + ": " + attr + "=\"" + v + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("hard-coded text in templates (use #{...} from messages*.properties)").isEmpty();
    }

    private static boolean replaced(org.jsoup.nodes.Element e) {
        for (org.jsoup.nodes.Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("th:text") || x.hasAttr("th:utext") || x.hasAttr("th:replace") || x.hasAttr("th:insert")
                    || x.hasAttr("sec:authentication")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> zh = allKeys("");
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used by templates but not defined").isEmpty();
    }
}
