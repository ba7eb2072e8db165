package org.transferportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the Transfer Portal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransferPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(TransferPortalApplication.class, args);
	}

}
