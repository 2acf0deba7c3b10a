package org.openhall.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Catalogue limits ({@code openhall.catalog.*}). Not from a regulation: technical bounds.
 *
 * @param sampleMaxSize the largest sample form file (样表/范本) a material may have; 2 MB by default
 * @param importMaxRows the most rows an Excel import sheet may hold
 */
@ConfigurationProperties("openhall.catalog")
public record CatalogProperties(@DefaultValue("2MB") DataSize sampleMaxSize, @DefaultValue("5000") int importMaxRows) {
}
