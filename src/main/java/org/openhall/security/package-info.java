/**
 * Users, login, roles, department data scope and the audit trail (SEC-1, SEC-3).
 * Public API: {@link org.openhall.security.Role}, {@link org.openhall.security.CurrentUser},
 * {@link org.openhall.security.CurrentUsers}, {@link org.openhall.security.AuditTrail},
 * {@link org.openhall.security.UserAccounts}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.openhall.security;
