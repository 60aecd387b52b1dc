package vn.egov.registry.citizen;

import vn.egov.platform.web.VersionTags;

/** ETag / If-Match for citizen records: the entity tag is the record's version, {@code "7"}. */
public final class Versions {

    private static final String RECORD = "bản ghi công dân";

    private Versions() {}

    public static String etag(int version) {
        return VersionTags.etag(version);
    }

    /** The version an If-Match header names; 428 when it is missing, 400 when it is not one of our tags. */
    public static int ifMatch(String header) {
        return VersionTags.required(header, RECORD);
    }
}
