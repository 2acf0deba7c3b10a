package org.openhall.calendar;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A period in which a deadline's clock stands still (计时中止 / 挂起), the half-open interval
 * {@code [start, end)}. For a suspension that is still running, pass the instant up to which it is
 * known (usually now); the result is then "the deadline if it resumed at that instant".
 *
 * <p>How much time a suspension gives back: every working day that it covers <em>completely</em>
 * (00:00 to 24:00 in the centre's zone). A working day only partly suspended still counts as used.
 * See {@link org.openhall.calendar package documentation}.
 */
public record Suspension(Instant start, Instant end) implements Serializable {

    public Suspension {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("suspension ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
