package vn.egov.registry.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.registry.citizen.BirthDate;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.CitizenStatus;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.citizen.HouseholdRelationship;
import vn.egov.registry.citizen.IdentityCard;
import vn.egov.registry.citizen.PidAssigner;
import vn.egov.registry.citizen.Relative;
import vn.egov.registry.citizen.ResidenceKind;
import vn.egov.registry.crypto.FieldCipher;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.pid.Sex;
import vn.egov.registry.sharing.Agreements;
import vn.egov.registry.sharing.CitizenField;

/**
 * The development population, loaded at start-up when {@code egov.registry.dev-seed.enabled} is true (the
 * default of the embedded stack; production turns it off) and the citizen table is empty: the demo citizen
 * {@code 001099012345} Nguyễn Văn An with his parents' household in Hà Nội, the demo data-sharing agreements,
 * and a few hundred synthetic citizens (seed 42). Replicas starting together seed once (advisory lock).
 */
@Component
@ConditionalOnProperty(name = "egov.registry.dev-seed.enabled", havingValue = "true")
class DevSeed implements ApplicationRunner {

    static final String DEMO_PID = "001099012345";
    static final int SYNTHETIC_CITIZENS = 300;
    private static final Logger log = LoggerFactory.getLogger(DevSeed.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Citizens citizens;
    private final PidAssigner pids;
    private final Agreements agreements;
    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final Clock clock;

    DevSeed(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Citizens citizens,
            PidAssigner pids,
            Agreements agreements,
            DataSource dataSource,
            FieldCipher cipher,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.citizens = citizens;
        this.pids = pids;
        this.agreements = agreements;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Boolean seeded = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('registry-dev-seed'))")
                    .query()
                    .singleRow();
            if (jdbc.sql("select count(*) from citizen").query(Long.class).single() > 0) {
                return false;
            }
            seedDemo(clock.instant());
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            var generator = new PopulationGenerator(
                    42,
                    PopulationLoader.places(jdbc),
                    PopulationLoader.issued(jdbc),
                    Year.now(clock).getValue(),
                    PopulationLoader.nextHouseholdNumber(jdbc));
            long loaded = new PopulationLoader(dataSource, cipher)
                    .load(generator, SYNTHETIC_CITIZENS, 100, clock.instant(), n -> {});
            log.info("registry dev seed: demo citizen {} and {} synthetic citizens loaded", DEMO_PID, loaded);
        }
    }

    private void seedDemo(Instant now) {
        UUID household = UUID.fromString("0b7f6a8e-3c1d-4e2a-9f00-000000000001");
        Citizen father = citizen(
                "001070004211",
                "Nguyễn Văn Hùng",
                new BirthDate(1970, 3, 8),
                Sex.MALE,
                null,
                null,
                household,
                HouseholdRelationship.HEAD,
                "Không",
                "O+",
                now);
        Citizen mother = citizen(
                "001172006318",
                "Trần Thị Mai",
                new BirthDate(1972, 10, 20),
                Sex.FEMALE,
                null,
                null,
                household,
                HouseholdRelationship.SPOUSE,
                "Phật giáo",
                "A+",
                now);
        Citizen an = citizen(
                DEMO_PID,
                "Nguyễn Văn An",
                new BirthDate(1999, 5, 19),
                Sex.MALE,
                new Relative(father.pid().value(), father.fullName()),
                new Relative(mother.pid().value(), mother.fullName()),
                household,
                HouseholdRelationship.CHILD,
                "Không",
                "O+",
                now);
        citizens.insertHousehold(household, "HK0000000001", father.id(), "01-002", "18 Hoàng Diệu", now);
        for (Citizen c : List.of(father, mother, an)) {
            pids.claim(c.pid(), "SEED");
            citizens.insert(c);
            LocalDate since = c == an ? LocalDate.of(1999, 5, 19) : LocalDate.of(1995, 1, 1);
            citizens.moveResidence(c.id(), ResidenceKind.PERMANENT, "01-002", "18 Hoàng Diệu", since, now);
        }
        citizens.moveResidence(
                an.id(), ResidenceKind.TEMPORARY, "01-003", "Ký túc xá, 144 Xuân Thủy", LocalDate.of(2024, 9, 1), now);
        citizens.insertIdentityCard(
                an.id(),
                new IdentityCard(
                        DEMO_PID,
                        LocalDate.of(2024, 6, 1),
                        LocalDate.of(2039, 5, 19),
                        "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
                        "VALID"));
        agreements.add(
                "demo-integrator",
                null,
                "dossier-processing",
                List.of(
                        CitizenField.FULL_NAME,
                        CitizenField.DATE_OF_BIRTH,
                        CitizenField.SEX,
                        CitizenField.PERMANENT_RESIDENCE,
                        CitizenField.CURRENT_RESIDENCE),
                "Thỏa thuận chia sẻ dữ liệu mẫu (môi trường phát triển)");
        agreements.add(
                null,
                "000.00.00.H57",
                "dossier-processing",
                List.of(
                        CitizenField.FULL_NAME,
                        CitizenField.DATE_OF_BIRTH,
                        CitizenField.SEX,
                        CitizenField.HOUSEHOLD,
                        CitizenField.PERMANENT_RESIDENCE,
                        CitizenField.TEMPORARY_RESIDENCE),
                "Thỏa thuận chia sẻ dữ liệu mẫu (môi trường phát triển)");
        agreements.add(
                "demo-integrator",
                null,
                "statistics",
                List.of(CitizenField.SEX, CitizenField.DATE_OF_BIRTH),
                "Thỏa thuận chia sẻ dữ liệu mẫu (môi trường phát triển)");
    }

    private static Citizen citizen(
            String pid,
            String name,
            BirthDate born,
            Sex sex,
            Relative father,
            Relative mother,
            UUID household,
            HouseholdRelationship relationship,
            String religion,
            String blood,
            Instant now) {
        return new Citizen(
                UUID.nameUUIDFromBytes(pid.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PersonalIdNumber(pid),
                name,
                null,
                born,
                sex,
                "01-001",
                "01",
                "Hà Nội",
                "01",
                religion,
                blood,
                "VN",
                father,
                mother,
                null,
                null,
                household,
                relationship,
                CitizenStatus.ALIVE,
                null,
                0,
                now,
                now);
    }
}
