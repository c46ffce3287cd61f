/** A running total behind a setter-style method. */
final class SetterTally {
  private long total;

  void add(long v) {
    total += v;
  }

  long total() {
    return total;
  }
}
