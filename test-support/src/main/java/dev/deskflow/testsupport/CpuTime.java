package dev.deskflow.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time spent so far, for benchmarks that print CPU per request next to throughput
 * (less sensitive than throughput to whatever else the machine runs).
 */
public final class CpuTime {

	/** Linux's clock ticks per second for {@code /proc/[pid]/stat} (USER_HZ). */
	private static final long TICKS_PER_SECOND = 100;

	/** One clock tick of {@code /proc/[pid]/stat}, in nanoseconds. */
	static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

	private CpuTime() {
	}

	/**
	 * @return the CPU time of this JVM (every thread), in nanoseconds
	 */
	public static long thisJvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * The CPU time of every running process with the given command name (user + system,
	 * from {@code /proc}); a process that exited since an earlier reading takes its time
	 * with it, so compare readings of long-lived processes (a connection pool's
	 * PostgreSQL backends).
	 * @param command the name, as {@code /proc/[pid]/comm} shows it (e.g.
	 * {@code postgres})
	 * @return nanoseconds, or -1 where there is no {@code /proc}
	 */
	public static long processesNanos(String command) {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return -1;
		}
		long ticks = 0;
		try (Stream<Path> entries = Files.list(proc)) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
					ticks += ticksOf(entry, command::equals);
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return ticks * NANOS_PER_TICK;
	}

	/**
	 * @param task a process's or thread's folder in {@code /proc}
	 * @param name which names count
	 * @return its user + system clock ticks, or 0 when its name does not count or it
	 * ended while being read
	 */
	static long ticksOf(Path task, Predicate<String> name) {
		try {
			String stat = Files.readString(task.resolve("stat"));
			int open = stat.indexOf('(');
			int close = stat.lastIndexOf(')');
			if (open < 0 || close < open || !name.test(stat.substring(open + 1, close))) {
				return 0;
			}
			// after the name: state, ppid, ... utime is field 14 and stime 15 of the
			// line
			String[] fields = stat.substring(close + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0; // it ended while being read
		}
	}

}
