package vn.egov.interchange.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.pki.DevelopmentCaStore;
import vn.egov.interchange.pki.Pem;
import vn.egov.interchange.testing.Certificates;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.interchange.testing.Tokens;

class AgencyDirectoryIT extends InterchangeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    DevelopmentCaStore developmentCa;

    @Test
    void anyAuthenticatedCallerChecksAnOrganisationCode() throws Exception {
        mvc.perform(get("/api/interchange/organisation-codes/000.00.00.G22").with(Tokens.outsider()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.format").value("QCVN102_2016"))
                .andExpect(jsonPath("$.levels[0].code").value("G22"))
                .andExpect(jsonPath("$.registeredAgency.name").value("Văn phòng Chính phủ"));
        mvc.perform(get("/api/interchange/organisation-codes/H37.02.02").with(Tokens.integratorOf(null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.format").value("QD20_2020"))
                .andExpect(jsonPath("$.levels.length()").value(3));
        mvc.perform(get("/api/interchange/organisation-codes/000.00.00.g22").with(Tokens.citizen()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reasons[0]", containsString("chữ in hoa")));
        mvc.perform(get("/api/interchange/organisation-codes/G22")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorRegistersAnAgencyUnderItsParentWithACertificate() throws Exception {
        var issued = developmentCa.ca().issue("000.00.19.G12", "Kho bạc Nhà nước", Duration.ofDays(30));
        String pem = Pem.certificate(issued.certificate()).replace("\n", "\\n");
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code2016":"000.00.19.G12","name":"Kho bạc Nhà nước","parentCode":"G12",
                                 "email":"vanthu@kbnn.vn","deliveryMode":"PUSH","webhookUrl":"https://dms.kbnn.vn/edxml",
                                 "certificatePem":"%s"}
                                """.formatted(pem)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("000.00.19.G12"))
                .andExpect(jsonPath("$.parentCode").value("000.00.00.G12"))
                .andExpect(jsonPath("$.certificate.subject", containsString("000.00.19.G12")));
        mvc.perform(get("/api/interchange/agencies/G12").with(Tokens.clerkOf("000.00.00.H57")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.childCodes", hasItem("000.00.19.G12")));
    }

    @Test
    void aCertificateThatDoesNotChainToATrustAnchorIsRefusedNamingTheField() throws Exception {
        var stranger = DevelopmentCa.generate(Clock.systemUTC());
        String pem = Pem.certificate(stranger.issue("000.00.00.G17", "Bộ Xây dựng", Duration.ofDays(30))
                        .certificate())
                .replace("\n", "\\n");
        mvc.perform(put("/api/interchange/agencies/G17/certificate")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificatePem\":\"%s\"}".formatted(pem)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("certificate-untrusted"))
                .andExpect(jsonPath("$.errors[0].field").value("certificatePem"))
                .andExpect(jsonPath("$.detail", containsString("Development Interchange CA")));
        mvc.perform(get("/api/interchange/agencies/G17").with(Tokens.admin()))
                .andExpect(jsonPath("$.certificate").doesNotExist());
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code2016":"000.00.21.G12","name":"Tổng cục Hải quan","certificatePem":"%s"}
                                """.formatted(pem)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("certificate-untrusted"))
                .andExpect(jsonPath("$.errors[0].field").value("certificatePem"));
        mvc.perform(get("/api/interchange/agencies/000.00.21.G12").with(Tokens.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCaCertificateOrOneWhoseKeyCannotSignIsRefusedNamingTheField() throws Exception {
        var subordinateCa = Certificates.issue(
                developmentCa.ca(), "000.00.18.G12", true, KeyUsage.digitalSignature | KeyUsage.keyCertSign);
        var enciphering = Certificates.issue(developmentCa.ca(), "000.00.18.G12", false, KeyUsage.keyEncipherment);
        for (var unfit : List.of(subordinateCa, enciphering)) {
            String pem = Pem.certificate(unfit.certificate()).replace("\n", "\\n");
            mvc.perform(put("/api/interchange/agencies/000.00.18.G12/certificate")
                            .with(Tokens.admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"certificatePem\":\"%s\"}".formatted(pem)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("certificate-not-for-signing"))
                    .andExpect(jsonPath("$.errors[0].field").value("certificatePem"))
                    .andExpect(jsonPath(
                            "$.detail",
                            unfit == subordinateCa ? containsString("CA=true") : containsString("keyUsage")));
        }
        mvc.perform(get("/api/interchange/agencies/000.00.18.G12").with(Tokens.admin()))
                .andExpect(jsonPath("$.certificate").doesNotExist());
        // the development CA's own certificates are fit: digitalSignature and nonRepudiation, CA=false
        var issued = developmentCa.ca().issue("000.00.18.G12", "Cục Thuế", Duration.ofDays(30));
        assertThat(issued.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(issued.certificate().getKeyUsage()[0]).isTrue();
        assertThat(issued.certificate().getKeyUsage()[1]).isTrue();
        mvc.perform(put("/api/interchange/agencies/000.00.18.G12/certificate")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificatePem\":\"%s\"}"
                                .formatted(Pem.certificate(issued.certificate()).replace("\n", "\\n"))))
                .andExpect(status().isOk());
    }

    @Test
    void badRegistrationsNameEveryField() throws Exception {
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code2016":"000.0.00.G12","code2020":"g09","name":"",
                                 "parentCode":"000.00.00.G99","deliveryMode":"PUSH","certificatePem":"nope"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code2016")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code2020")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("webhookUrl")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("certificatePem")));
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code2016\":\"000.00.00.G22\",\"name\":\"Trùng mã\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("agency-exists"));
    }

    @Test
    void onlyPlatformAdministratorsChangeTheDirectory() throws Exception {
        mvc.perform(post("/api/interchange/agencies")
                        .with(Tokens.clerkOf("000.00.00.H57"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code2016\":\"000.00.20.G12\",\"name\":\"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/interchange/agencies/H57/certificate/development")
                        .with(Tokens.clerkOf("000.00.00.H57")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/interchange/agencies/H57/certificate")
                        .with(Tokens.integratorOf("000.00.00.H57"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificatePem\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDevelopmentCaIssuesAUsableCertificateAndKey() throws Exception {
        mvc.perform(post("/api/interchange/agencies/000.00.00.H41/certificate/development")
                        .with(Tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificatePem", containsString("BEGIN CERTIFICATE")))
                .andExpect(jsonPath("$.privateKeyPem", containsString("BEGIN PRIVATE KEY")))
                .andExpect(jsonPath("$.agency.certificate.subject", containsString("000.00.00.H41")));
        mvc.perform(get("/api/interchange/agencies/H41").with(Tokens.admin()))
                .andExpect(jsonPath("$.certificate.sha256").isString());
        mvc.perform(get("/api/interchange/agencies/000.00.00.X99").with(Tokens.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency-not-found"));
    }
}
