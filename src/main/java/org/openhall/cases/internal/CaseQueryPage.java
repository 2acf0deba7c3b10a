package org.openhall.cases.internal;

import java.util.List;

/** One page of a case list: the rows, the page number (from 0), its size and the total number of rows. */
public record CaseQueryPage(List<CaseQueryRow> rows, int page, int size, long total) {

    public CaseQueryPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
