package nym.directory.interfaces.rest;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nym.directory.api.AnnouncedAuthorities;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.GatewayPresence;
import nym.directory.api.LeaveNotice;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixMetricsWindow;
import nym.directory.api.MixnodePresence;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.Topology;
import nym.directory.api.ValidatorPresence;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The record schemas of {@code META-INF/openapi.yaml} are written by hand (Payara's scanner does not read
 * directory-api in WEB-INF/lib): each must name exactly the JSON members of its record.
 */
class OpenApiSchemasTest {

    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            entry("AnnouncedKey", AnnouncedKey.class),
            entry("MixnodePresence", MixnodePresence.class),
            entry("GatewayPresence", GatewayPresence.class),
            entry("LeaveNotice", LeaveNotice.class),
            entry("ValidatorPresence", ValidatorPresence.class),
            entry("MixMetrics", MixMetrics.class),
            entry("MixMetricsReport", MixMetricsReport.class),
            entry("MixMetricsWindow", MixMetricsWindow.class),
            entry("Topology", Topology.class),
            entry("SignedEpochDocument", SignedEpochDocument.class),
            entry("EpochSignature", SignedEpochDocument.Signature.class),
            entry("SignedAuthorityAnnouncement", SignedAuthorityAnnouncement.class),
            entry("AnnouncedAuthorities", AnnouncedAuthorities.class),
            entry("AuthorityAnnouncement", AuthorityAnnouncement.class));

    @Test
    void schemas_everyDocumentedRecord_nameExactlyItsJsonMembers() throws IOException {
        Map<String, Map<String, Object>> schemas = schemas();

        for (Map.Entry<String, Class<? extends Record>> record : RECORDS.entrySet()) {
            Map<String, Object> schema = schemas.get(record.getKey());
            assertNotNull(schema, record.getKey() + " is not in openapi.yaml");
            @SuppressWarnings("unchecked")
            Set<String> documented = ((Map<String, Object>) schema.get("properties")).keySet();
            assertEquals(members(record.getValue()), documented, record.getKey() + " against " + record.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemas() throws IOException {
        try (InputStream in = OpenApiSchemasTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        }
    }

    private static Set<String> members(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(OpenApiSchemasTest::jsonName)
                .collect(Collectors.toSet());
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }
}
