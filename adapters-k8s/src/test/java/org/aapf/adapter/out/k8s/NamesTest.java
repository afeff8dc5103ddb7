package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    /** DNS-1035 label (what Service names need), which is also a valid DNS-1123 label and subdomain. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private static void assertDnsLabel(String name) {
        assertTrue(name.length() <= 63, () -> name + " is longer than 63");
        assertTrue(DNS_LABEL.matcher(name).matches(), () -> name + " is not a DNS label");
    }

    @Test
    void instanceNameIsShortDnsLabelAndDeterministic() {
        InstanceRef ref = new InstanceRef(ClusterId.random(), ServiceKind.JUPYTER_NOTEBOOK, 1);
        String name = Names.instance(Instances.SERVER, ref);
        assertDnsLabel(name);
        assertTrue(name.startsWith("aapf-jupyter-notebook-1-"), name);
        assertEquals(name, Names.instance(Instances.SERVER, ref));
    }

    @Test
    void instanceNameWithHugeIndexStaysWithin63() {
        InstanceRef ref = new InstanceRef(ClusterId.random(), ServiceKind.SPARK_WORKER, Integer.MAX_VALUE);
        assertDnsLabel(Names.instance("s".repeat(63), ref));
    }

    @Test
    void namesDifferPerClusterIndexAndServer() {
        ClusterId cluster = ClusterId.random();
        InstanceRef one = new InstanceRef(cluster, ServiceKind.SPARK_WORKER, 1);
        InstanceRef two = new InstanceRef(cluster, ServiceKind.SPARK_WORKER, 2);
        assertNotEquals(Names.instance("a", one), Names.instance("a", two));
        assertNotEquals(Names.instance("a", one), Names.instance("b", one));
        assertNotEquals(Names.cluster("a", cluster), Names.cluster("a", ClusterId.random()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ünïcödé Nämé 東京 🚀", "--", "", "123-starts-with-digit", "UPPER_case.dots",
        "a-very-long-text-that-goes-on-and-on-and-on-far-beyond-sixty-three-characters-for-sure"})
    void slugOfAnyTextIsDnsLabel(String text) {
        assertDnsLabel(Names.slug(text, 63));
    }

    @Test
    void longOrUnicodeTextsStillGetDistinctLabels() {
        String longA = "ä".repeat(80) + "a";
        String longB = "ä".repeat(80) + "b";
        assertDnsLabel(Names.label("pre-", longA));
        assertNotEquals(Names.label("pre-", longA), Names.label("pre-", longB));
    }

    @Test
    void perUserNamespaceIsPrefixPlusUserIdWhenItFits() {
        UserId user = UserId.random();
        KubernetesSettings settings = new KubernetesSettings(NamespaceMode.PER_USER, "aapf-u-", "srv",
                EndpointMode.POD_IP, Duration.ofMinutes(1), Optional.empty(), "cluster.local");
        assertEquals("aapf-u-" + user, settings.namespaceFor(user));
    }

    @Test
    void perUserNamespaceWithLongPrefixIsShortenedWithHash() {
        KubernetesSettings settings = new KubernetesSettings(NamespaceMode.PER_USER, "a".repeat(30), "srv",
                EndpointMode.POD_IP, Duration.ofMinutes(1), Optional.empty(), "cluster.local");
        UserId one = UserId.random();
        UserId two = UserId.random();
        assertDnsLabel(settings.namespaceFor(one));
        assertNotEquals(settings.namespaceFor(one), settings.namespaceFor(two));
    }
}
