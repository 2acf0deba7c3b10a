package org.openhall.notification;

/**
 * The addressee of an in-system message: a staff member's inbox ({@code staff:42}) or the public
 * message list of a case, shown to the applicant on the progress page ({@code case:QX-SSC-20261123-0007}).
 */
public record Inbox(String key) {

    public static Inbox staff(long staffId) {
        return new Inbox("staff:" + staffId);
    }

    public static Inbox ofCase(String caseNumber) {
        return new Inbox("case:" + caseNumber);
    }
}
