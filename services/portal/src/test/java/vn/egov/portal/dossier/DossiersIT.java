package vn.egov.portal.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.events.EventSchemas;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The dossier store: one place for every status change, with its history line and its event. */
class DossiersIT extends PortalIntegrationTest {

    static final String AGENCY = "000.00.00.H57";

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void procedure() {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, form_schema)
                        values ('9.000001', 'Thủ tục thử', 'LV-01', 'Lĩnh vực thử', ?, 'UBND thành phố Huế', 4, true, 3,
                          '{"type":"object"}')
                        on conflict do nothing""").param(AGENCY).update();
    }

    UUID draft() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dossier (id, procedure_code, agency_code, applicant_pid, created_at, updated_at)
                        values (?, '9.000001', ?, '001099012345', now(), now())""").params(id, AGENCY).update();
        return id;
    }

    @Test
    void aStatusChangeBumpsTheVersionWritesHistoryAndPublishesAValidEvent() {
        UUID id = draft();
        Instant received = Instant.parse("2026-11-23T02:00:00Z");

        Dossier changed = tx.execute(s -> {
            Dossier locked = dossiers.lock(id).orElseThrow();
            dossiers.change(
                    locked,
                    Dossiers.Change.to(DossierStatus.NEW)
                            .submitted(dossiers.nextCode(AGENCY, LocalDate.of(2026, 11, 23)), received),
                    "SUBMIT",
                    new Dossiers.Actor("001099012345", null),
                    null,
                    Map.of());
            return dossiers.change(
                    dossiers.lock(id).orElseThrow(),
                    Dossiers.Change.to(DossierStatus.ACCEPTED).received(received, LocalDate.of(2026, 11, 26)),
                    "RECEIVE",
                    new Dossiers.Actor("officer.hue", AGENCY),
                    "Hồ sơ đầy đủ",
                    Map.of("checked", List.of("TK01")));
        });

        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.status()).isEqualTo(DossierStatus.ACCEPTED);
        assertThat(changed.receivedAt()).isEqualTo(received);
        assertThat(dossiers.historyOf(id))
                .extracting(Dossiers.HistoryLine::action, Dossiers.HistoryLine::toStatus, Dossiers.HistoryLine::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SUBMIT", 1, "001099012345"),
                        org.assertj.core.groups.Tuple.tuple("RECEIVE", 2, "officer.hue"));
        List<String> events = jdbc.sql(
                        "select data::text from outbox_event where subject = ? order by (data->>'version')::int")
                .param(id.toString())
                .query(String.class)
                .list();
        assertThat(events).hasSize(2);
        for (String event : events) {
            assertThat(schemas.problems(DossierEvents.STATUS_CHANGED, event)).isEmpty();
        }
        assertThat((Integer) JsonPath.read(events.get(1), "$.status")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(events.get(1), "$.previousStatus")).isEqualTo(1);
        assertThat((String) JsonPath.read(events.get(1), "$.dueDate")).isEqualTo("2026-11-26");
        assertThat((String) JsonPath.read(events.get(1), "$.code")).matches("000\\.00\\.00\\.H57-261123-\\d{4}");
        assertThat((String) JsonPath.read(events.get(1), "$.submittedAt")).isEqualTo(received.toString());
    }

    @Test
    void dossierCodesOfOneAgencyAndDayAreConsecutiveUnderConcurrency() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 23);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = java.util.stream.IntStream.range(0, 40)
                    .<Callable<String>>mapToObj(i -> () -> tx.execute(s -> dossiers.nextCode(AGENCY, day)))
                    .toList();
            Set<String> codes = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            assertThat(codes).hasSize(40).contains(AGENCY + "-261123-0001", AGENCY + "-261123-0040");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theTenThousandthDossierOfADayIsRefusedClearly() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        jdbc.sql("insert into dossier_sequence (agency_code, day, last_number) values (?, ?, 9998)")
                .params(AGENCY, day)
                .update();

        String last = tx.execute(s -> dossiers.nextCode(AGENCY, day));
        assertThat(last).isEqualTo(AGENCY + "-261124-9999");
        assertThatThrownBy(() -> tx.execute(s -> dossiers.nextCode(AGENCY, day)))
                .isInstanceOfSatisfying(vn.egov.platform.web.ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(503);
                    assertThat(p.code()).isEqualTo("dossier-codes-exhausted");
                });
        assertThat(jdbc.sql("select last_number from dossier_sequence where agency_code = ? and day = ?")
                        .params(AGENCY, day)
                        .query(Integer.class)
                        .single())
                .isEqualTo(9999);
    }
}
