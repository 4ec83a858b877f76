package be.spil.helpdesk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a ticket accepts, recognised by their first bytes (never by the name or the type the browser
 * claims): photos as phones take them (JPEG, PNG, WebP, HEIC) and PDF. Images a browser can show are shown inline.
 */
enum FileKind {
    JPEG("image/jpeg", true), PNG("image/png", true), WEBP("image/webp", true), HEIC("image/heic", false), PDF("application/pdf", false);

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif");

    final String contentType;
    /** A browser shows it in an img element (a thumbnail); the others are downloaded. */
    final boolean image;

    FileKind(String contentType, boolean image) {
        this.contentType = contentType;
        this.image = image;
    }

    static Optional<FileKind> of(byte[] b) {
        if (b == null || b.length < 12) {
            return Optional.empty();
        }
        if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (Arrays.equals(Arrays.copyOf(b, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
            return Optional.of(PNG);
        }
        if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(b, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(b, 8, 4))) {
            return Optional.of(HEIC);
        }
        if (ascii(b, 0, 5).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    static FileKind ofContentType(String contentType) {
        return Arrays.stream(values()).filter(k -> k.contentType.equals(contentType)).findFirst().orElse(PDF);
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
