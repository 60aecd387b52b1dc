package vn.egov.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal web application for the platform's web and security slice tests. */
@SpringBootConfiguration
public class ProblemTestApplication {

    record Applicant(
            @NotBlank(message = "họ tên là bắt buộc") String fullName,

            @Pattern(regexp = "\\d{12}", message = "số định danh phải gồm 12 chữ số")
            String pid,

            int age) {}

    @RestController
    static class ApplicantController {

        @PostMapping("/api/test/applicants")
        Applicant create(@Valid @RequestBody Applicant applicant) {
            if (applicant.fullName().equals("Trùng")) {
                throw ApiProblem.badField("duplicate", "fullName", "đã tồn tại");
            }
            if (applicant.fullName().equals("Lỗi")) {
                throw new IllegalStateException("database password is hunter2");
            }
            return applicant;
        }

        @PostMapping("/api/test/officers-only")
        @org.springframework.security.access.prepost.PreAuthorize("hasRole('officer')")
        HttpStatus officersOnly() {
            return HttpStatus.OK;
        }
    }
}
