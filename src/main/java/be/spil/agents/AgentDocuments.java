package be.spil.agents;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents' documents as one kind of tree: maps with lower-case keys, lists for repeated elements, text for values. The
 * FusionInventory/OCS XML and the GLPI agent's JSON carry the same sections under the same names, so one reader of the
 * tree serves both. XML with a DTD or entities is refused (no XXE, no entity expansion); size and depth are limited.
 */
final class AgentDocuments {
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 2_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLInputFactory XML = xmlFactory();

    private AgentDocuments() {}

    private static XMLInputFactory xmlFactory() {
        var f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The root element's content as a tree; {@code root} receives the root element's name. */
    static Map<String, Object> xml(byte[] body, StringBuilder root) {
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            Deque<Map<String, Object>> stack = new ArrayDeque<>();
            Deque<String> names = new ArrayDeque<>();
            Deque<StringBuilder> texts = new ArrayDeque<>();
            Map<String, Object> top = null;
            int elements = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw AgentProblem.bad("XML with a DTD is not accepted");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw AgentProblem.bad("XML with entities is not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                            throw new AgentProblem(413, "the XML document is too large or too deep");
                        }
                        if (stack.isEmpty() && top != null) {
                            throw AgentProblem.bad("the XML has more than one root element");
                        }
                        if (stack.isEmpty()) {
                            root.append(r.getLocalName());
                        }
                        stack.push(new LinkedHashMap<>());
                        names.push(r.getLocalName().toLowerCase(Locale.ROOT));
                        texts.push(new StringBuilder());
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!texts.isEmpty() && texts.peek().length() < 1_000_000) {
                            texts.peek().append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        var map = stack.pop();
                        String name = names.pop();
                        String text = texts.pop().toString();
                        Object value = map.isEmpty() ? text.strip() : map;
                        if (stack.isEmpty()) {
                            top = map;
                        } else {
                            add(stack.peek(), name, value);
                        }
                    }
                    default -> {
                        // comments, processing instructions, the XML declaration: nothing to keep
                    }
                }
            }
            if (top == null) {
                throw AgentProblem.bad("the body is not an XML document");
            }
            return top;
        } catch (XMLStreamException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            throw AgentProblem.bad("the XML is malformed: " + (reason.length() > 200 ? reason.substring(0, 200) : reason));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> map, String name, Object value) {
        Object old = map.get(name);
        if (old == null) {
            map.put(name, value);
        } else if (old instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            var list = new ArrayList<>();
            list.add(old);
            list.add(value);
            map.put(name, list);
        }
    }

    /** A JSON object as a tree; 400 when it is not JSON or not an object. */
    static Map<String, Object> json(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw AgentProblem.bad("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw AgentProblem.bad("the JSON body is not an object");
        }
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) tree(node, 0);
        return map;
    }

    private static Object tree(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new AgentProblem(413, "the JSON document is too deep");
        }
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            for (var e : node.properties()) {
                map.put(e.getKey().toLowerCase(Locale.ROOT), tree(e.getValue(), depth + 1));
            }
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(tree(item, depth + 1));
            }
            return list;
        }
        return node.isNull() ? null : node.asString();
    }

    // ---- reading the tree ----

    /** The map under {@code key}, or the first of a list; null when absent. */
    static Map<String, Object> map(Map<String, Object> tree, String key) {
        Object v = tree == null ? null : tree.get(key);
        if (v instanceof List<?> list) {
            v = list.isEmpty() ? null : list.get(0);
        }
        @SuppressWarnings("unchecked")
        var m = v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
        return m;
    }

    /** The maps under {@code key}: one element or many; null when the section is absent. */
    static List<Map<String, Object>> list(Map<String, Object> tree, String key) {
        if (tree == null || !tree.containsKey(key)) {
            return null;
        }
        Object v = tree.get(key);
        var result = new ArrayList<Map<String, Object>>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    var m = (Map<String, Object>) o;
                    result.add(m);
                }
            }
        } else if (v instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            var m = (Map<String, Object>) v;
            result.add(m);
        }
        return result;
    }

    /** The text under {@code key}, blank as null, cut to {@code max} characters. */
    static String text(Map<String, Object> tree, String key, int max) {
        Object v = tree == null ? null : tree.get(key);
        if (v instanceof List<?> list) {
            v = list.isEmpty() ? null : list.get(0);
        }
        if (!(v instanceof String s)) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** A whole number under {@code key}, or null when absent or not a number. */
    static Long number(Map<String, Object> tree, String key) {
        String t = text(tree, key, 40);
        if (t == null) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
