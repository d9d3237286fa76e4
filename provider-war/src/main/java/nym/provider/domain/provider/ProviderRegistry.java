package nym.provider.domain.provider;

import java.util.List;
import java.util.Optional;

/** The providers this deployment serves (every instance serves all of them over the shared database). */
public interface ProviderRegistry {

    List<Provider> all();

    Optional<Provider> byIndex(int index);
}
