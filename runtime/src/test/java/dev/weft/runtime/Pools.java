package dev.weft.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One pool per parallelism for the whole test run: pool threads are daemons and never exit. */
final class Pools {
  private static final Map<Integer, WeftPool> POOLS = new ConcurrentHashMap<>();

  private Pools() {}

  static WeftPool of(int parallelism) {
    return POOLS.computeIfAbsent(parallelism, WeftPool::new);
  }

  static Stream<WeftPool> all() {
    return Stream.of(1, 2, 4, 16).map(Pools::of);
  }
}
