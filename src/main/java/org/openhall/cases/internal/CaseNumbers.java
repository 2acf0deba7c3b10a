package org.openhall.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openhall.shared.jdbc.SeparateTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CASE-3: readable, unique case numbers {@code {centreCode}-{yyyyMMdd}-{seq:0000}}, the date in the centre's zone and
 * the sequence per centre and day from {@code cas_number_sequence}.
 *
 * <p>A number is taken in a short transaction of its own ({@link SeparateTransactions}, on connections of its own: the
 * intake usually holds one of the application's already): the sequence row is locked only for
 * the increment ({@code update ... set last_seq = last_seq + 1}), not for the whole intake, and the number is
 * committed before the case is written. So a number is <b>never given twice</b>; when the intake that took it fails
 * afterwards the number is <b>skipped</b> (a gap in the day's sequence), never reused. The first number of a day
 * inserts the row; when two first intakes race, the loser's insert hits the primary key, its little transaction
 * rolls back and it simply tries again, now finding the row to update.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Clock clock;
    private final SeparateTransactions separate;

    CaseNumbers(Clock clock, SeparateTransactions separate) {
        this.clock = clock;
        this.separate = separate;
    }

    static String format(String centreCode, LocalDate date, int seq) {
        return centreCode + "-" + DAY.format(date) + "-" + "%04d".formatted(seq);
    }

    /** The next number of the centre for today in its zone, committed at once. */
    String next(long centreId, String centreCode, ZoneId zone) {
        return next(centreId, centreCode, zone, false);
    }

    /** As {@link #next}, and records the number as reserved (CASE-10: an online application keeps it). */
    String reserve(long centreId, String centreCode, ZoneId zone) {
        return next(centreId, centreCode, zone, true);
    }

    private String next(long centreId, String centreCode, ZoneId zone, boolean reserve) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        for (int attempt = 0; ; attempt++) {
            try {
                String number = separate.execute(side -> {
                    int seq = increment(side, centreId, day);
                    String n = format(centreCode, day, seq);
                    if (reserve) {
                        side.sql("insert into cas_reserved_number (number, centre_id, reserved_at) values (:n, :c, :t)")
                                .param("n", n).param("c", centreId).param("t", Timestamp.from(now)).update();
                    }
                    return n;
                });
                return number;
            } catch (DuplicateKeyException raced) {
                // another first intake of the day inserted the row between our update and our insert
                if (attempt >= 5) {
                    throw raced;
                }
            }
        }
    }

    private static int increment(JdbcClient jdbc, long centreId, LocalDate day) {
        int rows = jdbc.sql("update cas_number_sequence set last_seq = last_seq + 1 where centre_id = :c and seq_date = :d")
                .param("c", centreId).param("d", day).update();
        if (rows == 0) {
            jdbc.sql("insert into cas_number_sequence (centre_id, seq_date, last_seq) values (:c, :d, 1)")
                    .param("c", centreId).param("d", day).update();
            return 1;
        }
        return jdbc.sql("select last_seq from cas_number_sequence where centre_id = :c and seq_date = :d")
                .param("c", centreId).param("d", day).query(Integer.class).single();
    }
}
