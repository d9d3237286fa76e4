package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this instance is: its Payara instance name and the authority it runs. {@code payara-config} gives instance i
 * of the deployment group the system property {@code nym.authority.index=i}; the DAS runs no authority (0).
 */
@ApplicationScoped
public class InstanceIdentity {

    @Inject
    @ConfigProperty(name = "com.sun.aas.instanceName", defaultValue = "server")
    String instanceName;

    @Inject
    @ConfigProperty(name = "nym.authority.index", defaultValue = "0")
    int authority;

    public String instanceName() {
        return instanceName;
    }

    public int authority() {
        return authority;
    }
}
