package vn.egov.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailMainTest {

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(
                new ServerSetup(TestStacks.freePort(new HashSet<>()), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void anyRecipientGetsTheMailAndTheListShowsEachDeliveredCopy() throws Exception {
        GreenMailUtil.sendTextEmail(
                "an.nguyen@egov.local",
                "no-reply@egov.local",
                "Hồ sơ đã được tiếp nhận",
                "Mã hồ sơ: H57.1-001",
                greenMail.getSmtp().getServerSetup());

        List<MailMain.Mail> mails = MailMain.messages(greenMail, null);

        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("an.nguyen@egov.local");
            assertThat(mail.from()).isEqualTo("no-reply@egov.local");
            assertThat(mail.subject()).isEqualTo("Hồ sơ đã được tiếp nhận");
            assertThat(mail.body()).isEqualTo("Mã hồ sơ: H57.1-001");
            assertThat(mail.receivedAt()).isNotNull();
        });
        assertThat(MailMain.messages(greenMail, "someone.else@egov.local")).isEmpty();
        assertThat(MailMain.toJson(mails))
                .startsWith("[{\"from\":\"no-reply@egov.local\",\"to\":\"an.nguyen@egov.local\"")
                .contains("\"subject\":\"Hồ sơ đã được tiếp nhận\"");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(MailMain.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(MailMain.quote(null)).isEqualTo("null");
    }
}
