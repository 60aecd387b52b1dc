package vn.egov.gateway.routing;

import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.ConnectionInfo;
import reactor.netty.http.server.HttpServer;

/**
 * Behind a load balancer ({@code egov.gateway.trusted-proxies}, a regular expression of peer addresses, empty by
 * default): when the peer is trusted, the client address is the rightmost {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy (entries further left are whatever the client wrote), and the scheme comes from
 * {@code X-Forwarded-Proto}. From any other peer these headers are ignored. Rate limits, the access log and the
 * {@code X-Forwarded-*} headers sent to services all use the address resolved here, and login redirect URIs
 * use the scheme.
 */
@Component
@ConditionalOnExpression("!'${egov.gateway.trusted-proxies:}'.isBlank()")
public class TrustedProxies implements NettyServerCustomizer {

    private static final Pattern IP_LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}");

    private final Pattern trusted;

    public TrustedProxies(@Value("${egov.gateway.trusted-proxies}") String trustedProxies) {
        this.trusted = Pattern.compile(trustedProxies);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.forwarded(this::resolve);
    }

    ConnectionInfo resolve(ConnectionInfo connection, HttpRequest request) {
        InetSocketAddress peer = connection.getRemoteAddress();
        if (peer == null
                || peer.getAddress() == null
                || !isTrusted(peer.getAddress().getHostAddress())) {
            return connection;
        }
        ConnectionInfo resolved = connection;
        String forwardedFor = request.headers().get("X-Forwarded-For");
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            String client = null;
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
            InetAddress address = literal(client);
            if (address != null) {
                resolved = resolved.withRemoteAddress(new InetSocketAddress(address, peer.getPort()));
            }
        }
        String proto = request.headers().get("X-Forwarded-Proto");
        if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
            resolved = resolved.withScheme(proto.toLowerCase(java.util.Locale.ROOT));
        }
        return resolved;
    }

    private boolean isTrusted(String address) {
        return trusted.matcher(address).matches();
    }

    /** An IP address written as such; never a name (no DNS lookup on a header's word). */
    private static InetAddress literal(String value) {
        if (value == null || !IP_LITERAL.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
