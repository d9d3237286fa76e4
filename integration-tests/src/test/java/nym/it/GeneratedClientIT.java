package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OpenAPI document is good enough for a generated client: OpenAPI Generator's Java client of it compiles,
 * and every read (GET) endpoint, called through it, answers as the document says. Runs against an instance of the
 * run's deployment group, with its ledger and epochs; {@link #target()} is the one place that names the instance.
 */
@Tag("group")
class GeneratedClientIT {

    /** Reads that answer 2xx on the group from its start, before epoch documents, a key epoch or spends. */
    private static final Set<String> ALWAYS_ANSWERED = Set.of(
            "healthcheck",
            "clusterMembers",
            "topology",
            "epochAuthorities",
            "authorityAnnouncements",
            "mixMetricsWindow",
            "mixTrafficHistory",
            "authorityLedgers",
            "stakeNodes",
            "providers");

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void deployToGroup() throws Exception {
        AuthorityGroup.shared();
    }

    /** The instance whose document is generated from and whose endpoints are called. */
    static URI target() {
        return TestEnvironment.instance(2);
    }

    @Test
    void generatedClient_everyReadEndpoint_answersAsDocumented(@TempDir Path work) throws Exception {
        Path spec = work.resolve("openapi.yaml");
        Files.writeString(spec, Http.get(target(), "/openapi").body());
        OpenAPI document = parse(spec);
        Set<String> answered = new HashSet<>();
        Set<String> tags = new HashSet<>();

        try (GeneratedClient client = GeneratedClient.generate(spec, work, target())) {
            for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
                Operation read = path.getValue().getGet();
                if (read == null) {
                    continue;
                }
                String name = "GET " + path.getKey() + " (" + read.getOperationId() + ")";
                String tag = read.getTags().get(0);
                GeneratedClient.Answer answer = client.call(tag, read.getOperationId(), arguments(name, read));

                assertTrue(
                        read.getResponses().containsKey(String.valueOf(answer.status())),
                        name + " answered " + answer.status() + ", documented "
                                + read.getResponses().keySet() + ": " + answer.errorBody());
                if (answer.status() / 100 == 2) {
                    if (documentsBody(answer(document, read.getResponses().get(String.valueOf(answer.status()))))) {
                        assertNotNull(answer.data(), name + ": no body deserialised");
                    }
                    answered.add(read.getOperationId());
                } else {
                    Map<?, ?> problem = JSON.readValue(answer.errorBody(), Map.class);
                    assertEquals(answer.status(), problem.get("status"), name + ": " + answer.errorBody());
                    assertNotNull(problem.get("detail"), name + ": " + answer.errorBody());
                }
                tags.add(tag);
            }
        }
        assertTrue(answered.containsAll(ALWAYS_ANSWERED), "2xx from " + answered + ", expected " + ALWAYS_ANSWERED);
        assertEquals(Set.of("directory", "issuer", "provider"), tags);
    }

    /**
     * One document for the three applications: paths from the instance root, no per-application servers, one title,
     * operationIds a client can name its methods by, and every error answer a Problem.
     */
    @Test
    void document_served_describesTheNetworkAsOneApi(@TempDir Path work) throws Exception {
        Path spec = work.resolve("openapi.yaml");
        Files.writeString(spec, Http.get(target(), "/openapi").body());
        OpenAPI document = parse(spec);

        assertEquals("Nym network API", document.getInfo().getTitle());
        assertTrue(
                document.getInfo().getVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
                document.getInfo().getVersion());
        assertTrue(
                document.getServers() == null
                        || document.getServers().stream()
                                .allMatch(s -> s.getUrl().equals("/")),
                "servers: " + document.getServers());
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            assertTrue(path.getKey().matches("/(issuer/|provider/)?api/.*"), path.getKey());
            for (Operation operation : path.getValue().readOperations()) {
                assertTrue(operationIds.add(operation.getOperationId()), "twice: " + operation.getOperationId());
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertEquals(
                                "#/components/schemas/Problem",
                                answer(document, response)
                                        .getContent()
                                        .get("application/problem+json")
                                        .getSchema()
                                        .get$ref(),
                                path.getKey() + " " + status);
                    }
                });
            }
        }
        assertEquals(
                Set.of("type", "title", "status", "detail"),
                document.getComponents()
                        .getSchemas()
                        .get("Problem")
                        .getProperties()
                        .keySet());
    }

    private static OpenAPI parse(Path spec) {
        return new OpenAPIParser().readLocation(spec.toString(), null, null).getOpenAPI();
    }

    /** The answer itself, also where the operation references a shared one ({@code #/components/responses/...}). */
    private static ApiResponse answer(OpenAPI document, ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return document.getComponents().getResponses().get(name);
    }

    /** Path parameters take the document's example (every one must have one); optional ones are left out. */
    private static List<String> arguments(String name, Operation read) {
        List<String> arguments = new ArrayList<>();
        for (Parameter parameter : read.getParameters() == null ? List.<Parameter>of() : read.getParameters()) {
            if ("path".equals(parameter.getIn())) {
                Object example = parameter.getExample() != null
                        ? parameter.getExample()
                        : parameter.getSchema() == null
                                ? null
                                : parameter.getSchema().getExample();
                assertNotNull(example, name + ": path parameter " + parameter.getName() + " has no example");
                arguments.add(example.toString());
            } else {
                arguments.add(null);
            }
        }
        return arguments;
    }

    private static boolean documentsBody(ApiResponse response) {
        return response != null
                && response.getContent() != null
                && !response.getContent().isEmpty();
    }
}
