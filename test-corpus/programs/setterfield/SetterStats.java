/** A mutable counter object. */
final class SetterStats {
  int hits;
}
