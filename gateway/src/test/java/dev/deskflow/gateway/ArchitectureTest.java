package dev.deskflow.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.deskflow.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "dev.deskflow.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule staysInItsOwnPackages = ArchitectureRules.servicesStayInTheirOwnPackages("gateway");

	@ArchTest
	static final ArchRule injectsThroughConstructors = ArchitectureRules.noFieldInjection();

	@ArchTest
	static final ArchRule keepsTestSupportOutOfProductionCode = ArchitectureRules
		.noTestSupportInProductionCode("gateway");

}
