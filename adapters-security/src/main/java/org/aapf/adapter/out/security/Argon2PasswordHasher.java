package org.aapf.adapter.out.security;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (Bouncy Castle's) into PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash},
 * salt and hash in unpadded Base64). Verification reads the parameters from the stored string, so hashes made with
 * older settings keep working. Each hash allocates its memory and leaves it to the collector: a library that keeps a
 * template of it per parameter set held 19 MiB of a small heap for the life of the server.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** OWASP's minimum recommendation for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PHC_PREFIX = "$argon2id$";
    /** Version 1.3 of Argon2, the only one written and read. */
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{6,88})");
    /** The largest memory cost a stored hash may ask for: 1 GiB. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Hashing is CPU-bound and the server's request threads are virtual threads, which are never preempted: without a
     * limit, a burst of logins occupies every carrier thread, starves every other request and serves the logins
     * themselves in no particular order. A fair semaphore lets half the cores hash (at least one), first come first
     * served, and leaves the rest to the other requests.
     */
    private static final int HASHING_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final Semaphore CPU_SHARE = new Semaphore(HASHING_THREADS, true);
    /**
     * The hashes run on platform threads of their own, not on the caller's (virtual) thread: a virtual thread hashing
     * would hold one of the few carrier threads for the whole hash, while a platform thread is time-sliced by the
     * operating system with the carriers, so other requests go on during a login flood. {@link #CPU_SHARE} keeps at
     * most as many hashes as there are threads.
     */
    private static final ExecutorService HASHING = Executors.newFixedThreadPool(HASHING_THREADS,
            Thread.ofPlatform().daemon().name("aapf-hash-", 0).factory());
    /** Checks waiting for {@link #CPU_SHARE}, across every hasher of the process (they share the cores). */
    private static final AtomicInteger WAITING = new AtomicInteger();

    /** How many checks may wait for a hashing thread by default: about a second of work at OWASP's cost. */
    public static final int DEFAULT_MAX_WAITING = 8 * HASHING_THREADS;


    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final PasswordHash decoy;
    private final int maxWaiting;

    /** A hasher with the OWASP defaults. */
    @Inject
    public Argon2PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * @param memoryKib memory cost in KiB, at least {@code 8 * parallelism}
     * @param iterations time cost, at least 1
     * @param parallelism lanes, at least 1
     */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, DEFAULT_MAX_WAITING);
    }

    /**
     * @param maxWaiting how many hashes may wait for a hashing thread; when that many wait, a further one is refused
     *     at once with {@code UNAVAILABLE} (a queue without end would hold every login of a flood for minutes)
     */
    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int maxWaiting) {
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("'maxWaiting' must be >= 0");
        }
        this.maxWaiting = maxWaiting;
        if (parallelism < 1) {
            throw new IllegalArgumentException("'parallelism' must be >= 1");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("'iterations' must be >= 1");
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("'memoryKib' must be >= 8 * parallelism");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.decoy = hash(new Password(unguessableSecret()));
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = limited(() -> argon2id(password, salt, memoryKib, iterations, parallelism, HASH_BYTES));
        return new PasswordHash(PHC_PREFIX + "v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash));
    }

    /** {@inheritDoc} Anything but a well-formed Argon2id v1.3 PHC string within sane costs never verifies. */
    @Override
    public boolean verify(Password password, PasswordHash hash) {
        Matcher phc = PHC.matcher(hash.phc());
        if (!phc.matches()) {
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int passes = Integer.parseInt(phc.group(2));
        int lanes = Integer.parseInt(phc.group(3));
        if (lanes < 1 || passes < 1 || memory < 8 * lanes || memory > MAX_MEMORY_KIB) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(phc.group(4));
            expected = Base64.getDecoder().decode(phc.group(5));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        byte[] actual = limited(() -> argon2id(password, salt, memory, passes, lanes, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] argon2id(Password password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build());
        byte[] hash = new byte[length];
        generator.generateBytes(password.value().getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }

    /**
     * Runs {@code work} on one of the hashing permits: at once when one is free, after waiting in a fair queue of at
     * most {@code maxWaiting}, else not at all ({@code UNAVAILABLE} with a Retry-After).
     */
    private <T> T limited(Supplier<T> work) {
        if (!tryAcquireInTurn()) {
            if (WAITING.incrementAndGet() > maxWaiting) {
                WAITING.decrementAndGet();
                throw PasswordHasher.saturation();
            }
            try {
                CPU_SHARE.acquireUninterruptibly();
            } finally {
                WAITING.decrementAndGet();
            }
        }
        try {
            return HASHING.submit(work::get).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PasswordHasher.saturation();
        } finally {
            CPU_SHARE.release();
        }
    }

    @Override
    public boolean saturated() {
        return CPU_SHARE.availablePermits() == 0 && WAITING.get() >= maxWaiting;
    }

    /** A free permit, unless others wait for one (the timed form honours the semaphore's fairness, unlike the other). */
    private static boolean tryAcquireInTurn() {
        try {
            return CPU_SHARE.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PasswordHasher.saturation();
        }
    }

    @Override
    public PasswordHash decoy() {
        return decoy;
    }

    private static String unguessableSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
