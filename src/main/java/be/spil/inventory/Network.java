package be.spil.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises network data: MAC addresses, hostnames, IP addresses. */
final class Network {
    private static final Pattern MAC_SEPARATED = Pattern.compile("([0-9A-Fa-f]{2})([:-][0-9A-Fa-f]{2}){5}");
    private static final Pattern MAC_CISCO = Pattern.compile("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");
    private static final Pattern MAC_PLAIN = Pattern.compile("[0-9A-Fa-f]{12}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Network() {}

    /** One MAC address as "AA:BB:CC:DD:EE:FF", or null when it is not one. */
    static String mac(String s) {
        String t = s.strip();
        if (!(MAC_SEPARATED.matcher(t).matches() || MAC_CISCO.matcher(t).matches() || MAC_PLAIN.matcher(t).matches())) {
            return null;
        }
        String hex = t.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            sb.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /**
     * MAC addresses separated by commas, semicolons or spaces, normalised and without duplicates; the parts that are
     * not MAC addresses are returned in {@code bad}.
     */
    static List<String> macs(String text, List<String> bad) {
        var result = new LinkedHashSet<String>();
        if (text == null) {
            return List.of();
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String mac = mac(part);
            if (mac == null) {
                bad.add(part);
            } else {
                result.add(mac);
            }
        }
        return new ArrayList<>(result);
    }

    static boolean hostname(String s) {
        if (s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean ip(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            // a literal IPv6 address is parsed without any name lookup
            return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
