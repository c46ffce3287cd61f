package dev.weft.analyzer.effects;

/** Effects that are not memory accesses. Any of them (but THROWS) keeps a call out of a region. */
public enum EffectFlag {
  /** Reads or writes a stream, file, socket, console, clock or environment. */
  IO,
  /** Calls native code the model does not vouch for. */
  NATIVE,
  /** Enters a monitor, or calls wait/notify, or a java.util.concurrent blocking operation. */
  SYNCHRONIZATION,
  /** Uses reflection, method handles, or class loading. */
  REFLECTION,
  /** May throw explicitly ({@code throw} statement), beyond the runtime exceptions of the JVM. */
  THROWS,
  /** Calls something whose effect could not be determined (no bytecode, past an analysis bound). */
  UNKNOWN
}
