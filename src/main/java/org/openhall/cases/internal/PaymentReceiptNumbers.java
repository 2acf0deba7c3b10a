package org.openhall.cases.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt numbers (CASE-8): readable, one sequence per centre and day, e.g. {@code QX-SSC-SF-20261123-0007}
 * (centre code, 收费, date, sequence). The number is taken inside the transaction that records the payment: the
 * sequence row stays locked until it commits, so concurrent payments of one centre take consecutive numbers one
 * after the other and a payment that fails gives its number back (no gaps in a day's receipts).
 */
@Component
public class PaymentReceiptNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    PaymentReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The readable number of the {@code seq}-th receipt of a centre on a day. */
    public static String format(String centreCode, LocalDate day, int seq) {
        return centreCode + "-SF-" + DAY.format(day) + "-" + "%04d".formatted(seq);
    }

    /** The next sequence number of the centre's day; the caller's transaction holds the row until it ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(long centreId, LocalDate day) {
        while (true) {
            int updated = jdbc.sql("update cas_receipt_sequence set last_seq = last_seq + 1 where centre_id = :c and seq_date = :d")
                    .param("c", centreId).param("d", Date.valueOf(day)).update();
            if (updated == 1) {
                return jdbc.sql("select last_seq from cas_receipt_sequence where centre_id = :c and seq_date = :d")
                        .param("c", centreId).param("d", Date.valueOf(day)).query(Integer.class).single();
            }
            // the day's first receipt: a concurrent first payment may insert the row at the same moment; the loser
            // inserts nothing (on conflict do nothing, so its transaction stays usable) and increments the winner's row
            int inserted;
            try {
                inserted = jdbc.sql("insert into cas_receipt_sequence (centre_id, seq_date, last_seq) values (:c, :d, 1) "
                        + "on conflict do nothing").param("c", centreId).param("d", Date.valueOf(day)).update();
            } catch (DuplicateKeyException e) {
                inserted = 0;
            }
            if (inserted == 1) {
                return 1;
            }
        }
    }
}
