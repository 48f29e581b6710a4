package dev.deskflow.common.event;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypesTest {

	@Test
	void registersEveryPermittedEventRecordAndNothingElse() {
		Set<Class<?>> leaves = permittedLeaves(DeskflowEvent.class);

		assertThat(leaves).hasSize(9).allSatisfy((leaf) -> assertThat(leaf.isRecord()).as(leaf.getName()).isTrue());
		assertThat(new LinkedHashSet<Class<?>>(EventTypes.classes())).containsExactlyInAnyOrderElementsOf(leaves);
	}

	@Test
	void mapsEachTypeToItsRecordAndBack() {
		for (String type : EventTypes.types()) {
			Class<? extends DeskflowEvent> eventClass = EventTypes.classOf(type).orElseThrow();
			assertThat(EventTypes.typeOf(eventClass)).isEqualTo(type);
			assertThat(typeConstantOf(eventClass)).as(eventClass.getSimpleName() + ".TYPE").isEqualTo(type);
		}
	}

	@Test
	void everyEventReportsItsRegisteredType() {
		assertThat(SampleEvents.all()).extracting(Object::getClass)
			.containsExactlyInAnyOrderElementsOf(EventTypes.classes());
		assertThat(SampleEvents.all())
			.allSatisfy((event) -> assertThat(event.type()).isEqualTo(EventTypes.typeOf(event.getClass())));
	}

	@Test
	void typesAreLowercaseDottedAndUnique() {
		assertThat(EventTypes.types()).hasSize(EventTypes.classes().size())
			.allSatisfy((type) -> assertThat(type).matches("[a-z]+\\.[a-z]+(-[a-z]+)*"));
		assertThat(EventTypes.types()).containsExactlyInAnyOrder("ticket.created", "ticket.status-changed",
				"ticket.commented", "ticket.assigned", "ticket.updated", "kb.article-published", "sla.at-risk",
				"sla.breached", "recommendations.ready");
	}

	@Test
	void doesNotKnowUnregisteredTypes() {
		assertThat(EventTypes.isKnown("ticket.merged")).isFalse();
		assertThat(EventTypes.classOf("ticket.merged")).isEmpty();
		assertThat(EventTypes.isKnown(TicketCreated.TYPE)).isTrue();
	}

	@Test
	void registryIsReadOnly() {
		assertThat(EventTypes.types()).isUnmodifiable();
		assertThat(EventTypes.classes()).isUnmodifiable();
	}

	@Test
	void typeOfRejectsAnUnregisteredClass() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.typeOf(DeskflowEvent.class))
			.withMessageContaining(DeskflowEvent.class.getName());
	}

	private static Set<Class<?>> permittedLeaves(Class<?> sealed) {
		Set<Class<?>> leaves = new LinkedHashSet<>();
		for (Class<?> permitted : sealed.getPermittedSubclasses()) {
			if (permitted.isSealed()) {
				leaves.addAll(permittedLeaves(permitted));
			}
			else {
				leaves.add(permitted);
			}
		}
		return leaves;
	}

	private static String typeConstantOf(Class<?> eventClass) {
		try {
			Field field = eventClass.getField("TYPE");
			assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).isTrue();
			return (String) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(eventClass.getName() + " has no public TYPE constant", ex);
		}
	}

}
