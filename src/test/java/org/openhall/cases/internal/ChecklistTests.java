package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.CaseCommands.MaterialCheck;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.shared.DomainException;

/** CASE-1 初审 and CASE-2 一次性告知: what the checklist asks for, and everything to correct at once. */
class ChecklistTests {

    static final List<MaterialInfo> ITEM = List.of(
            new MaterialInfo("M01", "身份证", MaterialRequirement.REQUIRED, "原件", 1, null, null),
            new MaterialInfo("M02", "申请表", MaterialRequirement.REQUIRED, "原件", 1, "本人签字", null),
            new MaterialInfo("M03", "检查报告", MaterialRequirement.DEFERRABLE, "复印件", 1, null, null),
            new MaterialInfo("M04", "委托书", MaterialRequirement.OPTIONAL, "原件", 1, null, null));

    static MaterialCheck c(String code, MaterialState s) {
        return new MaterialCheck(code, s, s == MaterialState.WRONG ? "签名缺失" : null);
    }

    @Test
    void everythingReceivedIsComplete() {
        Checklist l = Checklist.of(ITEM, List.of(c("M01", MaterialState.RECEIVED), c("M02", MaterialState.RECEIVED),
                c("M03", MaterialState.RECEIVED)));
        assertThat(l.complete()).isTrue();
        assertThat(l.lines()).extracting(Checklist.Line::state).containsExactly(MaterialState.RECEIVED,
                MaterialState.RECEIVED, MaterialState.RECEIVED, MaterialState.MISSING);
    }

    @Test
    void listsEveryMissingOrWrongRequiredMaterialButNeverAnOptionalOne() {
        Checklist l = Checklist.of(ITEM, List.of(c("M02", MaterialState.WRONG)));
        assertThat(l.complete()).isFalse();
        assertThat(l.toCorrect()).extracting(x -> x.material().code()).containsExactly("M01", "M02", "M03");
        assertThat(l.toCorrect().get(1).note()).isEqualTo("签名缺失");
    }

    @Test
    void deferredDeferrableMaterialsDoNotBlockAcceptance() {
        Checklist l = Checklist.of(ITEM, List.of(c("M01", MaterialState.RECEIVED), c("M02", MaterialState.RECEIVED),
                c("M03", MaterialState.DEFERRED)));
        assertThat(l.complete()).isTrue();
        assertThat(l.deferred()).extracting(x -> x.material().code()).containsExactly("M03");
    }

    @Test
    void refusesUnknownCodesDuplicatesWrongWithoutNoteAndDeferringARequiredMaterial() {
        assertThatThrownBy(() -> Checklist.of(ITEM, List.of(c("ZZ", MaterialState.RECEIVED), c("AA", MaterialState.RECEIVED))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("materials");
                    assertThat(e.messageKey()).isEqualTo("cases.materials.unknown");
                    assertThat(e.args()).containsExactly("AA、ZZ");
                });
        assertThatThrownBy(() -> Checklist.of(ITEM, List.of(c("M01", MaterialState.RECEIVED), c("M01", MaterialState.MISSING))))
                .hasMessage("cases.materials.twice");
        assertThatThrownBy(() -> Checklist.of(ITEM, List.of(new MaterialCheck("M01", MaterialState.WRONG, " "))))
                .hasMessage("cases.materials.wrongNeedsNote");
        assertThatThrownBy(() -> Checklist.of(ITEM, List.of(c("M01", MaterialState.DEFERRED))))
                .hasMessage("cases.materials.notDeferrable");
        assertThatThrownBy(() -> Checklist.of(ITEM, List.of(c("M04", MaterialState.DEFERRED))))
                .hasMessage("cases.materials.notDeferrable");
    }
}
