package org.transferportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the Transfer Portal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TransferPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(TransferPortalApplication.class, args);
	}

}
