/**
 * JDBC plumbing: {@link org.openhall.shared.jdbc.SidePool} (a little pool beside the application's) and
 * {@link org.openhall.shared.jdbc.SeparateTransactions} (short transactions of their own on such a pool).
 */
@org.jspecify.annotations.NullMarked
package org.openhall.shared.jdbc;
