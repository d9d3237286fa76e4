package nym.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** The one {@code Problem} schema (RFC 9457) that every error answer of every application references. */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";
    private static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {}

    static Schema schema() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", "Not Found");
        example.put("status", 404);
        example.put("detail", "no epoch document for epoch 12 (not built yet, or older than the retention)");
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. The providers add `reason`, the refusal's code (e.g."
                        + " DOUBLE_SPEND), so clients need not parse `detail`.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("always about:blank: the status says the kind"))
                .addProperty("title", text("the status's reason phrase, e.g. Not Found"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("the HTTP status of the answer"))
                .addProperty("detail", text("what was wrong, for people"))
                .example(example);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }

    /**
     * Every 4xx and 5xx answer that is not a reference to a shared answer (those reference the schema themselves)
     * carries the problem document and nothing else, whatever its annotation said.
     */
    static void referenceFromErrors(APIResponses responses) {
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            if (isError(answer.getKey()) && answer.getValue().getRef() == null) {
                answer.getValue().setContent(content());
            }
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Content content() {
        return OASFactory.createContent()
                .addMediaType(
                        MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF)));
    }
}
