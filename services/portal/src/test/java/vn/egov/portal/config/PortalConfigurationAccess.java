package vn.egov.portal.config;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages use the portal's real configuration (clock). */
@TestConfiguration
@Import(PortalConfiguration.class)
public class PortalConfigurationAccess {}
