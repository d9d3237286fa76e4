package nym.directory.interfaces.security;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * The operator credential (Jakarta Security): HTTP Basic checked by Payara's realm identity store against the
 * container realm {@value #REALM}, which {@code payara-config/bin/nym-payara setup} creates on the DAS and every
 * instance with one user in group {@value #ROLE} (mapped to the role of the same name in {@code glassfish-web.xml}).
 * The application holds no password: without that realm or user nobody is an operator.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = OperatorSecurity.REALM)
@RealmIdentityStoreDefinition(OperatorSecurity.REALM)
@DeclareRoles(OperatorSecurity.ROLE)
public class OperatorSecurity {

    public static final String REALM = "nym-operators";
    public static final String ROLE = "operator";
}
