/** Hands out the same SetterStats to every caller. */
final class SetterHolder {
  private final SetterStats stats = new SetterStats();

  SetterStats stats() {
    return stats;
  }
}
