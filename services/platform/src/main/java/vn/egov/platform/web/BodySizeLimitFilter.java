package vn.egov.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than {@code egov.web.max-body-size} with 413 before anything reads them. Requests
 * without a declared length (chunked) are refused too when they carry a body: clients must say how much
 * they send.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(long maxBytes, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || (length < 0 && chunked)) {
            String detail = problems.message("problem.payload-too-large.detail", ProblemWriter.locale(request), null);
            var problem = problems.problem(
                    request,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    detail,
                    List.of(new FieldProblem("body", "max " + maxBytes + " bytes")));
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
