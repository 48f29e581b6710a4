package dev.deskflow.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

/**
 * The boundaries every Deskflow module keeps, as ArchUnit rules each module's tests check
 * against its own classes.
 */
public final class ArchitectureRules {

	private static final String[] SERVICES = { "gateway", "ticket", "ai", "realtime" };

	private ArchitectureRules() {
	}

	/**
	 * @param service the service's package segment under {@code dev.deskflow}
	 * @return no class of the service uses another service's packages
	 */
	public static ArchRule servicesStayInTheirOwnPackages(String service) {
		String[] others = java.util.Arrays.stream(SERVICES)
			.filter((other) -> !other.equals(service))
			.map((other) -> "dev.deskflow." + other + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage("dev.deskflow." + service + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services talk over HTTP and Kafka, never through each other's code");
	}

	/**
	 * @return constructor injection only: no {@code @Autowired} or {@code @Inject} fields
	 */
	public static ArchRule noFieldInjection() {
		return NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
	}

	/**
	 * @param service the service's package segment under {@code dev.deskflow}
	 * @return the service does not depend on test support in its production code
	 */
	public static ArchRule noTestSupportInProductionCode(String service) {
		return noClasses().that()
			.resideInAPackage("dev.deskflow." + service + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.deskflow.testsupport..");
	}

}
