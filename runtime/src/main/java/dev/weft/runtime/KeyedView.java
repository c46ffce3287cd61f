package dev.weft.runtime;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A task's private map in a keyed reduction ({@link Weft#mergeKeyed}): insertion-ordered, so the
 * combined map lists keys in sequential first-occurrence order, with a summary of the last
 * {@code merge} call of the range it covers: its key, and whether that call inserted the key (its
 * first occurrence in the range).
 *
 * <p>Why the last call matters: {@link java.util.HashMap#merge} (and {@code compute},
 * {@code computeIfAbsent}) resize lazily, at the start of the call after the one that pushed the
 * size past the threshold, while {@code put} resizes at once. A sequential loop calls {@code merge}
 * once per iteration, the combined merge once per distinct key; so when the loop's last call was not
 * an insertion (a repeated key after the last new one), the sequential map got one more resize than
 * the combined merge gives, and a different capacity means a different iteration order. Knowing the
 * last call lets {@link #mergeInto} replay that one resize exactly (fuzz seed 201086).
 *
 * <p>How the summary is taken: not on every call. The loop body's calls go straight to this map
 * (an override of {@code merge} here cost wordfreq a fifth of its speed with two workers); only a
 * piece's final chunk runs against a {@link Recorder}, whose last call is the piece's last call. If
 * the final chunk made no call at all, a {@link Probe} re-runs the piece's earlier iterations to
 * find it: the analyzer proved the body pure but for its {@code merge} statements, so a re-run only
 * repeats their keys. Only targets whose capacity decides their order ({@link #recorded}) need it.
 */
final class KeyedView<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;

  /** Whether any {@code merge} call reached this map. */
  private boolean called;
  /** The key of the last {@code merge} call, in index order. */
  private K lastKey;
  /** Whether that last call inserted its key (first occurrence in the range this map covers). */
  private boolean lastInserted;

  /**
   * Whether a keyed reduction into {@code target} needs the last-call summary: a {@link
   * java.util.HashMap} (or a subclass) whose iteration order follows its capacity; not a {@link
   * LinkedHashMap} (insertion order) nor a sorted map.
   */
  static boolean recorded(Map<?, ?> target) {
    return target instanceof java.util.HashMap && !(target instanceof LinkedHashMap);
  }

  private void noteCall(K key, boolean inserted) {
    called = true;
    lastKey = key;
    lastInserted = inserted;
  }

  /**
   * Runs a piece's final chunk {@code [lo, hi)} against a {@link Recorder}; if it made no call,
   * re-runs the piece's earlier iterations {@code [start, lo)} against a {@link Probe}.
   */
  void runFinalChunk(IntRangeInto<Map<K, V>> body, int start, int lo, int hi) {
    body.run(lo, hi, new Recorder<>(this));
    if (!called && start < lo) {
      Probe<K, V> probe = new Probe<>();
      body.run(start, lo, probe);
      if (probe.called) noteCall(probe.lastKey, probe.lastInserted);
    }
  }

  /**
   * Appends the map of the range right after this one: its entries merged in its insertion order,
   * and its last call becomes the last call (an insertion only if this range never had the key).
   */
  void absorb(KeyedView<K, V> right, BiFunction<? super V, ? super V, ? extends V> remapping) {
    if (right.called) noteCall(right.lastKey, right.lastInserted && !containsKey(right.lastKey));
    right.forEach((k, v) -> merge(k, v, remapping));
  }

  /**
   * Merges this map into {@code target} in first-occurrence order with {@code target.merge}; then,
   * for a {@link #recorded} target, leaves it as the sequential loop's per-iteration calls would
   * have: if the loop's last call did not insert a new key into {@code target}, one
   * {@code computeIfAbsent} on that (present, non-null) key performs the lazy resize the sequential
   * loop's last call performed, and nothing else.
   */
  void mergeInto(Map<K, V> target, BiFunction<? super V, ? super V, ? extends V> remapping) {
    boolean replay = recorded(target) && called && !(lastInserted && !target.containsKey(lastKey));
    forEach((k, v) -> target.merge(k, v, remapping));
    if (replay) {
      K k = lastKey;
      target.computeIfAbsent(k, absent -> {
        throw new IllegalStateException("weft: key " + absent + " vanished from the keyed reduction's target");
      });
    }
  }

  /** The view as a piece's final chunk sees it: every call goes to the view and is noted. */
  private static final class Recorder<K, V> extends AbstractMap<K, V> {
    private final KeyedView<K, V> view;

    Recorder(KeyedView<K, V> view) {
      this.view = view;
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
      int before = view.size();
      V result = view.merge(key, value, remapping);
      view.noteCall(key, view.size() > before);
      return result;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return view.entrySet();
    }

    @Override
    public V get(Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public V put(K key, V value) {
      return view.put(key, value);
    }
  }

  /**
   * Stands in for the view when a piece's earlier iterations are re-run to find their last call:
   * notes the keys of {@code merge} calls and changes nothing. The analyzer admits only {@code merge}
   * statements on a keyed reduction's map; anything else means a Weft bug, so it fails loudly.
   */
  private static final class Probe<K, V> extends AbstractMap<K, V> {
    private final Set<K> seen = new HashSet<>();
    private boolean called;
    private K lastKey;
    private boolean lastInserted;

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
      called = true;
      lastKey = key;
      lastInserted = seen.add(key);
      return null; // a merge statement: its value is never used
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      throw new IllegalStateException("weft: a keyed reduction's loop read its map; only merge statements are expected");
    }
  }
}
