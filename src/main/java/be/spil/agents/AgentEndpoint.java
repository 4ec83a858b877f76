package be.spil.agents;

import be.spil.agents.AgentBodies.Compression;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where agents report: {@code POST /agent} and {@code /ocsinventory}. HTTP Basic with the school's code and an agent
 * key. The body is FusionInventory/OCS XML (PROLOG, then INVENTORY) or GLPI agent JSON (contact, then inventory), zlib,
 * gzip or plain; the reply is compressed the way the request was.
 */
@Controller
class AgentEndpoint {
    private static final Logger log = LoggerFactory.getLogger(AgentEndpoint.class);
    static final String XML_PROTOCOL = "OCS";
    static final String JSON_PROTOCOL = "GLPI";

    private final AgentKeys keys;
    private final AgentInventories inventories;
    private final int maxBytes;
    private final int prologFreqHours;

    AgentEndpoint(AgentKeys keys, AgentInventories inventories, @Value("${spil.agents.max-body-bytes:33554432}") int maxBytes,
                  @Value("${spil.agents.prolog-freq-hours:24}") int prologFreqHours) {
        this.keys = keys;
        this.inventories = inventories;
        this.maxBytes = maxBytes;
        this.prologFreqHours = prologFreqHours;
    }

    @PostMapping({"/agent", "/agent/", "/ocsinventory", "/ocsinventory/"})
    ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
        var school = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (school.isEmpty()) {
            // a realm-less challenge: both the FusionInventory agent (any realm it reads) and the OCS agent (realm '' by
            // default) then answer with the school's code and key
            return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"\"")
                .header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .body("Sign in with the school's code and an agent key.\n".getBytes(StandardCharsets.UTF_8));
        }
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        boolean json = request.getHeader("GLPI-Agent-ID") != null;
        if (request.getContentLengthLong() > maxBytes) {
            return problem(json, 413, "the body is larger than " + maxBytes + " bytes");
        }
        AgentBodies.Body body;
        try {
            body = AgentBodies.read(request.getInputStream(), maxBytes);
        } catch (AgentProblem p) {
            inventories.failed(school.get(), null, json ? JSON_PROTOCOL : XML_PROTOCOL, "UNKNOWN", userAgent, p.getMessage(), 0);
            return problem(json, p.status(), p.getMessage());
        }
        int start = firstSignificant(body.bytes());
        if (start >= body.bytes().length) {
            return problem(json, 400, "the body is empty");
        }
        json = json || body.bytes()[start] == '{' || body.bytes()[start] == '[';
        if (!json && body.bytes()[start] != '<') {
            inventories.failed(school.get(), null, XML_PROTOCOL, "UNKNOWN", userAgent, "the body is neither XML nor JSON", body.received());
            return problem(false, 400, "the body is neither XML nor JSON (or its compression is not zlib or gzip)");
        }
        String protocol = json ? JSON_PROTOCOL : XML_PROTOCOL;
        String deviceId = null;
        String action = "UNKNOWN";
        try {
            if (json) {
                var tree = AgentDocuments.json(body.bytes());
                action = upper(AgentDocuments.text(tree, "action", 30));
                deviceId = first(AgentDocuments.text(tree, "deviceid", 200), header(request, "GLPI-Agent-ID"));
                return glpi(school.get(), tree, action, deviceId, userAgent, body);
            }
            var root = new StringBuilder();
            var tree = AgentDocuments.xml(body.bytes(), root);
            if (!root.toString().equalsIgnoreCase("REQUEST")) {
                throw AgentProblem.bad("the XML root is not REQUEST");
            }
            action = upper(AgentDocuments.text(tree, "query", 30));
            deviceId = AgentDocuments.text(tree, "deviceid", 200);
            return ocs(school.get(), tree, action, deviceId, userAgent, body);
        } catch (AgentProblem p) {
            inventories.failed(school.get(), deviceId, protocol, action, userAgent, p.getMessage(), body.received());
            return problem(json, p.status(), p.getMessage());
        }
    }

    private ResponseEntity<byte[]> ocs(long school, Map<String, Object> tree, String query, String deviceId, String userAgent,
                                       AgentBodies.Body body) {
        if (deviceId == null) {
            throw AgentProblem.bad("DEVICEID is missing");
        }
        switch (query) {
            case "PROLOG" -> {
                inventories.contact(school, deviceId, XML_PROTOCOL, userAgent);
                return reply("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY>\n  <PROLOG_FREQ>" + prologFreqHours
                    + "</PROLOG_FREQ>\n  <RESPONSE>SEND</RESPONSE>\n</REPLY>\n", body.compression(), "application/xml");
            }
            case "INVENTORY" -> {
                var content = AgentDocuments.map(tree, "content");
                if (content == null) {
                    throw AgentProblem.bad("the INVENTORY has no CONTENT");
                }
                store(school, deviceId, XML_PROTOCOL, ComputerInventory.read(content, "Computer", false, userAgent), body);
                return reply("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY>\n  <RESPONSE>no_account_update</RESPONSE>\n</REPLY>\n",
                    body.compression(), "application/xml");
            }
            default -> throw AgentProblem.bad("QUERY " + query + " is not supported (PROLOG, INVENTORY)");
        }
    }

    private ResponseEntity<byte[]> glpi(long school, Map<String, Object> tree, String action, String deviceId, String userAgent,
                                        AgentBodies.Body body) {
        if (deviceId == null) {
            throw AgentProblem.bad("deviceid is missing");
        }
        String agent = AgentDocuments.text(tree, "name", 60);
        String version = AgentDocuments.text(tree, "version", 30);
        String agentName = agent == null ? userAgent : version == null ? agent : agent + "_v" + version;
        switch (action) {
            case "CONTACT" -> {
                inventories.contact(school, deviceId, JSON_PROTOCOL, agentName);
                return reply("{\"status\":\"ok\",\"expiration\":" + prologFreqHours
                    + ",\"tasks\":{\"inventory\":{\"server\":\"glpi\",\"version\":\"1.0\"}}}", body.compression(), "application/json");
            }
            case "INVENTORY", "NETINVENTORY" -> {
                var content = AgentDocuments.map(tree, "content");
                if (content == null) {
                    throw AgentProblem.bad("the inventory has no content");
                }
                String itemtype = first(AgentDocuments.text(tree, "itemtype", 40), "Computer");
                String partial = AgentDocuments.text(tree, "partial", 10);
                boolean isPartial = "true".equalsIgnoreCase(partial) || "1".equals(partial);
                store(school, deviceId, JSON_PROTOCOL, ComputerInventory.read(content, itemtype, isPartial, agentName), body);
                return reply("{\"status\":\"ok\",\"expiration\":" + prologFreqHours + "}", body.compression(), "application/json");
            }
            default -> throw AgentProblem.bad("action " + action.toLowerCase(Locale.ROOT) + " is not supported (contact, inventory, netinventory)");
        }
    }

    /** Stores, trying once more when another request changed the same asset or took its serial at the same moment. */
    private void store(long school, String deviceId, String protocol, ComputerInventory inventory, AgentBodies.Body body) {
        boolean needsAsset = false;
        int registrations = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                if (needsAsset) {
                    // a new machine: its asset first, in a short transaction of its own, then the inventory
                    needsAsset = false;
                    inventories.register(school, deviceId, protocol, inventory);
                }
                inventories.store(school, deviceId, protocol, inventory, body.received());
                return;
            } catch (AgentInventories.NewDevice e) {
                if (++registrations > 2) {
                    throw new AgentProblem(503, "the inventory could not be stored now; try again later");
                }
                needsAsset = true;
                attempt--;
            } catch (StaleVersionException | DataIntegrityViolationException | PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    log.warn("inventory of {} in school {} failed after {} attempts", deviceId, school, attempt, e);
                    throw new AgentProblem(503, "the inventory could not be stored now; try again later");
                }
            } catch (FieldErrorsException e) {
                if (e.errors().stream().anyMatch(f -> "asset.concurrent".equals(f.code())) && attempt < 3) {
                    continue;
                }
                throw AgentProblem.bad("the inventory has values the inventory cannot take: " + e.errors().get(0).field());
            }
        }
    }

    private Optional<Long> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6) || authorization.length() > 400) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return keys.schoolOf(decoded.substring(0, colon).strip(), decoded.substring(colon + 1));
    }

    private static ResponseEntity<byte[]> reply(String text, Compression compression, String plainType) {
        String type = switch (compression) {
            case ZLIB -> "application/x-compress-zlib";
            case GZIP -> "application/x-compress-gzip";
            case NONE -> plainType + ";charset=UTF-8";
        };
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
            .body(AgentBodies.encode(text.getBytes(StandardCharsets.UTF_8), compression));
    }

    /** A refusal: GLPI agents read {"status":"error","message":…}; the XML agents log the status and the text. */
    private static ResponseEntity<byte[]> problem(boolean json, int status, String reason) {
        if (json) {
            String message = reason.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\x00-\\x1f]", " ");
            return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "application/json")
                .body(("{\"status\":\"error\",\"message\":\"" + message + "\",\"expiration\":" + 24 + "}").getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
            .body((reason + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int firstSignificant(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static String header(HttpServletRequest request, String name) {
        String v = request.getHeader(name);
        return v == null || v.isBlank() || v.length() > 200 ? null : v.strip();
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
