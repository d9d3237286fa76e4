package nym.client.topology;

import java.util.ArrayList;
import java.util.List;
import nym.sphinx.RouteHop;

/**
 * A route chosen for one packet: one mix node per layer (with the delay each holds the packet) and the recipient's
 * gateway as the final hop.
 */
public record Route(List<MixNode> mixes, GatewayNode gateway, List<RouteHop> hops) {

    public Route {
        mixes = List.copyOf(mixes);
        hops = List.copyOf(hops);
    }

    /** The identity keys of the mix nodes on this route, layer 1 first. */
    public List<String> mixIdentities() {
        List<String> ids = new ArrayList<>(mixes.size());
        for (MixNode mix : mixes) {
            ids.add(mix.identityKey());
        }
        return ids;
    }
}
