package nym.coconut.math;

import java.util.HexFormat;
import nym.coconut.CoconutException;

final class Points {
    private Points() {}

    /** Maps blst's decoding failure (a RuntimeException carrying BLST_ERROR text) to a kind. */
    static CoconutException decodeFailure(String group, RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("curve")) {
            return new CoconutException(CoconutException.Kind.POINT_NOT_ON_CURVE, group + " point not on curve", e);
        }
        if (m.contains("group")) {
            return new CoconutException(
                    CoconutException.Kind.POINT_NOT_IN_SUBGROUP, group + " point not in subgroup", e);
        }
        return new CoconutException(CoconutException.Kind.INVALID_POINT_ENCODING, group + " point: bad encoding", e);
    }

    static String hexPrefix(byte[] b) {
        return HexFormat.of().formatHex(b, 0, 8) + "…";
    }
}
