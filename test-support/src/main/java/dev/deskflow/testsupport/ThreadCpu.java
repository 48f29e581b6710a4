package dev.deskflow.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where this JVM's CPU went between two readings, by thread group: the thread names with
 * their numbers taken out ({@code reactor-http-epoll-2} counts as
 * {@code reactor-http-epoll}), so a benchmark can say how much of a request's CPU its
 * server threads, its database driver, an in-process Kafka broker or the load client
 * spent. The VM's own threads are not Java threads; on Linux their CPU is read from
 * {@code /proc/self/task} and reported as {@link #JIT} (the compiler threads),
 * {@link #GC} (the collector's threads, and the VM thread, which runs the serial and
 * parallel collectors' pauses) and {@link #VIRTUAL_MACHINE} (whatever remains).
 */
public final class ThreadCpu {

	/** The group for the CPU no Java thread, compiler or collector accounts for. */
	public static final String VIRTUAL_MACHINE = "(other VM)";

	/** The group of the JIT compiler threads. */
	public static final String JIT = "(JIT)";

	/** The group of the garbage collector's threads and of the VM thread. */
	public static final String GC = "(GC, VM thread)";

	private static final Pattern NUMBERS = Pattern.compile("[-_#. ]?\\d+");

	private static final Pattern COMPILER = Pattern.compile("C[12] CompilerThre.*");

	private static final Pattern COLLECTOR = Pattern.compile("(GC Thread|G1 |VM Thread|ZWorker|ZDriver|Shenandoah).*");

	private final Map<Long, Long> nanosByThread;

	private final Map<Long, String> names;

	private final long processNanos;

	private final long jitNanos;

	private final long gcNanos;

	private ThreadCpu(Map<Long, Long> nanosByThread, Map<Long, String> names, long processNanos, long jitNanos,
			long gcNanos) {
		this.nanosByThread = nanosByThread;
		this.names = names;
		this.processNanos = processNanos;
		this.jitNanos = jitNanos;
		this.gcNanos = gcNanos;
	}

	/**
	 * @return the CPU time of every live thread of this JVM now
	 */
	public static ThreadCpu now() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, Long> nanos = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info == null) {
				continue; // ended while being listed
			}
			long cpu = threads.getThreadCpuTime(info.getThreadId());
			if (cpu >= 0) {
				nanos.put(info.getThreadId(), cpu);
				names.put(info.getThreadId(), info.getThreadName());
			}
		}
		return new ThreadCpu(nanos, names, CpuTime.thisJvmNanos(), nativeThreadsNanos(COMPILER),
				nativeThreadsNanos(COLLECTOR));
	}

	/**
	 * @return the CPU time of this process's threads whose name matches, from
	 * {@code /proc/self/task} (0 where there is none)
	 */
	private static long nativeThreadsNanos(Pattern name) {
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return 0;
		}
		long ticks = 0;
		try (Stream<Path> threads = Files.list(tasks)) {
			for (Path thread : (Iterable<Path>) threads::iterator) {
				ticks += CpuTime.ticksOf(thread, name.asMatchPredicate());
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return ticks * CpuTime.NANOS_PER_TICK;
	}

	/**
	 * @param earlier a reading taken before this one
	 * @return nanoseconds per thread group since {@code earlier}, the largest first; a
	 * Java thread that ended in between is not counted, its CPU goes to
	 * {@link #VIRTUAL_MACHINE}
	 */
	public Map<String, Long> since(ThreadCpu earlier) {
		Map<String, Long> groups = new HashMap<>();
		long accounted = 0;
		for (Map.Entry<Long, Long> thread : this.nanosByThread.entrySet()) {
			long spent = thread.getValue() - earlier.nanosByThread.getOrDefault(thread.getKey(), 0L);
			accounted += spent;
			groups.merge(group(this.names.get(thread.getKey())), spent, Long::sum);
		}
		long jit = this.jitNanos - earlier.jitNanos;
		long gc = this.gcNanos - earlier.gcNanos;
		groups.merge(JIT, jit, Long::sum);
		groups.merge(GC, gc, Long::sum);
		groups.merge(VIRTUAL_MACHINE, Math.max(0, (this.processNanos - earlier.processNanos) - accounted - jit - gc),
				Long::sum);
		return groups.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * @param name a thread's name
	 * @return its group: the name without its numbers
	 */
	static String group(String name) {
		String group = NUMBERS.matcher(name).replaceAll("");
		return group.isBlank() ? name : group;
	}

}
