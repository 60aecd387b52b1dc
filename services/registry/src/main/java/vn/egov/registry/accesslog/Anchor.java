package vn.egov.registry.accesslog;

/**
 * Neo — what a signed checkpoint kept outside the database says about one chain: at sequence {@code seq}, chain
 * {@code chain} had the hash {@code hash}. A chain rewritten consistently behind the application's back (every hash
 * and the head recomputed) still verifies on its own; it no longer agrees with an anchor taken before the rewrite.
 *
 * @param checkpoint the number of the checkpoint the anchor comes from (named in the report)
 */
public record Anchor(int chain, long seq, byte[] hash, long checkpoint) {}
