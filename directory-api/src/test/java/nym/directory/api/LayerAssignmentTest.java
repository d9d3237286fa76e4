package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerAssignmentTest {

    private static List<String> keys(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(Ed25519Identity.generate().publicKeyText());
        }
        return keys;
    }

    @Test
    void assign_sevenNodesThreeLayers_balancedWithinOne() {
        Map<String, Integer> layers = LayerAssignment.assign(LayerAssignment.seed("net", 1), keys(7), 3);
        int[] sizes = new int[4];
        layers.values().forEach(l -> sizes[l]++);
        assertEquals(List.of(3, 2, 2), List.of(sizes[1], sizes[2], sizes[3]));
    }

    @Test
    void assign_inputOrderDoesNotMatter() {
        List<String> keys = keys(12);
        byte[] seed = LayerAssignment.seed("net", 5);
        Map<String, Integer> first = LayerAssignment.assign(seed, keys, 3);
        Collections.reverse(keys);
        assertEquals(first, LayerAssignment.assign(seed, keys, 3));
    }

    @Test
    void assign_otherEpoch_otherAssignment() {
        List<String> keys = keys(30);
        Map<String, Integer> a = LayerAssignment.assign(LayerAssignment.seed("net", 1), keys, 3);
        Map<String, Integer> b = LayerAssignment.assign(LayerAssignment.seed("net", 2), keys, 3);
        assertNotEquals(a, b, "30 nodes keep all layers across two epochs with probability ~1e-13");
        assertTrue(a.values().stream().allMatch(l -> l >= 1 && l <= 3));
    }
}
