package dev.deskflow.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where this JVM's CPU went between two readings, by thread group: the thread names with
 * their numbers taken out ({@code reactor-http-epoll-2} counts as
 * {@code reactor-http-epoll}), so a benchmark can say how much of a request's CPU its
 * server threads, its database driver, an in-process Kafka broker or the load client
 * spent. What no Java thread accounts for (garbage collection, the JIT compilers, other
 * VM threads) is reported as one more group.
 */
public final class ThreadCpu {

	/** The group for the CPU no Java thread accounts for. */
	public static final String VIRTUAL_MACHINE = "(GC, JIT, VM)";

	private static final Pattern NUMBERS = Pattern.compile("[-_#. ]?\\d+");

	private final Map<Long, Long> nanosByThread;

	private final Map<Long, String> names;

	private final long processNanos;

	private ThreadCpu(Map<Long, Long> nanosByThread, Map<Long, String> names, long processNanos) {
		this.nanosByThread = nanosByThread;
		this.names = names;
		this.processNanos = processNanos;
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
		return new ThreadCpu(nanos, names, CpuTime.thisJvmNanos());
	}

	/**
	 * @param earlier a reading taken before this one
	 * @return nanoseconds per thread group since {@code earlier}, the largest first; a
	 * thread that ended in between is not counted, its CPU goes to
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
		groups.merge(VIRTUAL_MACHINE, Math.max(0, (this.processNanos - earlier.processNanos) - accounted), Long::sum);
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
