/** The JVM start-up baseline of the CLI benchmark: prints one line and exits. */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
