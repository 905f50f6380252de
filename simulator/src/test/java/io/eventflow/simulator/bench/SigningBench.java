package io.eventflow.simulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Measures the JDK's sign and verify time per message for each signing algorithm the design format knows, at 256 B,
 * 1 KiB and 16 KiB, and prints the fastest round's µs per operation (the simulator's defaults in {@code SigningCosts} come from its output;
 * command and figures in docs/performance.md). Run:
 * {@code javac -d /tmp/sb simulator/src/test/java/io/eventflow/simulator/bench/SigningBench.java && java -cp /tmp/sb
 * io.eventflow.simulator.bench.SigningBench}
 */
public final class SigningBench {
    private static final int[] SIZES = {256, 1024, 16 * 1024};
    private static final long ROUND_CPU_NANOS = 100_000_000L;
    private static final int ROUNDS = 5;
    private static final int WARM_UP_ROUNDS = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SigningBench() {}

    interface Op {
        byte[] sign(byte[] data) throws Exception;

        boolean verify(byte[] data, byte[] sig) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String[] names = {"HMAC-SHA256", "HMAC-SHA512", "Ed25519", "ECDSA-P256", "RSA-PSS-2048"};
        System.out.println("java " + System.getProperty("java.version") + ", " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.printf("%-13s %6s %12s %12s%n", "algorithm", "bytes", "sign µs", "verify µs");
        for (String name : names) {
            Op op = op(name);
            for (int size : SIZES) {
                byte[] data = new byte[size];
                new Random(size).nextBytes(data);
                byte[] sig = op.sign(data);
                double sign = measure(() -> op.sign(data));
                double verify = measure(() -> {
                    if (!op.verify(data, sig)) {
                        throw new IllegalStateException(name + " did not verify its own signature");
                    }
                    return sig;
                });
                System.out.printf(Locale.ROOT, "%-13s %6d %12.2f %12.2f%n", name, size, sign, verify);
            }
        }
    }

    interface Call {
        byte[] run() throws Exception;
    }

    /**
     * The fastest of {@value #ROUNDS} rounds of 100 ms of this thread's CPU time, in CPU µs per op, after
     * {@value #WARM_UP_ROUNDS} warm-up rounds. CPU time rather than wall time, and the fastest round: on a shared machine
     * both leave out most of the time other work takes, so the figure is the algorithm's own cost.
     */
    private static double measure(Call call) throws Exception {
        double[] rounds = new double[ROUNDS];
        for (int r = -WARM_UP_ROUNDS; r < rounds.length; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            long n = 0;
            int sink = 0;
            while (THREADS.getCurrentThreadCpuTime() - start < ROUND_CPU_NANOS) {
                sink += call.run().length;
                n++;
            }
            if (sink == 42) {
                System.out.print("");
            }
            if (r >= 0) {
                rounds[r] = (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / n;
            }
        }
        java.util.Arrays.sort(rounds);
        return rounds[0];
    }

    private static Op op(String name) throws Exception {
        return switch (name) {
            case "HMAC-SHA256" -> mac("HmacSHA256", 32);
            case "HMAC-SHA512" -> mac("HmacSHA512", 64);
            case "Ed25519" -> signature("Ed25519", pair("Ed25519", null, 0), null);
            case "ECDSA-P256" -> signature("SHA256withECDSA", pair("EC", new ECGenParameterSpec("secp256r1"), 0), null);
            case "RSA-PSS-2048" -> signature(
                    "RSASSA-PSS",
                    pair("RSA", null, 2048),
                    new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static KeyPair pair(String algorithm, ECGenParameterSpec ec, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (ec != null) {
            g.initialize(ec);
        } else if (bits > 0) {
            g.initialize(bits);
        }
        return g.generateKeyPair();
    }

    private static Op mac(String algorithm, int keyBytes) throws Exception {
        byte[] key = new byte[keyBytes];
        new Random(7).nextBytes(key);
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return new Op() {
            @Override
            public byte[] sign(byte[] data) {
                return mac.doFinal(data);
            }

            @Override
            public boolean verify(byte[] data, byte[] sig) {
                return java.security.MessageDigest.isEqual(mac.doFinal(data), sig);
            }
        };
    }

    private static Op signature(String algorithm, KeyPair keys, PSSParameterSpec pss) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        Signature verifier = Signature.getInstance(algorithm);
        if (pss != null) {
            signer.setParameter(pss);
            verifier.setParameter(pss);
        }
        return new Op() {
            @Override
            public byte[] sign(byte[] data) throws Exception {
                signer.initSign(keys.getPrivate());
                signer.update(data);
                return signer.sign();
            }

            @Override
            public boolean verify(byte[] data, byte[] sig) throws Exception {
                verifier.initVerify(keys.getPublic());
                verifier.update(data);
                return verifier.verify(sig);
            }
        };
    }
}
