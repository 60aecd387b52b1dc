package vn.egov.interchange.status;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.interchange.status.StatusCode.ACCEPTED;
import static vn.egov.interchange.status.StatusCode.ARRIVED;
import static vn.egov.interchange.status.StatusCode.ASSIGNED;
import static vn.egov.interchange.status.StatusCode.COMPLETED;
import static vn.egov.interchange.status.StatusCode.IN_PROCESS;
import static vn.egov.interchange.status.StatusCode.RECALL;
import static vn.egov.interchange.status.StatusCode.RECALL_AGREED;
import static vn.egov.interchange.status.StatusCode.RECALL_REFUSED;
import static vn.egov.interchange.status.StatusCode.REFUSED;

import org.junit.jupiter.api.Test;

class StatusRulesTest {

    static StatusRules.Current at(StatusCode status) {
        return new StatusRules.Current(status, false, false);
    }

    @Test
    void theUsualPathIsAllowed() {
        assertThat(StatusRules.refusal(at(null), ARRIVED)).isNull();
        assertThat(StatusRules.refusal(at(ARRIVED), ACCEPTED)).isNull();
        assertThat(StatusRules.refusal(at(ACCEPTED), ASSIGNED)).isNull();
        assertThat(StatusRules.refusal(at(ASSIGNED), IN_PROCESS)).isNull();
        assertThat(StatusRules.refusal(at(IN_PROCESS), COMPLETED)).isNull();
        assertThat(StatusRules.refusal(at(ARRIVED), REFUSED)).isNull();
    }

    @Test
    void noCompletionBeforeAcceptance() {
        assertThat(StatusRules.refusal(at(null), COMPLETED)).contains("cần 03");
        assertThat(StatusRules.refusal(at(ARRIVED), COMPLETED))
                .contains("01 (đã đến)")
                .contains("06 (hoàn thành)");
        assertThat(StatusRules.refusal(at(ARRIVED), IN_PROCESS)).isNotNull();
    }

    @Test
    void nothingAfterRefusalOrCompletion() {
        assertThat(StatusRules.refusal(at(REFUSED), ACCEPTED)).isNotNull();
        assertThat(StatusRules.refusal(at(COMPLETED), IN_PROCESS)).isNotNull();
        assertThat(StatusRules.refusal(at(ACCEPTED), ARRIVED)).isNotNull();
    }

    @Test
    void recallIsAnsweredOnce() {
        assertThat(StatusRules.refusal(at(ACCEPTED), RECALL)).isNull();
        var pending = new StatusRules.Current(ACCEPTED, true, false);
        assertThat(StatusRules.refusal(pending, RECALL)).isNotNull();
        assertThat(StatusRules.refusal(pending, RECALL_AGREED)).isNull();
        assertThat(StatusRules.refusal(pending, RECALL_REFUSED)).isNull();
        assertThat(StatusRules.refusal(at(ACCEPTED), RECALL_AGREED)).contains("thu hồi");
        var recalled = new StatusRules.Current(ACCEPTED, false, true);
        assertThat(StatusRules.refusal(recalled, IN_PROCESS)).contains("đã được thu hồi");
    }
}
