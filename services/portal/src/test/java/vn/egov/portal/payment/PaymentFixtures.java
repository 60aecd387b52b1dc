package vn.egov.portal.payment;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Procedures with fees and dossiers in a given status, written straight to the tables (no filing, no workflow). */
public final class PaymentFixtures {

    public static final String AGENCY = "000.00.00.H57";
    public static final String OTHER_AGENCY = "000.00.00.H01";
    public static final String OWNER = "046099012345";
    public static final String PROCEDURE = "9.200001";
    private static final AtomicInteger NUMBER = new AtomicInteger(1000);

    private PaymentFixtures() {}

    /** A level-4 procedure of {@link #AGENCY} with a 50,000 đ lệ phí and a 20,000 đ phí. */
    public static void procedure(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, form_schema, fees)
                        values (?, 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'LV-XD', 'Xây dựng', ?, 'UBND thành phố Huế',
                          4, true, 15, '{"type":"object"}',
                          '[{"code":"LP-GPXD","name":"Lệ phí cấp giấy phép xây dựng","amount":50000},
                            {"code":"P-TD","name":"Phí thẩm định","amount":20000}]')
                        on conflict do nothing""").params(PROCEDURE, AGENCY).update();
        jdbc.sql("""
                        insert into procedure (code, name, field_code, field_name, agency_code, agency_name, level,
                          fully_online, time_limit_days, form_schema, fees)
                        values ('9.200002', 'Thủ tục miễn phí', 'LV-HT', 'Hộ tịch', ?, 'UBND thành phố Huế', 4, true, 3,
                          '{"type":"object"}', '[]')
                        on conflict do nothing""").param(AGENCY).update();
    }

    /** A submitted dossier of {@code owner} for {@code procedure} in {@code status} (1–10), with its code. */
    public static UUID dossier(JdbcClient jdbc, String procedure, String owner, int status) {
        UUID id = UUID.randomUUID();
        String code = AGENCY + "-261127-" + NUMBER.incrementAndGet();
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_pid, applicant_name, status,
                          created_at, updated_at, submitted_at, received_at, due_date)
                        values (?, ?, ?, ?, ?, 'Nguyễn Văn An', ?, now(), now(), now(), now(), current_date + 15)""").params(id, code, procedure, AGENCY, owner, status).update();
        return id;
    }

    public static UUID dossier(JdbcClient jdbc, int status) {
        return dossier(jdbc, PROCEDURE, OWNER, status);
    }
}
