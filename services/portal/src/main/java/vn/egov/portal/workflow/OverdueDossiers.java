package vn.egov.portal.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * Hồ sơ quá hạn: a scheduled job (one replica at a time through ShedLock) flags every dossier whose promised date
 * (the due date, or the apology's new date) has passed while the clock runs (accepted, in process, waiting for
 * payment: statuses 2, 4, 6 — a supplement request pauses it) and writes one history line per dossier. Flagging is one conditional insert, so a second run or a
 * second replica adds nothing.
 */
@Component
public class OverdueDossiers {

    private static final Logger log = LoggerFactory.getLogger(OverdueDossiers.class);

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OverdueDossiers(JdbcClient jdbc, Dossiers dossiers, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${egov.portal.workflow.overdue-cron:0 */10 * * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "portal.flag-overdue-dossiers", lockAtMostFor = "PT10M")
    public void scheduled() {
        int flagged = flag();
        if (flagged > 0) {
            log.info("flagged {} overdue dossiers", flagged);
        }
    }

    /** Flags the dossiers overdue today (Vietnam time), in one transaction; returns how many were newly flagged. */
    public int flag() {
        Integer flagged = tx.execute(s -> flagInTransaction());
        return flagged == null ? 0 : flagged;
    }

    private int flagInTransaction() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Workflow.VIETNAM);
        record Flagged(UUID id, int version, int status, LocalDate promised) {}
        List<Flagged> flagged = jdbc.sql("""
                        with late as (
                          insert into dossier_overdue (dossier_id, promised_date, flagged_at)
                          select id, greatest(due_date, coalesce(rescheduled_date, due_date)), ?
                          from dossier
                          where status in (2, 4, 6) and due_date is not null
                            and greatest(due_date, coalesce(rescheduled_date, due_date)) < ?
                          on conflict (dossier_id) do nothing
                          returning dossier_id, promised_date)
                        select d.id, d.version, d.status, late.promised_date
                        from late join dossier d on d.id = late.dossier_id""")
                .params(Timestamp.from(now), today)
                .query((rs, n) -> new Flagged(
                        rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
                .list();
        for (Flagged f : flagged) {
            DossierStatus status = DossierStatus.of(f.status());
            dossiers.history(
                    f.id(),
                    f.version(),
                    "OVERDUE",
                    status,
                    status,
                    new Dossiers.Actor("system", null),
                    "Hồ sơ quá hạn giải quyết (hẹn trả " + f.promised() + ")",
                    Map.of("promisedDate", f.promised().toString()),
                    now);
        }
        return flagged.size();
    }
}
