package org.aapf.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void withoutFileOrEnvironment_usesTheShippedDefaults() {
        AapfConfig config = loader.load(Optional.empty(), Map.of());

        assertEquals(3000, config.server().port());
        assertEquals(Path.of("./data"), config.dataDir());
        assertEquals("", config.database().url());
        assertEquals(Duration.ofHours(1), config.auth().accessTokenTtl());
        assertEquals(Duration.ofDays(30), config.auth().refreshTokenTtl());
        assertEquals(ZoneId.of("UTC"), config.http().timeZone());
        assertEquals(1024 * 1024, config.http().maxBodyBytes());
        assertEquals("docker", config.backend().type());
        assertEquals(16, config.clusters().maxSparkWorkers());
        assertEquals(Duration.ofSeconds(10), config.clusters().leaseTtl());
    }

    @Test
    void limits_areEmptyByDefault_setByEnvironment_andBadValuesNameTheKey() {
        assertEquals(new AapfConfig.Limits("", "", "", ""), loader.load(Optional.empty(), Map.of()).limits());

        AapfConfig config = loader.load(Optional.empty(), Map.of("AAPF_LIMITS_MAX_CLUSTERS", "5",
                "AAPF_LIMITS_MAX_CPU", "3.5", "AAPF_LIMITS_MAX_MEMORY_MIB", "8192", "AAPF_LIMITS_MAX_GPUS", ""));

        assertEquals(new AapfConfig.Limits("5", "3.5", "8192", ""), config.limits());
        assertEquals(java.util.OptionalLong.of(3500), ConfiguredAapf.userLimits(config.limits()).limits()
                .bound(org.aapf.domain.quota.LimitKind.CPU));
        ConfigException bad = assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_LIMITS_MAX_CPU", "four")));
        assertTrue(bad.getMessage().contains("'limits.maxCpu'"), bad.getMessage());
        assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_LIMITS_MAX_GPUS", "-1")));
    }

    @Test
    void singleSignOn_isConfiguredByFileAndEnvironment_andUnknownKeysOrHalfSettingsStopStartUp() throws IOException {
        Path file = write("""
                auth:
                  passwordLogin: false
                  oidc:
                    displayName: Keycloak
                    adminGroup: aapf-admins
                    grants:
                      analysts: {images: [aa_jupyter_notebook], perfTypes: ["*"]}
                """);
        AapfConfig config = loader.load(Optional.of(file), Map.of(
                "AAPF_OIDC_ISSUER", "https://idp.example.org/realms/aapf", "AAPF_OIDC_CLIENT_ID", "aapf",
                "AAPF_OIDC_CLIENT_SECRET", "s3cret", "AAPF_OIDC_REDIRECT_URI",
                "https://aapf.example.org/api/v1/auth/oidc/callback"));
        assertEquals(false, config.auth().passwordLogin());
        assertEquals("https://idp.example.org/realms/aapf", config.auth().oidc().issuer());
        assertEquals("preferred_username", config.auth().oidc().usernameClaim());
        assertEquals(java.util.List.of("*"), config.auth().oidc().grants().get("analysts").perfTypes());
        assertTrue(!config.toString().contains("s3cret"), "the secret is not printed");
        assertEquals(true, loader.load(Optional.empty(), Map.of()).auth().passwordLogin());

        ConfigException unknown = assertThrows(ConfigException.class, () -> loader.load(
                Optional.of(write("auth:\n  oidc:\n    clientSecrets: x\n")), Map.of()));
        assertTrue(unknown.getMessage().contains("clientSecrets"), unknown.getMessage());
        ConfigException noProvider = assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_PASSWORD_LOGIN", "false")));
        assertTrue(noProvider.getMessage().contains("auth.passwordLogin"), noProvider.getMessage());
        ConfigException noSecret = assertThrows(ConfigException.class, () -> loader.load(Optional.empty(), Map.of(
                "AAPF_OIDC_ISSUER", "https://idp.example.org", "AAPF_OIDC_CLIENT_ID", "aapf",
                "AAPF_OIDC_REDIRECT_URI", "https://aapf.example.org/api/v1/auth/oidc/callback")));
        assertTrue(noSecret.getMessage().contains("auth.oidc.clientSecret"), noSecret.getMessage());
    }

    @Test
    void leaseTtl_isTakenFromTheFile_andMustBePositive() throws IOException {
        AapfConfig config = loader.load(Optional.of(write("clusters:\n  leaseTtl: PT15S\n")), Map.of());
        assertEquals(Duration.ofSeconds(15), config.clusters().leaseTtl());

        ConfigException error = assertThrows(ConfigException.class,
                () -> loader.load(Optional.of(write("clusters:\n  leaseTtl: PT0S\n")), Map.of()));
        assertTrue(error.getMessage().contains("clusters.leaseTtl"), error.getMessage());
    }

    @Test
    void fileOverridesDefaults_andEnvironmentOverridesFile() throws IOException {
        Path file = write("server:\n  port: 4000\ndatabase:\n  url: jdbc:postgresql://db/aapf\n");

        AapfConfig config = loader.load(Optional.of(file), Map.of("AAPF_PORT", "5000", "AAPF_DB_USER", "aapf",
                "AAPF_TIME_ZONE", "Asia/Tokyo", "AAPF_BACKEND", "kubernetes"));

        assertEquals(5000, config.server().port());
        assertEquals("jdbc:postgresql://db/aapf", config.database().url());
        assertEquals("aapf", config.database().user());
        assertEquals(ZoneId.of("Asia/Tokyo"), config.http().timeZone());
        assertEquals("kubernetes", config.backend().type());
        assertEquals("0.0.0.0", config.server().host());
    }

    @Test
    void unknownKey_isRefusedNamingIt() throws IOException {
        Path file = write("server:\n  prot: 4000\n");

        ConfigException error = assertThrows(ConfigException.class, () -> loader.load(Optional.of(file), Map.of()));

        assertTrue(error.getMessage().contains("'server.prot'"), error.getMessage());
    }

    @Test
    void badValue_isRefusedNamingTheKey() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_JWT_SECRET", "too-short")));

        assertTrue(error.getMessage().contains("auth.jwtSecret"), error.getMessage());
        assertTrue(error.getMessage().contains("32 bytes"), error.getMessage());
    }

    @Test
    void aDatabaseUrlAapfCannotUse_isRefusedNamingTheKey() {
        for (String url : List.of("foo", "jdbc:mysql://127.0.0.1/aapf")) {
            ConfigException error = assertThrows(ConfigException.class,
                    () -> loader.load(Optional.empty(), Map.of("AAPF_DB_URL", url)));

            assertTrue(error.getMessage().contains("'database.url' must be a PostgreSQL URL"), error.getMessage());
        }
    }

    @Test
    void notANumber_isRefusedNamingTheKey() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_PORT", "three thousand")));

        assertTrue(error.getMessage().contains("server.port"), error.getMessage());
    }

    @Test
    void missingFileOrADirectory_isRefusedWithTheFix() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> loader.load(Optional.of(dir.resolve("nope.yaml")), Map.of()));
        ConfigException directory = assertThrows(ConfigException.class,
                () -> loader.load(Optional.of(dir), Map.of()));

        assertTrue(missing.getMessage().endsWith("' does not exist: fix --config or AAPF_CONFIG"), missing.getMessage());
        assertTrue(directory.getMessage().endsWith("' is a directory: fix --config or AAPF_CONFIG"),
                directory.getMessage());
    }

    @Test
    void malformedYaml_isRefusedWithItsLine() throws IOException {
        Path file = write("server:\n  port: [\n");

        ConfigException error = assertThrows(ConfigException.class, () -> loader.load(Optional.of(file), Map.of()));

        assertTrue(error.getMessage().contains("not valid YAML"), error.getMessage());
    }

    @Test
    void passwordsAndSecretsAreNotPrinted() {
        AapfConfig config = loader.load(Optional.empty(), Map.of("AAPF_DB_PASSWORD", "hunter2hunter2",
                "AAPF_JWT_SECRET", "0123456789abcdef0123456789abcdef-secret"));

        assertTrue(!config.toString().contains("hunter2") && !config.toString().contains("-secret"), config.toString());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("aapf.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
