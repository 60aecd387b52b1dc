package vn.egov.registry.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.security.Caller;
import vn.egov.registry.testing.RegistryPostgres;

/**
 * The access log on a real PostgreSQL database of its own: appends chain, concurrent appends never fork the chain,
 * the table refuses UPDATE/DELETE, and the auditor's verification names the first broken link when a row is
 * altered behind the application's back. Also measures what serialising appends costs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessLogIT {

    static DataSource ds;
    static AccessLog log;
    static TransactionTemplate tx;
    static JdbcTemplate jdbc;

    static final int CHAIN = AccessLog.chainOf("001099012345");

    static final Caller INTEGRATOR =
            new Caller("sub-1", "svc", "demo-integrator", null, null, Set.of("integrator"), Set.of("registry.read"));

    @BeforeAll
    static void setUp() {
        ds = RegistryPostgres.migrated("registry_access_log");
        jdbc = new JdbcTemplate(ds);
        log = new AccessLog(JdbcClient.create(ds), jdbc, Clock.systemUTC());
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    long append(String subject, AccessOutcome outcome) {
        return tx.execute(s -> log.append(
                INTEGRATOR,
                subject,
                AccessAction.READ,
                "dossier-processing",
                List.of("fullName", "dateOfBirth"),
                "H57-260101-0001",
                outcome,
                null));
    }

    @Test
    @Order(1)
    void appendsFormAnIntactChain() {
        long first = append("001099012345", AccessOutcome.GRANTED);
        long second = append("001099012345", AccessOutcome.DENIED);
        assertThat(second).isEqualTo(first + 1);

        ChainReport report = tx.execute(s -> log.verify());
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesVerified()).isEqualTo(second);
        List<AccessEntry> mine = tx.execute(s -> log.about(List.of("001099012345"), null, 10));
        assertThat(mine).extracting(AccessEntry::outcome).containsExactly(AccessOutcome.DENIED, AccessOutcome.GRANTED);
        assertThat(mine.getFirst().fields()).isEqualTo("dateOfBirth,fullName");
    }

    @Test
    @Order(2)
    void concurrentAppendsNeverForkTheChainAndTheCostIsMeasured() throws Exception {
        long before = jdbc.queryForObject("select sum(seq) from access_log_chain", Long.class);
        int threads = 8;
        int perThread = 250;
        // one subject: every append on the same chain; many subjects: spread over the 256 chains
        long oneChainNanos = run(threads, perThread, () -> append("079199000001", AccessOutcome.GRANTED));
        long chainedNanos = run(
                threads,
                perThread,
                () -> append(
                        "0791990%05d"
                                .formatted(java.util.concurrent.ThreadLocalRandom.current()
                                        .nextInt(100_000)),
                        AccessOutcome.GRANTED));

        jdbc.execute("create table unchained_log (like access_log including defaults including identity)");
        jdbc.execute("create sequence unchained_seq");
        long plainNanos = run(threads, perThread, () -> tx.executeWithoutResult(s -> jdbc.update("""
                insert into unchained_log (seq, occurred_at, client_id, subject_pid, action, purpose_code, fields,
                  outcome, prev_hash, hash) values (nextval('unchained_seq'), now(), 'demo-integrator', '079199000001',
                  'READ', 'dossier-processing', 'fullName', 'GRANTED', '\\x00', '\\x00')""")));

        long after = jdbc.queryForObject("select sum(seq) from access_log_chain", Long.class);
        assertThat(after - before).isEqualTo(2L * threads * perThread);
        assertThat(jdbc.queryForObject("select count(*) from access_log", Long.class))
                .isEqualTo(after);
        assertThat(tx.execute(s -> log.verify()).intact()).isTrue();

        int n = threads * perThread;
        double oneChainRate = n / (oneChainNanos / 1e9);
        double chainedRate = n / (chainedNanos / 1e9);
        double plainRate = n / (plainNanos / 1e9);
        System.out.printf(
                "access-log appends, %d threads x %d transactions: one subject (one chain) %.0f/s, many subjects"
                        + " (256 chains) %.0f/s, unchained insert %.0f/s (many chains/unchained %.2f)%n",
                threads, perThread, oneChainRate, chainedRate, plainRate, chainedRate / plainRate);
    }

    @Test
    @Order(3)
    void rowsCannotBeChangedOrDeleted() {
        assertThatThrownBy(() ->
                        jdbc.update("update access_log set outcome = 'GRANTED' where chain = ? and seq = 2", CHAIN))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from access_log where chain = ? and seq = 1", CHAIN))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate access_log")).hasMessageContaining("append-only");
    }

    @Test
    @Order(4)
    void verificationNamesTheFirstAlteredRow() {
        long last = append("001099012345", AccessOutcome.GRANTED);
        // someone with superuser rights bypasses the triggers and rewrites history
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update access_log set outcome = 'GRANTED' where chain = ? and seq = 2", CHAIN);
        });
        ChainReport report = tx.execute(s -> log.verify());
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(2L);
        assertThat(report.lastGoodSeq()).isEqualTo(1L);
        assertThat(report.problem()).isEqualTo("content-altered");
        assertThat(report.chain()).isEqualTo(CHAIN);

        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update access_log set outcome = 'DENIED' where chain = ? and seq = 2", CHAIN);
            jdbc.update(
                    "create table deleted_rows as select * from access_log where chain = ? and seq = ?", CHAIN, last);
            jdbc.update("delete from access_log where chain = ? and seq = ?", CHAIN, last);
        });
        ChainReport truncated = tx.execute(s -> log.verify());
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.problem()).isEqualTo("head-mismatch");
        assertThat(truncated.firstBrokenSeq()).isEqualTo(last);

        // putting the row back exactly as it was makes the chain whole again
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("insert into access_log overriding system value select * from deleted_rows");
        });
        assertThat(tx.execute(s -> log.verify()).intact()).isTrue();
    }

    @Test
    @Order(5)
    void aChainWhoseEveryRowWasDeletedIsFound() {
        // a subject whose chain has never been used in this database
        String subject = java.util.stream.IntStream.range(0, 100_000)
                .mapToObj("0011990%05d"::formatted)
                .filter(pid -> jdbc.queryForObject(
                                "select seq from access_log_chain where chain = ?", Long.class, AccessLog.chainOf(pid))
                        == 0)
                .findFirst()
                .orElseThrow();
        int chain = AccessLog.chainOf(subject);
        append(subject, AccessOutcome.GRANTED);
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("delete from access_log where chain = ?", chain);
        });
        ChainReport report = tx.execute(s -> log.verify());
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("head-mismatch");
        assertThat(report.chain()).isEqualTo(chain);
    }

    static long run(int threads, int perThread, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        work.run();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }
}
