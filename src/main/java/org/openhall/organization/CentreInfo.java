package org.openhall.organization;

import java.time.ZoneId;

/** A service centre (ORG-1). */
public record CentreInfo(long id, String code, String name, ZoneId zone, boolean active) {
}
