package org.openhall.notification.internal;

import org.openhall.shared.Masking;

/** How lists show a recipient (SEC-2): a mobile as 138****5678, an e-mail address as zh***@example.com. */
public final class Recipients {

    private Recipients() {
    }

    /** Keeps the first two characters of the local part and the domain: zh***@example.com, a***@qq.com. */
    public static String email(String address) {
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.min(a.length(), 8));
        }
        String local = a.substring(0, at);
        String keep = local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2);
        return keep + "***" + a.substring(at);
    }

    public static String mobile(String mobile) {
        String m = Masking.mobile(mobile);
        return m == null ? "" : m;
    }
}
