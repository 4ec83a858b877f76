package be.spil.agents;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * An inventory document as the agents write it to a file ({@code fusioninventory-agent --local}, {@code glpi-agent
 * --local}: FusionInventory/OCS XML or GLPI JSON, plain or compressed), taken in for a school by whoever manages it,
 * exactly as if the agent had sent it: the asset, its details and its software in the catalog.
 */
@Service
public class InventoryFiles {
    /** The asset the document went to. */
    public record Accepted(long assetId, String tag, boolean created) {}

    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final AgentInventories inventories;

    InventoryFiles(AgentInventories inventories) {
        this.inventories = inventories;
    }

    /** Takes in one document; a bad one is a field error on {@code document} with the reason, and nothing is written. */
    public Accepted accept(long schoolId, byte[] document, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        caller.requireManage(schoolId);
        try {
            var body = AgentBodies.read(new ByteArrayInputStream(document == null ? new byte[0] : document), MAX_BYTES);
            byte[] bytes = body.bytes();
            int start = 0;
            while (start < bytes.length && (Character.isWhitespace(bytes[start]) || (bytes[start] & 0xff) == 0xEF
                || (bytes[start] & 0xff) == 0xBB || (bytes[start] & 0xff) == 0xBF)) {
                start++;
            }
            if (start >= bytes.length) {
                throw AgentProblem.bad("the document is empty");
            }
            String fallbackId = "file-" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
            if (bytes[start] == '{') {
                var tree = AgentDocuments.json(bytes);
                var content = AgentDocuments.map(tree, "content");
                if (content == null) {
                    throw AgentProblem.bad("the inventory has no content");
                }
                String deviceId = ComputerInventory.first(AgentDocuments.text(tree, "deviceid", 200), fallbackId);
                String itemtype = ComputerInventory.first(AgentDocuments.text(tree, "itemtype", 40), "Computer");
                String partial = AgentDocuments.text(tree, "partial", 10);
                var inv = ComputerInventory.read(content, itemtype, "true".equalsIgnoreCase(partial) || "1".equals(partial), null);
                boolean made = inventories.register(schoolId, deviceId, AgentEndpoint.JSON_PROTOCOL, inv);
                return accepted(inventories.store(schoolId, deviceId, AgentEndpoint.JSON_PROTOCOL, inv, body.received()), made);
            }
            var root = new StringBuilder();
            var tree = AgentDocuments.xml(bytes, root);
            var content = AgentDocuments.map(tree, "content");
            if (!root.toString().equalsIgnoreCase("REQUEST") || content == null) {
                throw AgentProblem.bad("the XML is no inventory (REQUEST with CONTENT)");
            }
            String deviceId = ComputerInventory.first(AgentDocuments.text(tree, "deviceid", 200), fallbackId);
            var inv = ComputerInventory.read(content, "Computer", false, null);
            boolean made = inventories.register(schoolId, deviceId, AgentEndpoint.XML_PROTOCOL, inv);
            return accepted(inventories.store(schoolId, deviceId, AgentEndpoint.XML_PROTOCOL, inv, body.received()), made);
        } catch (AgentProblem p) {
            throw FieldErrorsException.of("document", "agentFile.invalid", p.getMessage());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw FieldErrorsException.of("document", "agentFile.invalid", e.getMessage());
        }
    }

    private static Accepted accepted(AgentInventories.Stored stored, boolean made) {
        return new Accepted(stored.assetId(), stored.tag(), made || stored.created());
    }
}
