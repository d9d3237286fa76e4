package nym.coconut.encoding;

/** The second byte of every binary encoding, and the name used in the text form. */
public enum TypeTag {
    PARAMETERS(0x01, "coconut-params"),
    SECRET_KEY(0x02, "coconut-sk"),
    VERIFICATION_KEY(0x03, "coconut-vk"),
    VERIFICATION_KEY_SHARE(0x04, "coconut-vk-share"),
    ELGAMAL_PUBLIC_KEY(0x05, "coconut-elgamal-pk"),
    BLIND_SIGN_REQUEST(0x06, "coconut-blind-sign-request"),
    BLINDED_SIGNATURE(0x07, "coconut-blinded-signature"),
    SIGNATURE(0x08, "coconut-signature"),
    PARTIAL_SIGNATURE(0x09, "coconut-partial-signature"),
    THETA(0x0A, "coconut-theta"),
    DKG_DEALING(0x0B, "coconut-dkg-dealing"),
    DKG_COMPLAINT(0x0C, "coconut-dkg-complaint");

    private final int code;
    private final String textName;

    TypeTag(int code, String textName) {
        this.code = code;
        this.textName = textName;
    }

    public int code() {
        return code;
    }

    public String textName() {
        return textName;
    }
}
