package vn.egov.platform.events;

import java.util.UUID;

/** Data of {@code vn.egov.platform.thing.created.v1}. */
public record ThingCreated(UUID thingId, String name) {}
