package dev.weft.cli.measure;

/**
 * One run of one version of the program, in its own JVM.
 *
 * @param stdout everything it printed to standard output, byte for byte
 * @param exitCode the process's exit status
 * @param wallNanos from starting the process to its exit (JVM start included, for both versions)
 * @param cpuNanos the process's CPU time, all threads (JIT and GC included); -1 when the JVM
 *     could not report it (e.g. the program halted the JVM without running shutdown hooks)
 * @param stderr what it printed to standard error (not compared; shown when a run fails)
 */
public record RunSample(byte[] stdout, int exitCode, long wallNanos, long cpuNanos, String stderr) {

  public double wallSeconds() {
    return wallNanos / 1e9;
  }

  public boolean hasCpu() {
    return cpuNanos >= 0;
  }

  public double cpuSeconds() {
    return cpuNanos / 1e9;
  }
}
