package org.openhall.organization.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff photo limits ({@code openhall.organization.photo.*}). Not from a regulation: a technical bound so that an
 * upload cannot make every badge and window card slow to render.
 *
 * @param maxPixels the most pixels (width × height) a photo may have; 4096 × 4096 by default
 */
@ConfigurationProperties("openhall.organization.photo")
public record PhotoProperties(@DefaultValue("16777216") long maxPixels) {
}
