package be.spil.agents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Request and reply bodies of the agents: zlib (RFC 1950), gzip (RFC 1952) or plain, recognised by their first bytes
 * as the agents themselves do. Reading stops at a limit, before and after decompression, so a compression bomb costs
 * no more than the limit (413).
 */
final class AgentBodies {
    enum Compression { ZLIB, GZIP, NONE }

    record Body(byte[] bytes, Compression compression, int received) {}

    private AgentBodies() {}

    /** The request body, decompressed; 413 beyond {@code limit} bytes, 400 when the compressed data is broken. */
    static Body read(InputStream in, int limit) throws IOException {
        byte[] raw = readAtMost(in, limit);
        var compression = detect(raw);
        byte[] plain = switch (compression) {
            case ZLIB -> inflate(raw, limit);
            case GZIP -> gunzip(raw, limit);
            case NONE -> raw;
        };
        return new Body(plain, compression, raw.length);
    }

    static Compression detect(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        // zlib: deflate (CM 8) with a window of at most 32K, header checksum a multiple of 31
        if (b.length >= 2 && (b[0] & 0x0f) == 8 && (b[0] & 0xff) >> 4 <= 7 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0) {
            return Compression.ZLIB;
        }
        return Compression.NONE;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        var out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                throw new AgentProblem(413, "the body is larger than " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] raw, int limit) {
        var inflater = new Inflater();
        try {
            inflater.setInput(raw);
            var out = new ByteArrayOutputStream(Math.min(limit, raw.length * 4 + 64));
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw AgentProblem.bad("the zlib data is truncated");
                }
                if (out.size() + n > limit) {
                    throw new AgentProblem(413, "the decompressed body is larger than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw AgentProblem.bad("the zlib data is broken: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static byte[] gunzip(byte[] raw, int limit) {
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            var out = new ByteArrayOutputStream(Math.min(limit, raw.length * 4 + 64));
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw new AgentProblem(413, "the decompressed body is larger than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.io.EOFException e) {
            throw AgentProblem.bad("the gzip data is truncated");
        } catch (ZipException e) {
            throw AgentProblem.bad("the gzip data is broken: " + e.getMessage());
        } catch (IOException e) {
            throw AgentProblem.bad("the gzip data cannot be read");
        }
    }

    /** The reply compressed the way the request was: zlib at the default level (header 78 9C, which agents look for). */
    static byte[] encode(byte[] plain, Compression compression) {
        try {
            var out = new ByteArrayOutputStream(plain.length / 2 + 64);
            switch (compression) {
                case ZLIB -> {
                    try (var z = new DeflaterOutputStream(out)) {
                        z.write(plain);
                    }
                }
                case GZIP -> {
                    try (var z = new GZIPOutputStream(out)) {
                        z.write(plain);
                    }
                }
                case NONE -> out.write(plain);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
