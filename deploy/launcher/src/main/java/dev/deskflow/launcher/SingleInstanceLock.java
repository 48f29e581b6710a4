package dev.deskflow.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One local platform per data folder: an OS file lock that the kernel releases when the
 * launcher's process ends, however it ends.
 */
final class SingleInstanceLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private SingleInstanceLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @param file the lock file
	 * @return the lock, or empty when another launcher holds it
	 * @throws IOException when the file cannot be opened
	 */
	static Optional<SingleInstanceLock> tryAcquire(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
		channel.force(true);
		return Optional.of(new SingleInstanceLock(channel, lock));
	}

	/**
	 * @param file the lock file
	 * @return the process id the current holder wrote, if readable
	 */
	static String holder(Path file) {
		try {
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
