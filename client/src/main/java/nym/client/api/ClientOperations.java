package nym.client.api;

import java.util.List;
import nym.client.runtime.ClientStatus;
import nym.client.runtime.ReceivedMessage;

/** What the local API lets applications do with a running client ({@link nym.client.runtime.MixnetClient}). */
public interface ClientOperations {

    String address();

    /** Queues a message; throws {@link nym.client.ClientException} and queues nothing on bad input. */
    void send(String recipient, byte[] message, boolean withSurb);

    /** Queues an answer through a received SURB; throws and queues nothing on bad input. */
    void reply(String surbHandle, byte[] message);

    List<ReceivedMessage> fetch(int max);

    ClientStatus status();
}
