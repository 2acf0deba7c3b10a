package org.openhall.calendar.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openhall.calendar.SpecialDay;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and strictly validates a year file in the holiday-cn shape (CAL-1, CAL-3). Every problem is
 * collected (up to {@link #MAX_PROBLEMS}) so the centre office can fix the file in one go; a file with
 * any problem is refused as a whole.
 *
 * <p>Rules: a JSON object; {@code year} an integer in 1900–9999; {@code days} a non-empty array (an
 * empty list is what holiday-cn serves before the State Council has published the year — loading it
 * would silently turn every weekday into a working day); each day an object with a non-blank
 * {@code name} (at most 50 characters), a {@code date} {@code YYYY-MM-DD} in that year, and a boolean
 * {@code isOffDay}; no date twice; {@code papers} optional, an array of texts. Other top-level fields
 * ({@code $schema}, {@code $id}) are ignored.
 *
 * <p>Names: holiday-cn names a 调休 working day after its holiday ({@code 国庆节}, isOffDay false);
 * such a name gets the suffix {@code 调休} so that the day reads as what it is ({@code 国庆节调休}).
 * Names that already say so ({@code …调休}, {@code …上班}, {@code …补班}) are kept.
 */
public final class HolidayFileParser {

    public static final int MAX_PROBLEMS = 20;
    public static final int MAX_NAME = 50;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> KNOWN = Set.of("year", "papers", "days", "$schema", "$id");

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses a file; throws {@link ImportValidationException} listing every problem. */
    public HolidayFile parse(byte[] content) {
        List<ImportValidationException.Problem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw fail(new ImportValidationException.Problem("calendar.import.encoding"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw fail(new ImportValidationException.Problem("calendar.import.empty"));
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw fail(new ImportValidationException.Problem("calendar.import.notJson",
                    String.valueOf(e.getLocation() == null ? "?" : e.getLocation().getLineNr())));
        }
        if (root == null || !root.isObject()) {
            throw fail(new ImportValidationException.Problem("calendar.import.notObject"));
        }
        for (String property : root.propertyNames()) {
            if (!KNOWN.contains(property)) {
                problems.add(new ImportValidationException.Problem("calendar.import.unknownField", property));
            }
        }
        JsonNode yearNode = root.get("year");
        Integer year = null;
        if (yearNode == null || yearNode.isNull()) {
            problems.add(new ImportValidationException.Problem("calendar.import.year.missing"));
        } else if (!yearNode.isIntegralNumber() || !yearNode.canConvertToInt()
                || yearNode.intValue() < WorkingCalendar.MIN_YEAR || yearNode.intValue() > WorkingCalendar.MAX_YEAR) {
            problems.add(new ImportValidationException.Problem("calendar.import.year.invalid", yearNode.toString()));
        } else {
            year = yearNode.intValue();
        }
        List<String> papers = new ArrayList<>();
        JsonNode papersNode = root.get("papers");
        if (papersNode != null && !papersNode.isNull()) {
            if (!papersNode.isArray()) {
                problems.add(new ImportValidationException.Problem("calendar.import.papers.invalid"));
            } else {
                for (JsonNode p : papersNode.values()) {
                    if (p.isString() && !p.stringValue().isBlank()) {
                        papers.add(p.stringValue().strip());
                    } else {
                        problems.add(new ImportValidationException.Problem("calendar.import.papers.invalid"));
                        break;
                    }
                }
            }
        }
        JsonNode daysNode = root.get("days");
        List<SpecialDay> days = new ArrayList<>();
        if (daysNode == null || daysNode.isNull()) {
            problems.add(new ImportValidationException.Problem("calendar.import.days.missing"));
        } else if (!daysNode.isArray()) {
            problems.add(new ImportValidationException.Problem("calendar.import.days.notArray"));
        } else if (daysNode.isEmpty()) {
            problems.add(new ImportValidationException.Problem("calendar.import.days.empty",
                    year == null ? "?" : String.valueOf(year)));
        } else {
            Map<LocalDate, Integer> seen = new HashMap<>();
            int n = 0;
            for (JsonNode day : daysNode.values()) {
                n++;
                String item = String.valueOf(n);
                if (!day.isObject()) {
                    problems.add(new ImportValidationException.Problem("calendar.import.day.notObject", item));
                    continue;
                }
                for (String property : day.propertyNames()) {
                    if (!Set.of("name", "date", "isOffDay").contains(property)) {
                        problems.add(new ImportValidationException.Problem("calendar.import.day.unknownField", item, property));
                    }
                }
                JsonNode nameNode = day.get("name");
                String name = null;
                if (nameNode == null || !nameNode.isString() || nameNode.stringValue().isBlank()) {
                    problems.add(new ImportValidationException.Problem("calendar.import.day.name.missing", item));
                } else if (nameNode.stringValue().strip().length() > MAX_NAME) {
                    problems.add(new ImportValidationException.Problem("calendar.import.day.name.tooLong", item,
                            String.valueOf(MAX_NAME)));
                } else {
                    name = nameNode.stringValue().strip();
                }
                JsonNode dateNode = day.get("date");
                LocalDate date = null;
                if (dateNode == null || !dateNode.isString()) {
                    problems.add(new ImportValidationException.Problem("calendar.import.day.date.missing", item));
                } else {
                    String raw = dateNode.stringValue();
                    try {
                        if (!ISO_DATE.matcher(raw).matches()) {
                            throw new DateTimeParseException("not yyyy-MM-dd", raw, 0);
                        }
                        date = LocalDate.parse(raw);
                    } catch (DateTimeParseException e) {
                        problems.add(new ImportValidationException.Problem("calendar.import.day.date.invalid", item, raw));
                    }
                }
                JsonNode offNode = day.get("isOffDay");
                Boolean off = null;
                if (offNode == null || !offNode.isBoolean()) {
                    problems.add(new ImportValidationException.Problem("calendar.import.day.isOffDay.invalid", item));
                } else {
                    off = offNode.booleanValue();
                }
                if (date != null) {
                    if (year != null && date.getYear() != year) {
                        problems.add(new ImportValidationException.Problem("calendar.import.day.date.wrongYear", item,
                                date.toString(), String.valueOf(year)));
                    }
                    Integer previous = seen.putIfAbsent(date, n);
                    if (previous != null) {
                        problems.add(new ImportValidationException.Problem("calendar.import.day.date.duplicate", item,
                                date.toString(), String.valueOf(previous)));
                    }
                }
                if (name != null && date != null && off != null) {
                    days.add(new SpecialDay(date, off, displayName(name, off)));
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        }
        if (!problems.isEmpty() || year == null) {
            throw new ImportValidationException(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        }
        days.sort(Comparator.comparing(SpecialDay::date));
        return new HolidayFile(year, papers, days);
    }

    /** A 调休 working day named after its holiday reads "…调休". */
    static String displayName(String name, boolean offDay) {
        if (offDay || name.endsWith("调休") || name.endsWith("上班") || name.endsWith("补班")) {
            return name;
        }
        return name + "调休";
    }

    private static ImportValidationException fail(ImportValidationException.Problem problem) {
        return new ImportValidationException(List.of(problem));
    }
}
