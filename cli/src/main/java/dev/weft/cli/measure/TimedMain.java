package dev.weft.cli.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The main class of every measured child JVM: runs the program's {@code main} reflectively and,
 * when the JVM shuts down (normal end, {@code System.exit}, uncaught exception), writes the
 * process's CPU time in nanoseconds to the file named by {@value #CPU_FILE_PROPERTY}. Never to
 * stdout: stdout is what gets compared.
 *
 * <p>The class file is copied on its own into a directory on the child's class path, so it may use
 * nothing but the JDK (no Guava, no other class of weft, no nested classes).
 */
public final class TimedMain {

  public static final String CPU_FILE_PROPERTY = "weft.measure.cpuFile";

  private TimedMain() {}

  public static void main(String[] args) throws Throwable {
    String cpuFile = System.getProperty(CPU_FILE_PROPERTY);
    if (cpuFile != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> writeCpuTime(Path.of(cpuFile))));
    }
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      // Rethrown unwrapped: the JVM prints it and exits with 1, as for the program run directly.
      throw e.getCause();
    }
  }

  private static void writeCpuTime(Path file) {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean sun)) return;
    try {
      Files.writeString(file, Long.toString(sun.getProcessCpuTime()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      // no CPU time for this run; the report shows it as missing
    }
  }
}
