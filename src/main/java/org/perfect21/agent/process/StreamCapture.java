package org.perfect21.agent.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What was kept of one output stream of a process.
 *
 * @param text       the bytes kept, as UTF-8
 * @param totalBytes every byte the stream carried, kept or not
 * @param truncated  whether {@code text} holds less than the stream carried
 */
public record StreamCapture(String text, long totalBytes, boolean truncated) {

    /** Keeps the first {@code limit} bytes, counts the rest. */
    public static StreamCapture head(InputStream in, long limit) {
        return read(in, limit, false);
    }

    /** Keeps the last {@code limit} bytes (an error's explanation is usually at the end). */
    public static StreamCapture tail(InputStream in, long limit) {
        return read(in, limit, true);
    }

    private static StreamCapture read(InputStream in, long limit, boolean keepTail) {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] kept = new byte[Math.min(cap, 64 * 1024)];
        int keptLength = 0;
        long total = 0;
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (keepTail) {
                    kept = appendTail(kept, keptLength, buffer, n, cap);
                    keptLength = Math.min(cap, keptLength + n);
                } else if (keptLength < cap) {
                    int take = Math.min(n, cap - keptLength);
                    if (keptLength + take > kept.length) {
                        kept = Arrays.copyOf(kept, Math.min(cap, Math.max(kept.length * 2, keptLength + take)));
                    }
                    System.arraycopy(buffer, 0, kept, keptLength, take);
                    keptLength += take;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(kept, 0, keptLength, StandardCharsets.UTF_8);
        return new StreamCapture(text, total, total > keptLength);
    }

    private static byte[] appendTail(byte[] kept, int keptLength, byte[] buffer, int n, int cap) {
        byte[] joined = new byte[Math.min(cap, keptLength + n)];
        int fromNew = Math.min(n, joined.length);
        int fromOld = joined.length - fromNew;
        System.arraycopy(kept, keptLength - fromOld, joined, 0, fromOld);
        System.arraycopy(buffer, n - fromNew, joined, fromOld, fromNew);
        return joined;
    }
}
