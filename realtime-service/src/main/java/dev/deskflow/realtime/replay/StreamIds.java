package dev.deskflow.realtime.replay;

/**
 * Orders Redis stream ids ({@code <millis>-<sequence>}), the ids clients see on events
 * and send back as {@code after}.
 */
public final class StreamIds {

	private StreamIds() {
	}

	/**
	 * @param id a candidate
	 * @return whether it has the shape of a stream id
	 */
	public static boolean isValid(String id) {
		return id != null && id.length() <= 41 && id.matches("\\d{1,20}-\\d{1,20}");
	}

	/**
	 * @param left a valid id
	 * @param right a valid id
	 * @return negative, zero or positive as {@code left} is before, equal to or after
	 * {@code right}
	 */
	public static int compare(String left, String right) {
		String[] a = left.split("-");
		String[] b = right.split("-");
		int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a[0]), Long.parseUnsignedLong(b[0]));
		return (byTime != 0) ? byTime
				: Long.compareUnsigned(Long.parseUnsignedLong(a[1]), Long.parseUnsignedLong(b[1]));
	}

}
