package io.chaosfn.functions.http;

import io.chaosfn.ChaosfnException;

/** A request refused with a 4xx status; the message is safe to show the caller. */
public class HttpProblem extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public HttpProblem(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static HttpProblem badRequest(String message) {
    return new HttpProblem(400, "bad_request", message);
  }

  public static HttpProblem notFound(String message) {
    return new HttpProblem(404, "not_found", message);
  }

  public static HttpProblem methodNotAllowed(String method) {
    return new HttpProblem(405, "method_not_allowed", "method " + method + " is not allowed here");
  }
}
