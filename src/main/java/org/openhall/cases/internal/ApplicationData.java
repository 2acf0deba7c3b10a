package org.openhall.cases.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an applicant fills in online (CASE-10): a person (name, ID number, mobile) or an organisation (name, unified
 * social credit code, contact mobile), an optional e-mail and address, and the declaration that everything is true
 * (承诺所填信息真实有效). Collect only what the item needs (SEC-2, PIPL Art. 6): nothing else is asked.
 */
public record ApplicationData(long centreId, String itemCode, CaseCommands.@Nullable ApplicantKind kind,
        @Nullable String name, @Nullable String idNumber, @Nullable String creditCode, @Nullable String mobile,
        @Nullable String email, @Nullable String address, boolean declaration) {
}
