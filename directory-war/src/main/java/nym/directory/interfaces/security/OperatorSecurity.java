package nym.directory.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The operator credential (Jakarta Security): HTTP Basic checked against {@code nym.directory.operator.user}
 * (default {@code operator}) and {@code nym.directory.operator.password} from MicroProfile Config. Without a
 * password configured nobody is an operator. Comparison in constant time over SHA-256 digests.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = OperatorSecurity.REALM)
@DeclareRoles(OperatorSecurity.ROLE)
public class OperatorSecurity implements IdentityStore {

    public static final String REALM = "nym-directory";
    public static final String ROLE = "operator";

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var config = ConfigProvider.getConfig();
        String user = config.getOptionalValue("nym.directory.operator.user", String.class)
                .orElse("operator");
        Optional<String> password = config.getOptionalValue("nym.directory.operator.password", String.class);
        if (password.isEmpty() || password.get().isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        boolean userOk = MessageDigest.isEqual(sha256(user), sha256(up.getCaller()));
        boolean passwordOk = MessageDigest.isEqual(sha256(password.get()), sha256(up.getPasswordAsString()));
        return userOk && passwordOk
                ? new CredentialValidationResult(user, Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
