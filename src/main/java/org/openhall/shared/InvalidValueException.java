package org.openhall.shared;

/** A value failed its format rule; {@link #messageKey()} explains which, in {@code messages/common*.properties}. */
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidValueException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
