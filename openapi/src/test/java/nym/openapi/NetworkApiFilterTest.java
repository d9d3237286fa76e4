package nym.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class NetworkApiFilterTest {

    /** A document as Payara hands it to the filter: its default server carries the context root. */
    private static OpenAPI payaraDocument(String serverUrl, Operation operation) {
        return OASFactory.createOpenAPI()
                .addServer(OASFactory.createServer().url(serverUrl))
                .addTag(OASFactory.createTag().name("resource-level"))
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/verification-key",
                                OASFactory.createPathItem().GET(operation)));
    }

    private static Operation read() {
        return OASFactory.createOperation()
                .operationId("verificationKey")
                .addTag("resource-level")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "200",
                                OASFactory.createAPIResponse()
                                        .description("the keys")
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        "application/json",
                                                        OASFactory.createMediaType()
                                                                .schema(OASFactory.createSchema()
                                                                        .ref("#/components/schemas/Keys")))))
                        .addAPIResponse(
                                "404",
                                OASFactory.createAPIResponse()
                                        .description("no share")
                                        .content(OASFactory.createContent()
                                                .addMediaType("application/json", OASFactory.createMediaType())))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("no issuer role"))
                        .addAPIResponse(
                                "400", OASFactory.createAPIResponse().ref("#/components/responses/BadRequest")));
    }

    @Test
    void filterOpenAPI_applicationUnderAContextRoot_pathsFromTheInstanceRootAndNoServers() {
        OpenAPI document = payaraDocument("http://host.example:28080/issuer", read());

        new NetworkApiFilter().filterOpenAPI(document);

        assertEquals(
                Set.of("/issuer/api/verification-key"),
                document.getPaths().getPathItems().keySet());
        assertTrue(document.getServers().isEmpty(), document.getServers().toString());
    }

    @Test
    void filterOpenAPI_applicationAtTheRoot_pathsUnchangedAndTaggedAsTheDirectory() {
        Operation operation = read();
        OpenAPI document = payaraDocument("http://host.example:28080/", operation);

        new NetworkApiFilter().filterOpenAPI(document);

        assertEquals(
                Set.of("/api/verification-key"),
                document.getPaths().getPathItems().keySet());
        assertEquals(List.of("directory"), operation.getTags());
    }

    @Test
    void filterOpenAPI_aWarAtAnUnknownContextRoot_refusedNamingIt() {
        OpenAPI document = payaraDocument("http://host.example:28080/elsewhere", read());

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new NetworkApiFilter().filterOpenAPI(document));
        assertTrue(e.getMessage().contains("'/elsewhere'"), e.getMessage());
    }

    @Test
    void filterOpenAPI_anyPart_theNetworksInfoWithTheProjectVersion() {
        OpenAPI document = payaraDocument("http://host.example:28080/issuer", read());

        new NetworkApiFilter().filterOpenAPI(document);

        assertEquals("Nym network API", document.getInfo().getTitle());
        assertTrue(
                document.getInfo().getVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
                document.getInfo().getVersion());
        assertTrue(
                document.getInfo().getDescription().contains("/issuer/api/"),
                document.getInfo().getDescription());
    }

    @Test
    void filterOpenAPI_operations_taggedWithTheirApplicationOnly() {
        Operation operation = read();
        OpenAPI document = payaraDocument("http://host.example:28080/issuer", operation);

        new NetworkApiFilter().filterOpenAPI(document);

        assertEquals(List.of("issuer"), operation.getTags());
        assertEquals(1, document.getTags().size());
        assertEquals("issuer", document.getTags().get(0).getName());
        assertEquals(
                "Partial credentials and verification keys of this instance's authority's issuer (under /issuer)",
                document.getTags().get(0).getDescription());
    }

    @Test
    void filterOpenAPI_errorAnswers_referenceTheSharedProblemAndSuccessesAreKept() {
        Operation operation = read();
        OpenAPI document = payaraDocument("http://host.example:28080/issuer", operation);

        new NetworkApiFilter().filterOpenAPI(document);

        for (String status : List.of("404", "503")) {
            APIResponse answer = operation.getResponses().getAPIResponse(status);
            assertEquals(
                    Set.of("application/problem+json"),
                    answer.getContent().getMediaTypes().keySet(),
                    status);
            assertEquals(
                    "#/components/schemas/Problem",
                    answer.getContent()
                            .getMediaType("application/problem+json")
                            .getSchema()
                            .getRef(),
                    status);
        }
        assertEquals(
                "#/components/schemas/Keys",
                operation
                        .getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/json")
                        .getSchema()
                        .getRef());
        APIResponse shared = operation.getResponses().getAPIResponse("400");
        assertEquals("#/components/responses/BadRequest", shared.getRef());
        assertNull(shared.getContent());
        assertEquals(
                Set.of("type", "title", "status", "detail"),
                document.getComponents()
                        .getSchemas()
                        .get("Problem")
                        .getProperties()
                        .keySet());
    }

    @Test
    void contextRoot_noServers_isTheInstanceRoot() {
        assertEquals("", NetworkApiFilter.contextRoot(null));
        assertEquals("", NetworkApiFilter.contextRoot(List.of()));
    }
}
