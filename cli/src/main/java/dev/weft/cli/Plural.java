package dev.weft.cli;

/** A count and its noun, singular for one: "1 file", "2 files", "0 regions". */
public final class Plural {

  private Plural() {}

  /** {@code one} with an "s" unless {@code n} is 1; every noun weft counts takes a plain "s". */
  public static String of(long n, String one) {
    return n + " " + (n == 1 ? one : one + "s");
  }
}
