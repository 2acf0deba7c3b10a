package org.openhall.queue.internal;

/**
 * the text of a call. The display shows {@code 请 A012 号到 3 号窗口办理}; speech synthesis reads the ticket's
 * digits one by one ({@code 请 A 零 一 二 号到 3 号窗口办理}), never as a number (一十二).
 */
final class Announcements {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Announcements() {
    }

    static String text(String number, String window) {
        return "请 " + number + " 号到 " + window + " 号窗口办理";
    }

    static String speech(String number, String window) {
        return "请 " + spell(number) + " 号到 " + window + " 号窗口办理";
    }

    /** A012 → "A 零 一 二": each character separated, digits in Chinese. */
    static String spell(String number) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(c >= '0' && c <= '9' ? DIGITS[c - '0'] : String.valueOf(c));
        }
        return b.toString();
    }
}
