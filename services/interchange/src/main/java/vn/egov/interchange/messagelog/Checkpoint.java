package vn.egov.interchange.messagelog;

import java.time.Instant;

/** Điểm kiểm tra — the log's head hash at {@code seq}, with an RFC 3161 time-stamp token over it. */
public record Checkpoint(long seq, String hash, Instant createdAt, byte[] timestampToken) {}
