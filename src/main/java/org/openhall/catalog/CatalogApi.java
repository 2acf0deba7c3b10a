package org.openhall.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the service catalogue for the other modules (cases, queue, ...). No data scope is
 * applied: the catalogue is public (办事公开制).
 */
public interface CatalogApi {

    /** The current version of the item with this code in the centre, if the item exists and is active. */
    Optional<ItemVersion> currentItem(long centreId, String code);

    /** A version by its id, current or not (a case reads the version it was received under). */
    Optional<ItemVersion> version(long versionId);

    /** The current versions of the centre's active items, by code. */
    List<ItemVersion> currentItems(long centreId);
}
