package org.openhall.queue.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * The live event log of the floor. Every command that changes what a display shows appends its event here, in
 * its own transaction; subscribers (SSE streams on this node, other nodes via PostgreSQL NOTIFY) see it after commit.
 */
public interface LiveEvents {

    /** Stores an event in the current transaction (required) and returns its id. Data values must not be null. */
    long append(long centreId, String type, @Nullable Long windowId, Map<String, Object> data);

    /**
     * Stores several events of one command in the current transaction (required) with one statement, in this order
     * (ascending ids), and returns their ids. A command appends its events last, right before its commit, so that an id
     * stays invisible as briefly as possible (the hub waits for a missing id before it goes on).
     */
    List<Long> appendAll(long centreId, List<Draft> events);

    /**
     * As {@link #appendAll(long, List)}, with the command's other writes ({@code update …} or {@code insert … values …}
     * with named parameters, any names) sent in the same round trip: on PostgreSQL as data-modifying {@code with}s of
     * the events' insert, elsewhere each as a statement of its own, in this order, just before it. Returns the events'
     * ids and the rows each write changed: a command checks its conditional updates there and, if one changed no row,
     * throws, which rolls all of it back.
     */
    Appended appendAll(long centreId, List<Draft> events, List<Write> with);

    /**
     * Whether {@link #appendIf} is available: one round trip for a write that decides whether anything else is written
     * (PostgreSQL); elsewhere a command makes that write on its own first.
     */
    boolean guardedWrites();

    /**
     * A command whose first write decides whether it writes anything, in one round trip (PostgreSQL only, see
     * {@link #guardedWrites()}): {@code guard}, a data-modifying statement with {@code returning}, runs as the
     * {@code with} named {@code g}; then {@code with}, writes that refer to {@code g} (an {@code update … from g} or an
     * {@code insert … select … from g}) so that they change nothing without its row; then the events, each written once
     * per row of {@code g}. The rows of {@code select}, a query over {@code g} (and any table), are mapped; with no row
     * of {@code g} nothing is written and the result is empty.
     */
    <T> Optional<T> appendIf(long centreId, Write guard, String select, RowMapper<T> mapper, List<Draft> events,
            List<Write> with);

    /** A write of a command sent together with its events. */
    record Write(String sql, Map<String, Object> params) {
    }

    /** The events' ids (ascending) and the rows changed by each write, in the order of the writes. */
    record Appended(List<Long> ids, int[] rows) {
    }

    /** An event to append: its type, window (if any) and data (values not null). */
    record Draft(String type, @Nullable Long windowId, Map<String, Object> data) {
    }

    /** The centre's events after {@code afterId}, oldest first, at most {@code limit} (SSE resume, Last-Event-ID). */
    List<LiveEvent> since(long centreId, long afterId, int limit);

    /** The id of the centre's latest event, 0 if none. */
    long lastId(long centreId);
}
