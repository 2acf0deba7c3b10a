package org.openhall.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.CaseCommands.MaterialCheck;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.shared.DomainException;

/**
 * CASE-1 初审: the item's checklist as ticked by the clerk. Every material of the item gets a line; a material the
 * clerk did not mention is MISSING. Refuses (400, field {@code materials}) codes the item does not list, a code
 * ticked twice, a WRONG material without a note saying what is wrong (the one-time notice must say it), and DEFERRED
 * (容缺) for a material that is not DEFERRABLE.
 */
public final class Checklist {

    /** One material of the checklist and how it was found. */
    public record Line(MaterialInfo material, MaterialState state, @Nullable String note) {

        /** Whether this line keeps the case from being accepted: a required (or deferrable, not deferred) material missing or wrong. */
        public boolean needsCorrection() {
            return material.requirement() != MaterialRequirement.OPTIONAL
                    && (state == MaterialState.MISSING || state == MaterialState.WRONG);
        }
    }

    private final List<Line> lines;

    private Checklist(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static Checklist of(List<MaterialInfo> materials, List<MaterialCheck> checks) {
        Map<String, MaterialCheck> byCode = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (MaterialCheck c : checks) {
            String code = c.code() == null ? "" : c.code().strip();
            if (materials.stream().noneMatch(m -> m.code().equals(code))) {
                unknown.add(code.isEmpty() ? "\"\"" : code);
            } else if (byCode.putIfAbsent(code, c) != null) {
                twice.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("materials", "cases.materials.unknown", String.join("、", unknown));
        }
        if (!twice.isEmpty()) {
            throw DomainException.invalid("materials", "cases.materials.twice", String.join("、", twice));
        }
        List<Line> lines = new ArrayList<>();
        for (MaterialInfo m : materials) {
            MaterialCheck c = byCode.get(m.code());
            MaterialState state = c == null || c.state() == null ? MaterialState.MISSING : c.state();
            String note = c == null || c.note() == null || c.note().isBlank() ? null : c.note().strip();
            if (note != null && note.length() > 500) {
                throw DomainException.invalid("materials", "cases.materials.noteTooLong", m.code());
            }
            if (state == MaterialState.WRONG && note == null) {
                throw DomainException.invalid("materials", "cases.materials.wrongNeedsNote", m.code() + " " + m.name());
            }
            if (state == MaterialState.DEFERRED && m.requirement() != MaterialRequirement.DEFERRABLE) {
                throw DomainException.invalid("materials", "cases.materials.notDeferrable", m.code() + " " + m.name());
            }
            lines.add(new Line(m, state, note));
        }
        return new Checklist(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    /** Everything the one-time notice must list: every required material missing or wrong, at once (一次性告知). */
    public List<Line> toCorrect() {
        return lines.stream().filter(Line::needsCorrection).toList();
    }

    /** The 容缺 materials promised for later. */
    public List<Line> deferred() {
        return lines.stream().filter(l -> l.state() == MaterialState.DEFERRED).toList();
    }

    /** Nothing keeps the case from acceptance (deferred materials need a signed commitment, checked by the caller). */
    public boolean complete() {
        return toCorrect().isEmpty();
    }
}
