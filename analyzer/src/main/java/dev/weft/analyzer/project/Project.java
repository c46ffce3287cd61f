package dev.weft.analyzer.project;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * A codebase ready for analysis: where its sources are, what it compiles against, and where its
 * bytecode is (the project's own {@code target/classes} when fresh, otherwise a temporary
 * directory the loader compiled the sources into).
 *
 * @param root the directory the user named (absolute, normalised)
 * @param sourceRoots directories holding Java sources
 * @param javaFiles every {@code .java} file under the source roots, sorted
 * @param classpath jars and directories the sources compile against (not the JDK)
 * @param classDirectories directories holding the project's own compiled classes
 */
public record Project(
    Path root,
    ImmutableList<Path> sourceRoots,
    ImmutableList<Path> javaFiles,
    ImmutableList<Path> classpath,
    ImmutableList<Path> classDirectories) {}
