import java.util.Locale;
import org.aapf.adapter.out.security.Argon2PasswordHasher;
import org.aapf.domain.user.Password;

/** Times AAPF's Argon2id password hash in-process, to compare with the login latency (run by bench/login.sh). */
public final class HashBench {

    public static void main(String[] args) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        Password password = new Password("benchpass123");
        var hash = hasher.hash(password);
        for (int i = 0; i < 5; i++) {
            hasher.verify(password, hash);
        }
        int rounds = 30;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hasher.verify(password, hash);
        }
        System.out.printf(Locale.ROOT, "argon2id_verify_ms=%.1f (mean of %d)%n", (System.nanoTime() - t0) / 1e6 / rounds, rounds);
    }
}
