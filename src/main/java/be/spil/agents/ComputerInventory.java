package be.spil.agents;

import static be.spil.agents.AgentDocuments.list;
import static be.spil.agents.AgentDocuments.map;
import static be.spil.agents.AgentDocuments.number;
import static be.spil.agents.AgentDocuments.text;

import be.spil.inventory.AssetCategory;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One inventory as Spil keeps it, read from an agent's document (XML CONTENT or GLPI JSON content). A section that is
 * null was not in the document: a partial inventory leaves what is stored for it alone. Every text is cut to its column.
 */
record ComputerInventory(String itemtype, boolean partial, String agent, String hostname, String serial, String manufacturer,
                         String model, String uuid, String chassis, String virtualMachine, List<String> macs, String ipAddress,
                         Details details, List<Disk> disks, List<Interface> interfaces, List<Peripheral> peripherals,
                         List<Software> software) {

    record Details(String osName, String osVersion, String osArch, String kernel, String cpu, Integer cpuCount, Integer cpuCores,
                   Long memoryMb, String biosManufacturer, String biosVersion, String biosDate, String lastUser) {
        Map<String, String> auditView() {
            var m = new LinkedHashMap<String, String>();
            m.put("os", join(osName, osVersion));
            m.put("osArch", osArch);
            m.put("cpu", cpu);
            m.put("memory", memoryMb == null ? null : gb(memoryMb));
            m.put("bios", join(biosManufacturer, biosVersion));
            return m;
        }
    }

    record Disk(String name, String filesystem, Long totalMb, Long freeMb) {}

    record Interface(String description, String mac, String ipAddress) {}

    record Peripheral(String kind, String name, String manufacturer, String serial) {}

    /** A reported program; {@code category} (Debian section, Windows kind) and {@code source} (deb, rpm, registry…) only as sent. */
    record Software(String name, String version, String publisher, @JsonIgnore String category, @JsonIgnore String source) {
        Software(String name, String version, String publisher) {
            this(name, version, publisher, null, null);
        }
    }

    static final int MAX_ROWS = 20_000;
    private static final Set<String> PSEUDO_FS = Set.of("tmpfs", "devtmpfs", "squashfs", "overlay", "proc", "sysfs", "devpts",
        "cgroup", "cgroup2", "efivarfs", "autofs", "fuse.gvfsd-fuse", "ramfs", "nsfs");

    /** Reads the content of a document; in a full inventory an absent list section means "none", in a partial one "unchanged". */
    static ComputerInventory read(Map<String, Object> content, String itemtype, boolean partial, String agentFallback) {
        var hardware = map(content, "hardware");
        var bios = map(content, "bios");
        var os = map(content, "operatingsystem");
        String agent = first(text(content, "versionclient", 100), agentFallback == null ? null : cut(agentFallback, 100));
        String hostname = first(text(hardware, "name", 200), text(os, "fqdn", 200));
        String serial = text(bios, "ssn", 100);
        String manufacturer = first(text(bios, "smanufacturer", 100), text(bios, "mmanufacturer", 100));
        String model = text(bios, "smodel", 100);
        String uuid = text(hardware, "uuid", 64);
        String chassis = first(text(hardware, "chassis_type", 50), text(bios, "type", 50));
        String vm = text(hardware, "vmsystem", 50);

        Details details = null;
        if (hardware != null || bios != null || os != null) {
            var cpus = list(content, "cpus");
            String cpu = cpus == null || cpus.isEmpty() ? text(hardware, "processort", 200) : text(cpus.get(0), "name", 200);
            Integer cpuCount = cpus == null || cpus.isEmpty() ? toInt(number(hardware, "processorn")) : Integer.valueOf(cpus.size());
            Integer cores = null;
            if (cpus != null) {
                long sum = 0;
                for (var c : cpus) {
                    Long core = number(c, "core");
                    sum += core == null ? 0 : core;
                }
                cores = sum > 0 ? (int) Math.min(sum, 100_000) : null;
            }
            Long memory = number(hardware, "memory");
            var memories = list(content, "memories");
            if ((memory == null || memory <= 0) && memories != null) {
                long sum = 0;
                for (var m : memories) {
                    Long cap = number(m, "capacity");
                    sum += cap == null ? 0 : cap;
                }
                memory = sum > 0 ? sum : null;
            }
            var users = list(content, "users");
            String lastUser = first(text(hardware, "lastloggeduser", 200),
                users == null || users.isEmpty() ? null : text(users.get(0), "login", 200), text(hardware, "userid", 200));
            details = new Details(first(text(os, "full_name", 200), text(os, "name", 200), text(hardware, "osname", 200)),
                first(text(os, "version", 200), text(hardware, "osversion", 200)),
                first(text(os, "arch", 50), text(hardware, "archname", 50)), text(os, "kernel_version", 200), cpu, cpuCount, cores,
                memory, text(bios, "bmanufacturer", 100), text(bios, "bversion", 100), text(bios, "bdate", 50), lastUser);
        }

        List<Disk> disks = null;
        var drives = list(content, "drives");
        if (drives != null || !partial) {
            disks = new ArrayList<>();
            for (var d : drives == null ? List.<Map<String, Object>>of() : drives) {
                String fs = text(d, "filesystem", 50);
                if (fs != null && PSEUDO_FS.contains(fs.toLowerCase(Locale.ROOT)) || disks.size() >= 500) {
                    continue;
                }
                String name = first(text(d, "type", 200), text(d, "volumn", 200), text(d, "letter", 200), text(d, "label", 200));
                if (name != null) {
                    disks.add(new Disk(name, fs, number(d, "total"), number(d, "free")));
                }
            }
        }

        List<Interface> interfaces = null;
        List<String> macs = null;
        String ip = null;
        var networks = list(content, "networks");
        if (networks != null || !partial) {
            interfaces = new ArrayList<>();
            macs = new ArrayList<>();
            for (var n : networks == null ? List.<Map<String, Object>>of() : networks) {
                String type = text(n, "type", 50);
                boolean virtual = truthy(text(n, "virtualdev", 10)) || "loopback".equalsIgnoreCase(type);
                String mac = first(text(n, "macaddr", 40), text(n, "mac", 40));
                String addr = text(n, "ipaddress", 45);
                String description = first(text(n, "description", 200), "?");
                if (virtual || interfaces.size() >= 200) {
                    continue;
                }
                interfaces.add(new Interface(description, mac == null ? null : mac.length() > 17 ? mac.substring(0, 17) : mac, addr));
                if (mac != null) {
                    macs.add(mac);
                }
                if (ip == null && addr != null && !addr.startsWith("127.") && !addr.startsWith("169.254.")) {
                    ip = addr;
                }
            }
        }
        if (ip == null) {
            ip = text(hardware, "ipaddr", 45);
        }

        List<Peripheral> peripherals = null;
        var monitors = list(content, "monitors");
        var printers = list(content, "printers");
        var usb = list(content, "usbdevices");
        var inputs = list(content, "inputs");
        if (monitors != null || printers != null || usb != null || inputs != null || !partial) {
            peripherals = new ArrayList<>();
            addPeripherals(peripherals, "MONITOR", monitors, "caption", "name");
            addPeripherals(peripherals, "PRINTER", printers, "name", "driver");
            addPeripherals(peripherals, "INPUT", inputs, "caption", "name");
            addPeripherals(peripherals, "USB", usb, "name", "caption");
        }

        List<Software> software = null;
        var softwares = list(content, "softwares");
        if (softwares != null || !partial) {
            var seen = new LinkedHashMap<String, Software>();
            for (var s : softwares == null ? List.<Map<String, Object>>of() : softwares) {
                String name = text(s, "name", 255);
                if (name == null) {
                    continue;
                }
                String version = first(text(s, "version", 100), "");
                var row = new Software(name, version, text(s, "publisher", 255), text(s, "system_category", 100), text(s, "from", 20));
                seen.putIfAbsent(name + "\u0000" + version, row);
                if (seen.size() >= MAX_ROWS) {
                    break;
                }
            }
            software = new ArrayList<>(seen.values());
        }
        var device = map(content, "network_device");
        if (hardware == null && device != null) {
            // a printer or network device found by a network inventory: its own itemtype, its own section
            hostname = text(device, "name", 200);
            serial = text(device, "serial", 100);
            manufacturer = text(device, "manufacturer", 100);
            model = text(device, "model", 100);
            String mac = text(device, "mac", 40);
            macs = mac == null ? null : List.of(mac);
            ip = null;
            if (device.get("ips") instanceof List<?> ips) {
                for (Object o : ips) {
                    if (o instanceof String s && !s.startsWith("127.") && ip == null) {
                        ip = cut(s, 45);
                    }
                }
            }
        }
        return new ComputerInventory(itemtype, partial, agent, hostname, serial, manufacturer, model, uuid, chassis, vm, macs, ip,
            details, disks, interfaces, peripherals, software);
    }

    private static void addPeripherals(List<Peripheral> into, String kind, List<Map<String, Object>> items, String nameKey,
                                       String otherNameKey) {
        if (items == null) {
            return;
        }
        for (var m : items) {
            String name = first(text(m, nameKey, 200), text(m, otherNameKey, 200), text(m, "description", 200));
            if (name == null || into.size() >= 500) {
                continue;
            }
            into.add(new Peripheral(kind, name, text(m, "manufacturer", 200), first(text(m, "serial", 100), text(m, "serialnumber", 100))));
        }
    }

    /** The asset category: a virtual machine first, then the SMBIOS chassis type by its name or number. */
    AssetCategory category() {
        if ("printer".equalsIgnoreCase(itemtype)) {
            return AssetCategory.PRINTER;
        }
        if ("phone".equalsIgnoreCase(itemtype)) {
            return AssetCategory.PHONE;
        }
        if ("networkequipment".equalsIgnoreCase(itemtype)) {
            return AssetCategory.SWITCH;
        }
        if ("monitor".equalsIgnoreCase(itemtype)) {
            return AssetCategory.PERIPHERAL;
        }
        if (virtualMachine != null && !virtualMachine.equalsIgnoreCase("physical")) {
            return AssetCategory.VIRTUAL_MACHINE;
        }
        return chassisCategory(chassis);
    }

    static AssetCategory chassisCategory(String chassis) {
        if (chassis == null) {
            return AssetCategory.DESKTOP;
        }
        String c = chassis.strip().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "laptop", "notebook", "portable", "sub notebook", "convertible", "detachable", "hand held", "8", "9", "10", "14",
                 "31", "32" -> AssetCategory.LAPTOP;
            case "tablet", "30" -> AssetCategory.TABLET;
            case "rack mount chassis", "blade", "blade enclosure", "main server chassis", "multi-system chassis", "17", "23", "25",
                 "28", "29" -> AssetCategory.SERVER;
            default -> AssetCategory.DESKTOP;
        };
    }

    private static boolean truthy(String s) {
        return s != null && (s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes"));
    }

    private static Integer toInt(Long n) {
        return n == null ? null : (int) Math.max(0, Math.min(n, 100_000));
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    static String gb(long mb) {
        return mb >= 1024 ? Math.round(mb / 1024.0) + " GB" : mb + " MB";
    }
}
