package vn.egov.portal.workflow.web;

import vn.egov.platform.web.VersionTags;

/** ETag / If-Match for dossiers: the entity tag is the dossier's version, {@code "7"}. */
final class IfMatch {

    private static final String DOSSIER = "hồ sơ";

    private IfMatch() {}

    static String etag(int version) {
        return VersionTags.etag(version);
    }

    /** The version an If-Match header names; 428 when it is missing, 400 when it is not one of our tags. */
    static int version(String header) {
        return VersionTags.required(header, DOSSIER);
    }

    /** The version of an optional If-Match header, or null. */
    static Integer optional(String header) {
        return VersionTags.optional(header, DOSSIER);
    }
}
