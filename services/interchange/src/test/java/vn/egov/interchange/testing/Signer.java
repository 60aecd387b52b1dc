package vn.egov.interchange.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlLimits;
import vn.egov.interchange.edxml.EdxmlPackage;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.pki.Pem;
import vn.egov.interchange.signature.XmlSignatures;

/** An agency's document-management system in tests: its certificate from the development CA and its key. */
public record Signer(String code, X509Certificate certificate, PrivateKey key) {

    static final Edxml EDXML = new Edxml(EdxmlLimits.defaults());
    static final XmlSignatures SIGNATURES = new XmlSignatures();

    /** Asks the running service's development CA for the agency's certificate, as an administrator would. */
    public static Signer issue(MockMvc mvc, String code) throws Exception {
        String json = mvc.perform(post("/api/interchange/agencies/" + code + "/certificate/development")
                        .with(Tokens.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode node = JsonMapper.shared().readTree(json);
        return new Signer(
                code,
                Pem.parseCertificate(node.get("certificatePem").asString()),
                Pem.parsePrivateKey(node.get("privateKeyPem").asString()));
    }

    public byte[] sign(EdxmlPackage p) {
        Document doc = EDXML.writePackage(p);
        SIGNATURES.sign(doc, key, certificate);
        return Edxml.toBytes(doc);
    }

    public byte[] sign(StatusPackage s) {
        Document doc = EDXML.writeStatus(s);
        SIGNATURES.sign(doc, key, certificate);
        return Edxml.toBytes(doc);
    }

    public static byte[] unsigned(EdxmlPackage p) {
        return Edxml.toBytes(EDXML.writePackage(p));
    }
}
