package org.openhall.calendar.internal;

import java.util.List;
import org.openhall.shared.DomainException;

/** A year file was refused; nothing was written. Carries every problem found, each a message key with arguments. */
public class ImportValidationException extends DomainException {

    /** One problem of the file; {@code key} is a message key in messages/calendar*.properties. */
    public record Problem(String key, List<String> args) {

        public Problem(String key, String... args) {
            this(key, List.of(args));
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    private final List<Problem> problems;

    public ImportValidationException(List<Problem> problems) {
        super(Kind.INVALID, "file", problems.getFirst().key(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
