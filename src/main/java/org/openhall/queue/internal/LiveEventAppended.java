package org.openhall.queue.internal;

/**
 * In-process notice that a live event was stored (published inside the storing transaction); the SSE hub delivers it to
 * this node's subscribers after commit and other nodes learn of it through PostgreSQL NOTIFY.
 */
public record LiveEventAppended(LiveEvent event) {
}
