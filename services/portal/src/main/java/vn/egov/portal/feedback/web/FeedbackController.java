package vn.egov.portal.feedback.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.feedback.Feedback;
import vn.egov.portal.feedback.Feedbacks;
import vn.egov.portal.feedback.HandleFeedback;

/**
 * Phản ánh, kiến nghị: citizens submit and follow theirs; the competent agency's officers list, answer and publish;
 * anyone reads the published answers (without the submitter's data).
 */
@RestController
@RequestMapping("/api/portal/feedback")
class FeedbackController {

    private static final int LIST_LIMIT = 200;

    private final HandleFeedback handle;
    private final Feedbacks feedbacks;

    FeedbackController(HandleFeedback handle, Feedbacks feedbacks) {
        this.handle = handle;
        this.feedbacks = feedbacks;
    }

    record SubmitRequest(
            @NotNull(message = "Chọn loại: FEEDBACK (phản ánh) hoặc PETITION (kiến nghị).")
            Feedback.Kind kind,

            @Size(max = 40, message = "Mã cơ quan tối đa 40 ký tự.")
            String agencyCode,

            UUID dossierId,

            @NotBlank(message = "Tiêu đề là bắt buộc.") @Size(max = 200, message = "Tiêu đề tối đa 200 ký tự.")
            String title,

            @NotBlank(message = "Nội dung là bắt buộc.") @Size(max = 5000, message = "Nội dung tối đa 5000 ký tự.")
            String content) {}

    record AnswerRequest(
            @NotBlank(message = "Nội dung trả lời là bắt buộc.")
            @Size(max = 10000, message = "Nội dung trả lời tối đa 10000 ký tự.")
            String answer,

            Boolean publish,

            @Size(max = 5000, message = "Câu hỏi công khai tối đa 5000 ký tự.")
            String publicQuestion) {}

    record PublishRequest(
            @Size(max = 5000, message = "Câu hỏi công khai tối đa 5000 ký tự.")
            String publicQuestion) {}

    /** The full record, for its submitter and the agency's officers. */
    record FeedbackView(
            UUID id,
            String code,
            Feedback.Kind kind,
            String agencyCode,
            UUID dossierId,
            String title,
            String content,
            Instant submittedAt,
            Feedback.Status status,
            String answer,
            Instant answeredAt,
            boolean published,
            String publicQuestion,
            Instant publishedAt) {
        static FeedbackView of(Feedback f) {
            return new FeedbackView(
                    f.id(),
                    f.code(),
                    f.kind(),
                    f.agencyCode(),
                    f.dossierId(),
                    f.title(),
                    f.content(),
                    f.submittedAt(),
                    f.status(),
                    f.answer(),
                    f.answeredAt(),
                    f.published(),
                    f.publicQuestion(),
                    f.publishedAt());
        }
    }

    /** What is published: the question as the agency published it and its answer; nothing about the submitter. */
    record PublishedView(
            String code,
            Feedback.Kind kind,
            String agencyCode,
            String agencyName,
            String title,
            String question,
            String answer,
            Instant answeredAt,
            Instant publishedAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FeedbackView submit(Caller caller, @Valid @RequestBody SubmitRequest request) {
        return FeedbackView.of(handle.submit(
                caller, request.kind(), request.agencyCode(), request.dossierId(), request.title(), request.content()));
    }

    @GetMapping("/mine")
    List<FeedbackView> mine(Caller caller) {
        if (caller.pid() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "citizen-only", "Chỉ dành cho công dân");
        }
        return feedbacks.ofSubmitter(caller.pid()).stream()
                .map(FeedbackView::of)
                .toList();
    }

    /** The caller's agency's feedback (officers), newest first, optionally by status. */
    @GetMapping
    List<FeedbackView> ofAgency(Caller caller, @RequestParam(required = false) Feedback.Status status) {
        if (!HandleFeedback.isOfficer(caller)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "officer-only", "Chỉ cán bộ của cơ quan mới xem được");
        }
        return feedbacks.ofAgency(caller.agencyCode(), status, LIST_LIMIT).stream()
                .map(FeedbackView::of)
                .toList();
    }

    @GetMapping("/{id}")
    FeedbackView get(Caller caller, @PathVariable UUID id) {
        return feedbacks
                .find(id)
                .filter(f -> (caller.pid() != null && caller.pid().equals(f.submitterPid()))
                        || (HandleFeedback.isOfficer(caller) && f.agencyCode().equals(caller.agencyCode())))
                .map(FeedbackView::of)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "feedback-not-found", "Không tìm thấy phản ánh, kiến nghị " + id));
    }

    @PostMapping("/{id}/answer")
    FeedbackView answer(Caller caller, @PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        return FeedbackView.of(handle.answer(
                caller, id, request.answer(), Boolean.TRUE.equals(request.publish()), request.publicQuestion()));
    }

    @PostMapping("/{id}/publication")
    FeedbackView publish(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) PublishRequest request) {
        return FeedbackView.of(handle.publish(caller, id, request == null ? null : request.publicQuestion()));
    }

    /** Public: the published answers, newest first, optionally of one agency. */
    @GetMapping("/published")
    List<PublishedView> published(@RequestParam(required = false) String agencyCode) {
        return feedbacks.published(agencyCode, LIST_LIMIT).stream()
                .map(f -> new PublishedView(
                        f.code(),
                        f.kind(),
                        f.agencyCode(),
                        feedbacks.agencyName(f.agencyCode()).orElse(null),
                        f.title(),
                        f.publicQuestion(),
                        f.answer(),
                        f.answeredAt(),
                        f.publishedAt()))
                .toList();
    }
}
