package be.spil.agents;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.shared.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog names of reported programs: real names as the Windows agents report them (registry DisplayName), the
 * GLPI fixtures' RPM packages and a Debian machine's dpkg packages as the FusionInventory agent reported them; and
 * properties over generated decorations of real names (whatever markers are added, the title stays the same).
 */
class SoftwareNamesTest {

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
        Mozilla Firefox (x64 nl)                                                  | 128.0        | Mozilla Firefox
        Mozilla Firefox 128.0 (x64 en-US)                                         | 128.0        | Mozilla Firefox
        Mozilla Firefox                                                           | ~            | Mozilla Firefox
        Mozilla Firefox ESR 115.12.0 (x86 nl)                                     | 115.12.0     | Mozilla Firefox ESR
        Mozilla Thunderbird 115.6.0 (x64 nl)                                      | 115.6.0      | Mozilla Thunderbird
        Mozilla Maintenance Service                                               | 128.0        | Mozilla Maintenance Service
        7-Zip 23.01 (x64)                                                         | 23.01        | 7-Zip
        7-Zip 19.00 (x64 edition)                                                 | 19.00.00.0   | 7-Zip
        Notepad++ (64-bit x64)                                                    | 8.6.2        | Notepad++
        Notepad++ (32-bit x86)                                                    | 8.6.2        | Notepad++
        VLC media player                                                          | 3.0.20       | VLC media player
        GIMP 2.10.36                                                              | 2.10.36      | GIMP
        Audacity 3.4.2                                                            | 3.4.2        | Audacity
        Inkscape 1.3.2                                                            | 1.3.2        | Inkscape
        LibreOffice 24.2.0.3                                                      | 24.2.0.3     | LibreOffice
        Python 3.12.1 (64-bit)                                                    | 3.12.1150.0  | Python
        Java 8 Update 391 (64-bit)                                                | 8.0.3910.13  | Java
        Java(TM) 6 Update 31                                                      | 6.0.310      | Java
        Git version 2.43.0                                                        | 2.43.0       | Git
        Scratch 3                                                                 | 3.29.1       | Scratch
        TeamViewer 15                                                             | 15.49.2      | TeamViewer
        Zoom (64-bit)                                                             | 5.17.1       | Zoom
        Microsoft Office Professional Plus 2019 - nl-nl                           | 16.0.10407   | Microsoft Office Professional Plus 2019
        Microsoft 365 Apps for enterprise - nl-nl                                 | 16.0.17126   | Microsoft 365 Apps for enterprise
        Microsoft 365 - nl-nl                                                     | 16.0.17126   | Microsoft 365
        Microsoft Office 2016                                                     | 16.0.4266    | Microsoft Office 2016
        Adobe Acrobat Reader DC - Nederlands                                      | 23.008.20470 | Adobe Acrobat Reader DC
        Adobe Acrobat Reader - Dutch                                              | 24.001       | Adobe Acrobat Reader
        Adobe Acrobat (64-bit)                                                    | 24.001       | Adobe Acrobat
        Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130       | 14.38.33130  | Microsoft Visual C++ 2015-2022 Redistributable
        Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33130       | 14.38.33130  | Microsoft Visual C++ 2015-2022 Redistributable
        Microsoft Visual C++ 2008 Redistributable - x86 9.0.30729.6161           | 9.0.30729    | Microsoft Visual C++ 2008 Redistributable
        Microsoft Visual C++ 2013 x64 Minimum Runtime - 12.0.21005               | 12.0.21005   | Microsoft Visual C++ 2013 Minimum Runtime
        Microsoft Windows Desktop Runtime - 6.0.25 (x64)                          | 6.0.25       | Microsoft Windows Desktop Runtime
        Microsoft .NET Runtime - 8.0.0 (x64)                                      | 8.0.0        | Microsoft .NET Runtime
        Intel(R) Management Engine Components                                     | 2312.5.11.0  | Intel Management Engine Components
        Realtek High Definition Audio Driver                                      | 6.0.9549.1   | Realtek High Definition Audio Driver
        Google Chrome                                                             | 120.0.6099   | Google Chrome
        Microsoft Edge WebView2 Runtime                                           | 120.0.2210   | Microsoft Edge WebView2 Runtime
        GeoGebra Classic                                                          | 6.0.814.0    | GeoGebra Classic
        Dropbox (remove only)                                                     | 190.4.6383   | Dropbox
        Smartschool Sync - (remove only)                                          | ~            | Smartschool Sync
        Adobe Genuine Service (Home)                                              | 8.4          | Adobe Genuine Service (Home)
        Windows Driver Package - Dell (Dock) USB                                  | 1.0          | Windows Driver Package - Dell (Dock) USB
        gitg                                                                      | 3.32.1-1.fc31 | gitg
        gnome-calculator                                                          | 3.34.1-1.fc31 | gnome-calculator
        firefox-esr                                                               | 115.6.0esr-1~deb12u1 | firefox-esr
        openjdk-17-jre                                                            | 17.0.9+9-1~deb12u1 | openjdk-17-jre
        python3.11-dev                                                            | 3.11.2-6     | python3.11-dev
        postgresql-client-15                                                      | 15.5-0+deb12u1 | postgresql-client-15
        linux-image-6.1.0-18-amd64                                                | 6.1.76-1     | linux-image-6.1.0-18-amd64
        x64                                                                       | 1.0          | x64
        """)
    void namesLoseMarkersVersionsAndLanguagesButKeepWhatNamesTheProduct(String raw, String version, String expected) {
        assertThat(SoftwareNames.name(raw, version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
        Microsoft Corporation               | Microsoft
        Mozilla                             | Mozilla
        Google LLC                          | Google
        Adobe Inc.                          | Adobe
        Adobe Systems Incorporated          | Adobe Systems
        Dell Inc.                           | Dell
        Zoom Video Communications, Inc.     | Zoom Video Communications
        Intel(R) Corporation                | Intel
        The Document Foundation             | The Document Foundation
        Oracle Corporation                  | Oracle
        Igor Pavlov                         | Igor Pavlov
        TeamViewer Germany GmbH             | TeamViewer Germany
        Realtek Semiconductor Corp.         | Realtek Semiconductor
        Fedora Project                      | Fedora Project
        Debian                              | Debian
        Debian Java Maintainers <pkg-java-maintainers@lists.alioth.debian.org> | Debian Java Maintainers
        Inc.                                | Inc.
        '   '                               | ~
        """)
    void publishersLoseTheirLegalForm(String raw, String expected) {
        assertThat(SoftwareNames.publisher(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ({1}) is skipped")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
        Security Update for Microsoft Office 2016 (KB4484103) 64-Bit Edition | ~
        Update for Microsoft Office 2016 (KB5002055) 64-Bit Edition          | ~
        Hotfix for Microsoft .NET Framework 4.8 (KB5031989)                  | ~
        KB5034441                                                            | ~
        Security Update for Windows 10                                       | ~
        Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.38.33130         | system_component
        Definition Update for Microsoft Defender Antivirus                   | security_update
        libc6                                                                | libs
        libssl-dev                                                           | libdevel
        libgcc-s1                                                            | libs
        libtcl8.6                                                            | oldlibs
        gir1.2-glib-2.0                                                      | introspection
        libhtml-tree-perl                                                    | perl
        libcommons-parent-java                                               | java
        libfoo-contrib                                                       | contrib/libs
        glibc                                                                | System Environment/Libraries
        """)
    void updatesPatchesComponentsAndLibrariesAreNoTitles(String name, String category) {
        assertThat(SoftwareNames.skipped(name, category)).isTrue();
        assertThat(SoftwareNames.title(name, "1.0", "Microsoft Corporation", category)).isNull();
    }

    @ParameterizedTest(name = "{0} ({1}) is kept")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
        Microsoft Update Health Tools          | ~
        Update Manager                         | admin
        libreoffice-writer                     | editors
        openjdk-17-jre                         | java
        python3                                | python
        perl                                   | perl
        Mozilla Firefox (x64 nl)               | application
        curl                                   | web
        """)
    void programsAreKept(String name, String category) {
        assertThat(SoftwareNames.skipped(name, category)).isFalse();
        assertThat(SoftwareNames.title(name, "1.0", null, category)).isNotNull();
    }

    @Test
    void aTitleCarriesTheReportedVersionAndTheCleanPublisher() {
        var t = SoftwareNames.title("  Mozilla Firefox 128.0 (x64 en-US) ", " 128.0 ", "Mozilla Corporation", "application");
        assertThat(t).isEqualTo(new SoftwareNames.Title("Mozilla Firefox", "Mozilla", "128.0"));
        assertThat(SoftwareNames.title("LibreOffice", "  ", null, null)).isEqualTo(new SoftwareNames.Title("LibreOffice", null, null));
        assertThat(SoftwareNames.title(" ", "1", null, null)).isNull();
        assertThat(SoftwareNames.title(null, "1", null, null)).isNull();
    }

    @Test
    void everyNameOfTheDebianAgentsOutputAndTheGlpiFixturesStaysItself() throws IOException {
        // package names carry no markers: whatever the normaliser does, a dpkg or rpm name is its own title
        var names = new ArrayList<String>();
        for (String fixture : List.of("computer_1.json", "computer_1_partial_softs.json")) {
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(resource("/agents/glpi/" + fixture));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        names.addAll(List.of("adduser", "adwaita-icon-theme", "alsa-ucm-conf", "base-files", "ca-certificates", "curl",
            "debianutils", "fusioninventory-agent", "gcc-12-base", "heaptrack", "less", "ocsinventory-agent", "openjdk-17-jre-headless",
            "perl-base", "postgresql-client-15", "python3-cairo", "ssl-cert", "tcl8.6", "unzip", "wget", "xxd"));
        assertThat(names).hasSizeGreaterThan(20);
        for (String n : names) {
            if (!n.contains(" ")) {
                assertThat(SoftwareNames.name(n, "1.2.3-1")).as(n).isEqualTo(n);
            }
        }
    }

    private static final List<String> PRODUCTS = List.of("Mozilla Firefox", "Mozilla Thunderbird", "7-Zip", "Notepad++", "GIMP",
        "LibreOffice", "VLC media player", "Audacity", "Google Chrome", "Adobe Acrobat Reader DC", "GeoGebra Classic",
        "Microsoft Visual C++ 2015-2022 Redistributable", "Microsoft Office Professional Plus 2019", "Microsoft 365 Apps for enterprise",
        "Inkscape", "Microsoft Edge", "TeamViewer", "Scratch Desktop", "Zoom Workplace", "Dell SupportAssist", "Python Launcher");
    private static final List<String> ARCHES = List.of("x64", "x86", "64-bit", "32-bit", "x64 edition", "amd64", "arm64");
    private static final List<String> LANGS = List.of("nl", "en-US", "nl-NL", "nl-BE", "fr", "Dutch", "Nederlands", "English");

    @Test
    void propertyWhateverMarkersAreAddedTheTitleIsTheProduct() {
        var random = new Random(20261123L);
        for (int run = 0; run < 5_000; run++) {
            String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            String version = (1 + random.nextInt(130)) + "." + random.nextInt(20) + (random.nextBoolean() ? "." + random.nextInt(99999) : "");
            String decorated = decorate(product, version, random);
            assertThat(SoftwareNames.name(decorated, version)).as(decorated).isEqualTo(product);
            assertThat(Text.searchKey(SoftwareNames.name(decorated.toUpperCase(), version)))
                .as(decorated).isEqualTo(Text.searchKey(product));
        }
    }

    @Test
    void propertyNormalisingTwiceChangesNothingAndNeverAnswersBlankOrTooLong() {
        var random = new Random(7L);
        String alphabet = "abcXYZ019 .-_()[]+#&,:/®™ëéçx64";
        for (int run = 0; run < 20_000; run++) {
            var sb = new StringBuilder();
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            String once = SoftwareNames.name(raw, "1.0");
            if (once == null) {
                assertThat(raw.replaceAll("[-–,:;/|\\s®™]", "")).as(raw).isEmpty();
                continue;
            }
            assertThat(once).as(raw).isNotBlank().hasSizeLessThanOrEqualTo(200).isEqualTo(once.strip());
            String twice = SoftwareNames.name(once, "1.0");
            assertThat(twice).as(raw).isNotNull();
            assertThat(SoftwareNames.name(twice, "1.0")).as(raw).isEqualTo(twice);
        }
    }

    private static String decorate(String product, String version, Random random) {
        String s = product;
        if (random.nextBoolean()) {
            s += " " + version;
        }
        switch (random.nextInt(5)) {
            case 0 -> s += " (" + ARCHES.get(random.nextInt(ARCHES.size())) + " " + LANGS.get(random.nextInt(LANGS.size())) + ")";
            case 1 -> s += " (" + ARCHES.get(random.nextInt(ARCHES.size())) + ")";
            case 2 -> s += " - " + LANGS.get(random.nextInt(LANGS.size()));
            case 3 -> s += " - " + version;
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            s += " (remove only)";
        }
        if (random.nextInt(6) == 0) {
            s = s.replaceFirst(" ", "(R) ");
        }
        return random.nextInt(5) == 0 ? "  " + s.replace(" ", "  ") + " " : s;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SoftwareNamesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
