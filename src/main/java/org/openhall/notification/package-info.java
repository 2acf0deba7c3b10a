/**
 * Notifications (CASE-5, CASE-7): e-mail over SMTP (Spring Mail), SMS through a provider behind an
 * interface (an HTTP adapter; a logging one when none is configured), and in-system messages to staff
 * inboxes and to a case's public message list. Every notification is recorded with its outcome;
 * a failure to deliver is recorded, never thrown at the caller.
 * Public API: {@link org.openhall.notification.Notifications} and the records of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"shared", "security"})
@org.jspecify.annotations.NullMarked
package org.openhall.notification;
