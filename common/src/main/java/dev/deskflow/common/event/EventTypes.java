package dev.deskflow.common.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one registry of event types: each CloudEvents {@code type} string and the record
 * class it is read into. Every record of the {@link DeskflowEvent} hierarchy is
 * registered here, and nothing else is.
 */
public final class EventTypes {

	private static final Map<String, Class<? extends DeskflowEvent>> CLASSES_BY_TYPE;

	private static final Map<Class<? extends DeskflowEvent>, String> TYPES_BY_CLASS;

	static {
		Map<String, Class<? extends DeskflowEvent>> byType = new LinkedHashMap<>();
		byType.put(TicketCreated.TYPE, TicketCreated.class);
		byType.put(TicketStatusChanged.TYPE, TicketStatusChanged.class);
		byType.put(TicketCommented.TYPE, TicketCommented.class);
		byType.put(TicketAssigned.TYPE, TicketAssigned.class);
		byType.put(TicketUpdated.TYPE, TicketUpdated.class);
		byType.put(KbArticlePublished.TYPE, KbArticlePublished.class);
		byType.put(SlaAtRisk.TYPE, SlaAtRisk.class);
		byType.put(SlaBreached.TYPE, SlaBreached.class);
		byType.put(RecommendationsReady.TYPE, RecommendationsReady.class);
		Map<Class<? extends DeskflowEvent>, String> byClass = new LinkedHashMap<>();
		byType.forEach((type, eventClass) -> byClass.put(eventClass, type));
		CLASSES_BY_TYPE = Collections.unmodifiableMap(byType);
		TYPES_BY_CLASS = Collections.unmodifiableMap(byClass);
	}

	private EventTypes() {
	}

	/**
	 * Every registered type string, in a stable order.
	 * @return the type strings
	 */
	public static Set<String> types() {
		return CLASSES_BY_TYPE.keySet();
	}

	/**
	 * Every registered record class, in the same order as {@link #types()}.
	 * @return the record classes
	 */
	public static Set<Class<? extends DeskflowEvent>> classes() {
		return TYPES_BY_CLASS.keySet();
	}

	/**
	 * Whether a type string is registered; consumers use it to skip types they do not
	 * know.
	 * @param type a CloudEvents {@code type}
	 * @return whether it is registered
	 */
	public static boolean isKnown(String type) {
		return CLASSES_BY_TYPE.containsKey(type);
	}

	/**
	 * The record class a type is read into.
	 * @param type a CloudEvents {@code type}
	 * @return the record class, or empty if the type is not registered
	 */
	public static Optional<Class<? extends DeskflowEvent>> classOf(String type) {
		return Optional.ofNullable(CLASSES_BY_TYPE.get(type));
	}

	/**
	 * The type string of a record class.
	 * @param eventClass an event record class
	 * @return its type string
	 * @throws IllegalArgumentException if the class is not registered
	 */
	public static String typeOf(Class<? extends DeskflowEvent> eventClass) {
		String type = TYPES_BY_CLASS.get(eventClass);
		if (type == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not a registered event class");
		}
		return type;
	}

}
