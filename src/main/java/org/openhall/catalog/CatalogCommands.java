package org.openhall.catalog;

/**
 * Changes to the catalogue for loaders, imports and tests (CAT-1, CAT-3): validated, scoped to the
 * caller's centre when a user is signed in (no user = system, e.g. the demo loader) and audited.
 * Invalid data is a {@link org.openhall.shared.DomainException} and writes nothing.
 */
public interface CatalogCommands {

    /** Creates an item with its first version. */
    ItemVersion createItem(ItemData data);

    /**
     * Saves a new version of an item (CAT-3): the new version becomes current, the old one stays for the
     * cases received under it. The code and centre of an item never change.
     */
    ItemVersion revise(long itemId, ItemData data);

    /** Stops offering an item (it stays in the records and in old cases). */
    void deactivate(long itemId);

    /**
     * Attaches a sample form (样表/范本) to a material of the item's current version: PDF, DOC, DOCX, XLSX, JPG or PNG,
     * size-limited; later versions keep it. Returns the id of the stored file.
     */
    long attachSample(long itemId, String materialCode, String fileName, byte[] content);
}
