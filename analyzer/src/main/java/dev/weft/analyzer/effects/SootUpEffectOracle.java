package dev.weft.analyzer.effects;

import com.google.common.collect.ImmutableSet;
import com.google.common.util.concurrent.Uninterruptibles;
import dev.weft.analyzer.project.Project;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import sootup.core.inputlocation.AnalysisInputLocation;
import sootup.core.model.SourceType;
import sootup.core.signatures.MethodSubSignature;
import sootup.core.types.ClassType;
import sootup.java.bytecode.frontend.inputlocation.JrtFileSystemAnalysisInputLocation;
import sootup.java.bytecode.frontend.inputlocation.PathBasedAnalysisInputLocation;
import sootup.java.core.JavaIdentifierFactory;
import sootup.java.core.views.JavaView;

/**
 * The effect oracle over a project's bytecode, its classpath and the running JDK.
 *
 * <p>Every input location is created with no body interceptors: the default ones (TypeAssigner
 * above all) cost seconds per thousand JDK classes, and the analysis needs no local types. Classes
 * load on demand, so a query touches only the classes it reaches.
 *
 * <p>Thread-safe: answers are cached in a concurrent map; a missing one is computed on the
 * oracle's own thread, because SootUp's view and the engine's tables are not thread-safe, and so
 * that the answer does not depend on the caller's stack size (a deep call chain would otherwise
 * overflow on one thread and not on another). A failure inside SootUp becomes an {@link
 * EffectFlag#UNKNOWN} answer, never an exception. The engine's bounds are counts, so answers do
 * not depend on load or on the order of the queries either ({@link BytecodeEffects}).
 */
public final class SootUpEffectOracle implements EffectOracle {

  private final BytecodeEffects engine;
  private final ConcurrentHashMap<MethodRef, EffectSummary> answers = new ConcurrentHashMap<>();
  private final JavaIdentifierFactory ids = JavaIdentifierFactory.getInstance();
  /**
   * The one thread that touches the engine; a daemon that ends after a second idle, so an
   * unused oracle holds no thread and never keeps a JVM alive.
   */
  private final ExecutorService worker = newWorker();

  private static ExecutorService newWorker() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(null, r, "weft-effects", ENGINE_STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Deep enough for Tarjan's recursion over any call chain we have met (commons-math: ~2k). */
  private static final long ENGINE_STACK_BYTES = 256L << 20;

  private SootUpEffectOracle(BytecodeEffects engine) {
    this.engine = engine;
  }

  /** Builds the oracle; cheap: it lists the project's class files and opens the input locations. */
  public static SootUpEffectOracle create(Project project) {
    List<AnalysisInputLocation> locations = new ArrayList<>();
    Set<ClassType> projectTypes = new HashSet<>();
    Set<String> lambdaInterfaces = new HashSet<>();
    JavaIdentifierFactory ids = JavaIdentifierFactory.getInstance();
    for (Path dir : project.classDirectories()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      locations.add(PathBasedAnalysisInputLocation.create(dir, SourceType.Application, List.of()));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          String n = dir.relativize(file).toString();
          if (n.endsWith("module-info.class") || n.endsWith("package-info.class")) {
            continue;
          }
          projectTypes.add(ids.getClassType(n.substring(0, n.length() - ".class".length()).replace(File.separator, ".")));
          LambdaScanner.scan(file, lambdaInterfaces);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path entry : project.classpath()) {
      if (Files.exists(entry)) {
        locations.add(PathBasedAnalysisInputLocation.create(entry, SourceType.Library, List.of()));
      }
    }
    locations.add(new JrtFileSystemAnalysisInputLocation(SourceType.Library, List.of()));
    JavaView view = new JavaView(locations);
    Set<ClassType> lambdaTypes = new HashSet<>();
    lambdaInterfaces.forEach(n -> lambdaTypes.add(ids.getClassType(n)));
    return new SootUpEffectOracle(
        new BytecodeEffects(view, JdkModel.load(), ImmutableSet.copyOf(projectTypes), ImmutableSet.copyOf(lambdaTypes)));
  }

  @Override
  public EffectSummary summaryOf(MethodRef method) {
    EffectSummary known = answers.get(method);
    if (known != null) {
      return known;
    }
    return onWorker(() -> answers.computeIfAbsent(method, this::compute));
  }

  private <T> T onWorker(Callable<T> task) {
    try {
      return Uninterruptibles.getUninterruptibly(worker.submit(task));
    } catch (ExecutionException e) {
      throw new IllegalStateException("effect analysis failed", e.getCause());
    }
  }

  private EffectSummary compute(MethodRef method) {
    try {
      ClassType owner = ids.getClassType(method.declaringClass());
      MethodSubSignature sub =
          ids.getMethodSubSignature(
              method.name(),
              ids.getType(method.returnType()),
              method.parameterTypes().stream().map(ids::getType).toList());
      boolean virtual = !engine.dispatchesStatically(owner, sub);
      return engine.callEffects(owner, sub, virtual, method.display()).toSummary(method);
    } catch (RuntimeException | StackOverflowError e) {
      return EffectSummary.unknown(method, "effect analysis failed: " + e);
    }
  }

  /** How many classes SootUp has loaded so far (JDK included): the cost of the answers given. */
  public int loadedClasses() {
    return onWorker(engine::loadedClasses);
  }
}
