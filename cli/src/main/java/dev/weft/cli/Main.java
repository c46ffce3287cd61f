package dev.weft.cli;

/** The {@code weft} executable: the only place that exits the JVM. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(WeftCommand.newCommandLine().execute(args));
  }
}
