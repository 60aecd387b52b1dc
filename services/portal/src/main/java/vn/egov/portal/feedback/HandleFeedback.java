package vn.egov.portal.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;

/**
 * Tiếp nhận và trả lời phản ánh, kiến nghị: citizens submit to the competent agency (the dossier's agency when the
 * feedback is about a dossier); only that agency's officers answer and publish.
 */
@Component
public class HandleFeedback {

    private final Feedbacks feedbacks;
    private final Dossiers dossiers;
    private final Clock clock;

    public HandleFeedback(Feedbacks feedbacks, Dossiers dossiers, Clock clock) {
        this.feedbacks = feedbacks;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Transactional
    public Feedback submit(
            Caller caller, Feedback.Kind kind, String agencyCode, UUID dossierId, String title, String content) {
        if (caller.pid() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "citizen-only", "Chỉ công dân mới gửi được phản ánh, kiến nghị");
        }
        String agency = agencyCode;
        if (dossierId != null) {
            Dossier dossier = dossiers.find(dossierId)
                    .filter(d -> caller.pid().equals(d.applicantPid()))
                    .orElseThrow(() -> new ApiProblem(
                            HttpStatus.NOT_FOUND,
                            "dossier-not-found",
                            "Không tìm thấy hồ sơ " + dossierId + " của bạn",
                            List.of(new FieldProblem("dossierId", "không có hồ sơ này"))));
            agency = dossier.agencyCode();
        }
        if (agency == null || agency.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid",
                    "Cần chọn cơ quan tiếp nhận hoặc hồ sơ liên quan",
                    List.of(new FieldProblem("agencyCode", "bắt buộc khi không gắn với hồ sơ")));
        }
        if (feedbacks.agencyName(agency).isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "unknown-agency",
                    "Cơ quan " + agency + " không giải quyết thủ tục nào trên cổng",
                    List.of(new FieldProblem("agencyCode", "không phải cơ quan có thẩm quyền trên cổng")));
        }
        Instant now = clock.instant();
        Feedback feedback = new Feedback(
                UUID.randomUUID(),
                feedbacks.nextCode(now.atZone(clock.getZone()).getYear()),
                kind,
                agency,
                dossierId,
                title.strip(),
                content.strip(),
                caller.pid(),
                now,
                Feedback.Status.RECEIVED,
                null,
                null,
                null,
                false,
                null,
                null,
                1);
        feedbacks.insert(feedback);
        return feedback;
    }

    @Transactional
    public Feedback answer(Caller caller, UUID id, String answer, boolean publish, String publicQuestion) {
        Feedback feedback = ownAgency(caller, id);
        if (feedback.status() == Feedback.Status.ANSWERED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-answered", "Phản ánh, kiến nghị này đã được trả lời");
        }
        Instant now = clock.instant();
        feedbacks.answer(id, answer.strip(), caller.username(), now);
        if (publish) {
            feedbacks.publish(id, question(feedback, publicQuestion), now);
        }
        return feedbacks.find(id).orElseThrow();
    }

    @Transactional
    public Feedback publish(Caller caller, UUID id, String publicQuestion) {
        Feedback feedback = ownAgency(caller, id);
        if (feedback.status() != Feedback.Status.ANSWERED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "not-answered", "Chỉ công khai được phản ánh, kiến nghị đã có câu trả lời");
        }
        if (!feedback.published()) {
            feedbacks.publish(id, question(feedback, publicQuestion), clock.instant());
        }
        return feedbacks.find(id).orElseThrow();
    }

    /** The question as published: the officer's wording without personal data, or the citizen's text. */
    private static String question(Feedback feedback, String publicQuestion) {
        return publicQuestion == null || publicQuestion.isBlank() ? feedback.content() : publicQuestion.strip();
    }

    /** The feedback, locked, if the caller is an officer of its agency; refused otherwise. */
    private Feedback ownAgency(Caller caller, UUID id) {
        if (!isOfficer(caller)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "officer-only", "Chỉ cán bộ của cơ quan tiếp nhận mới trả lời được");
        }
        Feedback feedback = feedbacks
                .lock(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "feedback-not-found", "Không tìm thấy phản ánh, kiến nghị " + id));
        if (!feedback.agencyCode().equals(caller.agencyCode())) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "not-your-agency",
                    "Phản ánh, kiến nghị này gửi tới cơ quan khác (" + feedback.agencyCode() + ")");
        }
        return feedback;
    }

    public static boolean isOfficer(Caller caller) {
        return caller.agencyCode() != null
                && (caller.hasRole(EgovRoles.OFFICER) || caller.hasRole(EgovRoles.AGENCY_ADMIN));
    }
}
