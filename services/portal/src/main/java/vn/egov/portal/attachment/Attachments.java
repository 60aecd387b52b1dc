package vn.egov.portal.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attached files of dossiers, stored in PostgreSQL ({@code bytea}) in the transaction that accepts them. */
@Repository
public class Attachments {

    private static final String COLUMNS =
            "id, dossier_id, document_code, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    public Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Attachment a, byte[] content) {
        jdbc.sql("insert into attachment (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.dossierId(),
                        a.documentCode(),
                        a.fileName(),
                        a.contentType(),
                        a.size(),
                        a.sha256(),
                        a.uploadedBy(),
                        Timestamp.from(a.uploadedAt()),
                        content)
                .update();
    }

    public List<Attachment> of(UUID dossierId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where dossier_id = ? order by uploaded_at, id")
                .param(dossierId)
                .query(this::map)
                .list();
    }

    public int count(UUID dossierId) {
        return jdbc.sql("select count(*) from attachment where dossier_id = ?")
                .param(dossierId)
                .query(Integer.class)
                .single();
    }

    /** The codes of the documents that have at least one file. */
    public Set<String> documentCodes(UUID dossierId) {
        return new TreeSet<>(jdbc.sql("select distinct document_code from attachment where dossier_id = ?")
                .param(dossierId)
                .query(String.class)
                .list());
    }

    Optional<Attachment> find(UUID dossierId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where dossier_id = ? and id = ?")
                .params(dossierId, id)
                .query(this::map)
                .optional();
    }

    byte[] content(UUID id) {
        return jdbc.sql("select content from attachment where id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    boolean delete(UUID dossierId, UUID id) {
        return jdbc.sql("delete from attachment where dossier_id = ? and id = ?")
                        .params(dossierId, id)
                        .update()
                == 1;
    }

    private Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(
                rs.getObject("id", UUID.class),
                rs.getObject("dossier_id", UUID.class),
                rs.getString("document_code"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
