package nym.credential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.Test;

class KeyEpochWindowTest {

    private static Kind refusal(KeyEpochWindow window, long keyEpoch) {
        return assertThrows(PayloadException.class, () -> window.requireAccepted(keyEpoch))
                .kind();
    }

    @Test
    void requireAccepted_latestAndTheOneBefore_accepted() {
        KeyEpochWindow window = new KeyEpochWindow(5, 4);

        assertDoesNotThrow(() -> window.requireAccepted(5));
        assertDoesNotThrow(() -> window.requireAccepted(4));
    }

    @Test
    void requireAccepted_olderThanTheOneBefore_expired() {
        KeyEpochWindow window = new KeyEpochWindow(5, 4);

        assertEquals(Kind.KEY_EPOCH_EXPIRED, refusal(window, 3));
        assertEquals(Kind.KEY_EPOCH_EXPIRED, refusal(window, 1));
    }

    @Test
    void requireAccepted_newerThanTheLatestOrFailedInBetween_unknown() {
        KeyEpochWindow afterAFailure = new KeyEpochWindow(5, 3);

        assertEquals(Kind.KEY_EPOCH_UNKNOWN, refusal(afterAFailure, 6));
        assertEquals(Kind.KEY_EPOCH_UNKNOWN, refusal(afterAFailure, 4));
        assertDoesNotThrow(() -> afterAFailure.requireAccepted(3));
        assertEquals(Kind.KEY_EPOCH_EXPIRED, refusal(afterAFailure, 2));
    }

    @Test
    void requireAccepted_firstCompletedKeyEpoch_onlyItself() {
        KeyEpochWindow first = new KeyEpochWindow(2, 0);

        assertDoesNotThrow(() -> first.requireAccepted(2));
        assertEquals(Kind.KEY_EPOCH_UNKNOWN, refusal(first, 1), "key epoch 1 failed");
        assertEquals(Kind.KEY_EPOCH_UNKNOWN, refusal(first, 0));
    }

    @Test
    void below_failedKeyEpochsSkipped_previousCompletedOne() throws Exception {
        Set<Long> completed = Set.of(1L, 2L, 5L);
        List<Long> asked = new ArrayList<>();

        KeyEpochWindow window = KeyEpochWindow.below(5, e -> {
            asked.add(e);
            return completed.contains(e);
        });

        assertEquals(new KeyEpochWindow(5, 2), window);
        assertEquals(List.of(4L, 3L, 2L), asked, "stops at the first completed one");
        assertEquals(new KeyEpochWindow(1, 0), KeyEpochWindow.below(1, completed::contains));
    }

    @Test
    void constructor_previousNotBelowLatest_refused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyEpochWindow(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new KeyEpochWindow(0, 0));
        assertTrue(new KeyEpochWindow(3, 0).accepts(3));
    }
}
