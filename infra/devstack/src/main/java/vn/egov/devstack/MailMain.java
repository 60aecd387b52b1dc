package vn.egov.devstack;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The mail sink: GreenMail SMTP that accepts any sender and recipient, and a small HTTP API to read what arrived.
 *
 * <p>{@code GET /messages[?to=address]} answers {@code [{from,to,subject,body,receivedAt}]}, oldest first, one entry
 * per delivered copy ({@code to} is the envelope recipient); {@code DELETE /messages} empties every mailbox.
 *
 * <p>{@code MailMain --smtp-port 2525 --http-port 2580}
 */
public final class MailMain {

    private MailMain() {}

    public static void main(String[] args) throws Exception {
        Args arguments = Args.parse(args);
        int smtpPort = arguments.intValue("smtp-port");
        int httpPort = arguments.intValue("http-port");

        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();

        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.createContext("/messages", exchange -> {
            try {
                switch (exchange.getRequestMethod()) {
                    case "GET" -> respond(exchange, 200, toJson(messages(greenMail, query(exchange, "to"))));
                    case "DELETE" -> {
                        greenMail.purgeEmailFromAllMailboxes();
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> {
                        exchange.getResponseHeaders().add("Allow", "GET, DELETE");
                        respond(exchange, 405, "{\"error\":\"method not allowed\"}");
                    }
                }
            } catch (FolderException | MessagingException | RuntimeException e) {
                respond(exchange, 500, "{\"error\":" + quote(String.valueOf(e)) + "}");
            } finally {
                exchange.close();
            }
        });
        http.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            http.stop(0);
                            greenMail.stop();
                            stopped.countDown();
                        },
                        "mail-stop"));
        System.out.println("devstack: mail sink ready, SMTP on " + smtpPort + ", messages on http://localhost:"
                + httpPort + "/messages");
        stopped.await();
    }

    record Mail(String from, String to, String subject, String body, Instant receivedAt) {}

    static List<Mail> messages(GreenMail greenMail, String to) throws FolderException, MessagingException {
        List<Mail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            if (to != null && !to.equalsIgnoreCase(user.getEmail())) {
                continue;
            }
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            for (StoredMessage stored : inbox.getMessages()) {
                MimeMessage message = stored.getMimeMessage();
                mails.add(new Mail(
                        addresses(message.getFrom()),
                        user.getEmail(),
                        message.getSubject(),
                        text(message),
                        stored.getReceivedDate().toInstant()));
            }
        }
        mails.sort(Comparator.comparing(Mail::receivedAt));
        return mails;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Address address : addresses) {
            parts.add(address.toString());
        }
        return String.join(", ", parts);
    }

    /** The text of a message: the first text/plain part, else the first text/html part, else empty. */
    static String text(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (child.isMimeType("text/plain")) {
                        return String.valueOf(child.getContent());
                    }
                    String nested = child.isMimeType("multipart/*") || child.isMimeType("text/html") ? text(child) : "";
                    if (html == null && !nested.isEmpty()) {
                        html = nested;
                    }
                }
                return html == null ? "" : html;
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    static String toJson(List<Mail> mails) {
        StringBuilder json = new StringBuilder("[");
        for (Mail mail : mails) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"from\":")
                    .append(quote(mail.from()))
                    .append(",\"to\":")
                    .append(quote(mail.to()))
                    .append(",\"subject\":")
                    .append(quote(mail.subject()))
                    .append(",\"body\":")
                    .append(quote(mail.body()))
                    .append(",\"receivedAt\":")
                    .append(quote(mail.receivedAt().toString()))
                    .append('}');
        }
        return json.append(']').toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
