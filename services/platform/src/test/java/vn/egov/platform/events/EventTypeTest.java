package vn.egov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @Test
    void namesItsParts() {
        EventType type = EventType.of("vn.egov.portal.dossier.submitted.v12");
        assertThat(type.service()).isEqualTo("portal");
        assertThat(type.aggregate()).isEqualTo("dossier");
        assertThat(type.event()).isEqualTo("submitted");
        assertThat(type.version()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DossierSubmitted",
                "vn.egov.portal.dossier.submitted",
                "vn.egov.portal.dossier.submitted.v0",
                "vn.egov.Portal.dossier.submitted.v1",
                "vn.egov.portal.dossier.submitted.extra.v1",
                "com.acme.portal.dossier.submitted.v1"
            })
    void refusesOtherShapes(String value) {
        assertThatThrownBy(() -> EventType.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
