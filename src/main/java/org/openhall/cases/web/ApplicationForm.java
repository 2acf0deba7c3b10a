package org.openhall.cases.web;

import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.ApplicationData;
import org.openhall.cases.internal.CaseCommands;

/** The online application form (CASE-10); the uploads come as separate parts named {@code file_<material code>}. */
public class ApplicationForm {

    private CaseCommands.@Nullable ApplicantKind kind = CaseCommands.ApplicantKind.PERSON;
    private @Nullable String name;
    private @Nullable String idNumber;
    private @Nullable String creditCode;
    private @Nullable String mobile;
    private @Nullable String email;
    private @Nullable String address;
    private boolean declaration;

    ApplicationData toData(long centreId, String itemCode) {
        return new ApplicationData(centreId, itemCode, kind, name, idNumber, creditCode, mobile, email, address,
                declaration);
    }

    public CaseCommands.@Nullable ApplicantKind getKind() {
        return kind;
    }

    public void setKind(CaseCommands.@Nullable ApplicantKind kind) {
        this.kind = kind;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(@Nullable String idNumber) {
        this.idNumber = idNumber;
    }

    public @Nullable String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(@Nullable String creditCode) {
        this.creditCode = creditCode;
    }

    public @Nullable String getMobile() {
        return mobile;
    }

    public void setMobile(@Nullable String mobile) {
        this.mobile = mobile;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public boolean isDeclaration() {
        return declaration;
    }

    public void setDeclaration(boolean declaration) {
        this.declaration = declaration;
    }
}
