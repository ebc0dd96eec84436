package io.chaosfn.activity.http;

import java.io.IOException;

/**
 * Sends one request with one JDK client. Implementations never follow redirects (the provider checks every
 * hop's address) and report failures by kind: {@link ConnectFailure} when no connection could be made,
 * {@link java.net.SocketTimeoutException} or {@link java.net.http.HttpTimeoutException} when the server did
 * not answer in time, {@link BodyTooLargeException} when the body exceeds the cap.
 */
interface HttpTransport {
  HttpReply send(HttpCall call) throws IOException;
}
