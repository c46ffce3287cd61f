package dev.weft.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A task's private map in a keyed reduction ({@link Weft#mergeKeyed}): insertion-ordered, so the
 * combined map lists keys in sequential first-occurrence order, and it remembers the key of the
 * task's last {@code merge} call and whether that call inserted it.
 *
 * <p>Why the last call matters: {@link java.util.HashMap#merge} (and {@code compute},
 * {@code computeIfAbsent}) resize lazily, at the start of the call after the one that pushed the
 * size past the threshold, while {@code put} resizes at once. A sequential loop calls {@code merge}
 * once per iteration, the combined merge once per distinct key; so when the loop's last call was not
 * an insertion (a repeated key after the last new one), the sequential map got one more resize than
 * the combined merge gives, and a different capacity means a different iteration order. Knowing the
 * last call lets {@link WeftPool#mergeKeyed} replay that one resize exactly (fuzz seed 201086).
 */
final class KeyedView<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;

  /** Whether any {@code merge} call reached this map. */
  private boolean called;
  /** The key of the last {@code merge} call, in index order. */
  private K lastKey;
  /** Whether that last call inserted its key (first occurrence in the range this map covers). */
  private boolean lastInserted;

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    int before = size();
    V result = super.merge(key, value, remapping);
    called = true;
    lastKey = key;
    lastInserted = size() > before;
    return result;
  }

  /**
   * Appends the map of the range right after this one: its entries merged in its insertion order,
   * and its last call becomes the last call (an insertion only if this range never had the key).
   */
  void absorb(KeyedView<K, V> right, BiFunction<? super V, ? super V, ? extends V> remapping) {
    if (right.called) {
      boolean inserted = right.lastInserted && !containsKey(right.lastKey);
      called = true;
      lastKey = right.lastKey;
      lastInserted = inserted;
    }
    right.forEach((k, v) -> super.merge(k, v, remapping));
  }

  /**
   * Merges this map into {@code target} in first-occurrence order with {@code target.merge}, then
   * leaves {@code target} as the sequential loop's per-iteration calls would have: if the loop's last
   * call did not insert a new key into {@code target}, one {@code computeIfAbsent} on that (present,
   * non-null) key performs the lazy resize the sequential loop's last call performed, and nothing else.
   */
  void mergeInto(Map<K, V> target, BiFunction<? super V, ? super V, ? extends V> remapping) {
    boolean lastCallInserted = called && lastInserted && !target.containsKey(lastKey);
    forEach((k, v) -> target.merge(k, v, remapping));
    if (called && !lastCallInserted) {
      K k = lastKey;
      target.computeIfAbsent(k, absent -> {
        throw new IllegalStateException("weft: key " + absent + " vanished from the keyed reduction's target");
      });
    }
  }
}
