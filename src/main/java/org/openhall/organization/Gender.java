package org.openhall.organization;

/** The gender of a staff member; GB 11643 encodes it in the 17th digit of the ID number. */
public enum Gender {
    MALE,
    FEMALE
}
