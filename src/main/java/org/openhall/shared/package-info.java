/**
 * Small value types and web plumbing used by every module: validated identifiers (Chinese ID number,
 * unified social credit code, mobile number), masking of personal data (SEC-2), problem details for
 * the API and the page layout support. An open module: every module may use all of it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.openhall.shared;
