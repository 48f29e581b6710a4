package dev.deskflow.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * {@code common} is a contract every service depends on, so it may depend on nothing but
 * the JDK and Jackson: no Spring, and no other Deskflow module.
 */
@AnalyzeClasses(packages = "dev.deskflow.common", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonDependencyRulesTest {

	@ArchTest
	static final ArchRule dependsOnlyOnTheJdkAndJackson = classes().that()
		.resideInAPackage("dev.deskflow.common..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.deskflow.common..", "tools.jackson..", "com.fasterxml.jackson.annotation..")
		.because("common holds contracts only and must not drag Spring or another module into its users");

}
