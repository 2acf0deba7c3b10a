package org.openhall.queue.internal;

import java.security.SecureRandom;

/**
 * Q-1 ticket numbers and codes (pure). The displayed number is the service prefix and a value inside the service's
 * range [rangeStart, rangeEnd], zero-padded to the width of rangeEnd (at least 3 digits): A001, A002 … A999, then A001
 * again (wrap-around). The day's sequence ({@code q_counter}) never repeats; only the shown number does. The public
 * code printed on the ticket is 6 characters of an alphabet without look-alikes (no 0/O, 1/I/L).
 */
final class TicketNumbers {

    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;
    /** The widest range end: 6 digits, so that prefix + value fit the 8 characters of q_ticket.number. */
    static final int MAX_RANGE_END = 999_999;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketNumbers() {
    }

    /** The value shown for the {@code seq}-th ticket of the day (seq from 1). */
    static int value(int rangeStart, int rangeEnd, int seq) {
        if (seq < 1 || rangeEnd <= rangeStart || rangeStart < 0) {
            throw new IllegalArgumentException("seq " + seq + " range " + rangeStart + ".." + rangeEnd);
        }
        long size = (long) rangeEnd - rangeStart + 1;
        return (int) (rangeStart + (seq - 1L) % size);
    }

    static int width(int rangeEnd) {
        return Math.max(3, Integer.toString(rangeEnd).length());
    }

    /** The number printed and called, e.g. {@code A001}. */
    static String format(String prefix, int rangeStart, int rangeEnd, int seq) {
        String digits = Integer.toString(value(rangeStart, rangeEnd, seq));
        return prefix + "0".repeat(width(rangeEnd) - digits.length()) + digits;
    }

    static String publicCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }
}
