package com.healthcontent.readersite;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReaderSiteApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReaderSiteApplication.class, args);
    }
}
