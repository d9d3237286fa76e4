package nym.openapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes each web application's OpenAPI document a well-formed part of the network's single document.
 *
 * <p>Payara builds a document per WAR of the EAR (annotations, {@code META-INF/openapi.yaml}, then this filter) and
 * serves them merged at {@code /openapi}. Left alone, the merged paths lack their context root and the servers list
 * one entry per WAR, so a client (or Swagger UI's "Try it out") sends every call to the first one. This filter makes
 * each path absolute from the instance root, leaves servers empty (OpenAPI's default: the root of the host that served
 * the document), gives every document the same {@link NetworkInfo}, tags every operation with its {@link
 * Application} and lets every error answer reference the shared {@link ProblemSchema}.
 *
 * <p>Named once for the whole EAR, in this jar's {@code META-INF/microprofile-config.properties}: the jar sits in the
 * EAR's {@code lib/}, because Payara reads {@code mp.openapi.filter} from the application's configuration, which does
 * not see a WAR's own {@code WEB-INF/classes}. Which application a document belongs to, the filter reads from the
 * context root Payara put in its default server.
 */
public final class NetworkApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        String contextRoot = contextRoot(document.getServers());
        Application application = Application.at(contextRoot);
        if (document.getPaths() != null) {
            prefix(document.getPaths(), contextRoot);
            document.getPaths().getPathItems().values().forEach(item -> describe(item, application));
        }
        document.setServers(new ArrayList<>());
        document.setInfo(NetworkInfo.info());
        Tag tag = OASFactory.createTag()
                .name(application.tag())
                .description(application.description() + " (under " + root(contextRoot) + ")");
        document.setTags(new ArrayList<>(List.of(tag)));
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents().addSchema(ProblemSchema.NAME, ProblemSchema.schema());
    }

    /**
     * Payara lists the instance's listeners with the application's context root as the servers; their path is that
     * root ("" for the application at {@code /}).
     */
    static String contextRoot(List<Server> servers) {
        if (servers == null || servers.isEmpty()) {
            return "";
        }
        String path = URI.create(servers.get(0).getUrl()).getPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private static String root(String contextRoot) {
        return contextRoot.isEmpty() ? "/" : contextRoot;
    }

    private static void prefix(Paths paths, String contextRoot) {
        if (contextRoot.isEmpty()) {
            return;
        }
        for (Map.Entry<String, PathItem> path : Map.copyOf(paths.getPathItems()).entrySet()) {
            paths.removePathItem(path.getKey());
            paths.addPathItem(contextRoot + path.getKey(), path.getValue());
        }
    }

    private static void describe(PathItem item, Application application) {
        for (Operation operation : item.getOperations().values()) {
            operation.setTags(new ArrayList<>(List.of(application.tag())));
            if (operation.getResponses() != null) {
                ProblemSchema.referenceFromErrors(operation.getResponses());
            }
        }
    }
}
